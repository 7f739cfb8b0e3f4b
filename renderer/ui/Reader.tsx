// Mounts the ProseMirror reader for the open document and feeds it the store's annotations.
import { useEffect, useRef } from 'react';
import { ReaderLayout } from '../reader/reader-layout.js';
import { ReaderView } from '../reader/reader-view.js';
import type { GlossState } from '../state/gloss-store.js';
import { markReaderBuilt } from '../perf-marks.js';
import { useApp, useGloss } from './session-context.js';

function idsWith(anchors: GlossState['anchors'], status: 'orphaned' | 'fuzzy'): Set<string> {
  return new Set(Object.entries(anchors).filter(([, note]) => note.status === status).map(([id]) => id));
}

export function Reader() {
  const { session, reader } = useApp();
  const { store } = session;
  const document = useGloss((s) => s.document);
  const documentError = useGloss((s) => s.documentError);
  const loadingPath = useGloss((s) => s.loadingPath);
  const mountRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const mount = mountRef.current;
    if (!document || !mount) return;
    const layout = new ReaderLayout(document.text, document.format);
    let hidden = idsWith(store.getState().anchors, 'orphaned');
    let fuzzy = idsWith(store.getState().anchors, 'fuzzy');
    const input = (s: GlossState) => ({ annotations: s.annotations, hidden, fuzzy, selectedId: s.selectedId });
    const view = new ReaderView(
      mount,
      layout,
      {
        tagForKey: (key) => store.getState().tags.find((t) => t.key === key)?.id ?? null,
        tagRange: (tag, start, end) => store.getState().addAnnotation(tag, start, end),
        retagSelected: (tag) => {
          const { selectedId, retag } = store.getState();
          if (selectedId) retag(selectedId, tag);
        },
        selectAnnotation: (id) => store.getState().select(id),
        deleteSelected: () => {
          const { selectedId, deleteAnnotation } = store.getState();
          if (selectedId) deleteAnnotation(selectedId);
        },
        undo: () => store.getState().undo(),
        redo: () => store.getState().redo(),
      },
      input(store.getState()),
      mount.closest('.reader'),
    );
    reader.current = view;
    const push = (s: GlossState) => view.setHighlights(input(s));
    markReaderBuilt();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.anchors !== prev.anchors) {
        hidden = idsWith(s.anchors, 'orphaned');
        fuzzy = idsWith(s.anchors, 'fuzzy');
      }
      if (s.annotations !== prev.annotations || s.selectedId !== prev.selectedId || s.anchors !== prev.anchors) push(s);
      if (s.reveal && s.reveal !== prev.reveal) {
        const target = s.annotations.find((a) => a.id === s.reveal!.id);
        if (target) view.reveal(target.id, target.start);
      }
    });
    view.focus();
    return () => {
      unsubscribe();
      if (reader.current === view) reader.current = null;
      view.destroy();
    };
  }, [document, store, reader]);

  if (!document) {
    return (
      <section className="reader reader-empty" aria-label="Reader">
        {loadingPath ? <p>Opening {loadingPath}…</p> : documentError ? <p className="error" role="alert">{documentError}</p> : <p>Choose an article in the folder panel.</p>}
      </section>
    );
  }
  return (
    <section className="reader" aria-label="Reader">
      <header className="reader-title">
        <h1>{document.name}</h1>
        {document.readOnlyReason && <ReadOnlyBanner reason={document.readOnlyReason} backupAvailable={document.backupAvailable} damaged={document.sidecarDamaged} />}
      </header>
      <div className={`reader-mount format-${document.format}`} ref={mountRef} />
    </section>
  );
}

/** Why annotations are read-only, and for a damaged sidecar the ways out. */
function ReadOnlyBanner({ reason, backupAvailable, damaged }: { reason: string; backupAvailable: boolean; damaged: boolean }) {
  const { session } = useApp();
  return (
    <div className="banner warning" role="alert">
      <p>Annotations are read-only: {reason}</p>
      {damaged && (
        <div className="banner-actions">
          {backupAvailable && (
            <button type="button" onClick={() => void session.recoverSidecar('restore-backup')}>
              Restore the backup
            </button>
          )}
          <button type="button" onClick={() => void session.recoverSidecar('start-over')}>
            Start over (keep the damaged file aside)
          </button>
        </div>
      )}
    </div>
  );
}
