// The folder-wide parts of the analyst's model on real temporary folders: the tag-set file,
// renaming and mapping tags across every sidecar, finding annotations for the link picker, links
// from other articles, removing links to a deleted annotation, the people of an article and
// folder, and saving edited source text.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../shared/annotations.js';
import { CodePointText } from '../../shared/code-points.js';
import type { OpenedDocument, TagSetState } from '../../shared/contract.js';
import { buildSidecar, parseSidecar, serializeSidecar, type Annotation } from '../../shared/sidecar-format.js';
import { TAG_SET_FILE } from '../../shared/tag-set.js';
import { DEFAULT_TAGS } from '../../shared/tags.js';
import { GlossServices } from './gloss-services.js';
import { loadSource } from './source-files.js';

let dir: string;
let services: GlossServices;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-folder-'));
  services = new GlossServices({ kind: 'web', version: 'test', uiMayNamePaths: true });
});
afterEach(async () => {
  await services.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function call<T = unknown>(name: string, payload: unknown): Promise<T> {
  const result = await services.dispatch(name, payload);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

/** Write `file` with `text` and a sidecar holding annotations over the given phrases. */
async function annotated(file: string, text: string, spans: { phrase: string; tag: string; attributes?: Record<string, string>; links?: Annotation['links'] }[]): Promise<Annotation[]> {
  const abs = path.join(dir, file);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, text);
  const t = new CodePointText(text);
  const annotations = spans.map((s) => {
    const start = t.toCodePoint(text.indexOf(s.phrase));
    return { ...createAnnotation(t, { tag: s.tag, start, end: start + Array.from(s.phrase).length }), attributes: s.attributes ?? {}, links: s.links ?? [] };
  });
  const { fingerprint } = await loadSource(abs);
  await fs.writeFile(abs + '.gloss.json', serializeSidecar(buildSidecar(fingerprint, DEFAULT_TAGS, annotations)));
  return annotations;
}

async function sidecarOf(file: string) {
  const parsed = parseSidecar(await fs.readFile(path.join(dir, file + '.gloss.json'), 'utf8'));
  if (parsed.kind !== 'ok') throw new Error(`${file}: ${parsed.kind}`);
  return parsed.sidecar;
}

describe('the folder as the analyst\'s model', () => {
  it('uses the default tags until the folder has its own file, then reads and writes gloss-tags.json', async () => {
    await call('openFolder', { path: dir });
    const before = await call<TagSetState>('getTagSet', {});
    expect(before).toMatchObject({ exists: false, problem: null });
    expect(before.tags.map((t) => t.id)).toEqual(['claim', 'quote', 'denial']);
    expect(before.tags.find((t) => t.id === 'denial')!.links![0]).toMatchObject({ type: 'denies', targetTags: ['claim'] });
    const tags = [...before.tags, { id: 'rumour', label: 'Rumour', color: '#7b61c4', key: '4', attributes: [{ id: 'source', label: 'Source', kind: 'text' as const }], links: [] }];
    const after = await call<TagSetState>('saveTagSet', { tags });
    expect(after.exists).toBe(true);
    expect(JSON.parse(await fs.readFile(path.join(dir, TAG_SET_FILE), 'utf8'))).toMatchObject({ format: 'gloss-tagset', version: 1, tags: expect.arrayContaining([expect.objectContaining({ id: 'rumour', key: '4' })]) });
    // Two tags on one key are refused at the boundary.
    await expect(call('saveTagSet', { tags: tags.map((t) => (t.id === 'rumour' ? { ...t, key: '1' } : t)) })).rejects.toThrow(/both use the key 1/);
  });

  it('never overwrites a damaged tag-set file, and says why the defaults are in use', async () => {
    await fs.writeFile(path.join(dir, TAG_SET_FILE), '{"format": "gloss-tagset", "version": 1, "tags": [');
    await call('openFolder', { path: dir });
    const state = await call<TagSetState>('getTagSet', {});
    expect(state.problem).toMatch(/not valid JSON.*default tags are in use/);
    await expect(call('saveTagSet', { tags: DEFAULT_TAGS })).rejects.toThrow(/will not overwrite/);
    expect(await fs.readFile(path.join(dir, TAG_SET_FILE), 'utf8')).toBe('{"format": "gloss-tagset", "version": 1, "tags": [');
  });

  it('renames a tag in the tag set and every sidecar of the folder, reporting progress', async () => {
    await annotated('a.txt', 'One claim here. One quote.', [{ phrase: 'One claim here.', tag: 'claim' }, { phrase: 'One quote.', tag: 'quote' }]);
    await annotated('sub/b.txt', 'Another claim.', [{ phrase: 'Another claim.', tag: 'claim' }]);
    await annotated('c.txt', 'Only a quote.', [{ phrase: 'Only a quote.', tag: 'quote' }]);
    const cBefore = await fs.readFile(path.join(dir, 'c.txt.gloss.json'), 'utf8');
    await call('openFolder', { path: dir });
    const progress: number[] = [];
    services.onEvent((e) => e.type === 'progress' && progress.push(e.done));
    const result = await call<{ filesChanged: number; annotationsChanged: number; tagSet: TagSetState }>('renameTag', { from: 'claim', to: 'assertion', label: 'Assertion' });
    expect(result).toMatchObject({ filesChanged: 3, annotationsChanged: 2 });
    expect(result.tagSet.tags.map((t) => t.id)).toEqual(['assertion', 'quote', 'denial']);
    expect((await sidecarOf('a.txt')).annotations.map((a) => a.tag)).toEqual(['assertion', 'quote']);
    expect((await sidecarOf('sub/b.txt')).annotations.map((a) => a.tag)).toEqual(['assertion']);
    expect((await sidecarOf('a.txt')).tags.map((t) => t.id)).toEqual(['assertion', 'quote', 'denial']);
    // c.txt used no claims, but its tag snapshot named the old id: rewritten for its snapshot only, annotations untouched.
    expect((await sidecarOf('c.txt')).annotations).toEqual(JSON.parse(cBefore).annotations);
    expect(progress).toEqual([1, 2, 3]);
  });

  it('maps an unknown tag onto a known one across the folder', async () => {
    await annotated('a.txt', 'A rumour and a claim.', [{ phrase: 'A rumour', tag: 'rumour' }, { phrase: 'a claim', tag: 'claim' }]);
    await call('openFolder', { path: dir });
    const result = await call<{ annotationsChanged: number; tagSet: TagSetState }>('renameTag', { from: 'rumour', to: 'claim', label: 'Claim' });
    expect(result.annotationsChanged).toBe(1);
    expect(result.tagSet.tags.map((t) => t.id)).toEqual(['claim', 'quote', 'denial']);
    expect((await sidecarOf('a.txt')).annotations.map((a) => a.tag)).toEqual(['claim', 'claim']);
  });

  it('finds annotations, follows links from other articles, and removes them when their target goes', async () => {
    const [claim] = await annotated('wire.txt', 'Officials claim that shells were shipped by rail.', [{ phrase: 'shells were shipped by rail', tag: 'claim', attributes: { claimant: 'Officials in Seoul' } }]);
    const [denial] = await annotated('article.txt', 'Both have denied those claims.', [
      { phrase: 'Both have denied those claims.', tag: 'denial', links: [{ type: 'denies', target: claim!.id, file: 'wire.txt' }] },
    ]);
    await call('openFolder', { path: dir });
    await call('countAnnotations', {});
    const found = await call<{ results: { file: string; id: string }[]; total: number }>('findAnnotations', { tags: ['claim'], text: 'seoul' });
    expect(found).toMatchObject({ total: 1, results: [{ file: 'wire.txt', id: claim!.id }] });
    expect((await call<{ total: number }>('findAnnotations', { tags: ['quote'] })).total).toBe(0);
    expect(await call('lookupAnnotations', { refs: [{ file: 'wire.txt', id: claim!.id }, { file: 'wire.txt', id: 'gone' }] })).toMatchObject([{ id: claim!.id, exact: 'shells were shipped by rail' }]);
    const into = await call<{ from: { file: string; id: string }; type: string; target: string }[]>('linksInto', { path: 'wire.txt' });
    expect(into).toEqual([{ from: expect.objectContaining({ file: 'article.txt', id: denial!.id }), type: 'denies', target: claim!.id }]);
    expect(await call('removeLinksTo', { path: 'wire.txt', id: claim!.id })).toEqual({ filesChanged: 1, linksRemoved: 1 });
    expect((await sidecarOf('article.txt')).annotations[0]!.links).toEqual([]);
    expect(await call('linksInto', { path: 'wire.txt' })).toEqual([]);
    // Paths stay confined to the folder.
    await expect(call('linksInto', { path: '../elsewhere.txt' })).rejects.toThrow(/relative path inside the opened folder/);
  });

  it('offers the people named in the article (fullest form) and the names used in the folder', async () => {
    await annotated('a.txt', 'President Vladimir Putin met Kim Jong Un. Mr Putin said: "Welcome." Mr Kim replied. Kremlin spokesman Dmitry Peskov said little.', [
      { phrase: 'Welcome.', tag: 'quote', attributes: { speaker: 'Vladimir Putin' } },
    ]);
    await annotated('b.txt', 'Someone said something.', [{ phrase: 'something', tag: 'claim', attributes: { claimant: 'Dmitry Peskov' } }]);
    await call('openFolder', { path: dir });
    const people = await call<{ inArticle: string[]; inFolder: { name: string; count: number }[] }>('listPeople', { path: 'a.txt' });
    expect(people.inArticle).toEqual(expect.arrayContaining(['Vladimir Putin', 'Kim Jong Un', 'Dmitry Peskov']));
    expect(people.inArticle).not.toContain('Putin');
    expect(people.inFolder).toEqual([
      { name: 'Dmitry Peskov', count: 1 },
      { name: 'Vladimir Putin', count: 1 },
    ]);
  });

  it('saves edited text atomically in its encoding, then the sidecar with the new fingerprint; refuses if the file changed meanwhile', async () => {
    const original = 'Line one.\r\nCaf\u00e9 line two.\r\n';
    await fs.writeFile(path.join(dir, 'a.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(original)]));
    await call('openFolder', { path: dir });
    const doc = await call<OpenedDocument>('readDocument', { path: 'a.txt' });
    const edited = 'Caf\u00e9 line two.\r\n';
    const t = new CodePointText(edited);
    const annotation = createAnnotation(t, { tag: 'quote', start: 0, end: 4 });
    const saved = await call<OpenedDocument>('saveSourceText', { path: 'a.txt', expectedSha256: doc.fingerprint.sha256, text: edited, tags: DEFAULT_TAGS, annotations: [annotation] });
    expect(saved.text).toBe(edited);
    expect(saved.fingerprint.encoding).toBe('utf-8-bom');
    const bytes = await fs.readFile(path.join(dir, 'a.txt'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(saved.sidecar.kind === 'ok' && saved.sidecar.sidecar.source.sha256).toBe(saved.fingerprint.sha256);
    expect(saved.sidecar.kind === 'ok' && saved.sidecar.sidecar.annotations[0]!.exact).toBe('Caf\u00e9');
    await expect(call('saveSourceText', { path: 'a.txt', expectedSha256: doc.fingerprint.sha256, text: 'x', tags: DEFAULT_TAGS, annotations: [] })).rejects.toThrow(/changed on disk by another program/);
    expect((await fs.readFile(path.join(dir, 'a.txt'))).equals(bytes)).toBe(true);
  });

  it('refuses text a legacy encoding cannot hold, writing nothing', async () => {
    const latin1 = Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade, d\xe9j\xe0 vu.\n'.repeat(20), 'latin1');
    await fs.writeFile(path.join(dir, 'old.txt'), latin1);
    await call('openFolder', { path: dir });
    const doc = await call<OpenedDocument>('readDocument', { path: 'old.txt' });
    expect(doc.fingerprint.encoding).not.toMatch(/utf/);
    await expect(call('saveSourceText', { path: 'old.txt', expectedSha256: doc.fingerprint.sha256, text: doc.text + ' \u4e2d', tags: DEFAULT_TAGS, annotations: [] })).rejects.toThrow(/cannot hold some of the characters/);
    expect((await fs.readFile(path.join(dir, 'old.txt'))).equals(latin1)).toBe(true);
  });

  it('searches the folder index by words, tag, person, attribute and note; follows saves and outside changes', async () => {
    await annotated('a.txt', 'Putin said the talks went well. Peskov denied the report.', [
      { phrase: 'the talks went well', tag: 'claim', attributes: { claimant: 'Vladimir Putin', verdict: 'unverified' } },
      { phrase: 'Peskov denied the report.', tag: 'denial', attributes: { denier: 'Dmitry Peskov' } },
    ]);
    await annotated('sub/b.txt', 'Officials said talks failed.', [{ phrase: 'talks failed', tag: 'claim', attributes: { claimant: 'Officials', verdict: 'false' } }]);
    await call('openFolder', { path: dir });
    await call('countAnnotations', {});
    type Found = { results: { file: string; exact: string; prefix: string }[]; total: number };
    const search = (q: object) => call<Found>('findAnnotations', q);
    expect((await search({ text: 'talks' })).results.map((r) => r.file)).toEqual(['a.txt', 'sub/b.txt']);
    expect((await search({ text: 'TALKS well' })).results.map((r) => r.exact)).toEqual(['the talks went well']);
    expect((await search({ person: 'dmitry peskov' })).results.map((r) => r.exact)).toEqual(['Peskov denied the report.']);
    expect((await search({ attributes: { verdict: 'False' } })).results.map((r) => r.file)).toEqual(['sub/b.txt']);
    expect((await search({ tags: ['claim'], text: 'putin' })).total).toBe(1);
    expect((await search({ tags: ['quote'] })).total).toBe(0);
    const limited = await search({ limit: 1 });
    expect(limited).toMatchObject({ total: 3, results: [expect.objectContaining({ file: 'a.txt', prefix: 'Putin said ' })] });
    expect(await call('folderStatistics', {})).toMatchObject({ annotations: 3, byTag: { claim: 2, denial: 1 }, byPerson: { 'Dmitry Peskov': { denial: 1 } }, byFile: { 'sub/b.txt': { claim: 1 } } });

    // A save through the app is searchable at once.
    const doc = await call<OpenedDocument>('readDocument', { path: 'sub/b.txt' });
    const t = new CodePointText(doc.text);
    const added = { ...createAnnotation(t, { tag: 'quote', start: 0, end: 9 }), note: 'check the minutes' };
    await call('saveAnnotations', { path: 'sub/b.txt', source: doc.fingerprint, tags: DEFAULT_TAGS, upsert: [added], remove: [] });
    expect((await search({ note: 'minutes' })).results.map((r) => r.exact)).toEqual(['Officials']);
    // So is a sidecar written by another program, once the watcher has seen it.
    await services.watching();
    const changed = new Promise<void>((resolve) => services.onEvent((e) => e.type === 'file-changed' && e.path === 'a.txt' && e.kind === 'sidecar' && resolve()));
    await annotated('a.txt', 'Putin said the talks went well. Peskov denied the report.', [{ phrase: 'Peskov', tag: 'quote' }]);
    await changed;
    expect((await search({ tags: ['denial'] })).total).toBe(0);
    expect((await search({ text: 'peskov', tags: ['quote'] })).total).toBe(1);
  });

  it('counts and searches a large sidecar (thousands of annotations, read by the index in slices) like a small one', async () => {
    const sentence = 'Peskov denied that the talks had failed. ';
    const text = sentence.repeat(6000);
    const abs = path.join(dir, 'long.txt');
    await fs.writeFile(abs, text);
    const t = new CodePointText(text);
    const annotations = Array.from({ length: 6000 }, (_, i) => ({
      ...createAnnotation(t, { tag: i % 2 ? 'denial' : 'claim', start: i * sentence.length, end: i * sentence.length + 6 }),
      attributes: (i % 2 ? { denier: 'Dmitry Peskov' } : {}) as Record<string, string>,
    }));
    const { fingerprint } = await loadSource(abs);
    const json = serializeSidecar(buildSidecar(fingerprint, DEFAULT_TAGS, annotations));
    expect(json.length).toBeGreaterThan(1024 * 1024);
    await fs.writeFile(abs + '.gloss.json', json);
    await annotated('small.txt', 'Officials said talks failed.', [{ phrase: 'talks failed', tag: 'claim' }]);
    await call('openFolder', { path: dir });
    await call('countAnnotations', {});
    const stats = await call<{ annotations: number; byTag: Record<string, number> }>('folderStatistics', {});
    expect(stats).toMatchObject({ annotations: 6001, byTag: { claim: 3001, denial: 3000 } });
    expect((await call<{ total: number }>('findAnnotations', { person: 'dmitry peskov', limit: 5 })).total).toBe(3000);
  });

  it('exports into gloss-exports (never listed), reports progress, and a cancelled export leaves nothing', async () => {
    for (let i = 0; i < 60; i++) await annotated(`a${String(i).padStart(2, '0')}.txt`, `Claim number ${i} here.`, [{ phrase: `Claim number ${i}`, tag: 'claim' }]);
    await call('openFolder', { path: dir });
    const progress: number[] = [];
    services.onEvent((e) => e.type === 'progress' && e.task === 'export' && progress.push(e.done));
    const done = await call<{ kind: string; out: string; annotations: number }>('exportAnnotations', { format: 'jsonl', destination: 'folder' });
    expect(done).toMatchObject({ kind: 'exported', annotations: 60 });
    expect(path.dirname(done.out)).toBe(path.join(await fs.realpath(dir), 'gloss-exports'));
    expect((await fs.readFile(done.out, 'utf8')).trim().split('\n')).toHaveLength(60);
    expect(progress.at(-1)).toBe(60);
    expect((await call<{ files: { path: string }[] }>('getWorkspace', {})).files).toHaveLength(60);
    // Cancel as soon as it has started: no output, no partial file.
    services.onEvent((e) => e.type === 'progress' && e.task === 'export' && e.done === 5 && void call('cancelExport', {}));
    const before = await fs.readdir(path.join(dir, 'gloss-exports'));
    expect(await call('exportAnnotations', { format: 'html', destination: 'folder' })).toEqual({ kind: 'canceled' });
    expect(await fs.readdir(path.join(dir, 'gloss-exports'))).toEqual(before);
    // The browser host has no save dialog.
    await expect(call('exportAnnotations', { format: 'csv', destination: 'dialog' })).rejects.toThrow(/no save dialog/);
  });
});
