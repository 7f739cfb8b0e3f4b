// The Orphans tray: annotations whose text could not be found in the current source. They are
// never dropped: the analyst re-attaches each to a new selection, or deletes it.
import { useMemo } from 'react';
import { tagById } from '../../shared/tags.js';
import { anchorStatusCounts } from '../state/document-slice.js';
import { useApp, useGloss } from './session-context.js';

export function OrphansTray() {
  // Only a document with orphans renders the tray, so tag and delete keys do not render it.
  const hasOrphans = useGloss((s) => anchorStatusCounts(s.anchors).orphaned > 0);
  return hasOrphans ? <OrphanList /> : null;
}

function OrphanList() {
  const { session, reader } = useApp();
  const annotations = useGloss((s) => s.annotations);
  const anchors = useGloss((s) => s.anchors);
  const tags = useGloss((s) => s.tags);
  const readOnly = useGloss((s) => s.document?.readOnlyReason !== null);
  const orphans = useMemo(() => annotations.filter((a) => anchors[a.id]?.status === 'orphaned'), [annotations, anchors]);
  if (orphans.length === 0) return null;

  const reattach = (id: string) => {
    const range = reader.current?.selectionOffsets();
    if (!range) {
      session.store.getState().setNotice({ level: 'info', text: 'Select the passage in the reader first, then press Re-attach.' });
      return;
    }
    session.store.getState().reattach(id, range.start, range.end);
  };

  return (
    <section className="orphans" aria-label="Orphans">
      <h3>
        Orphans <span className="count">{orphans.length}</span>
      </h3>
      <p className="hint">Their text is no longer in the source. Select the passage they belong to, then re-attach.</p>
      <ul>
        {orphans.map((a) => (
          <li key={a.id} data-ann-id={a.id} data-tag={a.tag}>
            <span className="row-tag">
              <span className="swatch" aria-hidden="true" />
              {tagById(tags, a.tag).label}
            </span>
            <q className="orphan-text">{a.exact}</q>
            <span className="orphan-actions">
              <button type="button" disabled={readOnly} onMouseDown={(e) => e.preventDefault()} onClick={() => reattach(a.id)}>
                Re-attach to selection
              </button>
              <button type="button" className="danger" disabled={readOnly} onClick={() => session.store.getState().deleteAnnotation(a.id)}>
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
