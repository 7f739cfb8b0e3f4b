// The export worker's entry (built to dist/host/export-worker.mjs): runs one `exportFolder` off
// the host's main thread, so the host keeps answering the UI during a long export, and with a
// young generation large enough for an export's many short-lived objects (see export-runner.ts).
// Messages in: `{ type: 'cancel' }`. Out: progress, then one `done` or `failed`.
// Started with `{ role: 'file-writer' }` it is instead an export's file-writing thread (file-writer.ts).
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { toWireError } from '../../shared/errors.js';
import type { ExportJob, ExportWorkerMessage } from './export-runner.js';

const port = parentPort;
if (!port) throw new Error('export-worker.mjs runs as a worker thread (see export-runner.ts).');
if ((workerData as { role?: string }).role === 'file-writer') {
  const { serveFileWrites } = await import('./file-writer.js');
  serveFileWrites(port);
} else {
  await runExport(port, workerData as ExportJob);
}

async function runExport(port: MessagePort, job: ExportJob): Promise<void> {
  const { exportFolder } = await import('./corpus-export.js');
  const controller = new AbortController();
  port.on('message', (message: { type?: string }) => {
    if (message?.type === 'cancel') controller.abort();
  });
  const post = (message: ExportWorkerMessage) => port.postMessage(message);
  let lastProgress = 0;
  try {
    const result = await exportFolder(job.folder, {
      ...job.options,
      signal: controller.signal,
      onProgress: (done, total) => {
        // Each source would be a message: report at most every 50 ms, and the last.
        const now = Date.now();
        if (done === total || now - lastProgress >= 50) {
          lastProgress = now;
          post({ type: 'progress', done, total });
        }
      },
    });
    post({ type: 'done', result });
  } catch (err) {
    post({ type: 'failed', error: toWireError(err) });
  }
}
