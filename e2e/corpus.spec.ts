// The folder as a corpus: counts per tag fill in after listing, a search across two articles jumps
// to the hit, and a bar of the statistics filters the search.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAnnotation } from '../shared/annotations.js';
import { CodePointText } from '../shared/code-points.js';
import { buildSidecar, serializeSidecar } from '../shared/sidecar-format.js';
import { DEFAULT_TAGS } from '../shared/tags.js';
import { loadSource } from '../host/services/source-files.js';
import Papa from 'papaparse';
import { expect, startHost, test, type GlossHostProcess } from './gloss-fixtures.js';

async function writeAnnotated(folder: string, file: string, text: string, spans: [phrase: string, tag: string, attributes?: Record<string, string>][]): Promise<void> {
  const abs = path.join(folder, file);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, text);
  const t = new CodePointText(text);
  const annotations = spans.map(([phrase, tag, attributes]) => {
    const start = t.toCodePoint(text.indexOf(phrase));
    return { ...createAnnotation(t, { tag, start, end: start + Array.from(phrase).length }), attributes: attributes ?? {} };
  });
  await fs.writeFile(abs + '.gloss.json', serializeSidecar(buildSidecar((await loadSource(abs)).fingerprint, DEFAULT_TAGS, annotations)));
}

let host: GlossHostProcess;
test.beforeEach(async () => {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-corpus-'));
  const filler = 'Background paragraph about the port and its ferries. '.repeat(60);
  await writeAnnotated(folder, 'bridge.txt', `${filler}\n\nThe mayor said the bridge tolls would fall next year.\n\nThe council denied any plan to sell the bridge.\n`, [
    ['the bridge tolls would fall next year', 'claim', { claimant: 'The mayor', verdict: 'false' }],
    ['The council denied any plan to sell the bridge.', 'denial', { denier: 'The council' }],
  ]);
  await writeAnnotated(folder, 'news/ferry.txt', `${filler}\n\nUnion leaders said the ferry strike would end when tolls fall.\n`, [['the ferry strike would end when tolls fall', 'claim', { claimant: 'Union leaders' }]]);
  await fs.writeFile(path.join(folder, 'unannotated.txt'), 'Nothing here yet.');
  host = await startHost(folder);
});
test.afterEach(async () => {
  host.process.kill();
  await fs.rm(host.folder, { recursive: true, force: true });
});

test('counts per tag arrive in the folder panel; search across two articles and jump to a hit', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('.file', { hasText: 'bridge.txt' })).toHaveAccessibleName(/2 annotations: 1 Claim, 1 Denial/);
  await expect(page.locator('.file', { hasText: 'news/ferry.txt' })).toHaveAccessibleName(/1 annotations: 1 Claim/);
  await expect(page.locator('.file', { hasText: 'unannotated.txt' })).toHaveAccessibleName(/no annotations/);

  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Words' }).fill('tolls fall');
  const hits = page.locator('.search-hit');
  await expect(hits).toHaveCount(2);
  await expect(page.locator('.search-summary')).toContainText('2 annotations');
  // Filters combine: only claims by the mayor.
  await page.getByRole('combobox', { name: /Said by/ }).fill('the mayor');
  await expect(hits).toHaveCount(1);
  await page.getByRole('combobox', { name: /Said by/ }).fill('');
  await page.getByRole('combobox', { name: 'Verdict' }).selectOption('false');
  await expect(hits).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Verdict' }).selectOption('');
  // Jump: the article opens at the span, selected, scrolled into view.
  await hits.filter({ hasText: 'news/ferry.txt' }).click();
  await expect(page.locator('.reader-title h1')).toHaveText('ferry.txt');
  await expect(page.locator('.annotation-details .details-exact')).toHaveText('the ferry strike would end when tolls fall');
  await expect(page.locator('.reader-doc .hl-active')).toBeInViewport();
});

test('statistics: a bar filters the search', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('.file', { hasText: 'bridge.txt' })).toHaveAccessibleName(/2 annotations/);
  await page.getByRole('button', { name: 'Statistics' }).click();
  const dialog = page.getByRole('dialog', { name: 'Statistics' });
  await expect(dialog).toContainText('3 annotations in 2 of 3 articles');
  await expect(dialog.getByRole('img', { name: /Annotations per tag\. Claim: 2; Denial: 1/ })).toBeVisible();
  // Click the Denial bar of the per-tag chart (the second of two bars).
  const canvas = dialog.getByRole('img', { name: /Annotations per tag/ });
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height - 30);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Search' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.search-hit')).toHaveCount(1);
  await expect(page.locator('.search-hit')).toContainText('The council denied');
  await page.screenshot({ path: 'test-results/corpus-search.png' });
});

test('export CSV from the UI: the file on disk reads back as the chosen annotations', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('.file', { hasText: 'bridge.txt' })).toHaveAccessibleName(/2 annotations/);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByRole('radio', { name: /CSV/ }).check();
  await dialog.getByRole('checkbox', { name: 'Claim' }).check();
  await dialog.getByRole('button', { name: /Export to the folder/ }).click();
  const result = dialog.getByTestId('export-result');
  await expect(result).toContainText('Exported 2 annotations from 3 articles to');
  const out = (await result.textContent())!.match(/to (\/.*\.csv)/)![1]!;
  expect(path.dirname(out)).toBe(path.join(await fs.realpath(host.folder), 'gloss-exports'));
  const bytes = await fs.readFile(out);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data.map((r) => [r.file, r.tag, r.text, r['attr:claimant']]).sort()).toEqual([
    ['bridge.txt', 'claim', 'the bridge tolls would fall next year', 'The mayor'],
    ['news/ferry.txt', 'claim', 'the ferry strike would end when tolls fall', 'Union leaders'],
  ]);
  // The export folder is Gloss's own: never listed as articles.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await expect(page.locator('.folder-panel .file')).toHaveCount(3);
});
