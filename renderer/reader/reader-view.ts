// The reader: a ProseMirror view over the source text that lets the analyst select (with mouse
// or keyboard, a caret moves through the text) but never changes the text. Keys that would type
// or delete are turned into annotation commands or ignored. It knows nothing of React or the
// store: it reports what the user asked for through `ReaderCommands`.
import { EditorState, Plugin, Selection, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { annotationsAt, highlightPlugin, isSectionLive, makeSectionsDead, makeSectionsLive, setHighlights, type HighlightInput } from './highlight-plugin.js';
import { SectionQueue } from './section-queue.js';
import { watchScrollFlight } from './scroll-flight.js';
import { SectionSizes, sectionNodeView } from './section-sizes.js';
import type { ReaderLayout } from './reader-layout.js';
import { setSuggestionInput, suggestionPlugin, type SuggestionInput } from './suggestion-plugin.js';
import { furniturePlugin, setFurniture } from './furniture-plugin.js';
import { blockNodeView, canPreviewHighlights, HighlightPreview } from './highlight-preview.js';
import { afterNextPaint } from '../perf-marks.js';
import type { Annotation } from '../../shared/sidecar-format.js';

export interface ReaderCommands {
  /** A key the reader does not handle itself (it keeps caret movement and swallows typing); true when it was used. */
  onKey(event: KeyboardEvent): boolean;
  /** The user tagged code points [start, end). */
  tagRange(tag: string, start: number, end: number): void;
  /** The user clicked an annotation (or plain text: null). */
  clickAnnotation(id: string | null): void;
  /** The user clicked a suggestion. */
  clickSuggestion(id: string): void;
  /** A selection was made with the mouse (sticky tagging applies it). */
  selectionMade(): void;
  /** The pointer is over these annotations (innermost first; empty when over none), at client x/y. */
  hover(ids: string[], x: number, y: number): void;
}

/** Sections whose highlights are drawn before the browser has reported what it shows: the top of the document. */
export const INITIAL_LIVE_SECTIONS = 3;

/**
 * Far sections whose layout the browser may keep before the oldest are folded. Scrolling through a
 * 2 MB article (290 sections) kept ~80 MB of layout, ~0.3 MB a section: this caps it near 15 MB.
 * Not fewer: a folded section's text leaves the accessibility tree until it is scrolled to, while
 * a section the browser merely skips stays in it; articles of up to about 300 KB are never folded.
 */
const MAX_RETIRED_SECTIONS = 48;

/**
 * How many of the oldest far sections are folded at once when there are more than
 * MAX_RETIRED_SECTIONS. Each fold restyles the document once (section-sizes.ts), at a cost that
 * hardly depends on how many sections it folds: one at a time (restyled then by the next frame),
 * folding added 0.5–0.9 s to the main thread's work in a scroll-through of the 2 MB article; 16 at
 * a time, at most 0.2 s (A/B against not folding at all).
 */
const FOLD_BATCH = 16;

/** Drawn by then at the latest if no frame comes (a hidden window draws none). */
const PREVIEW_DRAW_TIMEOUT_MS = 200;

/** Keys that move the caret or selection and are left to the browser. */
const NAVIGATION = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'Shift', 'Control', 'Alt', 'Meta']);

export class ReaderView {
  readonly view: EditorView;
  private lastInput: Omit<HighlightInput, 'flashId'> | null = null;
  /** A caret position to set with the next highlight update (see tagSelection). */
  private caretWithNextHighlights: number | null = null;
  /** Shows a key's change until it is drawn (null where the browser has no custom highlights). */
  private readonly preview = canPreviewHighlights ? new HighlightPreview() : null;
  /** Highlight input shown so far only by the preview, drawn in a task after the next frame. */
  private undrawnInput: Omit<HighlightInput, 'flashId'> | null = null;
  private undrawnTimer: ReturnType<typeof setTimeout> | null = null;
  private flashId: string | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly sectionQueue: SectionQueue | null;
  /** Stand-in heights and folding, for a reader that follows scrolling (null: the rehearsal's hidden one). */
  private readonly sectionSizes: SectionSizes | null;
  /** Sections far from view, not folded, oldest first. */
  private readonly retired = new Set<number>();
  private hoverFrame = 0;
  /** Stops following the scroll container's flights (see followSections). */
  private stopWatchingFlight: (() => void) | null = null;

  constructor(
    mount: HTMLElement,
    readonly layout: ReaderLayout,
    private readonly commands: ReaderCommands,
    /** Highlights to paint from the first render. */
    initial?: Omit<HighlightInput, 'flashId'>,
    /** Draw and take out sections' highlights as the browser shows and skips them (false: only the first sections). */
    followScrolling = true,
  ) {
    this.lastInput = initial ?? null;
    // The source is read-only: no transaction may change the document.
    const readOnly = new Plugin({ filterTransaction: (tr) => !tr.docChanged });
    const initialLive = Array.from({ length: Math.min(INITIAL_LIVE_SECTIONS, layout.sectionCount) }, (_, i) => i);
    const state = EditorState.create({ doc: layout.doc, plugins: [readOnly, highlightPlugin(layout, initial && { ...initial, flashId: null }, initialLive), suggestionPlugin(layout), furniturePlugin(layout)] });
    this.view = new EditorView(mount, {
      state,
      nodeViews: { section: sectionNodeView, block: blockNodeView },
      attributes: { class: 'reader-doc', tabindex: '0', spellcheck: 'false', 'aria-label': 'Article text', 'aria-readonly': 'true', role: 'textbox', 'aria-multiline': 'true' },
      handleKeyDown: (view, event) => this.onKeyDown(view, event),
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      // A quick second click counts as a double click to ProseMirror; either selects the annotation under the pointer.
      handleClick: (view, pos, event) => this.onClick(view, pos, event),
      handleDoubleClick: (view, pos, event) => this.onClick(view, pos, event),
      handleDOMEvents: {
        mouseup: () => {
          // After ProseMirror has read the new selection.
          setTimeout(() => {
            if (!this.view.isDestroyed && !this.view.state.selection.empty) this.commands.selectionMade();
          });
          return false;
        },
        mousemove: (view, event) => {
          if (this.hoverFrame) return false;
          const { clientX, clientY } = event;
          this.hoverFrame = requestAnimationFrame(() => {
            this.hoverFrame = 0;
            if (this.view.isDestroyed) return;
            const at = view.posAtCoords({ left: clientX, top: clientY });
            const overHighlight = (document.elementFromPoint(clientX, clientY) as HTMLElement | null)?.closest('[data-ann-id]');
            this.commands.hover(at && overHighlight ? annotationsAt(view.state, at.pos) : [], clientX, clientY);
          });
          return false;
        },
        mouseleave: () => {
          this.commands.hover([], 0, 0);
          return false;
        },
        // Typing, deleting, cutting, IME input: cancelled before the browser changes the DOM.
        beforeinput: (_view, event) => {
          event.preventDefault();
          return true;
        },
      },
    });
    this.hideEditableRootFromReact();
    this.sectionSizes = followScrolling ? new SectionSizes(this.view.dom, layout) : null;
    this.sectionQueue = followScrolling ? this.followSections() : null;
  }

  /**
   * Draw sections' highlights (showing their blocks first if they were folded), or take them out:
   * the sections are far from view, and retired.
   */
  private setSectionsLive(sections: number[], live: boolean): void {
    this.drawPreviewed();
    if (live) {
      for (const s of sections) {
        this.retired.delete(s);
        this.sectionSizes?.unfold(s);
      }
    }
    const changing = sections.filter((s) => isSectionLive(this.view.state, s) !== live);
    if (changing.length) this.view.dispatch((live ? makeSectionsLive : makeSectionsDead)(this.view.state.tr, changing));
    // Lay the redrawn sections out now, in this task, not in the next frame: while the analyst
    // scrolls, that frame is also laying out the text coming into view, and the two together made
    // the long frames (traces of the render bench: two style-and-layout passes in one frame; A/B,
    // 4–5 runs each: frames over 30 ms 45–78 → 21–28, p99 of frames 44 → 37 ms). A section the
    // browser skips costs nothing here.
    if (live && changing.length) void (this.view.dom.children[changing[0]!] as HTMLElement | undefined)?.offsetHeight;
    if (!live) for (const s of sections) this.retire(s);
  }

  /**
   * A section went far from view. The browser keeps the layout of at most MAX_RETIRED_SECTIONS
   * such sections; past that, the oldest are folded, FOLD_BATCH at once, so it lets go of theirs
   * (section-sizes.ts).
   */
  private retire(section: number): void {
    this.retired.delete(section);
    this.retired.add(section);
    if (this.retired.size <= MAX_RETIRED_SECTIONS) return;
    const oldest = [...this.retired].slice(0, this.retired.size - (MAX_RETIRED_SECTIONS - FOLD_BATCH));
    for (const s of oldest) this.retired.delete(s);
    this.sectionSizes?.fold(oldest);
  }

  /**
   * Tell the highlight plugin which sections come within reach, and which go far away, as the
   * reader scrolls. The browser already decides this for its own skipping of off-screen sections
   * (`content-visibility: auto`, a margin of a few screens around the view) and reports each
   * change, so the reader follows those reports rather than watching 2 × (sections) targets with
   * intersection observers on every frame. Reports go through a queue that draws the section in
   * the middle of the rendered ones at once and spreads the rest (see section-queue.ts), and
   * holds them while the view flies past several screens a frame (scroll-flight.ts).
   */
  private followSections(): SectionQueue | null {
    if (typeof ContentVisibilityAutoStateChangeEvent === 'undefined') {
      // A browser that does not skip off-screen sections renders them all anyway.
      this.view.dispatch(makeSectionsLive(this.view.state.tr, Array.from({ length: this.layout.sectionCount }, (_, i) => i)));
      return null;
    }
    const queue = new SectionQueue(
      (sections, live) => this.setSectionsLive(sections, live),
      (section) => isSectionLive(this.view.state, section),
    );
    const index = new Map<EventTarget, number>();
    [...this.view.dom.children].forEach((section, i) => index.set(section, i));
    /** Sections the browser renders now (not skipped): a run around the view. */
    const rendered = new Set<number>();
    /** Sections laid out since they were last let go of. */
    const laidOut = new Set<number>();
    const arrived: number[] = [];
    const flush = () => {
      let low = Infinity;
      let high = -Infinity;
      for (const s of rendered) {
        low = Math.min(low, s);
        high = Math.max(high, s);
      }
      const middle = (low + high) / 2;
      // The view is about the middle of the rendered run; its section (or the two it straddles) first.
      queue.near(arrived.splice(0).map((section) => ({ section, distance: Math.max(0, Math.abs(section - middle) - 0.5) })));
    };
    this.view.dom.addEventListener(
      'contentvisibilityautostatechange',
      (event) => {
        const section = index.get(event.target!);
        if (section === undefined) return;
        if ((event as ContentVisibilityAutoStateChangeEvent).skipped) {
          rendered.delete(section);
          if (laidOut.delete(section)) queue.far([section]);
        } else {
          rendered.add(section);
          laidOut.add(section);
          // One report per section, several in one go: order them once all have arrived.
          if (arrived.push(section) === 1) queueMicrotask(flush);
        }
      },
      { capture: true },
    );
    this.stopWatchingFlight = watchScrollFlight(this.view.dom, (flying) => queue.hold(flying));
    return queue;
  }

  /**
   * React saves and restores the selection of a focused contenteditable around every commit of any
   * root, by walking its DOM from the start up to the selection: O(document) per commit (~30 ms on
   * a 2 MB text), on every keystroke that changes the store. ProseMirror owns this selection, so
   * React's check (`elem.contentEditable === 'true'`) is answered 'inherit' on this one element.
   * The attribute stays `contenteditable="true"`, which is all the browser and ProseMirror read.
   */
  private hideEditableRootFromReact(): void {
    Object.defineProperty(this.view.dom, 'contentEditable', { configurable: true, get: () => 'inherit' });
  }

  /**
   * Paint the annotations (the flash, set by reveal(), is kept by the view). One annotation added
   * or removed is shown at once by the preview and drawn after the next frame (highlight-preview.ts).
   */
  setHighlights(input: Omit<HighlightInput, 'flashId'>): void {
    const previous = this.lastInput;
    this.lastInput = input;
    if (previous && this.previewChange(previous, input)) {
      this.undrawnInput = input;
      if (this.caretWithNextHighlights !== null) {
        // Only the caret now: the paragraph is unchanged, so the browser places it without a layout.
        this.view.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, this.caretWithNextHighlights)));
        this.caretWithNextHighlights = null;
      }
      if (!this.undrawnTimer) {
        afterNextPaint(() => this.drawPreviewed());
        this.undrawnTimer = setTimeout(() => this.drawPreviewed(), PREVIEW_DRAW_TIMEOUT_MS);
      }
      return;
    }
    this.drawHighlights(input);
  }

  /** Draw what the preview shows now, if anything (before anything else changes the view). */
  drawPreviewed(): void {
    if (this.undrawnInput) this.drawHighlights(this.undrawnInput);
  }

  private drawHighlights(input: Omit<HighlightInput, 'flashId'>): void {
    this.undrawnInput = null;
    if (this.undrawnTimer) clearTimeout(this.undrawnTimer);
    this.undrawnTimer = null;
    this.preview?.clear();
    const tr = setHighlights(this.view.state.tr, { ...input, flashId: this.flashId });
    if (this.caretWithNextHighlights !== null) {
      tr.setSelection(TextSelection.create(tr.doc, this.caretWithNextHighlights));
      this.caretWithNextHighlights = null;
    }
    this.view.dispatch(tr);
  }

  /**
   * Show the change from `previous` to `input` with the preview, if it is one annotation added or
   * removed in sections whose highlights are drawn, and nothing else that is drawn changed (the
   * selection's outline moves with the redraw, a frame later); false to draw it at once.
   */
  private previewChange(previous: Omit<HighlightInput, 'flashId'>, input: Omit<HighlightInput, 'flashId'>): boolean {
    const preview = this.preview;
    if (!preview || previous.hidden !== input.hidden || previous.fuzzy !== input.fuzzy || previous.linked !== input.linked) return false;
    // The lists are immutable and in text order: one insertion or deletion leaves the rest identical.
    const a = previous.annotations;
    const b = input.annotations;
    if (Math.abs(a.length - b.length) !== 1) return false;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    const longer = a.length > b.length ? a : b;
    const shorter = longer === a ? b : a;
    for (let k = i; k < shorter.length; k++) if (shorter[k] !== longer[k + 1]) return false;
    const changed = longer[i]!;
    if (longer === a && preview.isAdded(changed.id)) {
      // Removed before it was drawn.
      preview.dropAdded(changed.id);
      return true;
    }
    const segments = this.drawnSegments(changed);
    if (!segments) return false;
    if (longer === a) {
      const spans: Element[] = [];
      const selector = `[data-ann-id="${CSS.escape(changed.id)}"]`;
      for (const [from] of segments) spans.push(...(this.blockElementAt(from)?.querySelectorAll(selector) ?? []));
      if (spans.length === 0) return false;
      preview.showRemoved(spans);
      return true;
    }
    const range = document.createRange();
    const start = this.view.domAtPos(segments[0]![0]);
    const end = this.view.domAtPos(segments[segments.length - 1]![1]);
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    preview.showAdded(changed.id, changed.tag, range);
    return true;
  }

  /** An annotation's ProseMirror ranges, one per block, if all lie in drawn sections (else null). */
  private drawnSegments(annotation: Annotation): [number, number][] | null {
    const segments = this.layout.segments(annotation.start, annotation.end);
    if (segments.length === 0 || segments.some(([from]) => !isSectionLive(this.view.state, this.sectionAt(from)))) return null;
    return segments;
  }

  /** The current selection as code point offsets, or null when nothing is selected. */
  selectionOffsets(): { start: number; end: number } | null {
    const { from, to, empty } = this.view.state.selection;
    if (empty) return null;
    const start = this.layout.toOffset(from);
    const end = this.layout.toOffset(to);
    return end > start ? { start, end } : null;
  }

  /** Tag the current selection; true when something was tagged. */
  tagSelection(tag: string): boolean {
    const range = this.selectionOffsets();
    if (!range) return false;
    // Collapse the selection to its end so the new highlight is visible, not hidden under the
    // selection — with the highlight's update (setHighlights): when the preview shows the new
    // highlight, the caret is set at once, on the unchanged paragraph; otherwise in the redraw's
    // transaction, so the browser's selection is put back once (a caret) after the paragraph is
    // redrawn, instead of as a range and then as a caret (a few milliseconds each on a long document).
    const { to } = this.view.state.selection;
    this.caretWithNextHighlights = to;
    this.commands.tagRange(tag, range.start, range.end);
    if (this.caretWithNextHighlights !== null) {
      // Nothing was painted (e.g. a read-only document): collapse on its own.
      this.caretWithNextHighlights = null;
      this.view.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, to)));
    }
    return true;
  }

  /** Code point offset of the caret (the head of the selection). */
  caretOffset(): number {
    // The DOM selection first: right after a caret move the editor state may not have read it yet.
    const selection = document.getSelection();
    if (selection?.focusNode && this.view.dom.contains(selection.focusNode)) {
      try {
        return this.layout.toOffset(this.view.posAtDOM(selection.focusNode, selection.focusOffset));
      } catch {
        // Not a position inside the document (e.g. a widget): fall back to the state.
      }
    }
    return this.layout.toOffset(this.view.state.selection.head);
  }

  /** Mark whole blocks as page furniture (dimmed; hidden when the reader is asked to). */
  setFurniture(blocks: readonly number[]): void {
    this.drawPreviewed();
    this.view.dispatch(setFurniture(this.view.state.tr, blocks));
  }

  /** Show suggestions (dashed), the one under review outlined. */
  setSuggestions(input: SuggestionInput): void {
    this.drawPreviewed();
    this.view.dispatch(setSuggestionInput(this.view.state.tr, input));
  }

  /** Scroll code point `start` into view (centred) unless it is already on screen. */
  scrollToOffset(start: number): void {
    const block = this.shownBlockAt(this.layout.toPos(start));
    if (!block) return;
    const rect = block.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) block.scrollIntoView({ block: 'center', behavior: 'auto' });
  }

  /** Scroll the annotation into view and flash it. */
  reveal(id: string, start: number): void {
    this.shownBlockAt(this.layout.toPos(start))?.scrollIntoView({ block: 'center', behavior: 'auto' });
    this.setFlash(id);
    if (this.flashTimer) clearTimeout(this.flashTimer);
    // Long enough for the two pulses of the flash animation in styles.css.
    this.flashTimer = setTimeout(() => this.setFlash(null), 1800);
  }

  private setFlash(id: string | null): void {
    this.flashId = id;
    if (this.lastInput) this.setHighlights(this.lastInput);
  }

  /**
   * The block element holding ProseMirror position `pos`, its section made live first (shown again
   * if folded, highlights drawn): for a jump to text that may lie far from view.
   */
  private shownBlockAt(pos: number): Element | null {
    this.setSectionsLive([this.sectionAt(pos)], true);
    return this.blockElementAt(pos);
  }

  /** The block element holding ProseMirror position `pos`, as drawn now. */
  private blockElementAt(pos: number): Element | null {
    const { node } = this.view.domAtPos(pos);
    return (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest('.gloss-block') ?? null;
  }

  /** Index of the section holding ProseMirror position `pos`. */
  private sectionAt(pos: number): number {
    return Math.min(this.layout.sectionCount - 1, this.view.state.doc.resolve(pos).index(0));
  }

  focus(): void {
    this.view.focus();
  }

  destroy(): void {
    this.sectionQueue?.stop();
    this.stopWatchingFlight?.();
    this.sectionSizes?.destroy();
    if (this.flashTimer) clearTimeout(this.flashTimer);
    if (this.undrawnTimer) clearTimeout(this.undrawnTimer);
    this.undrawnInput = null;
    this.preview?.clear();
    this.view.destroy();
  }

  private onClick(view: EditorView, pos: number, event: MouseEvent): boolean {
    const target = (event.target as HTMLElement | null)?.closest('[data-ann-id], [data-sg-id]');
    const suggestion = target?.getAttribute('data-sg-id');
    if (suggestion) {
      this.commands.clickSuggestion(suggestion);
      return false;
    }
    const id = target?.getAttribute('data-ann-id') ?? annotationsAt(view.state, pos)[0] ?? null;
    this.commands.clickAnnotation(id);
    return false;
  }

  /**
   * Ctrl+Home / Ctrl+End (with Shift: extend the selection). The browser's own movement stops at the
   * edge of what it has laid out, which in a long document is not the start or end of the text.
   */
  private caretToEdge(edge: 'start' | 'end', extend: boolean): void {
    this.drawPreviewed();
    const { state } = this.view;
    const head = (edge === 'start' ? Selection.atStart(state.doc) : Selection.atEnd(state.doc)).head;
    const block = this.shownBlockAt(head);
    this.view.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, extend ? state.selection.anchor : head, head)));
    block?.scrollIntoView({ block: edge === 'start' ? 'start' : 'end' });
  }

  private onKeyDown(_view: EditorView, event: KeyboardEvent): boolean {
    if ((event.key === 'Home' || event.key === 'End') && (event.ctrlKey || event.metaKey) && !event.altKey) {
      this.caretToEdge(event.key === 'Home' ? 'start' : 'end', event.shiftKey);
      return true;
    }
    if (NAVIGATION.has(event.key)) return false;
    if (this.commands.onKey(event)) return true;
    if (event.ctrlKey || event.metaKey || event.altKey) return false; // copy, select all, browser shortcuts
    // Anything else would type into the source: swallow it.
    return event.key.length === 1 || event.key === 'Enter';
  }
}
