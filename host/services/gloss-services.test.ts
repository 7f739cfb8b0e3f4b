// The services on real temporary folders: what the hosts do with files, end to end below the UI.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../shared/annotations.js';
import { CodePointText } from '../../shared/code-points.js';
import { parseSidecar } from '../../shared/sidecar-format.js';
import { DEFAULT_TAGS } from '../../shared/tags.js';
import { GlossServices } from './gloss-services.js';

let dir: string;
let services: GlossServices;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-services-'));
  services = new GlossServices({ kind: 'web', version: 'test', uiMayNamePaths: true });
});
afterEach(async () => {
  await services.close();
  await fs.chmod(dir, 0o755).catch(() => {});
  await fs.rm(dir, { recursive: true, force: true });
});

async function call<T = unknown>(name: string, payload: unknown): Promise<T> {
  const result = await services.dispatch(name, payload);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

/** Tag the first occurrence of `quote` in the document at `file`, save, and return the sidecar on disk. */
async function tagAndSave(file: string, quote: string) {
  const doc = await call<{ text: string; fingerprint: never }>('readDocument', { path: file });
  const text = new CodePointText(doc.text);
  const u16 = doc.text.indexOf(quote);
  const start = text.toCodePoint(u16);
  const annotation = createAnnotation(text, { tag: 'quote', start, end: start + Array.from(quote).length });
  await call('saveAnnotations', { path: file, source: doc.fingerprint, tags: DEFAULT_TAGS, upsert: [annotation], remove: [] });
  const onDisk = parseSidecar(await fs.readFile(path.join(dir, file + '.gloss.json'), 'utf8'));
  if (onDisk.kind !== 'ok') throw new Error('sidecar not ok');
  return { annotation: onDisk.sidecar.annotations[0]!, sidecar: onDisk.sidecar, text: doc.text };
}

describe('GlossServices on real folders', () => {
  it('lists supported sources recursively with annotation counts, skipping hidden folders and sidecars', async () => {
    await fs.mkdir(path.join(dir, 'sub'));
    await fs.mkdir(path.join(dir, '.git'));
    await fs.writeFile(path.join(dir, 'a.txt'), 'A');
    await fs.writeFile(path.join(dir, 'sub', 'b.md'), '# B');
    await fs.writeFile(path.join(dir, '.git', 'c.txt'), 'hidden');
    await fs.writeFile(path.join(dir, 'photo.png'), 'x');
    await fs.writeFile(path.join(dir, 'broken.txt'), 'x');
    await fs.writeFile(path.join(dir, 'broken.txt.gloss.json'), '{ nope');
    await fs.symlink(dir, path.join(dir, 'loop'));
    await services.open('folder', dir);
    type Listing = { files: { path: string; annotationCount: number | null; counts: unknown }[] };
    // Listing does not read sidecars: counts are pending until the background pass.
    const listed = await call<Listing>('getWorkspace', {});
    expect(listed.files.map((f) => [f.path, f.counts])).toEqual([
      ['a.txt', 'pending'],
      ['broken.txt', 'pending'],
      ['sub/b.md', 'pending'],
    ]);
    const batches: Record<string, unknown>[] = [];
    services.onEvent((e) => e.type === 'folder-counts' && batches.push(e.counts));
    expect(await call('countAnnotations', {})).toMatchObject({ files: 3 });
    expect(Object.assign({}, ...batches)).toEqual({ 'a.txt': { total: 0, byTag: {}, changed: null }, 'broken.txt': null, 'sub/b.md': { total: 0, byTag: {}, changed: null } });
    const ws = await call<Listing>('getWorkspace', {});
    expect(ws.files.map((f) => [f.path, f.annotationCount, f.counts])).toEqual([
      ['a.txt', 0, { total: 0, byTag: {}, changed: null }],
      ['broken.txt', null, 'unreadable'],
      ['sub/b.md', 0, { total: 0, byTag: {}, changed: null }],
    ]);
  });

  it('stores code point offsets and exact text over CRLF, BOM, emoji and combining marks', async () => {
    const body = 'Line one\r\nThe 😀 emoji and cafe\u0301 then \u201cThat\u2019s why we came here.\u201d said Mr Putin.\r\n';
    await fs.writeFile(path.join(dir, 'crlf.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]));
    await services.open('folder', dir);
    const { annotation, sidecar, text } = await tagAndSave('crlf.txt', '\u201cThat\u2019s why we came here.\u201d');
    expect(text).toBe(body); // BOM not part of the text
    const codePoints = Array.from(body);
    const expectedStart = Array.from(body.slice(0, body.indexOf('\u201cThat'))).length;
    expect(annotation.start).toBe(expectedStart);
    expect(annotation.start).toBe(body.indexOf('\u201cThat') - 1); // one emoji = 2 UTF-16 units, 1 code point
    expect(codePoints.slice(annotation.start, annotation.end).join('')).toBe(annotation.exact);
    expect(annotation.exact).toBe('\u201cThat\u2019s why we came here.\u201d');
    expect(sidecar.source).toMatchObject({ encoding: 'utf-8-bom', lineEndings: 'crlf', codePoints: codePoints.length, bytes: Buffer.byteLength(body) + 3 });
  });

  it('reopens what it saved', async () => {
    await fs.writeFile(path.join(dir, 'a.txt'), 'Kim said: "We will win."');
    await services.open('folder', dir);
    const { annotation } = await tagAndSave('a.txt', '"We will win."');
    const doc = await call<{ sidecar: { kind: string; sidecar: { annotations: unknown[] } } }>('readDocument', { path: 'a.txt' });
    expect(doc.sidecar.kind).toBe('ok');
    expect(doc.sidecar.sidecar.annotations).toEqual([annotation]);
  });

  it('applies saved changes by id to the sidecar on disk, keeping annotations it was not told about', async () => {
    await fs.writeFile(path.join(dir, 'a.txt'), 'Kim said yes. Putin said no. Peskov denied it.');
    await services.open('folder', dir);
    const doc = await call<{ text: string; fingerprint: never }>('readDocument', { path: 'a.txt' });
    const text = new CodePointText(doc.text);
    const kim = createAnnotation(text, { tag: 'quote', start: 0, end: 13 });
    const putin = createAnnotation(text, { tag: 'quote', start: 14, end: 28 });
    await call('saveAnnotations', { path: 'a.txt', source: doc.fingerprint, tags: DEFAULT_TAGS, upsert: [putin, kim], remove: [] });
    // Another program adds one meanwhile.
    const file = path.join(dir, 'a.txt.gloss.json');
    const onDisk = JSON.parse(await fs.readFile(file, 'utf8'));
    const peskov = createAnnotation(text, { tag: 'denial', start: 29, end: 46 });
    onDisk.annotations.push(peskov);
    await fs.writeFile(file, JSON.stringify(onDisk));
    // This session re-tags Kim's and deletes Putin's.
    await call('saveAnnotations', { path: 'a.txt', source: doc.fingerprint, tags: DEFAULT_TAGS, upsert: [{ ...kim, tag: 'claim' }], remove: [putin.id] });
    const saved = parseSidecar(await fs.readFile(file, 'utf8'));
    expect(saved.kind === 'ok' && saved.sidecar.annotations.map((a) => [a.exact, a.tag])).toEqual([
      ['Kim said yes.', 'claim'],
      ['Peskov denied it.', 'denial'],
    ]);
    // The folder's index (search, counts) follows each save, the one re-tagged annotation included.
    const found = await call<{ results: { exact: string; tag: string }[] }>('findAnnotations', { limit: 10 });
    expect(found.results.map((r) => [r.exact, r.tag])).toEqual([
      ['Kim said yes.', 'claim'],
      ['Peskov denied it.', 'denial'],
    ]);
    expect((await call<{ results: unknown[] }>('findAnnotations', { tags: ['quote'], limit: 10 })).results).toEqual([]);
  });

  it('never overwrites a damaged sidecar', async () => {
    await fs.writeFile(path.join(dir, 'a.txt'), 'Some text here.');
    await fs.writeFile(path.join(dir, 'a.txt.gloss.json'), '{"format":"gloss-annotations","version":1,"annot');
    await services.open('folder', dir);
    const doc = await call<{ sidecar: { kind: string; message: string } }>('readDocument', { path: 'a.txt' });
    expect(doc.sidecar).toMatchObject({ kind: 'invalid', message: expect.stringContaining('a.txt.gloss.json cannot be used') });
    await expect(tagAndSave('a.txt', 'Some')).rejects.toThrow(/Not saved: a.txt.gloss.json cannot be used/);
    expect(await fs.readFile(path.join(dir, 'a.txt.gloss.json'), 'utf8')).toBe('{"format":"gloss-annotations","version":1,"annot');
  });

  it('refuses to save against a source that changed on disk', async () => {
    await fs.writeFile(path.join(dir, 'a.txt'), 'Original text.');
    await services.open('folder', dir);
    const doc = await call<{ text: string; fingerprint: never }>('readDocument', { path: 'a.txt' });
    await fs.writeFile(path.join(dir, 'a.txt'), 'Changed text.');
    await expect(call('saveAnnotations', { path: 'a.txt', source: doc.fingerprint, tags: DEFAULT_TAGS, upsert: [], remove: [] })).rejects.toThrow(/changed on disk/);
  });

  it('says clearly when the folder is read-only, and writes nothing', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permission bits (CI runs as root): put a folder where the sidecar should go, so
      // the write fails for real, and check that the message names the file and nothing is written.
      await fs.writeFile(path.join(dir, 'a.txt'), 'Text.');
      await fs.mkdir(path.join(dir, 'a.txt.gloss.json')); // a folder where the sidecar should go
      await services.open('folder', dir);
      await expect(tagAndSave('a.txt', 'Text')).rejects.toThrow(/a.txt.gloss.json/);
      return;
    }
    await fs.writeFile(path.join(dir, 'a.txt'), 'Text.');
    await services.open('folder', dir);
    await fs.chmod(dir, 0o555);
    await expect(tagAndSave('a.txt', 'Text')).rejects.toThrow(/folder is read-only.*kept in memory/);
  });

  it('refuses paths outside the opened folder, also through symbolic links', async () => {
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-outside-'));
    await fs.writeFile(path.join(outside, 'secret.txt'), 'secret');
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(dir, 'link.txt'));
    await fs.writeFile(path.join(dir, 'a.txt'), 'A');
    await services.open('folder', dir);
    await expect(call('readDocument', { path: '../secret.txt' })).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(call('readDocument', { path: '/etc/passwd' })).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(call('readDocument', { path: 'link.txt' })).rejects.toMatchObject({ code: 'outside-workspace' });
    await expect(call('readDocument', { path: 'a.txt', extra: 1 })).rejects.toMatchObject({ code: 'invalid-request' });
    await fs.rm(outside, { recursive: true });
  });

  it('limits a single opened file to that file', async () => {
    await fs.writeFile(path.join(dir, 'a.txt'), 'A');
    await fs.writeFile(path.join(dir, 'b.txt'), 'B');
    await services.open('file', path.join(dir, 'a.txt'));
    expect((await call<{ files: { path: string }[] }>('getWorkspace', {})).files.map((f) => f.path)).toEqual(['a.txt']);
    await expect(call('readDocument', { path: 'b.txt' })).rejects.toMatchObject({ code: 'outside-workspace' });
  });

  it('saves atomically: a reader never sees a partial file, and no temporary files are left', async () => {
    await fs.writeFile(path.join(dir, 'a.txt'), 'word '.repeat(20_000));
    await services.open('folder', dir);
    const doc = await call<{ text: string; fingerprint: never }>('readDocument', { path: 'a.txt' });
    const text = new CodePointText(doc.text);
    const sidecarFile = path.join(dir, 'a.txt.gloss.json');
    let reading = true;
    let reads = 0;
    const reader = (async () => {
      while (reading) {
        const json = await fs.readFile(sidecarFile, 'utf8').catch(() => null);
        if (json !== null) {
          expect(parseSidecar(json).kind).toBe('ok');
          reads++;
        }
      }
    })();
    for (let round = 1; round <= 15; round++) {
      const annotations = Array.from({ length: round * 100 }, (_, i) =>
        createAnnotation(text, { tag: 'claim', start: i * 5, end: i * 5 + 4, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }),
      );
      await call('saveAnnotations', { path: 'a.txt', source: doc.fingerprint, tags: DEFAULT_TAGS, upsert: annotations, remove: [] });
    }
    reading = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    // The sidecar, and the previous version as its one backup; no temporary files.
    expect((await fs.readdir(dir)).sort()).toEqual(['a.txt', 'a.txt.gloss.json', 'a.txt.gloss.json.bak']);
    const backup = parseSidecar(await fs.readFile(path.join(dir, 'a.txt.gloss.json.bak'), 'utf8'));
    expect(backup.kind === 'ok' && backup.sidecar.annotations.length).toBe(1400);
  });

  it('explains sources it cannot open', async () => {
    await fs.writeFile(path.join(dir, 'bin.txt'), Buffer.from([1, 2, 0, 3]));
    await services.open('folder', dir);
    await expect(call('readDocument', { path: 'bin.txt' })).rejects.toMatchObject({ code: 'binary' });
    await expect(call('readDocument', { path: 'missing.txt' })).rejects.toThrow(/no longer in/);
  });
});
