// The same user flow in the real Electron app. It runs where an Electron binary is installed and
// is skipped, with the reason, where it is not (as on machines that cannot download it).
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { installedElectronBinary } from '../scripts/electron-binary.mjs';
import { codePointRange, expect, expectSidecar, ROOT, selectWithMouse, tempFolderWith, test } from './gloss-fixtures.js';

const binary = installedElectronBinary();
test.skip(!binary, 'Electron binary not installed here (it cannot be downloaded on this machine); the same flow runs in Chromium through the browser host.');

const QUOTE = '"Passengers should not pay the price for this dispute,"';

test('Electron: tag a quote, saved beside the file, with the security switches on', async () => {
  const folder = await tempFolderWith([path.join(ROOT, 'samples', 'ferry-strike.txt')]);
  let app: ElectronApplication | null = null;
  try {
    app = await electron.launch({ executablePath: binary!, args: [path.join(ROOT, 'dist/electron/main.cjs'), folder], env: { ...process.env, GLOSS_DATA_DIR: path.join(folder, '.gloss-data') } });
    const page = await app.firstWindow();
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents;
      // getLastWebPreferences is what the window was created with.
      const p = (wc as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');

    await page.getByRole('button', { name: /ferry-strike\.txt/ }).click();
    await selectWithMouse(page, QUOTE);
    await page.keyboard.press('2');
    await expect(page.locator('.reader-doc .hl[data-tag="quote"]')).toHaveText(QUOTE);
    const text = await fs.readFile(path.join(folder, 'ferry-strike.txt'), 'utf8');
    await expectSidecar(folder, 'ferry-strike.txt', (s) => expect(s.annotations[0]).toMatchObject({ tag: 'quote', ...codePointRange(text, QUOTE), exact: QUOTE }));

    // window.open and navigation are denied.
    await page.evaluate(() => window.open('https://example.com'));
    expect(app.windows()).toHaveLength(1);
    await page.evaluate(() => (window.location.href = 'https://example.com'));
    await expect.poll(() => page.url()).toMatch(/^gloss:\/\/app\//);
  } finally {
    await app?.close();
    await fs.rm(folder, { recursive: true, force: true });
  }
});
