// A user's first flow, end to end in Chromium: open the folder, open an article, select a
// sentence with the mouse, press 2, see the highlight, find the quote on disk with the right
// code point offsets, reload and see it again, undo, redo, delete — checking the disk each time.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { codePointRange, expect, expectSidecar, highlightText, ROOT, selectWithMouse, tagsCovering, test } from './gloss-fixtures.js';

const SAMPLES = ['ferry-strike.txt', 'harbour-bridge-contract.txt', 'harbour-bridge-contract.txt.gloss.json', 'drought-figures.md'].map((f) => path.join(ROOT, 'samples', f));
const QUOTE = '"Passengers should not pay the price for this dispute,"';

test.use({ glossFolder: SAMPLES });

test('tag a quote, see it saved beside the file, reload, undo, redo and delete', async ({ page, host }) => {
  await page.goto(host.url);
  // The folder panel lists the supported files with their annotation counts.
  const folder = page.getByRole('navigation', { name: 'Folder' });
  await expect(folder.getByRole('button', { name: /ferry-strike\.txt/ })).toHaveAccessibleName(/no annotations/);
  await expect(folder.getByRole('button', { name: /harbour-bridge-contract\.txt/ })).toHaveAccessibleName(/3 annotations: (?=.*1 Claim)(?=.*1 Quote)(?=.*1 Denial)/);

  await folder.getByRole('button', { name: /ferry-strike\.txt/ }).click();
  await expect(page.locator('.reader-doc')).toContainText('Ferry workers walk out');

  await selectWithMouse(page, QUOTE);
  await page.keyboard.press('2');

  const highlight = page.locator('.reader-doc .hl[data-tag="quote"]');
  await expect(highlight).toHaveCount(1);
  await expect(highlight).toHaveText(QUOTE);
  // Painted in the Quote colour.
  await expect(highlight).toHaveCSS('text-decoration-color', 'rgb(47, 127, 216)');
  await expect(page.getByTestId('save-status')).toContainText('Saved');

  const text = await fs.readFile(path.join(host.folder, 'ferry-strike.txt'), 'utf8');
  const expected = codePointRange(text, QUOTE);
  const sidecar = await expectSidecar(host.folder, 'ferry-strike.txt', (s) => expect(s.annotations).toHaveLength(1));
  const saved = sidecar.annotations[0]!;
  expect(saved).toMatchObject({ tag: 'quote', start: expected.start, end: expected.end, exact: QUOTE });
  // The text has a "°" and an en dash before the quote: code points and UTF-16 agree here, but bytes do not.
  expect(Buffer.byteLength(text.slice(0, text.indexOf(QUOTE)))).toBeGreaterThan(expected.start);
  expect(sidecar.source.name).toBe('ferry-strike.txt');
  await expect(folder.getByRole('button', { name: /ferry-strike\.txt/ })).toContainText('1');

  // Undo removes it, on screen and on disk; redo brings it back.
  await page.keyboard.press('Control+z');
  await expect(page.locator('.reader-doc .hl')).toHaveCount(0);
  await expectSidecar(host.folder, 'ferry-strike.txt', (s) => expect(s.annotations).toEqual([]));
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.reader-doc .hl[data-tag="quote"]')).toHaveText(QUOTE);
  await expectSidecar(host.folder, 'ferry-strike.txt', (s) => expect(s.annotations.map((a) => a.id)).toEqual([saved.id]));

  // Reload: the highlight is restored from disk.
  await page.reload();
  await folder.getByRole('button', { name: /ferry-strike\.txt/ }).click();
  await expect(page.locator('.reader-doc .hl[data-tag="quote"]')).toHaveText(QUOTE);
  expect(await highlightText(page, saved.id)).toBe(QUOTE);

  // Click the highlight to select it; Delete removes it.
  await page.locator('.reader-doc .hl[data-tag="quote"]').click();
  await expect(page.getByRole('option', { selected: true })).toContainText('Passengers should not pay');
  await page.keyboard.press('Delete');
  await expect(page.locator('.reader-doc .hl')).toHaveCount(0);
  await expectSidecar(host.folder, 'ferry-strike.txt', (s) => expect(s.annotations).toEqual([]));
});

test('tag and delete keys show their change in the frame they are pressed in, drawn as spans in a task after that frame', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: /ferry-strike\.txt/ }).click();
  await expect(page.locator('.reader-doc')).toContainText('Ferry workers walk out');
  await selectWithMouse(page, QUOTE);
  // The key and what the page holds right after it, in one task: before any frame.
  const steps = await page.evaluate(async () => {
    const reader = document.querySelector('.reader-doc')!;
    const preview = () => [...(CSS.highlights.get('gloss-new-quote') ?? [])].map((range) => (range as Range).toString());
    reader.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true, cancelable: true }));
    const atKey = { preview: preview(), spans: reader.querySelectorAll('.hl').length, caret: getSelection()!.isCollapsed };
    // The frame the key asked for, and the task after it.
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { atKey, after: { preview: preview(), spans: [...reader.querySelectorAll('.hl[data-tag="quote"]')].map((s) => s.textContent) } };
  });
  // At the key: the new quote shown as a custom highlight over the selected text, the selection
  // collapsed so it does not cover it, and no spans changed yet.
  expect(steps.atKey).toEqual({ preview: [QUOTE], spans: 0, caret: true });
  // After the frame: drawn as a span, and the preview gone.
  expect(steps.after).toEqual({ preview: [], spans: [QUOTE] });
  await expectSidecar(host.folder, 'ferry-strike.txt', (s) => expect(s.annotations.map((a) => a.exact)).toEqual([QUOTE]));

  // Delete, the same way: at the key its span is still there but transparent; after the frame, gone.
  const removal = await page.evaluate(async () => {
    const reader = document.querySelector('.reader-doc')!;
    const look = () =>
      [...reader.querySelectorAll('.hl[data-tag="quote"]')].map((span) => {
        const style = getComputedStyle(span);
        return { background: style.backgroundColor, underline: style.textDecorationLine };
      });
    reader.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true, cancelable: true }));
    const atKey = look();
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { atKey, after: look() };
  });
  expect(removal).toEqual({ atKey: [{ background: 'rgba(0, 0, 0, 0)', underline: 'none' }], after: [] });
  await expectSidecar(host.folder, 'ferry-strike.txt', (s) => expect(s.annotations).toEqual([]));
});

test('the reader is read-only: typing, pasting and deleting do not change the text', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: /ferry-strike\.txt/ }).click();
  const reader = page.locator('.reader-doc');
  const before = await reader.textContent();
  await reader.click();
  await page.keyboard.type('hello world');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Delete');
  await selectWithMouse(page, 'stranding hundreds of passengers');
  await page.keyboard.press('x');
  await page.keyboard.press('Control+x');
  expect(await reader.textContent()).toBe(before);
  expect(await fs.readFile(path.join(host.folder, 'ferry-strike.txt'), 'utf8')).toContain('stranding hundreds of passengers');
  await expect(page.locator('.reader-doc .hl')).toHaveCount(0);
});

test('overlapping annotations stay distinguishable; the list selects, re-tags, notes and reveals', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: /harbour-bridge-contract\.txt/ }).click();
  await expect(page.locator('.reader-doc .hl')).toHaveCount(3);

  // A claim around an existing quote: nested, both visible.
  const sentence = '"Every bid was scored by independent engineers, and Calder Works came first on price and on safety," Ms Vasquez told reporters outside City Hall.';
  await selectWithMouse(page, sentence);
  await page.getByRole('button', { name: /Tag selection as Claim/ }).click();
  await expect(page.locator('.reader-doc .hl[data-tag="claim"]').filter({ hasText: 'Ms Vasquez told reporters' })).toHaveCount(1);
  // Inside the quote, text is covered by both highlights (nested spans); after it, by the claim alone.
  expect(await tagsCovering(page, 'independent engineers')).toEqual(['claim', 'quote']);
  expect(await tagsCovering(page, 'told reporters')).toEqual(['claim']);
  await expect(page.getByTestId('annotation-count')).toHaveText('4');

  // Select the inner quote from the list; re-tag it as a denial and give it a note.
  await page.getByRole('option').filter({ hasText: 'Every bid was scored' }).filter({ hasText: 'Quote' }).click();
  const details = page.getByRole('region', { name: 'Selected annotation' });
  await details.getByRole('button', { name: 'Denial' }).click();
  await details.getByRole('textbox', { name: 'Note' }).fill('Checked against the register');
  await expect(page.getByTestId('save-status')).toContainText('Saved');
  const sidecar = await expectSidecar(host.folder, 'harbour-bridge-contract.txt', (s) =>
    expect(s.annotations.find((a) => a.exact.startsWith('"Every bid') && a.exact.endsWith('safety,"'))).toMatchObject({ tag: 'denial', note: 'Checked against the register' }),
  );
  expect(sidecar.annotations).toHaveLength(4);

  // Clicking a list entry scrolls the reader to it and flashes it.
  await page.getByRole('option').filter({ hasText: 'The mayor' }).click();
  await expect(page.locator('.reader-doc .hl-flash')).toHaveCount(1);
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'gloss-main-window.png') });
});
