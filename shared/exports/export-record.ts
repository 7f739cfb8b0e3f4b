// What every exporter consumes: one annotation with where it comes from. Exporters are pure
// functions of these records (no files, no DOM), so the app, the command line and tests share them.
import type { Annotation, SourceFingerprint } from '../sidecar-format.js';

export interface ExportRecord {
  /** Folder-relative path of the source, `/`-separated. */
  file: string;
  /** An IRI for the source (a file: URL), used where a format needs one (W3C). */
  sourceIri: string;
  annotation: Annotation;
  /** What an extracted source (HTML, DOCX, PDF) says about itself: title, byline, date, site, canonical URL. */
  source?: SourceFingerprint['metadata'];
}

export interface ExportFilter {
  /** Only these tags (ids); all when absent or empty. */
  tags?: readonly string[];
  /** Only annotations whose speaker/claimant/denier attribute equals this (case-insensitive). */
  speaker?: string;
}

/** Attribute names that name who said something, in the order they are looked up. */
export const PERSON_ATTRIBUTES = ['speaker', 'claimant', 'denier'] as const;

export function matchesFilter(annotation: Annotation, filter: ExportFilter): boolean {
  if (filter.tags && filter.tags.length > 0 && !filter.tags.includes(annotation.tag)) return false;
  if (filter.speaker) {
    const wanted = filter.speaker.trim().toLowerCase();
    if (!PERSON_ATTRIBUTES.some((key) => annotation.attributes[key]?.trim().toLowerCase() === wanted)) return false;
  }
  return true;
}
