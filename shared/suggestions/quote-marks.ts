// Direct quotations by their marks: curly and straight double quotes (and « », „ “), curly single
// quotes when a text uses them as its outer quotes (British style), nested quotes kept inside the
// outer one, and quotations that run over several paragraphs, each new paragraph reopening with a
// mark and only the last one closing. Spans are the content inside the marks, trimmed of spaces:
// what an analyst selects as the quote, and what LitBank's spans become once their marks are
// taken off (see docs/suggestions.md).
import { paragraphs, type Range } from './text-structure.js';

export interface QuoteSpan {
  /** Content, trimmed: [start, end) in UTF-16 units. */
  start: number;
  end: number;
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or -1 when the quotation is not closed before its paragraph ends. */
  close: number;
  /** Index of the paragraph (in `paragraphs(text)`) where the quotation starts and ends. */
  paragraph: number;
  lastParagraph: number;
}

type Mark = 'open' | 'close' | 'either';

const DOUBLE: Record<string, Mark> = { '“': 'open', '„': 'open', '«': 'open', '”': 'close', '»': 'close', '"': 'either' };
const SINGLE: Record<string, Mark> = { '‘': 'open', '’': 'close' };

/** Whether the text's outer quotes are single ones: many more opening ‘ at a word start than double marks. */
export function usesSingleQuotes(text: string): boolean {
  let singles = 0;
  let doubles = 0;
  for (const m of text.matchAll(/(^|[\s(—–-])‘|[“”"]/g)) {
    if (m[0].endsWith('‘')) singles++;
    else doubles++;
  }
  return singles >= 4 && singles > 2 * doubles;
}

function classify(text: string, i: number, marks: Record<string, Mark>): Mark | null {
  const ch = text[i]!;
  const kind = marks[ch];
  if (!kind) return null;
  const before = i > 0 ? text[i - 1]! : ' ';
  const after = i + 1 < text.length ? text[i + 1]! : ' ';
  if (marks === SINGLE) {
    // ’ between letters is an apostrophe (don’t, Korea’s); ‘ after a letter is not an opening.
    if (ch === '’' && /\p{L}/u.test(after)) return null;
    if (ch === '‘' && /\p{L}/u.test(before)) return null;
    // A trailing ’ after s may be a plural possessive (the jurors’ report): leave it to the caller.
    return kind;
  }
  if (kind !== 'either') return kind;
  const opens = /[\s([{—–\-‘]/.test(before) || i === 0;
  const closes = /[\s.,;:!?)\]}—–\-’]/.test(after) || i + 1 === text.length;
  if (opens && !closes) return 'open';
  if (closes && !opens) return 'close';
  return 'either';
}

/** All quotations of `text`, in order, with the paragraphs they were found in. */
export function findQuoteSpans(text: string, paras: Range[] = paragraphs(text)): QuoteSpan[] {
  const marks = usesSingleQuotes(text) ? SINGLE : DOUBLE;
  const markRe = marks === SINGLE ? /[‘’]/g : /[“”„«»"]/g;
  const out: QuoteSpan[] = [];
  let openAt = -1;
  let openPara = -1;
  // One scan for every mark, then paragraph by paragraph (a regex restarted at each paragraph would
  // rescan the rest of a text that has no marks, quadratic on 2 MB).
  const all: number[] = [];
  for (let m = markRe.exec(text); m; m = markRe.exec(text)) all.push(m.index);
  let next = 0;
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p]!;
    while (next < all.length && all[next]! < para.start) next++;
    let first = true;
    for (; next < all.length && all[next]! < para.end; next++) {
      const i = all[next]!;
      const kind = classify(text, i, marks);
      const isFirst = first && i === para.start;
      first = false;
      if (!kind) continue;
      if (openAt >= 0 && openPara < p && isFirst && kind !== 'close') continue; // the reopening mark of a continued quotation
      if (openAt < 0) {
        if (kind !== 'close') {
          openAt = i;
          openPara = p;
        }
        continue;
      }
      if (kind === 'open' && openPara === p) {
        // A second opening while one is open: the first was never closed (damaged text) and is dropped.
        openAt = i;
        continue;
      }
      if (kind === 'open') continue;
      push(out, text, openAt, i, openPara, p);
      openAt = -1;
    }
    if (openAt >= 0) {
      const next = paras[p + 1];
      const reopens = next && classify(text, next.start, marks) !== null && classify(text, next.start, marks) !== 'close';
      if (!reopens) {
        push(out, text, openAt, -1, openPara, p, para.end);
        openAt = -1;
      }
    }
  }
  return out;
}

function push(out: QuoteSpan[], text: string, open: number, close: number, paragraph: number, lastParagraph: number, paraEnd = close): void {
  let start = open + 1;
  let end = close >= 0 ? close : paraEnd;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end, open, close, paragraph, lastParagraph });
}
