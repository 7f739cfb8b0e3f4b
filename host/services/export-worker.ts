// The export worker's entry (built to dist/host/export-worker.mjs): runs one `exportFolder` off
// the host's main thread, so the host keeps answering the UI during a long export, and with a
// young generation large enough for an export's many short-lived objects (see export-runner.ts).
// Messages in: `{ type: 'cancel' }`. Out: progress, then one `done` or `failed`.
import { parentPort, workerData } from 'node:worker_threads';
import { toWireError } from '../../shared/errors.js';
import { exportFolder } from './corpus-export.js';
import type { ExportJob, ExportWorkerMessage } from './export-runner.js';

const port = parentPort;
if (!port) throw new Error('export-worker.mjs runs as a worker thread (see export-runner.ts).');
const job = workerData as ExportJob;
const controller = new AbortController();
port.on('message', (message: { type?: string }) => {
  if (message?.type === 'cancel') controller.abort();
});
const post = (message: ExportWorkerMessage) => port.postMessage(message);
let lastProgress = 0;
exportFolder(job.folder, {
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
}).then(
  (result) => post({ type: 'done', result }),
  (err) => post({ type: 'failed', error: toWireError(err) }),
);
