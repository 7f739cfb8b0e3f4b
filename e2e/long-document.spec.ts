// Correctness at size: a 2 MB article with 10,000 overlapping annotations. Every highlight is
// drawn as its part of the document comes into view, the list counts them all, and tagging and
// untagging in the middle of the document lands on disk at the right offsets.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LONG_ARTICLE, makeLongArticle } from '../bench/long-article.js';
import { LANDING_MS } from '../renderer/reader/scroll-flight.js';
import { codePointRange, expect, expectSidecar, selectWithMouse, startHost, test, type GlossHostProcess } from './gloss-fixtures.js';

let host: GlossHostProcess;
let text: string;

test.beforeAll(async () => {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-long-'));
  ({ text } = await makeLongArticle(folder));
  host = await startHost(folder);
});
test.afterAll(async () => {
  host.process.kill();
  await fs.rm(host.folder, { recursive: true, force: true });
});

test('10,000 highlights: all drawn while scrolling through, counted, and tag/untag in the middle saved', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await page.getByRole('button', { name: new RegExp(LONG_ARTICLE) }).click();
  await expect(page.getByTestId('annotation-count')).toHaveText('10000');
  await expect(page.locator('.reader-doc .hl').first()).toBeVisible();

  // Sections not yet laid out count at a height estimated from their text, so the scroll bar is
  // about as long as the document before it has been scrolled through.
  const estimatedHeight = await page.evaluate(() => document.querySelector('.reader')!.scrollHeight);

  // Scroll from top to bottom just under a screen a frame (as fast as the view can move without
  // flying, see below): every annotation gets its highlight when its part of the document comes
  // near, and highlights far behind are taken out again.
  const { seen, mostAtOnce, atEnd, height } = await page.evaluate(async () => {
    const reader = document.querySelector('.reader') as HTMLElement;
    const ids = new Set<string>();
    let most = 0;
    const collect = () => {
      const spans = document.querySelectorAll('.reader-doc [data-ann-id]');
      most = Math.max(most, spans.length);
      spans.forEach((e) => ids.add(e.getAttribute('data-ann-id')!));
    };
    for (let top = 0; top < reader.scrollHeight; top += reader.clientHeight * 0.9) {
      reader.scrollTop = top;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      collect();
    }
    await new Promise((r) => setTimeout(r, 300));
    collect();
    return { seen: ids.size, mostAtOnce: most, atEnd: document.querySelectorAll('.reader-doc [data-ann-id]').length, height: reader.scrollHeight };
  });
  expect(Math.abs(estimatedHeight - height) / height).toBeLessThan(0.05);
  expect(seen).toBe(10_000);
  // Bounded: never more than a fraction of the 10,000 (each has one span per paragraph it crosses) in the page at once.
  expect(mostAtOnce).toBeLessThan(4_000);
  expect(atEnd).toBeGreaterThan(0);
  // The top of the document is far behind: its highlights are taken out once the page is idle
  // (all but the first section's, which holds the caret: the browser keeps that one rendered).
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll('.reader-doc .gloss-section')].slice(1, 10).map((s) => s.querySelectorAll('[data-ann-id]').length)), { timeout: 10_000 })
    .toEqual(Array(9).fill(0));
  // Sections far behind are also let go of (their blocks hidden, so the browser frees their layout)
  // and come back, text and highlights, when scrolled to again.
  expect(await page.evaluate(() => document.querySelectorAll('.reader-doc .gloss-folded').length)).toBeGreaterThan(100);
  // Flying through the document (the scroll bar dragged: six screens a frame), the text passing by
  // is not highlighted; where the view lands, it is.
  const flight = await page.evaluate(async (landingMs) => {
    const reader = document.querySelector('.reader') as HTMLElement;
    const box = reader.getBoundingClientRect();
    const sectionInView = () => document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('.gloss-section');
    // Sections the browser has reported it now shows (the reader draws on these reports).
    const reported = new Set<EventTarget>();
    document.addEventListener('contentvisibilityautostatechange', (e) => void (!(e as ContentVisibilityAutoStateChangeEvent).skipped && reported.add(e.target!)), { capture: true });
    let inFlight = 0;
    let highlighted = 0;
    let last = performance.now();
    for (let top = reader.scrollHeight * 0.9; top > reader.scrollHeight * 0.4; top -= reader.clientHeight * 6) {
      reported.clear();
      reader.scrollTop = top;
      // Until the browser has reported the section now in view: the reader, had it not held
      // drawing, would have drawn it in the same task.
      for (let frame = 0; frame < 10 && !reported.has(sectionInView()!); frame++) await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => setTimeout(r, 0));
      const now = performance.now();
      // A step that came later than the landing time is a pause, not flight (a slow machine).
      if (now - last < landingMs) {
        inFlight++;
        if (sectionInView()?.querySelector('[data-ann-id]')) highlighted++;
      }
      last = now;
    }
    return { inFlight, highlighted };
  }, LANDING_MS);
  expect(flight.inFlight).toBeGreaterThan(20);
  expect(flight.highlighted).toBe(0);
  const inView = () =>
    page.evaluate(() => {
      const view = document.querySelector('.reader')!.getBoundingClientRect();
      const shown = (selector: string) => [...document.querySelectorAll(selector)].filter((e) => { const r = e.getBoundingClientRect(); return r.height > 0 && r.bottom > view.top && r.top < view.bottom; }).length;
      return { blocks: shown('.reader-doc .gloss-block'), highlights: shown('.reader-doc [data-ann-id]') };
    });
  await expect.poll(async () => { const { blocks, highlights } = await inView(); return blocks > 0 && highlights > 0; }).toBe(true);
  // A jump from there (one move of more than a screen) lands too.
  await page.evaluate(() => {
    const reader = document.querySelector('.reader')!;
    reader.scrollTop = reader.scrollHeight * 0.6;
  });
  await expect.poll(async () => { const { blocks, highlights } = await inView(); return blocks > 0 && highlights > 0; }).toBe(true);
  // Ctrl+End reaches the end of the text, however much of it the browser has laid out.
  await page.locator('.reader-doc').focus();
  await page.keyboard.press('Control+End');
  expect(
    await page.evaluate(() => {
      const selection = getSelection()!;
      const last = document.querySelector('.reader-doc')!.lastElementChild!.lastElementChild!;
      return last.contains(selection.focusNode) && selection.focusOffset === (selection.focusNode as Text).length;
    }),
  ).toBe(true);
  await expect(page.locator('.reader-doc .gloss-block').last()).toBeInViewport();

  // A search hit in a folded section opens there: the section is shown again and the highlight revealed.
  const folded = await page.evaluate(() => [...document.querySelectorAll('.reader-doc > .gloss-section')].flatMap((s, i) => (s.classList.contains('gloss-folded') ? [i] : [])));
  const stored = await expectSidecar(host.folder, LONG_ARTICLE, (s) => expect(s.annotations).toHaveLength(10_000));
  const early = stored.annotations.filter((a) => a.start > text.length / 10).sort((a, b) => a.start - b.start)[0]!;
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Words' }).fill(early.exact);
  await page.locator('.search-hit').first().click();
  await expect(page.locator('.reader-doc .hl-active').first()).toBeInViewport();
  const revealedIn = await page.evaluate(() => [...document.querySelectorAll('.reader-doc > .gloss-section')].findIndex((s) => s.querySelector('.hl-active')));
  expect(folded).toContain(revealedIn);
  await page.getByRole('tab', { name: 'Articles' }).click();

  // Tag a phrase in the middle of the document with the mouse and a key.
  const middle = text.indexOf('. ', text.length / 2) + 2;
  const phrase = text.slice(middle, text.indexOf(' ', middle + 30));
  await selectWithMouse(page, phrase);
  await page.keyboard.press('3');
  await expect(page.getByTestId('annotation-count')).toHaveText('10001');
  const expected = codePointRange(text, phrase);
  const sidecar = await expectSidecar(host.folder, LONG_ARTICLE, (s) => expect(s.annotations).toHaveLength(10_001));
  const added = sidecar.annotations.find((a) => a.tag === 'denial' && a.start === expected.start && a.end === expected.end);
  expect(added?.exact).toBe(phrase);
  await expect(page.locator(`.reader-doc [data-ann-id="${added!.id}"]`).first()).toBeVisible();

  // Untag it: Delete removes it, on screen and on disk; the other 10,000 are untouched.
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('annotation-count')).toHaveText('10000');
  await expect(page.locator(`.reader-doc [data-ann-id="${added!.id}"]`)).toHaveCount(0);
  const after = await expectSidecar(host.folder, LONG_ARTICLE, (s) => expect(s.annotations).toHaveLength(10_000));
  expect(after.annotations.some((a) => a.id === added!.id)).toBe(false);
});

test('the key rehearsal after opening runs on a reader of its own: the document, its history, its file and the focus are untouched', async ({ page }) => {
  const sidecarFile = path.join(host.folder, `${LONG_ARTICLE}.gloss.json`);
  const before = await fs.readFile(sidecarFile);
  await page.goto(host.url);
  await page.getByRole('button', { name: new RegExp(LONG_ARTICLE) }).click();
  await expect(page.getByTestId('annotation-count')).toHaveText('10000');
  await page.waitForFunction(() => performance.getEntriesByName('gloss:keys-rehearsed').length > 0, null, { timeout: 30_000 });
  const { detail, leftOver } = await page.evaluate(() => ({
    detail: (performance.getEntriesByName('gloss:keys-rehearsed')[0] as PerformanceMark).detail as { painted: number; rounds: number },
    leftOver: document.querySelectorAll('.reader-rehearsal').length,
  }));
  // Every round tagged and painted on the hidden reader, which is gone again.
  expect(detail.rounds).toBeGreaterThan(0);
  expect(detail.painted).toBe(detail.rounds);
  expect(leftOver).toBe(0);
  await expect(page.locator('.reader .reader-doc')).toBeFocused();
  // Nothing to undo: the rehearsal's tags never reached this document's history.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('annotation-count')).toHaveText('10000');
  await expect(page.getByTestId('save-status')).not.toContainText(/unsaved|saving/i);
  expect(await fs.readFile(sidecarFile)).toEqual(before);
});
