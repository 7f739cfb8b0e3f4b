// Reading and writing sidecars on disk. Writes are atomic (temporary file in the same folder,
// fsync, rename: write-file-atomic), so a crash leaves the old file or the new one, never half
// of one. A sidecar that is damaged or from a newer Gloss is never overwritten.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { GlossError } from '../../shared/errors.js';
import type { SidecarState } from '../../shared/contract.js';
import { parseSidecar, serializeSidecar, sidecarPathFor, type Sidecar } from '../../shared/sidecar-format.js';

/** The state of the sidecar beside a source. */
export async function readSidecarState(sourcePath: string): Promise<SidecarState> {
  const file = sidecarPathFor(sourcePath);
  let json: string;
  try {
    json = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'invalid', message: `${path.basename(file)} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).` };
  }
  const parsed = parseSidecar(json);
  switch (parsed.kind) {
    case 'ok':
      return { kind: 'ok', sidecar: parsed.sidecar };
    case 'newer':
      return { kind: 'newer', message: `${path.basename(file)} ${parsed.message}. Its annotations are shown read-only; update Gloss to change them.` };
    case 'invalid':
      return {
        kind: 'invalid',
        message: `${path.basename(file)} cannot be used: ${parsed.message}. Gloss has left it untouched and will not overwrite it.`,
      };
  }
}

/**
 * Number of annotations in the sidecar beside a source: 0 when there is none, null when it
 * cannot be read. Reads only the sidecar, never the source.
 */
export async function countSidecarAnnotations(sourcePath: string): Promise<number | null> {
  const state = await readSidecarState(sourcePath);
  if (state.kind === 'none') return 0;
  if (state.kind === 'ok') return state.sidecar.annotations.length;
  return null;
}

/** Write the sidecar beside a source atomically, refusing to replace a damaged or newer one. */
export async function writeSidecar(sourcePath: string, sidecar: Sidecar): Promise<void> {
  const current = await readSidecarState(sourcePath);
  if (current.kind === 'invalid' || current.kind === 'newer') throw new GlossError('write-failed', `Not saved: ${current.message}`);
  const file = sidecarPathFor(sourcePath);
  try {
    await writeFileAtomic(file, serializeSidecar(sidecar), { encoding: 'utf8', fsync: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the folder is read-only'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : (err as Error).message;
    throw new GlossError('write-failed', `Could not save ${path.basename(file)}: ${why}. Your annotations are kept in memory and saving will be retried.`);
  }
}
