// The session ties the store to a host: it loads the host's workspace, opens documents (saving
// the previous one first), follows host events and keeps autosave running. Components call these
// functions; they never call the host themselves.
import type { FolderAnnotation, GlossHost, HostEvent, MenuCommand } from '../../shared/contract.js';
import { idFromLabel } from '../../shared/tag-set.js';
import type { TagDefinition } from '../../shared/tags.js';
import { targetKey } from './tags-slice.js';
import { filtersEmpty } from './corpus-slice.js';
import { sameAnnotationSet } from '../../shared/merge.js';
import { linksInto } from '../../shared/links.js';
import { markOpenRequested } from '../perf-marks.js';
import { startAutosave, hasUnsavedWork, type Autosave, type AutosaveOptions } from './autosave.js';
import type { GlossState, GlossStore } from './gloss-store.js';

export interface GlossSession {
  host: GlossHost;
  store: GlossStore;
  start(): Promise<void>;
  /** Open an article (for an HTML page, `view` chooses the extracted article or the whole page's text). */
  openDocument(path: string, view?: 'article' | 'whole'): Promise<void>;
  /** Add files dropped on the window to the folder, and open the first. */
  addDroppedFiles(files: File[]): Promise<void>;
  /** Open an article and select (and scroll to) one of its annotations. */
  openAt(path: string, id: string): Promise<void>;
  openFolder(path: string | null): Promise<void>;
  openFile(path: string | null): Promise<void>;
  /** Recover from a damaged sidecar: restore its backup, or start over; the damaged file is kept aside. */
  recoverSidecar(action: 'restore-backup' | 'start-over'): Promise<void>;
  /** Save the folder's tag set (colours, keys, attributes, new tags). Resolves to an error message, or null. */
  saveTagSet(tags: TagDefinition[]): Promise<string | null>;
  /** Rename a tag (or map it onto an existing one) in the tag set and every sidecar of the folder. */
  renameTag(from: string, label: string, to?: string): Promise<string | null>;
  /** People to offer for person fields: named in the open article, then used in the folder. */
  people(): Promise<{ inArticle: string[]; inFolder: { name: string; count: number }[] }>;
  /** Annotations of other articles that may be link targets. */
  findInFolder(query: string, tags: string[]): Promise<FolderAnnotation[]>;
  /** Delete an annotation; links to it from other articles are removed too (the UI asks first). */
  deleteAnnotation(id: string): Promise<void>;
  /** Delete at once, or, when other annotations link to it, ask first (sets `pendingDelete`). */
  requestDelete(id: string): void;
  /** Search the folder's annotations with the store's filters. */
  search(): Promise<void>;
  /** Fetch the folder's statistics (for the statistics view). */
  loadStatistics(): Promise<void>;
  /** Ask the engine for suggestions on the open article and show them for review. */
  suggest(): Promise<void>;
  /** Fetch what the open article's links point to in other articles, and the links into it. */
  refreshLinks(): Promise<void>;
  hasUnsavedWork(): boolean;
  flush(): Promise<void>;
  dispose(): void;
}

/** Whether any annotation, of this article or (as far as known) of another, links to annotation `id`: deleting it then asks first. */
export function hasIncomingLinks(s: GlossState, id: string): boolean {
  return (s.document !== null && linksInto(s.annotations, s.document.path, id).length > 0) || s.externalLinks.some((l) => l.target === id);
}

/** The analyst's choice to run Suggest whenever an article opens (kept in this browser profile). */
export const SUGGEST_ON_OPEN_KEY = 'gloss.suggestOnOpen';
function suggestOnOpen(): boolean {
  try {
    return globalThis.localStorage?.getItem(SUGGEST_ON_OPEN_KEY) === 'true';
  } catch {
    return false;
  }
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
      if (workspace) {
        await loadTagSet();
        countInBackground();
      }
      const requested = new URLSearchParams(globalThis.location?.search ?? '').get('file');
      const first = workspace?.files.find((f) => f.path === requested) ?? (workspace?.kind === 'file' ? workspace.files[0] : undefined);
      if (first) await session.openDocument(first.path);
    },

    async openDocument(path, view) {
      markOpenRequested();
      const seq = ++openSeq;
      await autosave.flush();
      store.getState().setLoading(path);
      try {
        const doc = await host.readDocument(view ? { path, view } : { path });
        performance.mark('gloss:document-received');
        if (seq === openSeq) store.getState().showDocument(doc);
        performance.mark('gloss:document-shown');
        if (seq === openSeq) void session.refreshLinks();
        if (seq === openSeq && suggestOnOpen()) void session.suggest();
      } catch (err) {
        if (seq === openSeq) store.getState().setDocumentError((err as Error).message);
      }
    },

    async addDroppedFiles(files) {
      let first: string | null = null;
      for (const file of files) {
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          let binary = '';
          for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          const { path } = await host.addSourceFile({ name: file.name, base64: btoa(binary) });
          first ??= path;
          store.getState().setNotice({ level: 'info', text: `Added ${file.name} to the folder as ${path}.` });
        } catch (err) {
          store.getState().setNotice({ level: 'warning', text: `${file.name} was not added: ${(err as Error).message}` });
        }
      }
      if (first) {
        const ws = await host.getWorkspace({});
        if (ws) store.getState().setWorkspace(ws);
        await session.openDocument(first);
      }
    },

    async openAt(path, id) {
      if (store.getState().document?.path !== path) await session.openDocument(path);
      if (store.getState().annotations.some((a) => a.id === id)) store.getState().select(id, { reveal: true });
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

    async saveTagSet(tags) {
      try {
        store.getState().setTagSet(await host.saveTagSet({ tags }));
        return null;
      } catch (err) {
        return (err as Error).message;
      }
    },

    async renameTag(from, label, to) {
      await autosave.flush();
      const s = store.getState();
      const taken = (s.tagSet?.tags ?? []).map((t) => t.id).filter((id) => id !== from);
      const target = to ?? idFromLabel(label, taken);
      try {
        const result = await host.renameTag({ from, to: target, label });
        store.getState().setTagSet(result.tagSet);
        const notice = {
          level: 'info' as const,
          text: `${to ? 'Mapped' : 'Renamed'} "${from}" to "${label}": ${result.annotationsChanged} annotation${result.annotationsChanged === 1 ? '' : 's'} in ${result.filesChanged} file${result.filesChanged === 1 ? '' : 's'}.`,
        };
        const doc = store.getState().document;
        if (doc) {
          const fresh = await host.readDocument({ path: doc.path });
          if (fresh.sidecar.kind === 'ok') store.getState().reloadAnnotations(fresh.sidecar.sidecar.annotations, { sidecarTags: fresh.sidecar.sidecar.tags, notice });
        } else store.getState().setNotice(notice);
        refreshListing();
        return null;
      } catch (err) {
        return (err as Error).message;
      } finally {
        store.getState().setProgress(null);
      }
    },

    async people() {
      const doc = store.getState().document;
      if (!doc) return { inArticle: [], inFolder: [] };
      let cached = peopleCache.get(doc.path);
      if (!cached) {
        cached = host.listPeople({ path: doc.path });
        peopleCache.set(doc.path, cached);
        cached.catch(() => peopleCache.delete(doc.path));
      }
      return cached;
    },

    async findInFolder(query, tags) {
      const doc = store.getState().document;
      const { results } = await host.findAnnotations({ text: query, tags, limit: 200 });
      return results.filter((r) => r.file !== doc?.path);
    },

    async deleteAnnotation(id) {
      const s = store.getState();
      const doc = s.document;
      if (!doc) return;
      const external = s.externalLinks.filter((l) => l.target === id);
      s.deleteAnnotation(id);
      if (external.length === 0) return;
      try {
        const { linksRemoved, filesChanged } = await host.removeLinksTo({ path: doc.path, id });
        store.getState().setExternalLinks(store.getState().externalLinks.filter((l) => l.target !== id));
        store.getState().setNotice({ level: 'info', text: `Removed ${linksRemoved} link${linksRemoved === 1 ? '' : 's'} to it from ${filesChanged} other article${filesChanged === 1 ? '' : 's'}.` });
      } catch (err) {
        store.getState().setNotice({ level: 'warning', text: `The annotation was deleted, but links to it in other articles could not be removed: ${(err as Error).message}` });
      }
    },

    async search() {
      const f = store.getState().filters;
      if (filtersEmpty(f)) {
        store.getState().setSearchResults(null);
        return;
      }
      const seq = ++searchSeq;
      store.getState().setSearching(true);
      const started = performance.now();
      try {
        const attributes = Object.fromEntries(Object.entries(f.attributes).filter(([, v]) => v));
        const found = await host.findAnnotations({
          limit: 2000,
          ...(f.text.trim() ? { text: f.text } : {}),
          ...(f.tags.length ? { tags: f.tags } : {}),
          ...(f.person.trim() ? { person: f.person } : {}),
          ...(f.note.trim() ? { note: f.note } : {}),
          ...(f.files.length ? { files: f.files } : {}),
          ...(Object.keys(attributes).length ? { attributes } : {}),
        });
        if (seq === searchSeq) store.getState().setSearchResults({ ...found, millis: Math.round(performance.now() - started) });
      } catch (err) {
        if (seq !== searchSeq) return;
        store.getState().setSearching(false);
        store.getState().setNotice({ level: 'warning', text: `Search failed: ${(err as Error).message}` });
      }
    },

    async loadStatistics() {
      try {
        store.getState().setStatistics(await host.folderStatistics({}));
      } catch (err) {
        store.getState().setNotice({ level: 'warning', text: `Statistics could not be made: ${(err as Error).message}` });
      }
    },

    async suggest() {
      const doc = store.getState().document;
      if (!doc || store.getState().suggesting) return;
      store.getState().setSuggesting(true);
      try {
        const { suggestions, millis } = await host.suggest({ path: doc.path });
        if (store.getState().document?.path !== doc.path) return;
        store.getState().setSuggestions(suggestions);
        const shown = store.getState().suggestions?.length ?? 0;
        const hidden = suggestions.length - shown;
        store.getState().setNotice({
          level: 'info',
          text: `${shown} suggestion${shown === 1 ? '' : 's'} to review (${millis} ms)${hidden ? `; ${hidden} left out (already annotated or rejected before)` : ''}. Enter accepts, Backspace rejects, N / P move.`,
        });
      } catch (err) {
        store.getState().setSuggesting(false);
        store.getState().setNotice({ level: 'warning', text: `Suggestions could not be made: ${(err as Error).message}` });
      }
    },

    requestDelete(id) {
      const doc = store.getState().document;
      if (!doc || doc.readOnlyReason) return;
      // Links from other articles must be known before deciding whether to ask.
      if (linksLoadedFor !== doc.path) {
        void session.refreshLinks().then(() => store.getState().document?.path === doc.path && linksLoadedFor === doc.path && session.requestDelete(id));
        return;
      }
      const s = store.getState();
      if (!s.document) return;
      if (hasIncomingLinks(s, id)) s.setPendingDelete(id);
      else void session.deleteAnnotation(id);
    },

    async refreshLinks() {
      const doc = store.getState().document;
      if (!doc) return;
      try {
        const refs = store
          .getState()
          .annotations.flatMap((a) => a.links)
          .filter((l) => l.file && l.file !== doc.path)
          .map((l) => ({ file: l.file!, id: l.target }));
        const [incoming, targets] = await Promise.all([host.linksInto({ path: doc.path }), refs.length ? host.lookupAnnotations({ refs }) : Promise.resolve([])]);
        if (store.getState().document?.path !== doc.path) return;
        store.getState().setExternalLinks(incoming);
        linksLoadedFor = doc.path;
        const found: Record<string, FolderAnnotation | null> = {};
        for (const r of refs) found[targetKey(r.file, r.id)] = null;
        for (const t of targets) found[targetKey(t.file, t.id)] = t;
        store.getState().setLinkTargets(found);
      } catch {
        // Links from other articles are extra information; the article itself is open and usable.
      }
    },

    hasUnsavedWork: () => hasUnsavedWork(store) || store.getState().textEdited,
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

  const peopleCache = new Map<string, ReturnType<GlossHost['listPeople']>>();
  let searchSeq = 0;
  /** The article whose links from other articles are loaded (deleting asks only once they are known). */
  let linksLoadedFor: string | null = null;

  /** Have the host count (and index) the folder's annotations; counts arrive as events. */
  function countInBackground(): void {
    host.countAnnotations({}).catch((err: Error) => store.getState().setNotice({ level: 'warning', text: `Could not count the folder's annotations: ${err.message}` }));
  }

  async function loadTagSet(): Promise<void> {
    try {
      const tagSet = await host.getTagSet({});
      store.getState().setTagSet(tagSet);
      if (tagSet.problem) store.getState().setNotice({ level: 'warning', text: tagSet.problem });
    } catch (err) {
      store.getState().setNotice({ level: 'warning', text: `The folder's tags could not be read: ${(err as Error).message}` });
    }
  }

  async function adoptWorkspace(workspace: NonNullable<Awaited<ReturnType<GlossHost['getWorkspace']>>>): Promise<void> {
    await autosave.flush();
    const current = store.getState().workspace;
    store.getState().setWorkspace(workspace);
    // The same folder again (a host event echoing our own request) only refreshes the list.
    if (current && current.root === workspace.root && current.kind === workspace.kind) return;
    peopleCache.clear();
    store.getState().closeDocument();
    await loadTagSet();
    countInBackground();
    if (workspace.kind === 'file' && workspace.files[0]) await session.openDocument(workspace.files[0].path);
  }

  function runMenuCommand(command: MenuCommand): void {
    const s = store.getState();
    if (command === 'undo') s.undo();
    else if (command === 'redo') s.redo();
    else if (command === 'delete-annotation' && s.selectedId) session.requestDelete(s.selectedId);
  }

  /**
   * Another program changed a file of the open document. A changed source is re-read and the
   * annotations placed on it again; a changed sidecar is reloaded when nothing is unsaved here,
   * and merged by id with the unsaved work otherwise. Never a silent overwrite either way.
   */
  async function onFileChanged(path: string, kind: 'source' | 'sidecar' | 'tags'): Promise<void> {
    if (kind === 'tags') {
      await loadTagSet();
      store.getState().setNotice({ level: 'info', text: 'The folder\'s tags were changed by another program; Gloss reloaded them.' });
      return;
    }
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
    else if (event.type === 'folder-counts') store.getState().applyCounts(event.counts, event.done, event.total);
    else if (event.type === 'progress') store.getState().setProgress(event.done < event.total || event.task === 'export' ? { task: event.task, done: event.done, total: event.total } : null);
  });

  return session;
}
