// JSON Lines export: one annotation per line — file, tag (also as `label`, the spaCy/Prodigy span
// field), offsets, text and attributes. Offsets are code points, which is what Python's str
// indexes (and so spaCy's character offsets) count.
import type { ExportRecord } from './export-record.js';

export function toJsonlLine(record: ExportRecord): string {
  const a = record.annotation;
  return JSON.stringify({
    file: record.file,
    id: a.id,
    tag: a.tag,
    label: a.tag,
    start: a.start,
    end: a.end,
    text: a.exact,
    prefix: a.prefix,
    suffix: a.suffix,
    attributes: a.attributes,
    note: a.note,
    links: a.links,
    created: a.created,
    modified: a.modified,
    author: a.author,
    ...(record.source ? { source: record.source } : {}),
  });
}
