// Tag colours reach CSS as custom properties in a constructed style sheet (CSSOM), which the
// strict Content-Security-Policy allows, unlike inline style attributes or <style> elements.
import type { TagDefinition } from '../../shared/tags.js';

let sheet: CSSStyleSheet | null = null;

export function applyTagStyles(tags: readonly TagDefinition[]): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(tags.map((t) => `[data-tag="${CSS.escape(t.id)}"] { --tag-color: ${t.color}; }`).join('\n'));
}
