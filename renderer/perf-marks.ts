// Timings the app records with the User Timing API (performance.mark/measure), so benchmarks can
// read what the user waits for from inside the page: opening a document until its highlights are
// painted and the reader answers, and a key press until its highlight change is painted.

/** Entries kept per measure name, so a long session's timings do not pile up. */
const KEEP = 500;

/** The user asked to open a document (earlier opening marks are dropped). */
export function markOpenRequested(): void {
  for (const name of ['gloss:open-requested', 'gloss:document-received', 'gloss:document-shown', 'gloss:reader-built', 'gloss:highlights-painted']) performance.clearMarks(name);
  performance.clearMeasures('gloss:open-to-painted');
  performance.mark('gloss:open-requested');
}

function measureKept(name: string, start: number, end: number): void {
  if (performance.getEntriesByName(name, 'measure').length >= KEEP) performance.clearMeasures(name);
  performance.measure(name, { start, end });
}

/** Run `then` after the next frame has been painted (a frame callback, then a task after it). */
export function afterNextPaint(then: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then();
    channel.port2.postMessage(null);
  });
}

/** The key rehearsal (ui/key-rehearsal.ts) is done: `painted` of its `rounds` drew their highlight. */
export function markKeysRehearsed(painted: number, rounds: number): void {
  performance.mark('gloss:keys-rehearsed', { detail: { painted, rounds } });
}

/** The reader and its highlights are built; measure open → painted once the frame is on screen. */
export function markReaderBuilt(): void {
  performance.mark('gloss:reader-built');
  afterNextPaint(() => {
    performance.mark('gloss:highlights-painted');
    if (performance.getEntriesByName('gloss:open-requested', 'mark').length > 0) {
      performance.measure('gloss:open-to-painted', 'gloss:open-requested', 'gloss:highlights-painted');
    }
  });
}

/**
 * A key that changes annotations was pressed at `eventTime` (event.timeStamp) and its change has
 * been applied. Three measures:
 * - `key-work`: from the key press until the change is applied (input delay + the app's work);
 * - `key-to-paint`: until the frame showing the change has been painted;
 * - `key-processing`: key-work plus the rendering of that frame (style, layout, paint), leaving
 *   out the wait for the frame to begin, which the display's refresh sets (0–16.7 ms at 60 Hz).
 */
export function measureKeyToPaint(eventTime: number, what: string): void {
  const applied = performance.now();
  measureKept(`gloss:key-work:${what}`, eventTime, applied);
  requestAnimationFrame(() => {
    const frameStart = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const painted = performance.now();
      measureKept(`gloss:key-to-paint:${what}`, eventTime, painted);
      measureKept(`gloss:key-processing:${what}`, eventTime, applied + (painted - frameStart));
    };
    channel.port2.postMessage(null);
  });
}
