// The session ties the store to a host: it loads the host's workspace, opens documents (saving
// the previous one first), follows host events and keeps autosave running. Components call these
// functions; they never call the host themselves.
import type { GlossHost, HostEvent, MenuCommand } from '../../shared/contract.js';
import { startAutosave, hasUnsavedWork, type Autosave, type AutosaveOptions } from './autosave.js';
import type { GlossStore } from './gloss-store.js';

export interface GlossSession {
  host: GlossHost;
  store: GlossStore;
  start(): Promise<void>;
  openDocument(path: string): Promise<void>;
  openFolder(path: string | null): Promise<void>;
  openFile(path: string | null): Promise<void>;
  hasUnsavedWork(): boolean;
  flush(): Promise<void>;
  dispose(): void;
}

export function createGlossSession(host: GlossHost, store: GlossStore, autosaveOptions?: AutosaveOptions): GlossSession {
  const autosave: Autosave = startAutosave(store, host, autosaveOptions);
  let openSeq = 0;

  const session: GlossSession = {
    host,
    store,

    async start() {
      const [info, workspace] = await Promise.all([host.getHostInfo({}), host.getWorkspace({})]);
      store.getState().setHostInfo(info);
      store.getState().setWorkspace(workspace);
      const requested = new URLSearchParams(globalThis.location?.search ?? '').get('file');
      const first = workspace?.files.find((f) => f.path === requested) ?? (workspace?.kind === 'file' ? workspace.files[0] : undefined);
      if (first) await session.openDocument(first.path);
    },

    async openDocument(path) {
      const seq = ++openSeq;
      await autosave.flush();
      store.getState().setLoading(path);
      try {
        const doc = await host.readDocument({ path });
        if (seq === openSeq) store.getState().showDocument(doc);
      } catch (err) {
        if (seq === openSeq) store.getState().setDocumentError((err as Error).message);
      }
    },

    async openFolder(path) {
      await openWorkspace(() => host.openFolder({ path }));
    },

    async openFile(path) {
      await openWorkspace(() => host.openFile({ path }));
    },

    hasUnsavedWork: () => hasUnsavedWork(store),
    flush: () => autosave.flush(),

    dispose() {
      autosave.dispose();
      unsubscribe();
    },
  };

  async function openWorkspace(open: () => ReturnType<GlossHost['openFolder']>): Promise<void> {
    await autosave.flush();
    try {
      const result = await open();
      if (result.kind === 'opened') await adoptWorkspace(result.workspace);
    } catch (err) {
      store.getState().setWorkspaceError((err as Error).message);
    }
  }

  async function adoptWorkspace(workspace: NonNullable<Awaited<ReturnType<GlossHost['getWorkspace']>>>): Promise<void> {
    await autosave.flush();
    const current = store.getState().workspace;
    store.getState().setWorkspace(workspace);
    // The same folder again (a host event echoing our own request) only refreshes the list.
    if (current && current.root === workspace.root && current.kind === workspace.kind) return;
    store.getState().closeDocument();
    if (workspace.kind === 'file' && workspace.files[0]) await session.openDocument(workspace.files[0].path);
  }

  function runMenuCommand(command: MenuCommand): void {
    const s = store.getState();
    if (command === 'undo') s.undo();
    else if (command === 'redo') s.redo();
    else if (command === 'delete-annotation' && s.selectedId) s.deleteAnnotation(s.selectedId);
  }

  const unsubscribe = host.onEvent((event: HostEvent) => {
    if (event.type === 'workspace-changed') void adoptWorkspace(event.workspace);
    else if (event.type === 'menu-command') runMenuCommand(event.command);
  });

  return session;
}
