// Reading a source file into the text the reader shows and the fingerprint its sidecar records.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { detectLineEndings } from '../../shared/annotations.js';
import { codePointLength } from '../../shared/code-points.js';
import { GlossError } from '../../shared/errors.js';
import type { SourceFingerprint } from '../../shared/sidecar-format.js';
import { decodeSource, MAX_SOURCE_BYTES } from './source-decoding.js';

export interface LoadedSource {
  text: string;
  fingerprint: SourceFingerprint;
}

export async function loadSource(absPath: string): Promise<LoadedSource> {
  const name = path.basename(absPath);
  let bytes: Buffer;
  try {
    const stat = await fs.stat(absPath);
    if (stat.size > MAX_SOURCE_BYTES) {
      throw new GlossError('too-large', `${name} is ${(stat.size / 1048576).toFixed(1)} MB; Gloss opens sources up to ${MAX_SOURCE_BYTES / 1048576} MB.`);
    }
    bytes = await fs.readFile(absPath);
  } catch (err) {
    if (err instanceof GlossError) throw err;
    throw new GlossError('unreadable', `${name} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  const { text, encoding } = decodeSource(bytes, name);
  return {
    text,
    fingerprint: {
      name,
      bytes: bytes.length,
      sha256: sha256(bytes),
      encoding,
      lineEndings: detectLineEndings(text),
      codePoints: codePointLength(text),
    },
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** sha256 of a source file as it is on disk now. */
export async function currentSha256(absPath: string): Promise<string> {
  return sha256(await fs.readFile(absPath));
}
