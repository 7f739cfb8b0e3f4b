// Electron main process: a thin adapter. It creates the window with every security switch on,
// routes the contract's IPC channels to the shared GlossServices after checking sender and
// payload, shows the OS dialogs, and builds the menu. Everything else lives in host/services
// (Node) and renderer/ (UI), which the browser host uses too.
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import { CONTRACT_NAMES, type HostEvent, type MenuCommand } from '../shared/contract.js';
import { GlossServices } from '../host/services/gloss-services.js';
import { resolveLaunchTarget } from '../host/services/launch-target.js';
import { APP_INDEX_URL, APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol.js';
import { channelFor, EVENT_CHANNEL } from './ipc-channels.js';

const APP_ROOT = path.resolve(__dirname, '..', '..');
let mainWindow: BrowserWindow | null = null;

registerAppScheme();
app.enableSandbox();

const services = new GlossServices({
  kind: 'electron',
  version: app.getVersion(),
  uiMayNamePaths: false,
  pickPath: async (what) => {
    const options = {
      title: what === 'folder' ? 'Open Folder' : 'Open File',
      properties: [what === 'folder' ? 'openDirectory' : 'openFile'] as ('openDirectory' | 'openFile')[],
      filters: what === 'file' ? [{ name: 'Articles', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'] }] : undefined,
    };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  pickSavePath: async (suggestedName) => {
    const options = { title: 'Export annotations', defaultPath: suggestedName, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
});

services.onEvent((event: HostEvent) => mainWindow?.webContents.send(EVENT_CHANNEL, event));

/** Only the app's own page, in the main frame of our window, may call the contract. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!mainWindow || !frame || frame !== mainWindow.webContents.mainFrame) return false;
  // Node's URL gives custom schemes an opaque origin, so compare scheme and host instead.
  const url = new URL(frame.url);
  return `${url.protocol}//${url.host}` === APP_ORIGIN;
}

for (const name of CONTRACT_NAMES) {
  ipcMain.handle(channelFor(name), async (event, payload: unknown) => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'invalid-request', message: 'Refused: untrusted sender.' } };
    return services.dispatch(name, payload);
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(EVENT_CHANNEL, { type: 'menu-command', command } satisfies HostEvent);
}

/** Show the dialog; the services tell the renderer about the new workspace themselves. */
async function openFromMenu(what: 'folder' | 'file'): Promise<void> {
  try {
    await services.handlers[what === 'folder' ? 'openFolder' : 'openFile']({ path: null });
  } catch (err) {
    dialog.showErrorBox('Gloss', (err as Error).message);
  }
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => void openFromMenu('folder') },
        { label: 'Open File…', accelerator: 'CmdOrCtrl+Shift+O', click: () => void openFromMenu('file') },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => sendMenuCommand('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => sendMenuCommand('redo') },
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as const])] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function createWindow(): Promise<void> {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Gloss',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // The renderer blocks unloading while annotations are unsaved; ask before closing anyway.
  mainWindow.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(mainWindow!, {
      type: 'warning',
      buttons: ['Close anyway', 'Keep Gloss open'],
      defaultId: 1,
      cancelId: 1,
      message: 'Some annotations are not saved yet.',
      detail: 'Gloss could not save the latest changes (see the status bar). If you close now, they are lost.',
    });
    if (choice === 0) event.preventDefault();
  });
  mainWindow.on('closed', () => (mainWindow = null));
  await mainWindow.loadURL(APP_INDEX_URL);
}

app.whenReady().then(async () => {
  // No permission (camera, notifications, …) is ever granted, and nothing leaves the app.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const scheme = new URL(details.url).protocol;
    callback({ cancel: !(scheme === `gloss:` || scheme === 'devtools:') });
  });
  serveRenderer(path.join(APP_ROOT, 'dist', 'renderer'));
  buildMenu();
  const args = process.argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-'));
  try {
    const target = await resolveLaunchTarget(args[0], path.join(APP_ROOT, 'samples'));
    await services.open(target.what, target.path);
  } catch (err) {
    dialog.showErrorBox('Gloss', `Could not open ${args[0] ?? 'the sample folder'}: ${(err as Error).message}`);
  }
  await createWindow();
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void services.close());
