// The source is edited on disk while Gloss shows it: annotations are moved, marked fuzzy for
// review, or put in the Orphans tray — none dropped — and the analyst re-attaches the orphan.
// Also: a damaged sidecar is reported, never overwritten, and can be restored from its backup.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { codePointRange, expect, expectSidecar, readSidecar, ROOT, selectWithMouse, test } from './gloss-fixtures.js';

const ARTICLE = 'harbour-bridge-contract.txt';
test.use({ glossFolder: [ARTICLE, `${ARTICLE}.gloss.json`].map((f) => path.join(ROOT, 'samples', f)) });

const QUOTE = '"Every bid was scored by independent engineers, and Calder Works came first on price and on safety,"';
const CLAIM = 'the tender had been reopened twice so that Calder Works could lower its price after seeing rival bids';
const DENIAL = "The mayor's office denied that the tender was reopened.";

test('edit the source on disk: moved, fuzzy, orphaned; re-attach the orphan; review the fuzzy one', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: new RegExp(ARTICLE) }).click();
  await expect(page.locator('.reader-doc .hl')).toHaveCount(3);
  const before = await readSidecar(host.folder, ARTICLE);
  const id = (exact: string) => before.annotations.find((a) => a.exact === exact)!.id;

  // Another program edits the article: a paragraph before the quote, a word changed in the claim, the denial's sentence deleted.
  const file = path.join(host.folder, ARTICLE);
  const original = await fs.readFile(file, 'utf8');
  const edited = original
    .replace('"Every bid', 'UPDATE: this story was corrected on Friday.\n\n"Every bid')
    .replace('reopened twice so that', 'reopened three times so that')
    .replace(`${DENIAL} `, '');
  await fs.writeFile(file, edited);

  await expect(page.getByTestId('notice')).toContainText('1 moved, 1 to review, 1 orphaned');
  await expect(page.locator('.reader-doc')).toContainText('UPDATE: this story was corrected');
  const orphans = page.getByRole('region', { name: 'Orphans' });
  await expect(orphans).toContainText(DENIAL);
  await expect(page.locator(`.reader-doc [data-ann-id="${id(QUOTE)}"]`)).toHaveText(QUOTE);
  const fuzzy = page.locator(`.reader-doc [data-ann-id="${id(CLAIM)}"]`);
  await expect(fuzzy).toHaveClass(/hl-fuzzy/);
  await expect(fuzzy).toHaveText(CLAIM.replace('twice', 'three times'));
  await expect(page.getByRole('option').filter({ hasText: 'reopened twice' })).toContainText(/review · \d+%/);
  // Opening and re-anchoring alone do not rewrite the analyst's file.
  expect(await readSidecar(host.folder, ARTICLE)).toEqual(before);
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'changed-source.png') });

  // Re-attach the orphan to the spokeswoman's answer.
  const answer = '"There was one round of bidding, which closed on 4 January," said spokeswoman Priya Nair.';
  await selectWithMouse(page, answer);
  await orphans.getByRole('button', { name: 'Re-attach to selection' }).click();
  await expect(orphans).toHaveCount(0);
  await expect(page.locator(`.reader-doc [data-ann-id="${id(DENIAL)}"]`)).toHaveText(answer);

  // Review the fuzzy claim and accept its new text.
  await page.getByRole('option').filter({ hasText: 'reopened twice' }).click();
  await page.getByRole('button', { name: 'Accept the new text' }).click();
  await expect(fuzzy).not.toHaveClass(/hl-fuzzy/);

  const sidecar = await expectSidecar(host.folder, ARTICLE, (s) => {
    expect(s.annotations.find((a) => a.id === id(DENIAL))!.exact).toBe(answer);
    expect(s.annotations.find((a) => a.id === id(CLAIM))!.exact).toBe(CLAIM.replace('twice', 'three times'));
  });
  expect(sidecar.annotations).toHaveLength(3);
  const byId = Object.fromEntries(sidecar.annotations.map((a) => [a.id, a]));
  expect(byId[id(QUOTE)]).toMatchObject(codePointRange(edited, QUOTE));
  expect(byId[id(DENIAL)]).toMatchObject(codePointRange(edited, answer));
  expect(sidecar.source.sha256).not.toBe(before.source.sha256);
});

test('a damaged sidecar is reported, left untouched, and can be restored from its backup', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: new RegExp(ARTICLE) }).click();
  // One change, so that a backup of the previous version exists.
  await page.getByRole('option').filter({ hasText: 'Every bid' }).click();
  await page.getByRole('region', { name: 'Selected annotation' }).getByRole('button', { name: 'Claim' }).click();
  await expectSidecar(host.folder, ARTICLE, (s) => expect(s.annotations.filter((a) => a.tag === 'claim')).toHaveLength(2));

  // Another program truncates the sidecar.
  const sidecarFile = path.join(host.folder, `${ARTICLE}.gloss.json`);
  const damaged = (await fs.readFile(sidecarFile, 'utf8')).slice(0, 200);
  await fs.writeFile(sidecarFile, damaged);
  await page.reload();
  await page.getByRole('button', { name: new RegExp(ARTICLE) }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'read-only' });
  await expect(banner).toContainText(`${ARTICLE}.gloss.json cannot be used`);
  await expect(page.getByRole('button', { name: /Tag selection as Quote/ })).toBeDisabled();
  expect(await fs.readFile(sidecarFile, 'utf8')).toBe(damaged);

  await banner.getByRole('button', { name: 'Restore the backup' }).click();
  await expect(page.getByTestId('notice')).toContainText('Restored the backup; the damaged file was kept as');
  await expect(page.locator('.reader-doc .hl')).toHaveCount(3);
  const files = await fs.readdir(host.folder);
  const aside = files.find((f) => f.startsWith(`${ARTICLE}.gloss.json.damaged-`))!;
  expect(await fs.readFile(path.join(host.folder, aside), 'utf8')).toBe(damaged);
  // The backup held the version before the last change: the quote was still a quote.
  expect((await readSidecar(host.folder, ARTICLE)).annotations.map((a) => a.tag).sort()).toEqual(['claim', 'denial', 'quote']);
});

test('another program changes the sidecar while it is open: Gloss reloads it and says so', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: new RegExp(ARTICLE) }).click();
  await expect(page.locator('.reader-doc .hl')).toHaveCount(3);
  const file = path.join(host.folder, `${ARTICLE}.gloss.json`);
  const sidecar = JSON.parse(await fs.readFile(file, 'utf8'));
  // e.g. a colleague's edit arriving through git: one annotation deleted, one re-tagged.
  sidecar.annotations = sidecar.annotations.filter((a: { exact: string }) => a.exact !== DENIAL);
  sidecar.annotations[0].tag = 'claim';
  sidecar.annotations[0].modified = new Date().toISOString();
  await fs.writeFile(file, JSON.stringify(sidecar, null, 2));
  await expect(page.locator('.reader-doc .hl')).toHaveCount(2, { timeout: 3000 });
  await expect(page.getByTestId('notice')).toContainText('Another program changed the annotations');
  await expect(page.locator('.reader-doc .hl[data-tag="claim"]')).toHaveCount(2);
  // Nothing was written back.
  expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual(sidecar);
});
