// A catalogue of bad inputs, each a file in a fixture folder this test builds: every one gets a
// clear message (or opens, where it is merely unusual) and nothing on disk changes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import iconv from 'iconv-lite';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../shared/annotations.js';
import { CodePointText } from '../../shared/code-points.js';
import { buildSidecar, serializeSidecar, type SourceFingerprint } from '../../shared/sidecar-format.js';
import { DEFAULT_TAGS } from '../../shared/tags.js';
import { GlossServices } from './gloss-services.js';

let dir: string;
let services: GlossServices;

const ARTICLE = 'Mr Putin said: \u201cThat\u2019s why we came here.\u201d Both denied it.\n';
const fingerprintOf = (text: string): SourceFingerprint => ({
  name: 'x.txt',
  bytes: Buffer.byteLength(text),
  sha256: createHash('sha256').update(text).digest('hex'),
  encoding: 'utf-8',
  lineEndings: 'lf',
  codePoints: Array.from(text).length,
});
const goodSidecar = (text: string) => {
  const t = new CodePointText(text);
  return serializeSidecar(buildSidecar(fingerprintOf(text), DEFAULT_TAGS, [createAnnotation(t, { tag: 'quote', start: 15, end: 41 })]));
};

/** Name → bytes. */
const FIXTURES: Record<string, Buffer | string> = {
  'invalid-utf8.txt': Buffer.concat([Buffer.from('caf\u00e9 \u201cquote\u201d '), Buffer.from([0xc3, 0x28])]),
  'utf16-bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]),
  'windows-1252.txt': iconv.encode('Le pr\u00e9sident a d\u00e9clar\u00e9 \u00ab nous sommes venus ici \u00bb. Les \u00e9l\u00e8ves \u00e9taient l\u00e0, \u00e0 c\u00f4t\u00e9 du th\u00e9\u00e2tre, d\u00e9j\u00e0.', 'windows-1252'),
  'crlf.txt': ARTICLE.replace(/\n/g, '\r\n') + 'Second line.\r\n',
  'nul-bytes.txt': Buffer.from([0x48, 0x69, 0x00, 0x00, 0x21]),
  'empty.txt': '',
  'huge-25mb.txt': 'Kim said yes. '.repeat(Math.ceil((25 * 1024 * 1024) / 14)),
  'too-big-40mb.txt': Buffer.alloc(40 * 1024 * 1024, 0x61),
  'corrupt-sidecar.txt': ARTICLE,
  'corrupt-sidecar.txt.gloss.json': '{ this is not json',
  'truncated-sidecar.txt': ARTICLE,
  'truncated-sidecar.txt.gloss.json': goodSidecar(ARTICLE).slice(0, 180),
  'newer-sidecar.txt': ARTICLE,
  'newer-sidecar.txt.gloss.json': goodSidecar(ARTICLE).replace('"version": 1', '"version": 2'),
  'different-text.txt': 'A wholly different article. Nothing here is quoted.\n',
  'different-text.txt.gloss.json': goodSidecar(ARTICLE),
};

async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await fs.readdir(dir)).sort()) {
    const stat = await fs.lstat(path.join(dir, name));
    out[name] = stat.isFile() ? createHash('sha256').update(await fs.readFile(path.join(dir, name))).digest('hex') + ':' + stat.mtimeMs : stat.isSymbolicLink() ? 'link' : 'dir';
  }
  return out;
}

async function read(file: string) {
  const r = await services.dispatch('readDocument', { path: file });
  return r;
}

async function trySave(file: string) {
  const doc = await services.dispatch('readDocument', { path: file });
  if (!doc.ok) return doc;
  const value = doc.value as { fingerprint: SourceFingerprint };
  return services.dispatch('saveAnnotations', { path: file, source: value.fingerprint, tags: DEFAULT_TAGS, upsert: [], remove: [] });
}

let before: Record<string, string>;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-bad-inputs-'));
  for (const [name, content] of Object.entries(FIXTURES)) await fs.writeFile(path.join(dir, name), content);
  await fs.mkdir(path.join(dir, 'loop'));
  await fs.symlink('..', path.join(dir, 'loop', 'back-up')); // a symlink loop
  services = new GlossServices({ kind: 'web', version: 'test', uiMayNamePaths: true });
  await services.open('folder', dir);
  before = await snapshot();
});
afterAll(async () => {
  await services.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('bad inputs: a clear message each, nothing changed on disk', () => {
  it('lists the folder despite a symlink loop, marking unreadable sidecars', async () => {
    expect((await services.dispatch('countAnnotations', {})).ok).toBe(true);
    const ws = await services.dispatch('getWorkspace', {});
    expect(ws.ok).toBe(true);
    const files = (ws as { value: { files: { path: string; annotationCount: number | null }[] } }).value.files;
    expect(files.map((f) => f.path)).toContain('crlf.txt');
    expect(files.filter((f) => f.path.includes('back-up'))).toEqual([]);
    expect(files.find((f) => f.path === 'corrupt-sidecar.txt')!.annotationCount).toBeNull();
  });

  it.each([
    ['invalid-utf8.txt', 'unreadable', /invalid-utf8.txt is not valid UTF-8: the byte at offset 18/],
    ['nul-bytes.txt', 'binary', /nul-bytes.txt looks like a binary file \(it contains NUL bytes\)/],
    ['too-big-40mb.txt', 'too-large', /too-big-40mb.txt is 40.0 MB; Gloss opens sources up to 32 MB/],
  ])('%s is refused: %s', async (file, code, message) => {
    const r = await read(file);
    expect(r).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
  });

  it.each([
    ['utf16-bom.txt', { encoding: 'utf-16le', lineEndings: 'lf' }, ARTICLE],
    ['crlf.txt', { encoding: 'utf-8', lineEndings: 'crlf' }, ARTICLE.replace(/\n/g, '\r\n') + 'Second line.\r\n'],
    ['empty.txt', { encoding: 'utf-8', lineEndings: 'none', codePoints: 0 }, ''],
  ])('%s opens, its encoding and line endings recorded', async (file, fingerprint, text) => {
    const r = await read(file);
    expect(r).toMatchObject({ ok: true, value: { text, fingerprint } });
  });

  it('windows-1252 is recognised and decoded', async () => {
    const r = (await read('windows-1252.txt')) as { ok: true; value: { text: string; fingerprint: { encoding: string } } };
    expect(r.value.text).toContain('Le pr\u00e9sident a d\u00e9clar\u00e9');
    expect(r.value.fingerprint.encoding).toMatch(/windows-1252|iso-8859-1/);
  });

  it('a 25 MB text opens', async () => {
    const r = (await read('huge-25mb.txt')) as { ok: true; value: { text: string; fingerprint: { bytes: number } } };
    expect(r.ok).toBe(true);
    expect(r.value.fingerprint.bytes).toBeGreaterThanOrEqual(25 * 1024 * 1024);
  });

  it.each([
    ['corrupt-sidecar.txt', 'invalid', /corrupt-sidecar.txt.gloss.json cannot be used: it is not valid JSON/],
    ['truncated-sidecar.txt', 'invalid', /truncated-sidecar.txt.gloss.json cannot be used: it is not valid JSON .* truncated/],
    ['newer-sidecar.txt', 'newer', /newer-sidecar.txt.gloss.json it was written by a newer Gloss \(format version 2/],
  ])('%s: the sidecar is reported (%s) and saving over it is refused', async (file, kind, message) => {
    const r = (await read(file)) as { ok: true; value: { sidecar: { kind: string; message: string } } };
    expect(r.value.sidecar).toMatchObject({ kind, message: expect.stringMatching(message) });
    expect(await trySave(file)).toMatchObject({ ok: false, error: { code: 'write-failed', message: expect.stringMatching(/^Not saved/) } });
  });

  it('a sidecar made for a different text opens; its fingerprint shows the source changed', async () => {
    const r = (await read('different-text.txt')) as { ok: true; value: { fingerprint: { sha256: string }; sidecar: { kind: 'ok'; sidecar: { source: { sha256: string } } } } };
    expect(r.value.sidecar.kind).toBe('ok');
    expect(r.value.sidecar.sidecar.source.sha256).not.toBe(r.value.fingerprint.sha256);
  });

  it('nothing on disk changed', async () => {
    expect(await snapshot()).toEqual(before);
  });
});

describe('a read-only folder', () => {
  it('refuses to save with a message saying so, keeping the file as it was', async () => {
    const ro = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-ro-'));
    let unmount = async () => {};
    if (process.getuid?.() === 0) {
      // Permission bits do not stop root: mount a read-only file system instead.
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', ro], { stdio: 'ignore' });
      } catch {
        console.warn('Skipped: running as root and cannot mount a read-only file system here.');
        return;
      }
      unmount = async () => execFileSync('umount', [ro], { stdio: 'ignore' }) as unknown as void;
    }
    const ws = new GlossServices({ kind: 'web', version: 'test', uiMayNamePaths: true });
    const sidecar = goodSidecar(ARTICLE);
    try {
      await fs.writeFile(path.join(ro, 'a.txt'), ARTICLE);
      await fs.writeFile(path.join(ro, 'a.txt.gloss.json'), sidecar);
      if (process.getuid?.() === 0) execFileSync('mount', ['-o', 'remount,ro', ro], { stdio: 'ignore' });
      else await fs.chmod(ro, 0o555);
      await ws.open('folder', ro);
      const doc = (await ws.dispatch('readDocument', { path: 'a.txt' })) as { ok: true; value: { fingerprint: SourceFingerprint } };
      const saved = await ws.dispatch('saveAnnotations', { path: 'a.txt', source: doc.value.fingerprint, tags: DEFAULT_TAGS, upsert: [], remove: [] });
      expect(saved).toMatchObject({ ok: false, error: { code: 'write-failed', message: expect.stringMatching(/Could not save a.txt.gloss.json: the folder is read-only. Your annotations are kept in memory/) } });
      expect(await fs.readFile(path.join(ro, 'a.txt.gloss.json'), 'utf8')).toBe(sidecar);
    } finally {
      await ws.close();
      await fs.chmod(ro, 0o755).catch(() => {});
      await unmount();
      await fs.rm(ro, { recursive: true, force: true });
    }
  });
});
