// A tag or delete key's change should be on screen in the next frame. Redrawing the paragraph
// through ProseMirror (new spans, the browser's selection put back on them, the style and layout
// that putting it back forces) was most of a key's work before that frame could begin, 4–15 ms
// on the 2 MB article. So the reader first shows one added or removed annotation by means that
// need no layout, and redraws in a task after that frame (reader-view.ts, `setHighlights`):
// - an added annotation: a CSS custom highlight over its text, `::highlight(gloss-new-<tag>)`
//   (styled per tag in tag-styles.ts): no element changes, only paint;
// - a removed annotation: its spans get `hl-gone`, which makes them transparent (styles.css): a
//   restyle of those few elements, and paint. ProseMirror would read that class change as an edit
//   of the paragraph and redraw it at once (4–5 ms, traced), so blocks are drawn by
//   `blockNodeView`, which tells it that class changes inside a block are not edits.
// The redraw takes the preview away in the same task, so the next frame shows the drawn spans alone.
import { DOMSerializer } from 'prosemirror-model';
import type { NodeViewConstructor } from 'prosemirror-view';

/** Whether this browser has CSS custom highlights (Chromium 105+; not jsdom). */
export const canPreviewHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/** The custom highlight name for a new annotation of `tag` (tag-styles.ts styles it). */
export function previewHighlightName(tag: string): string {
  return `gloss-new-${tag}`;
}

/**
 * A block drawn as the schema's `toDOM` draws it; a class changed on an element inside it (the
 * preview's `hl-gone`) is not an edit to read back. ProseMirror's own changes to the block's DOM
 * are made while it is not listening, so they never come here.
 */
export const blockNodeView: NodeViewConstructor = (node) => {
  const { dom, contentDOM } = DOMSerializer.renderSpec(document, node.type.spec.toDOM!(node));
  return {
    dom,
    contentDOM,
    ignoreMutation: (mutation) => mutation.type === 'attributes' && mutation.attributeName === 'class' && mutation.target !== dom,
  };
};

export class HighlightPreview {
  /** Added annotations shown as custom highlights, by id. */
  private readonly added = new Map<string, { name: string; range: Range }>();
  /** Spans of removed annotations, made transparent. */
  private readonly gone: Element[] = [];

  /** Show annotation `id` of `tag` over `range` of the reader's text. */
  showAdded(id: string, tag: string, range: Range): void {
    const name = previewHighlightName(tag);
    let highlight = CSS.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      CSS.highlights.set(name, highlight);
    }
    highlight.add(range);
    this.added.set(id, { name, range });
  }

  /** Whether annotation `id` is shown only by this preview (added, not drawn yet). */
  isAdded(id: string): boolean {
    return this.added.has(id);
  }

  /** Take back an added annotation's preview (it was removed before it was drawn). */
  dropAdded(id: string): void {
    const shown = this.added.get(id);
    if (!shown) return;
    const highlight = CSS.highlights.get(shown.name);
    highlight?.delete(shown.range);
    // Leave none registered: the browser revisits registered highlights as the page changes.
    if (highlight?.size === 0) CSS.highlights.delete(shown.name);
    this.added.delete(id);
  }

  /** Make the drawn spans of a removed annotation transparent. */
  showRemoved(spans: readonly Element[]): void {
    for (const span of spans) span.classList.add('hl-gone');
    this.gone.push(...spans);
  }

  /** Take the whole preview away (the reader is about to draw what it showed). */
  clear(): void {
    for (const id of [...this.added.keys()]) this.dropAdded(id);
    // Before the redraw, which may reuse a span for another annotation.
    for (const span of this.gone.splice(0)) span.classList.remove('hl-gone');
  }
}
