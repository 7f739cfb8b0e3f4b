// The folder index lets the host's event loop run while it reads a large sidecar: the host then
// answers the UI (opening that very document) instead of waiting for the whole sidecar's summary.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createAnnotation } from '../../shared/annotations.js';
import { CodePointText } from '../../shared/code-points.js';
import { buildSidecar, serializeSidecar } from '../../shared/sidecar-format.js';
import { DEFAULT_TAGS } from '../../shared/tags.js';
import { FolderIndex } from './folder-index.js';
import { loadSource } from './source-files.js';
import { OpenedWorkspace } from './workspace.js';

const yields = vi.hoisted(() => ({ count: 0 }));
vi.mock('./yield.js', () => ({
  yieldToEventLoop: () => {
    yields.count++;
    return new Promise<void>((resolve) => setImmediate(resolve));
  },
}));

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-index-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function sidecarWith(name: string, count: number): Promise<void> {
  const sentence = 'Peskov denied that the talks had failed. ';
  const text = sentence.repeat(Math.max(1, count));
  const abs = path.join(dir, name);
  await fs.writeFile(abs, text);
  const t = new CodePointText(text);
  const annotations = Array.from({ length: count }, (_, i) => createAnnotation(t, { tag: 'denial', start: i * sentence.length, end: i * sentence.length + 6 }));
  await fs.writeFile(abs + '.gloss.json', serializeSidecar(buildSidecar((await loadSource(abs)).fingerprint, DEFAULT_TAGS, annotations)));
}

async function build(): Promise<Record<string, unknown>> {
  const index = new FolderIndex(await OpenedWorkspace.openFolder(dir));
  const counts: Record<string, unknown> = {};
  yields.count = 0;
  await index.build((batch) => Object.assign(counts, batch));
  return counts;
}

it('summarizes a large sidecar in slices, yielding to the event loop between them', async () => {
  await sidecarWith('long.txt', 6000);
  const counts = await build();
  expect(counts['long.txt']).toMatchObject({ total: 6000, byTag: { denial: 6000 } });
  // Once after parsing, once after each slice of 2,000 annotations.
  expect(yields.count).toBeGreaterThanOrEqual(4);
});

it('reads small sidecars in one piece, yielding only between batches of files', async () => {
  await sidecarWith('short.txt', 20);
  const counts = await build();
  expect(counts['short.txt']).toMatchObject({ total: 20 });
  expect(yields.count).toBe(0);
});

it('pauses its background reading while a request the analyst waits on is served', async () => {
  await sidecarWith('long.txt', 6000);
  const index = new FolderIndex(await OpenedWorkspace.openFolder(dir));
  yields.count = 0;
  let total: unknown;
  const building = index.build((batch) => (total = batch['long.txt'] ?? total));
  let yieldsDuring = -1;
  await index.whilePaused(async () => {
    const before = yields.count;
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
    yieldsDuring = yields.count - before;
  });
  // At most the yield already under way when the pause began.
  expect(yieldsDuring).toBeLessThanOrEqual(1);
  await building;
  expect(total).toMatchObject({ total: 6000 });
});
