// The Orphans tray: annotations whose text could not be found in the current source. They are
// never dropped: the analyst re-attaches each to a new selection, or deletes it.
import { useMemo } from 'react';
import { tagById } from '../../shared/tags.js';
import { useApp, useGloss } from './session-context.js';

export function OrphansTray() {
  const { session, reader } = useApp();
  const annotations = useGloss((s) => s.annotations);
  const anchors = useGloss((s) => s.anchors);
  const tags = useGloss((s) => s.tags);
  const readOnly = useGloss((s) => s.document?.readOnlyReason !== null);
  const hasOrphans = useGloss((s) => Object.values(s.anchors).some((n) => n.status === 'orphaned'));
  const orphans = useMemo(() => (hasOrphans ? annotations.filter((a) => anchors[a.id]?.status === 'orphaned') : []), [annotations, anchors, hasOrphans]);
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
