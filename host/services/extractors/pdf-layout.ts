// Rebuilding reading text from a PDF's positioned text runs. A PDF has no paragraphs, only glyph
// runs placed on a page; this module groups runs into lines (same baseline), puts right-to-left
// runs in logical order, groups lines into paragraphs (vertical gaps, indentation, font size, list
// markers), drops running headers, footers and page numbers, joins paragraphs split by a page
// break, joins words hyphenated at a line end and maps typographic ligatures (ﬁ → fi).
// Pure: it knows nothing of pdfjs (pdf-extractor.ts feeds it), so every rule is tested on
// hand-made runs in pdf-layout.test.ts. Coordinates are PDF user space: y grows upwards.
import { ArticleTextBuilder, normalizeBlockText, type ArticleBlock } from './article.js';
import type { BlockKind } from '../../../shared/text-blocks.js';

/// One run of text as the PDF places it (pdfjs: a TextItem).
export interface PdfRun {
  text: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  fontSize: number;
  /** pdfjs ends a line here. */
  eol?: boolean;
}

export interface PdfLine {
  text: string;
  x: number;
  xEnd: number;
  y: number;
  fontSize: number;
}

// --- Characters -------------------------------------------------------------------------------

/**
 * Typographic ligatures (U+FB00–FB06) and Arabic/Hebrew presentation forms (U+FB1D–FDFF,
 * U+FE70–FEFF): glyph shapes that PDFs expose instead of letters. NFKC maps exactly these back
 * to letters (ﬁ → fi, ﻣ → م); nothing else in the text is normalized.
 */
const PRESENTATION_FORMS = /[\uFB00-\uFB06\uFB1D-\uFDFF\uFE70-\uFEFF]+/g;

/// Map ligatures and presentation forms to the letters they stand for.
export function mapPresentationForms(text: string): string {
  // U+FEFF is also the byte-order mark / zero-width no-break space: drop it rather than keep it.
  return text.replace(PRESENTATION_FORMS, (m) => m.replace(/\uFEFF/g, '').normalize('NFKC'));
}

const RTL_CHARS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g;
// Strong left-to-right: any letter that is not right-to-left.
const LTR_CHARS = /(?![\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])\p{L}/gu;
const DIGIT = /\p{Nd}/u;

// --- Lines ------------------------------------------------------------------------------------

/** A run is on the current line when its baseline is within this share of the font size (superscripts stay on the line). */
const SAME_LINE_TOLERANCE = 0.5;
/** A horizontal gap wider than this share of the font size between two runs is a word space. */
const SPACE_GAP = 0.15;

/// Group runs (in the PDF's content order) into lines, in reading order within each line.
export function runsToLines(runs: PdfRun[]): PdfLine[] {
  const groups: PdfRun[][] = [];
  let current: PdfRun[] | null = null;
  let lineY = 0;
  let lineSize = 0;
  let breakNext = false;
  for (const run of runs) {
    if (run.text === '' && !run.eol) continue;
    const sameLine = current !== null && !breakNext && Math.abs(run.y - lineY) <= SAME_LINE_TOLERANCE * Math.max(1, Math.min(lineSize, run.fontSize || lineSize));
    if (!sameLine && run.text !== '') {
      current = [];
      groups.push(current);
      lineY = run.y;
      lineSize = run.fontSize;
    }
    if (run.text !== '' && current) {
      current.push(run);
      if (run.fontSize > lineSize) lineSize = run.fontSize;
    }
    breakNext = run.eol === true;
  }
  const lines: PdfLine[] = [];
  for (const g of groups) {
    const line = buildLine(g);
    if (line.text.trim() !== '') lines.push(line);
  }
  return lines;
}

type Dir = 'rtl' | 'ltr' | 'neutral';

function runDirection(text: string): Dir {
  const rtl = (text.match(RTL_CHARS) ?? []).length;
  const ltr = (text.match(LTR_CHARS) ?? []).length;
  if (rtl > ltr) return 'rtl';
  if (ltr > 0 || DIGIT.test(text)) return 'ltr';
  return 'neutral';
}

function buildLine(runs: PdfRun[]): PdfLine {
  // Visual order, left to right; drop a run drawn twice at (almost) the same place (fake bold).
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  const visual: { text: string; dir: Dir }[] = [];
  let prev: PdfRun | null = null;
  for (const run of sorted) {
    if (prev && run.text === prev.text && Math.abs(run.x - prev.x) < 0.1 * run.fontSize) continue;
    if (prev) {
      const gap = run.x - (prev.x + prev.width);
      if (gap > SPACE_GAP * Math.max(run.fontSize, prev.fontSize) && !/\s$/.test(prev.text) && !/^\s/.test(run.text)) visual.push({ text: ' ', dir: 'neutral' });
    }
    visual.push({ text: run.text, dir: runDirection(run.text) });
    prev = run;
  }
  // One line of text: ligatures mapped, no control characters (a missing glyph is often mapped to NUL), single spaces.
  const text = normalizeBlockText(mapPresentationForms(visualToLogical(visual)).replace(/[\r\n]+/g, ' ')).replace(/[ \t]{2,}/g, ' ');
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  let size = 0;
  let chars = 0;
  // The line's font size: the size that most of its characters have.
  const bySize = new Map<number, number>();
  for (const r of sorted) {
    const k = Math.round(r.fontSize * 2) / 2;
    bySize.set(k, (bySize.get(k) ?? 0) + r.text.length);
  }
  for (const [k, n] of bySize) if (n > chars) [size, chars] = [k, n];
  return { text, x: first.x, xEnd: Math.max(...sorted.map((r) => r.x + r.width)), y: last.y, fontSize: size };
}

/**
 * Runs in visual (left-to-right) order → logical order, by the Unicode bidi algorithm's rule L2
 * over runs: right-to-left runs get level 1, left-to-right ones (and numbers) level 0 in a
 * left-to-right line or 2 in a right-to-left one, neutrals (spaces, punctuation) the level of their
 * neighbours when both agree, else the line's; then every maximal sequence at or above each
 * level, from the highest down to 1, is reversed. Each run's own text is already logical (pdfjs
 * reorders within a run).
 */
export function visualToLogical(runs: { text: string; dir: Dir }[]): string {
  if (!runs.some((r) => r.dir === 'rtl')) return runs.map((r) => r.text).join('');
  const text = runs.map((r) => r.text).join('');
  const base = (text.match(RTL_CHARS) ?? []).length > (text.match(LTR_CHARS) ?? []).length ? 1 : 0;
  const strongLevel = (d: Dir) => (d === 'rtl' ? 1 : base === 1 ? 2 : 0);
  const levels = runs.map((r) => (r.dir === 'neutral' ? -1 : strongLevel(r.dir)));
  for (let i = 0; i < runs.length; i++) {
    if (levels[i] !== -1) continue;
    let j = i;
    while (j < runs.length && levels[j] === -1) j++;
    const before = i > 0 ? levels[i - 1]! : base;
    const after = j < runs.length ? levels[j]! : base;
    const lvl = before === after ? before : base;
    for (let k = i; k < j; k++) levels[k] = lvl;
    i = j - 1;
  }
  const order = runs.map((_, i) => i);
  const max = Math.max(...levels);
  for (let level = max; level >= 1; level--) {
    for (let i = 0; i < order.length; i++) {
      if (levels[order[i]!]! < level) continue;
      let j = i;
      while (j < order.length && levels[order[j]!]! >= level) j++;
      const reversed = order.slice(i, j).reverse();
      order.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return order.map((i) => runs[i]!.text).join('');
}

// --- Joining lines ----------------------------------------------------------------------------

/** Prefixes that keep their hyphen when a line breaks after them ("self-\nreported" → "self-reported"). */
const HYPHENATED_PREFIXES = new Set(['self', 'ex', 'all', 'well', 'half', 'cross', 'quasi', 'non', 'post', 'pre', 'co', 'anti', 'pro', 'semi', 'multi', 'mid', 'so', 'vice', 'long', 'short', 'full', 'high', 'low', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);

/// Words as they appear inside lines (never broken): lets a line-end hyphen be judged by how the
/// document itself spells the word elsewhere.
export class WordIndex {
  private readonly words = new Set<string>();
  add(line: string): void {
    // Every whole token but the last (which may be the first half of a hyphenated word).
    const tokens = line.split(/\s+/);
    for (let i = 0; i < tokens.length - 1; i++) {
      const t = tokens[i]!.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
      if (t) this.words.add(t);
    }
  }
  has(word: string): boolean {
    return this.words.has(word.toLowerCase());
  }
}

/**
 * Join a line to the text before it. A soft hyphen at the end is always a break inside a word. A
 * hyphen after a lowercase letter, followed by a lowercase letter, is a word hyphenated at the
 * line end and is removed ("inter-" + "national" → "international") unless the document spells
 * the word with its hyphen elsewhere and never without it, or the part before the hyphen is
 * itself hyphenated ("state-of-" + "the-art") or a prefix that keeps its hyphen ("well-" +
 * "known"). A hyphen followed by a capital or a digit stays ("Korean-" + "Russian"). Otherwise
 * the line is joined with one space.
 */
export function joinLine(before: string, line: string, words?: WordIndex): string {
  if (before === '') return line;
  if (before.endsWith('\u00ad')) return before.slice(0, -1) + line;
  const m = /(\p{L}[\p{L}\p{M}'’-]*)[-\u2010]$/u.exec(before);
  const next = /^([\p{L}\p{M}]+)/u.exec(line);
  if (m && next && /\p{Ll}[\p{M}]*$/u.test(m[1]!) && /^\p{Ll}/u.test(next[1]!)) {
    const head = m[1]!;
    const tail = next[1]!;
    const headWord = head.split(/[-’']/).at(-1)!;
    const keep =
      head.includes('-') ||
      HYPHENATED_PREFIXES.has(headWord.toLowerCase()) ||
      (words !== undefined && words.has(`${headWord}-${tail}`) && !words.has(`${headWord}${tail}`));
    return keep ? before + line : before.slice(0, -1) + line;
  }
  // A hyphen right after a letter or digit, before a word or number: a compound or range broken at the hyphen.
  if (/[\p{L}\p{N}][-\u2010]$/u.test(before) && /^[\p{L}\p{N}]/u.test(line)) return before + line;
  return `${before} ${line}`;
}

// --- Paragraphs and pages ---------------------------------------------------------------------

export interface PdfPageLines {
  lines: PdfLine[];
}

/** Vertical gap (baseline to baseline) above which a new paragraph starts, as a multiple of the usual line spacing. */
const PARAGRAPH_GAP = 1.35;
/** Font sizes within this ratio are the same size. */
const SAME_SIZE = 1.1;
/** Text this much larger than the body text is a heading. */
const HEADING_SIZE = 1.15;
/** A first line indented by more than this share of the font size starts a paragraph. */
const INDENT = 0.8;
/** Longest heading, in characters; longer large text is a paragraph (a pull quote, a lead). */
const MAX_HEADING_LENGTH = 200;

const LIST_MARKER = /^(?:[•◦▪▫‣∙●○■□–—*]|-(?=\s)|\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,5}[.)])\s/u;
const SENTENCE_END = /[.!?…:;。！？؟"”’»)\]]$/u;
const PAGE_NUMBER = /^(?:(?:page|p\.|стр\.|seite|página)\s*)?(?:\d{1,5}|[ivxlcdm]{1,7})(?:\s*(?:of|\/|из|von|de)\s*\d{1,5})?$/iu;

interface Paragraph {
  lines: PdfLine[];
  kind: BlockKind;
  fontSize: number;
}

export interface LaidOutPdf {
  text: string;
  blocks: ArticleBlock[];
  pages: { start: number; end: number }[];
  /** Lines dropped as running headers, footers or page numbers. */
  droppedLines: number;
}

/// Lay out a whole document: pages of lines → text, blocks and page ranges.
export function layOutPages(pages: PdfPageLines[]): LaidOutPdf {
  const { kept, dropped } = dropPageFurniture(pages);
  const bodySize = dominantSize(kept.flat());
  const lineGap = usualLineGap(kept, bodySize);
  const headingSizes = [...new Set(kept.flat().filter((l) => l.fontSize >= bodySize * HEADING_SIZE).map((l) => l.fontSize))].sort((a, b) => b - a);
  const headingLevel = (size: number) => Math.min(6, headingSizes.findIndex((s) => s <= size * 1.02) + 1 || headingSizes.length);

  const words = new WordIndex();
  for (const line of kept.flat()) words.add(line.text);

  const out = new ArticleTextBuilder();
  /** Where each page's text starts (UTF-16, in the final text); -1 until known. */
  const pageStarts = kept.map(() => -1);
  // The paragraph being built: it is added to the text only once the next one is known not to
  // continue it (a page break may fall inside it, and its last hyphen may go).
  let pending: { text: string; kind: BlockKind; level: number; fontSize: number; marks: { page: number; offset: number }[]; slack: number } | null = null;
  const flush = () => {
    if (!pending) return;
    const block = out.add(pending.text, pending.kind, pending.level);
    if (block) for (const m of pending.marks) if (pageStarts[m.page]! < 0) pageStarts[m.page] = block.start + m.offset;
    pending = null;
  };

  kept.forEach((lines, page) => {
    const paragraphs = toParagraphs(lines, bodySize, lineGap);
    paragraphs.forEach((para, p) => {
      let text = '';
      for (const line of para.lines) text = joinLine(text, line.text, words);
      if (text === '') return;
      const last = para.lines[para.lines.length - 1]!;
      // Room left at the end of the paragraph's last line.
      const slack = columnRight(lines, last.x, last.fontSize) - last.xEnd;
      if (p === 0 && pending && continuesAcrossPage(pending, para, text)) {
        const joined = joinLine(pending.text, text, words);
        // joinLine always ends with the joined line, unchanged.
        pending.marks.push({ page, offset: joined.length - text.length });
        pending.text = joined;
        pending.slack = slack;
        return;
      }
      flush();
      const heading = para.kind === 'paragraph' && para.fontSize >= bodySize * HEADING_SIZE && text.length <= MAX_HEADING_LENGTH;
      pending = { text, kind: heading ? 'heading' : para.kind, level: heading ? headingLevel(para.fontSize) : 0, fontSize: para.fontSize, marks: [{ page, offset: 0 }], slack };
    });
  });
  flush();
  const { text, blocks } = out.build();
  // A page without text starts where the next one does; each page ends where the next starts,
  // less the blank line between blocks.
  const pageRanges: { start: number; end: number }[] = [];
  for (let i = pageStarts.length - 1, next = text.length; i >= 0; i--) {
    const start = pageStarts[i]! < 0 ? next : pageStarts[i]!;
    let end = next;
    if (end - start >= 2 && text.slice(end - 2, end) === '\n\n') end -= 2;
    pageRanges.unshift({ start, end });
    next = start;
  }
  return { text, blocks, pages: pageRanges, droppedLines: dropped };
}

function toParagraphs(lines: PdfLine[], bodySize: number, lineGap: number): Paragraph[] {
  const paras: Paragraph[] = [];
  let cur: Paragraph | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prev = i > 0 ? lines[i - 1]! : null;
    const isItem = LIST_MARKER.test(line.text);
    let start = true;
    if (cur && prev) {
      const gap = prev.y - line.y;
      const size = Math.max(line.fontSize, prev.fontSize);
      const spacing = sameSize(line.fontSize, bodySize) && sameSize(prev.fontSize, bodySize) ? lineGap : size * 1.2;
      const indent = INDENT * size;
      start =
        gap > spacing * PARAGRAPH_GAP + 0.5 || // a blank gap
        gap < -0.5 * size || // moved up: a new column or a float
        !sameSize(line.fontSize, cur.fontSize) ||
        isItem ||
        // A first line indented more than the line before it.
        (cur.kind !== 'list' && line.x > prev.x + indent) ||
        // Back at (or left of) the marker after a list item: the list is over.
        (cur.kind === 'list' && line.x <= cur.lines[0]!.x + 0.1 * size && (cur.lines.length === 1 || cur.lines[1]!.x > line.x + indent)) ||
        // The line before ended a sentence although the first word of this one would have fitted
        // after it: the break was not for lack of room (paragraphs without spacing, list items
        // whose bullets are drawn, not written).
        (SENTENCE_END.test(prev.text) && /^[\p{Lu}\p{Nd}"“'‘«(\[]/u.test(line.text) && columnRight(lines, prev.x, size) - prev.xEnd > firstWordWidth(line.text, size));
    }
    if (start) {
      cur = { lines: [line], kind: isItem ? 'list' : 'paragraph', fontSize: line.fontSize };
      paras.push(cur);
    } else {
      cur!.lines.push(line);
    }
  }
  return paras;
}

/** Right edge of the column a line starting at `x` is in: the furthest right any line starting near it ends. */
function columnRight(lines: PdfLine[], x: number, size: number): number {
  let right = 0;
  for (const l of lines) if (Math.abs(l.x - x) <= 4 * size && l.xEnd > right) right = l.xEnd;
  return right;
}

/** A generous estimate of a line's first word's width (average glyph 0.6 em), plus a space. */
function firstWordWidth(text: string, size: number): number {
  const word = /^\S+/.exec(text)?.[0] ?? '';
  return ([...word].length + 1) * 0.6 * size;
}

function sameSize(a: number, b: number): boolean {
  return Math.max(a, b) / Math.max(0.1, Math.min(a, b)) <= SAME_SIZE;
}

/**
 * Does the first paragraph of a page continue the last one of the page before? Yes after a
 * hyphen or before a lowercase letter; otherwise when the last line of the page before was full
 * (the first word of this page would not have fitted on it) and this page's first line is not
 * indented. A sentence end is no sign either way: pages often break between two sentences.
 */
function continuesAcrossPage(prev: { text: string; kind: BlockKind; fontSize: number; slack: number }, next: Paragraph, nextText: string): boolean {
  if (prev.kind === 'heading' || prev.kind === 'code' || next.kind !== 'paragraph') return false;
  if (!sameSize(prev.fontSize, next.fontSize)) return false;
  if (/[-\u2010\u00ad]$/.test(prev.text)) return true;
  if (/^\p{Ll}/u.test(nextText)) return true;
  const first = next.lines[0]!;
  const indented = next.lines.length > 1 && first.x > next.lines[1]!.x + INDENT * first.fontSize;
  return !indented && prev.slack <= firstWordWidth(nextText, first.fontSize);
}

/** The font size most characters have. */
function dominantSize(lines: PdfLine[]): number {
  const count = new Map<number, number>();
  for (const l of lines) count.set(l.fontSize, (count.get(l.fontSize) ?? 0) + l.text.length);
  let best = 12;
  let n = -1;
  for (const [size, c] of count) if (c > n) [best, n] = [size, c];
  return best;
}

/** The usual baseline-to-baseline distance between consecutive body-size lines (the median). */
function usualLineGap(pages: PdfLine[][], bodySize: number): number {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1]!;
      const b = lines[i]!;
      if (a.fontSize !== bodySize || b.fontSize !== bodySize) continue;
      const g = a.y - b.y;
      if (g > 0.5 * bodySize && g < 3 * bodySize) gaps.push(g);
    }
  }
  if (gaps.length === 0) return bodySize * 1.2;
  gaps.sort((x, y) => x - y);
  // The lower quartile, not the median: in a text of short paragraphs, half the gaps may be paragraph gaps.
  return gaps[Math.floor(gaps.length / 4)]!;
}

/**
 * Running headers and footers: among the two top and two bottom lines of each page, those set
 * apart from the rest of the page (more than two body lines away from any other line) and no
 * larger than the body text (so a "Section 12" heading atop each page stays) that are a
 * page number alone or that (digits ignored) recur at the top or bottom of at least 3 pages and
 * 40% of them. The gap condition keeps a body line that happens to repeat.
 */
function dropPageFurniture(pages: PdfPageLines[]): { kept: PdfLine[][]; dropped: number } {
  const body = dominantSize(pages.flatMap((p) => p.lines));
  const apart = 2 * body;
  const edgeIndexes = (lines: PdfLine[]) => {
    const byY = lines.map((l, i) => ({ y: l.y, i })).sort((a, b) => b.y - a.y);
    const picks = new Set<number>();
    for (const e of [...byY.slice(0, 2), ...byY.slice(-2)]) {
      const nearest = Math.min(...byY.filter((o) => o.i !== e.i).map((o) => Math.abs(o.y - e.y)));
      if (nearest > apart && lines[e.i]!.fontSize <= body * 1.05) picks.add(e.i);
    }
    return picks;
  };
  const key = (l: PdfLine) => l.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
  const edges = pages.map((page) => edgeIndexes(page.lines));
  const recurring = new Map<string, number>();
  pages.forEach((page, p) => {
    const seen = new Set<string>();
    for (const i of edges[p]!) seen.add(key(page.lines[i]!));
    for (const k of seen) recurring.set(k, (recurring.get(k) ?? 0) + 1);
  });
  const minPages = Math.max(3, Math.ceil(pages.length * 0.4));
  let dropped = 0;
  const kept = pages.map((page, p) =>
    page.lines.filter((l, i) => {
      if (!edges[p]!.has(i)) return true;
      const furniture = PAGE_NUMBER.test(l.text.trim()) || (recurring.get(key(l)) ?? 0) >= minPages;
      if (furniture) dropped++;
      return !furniture;
    }),
  );
  return { kept, dropped };
}
