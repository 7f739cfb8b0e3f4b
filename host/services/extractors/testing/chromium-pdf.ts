// Test seam: PDFs printed by a real Chromium (Debian's, as the e2e tests use) from HTML a test
// writes. Korean needs a font this machine lacks, so the Nanum Gothic subsets that cover the
// page's Hangul are inlined from the @fontsource package as data: URLs (nothing is fetched).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Print `html` to PDF bytes. The page may not load anything from the network (all requests are aborted). */
export async function printPdf(browser: Browser, html: string, options: { displayHeaderFooter?: boolean; footerTemplate?: string; headerTemplate?: string } = {}): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' }, ...options });
  } finally {
    await page.close();
  }
}

/** @font-face rules for Nanum Gothic covering every Hangul character in `text`, with the fonts inlined. */
export function koreanFontFaces(text: string): string {
  const pkgDir = path.dirname(createRequire(import.meta.url).resolve('@fontsource/nanum-gothic/package.json'));
  const css = readFileSync(path.join(pkgDir, '400.css'), 'utf8');
  const codePoints = [...new Set([...text].map((c) => c.codePointAt(0)!).filter((c) => c >= 0x1100))];
  const rules: string[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1] ?? '';
    const spans = range.split(',').map((r) => {
      const [lo, hi] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)] as const;
    });
    if (!codePoints.some((c) => spans.some(([lo, hi]) => c >= lo && c <= hi))) continue;
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)![1]!;
    const data = readFileSync(path.join(pkgDir, 'files', file)).toString('base64');
    rules.push(`@font-face { font-family: 'Nanum Gothic'; font-weight: 400; src: url(data:font/woff2;base64,${data}) format('woff2'); unicode-range: ${range}; }`);
  }
  if (rules.length === 0) throw new Error('no Nanum Gothic subset covers the Korean text');
  return rules.join('\n');
}
