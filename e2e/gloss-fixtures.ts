// Test fixtures: a temporary copy of a folder, the browser host started on it as a real child
// process (`node dist/host/web-cli.mjs`), and helpers that act as a user would — selecting text
// with the mouse, reading the sidecar from disk.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSidecar, type Sidecar } from '../shared/sidecar-format.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');

export interface GlossHostProcess {
  folder: string;
  url: string;
  process: ChildProcess;
}

/** Copy files into a fresh temporary folder. */
export async function tempFolderWith(files: string[]): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-e2e-'));
  for (const file of files) await fs.copyFile(file, path.join(folder, path.basename(file)));
  return folder;
}

export async function startHost(folder: string): Promise<GlossHostProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/host/web-cli.mjs'), folder, '--port', '0'], {
    env: { ...process.env, GLOSS_DATA_DIR: path.join(folder, '.gloss-data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not start: ${out}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`browser host exited (${code}): ${out}`)));
  });
  return { folder, url, process: child };
}

export async function readSidecar(folder: string, file: string): Promise<Sidecar> {
  const parsed = parseSidecar(await fs.readFile(path.join(folder, `${file}.gloss.json`), 'utf8'));
  if (parsed.kind !== 'ok') throw new Error(`sidecar of ${file}: ${parsed.kind}`);
  return parsed.sidecar;
}

/** Wait until the sidecar on disk satisfies `check`. */
export async function expectSidecar(folder: string, file: string, check: (sidecar: Sidecar) => void): Promise<Sidecar> {
  let last: Sidecar | null = null;
  await expect(async () => {
    last = await readSidecar(folder, file);
    check(last);
  }).toPass({ timeout: 5_000 });
  return last!;
}

/** Code point offsets of the first occurrence of `quote` in `text`. */
export function codePointRange(text: string, quote: string): { start: number; end: number } {
  const u16 = text.indexOf(quote);
  if (u16 < 0) throw new Error(`not in text: ${quote}`);
  const start = Array.from(text.slice(0, u16)).length;
  return { start, end: start + Array.from(quote).length };
}

/**
 * Select `quote` in the reader with the real mouse: press at the left edge of its first character
 * and drag to the right edge of its last, as a user would.
 */
export async function selectWithMouse(page: Page, quote: string, options: { expectSelected?: boolean } = {}): Promise<void> {
  await page.locator('.reader-doc').waitFor();
  const box = await page.evaluate(async (q) => {
    const root = document.querySelector('.reader-doc')!;
    // Find the quote in the reader's text nodes (it may span several nodes).
    const find = () => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text);
        all += (n as Text).data;
      }
      const at = all.indexOf(q);
      const locate = (offset: number) => {
        let acc = 0;
        for (const node of nodes) {
          if (offset < acc + node.data.length) return { node, offset: offset - acc };
          acc += node.data.length;
        }
        throw new Error('offset out of range');
      };
      return { at, locate };
    };
    const before = find();
    if (before.at < 0) return null;
    // Bring the passage into view first, as a user would scroll to it, and let the reader draw the
    // highlights of what came into view (it redraws those paragraphs, replacing their text nodes).
    const settle = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))));
    const block = before.locate(before.at).node.parentElement!.closest('.gloss-block')!;
    if (block.getClientRects().length === 0) {
      // A section far from where the reader was is folded (its blocks hidden): scroll to the
      // section, and the reader shows its blocks again as it comes near.
      block.closest('.gloss-section')!.scrollIntoView({ block: 'center' });
      for (let i = 0; i < 50 && block.getClientRects().length === 0; i++) await settle();
    }
    block.scrollIntoView({ block: 'center' });
    await settle();
    const { at, locate } = find();
    if (at < 0) return null;
    const charRect = (offset: number) => {
      const { node, offset: o } = locate(offset);
      const r = document.createRange();
      const c = node.data.codePointAt(o)! > 0xffff ? 2 : 1;
      r.setStart(node, o);
      r.setEnd(node, o + c);
      const rects = r.getClientRects();
      return rects[rects.length - 1]!;
    };
    const first = charRect(at);
    // The last code point of the quote.
    const lastCp = Array.from(q).pop()!;
    const last = charRect(at + q.length - lastCp.length);
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, quote);
  if (!box) throw new Error(`"${quote}" is not shown in the reader`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
  // (With a sticky tag the selection is tagged and collapsed at once.)
  if (options.expectSelected ?? true) await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(quote);
}

/** The text of the highlight(s) of one annotation, joined. */
export async function highlightText(page: Page, annotationId: string): Promise<string> {
  return page.evaluate((id) => [...document.querySelectorAll(`.reader-doc [data-ann-id="${id}"]`)].map((e) => e.textContent).join(''), annotationId);
}

/** Tags of the highlights covering the first text node that contains `phrase`, sorted. */
export async function tagsCovering(page: Page, phrase: string): Promise<string[]> {
  return page.evaluate((p) => {
    const walker = document.createTreeWalker(document.querySelector('.reader-doc')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!(n as Text).data.includes(p)) continue;
      const tags: string[] = [];
      for (let e = n.parentElement; e && !e.classList.contains('reader-doc'); e = e.parentElement) if (e.dataset.tag) tags.push(e.dataset.tag);
      return tags.sort();
    }
    return [];
  }, phrase);
}

interface Fixtures {
  glossFolder: string[];
  host: GlossHostProcess;
}

export const test = base.extend<Fixtures>({
  glossFolder: [[], { option: true }],
  host: async ({ glossFolder }, use) => {
    const folder = await tempFolderWith(glossFolder);
    const host = await startHost(folder);
    await use(host);
    host.process.kill();
    await fs.rm(folder, { recursive: true, force: true });
  },
});

export { expect };
