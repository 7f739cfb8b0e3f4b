// `gloss suggest`, `gloss export` and `gloss import` end to end: the CLI is bundled from its source
// (esbuild, as scripts/build.mjs does, so the test needs no full build) and run on temporary files:
// a UTF-16 file with a BOM and an emoji (decoded by the app's own source decoding, offsets in code
// points), the table, JSON, the tag filter and a clear refusal; a brat import, the bundle, brat,
// ClaimReview and HTML exports, and a W3C export imported into another folder.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, promises as fs, readFileSync } from 'node:fs';
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
  // Everything is bundled (the real build keeps packages external); write-file-atomic, a CommonJS
  // package, reads __filename, which an ES module defines here.
  await build({ absWorkingDir: root, entryPoints: ['host/cli/gloss-cli.ts'], outfile: cli, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', banner: { js: "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url);" } });
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

describe('gloss export (bundle, brat, claimreview, html) and gloss import (brat, w3c)', () => {
  const folder = () => path.join(dir, 'corpus');
  const spawn = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

  beforeAll(async () => {
    // A brat document imported with the CLI makes the folder the exports then read.
    const brat = path.join(dir, 'brat-in');
    await fs.mkdir(path.join(brat, 'news'), { recursive: true });
    await fs.writeFile(path.join(brat, 'news', 'kim.txt'), 'Mr Kim 😀 said: “We will win.”\r\nPeskov denied any arms deal. <script>x()</script>\r\n');
    await fs.writeFile(path.join(brat, 'news', 'kim.ann'), ['T1\tquote 15 29\t“We will win.”', 'T2\tdenial 31 59\tPeskov denied any arms deal.', 'T3\tclaim 45 58\tany arms deal', 'R1\tdenies Arg1:T2 Arg2:T3', 'A1\tVerdict T3 false', '#1\tSpeaker T1\tKim Jong Un', '#2\tAnnotatorNotes T3\t<b>check</b>', 'T4\tclaim 900 910\tnowhere', ''].join('\n'));
    await fs.mkdir(folder());
  });

  it('imports brat into a folder, reporting what it cannot place', () => {
    const r = spawn('import', folder(), '--from', 'brat', path.join(dir, 'brat-in'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Imported 3 annotations into 1 sidecar (1 reported above).');
    expect(r.stderr).toMatch(/news\/kim\.ann:8: T4 \(claim\) at 900–910 lies outside the text \(\d+ characters\); not imported/);
  });

  it('exports a bundle, a brat folder, ClaimReview and an HTML report', () => {
    const out = (n: string) => path.join(dir, n);
    expect(run('export', folder(), '--format', 'bundle', '--out', out('b.json'))).toMatch(/Exported 3 annotations from 1 source to/);
    const bundle = JSON.parse(readFileSync(out('b.json'), 'utf8'));
    expect(bundle.sources[0].sidecar.annotations.find((a: { tag: string }) => a.tag === 'quote').attributes).toEqual({ speaker: 'Kim Jong Un' });

    expect(run('export', folder(), '--format', 'brat', '--out', out('brat-out'))).toMatch(/to .*brat-out\/\n/);
    const ann = readFileSync(path.join(out('brat-out'), 'news', 'kim.ann'), 'utf8');
    expect(ann).toContain('R1\tdenies Arg1:T2 Arg2:T3');
    expect(ann).toMatch(/^A1\tVerdict T3 false$/m);
    const again = spawn('export', folder(), '--format', 'brat', '--out', out('brat-out'));
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists and is not empty');

    expect(run('export', folder(), '--format', 'claimreview', '--publisher', 'Fact Desk', '--review-url', 'https://fd.example/r', '--out', out('c.jsonld'))).toMatch(/Exported 1 claim review from 1 source/);
    const review = JSON.parse(readFileSync(out('c.jsonld'), 'utf8'))['@graph'][0];
    expect(review).toMatchObject({ claimReviewed: 'any arms deal', reviewRating: { alternateName: 'False' }, sdPublisher: { name: 'Fact Desk' } });
    expect(review.url).toMatch(/^https:\/\/fd\.example\/r#/);

    run('export', folder(), '--format', 'html', '--out', out('r.html'));
    const html = readFileSync(out('r.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;x()&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;check&lt;/b&gt;');
    expect(html).not.toMatch(/<script|<b>/);
  });

  it('imports W3C Web Annotations exported from another folder', () => {
    const w3c = path.join(dir, 'w.jsonld');
    run('export', folder(), '--format', 'w3c', '--out', w3c);
    const other = path.join(dir, 'other');
    mkdirSync(path.join(other, 'news'), { recursive: true });
    copyFileSync(path.join(folder(), 'news', 'kim.txt'), path.join(other, 'news', 'kim.txt'));
    expect(run('import', other, '--from', 'w3c', w3c)).toContain('Imported 3 annotations into 1 sidecar.');
    const a = JSON.parse(readFileSync(path.join(other, 'news', 'kim.txt.gloss.json'), 'utf8')).annotations;
    const b = JSON.parse(readFileSync(path.join(folder(), 'news', 'kim.txt.gloss.json'), 'utf8')).annotations;
    const pick = (x: { id: string; tag: string; start: number; end: number; note: string }) => [x.id, x.tag, x.start, x.end, x.note];
    expect(a.map(pick)).toEqual(b.map(pick));
  });
});
