// axe-core on the main views: the reader with an annotation selected, the link bar, the shortcut
// list, tag settings and Edit Text mode, in light and dark. No serious or critical violations.
import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, selectWithMouse, SHARED, test } from './gloss-fixtures.js';

const ARTICLE = path.join(SHARED, 'articles', 'putin-kim-vostochny-summit.txt');
test.skip(!existsSync(ARTICLE), `${ARTICLE} is absent: this test needs the shared material beside the project.`);
test.use({ glossFolder: [ARTICLE] });

async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe on ${view}`).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations in the main views (${scheme})`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(host.url);
    await expectNoSeriousViolations(page, 'the empty window');
    await page.locator('.folder-panel .file').first().click();
    await selectWithMouse(page, 'Both Russia and North Korea have denied those claims');
    await page.keyboard.press('3');
    await selectWithMouse(page, 'The US has accused North Korea');
    await page.keyboard.press('1');
    await expectNoSeriousViolations(page, 'the reader with a claim selected');
    await page.locator('.reader-doc .hl[data-tag="denial"]').click();
    await page.keyboard.press('l');
    await expect(page.getByRole('group', { name: 'Link the selected annotation' })).toBeVisible();
    await expectNoSeriousViolations(page, 'the link bar');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expectNoSeriousViolations(page, 'the shortcut list');
    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await expect(page.getByTestId('suggestion-current')).toBeVisible();
    await expectNoSeriousViolations(page, 'suggestions under review');
    await page.keyboard.press('t');
    await expectNoSeriousViolations(page, 'tag settings');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F2');
    await expect(page.locator('.edit-doc')).toBeVisible();
    await expectNoSeriousViolations(page, 'Edit Text mode');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Search' }).click();
    await page.getByRole('searchbox', { name: 'Words' }).fill('North Korea');
    await expect(page.locator('.search-hit')).not.toHaveCount(0);
    await expectNoSeriousViolations(page, 'search');
    await page.getByRole('button', { name: 'Statistics' }).click();
    await expect(page.getByRole('dialog', { name: 'Statistics' }).getByRole('img').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'statistics');
  });
}

test('highlights and tag buttons have accessible names', async ({ page, host }) => {
  await page.goto(host.url);
  await page.locator('.folder-panel .file').first().click();
  await expect(page.getByRole('button', { name: 'Tag selection as Quote (key 2)' })).toBeVisible();
  await selectWithMouse(page, 'Both Russia and North Korea have denied those claims');
  await page.keyboard.press('3');
  const highlight = page.locator('.reader-doc .hl[data-tag="denial"]');
  await expect(highlight).toHaveAttribute('aria-label', /Denial: Both Russia and North Korea/);
  await expect(page.getByRole('option', { name: /Denial Both Russia/ })).toBeVisible();
});
