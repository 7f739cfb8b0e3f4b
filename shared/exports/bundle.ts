// JSON bundle export: every sidecar of the folder (its annotations filtered like the other
// exports) with its folder-relative source path, and the folder's tag set, in one JSON document
// that a script can read without walking the folder. It is written piece by piece — head, one
// source per line, tail — so memory holds one sidecar at a time. `BundleSchema` reads it back.
import { z } from 'zod';
import { SidecarSchema, type Sidecar } from '../sidecar-format.js';
import { TagDefinitionSchema, type TagDefinition } from '../tags.js';
import type { ExportFilter } from './export-record.js';

export const BUNDLE_FORMAT = 'gloss-bundle';
export const BUNDLE_VERSION = 1;

export const BundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  folder: z.string().describe('Name of the exported folder.'),
  created: z.iso.datetime({ offset: true }),
  filter: z.object({ tags: z.array(z.string()).optional(), speaker: z.string().optional() }).describe('The filter applied to every sidecar\'s annotations.'),
  tagSet: z.object({ exists: z.boolean().describe('Whether the folder has its own gloss-tags.json (else the default tags).'), tags: z.array(TagDefinitionSchema) }),
  sources: z.array(z.object({ path: z.string().describe('Folder-relative, `/`-separated.'), sidecar: SidecarSchema })),
  skipped: z.array(z.object({ path: z.string(), reason: z.string() })).describe('Sources whose sidecar could not be read (damaged or newer): not in `sources`.'),
});
export type Bundle = z.infer<typeof BundleSchema>;

/** Everything before the first source: `{"format":…,"sources":[`. */
export function bundleHead(meta: { folder: string; created: Date; filter: ExportFilter; tagSet: { exists: boolean; tags: readonly TagDefinition[] } }): string {
  const head = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    folder: meta.folder,
    created: meta.created.toISOString(),
    filter: { ...(meta.filter.tags?.length ? { tags: [...meta.filter.tags] } : {}), ...(meta.filter.speaker ? { speaker: meta.filter.speaker } : {}) },
    tagSet: meta.tagSet,
  };
  return JSON.stringify(head).slice(0, -1) + ',"sources":[\n';
}

/** One source, as a line; `first` says whether it is the first (no separating comma). */
export function bundleSource(path: string, sidecar: Sidecar, first: boolean): string {
  return `${first ? '' : ',\n'}${JSON.stringify({ path, sidecar })}`;
}

/** The end of the document, after the last source. */
export function bundleTail(skipped: readonly { path: string; reason: string }[]): string {
  return `\n],"skipped":${JSON.stringify(skipped)}}\n`;
}
