// Edit Text mode: the analyst corrects the source itself (scraper furniture, OCR errors) in a
// ProseMirror editor with one node per line. Annotations ride along through every transaction
// (carried-annotations.ts); undo and redo step through whole editor states, so they take back
// text edits and annotation changes together. Saving writes the source atomically in its own
// encoding, then the sidecar with the new fingerprint; annotations whose text was deleted are
// kept as orphans with their old text.
import { useEffect, useRef, useState } from 'react';
import { baseKeymap, splitBlock } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { createAnnotation, quoteAt, reviseAnnotation } from '../../shared/annotations.js';
import type { Annotation } from '../../shared/sidecar-format.js';
import { EditLayout, editDocToText, textToEditDoc, usualLineBreak } from '../editor/edit-document.js';
import { addCarried, carriedAnnotations, carriedPlugin, type CarriedAnnotation } from '../editor/carried-annotations.js';
import { useApp, useGloss } from './session-context.js';
import { detectFurniture } from '../../shared/furniture.js';
import { lastIndexAtOrBefore } from '../../shared/sorted-search.js';

/** Edits closer together than this undo as one step (like typing a word). */
const GROUP_MS = 600;

interface History {
  undo: EditorState[];
  redo: EditorState[];
  lastPush: number;
}

export function TextEditor() {
  const app = useApp();
  const { session, reader } = app;
  const store = session.store;
  const document = useGloss((s) => s.document)!;
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [status, setStatus] = useState({ edited: false, carried: 0, gone: 0 });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lineBreak = usualLineBreak(document.text.text);

  useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    const s = store.getState();
    const doc = textToEditDoc(document.text.text);
    const layout = new EditLayout(doc, lineBreak);
    const initial: CarriedAnnotation[] = s.annotations.map((a) => {
      const orphan = s.anchors[a.id]?.status === 'orphaned';
      return { annotation: a, from: orphan ? 0 : layout.toPos(a.start), to: orphan ? 0 : layout.toPos(a.end), gone: orphan };
    });
    const history: History = { undo: [], redo: [], lastPush: 0 };
    const startState = EditorState.create({ doc });
    let view: EditorView;

    const restore = (from: 'undo' | 'redo'): boolean => {
      const previous = history[from].pop();
      if (!previous) return true;
      history[from === 'undo' ? 'redo' : 'undo'].push(view.state);
      history.lastPush = 0;
      view.updateState(previous);
      report();
      return true;
    };
    // Enter: the line before the break gets the text's usual break, the new line keeps the old one.
    const splitLine: Command = (state, dispatch) => {
      const { $from } = state.selection;
      const eol = $from.parent.attrs.eol as string | null;
      return splitBlock(
        state,
        dispatch &&
          ((tr) => {
            const newLine = tr.selection.$from.before();
            const before = tr.doc.resolve(newLine).nodeBefore;
            if (before) tr.setNodeMarkup(newLine - before.nodeSize, null, { eol: null });
            dispatch(tr.setNodeMarkup(newLine, null, { eol }));
          }),
      );
    };
    const keys = keymap({
      'Mod-z': () => restore('undo'),
      'Mod-Shift-z': () => restore('redo'),
      'Mod-y': () => restore('redo'),
      'Mod-s': () => {
        void save();
        return true;
      },
      Escape: () => {
        leave();
        return true;
      },
      Enter: splitLine,
    });
    view = new EditorView(mount, {
      state: EditorState.create({ doc, plugins: [keys, keymap(baseKeymap), carriedPlugin(initial)], selection: TextSelection.atStart(startState.doc) }),
      attributes: { class: 'edit-doc', tabindex: '0', spellcheck: 'true', 'aria-label': 'Article text (editing)', role: 'textbox', 'aria-multiline': 'true' },
      dispatchTransaction(tr) {
        const annotationChange = tr.getMeta('gloss-annotation-change') === true;
        if (tr.docChanged || annotationChange) {
          const now = Date.now();
          if (annotationChange || now - history.lastPush > GROUP_MS) history.undo.push(view.state);
          history.lastPush = annotationChange ? 0 : now;
          history.redo = [];
        }
        view.updateState(view.state.apply(tr));
        if (tr.docChanged || annotationChange) report();
      },
    });
    viewRef.current = view;
    Object.defineProperty(view.dom, 'contentEditable', { configurable: true, get: () => 'inherit' });

    function report() {
      const entries = carriedAnnotations(view.state);
      const gone = entries.filter((e) => e.gone).length;
      const edited = history.undo.length > 0;
      setStatus({ edited, carried: entries.length - gone, gone });
      store.getState().setTextEdited(edited && !view.state.doc.eq(doc));
    }

    reader.current = {
      tagSelection(tag) {
        const { from, to, empty } = view.state.selection;
        if (empty) return false;
        const now = new EditLayout(view.state.doc, lineBreak);
        const annotation = createAnnotation(now.text, { tag, start: now.toOffset(from), end: now.toOffset(to) });
        view.dispatch(addCarried(view.state.tr, { annotation, from, to, gone: false }).setMeta('gloss-annotation-change', true));
        return true;
      },
      selectionOffsets() {
        const { from, to, empty } = view.state.selection;
        if (empty) return null;
        const now = new EditLayout(view.state.doc, lineBreak);
        return { start: now.toOffset(from), end: now.toOffset(to) };
      },
      caretOffset: () => new EditLayout(view.state.doc, lineBreak).toOffset(view.state.selection.head),
      focus: () => view.focus(),
    };
    view.focus();
    report();
    return () => {
      reader.current = null;
      viewRef.current = null;
      view.destroy();
      store.getState().setTextEdited(false);
    };
    // The editor is built once per document; saving replaces the document and leaves this mode.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document]);

  /** Delete the lines that look like page furniture (and the blank lines after them), as one undoable edit. */
  const removeFurniture = () => {
    const view = viewRef.current;
    if (!view) return;
    const doc = view.state.doc;
    const text = editDocToText(doc, lineBreak);
    const found = detectFurniture(text);
    if (found.length === 0) {
      store.getState().setNotice({ level: 'info', text: 'No page furniture found in this text.' });
      return;
    }
    // Line index of each UTF-16 offset: walk the lines once.
    const starts: number[] = [];
    let u16 = 0;
    doc.forEach((line, _o, i) => {
      starts.push(u16);
      u16 += line.content.size + (i < doc.childCount - 1 ? ((line.attrs.eol as string | null) ?? lineBreak).length : 0);
    });
    const remove = new Set(found.map((f) => Math.max(0, lastIndexAtOrBefore(starts, f.start))));
    for (const i of [...remove]) for (let j = i + 1; j < doc.childCount && doc.child(j).content.size === 0 && !remove.has(j); j++) remove.add(j);
    if (remove.size >= doc.childCount) remove.delete(0);
    const tr = view.state.tr;
    const positions: [number, number][] = [];
    doc.forEach((line, offset, i) => remove.has(i) && positions.push([offset, offset + line.nodeSize]));
    for (const [from, to] of positions.reverse()) tr.delete(from, to);
    view.dispatch(tr);
    store.getState().setNotice({ level: 'info', text: `Removed ${found.length} line${found.length === 1 ? '' : 's'} of page furniture (Ctrl+Z takes them back). Save to write the text.` });
  };

  const leave = () => {
    if (store.getState().textEdited && !window.confirm('Discard your changes to the text? Annotations stay as they were.')) return;
    store.getState().setEditingText(false);
  };

  const save = async () => {
    const view = viewRef.current;
    if (!view || saving) return;
    const text = editDocToText(view.state.doc, lineBreak);
    if (text === document.text.text) {
      // The text is as it was: the source is not rewritten; annotations tagged while editing join the usual history.
      const known = new Set(store.getState().annotations.map((a) => a.id));
      const added = carriedAnnotations(view.state).filter((e) => !known.has(e.annotation.id) && !e.gone);
      const layout = new EditLayout(view.state.doc, lineBreak);
      store.getState().setEditingText(false);
      for (const e of added) store.getState().addAnnotation(e.annotation.tag, layout.toOffset(e.from), layout.toOffset(e.to));
      return;
    }
    const layout = new EditLayout(view.state.doc, lineBreak);
    const now = new Date();
    const annotations: Annotation[] = carriedAnnotations(view.state).map((e) => {
      if (e.gone) return e.annotation;
      const start = layout.toOffset(e.from);
      const end = layout.toOffset(e.to);
      const placed = { ...e.annotation, start, end, ...quoteAt(layout.text, start, end) };
      const changed = placed.start !== e.annotation.start || placed.end !== e.annotation.end || placed.exact !== e.annotation.exact || placed.prefix !== e.annotation.prefix || placed.suffix !== e.annotation.suffix;
      return changed ? reviseAnnotation(placed, {}, now) : placed;
    });
    setSaving(true);
    setError(null);
    try {
      await session.flush();
      const saved = await session.host.saveSourceText({ path: document.path, expectedSha256: document.fingerprint.sha256, text, tags: store.getState().tags, annotations });
      const gone = carriedAnnotations(view.state).filter((e) => e.gone).length;
      store.getState().showDocument(saved);
      store.getState().setNotice({
        level: 'info',
        text: `Saved the text of ${document.name}: ${annotations.length - gone} annotation${annotations.length - gone === 1 ? '' : 's'} carried through the edit${gone ? `, ${gone} whose text was deleted kept as orphan${gone === 1 ? '' : 's'}` : ''}.`,
      });
      session.store.getState().setFileCount(document.path, annotations.length);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="reader editing" aria-label="Text editor">
      <header className="reader-title">
        <h1>{document.name}</h1>
        <div className="edit-bar" role="toolbar" aria-label="Edit text">
          <span className="edit-status" role="status" data-testid="edit-status">
            Editing the text · {status.carried} annotation{status.carried === 1 ? '' : 's'} carried
            {status.gone ? ` · ${status.gone} whose text is deleted (kept as orphan${status.gone === 1 ? '' : 's'})` : ''}
          </span>
          <button type="button" className="primary" disabled={saving} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save text'} <kbd>Ctrl+S</kbd>
          </button>
          <button type="button" disabled={saving} onClick={removeFurniture} title="Delete lines that look like page furniture: CSS, embeds, related links, adverts">
            Remove page furniture
          </button>
          <button type="button" disabled={saving} onClick={leave}>
            {status.edited ? 'Discard edits' : 'Done'} <kbd>Esc</kbd>
          </button>
        </div>
        {error && (
          <p className="banner warning" role="alert">
            {error}
          </p>
        )}
      </header>
      <div className={`reader-mount edit-mount format-${document.format}`} ref={mountRef} />
    </section>
  );
}
