// The gold labels of the evaluation: offsets, tags and names only, keyed to a source under
// ../shared by its path and sha256. No text of the source is kept in the project.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GoldAnnotation {
  /** Id within the file (`q3`, `c2`, `d1`), for links. */
  id: string;
  tag: 'quote' | 'claim' | 'denial';
  /** Code points over the decoded source, end exclusive. */
  start: number;
  end: number;
  /** Quote: the speaker; claim: the claimant; denial: the denier. Several when the text names one source several ways (`jury`, `jurors`). */
  who?: string[];
  /** Denial: id of the claim it denies, when that claim is in the text. */
  denies?: string;
}

export interface GoldFile {
  /** Path of the source relative to the ../shared folder. */
  source: string;
  sha256: string;
  notes?: string;
  annotations: GoldAnnotation[];
}

/** The project root (this file is in eval/; bundled, it runs from dist/eval/). */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

/** ../shared relative to the project root. */
export function sharedRoot(): string {
  return path.resolve(projectRoot(), '..', 'shared');
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
