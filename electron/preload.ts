// The preload exposes the contract to the sandboxed renderer as named functions, one per entry,
// through contextBridge. It never exposes ipcRenderer or a generic invoke: the renderer can call
// exactly these and nothing else. Payloads are validated again in the main process.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ContractInput, ContractName, ContractOutput, GlossHost, HostEvent } from '../shared/contract.js';
import { channelFor, EVENT_CHANNEL } from './ipc-channels.js';

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

async function call<K extends ContractName>(name: K, input: ContractInput<K>): Promise<ContractOutput<K>> {
  if (typeof input !== 'object' || input === null) throw new Error(`${name}: the request must be an object.`);
  const reply = (await ipcRenderer.invoke(channelFor(name), input)) as Reply;
  if (!reply.ok) {
    // contextBridge copies Error objects poorly; the code rides in the message prefix and in a field.
    const err = new Error(reply.error.message) as Error & { code: string };
    err.code = reply.error.code;
    throw err;
  }
  return reply.value as ContractOutput<K>;
}

const host: GlossHost = {
  getHostInfo: (input) => call('getHostInfo', input),
  getWorkspace: (input) => call('getWorkspace', input),
  openFolder: (input) => call('openFolder', input),
  openFile: (input) => call('openFile', input),
  readDocument: (input) => call('readDocument', input),
  addSourceFile: (input) => call('addSourceFile', input),
  saveSourceText: (input) => call('saveSourceText', input),
  exportAnnotations: (input) => call('exportAnnotations', input),
  cancelExport: (input) => call('cancelExport', input),
  suggest: (input) => call('suggest', input),
  getTagSet: (input) => call('getTagSet', input),
  saveTagSet: (input) => call('saveTagSet', input),
  renameTag: (input) => call('renameTag', input),
  findAnnotations: (input) => call('findAnnotations', input),
  countAnnotations: (input) => call('countAnnotations', input),
  folderStatistics: (input) => call('folderStatistics', input),
  lookupAnnotations: (input) => call('lookupAnnotations', input),
  listPeople: (input) => call('listPeople', input),
  linksInto: (input) => call('linksInto', input),
  removeLinksTo: (input) => call('removeLinksTo', input),
  saveAnnotations: (input) => call('saveAnnotations', input),
  recoverSidecar: (input) => call('recoverSidecar', input),
  onEvent(listener) {
    const wrapped = (_event: IpcRendererEvent, payload: HostEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.off(EVENT_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('glossHost', host);
