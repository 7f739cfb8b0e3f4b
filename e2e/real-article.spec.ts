// The same flow on a real scraped article (page furniture and CSS at its end), read from
// ../shared/articles and copied into a temporary folder. Skipped where ../shared is absent.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { codePointRange, expect, expectSidecar, selectWithMouse, SHARED, test } from './gloss-fixtures.js';

const ARTICLE = path.join(SHARED, 'articles', 'putin-kim-vostochny-summit.txt');
const NAME = path.basename(ARTICLE);
const QUOTE = '\u201cThat\u2019s why we came here.\u201d';
const DENIAL = 'Both Russia and North Korea have denied those claims, but promised to deepen defence cooperation.';

test.skip(!existsSync(ARTICLE), `${ARTICLE} is absent: the real-article test needs the shared material beside the project.`);
test.use({ glossFolder: [ARTICLE] });

test('tag a quote and a denial in the real article; both land on disk with code point offsets', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: new RegExp(NAME.replace(/\./g, '\\.')) }).click();
  // It opens as it is, furniture and CSS included.
  await expect(page.locator('.reader-doc')).toContainText('p.st_telegram_boilerplate:before {');

  await selectWithMouse(page, QUOTE);
  await page.keyboard.press('2');
  await expect(page.locator('.reader-doc .hl[data-tag="quote"]')).toHaveText(QUOTE);

  await selectWithMouse(page, DENIAL);
  await page.keyboard.press('3');
  await expect(page.locator('.reader-doc .hl[data-tag="denial"]')).toHaveText(DENIAL);

  const text = await fs.readFile(path.join(host.folder, NAME), 'utf8');
  const sidecar = await expectSidecar(host.folder, NAME, (s) => expect(s.annotations).toHaveLength(2));
  const byTag = Object.fromEntries(sidecar.annotations.map((a) => [a.tag, a]));
  expect(byTag.quote).toMatchObject({ ...codePointRange(text, QUOTE), exact: QUOTE });
  expect(byTag.denial).toMatchObject({ ...codePointRange(text, DENIAL), exact: DENIAL });
  expect(sidecar.source).toMatchObject({ name: NAME, encoding: 'utf-8', codePoints: Array.from(text).length });

  await page.reload();
  await page.getByRole('button', { name: new RegExp(NAME.replace(/\./g, '\\.')) }).click();
  await expect(page.locator('.reader-doc .hl')).toHaveCount(2);
});
