// Folder-wide passes read thousands of small files synchronously (far cheaper than as many
// asynchronous reads here) and let the event loop run between batches, so the host keeps
// answering the UI while they go on.

/** Resolve after pending I/O and timers have had their turn. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
