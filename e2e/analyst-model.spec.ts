// The analyst's model end to end in Chromium: attributes with name suggestions, links between
// annotations (also across articles), the folder's tag set (rename, map an unknown tag), the
// keyboard (sticky tag, Tab, the shortcut list), overlapping highlights in light and dark. Every
// result is checked on disk. Runs on the real article from ../shared (skipped where absent).
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { codePointRange, expect, expectSidecar, readSidecar, selectWithMouse, SHARED, startHost, tempFolderWith, test } from './gloss-fixtures.js';
import type { Page } from '@playwright/test';

const ARTICLE = path.join(SHARED, 'articles', 'putin-kim-vostochny-summit.txt');
const NAME = path.basename(ARTICLE);
const KIM_QUOTE = 'I firmly believe that the heroic Russian army and people will brilliantly inherit their victories';
const DENIAL = 'Both Russia and North Korea have denied those claims';
const US_CLAIM = 'The US has accused North Korea of providing arms to Russia';

test.skip(!existsSync(ARTICLE), `${ARTICLE} is absent: these tests need the shared material beside the project.`);

async function open(page: Page, url: string, file: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: new RegExp(file.replace(/\./g, '\\.')) }).click();
  await expect(page.locator('.reader-doc')).toBeVisible();
}

test.describe('on the real article', () => {
  test.use({ glossFolder: [ARTICLE] });

  test('tag a quote and set its speaker from the names of the article', async ({ page, host }) => {
    await open(page, host.url, NAME);
    await selectWithMouse(page, KIM_QUOTE);
    await page.keyboard.press('2');
    // Enter goes to the attribute panel; the speaker field offers the people of the article.
    await page.keyboard.press('Enter');
    const speaker = page.getByRole('combobox', { name: 'Speaker' });
    await expect(speaker).toBeFocused();
    await speaker.pressSequentially('kim');
    const option = page.getByRole('option', { name: /Kim Jong Un/ });
    await expect(option).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(speaker).toHaveValue('Kim Jong Un');
    await page.getByRole('textbox', { name: 'Cue' }).fill('said');
    const text = await fs.readFile(path.join(host.folder, NAME), 'utf8');
    await expectSidecar(host.folder, NAME, (s) => {
      expect(s.annotations).toHaveLength(1);
      expect(s.annotations[0]).toMatchObject({ tag: 'quote', ...codePointRange(text, KIM_QUOTE), attributes: { speaker: 'Kim Jong Un', cue: 'said' } });
    });
    // A short form typed by hand becomes the full name the article uses.
    await selectWithMouse(page, 'That\u2019s why we came here.');
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    // The panel catches up with the new annotation after the highlight is painted, and Enter
    // focuses its field only then: filling before that would type into the previous quote's panel.
    await expect(page.getByRole('combobox', { name: 'Speaker' })).toBeFocused();
    await page.getByRole('combobox', { name: 'Speaker' }).fill('Mr Putin');
    await page.getByRole('textbox', { name: 'Cue' }).focus();
    await expect(page.getByRole('combobox', { name: 'Speaker' })).toHaveValue('Vladimir Putin');
    await expectSidecar(host.folder, NAME, (s) => expect(s.annotations.map((a) => a.attributes.speaker).sort()).toEqual(['Kim Jong Un', 'Vladimir Putin']));
  });

  test('link a denial to a claim in the same article; deleting the claim asks and removes the link', async ({ page, host }) => {
    await open(page, host.url, NAME);
    await selectWithMouse(page, US_CLAIM);
    await page.keyboard.press('1');
    await selectWithMouse(page, DENIAL);
    await page.keyboard.press('3');
    await page.keyboard.press('l');
    await expect(page.getByRole('group', { name: 'Link the selected annotation' })).toBeVisible();
    // Click the claim in the text.
    await page.locator('.reader-doc .hl[data-tag="claim"]').first().click();
    await expect(page.getByRole('group', { name: 'Link the selected annotation' })).toBeHidden();
    const sidecar = await expectSidecar(host.folder, NAME, (s) => expect(s.annotations.find((a) => a.tag === 'denial')?.links).toHaveLength(1));
    const claim = sidecar.annotations.find((a) => a.tag === 'claim')!;
    expect(sidecar.annotations.find((a) => a.tag === 'denial')!.links[0]).toEqual({ type: 'denies', target: claim.id });
    // Both ends carry a marker.
    await expect(page.locator('.reader-doc .link-marker')).toHaveCount(2);
    // The list shows the denial right under the claim it denies.
    await expect(page.locator('.annotation-row')).toHaveCount(2);
    const rows = page.locator('.annotation-row');
    await expect(rows.nth(0)).toContainText(US_CLAIM);
    await expect(rows.nth(1)).toContainText('Denies ↑');
    await expect(rows.nth(1)).toHaveClass(/linked-row/);
    await expect(page.getByTestId('link-out')).toContainText('Denies');
    // The claim lists its denial.
    await page.locator('.reader-doc .hl[data-tag="claim"]').first().click();
    await expect(page.getByTestId('link-in')).toContainText('Denied by');
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('dialog', { name: 'Delete a linked annotation?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await expect(page.locator('.reader-doc .hl[data-tag="claim"]')).toHaveCount(1);
    await page.keyboard.press('Delete');
    await dialog.getByRole('button', { name: 'Delete it and its links' }).click();
    await expectSidecar(host.folder, NAME, (s) => {
      expect(s.annotations.map((a) => a.tag)).toEqual(['denial']);
      expect(s.annotations[0]!.links).toEqual([]);
    });
  });

  test('keyboard: sticky tag, Tab between annotations, the shortcut list', async ({ page, host }) => {
    await open(page, host.url, NAME);
    await selectWithMouse(page, US_CLAIM);
    await page.keyboard.press('1');
    await page.keyboard.press('s');
    await expect(page.getByRole('button', { name: /Sticky: Claim/ })).toBeVisible();
    // With sticky on, a mouse selection is tagged at once.
    await selectWithMouse(page, 'Mr Putin gave numerous hints that military cooperation was discussed', { expectSelected: false });
    await expect(page.locator('.reader-doc .hl[data-tag="claim"]')).toHaveCount(2);
    await page.keyboard.press('s');
    await expect(page.getByRole('button', { name: /Sticky off/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Tab');
    await expect(page.locator('.annotation-details .details-exact')).toHaveText('Mr Putin gave numerous hints that military cooperation was discussed');
    await page.keyboard.press('Tab');
    await expect(page.locator('.annotation-details .details-exact')).toHaveText(US_CLAIM);
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator('.annotation-details .details-exact')).toHaveText('Mr Putin gave numerous hints that military cooperation was discussed');
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(shortcuts).toContainText('Sticky tag');
    await expect(shortcuts).toContainText('Next / previous annotation');
    await page.keyboard.press('Escape');
    await expect(shortcuts).toBeHidden();
    await expectSidecar(host.folder, NAME, (s) => expect(s.annotations).toHaveLength(2));
  });

  test('overlapping annotations: stacked underlines, the hover card lists all, light and dark', async ({ page, host }) => {
    await open(page, host.url, NAME);
    const sentence = 'The US has accused North Korea of providing arms to Russia, but it is unclear whether any deliveries have been made.';
    await selectWithMouse(page, sentence);
    await page.keyboard.press('1');
    await selectWithMouse(page, DENIAL);
    await page.keyboard.press('3');
    await selectWithMouse(page, 'North Korea of providing arms');
    await page.keyboard.press('2');
    await page.keyboard.press('Escape');
    const inner = page.locator('.reader-doc .hl[data-tag="quote"]');
    await inner.hover();
    const card = page.getByTestId('hover-card');
    await expect(card).toContainText('2 annotations here');
    await expect(card).toContainText('Claim');
    await expect(card).toContainText('Quote');
    // The inner highlight's underline sits below the outer one's.
    const offsets = await page.evaluate(() => ['claim', 'quote'].map((t) => getComputedStyle(document.querySelector(`.reader-doc .hl[data-tag="${t}"]`)!).textUnderlineOffset));
    expect(offsets).toEqual(['3px', '6px']);
    // Screenshots (test-results/): the passage at rest, then with the quote active and the hover card, in light and dark.
    const passage = page.locator('.reader-doc .gloss-block', { hasText: DENIAL });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.mouse.move(5, 400);
      await expect(card).toBeHidden();
      await page.keyboard.press('Escape');
      await passage.screenshot({ path: `test-results/overlap-${scheme}.png` });
      await inner.click();
      await expect(inner).toHaveClass(/hl-active/);
      await inner.hover();
      await expect(card).toBeVisible();
      await page.screenshot({ path: `test-results/overlap-${scheme}-window.png` });
    }
  });
});

test('link a denial to a claim in another article of the folder, and see it from both', async ({ page }) => {
  const folder = await tempFolderWith([ARTICLE]);
  await fs.writeFile(path.join(folder, 'wire-report.txt'), 'Officials in Seoul claim that North Korea shipped artillery shells to Russia by rail.\n');
  const host = await startHost(folder);
  try {
    await open(page, host.url, 'wire-report.txt');
    await selectWithMouse(page, 'North Korea shipped artillery shells to Russia by rail');
    await page.keyboard.press('1');
    const claim = (await expectSidecar(folder, 'wire-report.txt', (s) => expect(s.annotations).toHaveLength(1))).annotations[0]!;

    await page.locator('.folder-panel .file', { hasText: NAME }).click();
    await expect(page.locator('.reader-title h1')).toHaveText(NAME);
    await selectWithMouse(page, DENIAL);
    await page.keyboard.press('3');
    await page.keyboard.press('l');
    const search = page.getByRole('combobox', { name: /Find the claim/ });
    await expect(search).toBeFocused();
    await search.fill('artillery');
    await expect(page.getByRole('option', { name: /wire-report\.txt/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expectSidecar(folder, NAME, (s) => expect(s.annotations[0]!.links).toEqual([{ type: 'denies', target: claim.id, file: 'wire-report.txt' }]));
    await expect(page.getByTestId('link-out')).toContainText('in wire-report.txt');

    // From the claim's side: its marker, and "Denied by" naming the other article; the link leads back.
    await page.getByTestId('link-out').getByRole('button', { name: /in wire-report\.txt/ }).click();
    await expect(page.locator('.reader-title h1')).toHaveText('wire-report.txt');
    await expect(page.locator('.reader-doc .link-marker')).toHaveCount(1);
    await expect(page.getByTestId('link-in')).toContainText(`Denied by`);
    await expect(page.getByTestId('link-in')).toContainText(NAME);
    await page.getByTestId('link-in').getByRole('button').click();
    await expect(page.locator('.reader-title h1')).toHaveText(NAME);
    await expect(page.locator('.annotation-details .details-exact')).toHaveText(DENIAL);

    // Deleting the claim asks, then removes the link in the other article too.
    await page.locator('.folder-panel .file', { hasText: 'wire-report.txt' }).click();
    await expect(page.locator('.reader-title h1')).toHaveText('wire-report.txt');
    await page.locator('.reader-doc .hl[data-tag="claim"]').click();
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('dialog', { name: 'Delete a linked annotation?' });
    await expect(dialog).toContainText(NAME);
    await dialog.getByRole('button', { name: 'Delete it and its links' }).click();
    await expectSidecar(folder, NAME, (s) => expect(s.annotations[0]!.links).toEqual([]));
    await expectSidecar(folder, 'wire-report.txt', (s) => expect(s.annotations).toHaveLength(0));
  } finally {
    host.process.kill();
    await fs.rm(folder, { recursive: true, force: true });
  }
});
