// The sidecars this host last read or wrote, each with the identity its file had on disk then
// (inode, size, change and modification times to the nanosecond). Saving a long document read and
// validated its sidecar twice (the service's merge of the changes, then the write's check that
// the file is not damaged) and the folder index read it a third time: with 10,000 annotations
// (5 MB) about half a second of the host's processor per autosave, on the machine where the
// analyst is scrolling. A file whose identity is unchanged since it was read or written here is
// not read again; any other change (another program, a restored backup) changes the identity,
// and the file is read as before.
import { promises as fs } from 'node:fs';
import type { Sidecar } from '../../shared/sidecar-format.js';

/** Sidecars kept: the document being worked on and one more (an import can touch many). */
const KEPT = 2;

/** A file as it is on disk now: `key` changes with any change to it; `bytes` is its size. */
export interface FileIdentity {
  key: string;
  bytes: number;
}

/** The file's identity on disk, or null when it cannot be found. */
export async function fileIdentity(file: string): Promise<FileIdentity | null> {
  try {
    const s = await fs.stat(file, { bigint: true });
    return { key: `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`, bytes: Number(s.size) };
  } catch {
    return null;
  }
}

export class KnownSidecars {
  private readonly known = new Map<string, { key: string; sidecar: Sidecar }>();

  /**
   * The sidecar last read or written at `file`, if the file still has `identity`. Callers must
   * not change it: it is the one object every later save starts from.
   */
  recall(file: string, identity: FileIdentity): Sidecar | undefined {
    const entry = this.known.get(file);
    if (!entry || entry.key !== identity.key) return undefined;
    // Most recently used last.
    this.known.delete(file);
    this.known.set(file, entry);
    return entry.sidecar;
  }

  remember(file: string, identity: FileIdentity, sidecar: Sidecar): void {
    this.known.delete(file);
    this.known.set(file, { key: identity.key, sidecar });
    for (const oldest of this.known.keys()) {
      if (this.known.size <= KEPT) break;
      this.known.delete(oldest);
    }
  }

  forget(file: string): void {
    this.known.delete(file);
  }
}
