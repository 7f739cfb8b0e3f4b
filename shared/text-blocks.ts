// How a source text is cut into the reader's blocks. Every character of the text belongs either
// to exactly one block or to a gap between blocks (the blank lines that separate paragraphs), so
// an offset in the text always maps to one place in the reader and back. Blocks keep long
// documents fast: the reader never holds one giant text node (see docs/ARCHITECTURE.md).
// Indices here are UTF-16 units of the JavaScript string; code points are converted elsewhere.

export type BlockKind = 'paragraph' | 'heading' | 'list' | 'quote' | 'code';

export interface TextBlock {
  /** First UTF-16 index of the block in the text. */
  start: number;
  /** UTF-16 index after the block's last character. */
  end: number;
  kind: BlockKind;
  /** Heading level 1–6 for headings, else 0. */
  level: number;
  /** True when this block continues the line of the one before (a very long line cut in pieces). */
  continued: boolean;
}

/** Formats whose blocks come from the text itself; extracted formats (HTML, DOCX, PDF) bring their own structure. */
export type SourceFormat = 'txt' | 'md';

/** A block of an extracted source's structure, as its extractor gives it (UTF-16 [start, end)). */
export interface StructureBlock {
  start: number;
  end: number;
  kind: BlockKind;
  level: number;
}

/**
 * Longest block, in UTF-16 units, before it is cut at a line break (or, for a single very long
 * line, at a space). Around 10k characters keeps each block's layout and decoration scan cheap
 * while keeping the number of top-level blocks, which also costs per update, low.
 */
export const MAX_BLOCK_LENGTH = 10_000;

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/gy;

interface Line {
  start: number;
  /** End of the line's content, before its line break. */
  contentEnd: number;
  /** End including the line break. */
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  LINE.lastIndex = 0;
  while (LINE.lastIndex < text.length) {
    const start = LINE.lastIndex;
    const m = LINE.exec(text);
    if (!m || m[0].length === 0) break;
    const raw = m[0];
    const brk = raw.endsWith('\r\n') ? 2 : raw.endsWith('\n') || raw.endsWith('\r') ? 1 : 0;
    lines.push({ start, contentEnd: start + raw.length - brk, end: start + raw.length });
  }
  return lines;
}

const isBlank = (text: string, line: Line) => /^[ \t\f\v\u00a0]*$/.test(text.slice(line.start, line.contentEnd));

/** Cut `text` into blocks. Markdown gets block kinds from its markup; the markup stays in the text. */
export function splitIntoBlocks(text: string, format: SourceFormat = 'txt', maxLength = MAX_BLOCK_LENGTH): TextBlock[] {
  const lines = splitLines(text);
  const groups: { first: number; last: number; fenced: boolean }[] = [];
  let current: { first: number; last: number; fenced: boolean } | null = null;
  let inFence = false;
  lines.forEach((line, i) => {
    const content = text.slice(line.start, line.contentEnd);
    const fence = format === 'md' && /^\s{0,3}(```|~~~)/.test(content);
    if (inFence) {
      current!.last = i;
      if (fence) {
        inFence = false;
        current = null;
      }
      return;
    }
    if (fence) {
      current = { first: i, last: i, fenced: true };
      groups.push(current);
      inFence = true;
      return;
    }
    if (isBlank(text, line)) {
      current = null;
      return;
    }
    // In Markdown, a heading is always a block of its own.
    const heading = format === 'md' && /^\s{0,3}#{1,6}(\s|$)/.test(content);
    if (!current || heading) {
      current = { first: i, last: i, fenced: false };
      groups.push(current);
      if (heading) current = null;
      return;
    }
    current.last = i;
  });

  const blocks: TextBlock[] = [];
  for (const g of groups) {
    const start = lines[g.first]!.start;
    const end = lines[g.last]!.contentEnd;
    const { kind, level } = format === 'md' ? classifyMarkdown(text.slice(start, Math.min(end, start + 200)), g.fenced) : { kind: 'paragraph' as const, level: 0 };
    for (const piece of cutLong(text, lines, g.first, g.last, maxLength)) blocks.push({ ...piece, kind, level });
  }
  if (blocks.length === 0) blocks.push({ start: 0, end: 0, kind: 'paragraph', level: 0, continued: false });
  return blocks;
}

/**
 * The reader's blocks for an extracted text (HTML, DOCX, PDF): the extractor's blocks, each cut
 * like `splitIntoBlocks` cuts a long paragraph (at line breaks, then spaces, at most `maxLength`
 * UTF-16 units), keeping its kind and level.
 */
export function blocksFromStructure(text: string, structure: readonly StructureBlock[], maxLength = MAX_BLOCK_LENGTH): TextBlock[] {
  const out: TextBlock[] = [];
  for (const b of structure) {
    for (const piece of splitIntoBlocks(text.slice(b.start, b.end), 'txt', maxLength)) {
      if (piece.end === piece.start) continue;
      out.push({ start: b.start + piece.start, end: b.start + piece.end, kind: b.kind, level: b.level, continued: piece.continued });
    }
  }
  if (out.length === 0) out.push({ start: 0, end: 0, kind: 'paragraph', level: 0, continued: false });
  return out;
}

function classifyMarkdown(head: string, fenced: boolean): { kind: BlockKind; level: number } {
  if (fenced) return { kind: 'code', level: 0 };
  const h = /^\s{0,3}(#{1,6})(\s|$)/.exec(head);
  if (h) return { kind: 'heading', level: h[1]!.length };
  if (/^\s{0,3}>/.test(head)) return { kind: 'quote', level: 0 };
  if (/^\s*([-*+]|\d{1,9}[.)])\s/.test(head)) return { kind: 'list', level: 0 };
  if (/^( {4}|\t)/.test(head)) return { kind: 'code', level: 0 };
  return { kind: 'paragraph', level: 0 };
}

/** Cut lines first..last into pieces of at most maxLength units: at line breaks, else at spaces. */
function cutLong(text: string, lines: Line[], first: number, last: number, maxLength: number): Omit<TextBlock, 'kind' | 'level'>[] {
  const out: Omit<TextBlock, 'kind' | 'level'>[] = [];
  let pieceStart = lines[first]!.start;
  let continued = false;
  for (let i = first; i <= last; i++) {
    const line = lines[i]!;
    // Close the piece before this line if adding it would overflow.
    if (line.contentEnd - pieceStart > maxLength && line.start > pieceStart) {
      out.push({ start: pieceStart, end: lines[i - 1]!.contentEnd, continued });
      pieceStart = line.start;
      continued = false;
    }
    // A single line longer than the limit: cut after a space near the limit.
    while (line.contentEnd - pieceStart > maxLength) {
      let cut = text.lastIndexOf(' ', pieceStart + maxLength);
      if (cut <= pieceStart) cut = pieceStart + maxLength;
      else cut += 1;
      // Never cut between the two halves of a surrogate pair.
      const c = text.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut += 1;
      out.push({ start: pieceStart, end: cut, continued });
      pieceStart = cut;
      continued = true;
    }
  }
  out.push({ start: pieceStart, end: lines[last]!.contentEnd, continued });
  return out;
}
