// A sidecar read or written by the host is not read again while its file is unchanged; any change
// by another program is read, whatever it is (real files in a temporary folder).
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSidecar, serializeSidecar, sidecarPathFor, type Sidecar } from '../../shared/sidecar-format.js';
import { createAnnotation } from '../../shared/annotations.js';
import { CodePointText } from '../../shared/code-points.js';
import { DEFAULT_TAGS } from '../../shared/tags.js';
import { readSidecarState, writeSidecar } from './sidecar-files.js';

const TEXT = 'The minister said the figures were accurate. The ministry denied it.';
/** A valid annotation id for index i (one hex digit). */
const idOf = (i: number) => `00000000-0000-4000-8000-00000000000${i.toString(16)}`;
let dir: string;
let source: string;

function sidecarWith(...spans: [number, number][]): Sidecar {
  const text = new CodePointText(TEXT);
  const annotations = spans.map(([start, end], i) => createAnnotation(text, { id: idOf(i), tag: 'claim', start, end }));
  return buildSidecar({ name: 'a.txt', bytes: TEXT.length, sha256: '0'.repeat(64), encoding: 'utf-8', lineEndings: 'none', codePoints: TEXT.length }, DEFAULT_TAGS, annotations);
}

async function stateOk(): Promise<Sidecar> {
  const state = await readSidecarState(source);
  if (state.kind !== 'ok') throw new Error(`expected a valid sidecar, got ${state.kind}`);
  return state.sidecar;
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-known-'));
  source = path.join(dir, 'a.txt');
  await fs.writeFile(source, TEXT);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('sidecars known to the host', () => {
  it('reads an unchanged sidecar once, and what it wrote not at all', async () => {
    await fs.writeFile(sidecarPathFor(source), serializeSidecar(sidecarWith([0, 12])));
    const first = await stateOk();
    expect(await stateOk()).toBe(first);

    const written = sidecarWith([0, 12], [45, 57]);
    await writeSidecar(source, written);
    expect(await stateOk()).toBe(written);
    // What is on disk is what was remembered.
    expect(JSON.parse(await fs.readFile(sidecarPathFor(source), 'utf8'))).toEqual(JSON.parse(JSON.stringify(written)));
  });

  it('reads the file again once another program changed it: the same size, in place, or replaced', async () => {
    const written = sidecarWith([0, 12]);
    await writeSidecar(source, written);
    const file = sidecarPathFor(source);

    // Rewritten in place with content of exactly the same length (another annotation id).
    const sameSize = (await fs.readFile(file, 'utf8')).replace(`"${idOf(0)}"`, `"${idOf(11)}"`);
    await fs.writeFile(file, sameSize);
    expect((await stateOk()).annotations.map((a) => a.id)).toEqual([idOf(11)]);

    // Replaced by a rename (as editors and sync tools do).
    await fs.writeFile(`${file}.tmp`, serializeSidecar(sidecarWith([0, 12], [13, 20])));
    await fs.rename(`${file}.tmp`, file);
    expect((await stateOk()).annotations).toHaveLength(2);

    // Damaged: not taken for the sidecar last known.
    await fs.writeFile(file, '{"format": "gloss-annotations", ');
    expect((await readSidecarState(source)).kind).toBe('invalid');
    // Removed.
    await fs.rm(file);
    expect((await readSidecarState(source)).kind).toBe('none');
  });

  it('a write refused (damaged sidecar on disk) is not remembered as written', async () => {
    await writeSidecar(source, sidecarWith([0, 12]));
    await fs.writeFile(sidecarPathFor(source), 'not json');
    await expect(writeSidecar(source, sidecarWith([0, 12], [13, 20]))).rejects.toThrow(/Not saved/);
    expect((await readSidecarState(source)).kind).toBe('invalid');
  });
});
