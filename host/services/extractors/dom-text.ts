// Turning a DOM subtree (an article found by Readability, a whole page, mammoth's HTML for a Word
// file) into blocks of plain text: one block per paragraph, heading, list item, quoted paragraph,
// preformatted run or table row. Only text nodes contribute; scripts, styles, embedded content,
// form controls and hidden elements contribute nothing. The DOM is only read.
import { ArticleTextBuilder } from './article.js';
import type { BlockKind } from '../../../shared/text-blocks.js';

/** Elements whose content is never text for the reader. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'base',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'canvas',
  'img', 'picture', 'video', 'audio', 'source', 'track', 'map', 'area',
  'input', 'select', 'option', 'optgroup', 'textarea', 'button', 'datalist', 'dialog',
]);

/** Elements that start and end a block (CSS display: block and friends, by their HTML defaults). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot',
  'thead', 'tr', 'ul', 'listing', 'xmp', 'plaintext',
]);

interface Context {
  kind: BlockKind;
  level: number;
  pre: boolean;
}

export interface DomTextOptions {
  /** Extra elements to leave out (e.g. mammoth's footnote back-links). */
  skip?: (el: Element) => boolean;
}

/// Append the text of `root` to `out` as blocks.
export function appendDomBlocks(root: Element, out: ArticleTextBuilder, options: DomTextOptions = {}): void {
  // Text of the innermost open block, as pieces: collapsed later unless preformatted.
  let pieces: { text: string; pre: boolean }[] = [];

  const flush = (ctx: Context) => {
    if (pieces.length === 0) return;
    const text = pieces.map((p) => (p.pre ? p.text : p.text.replace(/[ \t\n\r\f]+/g, ' '))).join('');
    pieces = [];
    out.add(text, ctx.kind, ctx.level);
  };

  const visit = (node: Node, ctx: Context) => {
    if (node.nodeType === 3 /* TEXT_NODE */) {
      pieces.push({ text: (node as Text).data, pre: ctx.pre });
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) return;
    const el = node as Element;
    const tag = el.localName;
    if (SKIPPED.has(tag) || isHidden(el) || options.skip?.(el)) return;
    if (tag === 'br') {
      pieces.push({ text: '\n', pre: true });
      return;
    }
    const cell = tag === 'td' || tag === 'th';
    if (cell && !hasBlockDescendant(el)) {
      // A simple table cell: its text joins the row, cells separated by a tab.
      if (pieces.some((p) => p.text.trim() !== '')) pieces.push({ text: '\t', pre: true });
      for (const child of Array.from(el.childNodes)) visit(child, ctx);
      return;
    }
    if (!BLOCK.has(tag) && !cell) {
      for (const child of Array.from(el.childNodes)) visit(child, ctx);
      return;
    }
    flush(ctx);
    const inner = blockContext(tag, ctx);
    for (const child of Array.from(el.childNodes)) visit(child, inner);
    flush(inner);
  };

  visit(root, { kind: 'paragraph', level: 0, pre: false });
  flush({ kind: 'paragraph', level: 0, pre: false });
}

function blockContext(tag: string, outer: Context): Context {
  const h = /^h([1-6])$/.exec(tag);
  if (h) return { kind: 'heading', level: Number(h[1]), pre: outer.pre };
  if (tag === 'li') return { kind: 'list', level: 0, pre: outer.pre };
  if (tag === 'pre' || tag === 'listing' || tag === 'xmp' || tag === 'plaintext') return { kind: 'code', level: 0, pre: true };
  if (tag === 'blockquote') return { kind: outer.kind === 'paragraph' ? 'quote' : outer.kind, level: outer.level, pre: outer.pre };
  // Any other block (p, div, td...) inherits: a paragraph in a list item is part of the item, one in a quote is quoted.
  return outer;
}

function hasBlockDescendant(el: Element): boolean {
  for (const d of Array.from(el.getElementsByTagName('*'))) if (BLOCK.has(d.localName)) return true;
  return false;
}

/** Hidden by markup: the `hidden` attribute, `aria-hidden="true"`, or an inline `display:none`/`visibility:hidden`. */
function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style);
}
