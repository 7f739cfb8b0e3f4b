// Reading and writing sidecars on disk. Writes are atomic (temporary file in the same folder,
// fsync, rename: write-file-atomic), so a crash leaves the old file or the new one, never half
// of one. Before each write the previous sidecar is kept as one backup (`….gloss.json.bak`, put
// in place by an atomic rename too). A sidecar that is damaged or from a newer Gloss is never
// overwritten; the analyst chooses to restore the backup or start over, and the damaged file is
// then renamed aside, not deleted. A sidecar read or written here is remembered with its file's
// identity and not read again while that is unchanged (known-sidecars.ts).
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { GlossError, writeFailureReason } from '../../shared/errors.js';
import type { SidecarState } from '../../shared/contract.js';
import { acceptsSidecar } from './sidecar-validator.js';
import { fileIdentity, KnownSidecars } from './known-sidecars.js';
import { parseSidecar, serializeSidecar, sidecarPathFor, type Sidecar } from '../../shared/sidecar-format.js';

export const BACKUP_SUFFIX = '.bak';
export const backupPathFor = (sourcePath: string) => sidecarPathFor(sourcePath) + BACKUP_SUFFIX;

const known = new KnownSidecars();

/**
 * The state of the sidecar beside a source. A valid sidecar is the same object as long as its file
 * is unchanged since it was last read or written here: callers must not change it.
 */
export async function readSidecarState(sourcePath: string): Promise<SidecarState> {
  const file = sidecarPathFor(sourcePath);
  // The identity first, the content after: a change in between is read now and noticed next time.
  const identity = await fileIdentity(file);
  const recalled = identity === null ? undefined : known.recall(file, identity);
  if (recalled) return { kind: 'ok', sidecar: recalled };
  let json: string;
  try {
    json = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return unreadable(file, err as NodeJS.ErrnoException, (await readBackup(sourcePath)) !== null);
  }
  const state = await stateOf(file, json, async () => (await readBackup(sourcePath)) !== null);
  if (state.kind === 'ok' && identity !== null) known.remember(file, identity, state.sidecar);
  return state;
}

/**
 * The same, read synchronously: for passes over a whole folder, where thousands of small
 * asynchronous reads cost several times more than the reading itself (10,000 sidecars: 0.3 s
 * synchronously, 1.6–2 s through the thread pool). Callers yield to the event loop between files.
 */
export function readSidecarStateSync(sourcePath: string): SidecarState {
  const file = sidecarPathFor(sourcePath);
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return unreadable(file, err as NodeJS.ErrnoException, backupIsUsableSync(sourcePath));
  }
  return stateOf(file, json, () => backupIsUsableSync(sourcePath));
}

function unreadable(file: string, err: NodeJS.ErrnoException, backupAvailable: boolean): SidecarState {
  return {
    kind: 'invalid',
    message: `${path.basename(file)} cannot be read (${err.code ?? 'error'}). Gloss has left it untouched and will not overwrite it.`,
    backupAvailable,
  };
}

function stateOf<T extends boolean | Promise<boolean>>(file: string, json: string, backupAvailable: () => T): T extends Promise<boolean> ? Promise<SidecarState> : SidecarState;
function stateOf(file: string, json: string, backupAvailable: () => boolean | Promise<boolean>): SidecarState | Promise<SidecarState> {
  const parsed = parseSidecar(json, acceptsSidecar);
  switch (parsed.kind) {
    case 'ok':
      return { kind: 'ok', sidecar: parsed.sidecar };
    case 'newer':
      return { kind: 'newer', message: `${path.basename(file)} ${parsed.message}. Its annotations are shown read-only; update Gloss to change them.` };
    case 'invalid': {
      const message = `${path.basename(file)} cannot be used: ${parsed.message}. Gloss has left it untouched and will not overwrite it.`;
      const available = backupAvailable();
      return typeof available === 'boolean' ? { kind: 'invalid', message, backupAvailable: available } : available.then((b) => ({ kind: 'invalid' as const, message, backupAvailable: b }));
    }
  }
}

function backupIsUsableSync(sourcePath: string): boolean {
  try {
    return parseSidecar(readFileSync(backupPathFor(sourcePath), 'utf8'), acceptsSidecar).kind === 'ok';
  } catch {
    return false;
  }
}

/** The backup sidecar, if there is one and it is valid. */
export async function readBackup(sourcePath: string): Promise<Sidecar | null> {
  const json = await fs.readFile(backupPathFor(sourcePath), 'utf8').catch(() => null);
  if (json === null) return null;
  const parsed = parseSidecar(json, acceptsSidecar);
  return parsed.kind === 'ok' ? parsed.sidecar : null;
}

/**
 * Deal with a damaged sidecar as the analyst chose: rename it aside (`….gloss.json.damaged-<time>`),
 * then either put the backup in its place or leave no sidecar (start over). Returns the name the
 * damaged file was given.
 */
export async function recoverSidecar(sourcePath: string, action: 'restore-backup' | 'start-over'): Promise<string> {
  const file = sidecarPathFor(sourcePath);
  const current = await readSidecarState(sourcePath);
  if (current.kind !== 'invalid') throw new GlossError('invalid-request', `${path.basename(file)} is not damaged; nothing to recover.`);
  const backup = action === 'restore-backup' ? await readBackup(sourcePath) : null;
  if (action === 'restore-backup' && !backup) throw new GlossError('not-found', `There is no usable backup of ${path.basename(file)}.`);
  const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await fs.rename(file, aside).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw new GlossError('write-failed', `Could not rename ${path.basename(file)} aside: ${err.message}`);
  });
  if (backup) await writeFileAtomic(file, serializeSidecar(backup), { encoding: 'utf8', fsync: true });
  return path.basename(aside);
}

/**
 * Write the sidecar beside a source atomically, refusing to replace a damaged or newer one.
 * `beforeWrite` learns the exact content first (the watcher uses it to ignore our own writes).
 */
export async function writeSidecar(sourcePath: string, sidecar: Sidecar, beforeWrite?: (file: string, content: string) => void): Promise<void> {
  const current = await readSidecarState(sourcePath);
  if (current.kind === 'invalid' || current.kind === 'newer') throw new GlossError('write-failed', `Not saved: ${current.message}`);
  const file = sidecarPathFor(sourcePath);
  try {
    if (current.kind === 'ok') await keepBackup(file);
    const content = serializeSidecar(sidecar, acceptsSidecar);
    beforeWrite?.(file, content);
    known.forget(file);
    await writeFileAtomic(file, content, { encoding: 'utf8', fsync: true });
    // What was just written, unless another program replaced it within this moment (its size would
    // differ, almost surely; its identity will in any case differ on the next change).
    const identity = await fileIdentity(file);
    if (identity !== null && identity.bytes === Buffer.byteLength(content, 'utf8')) known.remember(file, identity, sidecar);
  } catch (err) {
    throw new GlossError('write-failed', `Could not save ${path.basename(file)}: ${writeFailureReason(err)}. Your annotations are kept in memory and saving will be retried.`);
  }
}

/** Copy the current sidecar to its backup name: copied to a temporary name first, then renamed, so the backup is never half-written. */
async function keepBackup(file: string): Promise<void> {
  const temporary = `${file}${BACKUP_SUFFIX}.${process.pid}.tmp`;
  await fs.copyFile(file, temporary);
  await fs.rename(temporary, file + BACKUP_SUFFIX);
}
