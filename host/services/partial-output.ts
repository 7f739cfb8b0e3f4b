// An export's output file while it is being written: a temporary name beside the target
// (`.<name>.<pid>.partial`), renamed into place only by `commit`, so a failed or cancelled export
// never leaves a half-written file and never touches a previous one. Small pieces (a line per
// annotation) are gathered into writes of about a megabyte: 200,000 separate writes spend most of
// an export waiting on the stream.
import { once } from 'node:events';
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import path from 'node:path';

const BATCH_CHARS = 1 << 20;

export class PartialOutput {
  private readonly stream: WriteStream;
  private failure: Error | null = null;
  private pending: string[] = [];
  private pendingSize = 0;

  private constructor(
    readonly target: string,
    readonly temporary: string,
  ) {
    this.stream = createWriteStream(temporary, { encoding: 'utf8' });
    this.stream.on('error', (err) => (this.failure = err));
  }

  /** Start writing `target` (an absolute path) under its temporary name. */
  static open(target: string): PartialOutput {
    return new PartialOutput(target, partialPathFor(target));
  }

  async write(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    this.pending.push(chunk);
    this.pendingSize += chunk.length;
    if (this.pendingSize >= BATCH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pending.length === 0) return;
    const data = this.pending.join('');
    this.pending = [];
    this.pendingSize = 0;
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }

  /** Write what is pending, close the file and rename it onto the target. */
  async commit(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (this.failure) throw this.failure;
    await fs.rename(this.temporary, this.target);
  }

  /** Close and remove the temporary file (the target is left as it was). */
  async discard(): Promise<void> {
    // The stream opens its file asynchronously: wait until it is closed, or the file could appear after it is removed.
    if (!this.stream.closed) {
      const closed = once(this.stream, 'close').catch(() => undefined);
      this.stream.destroy();
      await closed;
    }
    await fs.rm(this.temporary, { force: true });
  }
}

/** The temporary name an export writes `target` under (a file, or for brat a folder). */
export function partialPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
}
