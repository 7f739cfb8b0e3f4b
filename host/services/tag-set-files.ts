// The folder's tag-set file on disk (`gloss-tags.json` at the root of the opened folder; see
// shared/tag-set.ts). A folder without one uses the default tags and gets the file the first time
// the analyst changes a tag. A damaged file is never overwritten: the defaults are used, the
// problem is reported, and tag changes are refused until the file is mended or removed.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { GlossError, writeFailureReason } from '../../shared/errors.js';
import { defaultTagSet, parseTagSet, serializeTagSet, TAG_SET_FILE } from '../../shared/tag-set.js';
import type { TagDefinition } from '../../shared/tags.js';

export interface TagSetState {
  tags: TagDefinition[];
  /** Whether the folder has its own tag-set file (otherwise the defaults are in use). */
  exists: boolean;
  /** Why the file could not be used, or null. */
  problem: string | null;
}

export const tagSetPathFor = (folder: string) => path.join(folder, TAG_SET_FILE);

export async function readTagSet(folder: string): Promise<TagSetState> {
  let json: string;
  try {
    json = await fs.readFile(tagSetPathFor(folder), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { tags: defaultTagSet(), exists: false, problem: null };
    return { tags: defaultTagSet(), exists: true, problem: `${TAG_SET_FILE} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); the default tags are in use.` };
  }
  const parsed = parseTagSet(json);
  if (parsed.kind === 'ok') return { tags: parsed.tags, exists: true, problem: null };
  return { tags: defaultTagSet(), exists: true, problem: `${parsed.message}. The default tags are in use; Gloss will not overwrite the file until it is mended or removed.` };
}

/** Write the folder's tag set atomically; refused while the file on disk is damaged. */
export async function writeTagSet(folder: string, tags: readonly TagDefinition[], beforeWrite?: (file: string, content: string) => void): Promise<void> {
  const current = await readTagSet(folder);
  if (current.problem) throw new GlossError('write-failed', `Tags not saved: ${current.problem}`);
  const file = tagSetPathFor(folder);
  const content = serializeTagSet(tags);
  beforeWrite?.(file, content);
  try {
    await writeFileAtomic(file, content, { encoding: 'utf8', fsync: true });
  } catch (err) {
    throw new GlossError('write-failed', `Could not save ${TAG_SET_FILE}: ${writeFailureReason(err)}.`);
  }
}
