// The session ties the store to a host: it loads the host's workspace, opens documents (saving
// the previous one first), follows host events and keeps autosave running. Components call these
// functions; they never call the host themselves.
import type { GlossHost, HostEvent, MenuCommand } from '../../shared/contract.js';
import { sameAnnotationSet } from '../../shared/merge.js';
import { markOpenRequested } from '../perf-marks.js';
import { startAutosave, hasUnsavedWork, type Autosave, type AutosaveOptions } from './autosave.js';
import type { GlossStore } from './gloss-store.js';

export interface GlossSession {
  host: GlossHost;
  store: GlossStore;
  start(): Promise<void>;
  openDocument(path: string): Promise<void>;
  openFolder(path: string | null): Promise<void>;
  openFile(path: string | null): Promise<void>;
  /** Recover from a damaged sidecar: restore its backup, or start over; the damaged file is kept aside. */
  recoverSidecar(action: 'restore-backup' | 'start-over'): Promise<void>;
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
      markOpenRequested();
      const seq = ++openSeq;
      await autosave.flush();
      store.getState().setLoading(path);
      try {
        const doc = await host.readDocument({ path });
        performance.mark('gloss:document-received');
        if (seq === openSeq) store.getState().showDocument(doc);
        performance.mark('gloss:document-shown');
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

    async recoverSidecar(action) {
      const doc = store.getState().document;
      if (!doc) return;
      try {
        const { document, renamedTo } = await host.recoverSidecar({ path: doc.path, action });
        store.getState().showDocument(document);
        store.getState().setNotice({
          level: 'info',
          text: `${action === 'restore-backup' ? 'Restored the backup' : 'Started over'}; the damaged file was kept as ${renamedTo}.`,
        });
      } catch (err) {
        store.getState().setNotice({ level: 'warning', text: (err as Error).message });
      }
    },

    hasUnsavedWork: () => hasUnsavedWork(store),
    flush: () => autosave.flush(),

    dispose() {
      if (listingTimer) clearTimeout(listingTimer);
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

  /**
   * Another program changed a file of the open document. A changed source is re-read and the
   * annotations placed on it again; a changed sidecar is reloaded when nothing is unsaved here,
   * and merged by id with the unsaved work otherwise. Never a silent overwrite either way.
   */
  async function onFileChanged(path: string, kind: 'source' | 'sidecar'): Promise<void> {
    const s = store.getState();
    if (!s.document || s.document.path !== path) {
      refreshListing();
      return;
    }
    let doc;
    try {
      doc = await host.readDocument({ path });
    } catch (err) {
      store.getState().setNotice({ level: 'warning', text: `${s.document.name} changed on disk and cannot be read now: ${(err as Error).message}` });
      return;
    }
    const now = store.getState();
    if (!now.document || now.document.path !== path) return;
    if (kind === 'source' || doc.fingerprint.sha256 !== now.document.fingerprint.sha256) {
      now.replaceSource(doc);
      return;
    }
    if (doc.sidecar.kind !== 'ok') {
      if (doc.sidecar.kind === 'none') return; // deleted: our next save writes it again
      now.setNotice({ level: 'warning', text: doc.sidecar.message });
      return;
    }
    const fromDisk = doc.sidecar.sidecar.annotations;
    if (sameAnnotationSet(fromDisk, now.savedAnnotations) || sameAnnotationSet(fromDisk, now.annotations)) return;
    if (hasUnsavedWork(store)) now.mergeAnnotations(fromDisk);
    else now.reloadAnnotations(fromDisk);
    refreshListing();
  }

  let listingTimer: ReturnType<typeof setTimeout> | null = null;
  function refreshListing(): void {
    if (listingTimer) clearTimeout(listingTimer);
    listingTimer = setTimeout(() => {
      void host.getWorkspace({}).then((ws) => {
        if (ws && ws.root === store.getState().workspace?.root) store.getState().setWorkspace(ws);
      });
    }, 300);
  }

  const unsubscribe = host.onEvent((event: HostEvent) => {
    if (event.type === 'workspace-changed') void adoptWorkspace(event.workspace);
    else if (event.type === 'menu-command') runMenuCommand(event.command);
    else if (event.type === 'file-changed') void onFileChanged(event.path, event.kind);
  });

  return session;
}
