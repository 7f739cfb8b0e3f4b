// Mounts the ProseMirror reader for the open document and feeds it the store's annotations.
import { useEffect, useRef, useState } from 'react';
import { ReaderLayout } from '../reader/reader-layout.js';
import { ReaderView } from '../reader/reader-view.js';
import type { GlossState } from '../state/gloss-store.js';
import { markReaderBuilt } from '../perf-marks.js';
import { useApp, useGloss } from './session-context.js';
import { runShortcut } from './shortcuts.js';
import { panelGate } from './panel-gate.js';
import { HighlightFeed } from './highlight-feed.js';
import { rehearseKeysOnce } from './key-rehearsal.js';
import { HoverCard, type HoverState } from './HoverCard.js';
import { LinkBar, linkSelectedTo } from './LinkBar.js';
import { TextEditor } from './TextEditor.js';
import { furnitureBlocks } from '../../shared/furniture.js';

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
    const feed = new HighlightFeed(store);
    const view = new ReaderView(
      mount,
      layout,
      {
        onKey: (event) => runShortcut(event, app),
        tagRange: (tag, start, end) => store.getState().addAnnotation(tag, start, end),
        // Clicks and sticky tagging, like keys, show their highlight before the panels follow.
        clickAnnotation: (id) =>
          panelGate.hold(() => {
            const s = store.getState();
            if (s.linkingFrom && id) linkSelectedTo(store, s.linkingFrom, { file: null, id });
            else s.select(id);
          }),
        clickSuggestion: (id) => store.getState().focusSuggestion(id),
        selectionMade: () => {
          const sticky = store.getState().stickyTag;
          if (sticky) panelGate.hold(() => view.tagSelection(sticky));
        },
        hover: (ids, x, y) => setHover(ids.length ? { ids, x, y } : null),
      },
      feed.input(store.getState()),
    );
    reader.current = view;
    const pushSuggestions = (s: GlossState) => view.setSuggestions({ suggestions: s.suggestions ?? [], currentId: s.currentSuggestion });
    if (store.getState().suggestions) pushSuggestions(store.getState());
    markReaderBuilt();
    rehearseKeysOnce();
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
      if (feed.changed(s, prev)) view.setHighlights(feed.input(s));
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
