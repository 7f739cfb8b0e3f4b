// Tag colours reach CSS as custom properties in a constructed style sheet (CSSOM), which the
// strict Content-Security-Policy allows, unlike inline style attributes or <style> elements.
// Each tag also styles the custom highlight that shows a new annotation before the reader has
// drawn it (reader/highlight-preview.ts), like the drawn `.hl` in styles.css.
import type { TagDefinition } from '../../shared/tags.js';
import { previewHighlightName } from '../reader/highlight-preview.js';

let sheet: CSSStyleSheet | null = null;

export function applyTagStyles(tags: readonly TagDefinition[]): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(
    tags
      .flatMap((t) => [
        `[data-tag="${CSS.escape(t.id)}"] { --tag-color: ${t.color}; }`,
        `::highlight(${CSS.escape(previewHighlightName(t.id))}) { background-color: color-mix(in srgb, ${t.color} var(--hl-alpha), transparent); text-decoration: underline 2px ${t.color}; }`,
      ])
      .join('\n'),
  );
}
