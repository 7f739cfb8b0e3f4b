// Suggestions in the app on the real article: run Suggest, accept two, reject one, and find them
// on disk (accepted ones as annotations with speaker and cue; the rejected one remembered and not
// proposed again). A denial accepted before its claim gets its link when the claim is accepted.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, expectSidecar, SHARED, test } from './gloss-fixtures.js';

const ARTICLE = path.join(SHARED, 'articles', 'putin-kim-vostochny-summit.txt');
const NAME = path.basename(ARTICLE);

test.skip(!existsSync(ARTICLE), `${ARTICLE} is absent: this test needs the shared material beside the project.`);
test.use({ glossFolder: [ARTICLE] });

test('suggest, accept two, reject one; the sidecar has them and the rejection sticks', async ({ page, host }) => {
  await page.goto(host.url);
  await page.locator('.folder-panel .file', { hasText: NAME }).click();
  await page.locator('.reader-doc').click();
  await page.keyboard.press('g');
  const panel = page.getByRole('region', { name: 'Suggestions' });
  await expect(panel).toBeVisible();
  const total = Number(await panel.locator('h3 .count').textContent());
  expect(total).toBeGreaterThan(10);
  await expect(page.locator('.reader-doc .sg')).not.toHaveCount(0);
  // The first under review is Mr Kim's toast.
  const current = page.getByTestId('suggestion-current');
  await expect(current).toContainText('I firmly believe');
  await expect(current).toContainText('Kim Jong Un');
  await expect(page.locator('.reader-doc .sg-current').first()).toHaveAttribute('title', /Suggested quote — speaker Kim Jong Un, cue told/);
  await page.keyboard.press('Enter');
  await expect(current).toContainText('The Russian army and people will certainly win');
  await page.keyboard.press('Enter');
  await expect(current).toContainText('Mr Kim would discuss providing weapons');
  await page.keyboard.press('Backspace');
  await expect(panel.locator('h3 .count')).toHaveText(String(total - 3));

  const sidecar = await expectSidecar(host.folder, NAME, (s) => {
    expect(s.annotations).toHaveLength(2);
    expect(s.rejectedSuggestions).toHaveLength(1);
  });
  expect(sidecar.annotations.map((a) => [a.tag, a.attributes.speaker, a.attributes.cue])).toEqual([
    ['quote', 'Kim Jong Un', 'told'],
    ['quote', 'Kim Jong Un', 'added'],
  ]);
  expect(sidecar.rejectedSuggestions![0]).toMatchObject({ tag: 'claim', exact: expect.stringContaining('Mr Kim would discuss providing weapons') });
  await expect(page.locator('.reader-doc .hl[data-tag="quote"]')).toHaveCount(2);

  // The denial first, then the claim it answers: the link is made when the claim is accepted.
  await page.locator('.reader-doc .sg[data-tag="denial"]', { hasText: 'Both Russia and North Korea' }).click();
  await page.keyboard.press('Enter');
  await page.locator('.reader-doc .sg[data-tag="claim"]', { hasText: 'North Korea of providing arms to Russia' }).click();
  await page.keyboard.press('Enter');
  const linked = await expectSidecar(host.folder, NAME, (s) => expect(s.annotations.find((a) => a.tag === 'denial')?.links).toHaveLength(1));
  const claim = linked.annotations.find((a) => a.tag === 'claim')!;
  expect(linked.annotations.find((a) => a.tag === 'denial')).toMatchObject({ attributes: { denier: 'Russia and North Korea', cue: 'denied' }, links: [{ type: 'denies', target: claim.id }] });
  expect(claim.attributes).toMatchObject({ claimant: 'US', cue: 'accused' });

  // Opened again: the rejected one and the accepted ones are not proposed again.
  await page.reload();
  await page.locator('.folder-panel .file', { hasText: NAME }).click();
  await page.getByRole('button', { name: /Suggest/ }).click();
  await expect(panel.locator('h3 .count')).toHaveText(String(total - 5));
  await expect(page.locator('.reader-doc .sg', { hasText: 'Mr Kim would discuss providing weapons' })).toHaveCount(0);
});
