// The Electron main process, loaded with a stand-in for the `electron` module. This is the one
// mock in the suite, and only because the Electron binary cannot be installed here: it checks the
// adapter's wiring — security switches, IPC routing with sender checks, denied window.open and
// navigation, blocked network — while the services behind it are the real ones on real files.
// e2e/electron.spec.ts covers the same ground with the real binary where it exists.
import { build } from 'esbuild';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_NAMES } from '../shared/contract.js';

const require = createRequire(import.meta.url);
type Handler = (...args: unknown[]) => unknown;

const recorded = {
  windows: [] as { options: Record<string, any>; webContents: any }[],
  ipc: new Map<string, Handler>(),
  appEvents: new Map<string, Handler>(),
  beforeRequest: null as Handler | null,
  permission: null as Handler | null,
  contentsEvents: new Map<string, Handler>(),
  messageBoxAnswer: 1,
  privileged: [] as unknown[],
};

function fakeElectron(ready: Promise<void>) {
  class BrowserWindow {
    webContents: any;
    constructor(public options: Record<string, any>) {
      const mainFrame = { url: 'gloss://app/index.html' };
      this.webContents = { mainFrame, send: () => {}, on: (event: string, handler: Handler) => recorded.contentsEvents.set(event, handler), setWindowOpenHandler: () => {} };
      recorded.windows.push({ options, webContents: this.webContents });
    }
    once() {}
    on() {}
    show() {}
    async loadURL(url: string) {
      this.webContents.mainFrame.url = url;
    }
  }
  return {
    app: {
      enableSandbox: () => {},
      getVersion: () => '0.0.0-test',
      isPackaged: false,
      whenReady: () => ready,
      on: (event: string, handler: Handler) => recorded.appEvents.set(event, handler),
      quit: () => {},
    },
    BrowserWindow,
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showErrorBox: () => {}, showMessageBoxSync: () => recorded.messageBoxAnswer },
    ipcMain: { handle: (channel: string, handler: Handler) => recorded.ipc.set(channel, handler) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => {} },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Handler) => (recorded.permission = h),
        webRequest: { onBeforeRequest: (h: Handler) => (recorded.beforeRequest = h) },
      },
    },
    protocol: { registerSchemesAsPrivileged: (s: unknown) => recorded.privileged.push(s), handle: () => {} },
    net: { fetch: async () => new Response('') },
  };
}

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-electron-'));
  // Built inside the project so that `require('electron')` resolves to the stand-in below.
  const outfile = path.resolve(import.meta.dirname, '..', 'dist', 'electron-under-test', 'main.cjs');
  await build({ entryPoints: [path.resolve(import.meta.dirname, 'main.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', external: ['electron'], logLevel: 'silent' });
  const folder = path.join(dir, 'articles');
  await fs.mkdir(folder);
  await fs.writeFile(path.join(folder, 'a.txt'), 'Kim said: "We will win."');
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  require.cache[require.resolve('electron')] = { exports: fakeElectron(ready) } as NodeJS.Module;
  const argv = process.argv;
  process.argv = ['electron', outfile, folder];
  require(outfile);
  markReady();
  await new Promise((r) => setTimeout(r, 200));
  process.argv = argv;
});
afterAll(async () => {
  delete require.cache[require.resolve('electron')];
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rm(path.resolve(import.meta.dirname, '..', 'dist', 'electron-under-test'), { recursive: true, force: true });
});

describe('Electron main process (with a stand-in electron module)', () => {
  it('creates the window with isolation, sandbox and no Node integration', () => {
    expect(recorded.windows).toHaveLength(1);
    expect(recorded.windows[0]!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('routes every contract entry over IPC, and only for our own main frame', async () => {
    expect([...recorded.ipc.keys()].sort()).toEqual(CONTRACT_NAMES.map((n) => `gloss:${n}`).sort());
    const { webContents } = recorded.windows[0]!;
    const trusted = { senderFrame: webContents.mainFrame };
    const workspace = (await recorded.ipc.get('gloss:getWorkspace')!(trusted, {})) as { ok: boolean; value: { files: { path: string }[] } };
    expect(workspace.ok).toBe(true);
    expect(workspace.value.files.map((f) => f.path)).toEqual(['a.txt']);
    const foreignFrame = { senderFrame: { url: 'gloss://app/index.html' } };
    expect(await recorded.ipc.get('gloss:getWorkspace')!(foreignFrame, {})).toMatchObject({ ok: false, error: { message: 'Refused: untrusted sender.' } });
    const badPayload = await recorded.ipc.get('gloss:readDocument')!(trusted, { path: '../../etc/passwd' });
    expect(badPayload).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // The renderer may not name a folder to open: only the dialog can.
    expect(await recorded.ipc.get('gloss:openFolder')!(trusted, { path: '/' })).toMatchObject({ ok: false });
  });

  it('denies window.open, navigation and webviews in every web contents', () => {
    const handlers = new Map<string, Handler>();
    let openHandler: Handler | null = null;
    recorded.appEvents.get('web-contents-created')!({}, { setWindowOpenHandler: (h: Handler) => (openHandler = h), on: (e: string, h: Handler) => handlers.set(e, h) });
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      handlers.get(event)!({ preventDefault: () => (prevented = true) });
      expect(prevented).toBe(true);
    }
  });

  it('asks before closing a window whose renderer has unsaved work', () => {
    const onPreventUnload = recorded.contentsEvents.get('will-prevent-unload')!;
    let closed = false;
    recorded.messageBoxAnswer = 1; // Keep Gloss open
    onPreventUnload({ preventDefault: () => (closed = true) });
    expect(closed).toBe(false);
    recorded.messageBoxAnswer = 0; // Close anyway
    onPreventUnload({ preventDefault: () => (closed = true) });
    expect(closed).toBe(true);
  });

  it('lets no request leave the app and grants no permission', () => {
    const decide = (url: string) => {
      let answer: unknown;
      recorded.beforeRequest!({ url }, (a: unknown) => (answer = a));
      return answer;
    };
    expect(decide('https://example.com/tracker.png')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:8080/')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    expect(decide('gloss://app/assets/index.js')).toEqual({ cancel: false });
    let granted: unknown;
    recorded.permission!({}, 'media', (g: unknown) => (granted = g));
    expect(granted).toBe(false);
  });
});
