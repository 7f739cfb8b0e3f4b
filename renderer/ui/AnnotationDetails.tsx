// The selected annotation: its tag (re-tag with a click), its note, and delete.
import { useEffect, useMemo, useState } from 'react';
import { tagById } from '../../shared/tags.js';
import { AnchorBadge } from './AnnotationList.js';
import { useApp, useGloss } from './session-context.js';

export function AnnotationDetails() {
  const { session } = useApp();
  const store = session.store;
  const selectedId = useGloss((s) => s.selectedId);
  const annotations = useGloss((s) => s.annotations);
  const selected = useMemo(() => (selectedId ? (annotations.find((a) => a.id === selectedId) ?? null) : null), [annotations, selectedId]);
  const tags = useGloss((s) => s.tags);
  const anchorNote = useGloss((s) => (s.selectedId ? s.anchors[s.selectedId] : undefined));
  const currentText = useGloss((s) => (s.selectedId && s.document && selected ? s.document.text.slice(selected.start, selected.end) : ''));
  const readOnly = useGloss((s) => s.document?.readOnlyReason !== null);
  const [note, setNote] = useState('');

  useEffect(() => setNote(selected?.note ?? ''), [selected?.id, selected?.note]);

  if (!selected) return <section className="annotation-details empty" aria-label="Selected annotation">Select an annotation to edit it.</section>;
  const tag = tagById(tags, selected.tag);
  return (
    <section className="annotation-details" aria-label="Selected annotation" data-ann-id={selected.id}>
      <div className="details-head">
        <span className="details-tag" data-tag={selected.tag}>
          <span className="swatch" aria-hidden="true" /> {tag.label}
        </span>
        {anchorNote && <AnchorBadge status={anchorNote.status} score={anchorNote.score} />}
      </div>
      <blockquote className="details-exact">{selected.exact}</blockquote>
      {anchorNote?.status === 'fuzzy' && (
        <div className="review" role="group" aria-label="Review the changed text">
          <p>
            The source changed here. Now it reads: <q>{currentText}</q>
          </p>
          <button type="button" disabled={readOnly} onClick={() => store.getState().acceptFuzzy(selected.id)}>
            Accept the new text
          </button>
        </div>
      )}
      <div className="retag" role="group" aria-label="Change tag">
        {tags.map((t) => (
          <button key={t.id} type="button" data-tag={t.id} aria-pressed={t.id === selected.tag} disabled={readOnly} onClick={() => store.getState().retag(selected.id, t.id)}>
            <span className="swatch" aria-hidden="true" />
            {t.label}
          </button>
        ))}
      </div>
      <label className="note">
        Note
        <textarea
          value={note}
          disabled={readOnly}
          placeholder="Add a note…"
          onChange={(e) => {
            setNote(e.target.value);
            store.getState().setNote(selected.id, e.target.value);
          }}
        />
      </label>
      <button type="button" className="danger" disabled={readOnly} onClick={() => store.getState().deleteAnnotation(selected.id)}>
        Delete annotation
      </button>
    </section>
  );
}
