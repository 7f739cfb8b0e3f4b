// CSV export (RFC 4180: CRLF rows, quoted fields, UTF-8, optional byte-order mark so spreadsheet
// tools detect the encoding): one row per annotation, attributes as columns. A cell that a
// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is
// neutralized with a leading apostrophe — analysts open exports of untrusted text.
import Papa from 'papaparse';
import type { ExportRecord } from './export-record.js';

export const CSV_BASE_COLUMNS = ['file', 'id', 'tag', 'start', 'end', 'text', 'note', 'created', 'modified', 'author', 'links', 'source_title', 'source_url', 'source_published'] as const;
const UTF8_BOM = '\ufeff';

/** The header: base columns, then one column per attribute name (sorted), prefixed `attr:`. */
export function csvColumns(attributeNames: Iterable<string>): string[] {
  return [...CSV_BASE_COLUMNS, ...[...new Set(attributeNames)].sort().map((n) => `attr:${n}`)];
}

/** Guard a cell against formula injection. */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cellsOf(record: ExportRecord, columns: readonly string[]): string[] {
  const a = record.annotation;
  const base: Record<string, string> = {
    file: record.file,
    id: a.id,
    tag: a.tag,
    start: String(a.start),
    end: String(a.end),
    text: a.exact,
    note: a.note,
    created: a.created,
    modified: a.modified,
    author: a.author,
    links: a.links.map((l) => `${l.type}:${l.file ? `${l.file}#` : ''}${l.target}`).join(' '),
    source_title: record.source?.title ?? '',
    source_url: record.source?.canonicalUrl ?? '',
    source_published: record.source?.published ?? '',
  };
  return columns.map((c) => {
    const value = c.startsWith('attr:') ? (a.attributes[c.slice(5)] ?? '') : (base[c] ?? '');
    // Numbers are written as numbers; everything else is guarded.
    return c === 'start' || c === 'end' ? value : neutralizeCell(value);
  });
}

/** CSV text for a batch of rows, each ending in CRLF; preceded by the header row (and the BOM) when `header` is set. */
export function toCsv(records: readonly ExportRecord[], columns: readonly string[], options: { header: boolean; bom?: boolean }): string {
  const rows = records.map((r) => cellsOf(r, columns));
  if (options.header) rows.unshift([...columns]);
  if (rows.length === 0) return '';
  const text = Papa.unparse(rows, { newline: '\r\n', quotes: true }) + '\r\n';
  return options.header && options.bom ? UTF8_BOM + text : text;
}
