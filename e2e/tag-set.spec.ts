// The folder's tag set in the UI: rename a tag in Tag settings and find every sidecar of the
// folder rewritten on disk; map a tag the folder does not know onto a known one; add a tag with a
// key of its own and use it.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAnnotation } from '../shared/annotations.js';
import { CodePointText } from '../shared/code-points.js';
import { buildSidecar, serializeSidecar } from '../shared/sidecar-format.js';
import { DEFAULT_TAGS } from '../shared/tags.js';
import { loadSource } from '../host/services/source-files.js';
import { expect, readSidecar, selectWithMouse, startHost, test, type GlossHostProcess } from './gloss-fixtures.js';

async function writeAnnotated(folder: string, file: string, text: string, spans: [phrase: string, tag: string][]): Promise<void> {
  const abs = path.join(folder, file);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, text);
  const t = new CodePointText(text);
  const annotations = spans.map(([phrase, tag]) => {
    const start = t.toCodePoint(text.indexOf(phrase));
    return createAnnotation(t, { tag, start, end: start + Array.from(phrase).length });
  });
  const snapshot = [...DEFAULT_TAGS, { id: 'rumour', label: 'Rumour', color: '#7b61c4', key: '' }];
  await fs.writeFile(abs + '.gloss.json', serializeSidecar(buildSidecar((await loadSource(abs)).fingerprint, snapshot, annotations)));
}

let host: GlossHostProcess;
test.beforeEach(async () => {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-tagset-'));
  await writeAnnotated(folder, 'a.txt', 'The minister claimed the bridge was finished. Critics said it was not.', [
    ['the bridge was finished', 'claim'],
    ['Critics said it was not.', 'quote'],
  ]);
  await writeAnnotated(folder, 'sub/b.txt', 'A second claim about tolls. A rumour about delays.', [
    ['A second claim about tolls.', 'claim'],
    ['A rumour about delays.', 'rumour'],
  ]);
  host = await startHost(folder);
});
test.afterEach(async () => {
  host.process.kill();
  await fs.rm(host.folder, { recursive: true, force: true });
});

test('rename a tag in every sidecar of the folder, then map an unknown tag onto a known one', async ({ page }) => {
  await page.goto(host.url);
  await page.locator('.folder-panel .file', { hasText: 'a.txt' }).click();
  await expect(page.locator('.reader-doc .hl')).toHaveCount(2);
  await page.keyboard.press('t');
  const dialog = page.getByRole('dialog', { name: 'Tags of this folder' });
  await expect(dialog).toContainText('not created yet');
  await dialog.locator('tr[data-tag="claim"]').getByRole('button', { name: 'Rename…' }).click();
  await dialog.getByRole('textbox', { name: 'New name for Claim' }).fill('Assertion');
  await dialog.getByRole('button', { name: 'Rename in every file' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Renamed Claim to Assertion.');
  await expect(dialog.locator('tr[data-tag="assertion"]')).toContainText('Assertion');
  // On disk: the tag set, and both sidecars (one in a sub-folder).
  const tagSet = JSON.parse(await fs.readFile(path.join(host.folder, 'gloss-tags.json'), 'utf8'));
  expect(tagSet.tags.map((t: { id: string }) => t.id)).toEqual(['assertion', 'quote', 'denial']);
  expect((await readSidecar(host.folder, 'a.txt')).annotations.map((a) => a.tag).sort()).toEqual(['assertion', 'quote']);
  expect((await readSidecar(host.folder, 'sub/b.txt')).annotations.map((a) => a.tag).sort()).toEqual(['assertion', 'rumour']);
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The open article shows the new name, its key still 1.
  await expect(page.getByRole('button', { name: /Tag selection as Assertion \(key 1\)/ })).toBeVisible();
  await expect(page.locator('.reader-doc .hl[data-tag="assertion"]')).toHaveText('the bridge was finished');

  // b.txt uses "rumour", which the folder's set does not define: shown as unknown, then mapped.
  await page.locator('.folder-panel .file', { hasText: 'b.txt' }).click();
  await expect(page.getByRole('button', { name: /Rumour.*not in this folder/ })).toBeVisible();
  await page.keyboard.press('t');
  await dialog.getByRole('combobox', { name: 'Map rumour onto' }).selectOption('assertion');
  await dialog.getByRole('button', { name: 'Map in every file' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Mapped rumour onto Assertion.');
  expect((await readSidecar(host.folder, 'sub/b.txt')).annotations.map((a) => a.tag)).toEqual(['assertion', 'assertion']);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: /not in this folder/ })).toHaveCount(0);
});

test('add a tag with its own colour and key, and tag with it', async ({ page }) => {
  await page.goto(host.url);
  await page.locator('.folder-panel .file', { hasText: 'a.txt' }).click();
  await page.getByRole('button', { name: /Tags…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags of this folder' });
  await dialog.getByRole('button', { name: 'Add a tag' }).click();
  await dialog.getByRole('textbox', { name: 'Name of the new tag' }).fill('Hearsay');
  await dialog.getByRole('combobox', { name: 'Key of Hearsay' }).selectOption('4');
  await dialog.getByRole('button', { name: 'Save tags' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Tags saved.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await selectWithMouse(page, 'The minister');
  await page.keyboard.press('4');
  await expect(page.locator('.reader-doc .hl[data-tag="hearsay"]')).toHaveText('The minister');
  await expect(async () => expect((await readSidecar(host.folder, 'a.txt')).annotations.map((a) => a.tag)).toContain('hearsay')).toPass();
  const tagSet = JSON.parse(await fs.readFile(path.join(host.folder, 'gloss-tags.json'), 'utf8'));
  expect(tagSet.tags.at(-1)).toMatchObject({ id: 'hearsay', label: 'Hearsay', key: '4' });
});
