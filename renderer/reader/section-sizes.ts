// The browser skips sections far from view (`content-visibility: auto`) and counts each at a
// stand-in height until it has laid it out once. One stand-in for all (styles.css) made a 2 MB
// document's scroll bar a third as long as its text (1,400 px for sections of about 4,700):
// dragging the thumb to the middle showed a point a sixth of the way in, and the document kept
// growing under the pointer as sections were laid out for the first time.
// This gives each section a stand-in of its own: its blocks' lengths in lines, at the characters
// per line and line height measured on paragraphs that are laid out, plus their margins (a 2 MB
// article's estimated height: within 1% of the real one). It is measured again when the reader's
// width changes (a section seen once keeps its real height: `auto`).
// The same heights let the reader fold sections far from view: their blocks are hidden so the
// browser frees their layout, and the section keeps its place (see fold).
import type { NodeViewConstructor } from 'prosemirror-view';
import type { ReaderLayout } from './reader-layout.js';

/** Paragraphs measured for the estimate: a few screens' worth. */
const SAMPLE_PARAGRAPHS = 64;

/**
 * Sections drawn as the schema says, except that ProseMirror is told to leave their own style and
 * class alone (the stand-in height and folding below): it would otherwise take them for a change to
 * the document's DOM and redraw the section without them.
 */
export const sectionNodeView: NodeViewConstructor = () => {
  const dom = document.createElement('div');
  dom.className = 'gloss-section';
  return {
    dom,
    contentDOM: dom,
    ignoreMutation: (mutation) => mutation.type === 'attributes' && mutation.target === dom && (mutation.attributeName === 'style' || mutation.attributeName === 'class'),
  };
};

/** What the estimate is made from, measured on blocks the browser has laid out. */
export interface TextMetrics {
  charsPerLine: number;
  lineHeight: number;
  /** Space between blocks (px). */
  blockGap: number;
}

/** Estimated height (px) of blocks of these lengths (UTF-16 units) at these metrics. */
export function estimateHeight(blockLengths: readonly number[], metrics: TextMetrics): number {
  let height = 0;
  for (const length of blockLengths) height += Math.max(1, Math.ceil(length / metrics.charsPerLine)) * metrics.lineHeight + metrics.blockGap;
  return Math.round(height);
}

/**
 * Characters per line from blocks' lengths and their laid-out line counts. A block's last line is
 * on average half full, so each block counts half a line less.
 */
export function charsPerLine(samples: readonly { length: number; lines: number }[]): number | null {
  let chars = 0;
  let lines = 0;
  for (const { length, lines: n } of samples) {
    if (n < 2) continue; // one line says nothing about how many characters fit on one
    chars += length;
    lines += n - 0.5;
  }
  return lines >= 20 ? chars / lines : null;
}

export class SectionSizes {
  private readonly observer: ResizeObserver | null = null;
  private width = -1;
  /** Each section's estimated height (px), once measured. */
  private estimates: number[] = [];

  constructor(
    /** The reader's root: its children are the sections, theirs the blocks. */
    private readonly root: HTMLElement,
    private readonly layout: ReaderLayout,
  ) {
    if (typeof ResizeObserver === 'undefined') return;
    // Called after the first layout and after each change of width; layout is fresh there.
    this.observer = new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]!.contentRect.width;
      if (Math.abs(width - this.width) < 1) return;
      this.width = width;
      this.estimate();
    });
    this.observer.observe(root);
  }

  /**
   * Let go of sections far from view. The browser keeps the layout of every section it has laid
   * out, skipped or not: scrolling through a 2 MB article grew the renderer by ~80 MB that nothing
   * gave back. A folded section hides its blocks (their layout is freed) and keeps its height (its
   * estimate: within a few pixels; scroll anchoring keeps the view still meanwhile). Its text stays in
   * the DOM and in the document.
   */
  fold(indices: readonly number[]): void {
    const sections: HTMLElement[] = [];
    for (const index of indices) {
      const section = this.root.children[index] as HTMLElement | undefined;
      if (!section || section.classList.contains('gloss-folded')) continue;
      section.style.height = `${this.estimates[index] ?? section.offsetHeight}px`;
      section.classList.add('gloss-folded');
      sections.push(section);
    }
    if (!sections.length) return;
    // The browser does not restyle the content of a section it skips, so the blocks would stay laid
    // out. Skipping is lifted, the sections restyled here and now (cheap: their blocks are hidden),
    // and skipping restored, so the browser still reports when a section comes near again. Waiting
    // for a frame to restyle them instead put that restyle, and the lifting and restoring, into
    // the frames of a scroll that was laying out the text coming into view (traced: among the
    // longest frames of a drag through the 2 MB article, 20–22 ms with two style and layout passes;
    // three traced drags each way: tasks over 15 ms 3–9 → 0–4, p99 of tasks 11.4–13.3 → 11.3–12.2 ms).
    for (const section of sections) section.style.contentVisibility = 'visible';
    void getComputedStyle(sections[0]!.firstElementChild ?? sections[0]!).display;
    for (const section of sections) section.style.contentVisibility = '';
  }

  /** Show a folded section's blocks again (before it comes into view, or the caret or a reveal goes there). */
  unfold(index: number): void {
    const section = this.root.children[index] as HTMLElement | undefined;
    if (!section?.classList.contains('gloss-folded')) return;
    section.classList.remove('gloss-folded');
    section.style.height = '';
    section.style.contentVisibility = '';
  }

  destroy(): void {
    this.observer?.disconnect();
  }

  private estimate(): void {
    const metrics = this.measure();
    if (!metrics) return;
    const sections = this.root.children;
    for (let s = 0; s < sections.length; s++) {
      const lengths = this.layout.sectionBlocks(s).map((b) => b.end - b.start);
      const height = estimateHeight(lengths, metrics);
      this.estimates[s] = height;
      const section = sections[s] as HTMLElement;
      section.style.containIntrinsicSize = `auto ${height}px`;
      if (section.classList.contains('gloss-folded')) section.style.height = `${height}px`;
    }
  }

  /** Metrics from the paragraphs of sections the browser has laid out (none yet: null). */
  private measure(): TextMetrics | null {
    const sections = this.root.children;
    const samples: { length: number; lines: number }[] = [];
    let paragraph: Element | null = null;
    for (let s = 0; s < sections.length && samples.length < SAMPLE_PARAGRAPHS; s++) {
      const elements = sections[s]!.children;
      if (!elements[0]?.checkVisibility({ contentVisibilityAuto: true })) continue;
      this.layout.sectionBlocks(s).forEach((block, k) => {
        const element = elements[k] as HTMLElement | undefined;
        if (block.kind !== 'paragraph' || !element || element.offsetHeight === 0) return;
        paragraph ??= element;
        const lineHeight = parseFloat(getComputedStyle(element).lineHeight);
        if (lineHeight > 0) samples.push({ length: block.end - block.start, lines: Math.round(element.offsetHeight / lineHeight) });
      });
    }
    const perLine = charsPerLine(samples);
    if (!paragraph || !perLine) return null;
    const style = getComputedStyle(paragraph);
    return { charsPerLine: perLine, lineHeight: parseFloat(style.lineHeight), blockGap: parseFloat(style.marginBottom) || 0 };
  }
}
