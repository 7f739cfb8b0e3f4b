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
let services: GlossServices;

const TEXT = 'Peskov said the talks went well.\n\nKim said: "We will win."\n\nBoth denied it.';

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-session-'));
  await fs.writeFile(path.join(dir, 'a.txt'), TEXT);
  await fs.writeFile(path.join(dir, 'b.txt'), 'Another article.');
  services = new GlossServices({ kind: 'web', version: 'test', uiMayNamePaths: true });
  await services.open('folder', dir);
  session = createGlossSession(inProcessHost(services), createGlossStore(), { delayMs: 20, retryMs: 50 });
  await session.start();
});
afterEach(async () => {
  session.dispose();
  await services.close();
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
    expect(state().anchors).toEqual({});
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
    expect(Object.values(state().anchors)).toEqual([{ status: 'orphaned' }]);
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

describe('changes made by other programs while a document is open', () => {
  const waitFor = async (check: () => boolean, what: string) => {
    const until = Date.now() + 3000;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('does not report its own saves', async () => {
    await services.watching();
    const events: string[] = [];
    services.onEvent((e) => e.type === 'file-changed' && events.push(e.type));
    await session.openDocument('a.txt');
    state().addAnnotation('claim', 0, 6);
    await session.flush();
    await new Promise((r) => setTimeout(r, 400));
    expect(events).toEqual([]);
    // The folder panel's counts follow the save.
    expect(state().workspace!.files.find((f) => f.path === 'a.txt')!.counts).toMatchObject({ total: 1, byTag: { claim: 1 } });
  });

  it('reloads a sidecar changed on disk when nothing is unsaved, within a second', async () => {
    await services.watching();
    await session.openDocument('a.txt');
    const [s, e] = at('Both denied it.');
    const mine = state().addAnnotation('denial', s, e)!;
    await session.flush();
    const file = path.join(dir, 'a.txt.gloss.json');
    const sidecar = JSON.parse(await fs.readFile(file, 'utf8'));
    sidecar.annotations[0].note = 'edited in another window';
    sidecar.annotations[0].modified = new Date().toISOString();
    const started = Date.now();
    await fs.writeFile(file, JSON.stringify(sidecar));
    await waitFor(() => state().annotations[0]?.note === 'edited in another window', 'the reload');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(state().annotations.map((a) => a.id)).toEqual([mine.id]);
    expect(state().notice?.text).toMatch(/Another program changed the annotations.*reloaded/);
  });

  it('merges by id when there is unsaved work here, and saves the merge', async () => {
    session.dispose();
    session = createGlossSession(inProcessHost(services), createGlossStore(), { delayMs: 60_000, retryMs: 60_000 });
    await session.start();
    await services.watching();
    await session.openDocument('a.txt');
    const [s, e] = at('Both denied it.');
    const shared = state().addAnnotation('denial', s, e)!;
    await session.flush();
    // Unsaved here: a new claim.
    const local = state().addAnnotation('claim', 0, 6)!;
    // On disk, another program adds a quote and changes the shared denial's note.
    const file = path.join(dir, 'a.txt.gloss.json');
    const sidecar = JSON.parse(await fs.readFile(file, 'utf8'));
    const [qs, qe] = at('"We will win."');
    sidecar.annotations[0].note = 'from the other window';
    sidecar.annotations[0].modified = new Date(Date.now() + 1000).toISOString();
    sidecar.annotations.push({ ...sidecar.annotations[0], id: '4d9f3a0e-2b1c-4e5f-8a6b-7c8d9e0f1a2b', tag: 'quote', start: qs, end: qe, exact: '"We will win."', prefix: '', suffix: '', note: '' });
    await fs.writeFile(file, JSON.stringify(sidecar));
    await waitFor(() => state().annotations.length === 3, 'the merge');
    expect(state().annotations.find((a) => a.id === shared.id)!.note).toBe('from the other window');
    expect(state().annotations.some((a) => a.id === local.id)).toBe(true);
    expect(state().notice?.text).toMatch(/merged both: 2 taken from disk/);
    await session.flush();
    expect((await onDisk()).map((a) => a.tag).sort()).toEqual(['claim', 'denial', 'quote']);
  });

  it('re-anchors when the source changes on disk: moved, fuzzy and orphaned, none dropped, file not rewritten', async () => {
    await services.watching();
    await session.openDocument('a.txt');
    const add = (q: string, tag: string) => state().addAnnotation(tag, ...at(q))!;
    const moved = add('Peskov said the talks went well.', 'claim');
    const fuzzy = add('Kim said: "We will win."', 'quote');
    const orphan = add('Both denied it.', 'denial');
    await session.flush();
    const before = await fs.readFile(path.join(dir, 'a.txt.gloss.json'), 'utf8');
    await fs.writeFile(path.join(dir, 'a.txt'), 'A new first paragraph.\n\n' + TEXT.replace('We will win', 'We shall win').replace('Both denied it.', 'Nobody answered.'));
    await waitFor(() => Object.keys(state().anchors).length === 3, 're-anchoring');
    expect(state().anchors[moved.id]).toEqual({ status: 'moved' });
    expect(state().anchors[fuzzy.id]).toMatchObject({ status: 'fuzzy', score: expect.any(Number) });
    expect(state().anchors[orphan.id]).toEqual({ status: 'orphaned' });
    expect(state().annotations).toHaveLength(3);
    expect(state().notice?.text).toMatch(/1 moved, 1 to review, 1 orphaned/);
    expect(await fs.readFile(path.join(dir, 'a.txt.gloss.json'), 'utf8')).toBe(before);

    // Review the fuzzy one; re-attach the orphan; both saved with the new fingerprint.
    state().acceptFuzzy(fuzzy.id);
    const text = state().document!.text.text;
    const n = text.indexOf('Nobody answered.');
    state().reattach(orphan.id, n, n + 'Nobody answered.'.length);
    expect(state().anchors).toEqual({ [moved.id]: { status: 'moved' } });
    await session.flush();
    const saved = await onDisk();
    expect(saved.find((a) => a.id === fuzzy.id)!.exact).toBe('Kim said: "We shall win."');
    expect(saved.find((a) => a.id === orphan.id)).toMatchObject({ exact: 'Nobody answered.', start: n });
    expect(saved.find((a) => a.id === moved.id)!.start).toBe(moved.start + 'A new first paragraph.\n\n'.length);
    const sidecar = JSON.parse(await fs.readFile(path.join(dir, 'a.txt.gloss.json'), 'utf8'));
    expect(sidecar.source.bytes).toBe(Buffer.byteLength(text));
    // Undo of the re-attach brings the orphan back, as an orphan.
    state().undo();
    expect(state().anchors[orphan.id]).toEqual({ status: 'orphaned' });
  });

  it('deleting a linked claim removes the link in the same undo step; undo brings both back', async () => {
    await session.openDocument('a.txt');
    const claim = state().addAnnotation('claim', ...at('Peskov said the talks went well.'))!;
    const denial = state().addAnnotation('denial', ...at('Both denied it.'))!;
    state().addLink(denial.id, { type: 'denies', target: claim.id });
    expect(state().annotations.find((a) => a.id === denial.id)!.links).toEqual([{ type: 'denies', target: claim.id }]);
    session.requestDelete(claim.id);
    // It asks (once the links from other articles are known).
    await expect.poll(() => state().pendingDelete).toBe(claim.id);
    await session.deleteAnnotation(claim.id);
    await session.flush();
    expect((await onDisk()).map((a) => [a.tag, a.links.length])).toEqual([['denial', 0]]);
    state().undo();
    await session.flush();
    expect((await onDisk()).find((a) => a.tag === 'denial')!.links).toEqual([{ type: 'denies', target: claim.id }]);
    expect((await onDisk()).map((a) => a.tag).sort()).toEqual(['claim', 'denial']);
  });

  it('sets attributes as one undo step per field while typing, and removes empty ones', async () => {
    await session.openDocument('a.txt');
    const quote = state().addAnnotation('quote', ...at('"We will win."'))!;
    for (const partial of ['K', 'Ki', 'Kim']) state().setAttribute(quote.id, 'speaker', partial);
    state().setAttribute(quote.id, 'cue', 'said');
    await session.flush();
    expect((await onDisk())[0]!.attributes).toEqual({ speaker: 'Kim', cue: 'said' });
    state().undo();
    expect(state().annotations[0]!.attributes).toEqual({ speaker: 'Kim' });
    state().setAttribute(quote.id, 'speaker', '');
    expect(state().annotations[0]!.attributes).toEqual({});
  });

  it('reloads the folder\'s tags when gloss-tags.json is changed by another program', async () => {
    await services.watching();
    await session.openDocument('a.txt');
    expect(state().tags.map((t) => t.id)).toEqual(['claim', 'quote', 'denial']);
    const file = { format: 'gloss-tagset', version: 1, tags: [...state().tags, { id: 'rumour', label: 'Rumour', color: '#7b61c4', key: '4' }] };
    await fs.writeFile(path.join(dir, 'gloss-tags.json'), JSON.stringify(file));
    await expect.poll(() => state().tags.map((t) => t.id), { timeout: 3000 }).toEqual(['claim', 'quote', 'denial', 'rumour']);
    expect(state().notice?.text).toMatch(/tags were changed by another program/);
  });
});
