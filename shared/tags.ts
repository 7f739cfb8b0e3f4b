// The tags an analyst marks text with, and what each tag records: its attributes (who said it,
// the verdict…) and the links it may make (a denial denies a claim). One definition serves the
// folder's tag-set file, the snapshot kept in each sidecar, the attribute panel and the exports.
import { z } from 'zod';

export const AttributeKindSchema = z.enum(['person', 'text', 'choice', 'long-text']);
export type AttributeKind = z.infer<typeof AttributeKindSchema>;

export const AttributeDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_-]*$/).describe('Key in each annotation\'s `attributes`, e.g. `speaker`.'),
  label: z.string().min(1),
  kind: AttributeKindSchema.describe('`person` offers the names of the article and folder; `choice` one of `options`; `text`/`long-text` free text.'),
  options: z.array(z.string().min(1)).optional().describe('For `choice`: the allowed values.'),
});
export type AttributeDefinition = z.infer<typeof AttributeDefinitionSchema>;

export const LinkDefinitionSchema = z.object({
  type: z.string().regex(/^[a-z][a-z0-9_-]*$/).describe('Stored as the link\'s `type`, e.g. `denies`.'),
  label: z.string().min(1).describe('Shown on the source side, e.g. "Denies".'),
  inverseLabel: z.string().min(1).describe('Shown on the target side, e.g. "Denied by".'),
  targetTags: z.array(z.string().min(1)).describe('Tags an annotation may link to with this link.'),
});
export type LinkDefinition = z.infer<typeof LinkDefinitionSchema>;

export const TagDefinitionSchema = z.object({
  id: z.string().min(1).describe('Stable id stored in annotations (`claim`, `quote`, `denial`, or a user\'s own).'),
  label: z.string().min(1),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  key: z.string().max(1).describe('Key that applies the tag to the selection; empty for none.'),
  attributes: z.array(AttributeDefinitionSchema).optional().describe('Attributes of annotations with this tag.'),
  links: z.array(LinkDefinitionSchema).optional().describe('Links annotations with this tag may make.'),
});
export type TagDefinition = z.infer<typeof TagDefinitionSchema>;

export const VERDICTS = ['unverified', 'true', 'false', 'misleading', 'unsupported'] as const;

export const DEFAULT_TAGS: readonly TagDefinition[] = [
  {
    id: 'claim',
    label: 'Claim',
    color: '#e0a800',
    key: '1',
    attributes: [
      { id: 'claimant', label: 'Claimant', kind: 'person' },
      { id: 'subject', label: 'Subject', kind: 'text' },
      { id: 'verdict', label: 'Verdict', kind: 'choice', options: [...VERDICTS] },
      { id: 'evidence', label: 'Evidence', kind: 'long-text' },
    ],
    links: [],
  },
  {
    id: 'quote',
    label: 'Quote',
    color: '#2f7fd8',
    key: '2',
    attributes: [
      { id: 'speaker', label: 'Speaker', kind: 'person' },
      { id: 'cue', label: 'Cue', kind: 'text' },
      { id: 'addressee', label: 'Addressee', kind: 'person' },
    ],
    links: [{ type: 'supports', label: 'Supports', inverseLabel: 'Supported by', targetTags: ['claim'] }],
  },
  {
    id: 'denial',
    label: 'Denial',
    color: '#d9483b',
    key: '3',
    attributes: [{ id: 'denier', label: 'Denier', kind: 'person' }],
    links: [{ type: 'denies', label: 'Denies', inverseLabel: 'Denied by', targetTags: ['claim'] }],
  },
];

/** The tag with this id, or a neutral stand-in so an unknown tag is still shown, never dropped. */
export function tagById(tags: readonly TagDefinition[], id: string): TagDefinition {
  return tags.find((t) => t.id === id) ?? { id, label: id, color: '#8a8a8a', key: '' };
}

/** The link definition for a link type, looked up over every tag (types are unique per tag set in practice). */
export function linkDefinition(tags: readonly TagDefinition[], type: string): LinkDefinition {
  for (const t of tags) for (const l of t.links ?? []) if (l.type === type) return l;
  return { type, label: type, inverseLabel: `${type} (from)`, targetTags: [] };
}

/** Attribute ids that name a person (speaker, claimant, denier…), over every tag. */
export function personAttributeIds(tags: readonly TagDefinition[]): string[] {
  return [...new Set(tags.flatMap((t) => (t.attributes ?? []).filter((a) => a.kind === 'person').map((a) => a.id)))];
}
