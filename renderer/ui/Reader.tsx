// Mounts the ProseMirror reader for the open document and feeds it the store's annotations.
import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../shared/sidecar-format.js';
import { tagById } from '../../shared/tags.js';
import { ReaderLayout } from '../reader/reader-layout.js';
import { ReaderView } from '../reader/reader-view.js';
import type { GlossState } from '../state/gloss-store.js';
import { markReaderBuilt } from '../perf-marks.js';
import { useApp, useGloss } from './session-context.js';
import { runShortcut } from './shortcuts.js';
import { HoverCard, type HoverState } from './HoverCard.js';
import { LinkBar, linkSelectedTo } from './LinkBar.js';
import { TextEditor } from './TextEditor.js';
import { furnitureBlocks } from '../../shared/furniture.js';

function idsWith(anchors: GlossState['anchors'], status: 'orphaned' | 'fuzzy'): Set<string> {
  return new Set(Object.entries(anchors).filter(([, note]) => note.status === status).map(([id]) => id));
}

/** Ids that carry a link marker: they link to something, or something links to them. */
function linkedIds(s: GlossState): Set<string> {
  const ids = new Set<string>();
  const path = s.document?.path;
  for (const a of s.annotations) {
    if (a.links.length === 0) continue;
    ids.add(a.id);
    for (const l of a.links) if ((l.file ?? path) === path) ids.add(l.target);
  }
  for (const l of s.externalLinks) ids.add(l.target);
  return ids;
}

/**
 * Whether a change of the annotation list can change which ids carry link markers. The list is
 * immutable and kept in order, so the change lies between the unchanged head and tail (found by
 * identity); a change there that adds or removes no link, and removes no link target, leaves the
 * markers as they are. Saves a scan of 10,000 annotations on most tag and delete keys.
 */
function mayChangeLinked(prev: readonly Annotation[], next: readonly Annotation[], linked: ReadonlySet<string>): boolean {
  let head = 0;
  const shorter = Math.min(prev.length, next.length);
  while (head < shorter && prev[head] === next[head]) head++;
  let tail = 0;
  while (tail < shorter - head && prev[prev.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  for (let i = head; i < prev.length - tail; i++) if (prev[i]!.links.length > 0 || linked.has(prev[i]!.id)) return true;
  for (let i = head; i < next.length - tail; i++) if (next[i]!.links.length > 0 || linked.has(next[i]!.id)) return true;
  return false;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

export function Reader() {
  const app = useApp();
  const { session, reader } = app;
  const { store } = session;
  const document = useGloss((s) => s.document);
  const documentError = useGloss((s) => s.documentError);
  const loadingPath = useGloss((s) => s.loadingPath);
  const editingText = useGloss((s) => s.editingText);
  const mountRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<HoverState | null>(null);
  const hideFurniture = useGloss((s) => s.hideFurniture);

  useEffect(() => {
    const mount = mountRef.current;
    if (!document || !mount || editingText) return;
    const layout = new ReaderLayout(document.text, document.format, document.structure);
    let hidden = idsWith(store.getState().anchors, 'orphaned');
    let fuzzy = idsWith(store.getState().anchors, 'fuzzy');
    let linked = linkedIds(store.getState());
    const describe = (a: Annotation) => {
      const tags = store.getState().tags;
      const person = a.attributes.speaker ?? a.attributes.claimant ?? a.attributes.denier;
      const text = a.exact.length > 60 ? `${a.exact.slice(0, 60)}…` : a.exact;
      return `${tagById(tags, a.tag).label}${person ? ` (${person})` : ''}: ${text}`;
    };
    const input = (s: GlossState) => ({ annotations: s.annotations, hidden, fuzzy, linked, selectedId: s.selectedId, describe });
    const view = new ReaderView(
      mount,
      layout,
      {
        onKey: (event) => runShortcut(event, app),
        tagRange: (tag, start, end) => store.getState().addAnnotation(tag, start, end),
        clickAnnotation: (id) => {
          const s = store.getState();
          if (s.linkingFrom && id) linkSelectedTo(store, s.linkingFrom, { file: null, id });
          else s.select(id);
        },
        clickSuggestion: (id) => store.getState().focusSuggestion(id),
        selectionMade: () => {
          const sticky = store.getState().stickyTag;
          if (sticky) view.tagSelection(sticky);
        },
        hover: (ids, x, y) => setHover(ids.length ? { ids, x, y } : null),
      },
      input(store.getState()),
      mount.closest('.reader'),
    );
    reader.current = view;
    const push = (s: GlossState) => view.setHighlights(input(s));
    const pushSuggestions = (s: GlossState) => view.setSuggestions({ suggestions: s.suggestions ?? [], currentId: s.currentSuggestion });
    if (store.getState().suggestions) pushSuggestions(store.getState());
    markReaderBuilt();
    // Page furniture of plain texts, found when the page is idle so opening does not wait for it.
    const furnitureTimer =
      document.format === 'txt' || document.format === 'md'
        ? requestIdleCallback(
            () => {
              const blocks = furnitureBlocks(document.text.text, layout.blocks);
              view.setFurniture(blocks);
              store.getState().setFurnitureCount(blocks.length);
            },
            { timeout: 2000 },
          )
        : null;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.anchors !== prev.anchors) {
        hidden = idsWith(s.anchors, 'orphaned');
        fuzzy = idsWith(s.anchors, 'fuzzy');
      }
      if (s.externalLinks !== prev.externalLinks || (s.annotations !== prev.annotations && mayChangeLinked(prev.annotations, s.annotations, linked))) {
        const next = linkedIds(s);
        if (!sameSet(next, linked)) linked = next;
      }
      if (s.annotations !== prev.annotations || s.selectedId !== prev.selectedId || s.anchors !== prev.anchors || s.externalLinks !== prev.externalLinks) push(s);
      if (s.suggestions !== prev.suggestions || s.currentSuggestion !== prev.currentSuggestion) {
        pushSuggestions(s);
        const current = s.currentSuggestion && s.currentSuggestion !== prev.currentSuggestion ? s.suggestions?.find((x) => x.id === s.currentSuggestion) : undefined;
        if (current) view.scrollToOffset(current.start);
      }
      if (s.reveal && s.reveal !== prev.reveal) {
        const target = s.annotations.find((a) => a.id === s.reveal!.id);
        if (target) view.reveal(target.id, target.start);
      }
    });
    view.focus();
    return () => {
      if (furnitureTimer !== null) cancelIdleCallback(furnitureTimer);
      unsubscribe();
      if (reader.current === view) reader.current = null;
      view.destroy();
    };
  }, [document, store, reader, editingText]);

  if (!document) {
    return (
      <section className="reader reader-empty" aria-label="Reader">
        {loadingPath ? <p>Opening {loadingPath}…</p> : documentError ? <p className="error" role="alert">{documentError}</p> : <p>Choose an article in the folder panel.</p>}
      </section>
    );
  }
  if (editingText) return <TextEditor />;
  return (
    <section className={`reader${hideFurniture ? ' hide-furniture' : ''}`} aria-label="Reader">
      <header className="reader-title">
        <h1>{document.name}</h1>
        {document.readOnlyReason && <ReadOnlyBanner reason={document.readOnlyReason} backupAvailable={document.backupAvailable} damaged={document.sidecarDamaged} />}
        <SourceInfo />
        <LinkBar />
      </header>
      <div className={`reader-mount format-${document.format}`} ref={mountRef} />
      {hover && <HoverCard {...hover} />}
    </section>
  );
}

/**
 * What the source says about itself (extracted formats: title, byline, date, site, address), the
 * extractor's warnings, the switch between an HTML page's article and its whole text, and for
 * plain texts the page furniture found at its end, which can be hidden (the text is unchanged).
 */
function SourceInfo() {
  const { session } = useApp();
  const store = session.store;
  const document = useGloss((s) => s.document)!;
  const furniture = useGloss((s) => s.furnitureCount);
  const hide = useGloss((s) => s.hideFurniture);
  const meta = document.fingerprint.metadata;
  const facts = meta ? [meta.byline, meta.published, meta.site].filter(Boolean) : [];
  return (
    <>
      {meta && (meta.title || facts.length > 0 || meta.canonicalUrl) && (
        <div className="source-meta" data-testid="source-meta">
          {meta.title && <p className="source-title">{meta.title}</p>}
          {facts.length > 0 && <p className="source-facts">{facts.join(' · ')}</p>}
          {meta.canonicalUrl && <p className="source-url">{meta.canonicalUrl}</p>}
        </div>
      )}
      {document.warnings.map((w) => (
        <p key={w} className="source-warning" role="note">
          {w}
        </p>
      ))}
      <div className="source-actions">
        {document.hasWholeView && (
          <button type="button" aria-pressed={document.view === 'whole'} onClick={() => void session.openDocument(document.path, document.view === 'whole' ? 'article' : 'whole')}>
            {document.view === 'whole' ? 'Show the extracted article' : 'Show the whole page text'}
          </button>
        )}
        {furniture > 0 && (
          <button type="button" aria-pressed={hide} onClick={() => store.getState().setHideFurniture(!hide)} title="Lines that look like page furniture (CSS, embeds, related links): the file and offsets stay as they are">
            {hide ? `Show page furniture (${furniture})` : `Hide page furniture (${furniture})`}
          </button>
        )}
      </div>
    </>
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
