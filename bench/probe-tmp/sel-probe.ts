import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { makeLongArticle } from '../long-article.js';
import { measureOpen, startHostProcess } from '../render-bench.js';
async function main() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-sel-'));
  await makeLongArticle(dir);
  const host = await startHostProcess('/work/main', dir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await measureOpen(page, host.url);
  const r = await page.evaluate(() => {
    const blocks = document.querySelectorAll('.reader-doc .gloss-block');
    const block = blocks[Math.floor(blocks.length / 2)]!;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode() as Text;
    const sel = getSelection()!;
    const out: Record<string, number> = {};
    let t = performance.now();
    for (let i = 0; i < 20; i++) { sel.collapse(node, i % 5); }
    out.collapse = (performance.now() - t) / 20;
    t = performance.now();
    for (let i = 0; i < 20; i++) { sel.collapse(node, 0); sel.extend(node, 5 + (i % 5)); }
    out.collapseExtend = (performance.now() - t) / 20;
    const span = document.createElement('span');
    t = performance.now();
    for (let i = 0; i < 20; i++) { block.appendChild(span); sel.collapse(node, i % 5); block.removeChild(span); }
    out.collapseAfterDomChange = (performance.now() - t) / 20;
    out.elements = document.querySelectorAll('*').length;
    out.blocks = blocks.length;
    return out;
  });
  console.log(r);
  await browser.close();
  host.child.kill();
}
main();
