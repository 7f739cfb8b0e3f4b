// An extracted article's metadata (title, address, date) travels with its annotations in the
// JSON Lines and CSV exports.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotations.js';
import { CodePointText } from '../code-points.js';
import { csvColumns, toCsv } from './csv.js';
import type { ExportRecord } from './export-record.js';
import { toJsonlLine } from './jsonl.js';

const text = new CodePointText('The council denied it.');
const record: ExportRecord = {
  file: 'news/page.html',
  sourceIri: 'file:///x/news/page.html',
  annotation: createAnnotation(text, { tag: 'denial', start: 0, end: 22 }),
  source: { title: 'Council denies sale', canonicalUrl: 'https://example.org/council', published: '2026-11-20' },
};

describe('source metadata in exports', () => {
  it('JSON Lines carry it as `source`, and leave it out for plain texts', () => {
    expect(JSON.parse(toJsonlLine(record)).source).toEqual(record.source);
    expect(JSON.parse(toJsonlLine({ ...record, source: undefined })).source).toBeUndefined();
  });

  it('CSV has source_title, source_url and source_published columns', () => {
    const csv = toCsv([record], csvColumns([]), { header: true });
    const [row] = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(row).toMatchObject({ source_title: 'Council denies sale', source_url: 'https://example.org/council', source_published: '2026-11-20', text: 'The council denied it.' });
  });
});

describe('CSV cells', () => {
  it('an attribute named like an Object method is read as an own value only', () => {
    const withAttributes: ExportRecord = { ...record, annotation: { ...record.annotation, attributes: { toString: '=1+1' } } };
    const csv = toCsv([withAttributes], csvColumns(['constructor', 'toString']), { header: true });
    const [row] = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(row).toMatchObject({ 'attr:constructor': '', 'attr:toString': "'=1+1" });
  });
});
