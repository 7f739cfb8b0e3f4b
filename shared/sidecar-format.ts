// The sidecar file (`article.txt.gloss.json`) is the analyst's data. This module is its single
// definition: the zod schemas here validate every load and every save, give the TypeScript
// types, and are what docs/FORMAT.md describes. Offsets are Unicode code points over the
// decoded source text (see code-points.ts).
import { z } from 'zod';
import { TagDefinitionSchema, type TagDefinition } from './tags.js';

export const SIDECAR_FORMAT = 'gloss-annotations';
export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.gloss.json';
/** Code points of context kept before and after each annotation (`prefix` / `suffix`). */
export const CONTEXT_LENGTH = 32;

export const LineEndingsSchema = z.enum(['lf', 'crlf', 'cr', 'mixed', 'none']);
export type LineEndings = z.infer<typeof LineEndingsSchema>;

/** What the annotations were made against; a difference means the source changed. */
export const SourceFingerprintSchema = z.object({
  name: z.string().min(1).describe('File name of the source, without folder.'),
  bytes: z.number().int().nonnegative().describe('Size of the source file in bytes.'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of the source file\'s bytes, lowercase hex.'),
  encoding: z.string().min(1).describe('Encoding the bytes were decoded with, e.g. `utf-8`, `utf-16le`, `windows-1252`.'),
  lineEndings: LineEndingsSchema.describe('Line-ending style of the decoded text. Line endings are kept as they are and counted.'),
  codePoints: z.number().int().nonnegative().describe('Length of the decoded text in code points.'),
  extractor: z.string().optional().describe('Extractor id and version for sources that are not plain text (e.g. HTML); absent for .txt/.md.'),
  metadata: z
    .object({
      title: z.string().optional(),
      byline: z.string().optional(),
      published: z.string().optional(),
      site: z.string().optional(),
      canonicalUrl: z.string().optional(),
      language: z.string().optional(),
    })
    .optional()
    .describe('What an extracted source says about itself (title, byline, publication date, site, canonical URL, language).'),
});
export type SourceFingerprint = z.infer<typeof SourceFingerprintSchema>;

export const AnnotationLinkSchema = z.object({
  type: z.string().min(1).describe('What the link means, e.g. `denies`.'),
  target: z.string().min(1).describe('Id of the annotation linked to.'),
  file: z.string().optional().describe('Folder-relative path of the source holding the target; absent when it is this source.'),
});

export const AnnotationSchema = z
  .object({
    id: z.uuid(),
    tag: z.string().min(1),
    start: z.number().int().nonnegative().describe('First code point covered.'),
    end: z.number().int().nonnegative().describe('Code point after the last one covered.'),
    exact: z.string().describe('The covered text, exactly.'),
    prefix: z.string().describe('Up to 32 code points before `start`.'),
    suffix: z.string().describe('Up to 32 code points after `end`.'),
    attributes: z.record(z.string(), z.string()),
    note: z.string(),
    links: z.array(AnnotationLinkSchema),
    created: z.iso.datetime({ offset: true }),
    modified: z.iso.datetime({ offset: true }),
    author: z.string(),
  })
  .refine((a) => a.end >= a.start, { message: 'end must not be before start', path: ['end'] });
export type Annotation = z.infer<typeof AnnotationSchema>;

/** A suggestion the analyst rejected: not proposed again for this source. */
export const RejectedSuggestionSchema = z.object({
  tag: z.string().min(1),
  start: z.number().int().nonnegative().describe('Code point offsets of the rejected span, as when it was rejected.'),
  end: z.number().int().nonnegative(),
  exact: z.string().describe('The rejected text; a suggestion with the same tag and text is not proposed again.'),
  rule: z.string().describe('The rule that proposed it (for measuring the rules).'),
});
export type RejectedSuggestion = z.infer<typeof RejectedSuggestionSchema>;

export const SidecarSchema = z.object({
  format: z.literal(SIDECAR_FORMAT),
  version: z.literal(SIDECAR_VERSION),
  source: SourceFingerprintSchema,
  tags: z.array(TagDefinitionSchema),
  annotations: z.array(AnnotationSchema),
  rejectedSuggestions: z.array(RejectedSuggestionSchema).optional().describe('Suggestions the analyst rejected (absent when none).'),
});
export type Sidecar = z.infer<typeof SidecarSchema>;

/** What reading a sidecar's text gave. Nothing here throws: a bad file is a value, not a crash. */
export type SidecarParseResult =
  | { kind: 'ok'; sidecar: Sidecar }
  | { kind: 'newer'; version: number; message: string }
  | { kind: 'invalid'; message: string };

/**
 * Parse and validate a sidecar's JSON text. `accepts`, when given, is a faster check of the same
 * schema (the host's compiled validator, host/services/sidecar-validator.ts): what it accepts is
 * used as parsed; anything else goes through the zod schema, which decides and explains.
 */
export function parseSidecar(json: string, accepts?: (data: unknown) => data is Sidecar): SidecarParseResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    return { kind: 'invalid', message: `it is not valid JSON (${(err as Error).message}); it may be truncated or damaged` };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== SIDECAR_FORMAT) {
    return { kind: 'invalid', message: `it is not a Gloss annotation file (no "format": "${SIDECAR_FORMAT}")` };
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > SIDECAR_VERSION) {
    return {
      kind: 'newer',
      version,
      message: `it was written by a newer Gloss (format version ${version}; this Gloss reads up to ${SIDECAR_VERSION})`,
    };
  }
  if (accepts?.(data)) return { kind: 'ok', sidecar: data };
  const parsed = SidecarSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.join('.') : '';
    return { kind: 'invalid', message: `it does not match the Gloss format${where ? ` at ${where}` : ''}: ${first?.message ?? 'unknown problem'}` };
  }
  return { kind: 'ok', sidecar: parsed.data };
}

/**
 * Serialize a sidecar: validated, pretty-printed (diff-friendly for analysts who use git), newline
 * at end. `accepts`, as for parseSidecar, is a faster check of the same schema: what it accepts is
 * written as it is; anything else goes through zod, which throws with the reason.
 */
export function serializeSidecar(sidecar: Sidecar, accepts?: (data: unknown) => data is Sidecar): string {
  return JSON.stringify(accepts?.(sidecar) ? sidecar : SidecarSchema.parse(sidecar), null, 2) + '\n';
}

/** The sidecar path for a source path (`article.txt` → `article.txt.gloss.json`). */
export function sidecarPathFor(sourcePath: string): string {
  return sourcePath + SIDECAR_SUFFIX;
}

export function isSidecarPath(path: string): boolean {
  return path.endsWith(SIDECAR_SUFFIX);
}

export function buildSidecar(source: SourceFingerprint, tags: readonly TagDefinition[], annotations: readonly Annotation[], rejectedSuggestions?: readonly RejectedSuggestion[]): Sidecar {
  return {
    format: SIDECAR_FORMAT,
    version: SIDECAR_VERSION,
    source,
    tags: tags.map((t) => ({ ...t })),
    annotations: [...annotations],
    ...(rejectedSuggestions && rejectedSuggestions.length ? { rejectedSuggestions: [...rejectedSuggestions] } : {}),
  };
}
