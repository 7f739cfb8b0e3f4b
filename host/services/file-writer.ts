// Writes an export's many small files (brat: a .txt and a .ann per article) on a thread of its
// own, so creating 20,000 files overlaps with preparing them instead of adding to it. On this
// machine's disk, creating that many files took from 0.4 s to over 4 s depending on writeback;
// on the export's thread it all added to the export. Files are sent in batches; at most
// MAX_IN_FLIGHT batches wait, so memory stays bounded. Without the built worker script (unit
// tests on the TypeScript sources) files are written on the calling thread.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker, type MessagePort } from 'node:worker_threads';
import { GlossError, writeFailureReason } from '../../shared/errors.js';

export interface FileToWrite {
  path: string;
  data: string;
}

type WriterMessage = { type: 'written'; batch: number } | { type: 'failed'; message: string };

const MAX_IN_FLIGHT = 8;
const BATCH_FILES = 32;

/** The writer thread's side: write each batch, in order, making folders as needed. */
export function serveFileWrites(port: MessagePort): void {
  const made = new Set<string>();
  let failed = false;
  port.on('message', ({ batch, files }: { batch: number; files: FileToWrite[] }) => {
    if (failed) return;
    try {
      writeFiles(files, made);
      port.postMessage({ type: 'written', batch } satisfies WriterMessage);
    } catch (err) {
      failed = true;
      port.postMessage({ type: 'failed', message: (err as Error).message } satisfies WriterMessage);
    }
  });
}

function writeFiles(files: readonly FileToWrite[], made: Set<string>): void {
  for (const file of files) {
    const dir = path.dirname(file.path);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      writeFileSync(file.path, file.data, 'utf8');
    } catch (err) {
      throw new GlossError('write-failed', `Could not write ${file.path}: ${writeFailureReason(err)}.`);
    }
  }
}

export class FileWriter {
  private readonly worker: Worker | null;
  private readonly made = new Set<string>();
  private batch: FileToWrite[] = [];
  private sent = 0;
  private written = 0;
  private failure: Error | null = null;
  private closing = false;
  private wake: (() => void) | null = null;

  /** `script`: the export worker script, run in its file-writer role; null writes on this thread. */
  constructor(script: string | null) {
    this.worker = script ? new Worker(script, { workerData: { role: 'file-writer' } }) : null;
    this.worker?.on('message', (message: WriterMessage) => {
      if (message.type === 'written') this.written = message.batch;
      else this.failure ??= new GlossError('write-failed', message.message);
      this.wake?.();
    });
    this.worker?.on('error', (err) => {
      this.failure ??= err;
      this.wake?.();
    });
    // A thread that stops before it is told to (out of memory…) would leave `close` waiting.
    this.worker?.on('exit', (code) => {
      if (!this.closing) this.failure ??= new GlossError('write-failed', `The file-writing thread stopped unexpectedly (exit code ${code}).`);
      this.wake?.();
    });
  }

  /** Queue a file; waits while too many batches are in flight. Throws the first failure. */
  async write(file: FileToWrite): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.worker) return writeFiles([file], this.made);
    this.batch.push(file);
    if (this.batch.length >= BATCH_FILES) await this.send();
  }

  private async send(): Promise<void> {
    if (this.batch.length > 0) {
      this.worker!.postMessage({ batch: ++this.sent, files: this.batch });
      this.batch = [];
    }
    while (!this.failure && this.sent - this.written >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
  }

  /** Wait until every queued file is written, then stop the thread. Throws the first failure. */
  async close(): Promise<void> {
    try {
      if (!this.worker) return;
      await this.send();
      while (!this.failure && this.written < this.sent) await new Promise<void>((resolve) => (this.wake = resolve));
      if (this.failure) throw this.failure;
    } finally {
      this.closing = true;
      await this.worker?.terminate();
    }
  }
}
