// The reader: a ProseMirror view over the source text that lets the analyst select (with mouse
// or keyboard, a caret moves through the text) but never changes the text. Keys that would type
// or delete are turned into annotation commands or ignored. It knows nothing of React or the
// store: it reports what the user asked for through `ReaderCommands`.
import { EditorState, Plugin, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { annotationsAt, highlightPlugin, isSectionLive, makeSectionsDead, makeSectionsLive, setHighlights, type HighlightInput } from './highlight-plugin.js';
import { SectionQueue } from './section-queue.js';
import type { ReaderLayout } from './reader-layout.js';
import { setSuggestionInput, suggestionPlugin, type SuggestionInput } from './suggestion-plugin.js';
import { furniturePlugin, setFurniture } from './furniture-plugin.js';

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

/** Sections whose highlights are drawn before the view has reported what it shows: the top of the document. */
export const INITIAL_LIVE_SECTIONS = 3;
/**
 * How far beyond the visible part of the reader highlights are drawn ahead of scrolling: two
 * screens above and below, so a section's highlights are there before it comes into view.
 */
const LIVE_MARGIN = '200% 0px';
/** Beyond this distance (six screens) a section's highlights are taken out again; between the two margins they stay as they are. */
const DEAD_MARGIN = '600% 0px';

/** Keys that move the caret or selection and are left to the browser. */
const NAVIGATION = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'Shift', 'Control', 'Alt', 'Meta']);

export class ReaderView {
  readonly view: EditorView;
  private lastInput: Omit<HighlightInput, 'flashId'> | null = null;
  /** A caret position to set with the next highlight update (see tagSelection). */
  private caretWithNextHighlights: number | null = null;
  private flashId: string | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly sections: { observers: IntersectionObserver[]; queue: SectionQueue | null };
  private hoverFrame = 0;

  constructor(
    mount: HTMLElement,
    readonly layout: ReaderLayout,
    private readonly commands: ReaderCommands,
    /** Highlights to paint from the first render. */
    initial?: Omit<HighlightInput, 'flashId'>,
    /** The element that scrolls the reader (for drawing highlights just ahead of scrolling). */
    scrollContainer: Element | null = null,
  ) {
    this.lastInput = initial ?? null;
    // The source is read-only: no transaction may change the document.
    const readOnly = new Plugin({ filterTransaction: (tr) => !tr.docChanged });
    const initialLive = Array.from({ length: Math.min(INITIAL_LIVE_SECTIONS, layout.sectionCount) }, (_, i) => i);
    const state = EditorState.create({ doc: layout.doc, plugins: [readOnly, highlightPlugin(layout, initial && { ...initial, flashId: null }, initialLive), suggestionPlugin(layout), furniturePlugin(layout)] });
    this.view = new EditorView(mount, {
      state,
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
    this.sections = this.observeSections(scrollContainer);
  }

  /**
   * Tell the highlight plugin which sections come within reach, and which go far away, as the
   * reader scrolls; through a queue that draws the sections in view at once and spreads the rest.
   */
  private observeSections(scrollContainer: Element | null): { observers: IntersectionObserver[]; queue: SectionQueue | null } {
    if (typeof IntersectionObserver === 'undefined') {
      this.view.dispatch(makeSectionsLive(this.view.state.tr, Array.from({ length: this.layout.sectionCount }, (_, i) => i)));
      return { observers: [], queue: null };
    }
    const queue = new SectionQueue(
      (sections, live) => this.view.dispatch((live ? makeSectionsLive : makeSectionsDead)(this.view.state.tr, sections)),
      (section) => isSectionLive(this.view.state, section),
    );
    const index = new Map<Element, number>();
    const near = new IntersectionObserver(
      (entries) => {
        // Read before anything is redrawn: the layout is still the one the entries were measured on.
        const view = scrollContainer ? scrollContainer.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
        const reports = entries
          .filter((e) => e.isIntersecting)
          .map((e) => ({ section: index.get(e.target)!, distance: Math.max(0, e.boundingClientRect.top - view.bottom, view.top - e.boundingClientRect.bottom) }));
        if (reports.length) queue.near(reports);
      },
      { root: scrollContainer, rootMargin: LIVE_MARGIN },
    );
    const far = new IntersectionObserver(
      (entries) => {
        const sections = entries.filter((e) => !e.isIntersecting).map((e) => index.get(e.target)!);
        if (sections.length) queue.far(sections);
      },
      { root: scrollContainer, rootMargin: DEAD_MARGIN },
    );
    [...this.view.dom.children].forEach((section, i) => {
      index.set(section, i);
      near.observe(section);
      far.observe(section);
    });
    return { observers: [near, far], queue };
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

  /** Paint the annotations (the flash, set by reveal(), is kept by the view). */
  setHighlights(input: Omit<HighlightInput, 'flashId'>): void {
    this.lastInput = input;
    const tr = setHighlights(this.view.state.tr, { ...input, flashId: this.flashId });
    if (this.caretWithNextHighlights !== null) {
      tr.setSelection(TextSelection.create(tr.doc, this.caretWithNextHighlights));
      this.caretWithNextHighlights = null;
    }
    this.view.dispatch(tr);
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
    // selection — in the same update as the highlight: the browser's selection is then put back
    // once (a caret) after the paragraph is redrawn, instead of as a range and then as a caret
    // (a few milliseconds each on a long document).
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
    this.view.dispatch(setFurniture(this.view.state.tr, blocks));
  }

  /** Show suggestions (dashed), the one under review outlined. */
  setSuggestions(input: SuggestionInput): void {
    this.view.dispatch(setSuggestionInput(this.view.state.tr, input));
  }

  /** Scroll code point `start` into view (centred) unless it is already on screen. */
  scrollToOffset(start: number): void {
    const pos = this.layout.toPos(start);
    this.view.dispatch(makeSectionsLive(this.view.state.tr, [this.sectionAt(pos)]));
    const { node } = this.view.domAtPos(pos);
    const block = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest('.gloss-block');
    if (!block) return;
    const rect = block.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) block.scrollIntoView({ block: 'center', behavior: 'auto' });
  }

  /** Scroll the annotation into view and flash it. */
  reveal(id: string, start: number): void {
    const pos = this.layout.toPos(start);
    this.view.dispatch(makeSectionsLive(this.view.state.tr, [this.sectionAt(pos)]));
    const { node } = this.view.domAtPos(pos);
    const block = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest('.gloss-block');
    block?.scrollIntoView({ block: 'center', behavior: 'auto' });
    this.setFlash(id);
    if (this.flashTimer) clearTimeout(this.flashTimer);
    // Long enough for the two pulses of the flash animation in styles.css.
    this.flashTimer = setTimeout(() => this.setFlash(null), 1800);
  }

  private setFlash(id: string | null): void {
    this.flashId = id;
    if (this.lastInput) this.setHighlights(this.lastInput);
  }

  /** Index of the section holding ProseMirror position `pos`. */
  private sectionAt(pos: number): number {
    return Math.min(this.layout.sectionCount - 1, this.view.state.doc.resolve(pos).index(0));
  }

  focus(): void {
    this.view.focus();
  }

  destroy(): void {
    for (const observer of this.sections.observers) observer.disconnect();
    this.sections.queue?.stop();
    if (this.flashTimer) clearTimeout(this.flashTimer);
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

  private onKeyDown(_view: EditorView, event: KeyboardEvent): boolean {
    if (NAVIGATION.has(event.key)) return false;
    if (this.commands.onKey(event)) return true;
    if (event.ctrlKey || event.metaKey || event.altKey) return false; // copy, select all, browser shortcuts
    // Anything else would type into the source: swallow it.
    return event.key.length === 1 || event.key === 'Enter';
  }
}
