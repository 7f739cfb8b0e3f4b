// Imports on real temporary folders: every brat example of ../shared/data/brat imported into a
// Gloss folder (texts copied, sidecars written by the app's writer) and exported back to brat gives
// equivalent .ann files; importing again merges by id (no duplicates); a damaged sidecar, a
// different text already in place and a source changed since its sidecar are refused and left as
// they were. W3C: Gloss → W3C file → another folder gives the same annotations.
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../shared/annotations.js';
import { CodePointText } from '../../shared/code-points.js';
import { canonicalAnn, parseAnn } from '../../shared/imports/brat-ann.js';
import { buildSidecar, serializeSidecar, type Annotation } from '../../shared/sidecar-format.js';
import { DEFAULT_TAGS } from '../../shared/tags.js';
import { exportFolder } from './corpus-export.js';
import { importBratInto, importW3cInto, nameUuid } from './corpus-import.js';
import { loadSource } from './source-files.js';

const BRAT = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'brat');
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-import-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const readSidecar = async (file: string) => JSON.parse(await fs.readFile(file + '.gloss.json', 'utf8')) as { annotations: Annotation[]; tags: { id: string; attributes?: { id: string; label: string; kind: string; options?: string[] }[] }[] };

describe.skipIf(!existsSync(BRAT))('brat import → Gloss folder → brat export, over ../shared/data/brat', () => {
  if (!existsSync(BRAT)) it.skip(`skipped: ${BRAT} is absent`, () => {});

  it('every .ann comes back equivalent; only DKPro’s reference file, which has no .txt of its own, is reported', async () => {
    const folder = path.join(tmp, 'corpus');
    await fs.mkdir(folder);
    const imported = await importBratInto(folder, BRAT);
    expect(imported.problems).toEqual([{ path: 'dkpro-discontinuous/document0d-ref.ann', message: 'its text document0d-ref.txt is missing beside it; not imported' }]);
    expect(imported.written.length).toBeGreaterThanOrEqual(160);
    // The data is not touched: no sidecar was written beside it.
    expect((await fs.readdir(BRAT, { recursive: true })).map(String).filter((f) => f.endsWith('.gloss.json'))).toEqual([]);

    const out = path.join(tmp, 'corpus-brat');
    const exported = await exportFolder(folder, { format: 'brat', out });
    expect(exported.problems).toEqual([]);
    expect(exported.skipped).toEqual([]);
    const anns = (await fs.readdir(BRAT, { recursive: true })).map(String).filter((f) => f.endsWith('.ann') && !f.endsWith('-ref.ann')).sort();
    expect(anns.length).toBeGreaterThanOrEqual(170);
    const notEquivalent: string[] = [];
    for (const rel of anns) {
      const before = canonicalAnn(parseAnn(readFileSync(path.join(BRAT, rel), 'utf8')));
      const after = canonicalAnn(parseAnn(readFileSync(path.join(out, rel), 'utf8')));
      if (JSON.stringify(before) !== JSON.stringify(after)) notEquivalent.push(rel);
      // The .txt copy is the original text, byte for byte (these are UTF-8 without a BOM).
      expect(readFileSync(path.join(out, rel.replace(/\.ann$/, '.txt'))).equals(readFileSync(path.join(BRAT, rel.replace(/\.ann$/, '.txt'))))).toBe(true);
    }
    expect(notEquivalent).toEqual([]);

    // Imported brat types and attributes are described in the sidecar's tag snapshot: binary
    // attributes as a choice of `true`, valued ones as a choice of the values seen, other note types as text.
    const tutorial = await readSidecar(path.join(folder, 'tutorials', 'news', '100-attribute_annotation.txt'));
    const merge = tutorial.tags.find((t) => t.id === 'Merge-org')!;
    expect(merge.attributes).toEqual([{ id: 'confidence', label: 'Confidence', kind: 'choice', options: expect.arrayContaining(['Low', 'Neutral', 'High']) }]);
    const person = tutorial.tags.find((t) => t.id === 'Person')!;
    expect(person.attributes).toEqual([{ id: 'individual', label: 'Individual', kind: 'choice', options: ['true'] }]);

  }, 120_000);
});

describe('brat import refusals', () => {
  it('a damaged sidecar, a different text in place, a source changed since its sidecar: reported, nothing changed', async () => {
    const input = path.join(tmp, 'brat-in');
    await fs.mkdir(input, { recursive: true });
    for (const n of ['a', 'b', 'c']) {
      await fs.writeFile(path.join(input, `${n}.txt`), 'Orville Wright flew.\n');
      await fs.writeFile(path.join(input, `${n}.ann`), 'T1\tPerson 0 14\tOrville Wright\n');
    }
    const folder = path.join(tmp, 'refusals');
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'a.txt'), 'Orville Wright flew.\n');
    await fs.writeFile(path.join(folder, 'a.txt.gloss.json'), '{"format":"gloss-annotations"');
    await fs.writeFile(path.join(folder, 'b.txt'), 'Another text.\n');
    await fs.writeFile(path.join(folder, 'c.txt'), 'Orville Wright flew.\n');
    const { fingerprint } = await loadSource(path.join(folder, 'c.txt'));
    await fs.writeFile(path.join(folder, 'c.txt.gloss.json'), serializeSidecar(buildSidecar({ ...fingerprint, sha256: '0'.repeat(64) }, DEFAULT_TAGS, [])));
    const before = await Promise.all(['a.txt.gloss.json', 'b.txt', 'c.txt.gloss.json'].map((f) => fs.readFile(path.join(folder, f), 'utf8')));
    const result = await importBratInto(folder, input);
    expect(result.written).toEqual([]);
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      expect.stringMatching(/^a\.ann: a\.txt\.gloss\.json cannot be used: it is not valid JSON.*Nothing was imported into it\.$/),
      'b.ann: b.txt already exists in refusals with a different text; not imported (nothing was overwritten)',
      expect.stringMatching(/^c\.ann: c\.txt changed since its sidecar was saved; open it in Gloss first/),
    ]);
    const after = await Promise.all(['a.txt.gloss.json', 'b.txt', 'c.txt.gloss.json'].map((f) => fs.readFile(path.join(folder, f), 'utf8')));
    expect(after).toEqual(before);
  });

  it('importing again replaces by id (nothing duplicated, the previous sidecar kept as backup); a single .ann from outside lands at the folder’s top', async () => {
    const input = path.join(tmp, 'brat-again');
    await fs.mkdir(path.join(input, 'sub'), { recursive: true });
    await fs.writeFile(path.join(input, 'sub', 'w.txt'), 'Orville Wright and Wilbur Wright.\n');
    await fs.writeFile(path.join(input, 'sub', 'w.ann'), 'T1\tPerson 0 14\tOrville Wright\nT2\tPerson 19 32\tWilbur Wright\nR1\tFamily Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes R1\tbrothers\n');
    const folder = path.join(tmp, 'again');
    await fs.mkdir(folder);
    const first = await importBratInto(folder, input);
    expect(first).toEqual({ written: ['sub/w.txt'], annotations: 2, problems: [] });
    const sidecar = await readSidecar(path.join(folder, 'sub', 'w.txt'));
    const [orville, wilbur] = sidecar.annotations;
    expect(orville!.links).toEqual([{ type: 'Family', target: wilbur!.id }]);
    expect(orville!.attributes).toEqual({ [`brat:relation:Family:${wilbur!.id}:#AnnotatorNotes`]: 'brothers' });
    await importBratInto(folder, input);
    expect((await readSidecar(path.join(folder, 'sub', 'w.txt'))).annotations).toEqual(sidecar.annotations);
    expect(existsSync(path.join(folder, 'sub', 'w.txt.gloss.json.bak'))).toBe(true);
    const single = await importBratInto(folder, path.join(input, 'sub', 'w.ann'));
    expect(single.written).toEqual(['w.txt']);
  });

  it('ids are derived from the source and the brat id', () => {
    expect(nameUuid('brat:a.txt#T1')).toBe(nameUuid('brat:a.txt#T1'));
    expect(nameUuid('brat:a.txt#T1')).not.toBe(nameUuid('brat:a.txt#T2'));
    expect(nameUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('W3C import', () => {
  const TEXT = 'Mr Kim 😀 said: “We will win.”\r\nPeskov denied any arms deal.\r\n';
  const cp = new CodePointText(TEXT);
  const at = (quote: string, tag: string, extra: Partial<Annotation> = {}): Annotation => {
    const start = cp.toCodePoint(TEXT.indexOf(quote));
    return { ...createAnnotation(cp, { tag, start, end: start + Array.from(quote).length }), ...extra };
  };

  it('Gloss → W3C file → another folder: the same annotations (tag, span, note), merged by id into an existing sidecar', async () => {
    const from = path.join(tmp, 'w3c-from');
    await fs.mkdir(path.join(from, 'news'), { recursive: true });
    const original = [at('“We will win.”', 'quote', { attributes: { speaker: 'Kim Jong Un' }, note: 'toast' }), at('Peskov denied any arms deal.', 'denial', { note: 'line one\nline two' })];
    await fs.writeFile(path.join(from, 'news', 'kim.txt'), TEXT);
    const { fingerprint } = await loadSource(path.join(from, 'news', 'kim.txt'));
    await fs.writeFile(path.join(from, 'news', 'kim.txt.gloss.json'), serializeSidecar(buildSidecar(fingerprint, DEFAULT_TAGS, original)));
    const w3c = path.join(tmp, 'kim.jsonld');
    await exportFolder(from, { format: 'w3c', out: w3c });

    // Another folder, elsewhere on disk: the file: IRIs do not point into it; the source is found by its path's tail.
    const to = path.join(tmp, 'w3c-to');
    await fs.mkdir(path.join(to, 'news'), { recursive: true });
    await fs.writeFile(path.join(to, 'news', 'kim.txt'), TEXT);
    const mine = at('Mr Kim', 'claim');
    await fs.writeFile(path.join(to, 'news', 'kim.txt.gloss.json'), serializeSidecar(buildSidecar(fingerprint, DEFAULT_TAGS, [mine])));
    const result = await importW3cInto(to, w3c);
    expect(result).toEqual({ written: ['news/kim.txt'], annotations: 2, problems: [] });
    const pick = (a: Annotation) => ({ id: a.id, tag: a.tag, start: a.start, end: a.end, exact: a.exact, note: a.note, attributes: a.attributes });
    const back = (await readSidecar(path.join(to, 'news', 'kim.txt'))).annotations;
    expect(back.map(pick)).toEqual([mine, ...original].map(pick));

    // Again: replaced by id, not duplicated.
    await importW3cInto(to, w3c);
    expect((await readSidecar(path.join(to, 'news', 'kim.txt'))).annotations).toHaveLength(3);
  });

  it('reports annotations whose source is not in the folder, and places on --source', async () => {
    const folder = path.join(tmp, 'w3c-source');
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'page.txt'), 'And this is an anotation that has some typos.\n');
    const input = path.join(tmp, 'foreign.json');
    const anno = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/anno26', type: 'Annotation', bodyValue: 'spelling', target: { source: 'http://example.org/page1', selector: { type: 'TextQuoteSelector', exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' } } };
    await fs.writeFile(input, JSON.stringify(anno));
    const unmatched = await importW3cInto(folder, input);
    expect(unmatched.written).toEqual([]);
    expect(unmatched.problems).toEqual([{ path: 'foreign.json', message: 'annotation 1 (http://example.org/anno26): cannot be placed: its source http://example.org/page1 is not an article of w3c-source; use --source to say which one' }]);
    const placed = await importW3cInto(folder, input, { source: 'page.txt' });
    expect(placed).toMatchObject({ written: ['page.txt'], annotations: 1, problems: [] });
    const [a] = (await readSidecar(path.join(folder, 'page.txt'))).annotations;
    expect(a).toMatchObject({ id: nameUuid('w3c:http://example.org/anno26'), tag: 'annotation', start: 15, end: 24, exact: 'anotation', note: 'spelling' });
  });
});
