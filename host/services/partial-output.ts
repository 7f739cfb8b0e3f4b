// An export's output file while it is being written: a temporary name beside the target
// (`.<name>.<pid>.partial`), renamed into place only by `commit`, so a failed or cancelled export
// never leaves a half-written file and never touches a previous one. Small pieces (a line per
// annotation) are gathered and written about a megabyte at a time, synchronously: exports run in
// their own worker thread (export-runner.ts), where a blocking write costs nothing else, and
// 200,000 separate asynchronous writes would spend most of an export waiting.
import { closeSync, openSync, promises as fs, writeSync } from 'node:fs';
import path from 'node:path';
import { GlossError, writeFailureReason } from '../../shared/errors.js';

const BATCH_CHARS = 1 << 20;

export class PartialOutput {
  private fd: number | null;
  private pending: string[] = [];
  private pendingSize = 0;

  private constructor(
    readonly target: string,
    readonly temporary: string,
  ) {
    this.fd = writing(target, () => openSync(temporary, 'w'));
  }

  /** Start writing `target` (an absolute path) under its temporary name. */
  static open(target: string): PartialOutput {
    return new PartialOutput(target, partialPathFor(target));
  }

  write(chunk: string): void {
    this.pending.push(chunk);
    this.pendingSize += chunk.length;
    if (this.pendingSize >= BATCH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.fd === null) throw new Error('The export output is already closed.');
    if (this.pending.length === 0) return;
    const data = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    this.pendingSize = 0;
    const fd = this.fd;
    writing(this.target, () => writeSync(fd, data));
  }

  /** Write what is pending, close the file and rename it onto the target. */
  async commit(): Promise<void> {
    this.flush();
    closeSync(this.fd!);
    this.fd = null;
    await fs.rename(this.temporary, this.target);
  }

  /** Close and remove the temporary file (the target is left as it was). */
  async discard(): Promise<void> {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    await fs.rm(this.temporary, { force: true });
  }
}

/** Run a write, turning its failure into a message for the analyst. */
function writing<T>(target: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    throw new GlossError('write-failed', `Could not write the export to ${target}: ${writeFailureReason(err)}.`);
  }
}

/** The temporary name an export writes `target` under (a file, or for brat a folder). */
export function partialPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
}
