// `gloss suggest` end to end: the CLI is bundled from its source (esbuild, as scripts/build.mjs
// does, so the test needs no full build) and run on temporary files: a UTF-16 file with a BOM and
// an emoji (decoded by the app's own source decoding, offsets in code points), the table, JSON,
// the tag filter and a clear refusal.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
let cli: string;

const ARTICLE = 'Russian President Vladimir Putin met Kremlin spokesman Dmitry Peskov 😀.\r\n\r\n“That’s why we came here,” Mr Putin said.\r\n\r\nThe US has accused North Korea of providing arms to Russia. Both Russia and North Korea have denied those claims.\r\n';

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-cli-'));
  cli = path.join(dir, 'gloss.mjs');
  const root = path.resolve(import.meta.dirname, '..', '..');
  await build({ absWorkingDir: root, entryPoints: ['host/cli/gloss-cli.ts'], outfile: cli, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
  // UTF-16 LE with a byte-order mark: the CLI must decode it as the app does.
  await fs.writeFile(path.join(dir, 'summit.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]));
}, 60_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('gloss suggest', () => {
  it('--json: the engine’s suggestions with code point offsets over the decoded text', () => {
    const out = JSON.parse(run('suggest', path.join(dir, 'summit.txt'), '--json'));
    expect(out.source).toMatchObject({ name: 'summit.txt', encoding: 'utf-16le', lineEndings: 'crlf' });
    const cps = Array.from(ARTICLE);
    for (const s of out.suggestions) expect(cps.slice(s.start, s.end).join('')).toBe(s.exact);
    const quote = out.suggestions.find((s: { tag: string }) => s.tag === 'quote');
    // The emoji before it counts one code point: UTF-16 index 77, code point 76.
    expect(quote).toMatchObject({ start: 76, end: 100, exact: 'That’s why we came here,', attributes: { speaker: 'Vladimir Putin', cue: 'said' } });
    const claim = out.suggestions.find((s: { tag: string }) => s.tag === 'claim');
    const denial = out.suggestions.find((s: { tag: string }) => s.tag === 'denial');
    expect(claim.attributes).toMatchObject({ claimant: 'US', subject: 'North Korea' });
    expect(denial).toMatchObject({ attributes: { denier: 'Russia and North Korea' }, links: [{ type: 'denies', target: claim.id }] });
  });

  it('prints a table by default, and filters by tag', () => {
    const table = run('suggest', path.join(dir, 'summit.txt'));
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^#\s+tag\s+code points\s+text\s+speaker \/ claimant \/ denier\s+cue\s+conf\.\s+rule$/);
    expect(table).toMatch(/quote\s+76–100\s+That’s why we came here,\s+Vladimir Putin\s+said\s+0\.\d\d/);
    expect(table).toMatch(/denial .* → #2/);
    expect(table).toMatch(/summit\.txt: 1 quote, 1 claim, 1 denial suggested in \d+ ms/);
    const quotesOnly = JSON.parse(run('suggest', path.join(dir, 'summit.txt'), '--json', '--tags', 'quote')).suggestions;
    expect(quotesOnly.map((s: { tag: string }) => s.tag)).toEqual(['quote']);
  });

  it('refuses an unknown tag and a missing file with a message', () => {
    const bad = spawnSync(process.execPath, [cli, 'suggest', path.join(dir, 'summit.txt'), '--tags', 'rumour'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('unknown tag rumour');
    const missing = spawnSync(process.execPath, [cli, 'suggest', path.join(dir, 'nope.txt')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.txt cannot be read');
  });
});
