// Real articles in: an HTML page (hostile on purpose) opens as its extracted article with its
// metadata, nothing in it runs and no request leaves the app (Playwright records every request:
// only the app's own origin appears, and a trap server the page points at gets no connection);
// a quote tagged there is in the same place after a reload. A DOCX opens too. Page furniture of a
// plain text can be hidden without changing the file.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { startRequestTrap, type RequestTrap } from '../host/services/extractors/testing/request-trap.js';
import { hostilePdf } from '../host/services/extractors/testing/hostile-pdf.js';
import { codePointRange, expect, expectSidecar, selectWithMouse, SHARED, startHost, tempFolderWith, test, type GlossHostProcess } from './gloss-fixtures.js';

const QUOTE = 'We will not pay the price for this dispute';

function hostilePage(trap: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry strike strands passengers | Harbour Times</title>
<meta property="og:title" content="Ferry strike strands hundreds of passengers">
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2026-11-20T08:00:00Z">
<meta name="author" content="Ana Ruiz">
<link rel="canonical" href="https://harbour.example/news/ferry-strike">
<meta http-equiv="refresh" content="0; url=${trap}/refresh">
<base href="${trap}/base/">
<link rel="stylesheet" href="${trap}/style.css">
<style>@import url("${trap}/import.css"); body { background: url("${trap}/bg.png"); }</style>
<script>window.__ranInline = true; fetch("${trap}/inline-fetch");</script>
<script src="${trap}/remote.js"></script>
</head><body onload="fetch('${trap}/onload')">
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Ferry strike strands hundreds of passengers</h1>
<p class="byline">By Ana Ruiz</p>
<p>Hundreds of passengers were stranded on Monday when ferry crews walked out over pay, the third strike this year on the island routes.</p>
<p>"${QUOTE}," said Maria Lopez, a nurse who commutes daily, standing on the quay with her bicycle.</p>
<img src="${trap}/photo.png" srcset="${trap}/photo-2x.png 2x" onerror="fetch('${trap}/onerror')">
<p>The operator said talks with the union would resume on Tuesday and that a reduced timetable would run in the meantime.</p>
<iframe src="${trap}/frame"></iframe>
<p><a href="javascript:fetch('${trap}/js-link')">Read the statement</a> from the union, which accused the operator of ignoring safety reports.</p>
<blockquote>Crews have worked without a new contract since March, the union said.</blockquote>
</article>
<aside class="ad">Advertisement: cheap flights to the mainland</aside>
<footer>© Harbour Times</footer>
</body></html>`;
}

let trap: RequestTrap;
let host: GlossHostProcess;
test.beforeEach(async () => {
  trap = await startRequestTrap();
  const folder = await tempFolderWith([]);
  await fs.writeFile(path.join(folder, 'ferry-strike.html'), hostilePage(trap.origin));
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Council report on the bridge', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('The council denied any plan to sell the bridge, its chair said on Friday.')] }),
          new Paragraph({ children: [new TextRun('Москва заявила, что переговоры продолжатся.')] }),
        ],
      },
    ],
  });
  await fs.writeFile(path.join(folder, 'council-report.docx'), await Packer.toBuffer(doc));
  host = await startHost(folder);
});
test.afterEach(async () => {
  host.process.kill();
  await trap.close();
  await fs.rm(host.folder, { recursive: true, force: true });
});

test('a hostile HTML page opens as its article: nothing runs, nothing is fetched; a tagged quote survives a reload', async ({ page }) => {
  const appOrigin = new URL(host.url).origin;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(host.url);
  await page.locator('.folder-panel .file', { hasText: 'ferry-strike.html' }).click();
  await expect(page.locator('.reader-doc')).toContainText('Hundreds of passengers were stranded');
  // The article, not the page around it.
  await expect(page.locator('.reader-doc')).not.toContainText('cheap flights');
  await expect(page.locator('.reader-doc')).not.toContainText('Home News');
  await expect(page.locator('.reader-doc blockquote')).toContainText('Crews have worked without a new contract');
  await expect(page.getByTestId('source-meta')).toContainText('Ferry strike strands hundreds of passengers');
  await expect(page.getByTestId('source-meta')).toContainText('Harbour Times');
  await expect(page.getByTestId('source-meta')).toContainText('https://harbour.example/news/ferry-strike');

  await selectWithMouse(page, QUOTE);
  await page.keyboard.press('2');
  await page.screenshot({ path: 'test-results/html-article.png' });
  const sidecar = await expectSidecar(host.folder, 'ferry-strike.html', (s) => expect(s.annotations).toHaveLength(1));
  expect(sidecar.source.extractor).toMatch(/^html:readability@/);
  expect(sidecar.source.metadata).toMatchObject({ site: 'Harbour Times', canonicalUrl: 'https://harbour.example/news/ferry-strike' });
  const text = await page.evaluate(() => document.querySelector('.reader-doc')!.textContent!);
  expect(text).toContain(QUOTE);

  await page.reload();
  await page.locator('.folder-panel .file', { hasText: 'ferry-strike.html' }).click();
  await expect(page.locator('.reader-doc .hl[data-tag="quote"]')).toHaveText(QUOTE);
  expect((await expectSidecar(host.folder, 'ferry-strike.html', () => {})).annotations[0]!.exact).toBe(QUOTE);

  // The whole page text is one click away (and back).
  await page.getByRole('button', { name: 'Show the whole page text' }).click();
  await expect(page.locator('.reader-doc')).toContainText('cheap flights');
  await page.getByRole('button', { name: 'Show the extracted article' }).click();
  await expect(page.locator('.reader-doc .hl[data-tag="quote"]')).toHaveText(QUOTE);

  // Nothing left the app: every request went to the app's own origin, and the trap saw nothing.
  expect(requests.filter((u) => !u.startsWith(appOrigin) && !u.startsWith('data:'))).toEqual([]);
  expect(trap.connections()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __ranInline?: boolean }).__ranInline ?? false)).toBe(false);
});

test('a Word document opens with its headings and non-Latin text; a denial tagged there is stored with offsets', async ({ page }) => {
  await page.goto(host.url);
  await page.locator('.folder-panel .file', { hasText: 'council-report.docx' }).click();
  await expect(page.locator('.reader-doc h1')).toHaveText('Council report on the bridge');
  await expect(page.locator('.reader-doc')).toContainText('Москва заявила, что переговоры продолжатся.');
  await selectWithMouse(page, 'The council denied any plan to sell the bridge');
  await page.keyboard.press('3');
  const sidecar = await expectSidecar(host.folder, 'council-report.docx', (s) => expect(s.annotations).toHaveLength(1));
  const shown = await page.evaluate(() => [...document.querySelectorAll('.reader-doc .gloss-block')].map((b) => b.textContent).join('\n\n'));
  expect(sidecar.annotations[0]).toMatchObject({ tag: 'denial', ...codePointRange(shown, 'The council denied any plan to sell the bridge') });
  expect(sidecar.source.extractor).toMatch(/^docx:mammoth@/);
  // Extracted text cannot be edited.
  await expect(page.getByRole('button', { name: /Edit text/ })).toBeDisabled();
  expect(trap.connections()).toBe(0);
});

test('a PDF full of JavaScript and actions, dropped on the window, joins the folder and opens; nothing runs or is fetched', async ({ page }) => {
  const appOrigin = new URL(host.url).origin;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(host.url);
  await expect(page.locator('.folder-panel .file')).toHaveCount(2);
  const base64 = hostilePdf(trap.origin).toString('base64');
  const dataTransfer = await page.evaluateHandle((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'ministry statement.pdf', { type: 'application/pdf' }));
    return dt;
  }, base64);
  await page.dispatchEvent('.reader', 'dragover', { dataTransfer });
  await page.dispatchEvent('.reader', 'drop', { dataTransfer });
  await expect(page.locator('.reader-title h1')).toHaveText('ministry statement.pdf');
  await expect(page.locator('.reader-doc')).toContainText('The report was denied by the ministry.');
  await expect(page.locator('.reader-doc')).toContainText('The financial flow will affect the office and baffle the auditors.');
  await expect(page.locator('.folder-panel .file')).toHaveCount(3);
  expect((await fs.readFile(path.join(host.folder, 'ministry statement.pdf'))).toString('base64')).toBe(base64);
  await selectWithMouse(page, 'The report was denied by the ministry.');
  await page.keyboard.press('3');
  await expectSidecar(host.folder, 'ministry statement.pdf', (s) => expect(s.annotations.map((a) => a.exact)).toEqual(['The report was denied by the ministry.']));
  expect(requests.filter((u) => !u.startsWith(appOrigin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  expect(trap.connections()).toBe(0);
});

const ARTICLE = path.join(SHARED, 'articles', 'putin-kim-vostochny-summit.txt');
test('page furniture of the real article is dimmed and can be hidden; the file is unchanged', async ({ page }) => {
  test.skip(!existsSync(ARTICLE), `${ARTICLE} is absent`);
  const folder = await tempFolderWith([ARTICLE]);
  const own = await startHost(folder);
  try {
    await page.goto(own.url);
    await page.locator('.folder-panel .file').first().click();
    const hideButton = page.getByRole('button', { name: /Hide page furniture/ });
    await expect(hideButton).toBeVisible();
    const css = page.locator('.reader-doc .gloss-block', { hasText: 'p.st_telegram_boilerplate:before {' });
    await expect(css).toHaveClass(/gloss-furniture/);
    await expect(page.locator('.reader-doc .gloss-block', { hasText: 'Both Russia and North Korea have denied' })).not.toHaveClass(/gloss-furniture/);
    await hideButton.click();
    await expect(css).toBeHidden();
    await expect(page.locator('.reader-doc')).toContainText('Both Russia and North Korea have denied');
    expect(await fs.readFile(path.join(folder, path.basename(ARTICLE)))).toEqual(await fs.readFile(ARTICLE));
  } finally {
    own.process.kill();
    await fs.rm(folder, { recursive: true, force: true });
  }
});
