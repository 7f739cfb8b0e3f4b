// Exports of a real folder, read back with independent parsers: CSV with papaparse (and the
// formula-injection guard), JSONL line by line, W3C Web Annotations validated against the W3C
// test suite's schemas from ../shared/data (skipped with a message when absent), the JSON bundle
// with its schema, brat (files, conf, and imported back), ClaimReview and the HTML report; temporary
// output removed on cancel. Also the CLI.
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
import { BundleSchema } from '../../shared/exports/bundle.js';
import { DEFAULT_TAGS } from '../../shared/tags.js';
import { exportFolder, folderStats } from './corpus-export.js';
import { importBratInto } from './corpus-import.js';
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
  await article('sub-folder-article.md', '# Budget\n\nThe mayor claimed that =SUM(A1:A9) was "fine".\n', [['=SUM(A1:A9) was "fine"', 'claim', { claimant: 'Elena Vasquez', verdict: 'misleading' }, '@admin, check\r\nthe "figures"']]);
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
    expect(claim.note).toBe(`'@admin, check\r\nthe "figures"`);
  });

  it('CSV: a column for every attribute the tag set declares, and for one only a sidecar holds', async () => {
    const copy = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-export-extra-'));
    try {
      const text = 'The minister said the port was closed. Nobody else did.';
      await fs.writeFile(path.join(copy, 'a.txt'), text);
      await fs.writeFile(path.join(copy, 'b.txt'), text);
      const cp = new CodePointText(text);
      const { fingerprint } = await loadSource(path.join(copy, 'a.txt'));
      const plain = { ...createAnnotation(cp, { tag: 'claim', start: 0, end: 12 }), attributes: { claimant: 'The minister' } };
      // Imported from elsewhere: an attribute no tag of this folder declares, in the second file only.
      const imported = { ...createAnnotation(cp, { tag: 'claim', start: 13, end: 38 }), attributes: { claimant: 'The minister', source_desk: 'Wire' } };
      await fs.writeFile(path.join(copy, 'a.txt.gloss.json'), serializeSidecar(buildSidecar(fingerprint, DEFAULT_TAGS, [plain])));
      await fs.writeFile(path.join(copy, 'b.txt.gloss.json'), serializeSidecar(buildSidecar({ ...fingerprint, name: 'b.txt' }, DEFAULT_TAGS, [imported])));
      const out = path.join(copy, 'out.csv');
      const result = await exportFolder(copy, { format: 'csv', out });
      expect(result.annotations).toBe(2);
      const parsed = Papa.parse<Record<string, string>>(await fs.readFile(out, 'utf8'), { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const declared = DEFAULT_TAGS.flatMap((t) => (t.attributes ?? []).map((a) => `attr:${a.id}`));
      expect(parsed.meta.fields).toEqual(expect.arrayContaining([...declared, 'attr:source_desk']));
      expect(parsed.data.map((r) => [r.file, r['attr:claimant'], r['attr:source_desk'], r['attr:speaker']])).toEqual([
        ['a.txt', 'The minister', '', ''],
        ['b.txt', 'The minister', 'Wire', ''],
      ]);
      expect((await fs.readdir(copy)).filter((f) => f.endsWith('.partial'))).toEqual([]);
    } finally {
      await fs.rm(copy, { recursive: true, force: true });
    }
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
    // brat through the built CLI: the export worker thread and its file-writing thread.
    const brat = path.join(dir, 'cli-brat');
    expect(execFileSync(process.execPath, [cli, 'export', dir, '--format', 'brat', '--out', brat], { encoding: 'utf8' })).toMatch(/Exported 3 annotations/);
    expect(readFileSync(path.join(brat, 'kim.ann'), 'utf8')).toContain('Kim Jong Un');
    expect(readFileSync(path.join(brat, 'sub-folder-article.md.txt'), 'utf8')).toContain('The mayor claimed');
    expect(existsSync(path.join(brat, 'annotation.conf'))).toBe(true);
  });
});

describe('bundle, brat, ClaimReview and HTML exports', () => {
  let root: string;
  const made: Record<string, Annotation> = {};
  const KIM = 'Mr Kim 😀 said: “We will win.”\r\nPeskov denied\r\nany arms deal. <script>alert(1)</script>\r\n';
  const OTHER = '# Other\n\nThe US claimed arms were sent.\n';

  async function write(rel: string, text: string, list: Annotation[]) {
    const file = path.join(root, ...rel.split('/'));
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text);
    if (list.length === 0) return;
    const { fingerprint } = await loadSource(file);
    await fs.writeFile(file + '.gloss.json', serializeSidecar(buildSidecar(fingerprint, DEFAULT_TAGS, list)));
  }
  function span(text: string, quote: string, tag: string, extra: Partial<Annotation> = {}): Annotation {
    const cp = new CodePointText(text);
    const start = cp.toCodePoint(text.indexOf(quote));
    return { ...createAnnotation(cp, { tag, start, end: start + Array.from(quote).length }), ...extra };
  }

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-export-formats-'));
    made.other = span(OTHER, 'arms were sent', 'claim', { attributes: { claimant: 'US', verdict: 'unverified' } });
    made.claim = span(KIM, 'any arms deal', 'claim', { attributes: { claimant: 'US', verdict: 'false' }, note: '<script>steal()</script>' });
    made.quote = span(KIM, '“We will win.”', 'quote', { attributes: { speaker: 'Kim Jong Un', cue: 'said' }, links: [{ type: 'supports', target: made.claim.id }] });
    made.denial = span(KIM, 'Peskov denied\r\nany arms deal.', 'denial', { attributes: { denier: 'Dmitry Peskov' }, links: [{ type: 'denies', target: made.claim.id }, { type: 'denies', target: made.other.id, file: 'other.md' }] });
    await write('news/kim.txt', KIM, [made.quote, made.denial, made.claim]);
    await write('other.md', OTHER, [made.other]);
    await write('plain.txt', 'Nothing annotated here.\n', []);
  });
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });
  const out = (name: string) => path.join(root, '..', `${path.basename(root)}-${name}`);

  it('JSON bundle: every sidecar with its path and the tag set, filtered; reads back with BundleSchema', async () => {
    const file = out('bundle.json');
    const all = await exportFolder(root, { format: 'bundle', out: file });
    expect(all).toMatchObject({ annotations: 4, sources: 3 });
    const bundle = BundleSchema.parse(JSON.parse(await fs.readFile(file, 'utf8')));
    expect(bundle.sources.map((s) => s.path)).toEqual(['news/kim.txt', 'other.md']);
    expect(bundle.tagSet).toEqual({ exists: false, tags: DEFAULT_TAGS });
    expect(bundle.sources[0]!.sidecar.annotations.map((a) => a.id).sort()).toEqual([made.quote!.id, made.denial!.id, made.claim!.id].sort());
    await exportFolder(root, { format: 'bundle', out: file, filter: { speaker: 'kim jong un' } });
    const filtered = BundleSchema.parse(JSON.parse(await fs.readFile(file, 'utf8')));
    expect(filtered.sources.map((s) => [s.path, s.sidecar.annotations.map((a) => a.tag)])).toEqual([['news/kim.txt', ['quote']]]);
    expect(filtered.filter).toEqual({ speaker: 'kim jong un' });
    await fs.rm(file);
  });

  it('brat: .txt copies and .ann files mirroring the folder, annotation.conf and visual.conf; a cross-article link is reported', async () => {
    const dirOut = out('brat');
    const result = await exportFolder(root, { format: 'brat', out: dirOut });
    expect(result).toMatchObject({ annotations: 4, sources: 3, skipped: [] });
    const files = (await fs.readdir(dirOut, { recursive: true })).map(String).sort();
    expect(files).toEqual(['annotation.conf', 'news', 'news/kim.ann', 'news/kim.txt', 'other.md.ann', 'other.md.txt', 'plain.ann', 'plain.txt', 'visual.conf']);
    // The copy is the decoded text, CRLF kept: the .ann's code point offsets index it as Python would.
    expect(await fs.readFile(path.join(dirOut, 'news', 'kim.txt'), 'utf8')).toBe(KIM);
    const ann = await fs.readFile(path.join(dirOut, 'news', 'kim.ann'), 'utf8');
    expect(ann).toContain('T1\tquote 15 29\t“We will win.”');
    expect(ann).toContain('T2\tdenial 31 44;46 60\tPeskov denied any arms deal.');
    expect(ann).toMatch(/^R\d\tdenies Arg1:T2 Arg2:T3$/m);
    expect(ann).toMatch(/^R\d\tsupports Arg1:T1 Arg2:T3$/m);
    expect(ann).toMatch(/^#\d+\tAnnotatorNotes T3\t<script>steal\(\)<\/script>$/m);
    expect(await fs.readFile(path.join(dirOut, 'plain.ann'), 'utf8')).toBe('');
    expect(result.problems).toEqual([{ path: 'news/kim.txt', message: expect.stringMatching(/link denies to other\.md crosses articles; brat relations stay within one document, not exported/) }]);
    const conf = await fs.readFile(path.join(dirOut, 'annotation.conf'), 'utf8');
    expect(conf).toMatch(/\[entities\]\nclaim\ndenial\nquote\n/);
    expect(conf).toMatch(/^supports\tArg1:quote, Arg2:claim$/m);
    expect(await fs.readFile(path.join(dirOut, 'visual.conf'), 'utf8')).toMatch(/^denial\tbgColor:#d9483b$/m);

    // Back into Gloss (a new folder): the same annotations, attributes, notes and in-article links.
    const back = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-brat-back-'));
    const imported = await importBratInto(back, dirOut);
    expect(imported.problems).toEqual([]);
    expect(imported.written.sort()).toEqual(['news/kim.txt', 'other.md.txt']);
    const sidecar = JSON.parse(await fs.readFile(path.join(back, 'news', 'kim.txt.gloss.json'), 'utf8')) as { annotations: Annotation[] };
    const pick = (a: Annotation) => ({ tag: a.tag, start: a.start, end: a.end, exact: a.exact, attributes: a.attributes, note: a.note, links: a.links.length });
    const originals = [made.quote!, made.denial!, made.claim!].map((a) => ({ ...pick(a), links: a.links.filter((l) => !l.file).length }));
    expect(sidecar.annotations.map(pick)).toEqual(originals);
    await fs.rm(back, { recursive: true, force: true });

    // A second export into the same, now non-empty, folder is refused and changes nothing.
    await expect(exportFolder(root, { format: 'brat', out: dirOut })).rejects.toThrow(/already exists and is not empty/);
    expect(await fs.readFile(path.join(dirOut, 'news', 'kim.txt'), 'utf8')).toBe(KIM);
    await fs.rm(dirOut, { recursive: true });
  });

  it('a cancelled brat export leaves neither the folder nor its temporary', async () => {
    const dirOut = out('brat-cancelled');
    const controller = new AbortController();
    await expect(exportFolder(root, { format: 'brat', out: dirOut, signal: controller.signal, onProgress: (done) => done === 2 && controller.abort() })).rejects.toThrow(/cancelled/);
    const left = (await fs.readdir(path.dirname(dirOut))).filter((f) => f.includes(path.basename(dirOut)));
    expect(left).toEqual([]);
  });

  it('brat and HTML place the annotations on a source changed since its sidecar was saved', async () => {
    const copy = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-changed-'));
    await fs.cp(root, copy, { recursive: true });
    await fs.writeFile(path.join(copy, 'other.md'), 'UPDATE: ' + OTHER);
    const dirOut = path.join(copy, '..', `${path.basename(copy)}-brat`);
    await exportFolder(copy, { format: 'brat', out: dirOut });
    const start = made.other!.start + 'UPDATE: '.length;
    expect(await fs.readFile(path.join(dirOut, 'other.md.ann'), 'utf8')).toContain(`T1\tclaim ${start} ${start + 14}\tarms were sent`);
    await fs.rm(dirOut, { recursive: true });
    await fs.writeFile(path.join(copy, 'other.md'), '# Gone\n');
    const html = path.join(copy, 'report.html');
    const result = await exportFolder(copy, { format: 'html', out: html });
    expect(result.problems).toEqual([{ path: 'other.md', message: expect.stringMatching(/claim “arms were sent” was not found in the changed source; not exported/) }]);
    await fs.rm(copy, { recursive: true, force: true });
  });

  it('ClaimReview: one review per claim with a verdict', async () => {
    const file = out('claims.jsonld');
    const result = await exportFolder(root, { format: 'claimreview', out: file, claimReview: { publisher: { name: 'Fact Desk' } } });
    expect(result.annotations).toBe(1);
    const doc = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@graph']).toEqual([expect.objectContaining({ '@type': 'ClaimReview', '@id': `urn:uuid:${made.claim!.id}`, claimReviewed: 'any arms deal', reviewRating: expect.objectContaining({ alternateName: 'False' }), itemReviewed: expect.objectContaining({ author: { '@type': 'Person', name: 'US' } }) })]);
    await fs.rm(file);
  });

  it('HTML report: one self-contained file, text and notes escaped', async () => {
    const file = out('report.html');
    const result = await exportFolder(root, { format: 'html', out: file });
    expect(result).toMatchObject({ annotations: 4, problems: [] });
    const html = await fs.readFile(file, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;script&gt;steal()&lt;/script&gt;');
    expect(html.match(/<section class="article"/g)).toHaveLength(2);
    expect(html).toMatch(/<h2>news\/kim\.txt<\/h2>[\s\S]*<h2>other\.md<\/h2>/);
    await fs.rm(file);
  });
});
