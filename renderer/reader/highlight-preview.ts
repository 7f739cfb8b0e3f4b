// A tag or delete key's change should be on screen in the next frame. Redrawing the paragraph
// through ProseMirror (new spans, the browser's selection put back on them, the style and layout
// that putting it back forces) was most of a tag key's work before that frame could begin, 4–15 ms
// on the 2 MB article. So the reader first shows a new annotation as a CSS custom highlight over
// its text, `::highlight(gloss-new-<tag>)` (styled per tag in tag-styles.ts): no element changes,
// so no style or layout, only paint. It redraws in a task after that frame (reader-view.ts,
// `setHighlights`) and takes the preview away in the same task, so the next frame shows the
// drawn spans alone.

/** Whether this browser has CSS custom highlights (Chromium 105+; not jsdom). */
export const canPreviewHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/** The custom highlight name for a new annotation of `tag` (tag-styles.ts styles it). */
export function previewHighlightName(tag: string): string {
  return `gloss-new-${tag}`;
}

export class HighlightPreview {
  /** Added annotations shown as custom highlights, by id. */
  private readonly added = new Map<string, { name: string; range: Range }>();

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
    CSS.highlights.get(shown.name)?.delete(shown.range);
    this.added.delete(id);
  }

  /** Take the whole preview away (the reader has drawn what it showed). */
  clear(): void {
    for (const id of [...this.added.keys()]) this.dropAdded(id);
  }
}
