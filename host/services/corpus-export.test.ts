// Exports of a real folder, read back with independent parsers: CSV with papaparse (and the
// formula-injection guard), JSONL line by line, W3C Web Annotations validated against the W3C
// test suite's schemas from ../shared/data (skipped with a message when absent). Also the CLI.
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../shared/annotations.js';
import { CodePointText } from '../../shared/code-points.js';
import { buildSidecar, serializeSidecar, type Annotation } from '../../shared/sidecar-format.js';
import { DEFAULT_TAGS } from '../../shared/tags.js';
import { exportFolder, folderStats } from './corpus-export.js';
import { loadSource } from './source-files.js';

let dir: string;
const annotations: Annotation[] = [];
const W3C = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'w3c-web-annotation-tests');

async function article(name: string, text: string, spans: [string, string, Record<string, string>, string?][]) {
  const file = path.join(dir, name);
  await fs.writeFile(file, text);
  const cp = new CodePointText(text);
  const list = spans.map(([quote, tag, attributes, note]) => {
    const u16 = text.indexOf(quote);
    const start = cp.toCodePoint(u16);
    return { ...createAnnotation(cp, { tag, start, end: start + Array.from(quote).length }), attributes, note: note ?? '' };
  });
  annotations.push(...list);
  const { fingerprint } = await loadSource(file);
  await fs.writeFile(file + '.gloss.json', serializeSidecar(buildSidecar(fingerprint, DEFAULT_TAGS, list)));
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-export-'));
  await article('kim.txt', 'Mr Kim 😀 said: “We will win.” Peskov denied any arms deal.\r\n', [
    ['“We will win.”', 'quote', { speaker: 'Kim Jong Un', cue: 'said' }, 'toast at lunch'],
    ['Peskov denied any arms deal.', 'denial', { denier: 'Dmitry Peskov' }],
  ]);
  await article('sub-folder-article.md', '# Budget\n\nThe mayor claimed that =SUM(A1:A9) was "fine".\n', [['=SUM(A1:A9) was "fine"', 'claim', { claimant: 'Elena Vasquez', verdict: 'misleading' }, '@admin, check']]);
  await fs.writeFile(path.join(dir, 'broken.txt'), 'x');
  await fs.writeFile(path.join(dir, 'broken.txt.gloss.json'), '{"format":"gloss-annotations"');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('exports', () => {
  it('CSV: RFC 4180 with a BOM, attributes as columns, formulas neutralized; read back equal', async () => {
    const out = path.join(dir, 'out.csv');
    const result = await exportFolder(dir, { format: 'csv', out, bom: true });
    expect(result).toMatchObject({ annotations: 3, sources: 3 });
    expect(result.skipped.map((s) => s.path)).toEqual(['broken.txt']);
    const raw = await fs.readFile(out, 'utf8');
    expect(raw.startsWith('\ufeff"file"')).toBe(true);
    expect(raw.includes('\r\n')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(raw.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(3);
    const byId = new Map(parsed.data.map((r) => [r.id!, r]));
    for (const a of annotations) {
      const row = byId.get(a.id)!;
      expect(Number(row.start)).toBe(a.start);
      expect(Number(row.end)).toBe(a.end);
      expect(row.text!.replace(/^'/, '')).toBe(a.exact);
      for (const [k, v] of Object.entries(a.attributes)) expect(row[`attr:${k}`]).toBe(v);
    }
    const claim = parsed.data.find((r) => r.tag === 'claim')!;
    expect(claim.text).toBe(`'=SUM(A1:A9) was "fine"`);
    expect(claim.note).toBe(`'@admin, check`);
  });

  it('JSONL: one annotation per line with code point offsets', async () => {
    const out = path.join(dir, 'out.jsonl');
    await exportFolder(dir, { format: 'jsonl', out, filter: { tags: ['quote', 'denial'] } });
    const lines = (await fs.readFile(out, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.tag)).toEqual(['quote', 'denial']);
    const text = await fs.readFile(path.join(dir, 'kim.txt'), 'utf8');
    for (const l of lines) expect(Array.from(text).slice(l.start, l.end).join('')).toBe(l.text);
    expect(lines[0]).toMatchObject({ file: 'kim.txt', label: 'quote', attributes: { speaker: 'Kim Jong Un' } });
  });

  it('filters by speaker, claimant or denier', async () => {
    const out = path.join(dir, 'peskov.jsonl');
    const result = await exportFolder(dir, { format: 'jsonl', out, filter: { speaker: 'dmitry peskov' } });
    expect(result.annotations).toBe(1);
  });

  it('never leaves a half-written file when cancelled', async () => {
    const out = path.join(dir, 'cancelled.csv');
    const controller = new AbortController();
    controller.abort();
    await expect(exportFolder(dir, { format: 'csv', out, signal: controller.signal })).rejects.toThrow(/cancelled/);
    expect((await fs.readdir(dir)).filter((f) => f.includes('cancelled'))).toEqual([]);
  });

  it('counts by tag and person', async () => {
    const stats = await folderStats(dir);
    expect(stats).toMatchObject({ sources: 3, annotatedSources: 2, annotations: 3, byTag: { quote: 1, denial: 1, claim: 1 } });
    expect(stats.byPerson['Kim Jong Un']).toEqual({ quote: 1 });
  });
});

describe.skipIf(!existsSync(W3C))('W3C Web Annotation export conforms to the W3C test suite', () => {
  it('every exported annotation passes all MUST assertions (annotationMusts.test)', async () => {
    const out = path.join(dir, 'out.jsonld');
    await exportFolder(dir, { format: 'w3c', out });
    const collection = JSON.parse(await fs.readFile(out, 'utf8'));
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage', startIndex: 0 } });
    const items = collection.first.items as Record<string, unknown>[];
    expect(items).toHaveLength(3);

    const ajv = new Ajv04({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const manifest = JSON.parse(readFileSync(path.join(W3C, 'TEXT_SELECTOR_MANIFEST.json'), 'utf8'));
    for (const def of manifest.register_first as string[]) ajv.addSchema(JSON.parse(readFileSync(path.join(W3C, def), 'utf8')));
    const musts = JSON.parse(readFileSync(path.join(W3C, 'annotations', 'annotationMusts.test'), 'utf8')).assertions as string[];
    const schemas = [...new Set([...musts, ...(manifest.must_pass_core as string[])])];
    const failures: string[] = [];
    for (const file of schemas) {
      const schema = JSON.parse(readFileSync(path.join(W3C, file), 'utf8'));
      const validate = ajv.getSchema(schema.id) ?? ajv.compile(schema);
      for (const item of items) if (!validate(item)) failures.push(`${file}: ${JSON.stringify(validate.errors?.[0])}`);
    }
    expect(failures).toEqual([]);
    expect(schemas.length).toBeGreaterThanOrEqual(54);
    const selectors = (items[0]!.target as { selector: { type: string }[] }).selector.map((s) => s.type);
    expect(selectors).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
  });
});

describe('the gloss command', () => {
  it('exports and counts from the command line', () => {
    const cli = path.resolve(import.meta.dirname, '..', '..', 'dist', 'cli', 'gloss.mjs');
    if (!existsSync(cli)) throw new Error('Build first (npm run build): dist/cli/gloss.mjs is missing.');
    const out = path.join(dir, 'cli.csv');
    const said = execFileSync(process.execPath, [cli, 'export', dir, '--format', 'csv', '--tags', 'claim', '--out', out], { encoding: 'utf8' });
    expect(said).toMatch(/Exported 1 annotation from 3 sources/);
    expect(readFileSync(out, 'utf8')).toContain('Elena Vasquez');
    const stats = JSON.parse(execFileSync(process.execPath, [cli, 'stats', dir, '--json'], { encoding: 'utf8' }));
    expect(stats.annotations).toBe(3);
  });
});
