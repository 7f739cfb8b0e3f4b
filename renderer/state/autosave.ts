// Saves annotation changes on its own: a short debounce after the last change, then one atomic
// write through the host. Only what changed since the last save is sent (found by identity
// against `savedAnnotations`, the store's annotations being immutable), so saving a document with
// 10,000 annotations does not block the page. A failed save keeps the work in memory, says why in
// the status bar and is retried; switching documents or leaving the page flushes first.
import type { GlossHost } from '../../shared/contract.js';
import type { Annotation } from '../../shared/sidecar-format.js';
import type { GlossStore } from './gloss-store.js';

export interface AutosaveOptions {
  /** Quiet time after the last change before saving. Well under the 1 s users are promised. */
  delayMs?: number;
  /** Wait before trying a failed save again. */
  retryMs?: number;
}

export interface Autosave {
  /** Save now if anything is unsaved; resolves when the document's changes are on disk (or failed). */
  flush(): Promise<void>;
  dispose(): void;
}

export function startAutosave(store: GlossStore, host: GlossHost, options: AutosaveOptions = {}): Autosave {
  const delayMs = options.delayMs ?? 400;
  const retryMs = options.retryMs ?? 3000;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();

  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void queueSave();
    }, ms);
  };

  /** Saves run one after another, never two at once. */
  const queueSave = (): Promise<void> => {
    running = running.then(saveOnce);
    return running;
  };

  async function saveOnce(): Promise<void> {
    const s = store.getState();
    const doc = s.document;
    if (!doc || doc.readOnlyReason || s.revision === s.savedRevision) return;
    const revision = s.revision;
    const annotations = s.annotations;
    const { upsert, remove } = changesSince(s.savedAnnotations, annotations);
    const rejected = s.rejectedSuggestions;
    const rejectedChanged = rejected !== s.savedRejectedSuggestions;
    s.setSaveStatus({ kind: 'saving' });
    try {
      const { savedAt } = await host.saveAnnotations({ path: doc.path, source: doc.fingerprint, tags: s.tags, upsert, remove, ...(rejectedChanged ? { rejectedSuggestions: rejected } : {}) });
      const now = store.getState();
      if (now.document?.path !== doc.path) return;
      now.setSaveStatus(now.revision === revision ? { kind: 'saved', at: savedAt } : { kind: 'pending' }, revision, annotations);
      if (rejectedChanged) now.markRejectedSaved(rejected);
      const byTag: Record<string, number> = {};
      for (const a of annotations) byTag[a.tag] = (byTag[a.tag] ?? 0) + 1;
      now.setFileCount(doc.path, annotations.length, byTag);
    } catch (err) {
      const now = store.getState();
      if (now.document?.path !== doc.path) return;
      now.setSaveStatus({ kind: 'error', message: (err as Error).message });
      schedule(retryMs);
    }
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.revision !== prev.revision && s.document && s.document === prev.document) {
      if (s.saveStatus.kind !== 'error') s.setSaveStatus({ kind: 'pending' });
      schedule(delayMs);
    }
  });

  return {
    flush: () => {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      return queueSave();
    },
    dispose: () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    },
  };
}

/** True while changes of the open document are not yet on disk. */
export function hasUnsavedWork(store: GlossStore): boolean {
  const s = store.getState();
  return Boolean(s.document && !s.document.readOnlyReason && s.revision !== s.savedRevision);
}

/** What changed from `saved` to `current`: annotations that are new or different objects, and ids that are gone. */
export function changesSince(saved: readonly Annotation[], current: readonly Annotation[]): { upsert: Annotation[]; remove: string[] } {
  const savedById = new Map(saved.map((a) => [a.id, a]));
  const upsert: Annotation[] = [];
  for (const a of current) {
    if (savedById.get(a.id) !== a) upsert.push(a);
    savedById.delete(a.id);
  }
  return { upsert, remove: [...savedById.keys()] };
}
