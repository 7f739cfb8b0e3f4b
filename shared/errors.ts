// One error type crosses the contract: a code the UI can act on and a message written for the
// analyst (what happened, to which file, what to do). Hosts turn every failure into one.

export type GlossErrorCode =
  | 'invalid-request'
  | 'not-found'
  | 'outside-workspace'
  | 'no-workspace'
  | 'unsupported'
  | 'too-large'
  | 'binary'
  | 'unreadable'
  | 'write-failed'
  | 'source-changed'
  | 'no-dialog'
  | 'internal';

export class GlossError extends Error {
  readonly code: GlossErrorCode;
  constructor(code: GlossErrorCode, message: string) {
    super(message);
    this.name = 'GlossError';
    this.code = code;
  }
}

export interface WireError {
  code: GlossErrorCode;
  message: string;
}

export function toWireError(err: unknown): WireError {
  if (err instanceof GlossError) return { code: err.code, message: err.message };
  return { code: 'internal', message: `Something went wrong inside Gloss: ${err instanceof Error ? err.message : String(err)}` };
}

/** Why a write failed, in the analyst's words (read-only folder, full disk…), from a Node error. */
export function writeFailureReason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'the folder is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'ENOENT') return 'the folder does not exist';
  return err instanceof Error ? err.message : String(err);
}
