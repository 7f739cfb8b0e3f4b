// The folder's tag set: one file (`gloss-tags.json`) at the root of the opened folder says which
// tags exist there, their colours, keys, attributes and links. Sidecars keep a snapshot of the tags
// they use, so a sidecar read without the folder still shows its tags; where the two disagree the
// folder's file wins, and a tag a sidecar uses that the set does not know is shown as unknown and
// can be mapped onto a known one. This module is the file's format and the pure operations on it.
import { z } from 'zod';
import type { Annotation } from './sidecar-format.js';
import { DEFAULT_TAGS, TagDefinitionSchema, type TagDefinition } from './tags.js';

export const TAG_SET_FILE = 'gloss-tags.json';
export const TAG_SET_FORMAT = 'gloss-tagset';
export const TAG_SET_VERSION = 1;

export const TagListSchema = z.array(TagDefinitionSchema).superRefine((tags, ctx) => {
  const problem = tagSetProblem(tags);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const TagSetFileSchema = z.object({
  format: z.literal(TAG_SET_FORMAT),
  version: z.literal(TAG_SET_VERSION),
  tags: TagListSchema,
});
export type TagSetFile = z.infer<typeof TagSetFileSchema>;

/** Why a list of tags cannot be a tag set (duplicate id, key or attribute), or null. */
export function tagSetProblem(tags: readonly TagDefinition[]): string | null {
  const ids = new Set<string>();
  const keys = new Map<string, string>();
  for (const tag of tags) {
    if (ids.has(tag.id)) return `two tags have the id "${tag.id}"`;
    ids.add(tag.id);
    if (tag.key) {
      const other = keys.get(tag.key);
      if (other) return `"${other}" and "${tag.label}" both use the key ${tag.key}`;
      keys.set(tag.key, tag.label);
    }
    const attributeIds = new Set<string>();
    for (const attribute of tag.attributes ?? []) {
      if (attributeIds.has(attribute.id)) return `${tag.label} has two attributes named "${attribute.id}"`;
      attributeIds.add(attribute.id);
      if (attribute.kind === 'choice' && !(attribute.options && attribute.options.length > 0)) return `${tag.label}'s attribute ${attribute.label} is a choice without options`;
    }
  }
  return null;
}

export type TagSetParseResult = { kind: 'ok'; tags: TagDefinition[] } | { kind: 'invalid'; message: string };

export function parseTagSet(json: string): TagSetParseResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    return { kind: 'invalid', message: `${TAG_SET_FILE} is not valid JSON (${(err as Error).message})` };
  }
  const parsed = TagSetFileSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
    return { kind: 'invalid', message: `${TAG_SET_FILE} is not a Gloss tag set${where}: ${first?.message ?? 'unknown problem'}` };
  }
  return { kind: 'ok', tags: parsed.data.tags };
}

export function serializeTagSet(tags: readonly TagDefinition[]): string {
  return JSON.stringify(TagSetFileSchema.parse({ format: TAG_SET_FORMAT, version: TAG_SET_VERSION, tags }), null, 2) + '\n';
}

/** A fresh copy of the default tags (claim, quote, denial with their attributes and links). */
export function defaultTagSet(): TagDefinition[] {
  return structuredClone(DEFAULT_TAGS) as TagDefinition[];
}

/** An id for a tag or attribute from its label (`Hearsay claim` → `hearsay-claim`), unique among `taken`. */
export function idFromLabel(label: string, taken: Iterable<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .replace(/^(?=[0-9])/, 't-') || 'tag';
  const used = new Set(taken);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The tag set after renaming tag `from` to id `to` with `label`. When `to` is already a tag of the
 * set (mapping an unknown or unwanted tag onto a known one), `from` is folded into it.
 */
export function renameInTagSet(tags: readonly TagDefinition[], from: string, to: string, label?: string): TagDefinition[] {
  if (from === to) return tags.map((t) => (t.id === from && label ? { ...t, label } : t));
  if (tags.some((t) => t.id === to)) return tags.filter((t) => t.id !== from);
  const existing = tags.find((t) => t.id === from);
  if (!existing) return tags.slice();
  return tags.map((t) => (t.id === from ? { ...t, id: to, label: label ?? t.label } : t));
}

/**
 * Annotations with tag `from` re-tagged `to`; the same array when none used `from` (so a caller
 * can skip writing an unchanged sidecar). `now` stamps `modified` of the changed ones.
 */
export function retagAnnotations(annotations: readonly Annotation[], from: string, to: string, now = new Date()): readonly Annotation[] {
  if (!annotations.some((a) => a.tag === from)) return annotations;
  const stamp = now.toISOString();
  return annotations.map((a) => (a.tag === from ? { ...a, tag: to, modified: stamp } : a));
}

/**
 * The tags to show for a document: the folder's set, then any tag its annotations or its sidecar's
 * snapshot use that the set does not have (marked `unknown`), so nothing is hidden.
 */
export function tagsForDocument(folderTags: readonly TagDefinition[], sidecarTags: readonly TagDefinition[], annotations: readonly Pick<Annotation, 'tag'>[]): { tags: TagDefinition[]; unknown: string[] } {
  const known = new Set(folderTags.map((t) => t.id));
  const unknown: string[] = [];
  const extra: TagDefinition[] = [];
  const used = new Set(annotations.map((a) => a.tag));
  for (const id of used) {
    if (known.has(id)) continue;
    unknown.push(id);
    const snapshot = sidecarTags.find((t) => t.id === id);
    extra.push(snapshot ? { ...snapshot, key: '' } : { id, label: id, color: '#8a8a8a', key: '' });
  }
  return { tags: [...folderTags, ...extra], unknown: unknown.sort() };
}
