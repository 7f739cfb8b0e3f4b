// The annotation list: every annotation of the open document in text order, virtualized so that
// thousands stay smooth. Clicking an entry selects it and scrolls the reader to it; orphans (whose
// text could not be found) are listed with a mark, never hidden.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef } from 'react';
import { groupByLinkTarget } from '../../shared/links.js';
import { linkDefinition, tagById } from '../../shared/tags.js';
import { AnnotationDetails } from './AnnotationDetails.js';
import { OrphansTray } from './OrphansTray.js';
import { SuggestionsPanel } from './SuggestionsPanel.js';
import { anchorStatusCounts } from '../state/document-slice.js';
import { useApp, useGloss } from './session-context.js';

const ROW_HEIGHT = 58;

export function AnnotationList() {
  const { session } = useApp();
  // Deferred: after a keystroke the reader's highlight is painted first, the list catches up right after.
  const annotations = useDeferredValue(useGloss((s) => s.annotations));
  const tags = useGloss((s) => s.tags);
  const anchors = useGloss((s) => s.anchors);
  const selectedId = useGloss((s) => s.selectedId);
  const hasDocument = useGloss((s) => s.document !== null);
  // The store keeps annotations in text order. Orphans are listed in their own tray.
  const hasOrphans = useGloss((s) => anchorStatusCounts(s.anchors).orphaned > 0);
  const docPath = useGloss((s) => s.document?.path ?? '');
  const sorted = useMemo(() => (hasOrphans ? annotations.filter((a) => anchors[a.id]?.status !== 'orphaned') : annotations), [annotations, anchors, hasOrphans]);
  // Claims with their denials and supporting quotes right under them.
  const grouped = useMemo(() => groupByLinkTarget(sorted, docPath), [sorted, docPath]);
  const rowAt = (i: number) => (grouped ? grouped[i]! : { annotation: sorted[i]!, via: null });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: sorted.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  if (!hasDocument) return <aside className="annotation-panel" aria-label="Annotations" />;
  return (
    <aside className="annotation-panel" aria-label="Annotations">
      <h2>
        Annotations <span className="count" data-testid="annotation-count">{sorted.length}</span>
      </h2>
      <SuggestionsPanel />
      <OrphansTray />
      <div className="annotation-list" ref={scrollRef} role="listbox" aria-label="Annotations in this article">
        {sorted.length === 0 && <p className="empty">No annotations yet. Select a passage and press 1, 2 or 3.</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const { annotation: a, via } = rowAt(item.index);
            const tag = tagById(tags, a.tag);
            const note = anchors[a.id];
            return (
              <div
                key={a.id}
                role="option"
                aria-selected={a.id === selectedId}
                tabIndex={a.id === selectedId ? 0 : -1}
                className={`annotation-row${a.id === selectedId ? ' selected' : ''}${via ? ' linked-row' : ''}`}
                data-ann-id={a.id}
                data-tag={a.tag}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => session.store.getState().select(a.id, { reveal: true })}
              >
                <span className="row-tag">
                  <span className="swatch" aria-hidden="true" />
                  {via && <span className="row-via">{linkDefinition(tags, via.type).label} ↑ · </span>}
                  {tag.label}
                  {note && <AnchorBadge status={note.status} score={note.score} />}
                </span>
                <span className="row-text">{a.exact}</span>
                {a.note && <span className="row-note">{a.note}</span>}
              </div>
            );
          })}
        </div>
      </div>
      <AnnotationDetails />
    </aside>
  );
}

/** How an annotation was placed on a changed source: moved, fuzzy (to review, with its score) or orphaned. */
export function AnchorBadge({ status, score }: { status: 'moved' | 'fuzzy' | 'orphaned'; score?: number | undefined }) {
  const label = status === 'fuzzy' ? `review · ${Math.round((score ?? 0) * 100)}%` : status;
  const title =
    status === 'fuzzy'
      ? 'The text changed here; Gloss placed this annotation by an approximate match. Review and accept it.'
      : status === 'moved'
        ? 'The source changed; this annotation was found at a new place.'
        : 'Its text is no longer in the source.';
  return (
    <span className={`status status-${status}`} title={title}>
      {label}
    </span>
  );
}
