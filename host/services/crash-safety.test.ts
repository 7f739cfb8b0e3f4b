// Crash test: a child process saves a sidecar in a loop and is killed with SIGKILL at random
// moments, many times. Afterwards the sidecar must always parse and equal one of the states it was
// asked to save — never a half-written file — and so must its backup.
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSidecar } from '../../shared/sidecar-format.js';

const STATES = 60;
const KILLS = 40;
let dir: string;
let script: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-crash-'));
  script = path.join(dir, 'save-loop.cjs');
  await build({ entryPoints: [path.resolve(import.meta.dirname, 'testing', 'save-loop.ts')], outfile: script, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent', external: ['jsdom', 'pdfjs-dist', 'mammoth', '@mozilla/readability', 'jszip'] });
  await fs.writeFile(path.join(dir, 'a.txt'), 'word '.repeat(STATES * 3));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function runAndKill(afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dir, String(STATES)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), afterMs));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended on its own (${code}): ${stderr}`))));
  });
}

async function expectWholeState(file: string): Promise<number> {
  const json = await fs.readFile(file, 'utf8');
  const parsed = parseSidecar(json);
  if (parsed.kind !== 'ok') throw new Error(`${path.basename(file)} is damaged after a kill: ${parsed.kind}`);
  const n = parsed.sidecar.annotations.length;
  expect(n).toBeGreaterThanOrEqual(1);
  expect(n).toBeLessThanOrEqual(STATES);
  // State k is exactly the first k annotations.
  expect(parsed.sidecar.annotations.map((a) => a.start)).toEqual(Array.from({ length: n }, (_, i) => i * 10));
  return n;
}

describe('saving survives SIGKILL at any moment', () => {
  it(`leaves a whole sidecar after ${KILLS} kills`, async () => {
    const seen = new Set<number>();
    for (let i = 0; i < KILLS; i++) {
      // Random moments, from right after start-up to well into the loop.
      await runAndKill(Math.floor(Math.random() * 120));
      const sidecar = path.join(dir, 'a.txt.gloss.json');
      const exists = await fs.stat(sidecar).then(() => true, () => false);
      if (!exists) continue; // killed before its first save
      seen.add(await expectWholeState(sidecar));
      const backup = sidecar + '.bak';
      if (await fs.stat(backup).then(() => true, () => false)) await expectWholeState(backup);
    }
    // The kills did land at different moments.
    expect(seen.size).toBeGreaterThan(3);
    const progress = (await fs.readFile(path.join(dir, 'progress.log'), 'utf8')).trim().split('\n').length;
    expect(progress).toBeGreaterThan(KILLS);
  });
});
