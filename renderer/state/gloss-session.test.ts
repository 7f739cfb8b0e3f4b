// The store, session and autosave against the real services on a temporary folder.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GlossServices } from '../../host/services/gloss-services.js';
import { inProcessHost } from '../../host/services/in-process-host.js';
import { parseSidecar } from '../../shared/sidecar-format.js';
import { createGlossSession, type GlossSession } from './gloss-session.js';
import { createGlossStore } from './gloss-store.js';

let dir: string;
let session: GlossSession;

const TEXT = 'Peskov said the talks went well.\n\nKim said: "We will win."\n\nBoth denied it.';

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-session-'));
  await fs.writeFile(path.join(dir, 'a.txt'), TEXT);
  await fs.writeFile(path.join(dir, 'b.txt'), 'Another article.');
  const services = new GlossServices({ kind: 'web', version: 'test', uiMayNamePaths: true });
  await services.open('folder', dir);
  session = createGlossSession(inProcessHost(services), createGlossStore(), { delayMs: 20, retryMs: 50 });
  await session.start();
});
afterEach(async () => {
  session.dispose();
  await fs.chmod(dir, 0o755).catch(() => {});
  await fs.rm(dir, { recursive: true, force: true });
});

const onDisk = async (file = 'a.txt') => {
  const parsed = parseSidecar(await fs.readFile(path.join(dir, `${file}.gloss.json`), 'utf8'));
  if (parsed.kind !== 'ok') throw new Error(parsed.kind);
  return parsed.sidecar.annotations;
};
const state = () => session.store.getState();
const at = (quote: string) => [TEXT.indexOf(quote), TEXT.indexOf(quote) + quote.length] as const;

describe('session and store', () => {
  it('tags, saves, undoes and redoes, with every step on disk', async () => {
    await session.openDocument('a.txt');
    const [s, e] = at('"We will win."');
    const created = state().addAnnotation('quote', s, e)!;
    expect(created).toMatchObject({ tag: 'quote', start: s, end: e, exact: '"We will win."' });
    await session.flush();
    expect(await onDisk()).toEqual([created]);
    expect(state().saveStatus.kind).toBe('saved');
    expect(state().workspace!.files.find((f) => f.path === 'a.txt')!.annotationCount).toBe(1);

    state().retag(created.id, 'claim');
    state().setNote(created.id, 'Kim at lunch');
    await session.flush();
    expect((await onDisk())[0]).toMatchObject({ tag: 'claim', note: 'Kim at lunch' });

    state().undo(); // note
    state().undo(); // re-tag
    await session.flush();
    expect((await onDisk())[0]).toMatchObject({ tag: 'quote', note: '' });
    state().undo(); // creation
    await session.flush();
    expect(await onDisk()).toEqual([]);
    state().redo();
    await session.flush();
    expect(await onDisk()).toEqual([created]);

    state().deleteAnnotation(created.id);
    await session.flush();
    expect(await onDisk()).toEqual([]);
  });

  it('coalesces typing a note into one undo step', async () => {
    await session.openDocument('a.txt');
    const a = state().addAnnotation('claim', 0, 6)!;
    for (const note of ['P', 'Pe', 'Pes', 'Pesk']) state().setNote(a.id, note);
    state().undo();
    expect(state().annotations[0]!.note).toBe('');
  });

  it('restores annotations when the document is opened again, and saves before switching', async () => {
    await session.openDocument('a.txt');
    const [s, e] = at('Both denied it.');
    state().addAnnotation('denial', s, e);
    await session.openDocument('b.txt'); // flushes a.txt first
    expect(await onDisk()).toHaveLength(1);
    await session.openDocument('a.txt');
    expect(state().annotations.map((a) => a.exact)).toEqual(['Both denied it.']);
    expect(state().anchorStatus).toEqual({});
  });

  it('keeps work in memory and says why when saving fails, then saves once it can', async () => {
    await session.openDocument('a.txt');
    await fs.mkdir(path.join(dir, 'a.txt.gloss.json')); // something in the way of the sidecar
    state().addAnnotation('claim', 0, 6);
    await session.flush();
    expect(state().saveStatus).toMatchObject({ kind: 'error', message: expect.stringContaining('a.txt.gloss.json') });
    expect(session.hasUnsavedWork()).toBe(true);
    await fs.rmdir(path.join(dir, 'a.txt.gloss.json'));
    await new Promise((r) => setTimeout(r, 200)); // the retry
    await session.flush();
    expect(await onDisk()).toHaveLength(1);
    expect(session.hasUnsavedWork()).toBe(false);
  });

  it('shows orphans instead of dropping them, and does not rewrite the file on open', async () => {
    await session.openDocument('a.txt');
    const [s, e] = at('Both denied it.');
    state().addAnnotation('denial', s, e);
    await session.flush();
    const before = await fs.readFile(path.join(dir, 'a.txt.gloss.json'), 'utf8');
    await fs.writeFile(path.join(dir, 'a.txt'), TEXT.replace('Both denied it.', 'Nobody answered.'));
    await session.openDocument('b.txt');
    await session.openDocument('a.txt');
    expect(state().annotations).toHaveLength(1);
    expect(Object.values(state().anchorStatus)).toEqual(['orphaned']);
    await new Promise((r) => setTimeout(r, 100));
    expect(await fs.readFile(path.join(dir, 'a.txt.gloss.json'), 'utf8')).toBe(before);
  });

  it('makes annotations read-only when the sidecar is damaged, and leaves it alone', async () => {
    await fs.writeFile(path.join(dir, 'a.txt.gloss.json'), '{"format":"gloss-annotations"');
    await session.openDocument('a.txt');
    expect(state().document!.readOnlyReason).toMatch(/cannot be used/);
    expect(state().addAnnotation('claim', 0, 5)).toBeNull();
    await session.flush();
    expect(await fs.readFile(path.join(dir, 'a.txt.gloss.json'), 'utf8')).toBe('{"format":"gloss-annotations"');
  });
});
