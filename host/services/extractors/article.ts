// The one shape every extractor returns: the text annotations are made on, its block structure,
// the article's metadata and the extractor's id. Offsets Gloss stores are code points over `text`;
// the block ranges here are UTF-16 indices, like shared/text-blocks.ts, and are converted by the
// reader. Blocks are separated by exactly one blank line ("\n\n") and never contain one, so
// `splitIntoBlocks(text)` finds the same paragraph boundaries (see docs/SOURCES.md).
import type { BlockKind } from '../../../shared/text-blocks.js';

/// One block of an extracted text: UTF-16 [start, end) in the text, its kind and heading level.
export interface ArticleBlock {
  start: number;
  end: number;
  kind: BlockKind;
  /** Heading level 1–6 for headings, else 0. */
  level: number;
}

/// What the source says about itself. Every value is plain text, trimmed, one line, at most
/// `MAX_METADATA_LENGTH` characters; `canonicalUrl` is always an absolute http(s) URL.
export interface ArticleMetadata {
  title?: string;
  byline?: string;
  /** As the source states it (ISO 8601 when the page gives one); not reformatted. */
  published?: string;
  site?: string;
  canonicalUrl?: string;
  /** BCP 47 tag as declared by the source (`lang`, `dc:language`). */
  language?: string;
}

export interface ExtractedArticle {
  /** The text annotations are made on (offsets are code points over it). Blocks separated by "\n\n". */
  text: string;
  blocks: ArticleBlock[];
  metadata: ArticleMetadata;
  /** Extractor id and versions, e.g. `html:readability@0.6.0,jsdom@26.1.0,gloss@1`; recorded in
   *  the sidecar fingerprint so a changed extraction triggers re-anchoring. */
  extractor: string;
  /** HTML only: the whole page's visible text, for the "show the whole page text" switch. */
  whole?: { text: string; blocks: ArticleBlock[] };
  /** PDF only: UTF-16 [start, end) of each page's text in `text` (a paragraph running over a
   *  page break is split between two pages here, not in the blocks). */
  pages?: { start: number; end: number }[];
  /** HTML only: the encoding the bytes were decoded with (lowercase, e.g. `utf-8`, `windows-1251`). */
  encoding?: string;
  /** Things the analyst should know, written for them. */
  warnings: string[];
}

/** Longest metadata value kept; a "title" longer than this is not a title. */
export const MAX_METADATA_LENGTH = 500;

/// Builds `text` and `blocks` together so that the two cannot disagree: every block is added as
/// its final string, and blocks are joined with one blank line.
export class ArticleTextBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly blocks: ArticleBlock[] = [];

  /** Add one block. Its text is normalised (see `normalizeBlockText`); an empty block is skipped. Returns the block or null. */
  add(raw: string, kind: BlockKind, level = 0): ArticleBlock | null {
    const text = normalizeBlockText(raw);
    if (text === '') return null;
    if (this.parts.length > 0) {
      this.parts.push('\n\n');
      this.length += 2;
    }
    const block: ArticleBlock = { start: this.length, end: this.length + text.length, kind, level: kind === 'heading' ? Math.min(6, Math.max(1, level)) : 0 };
    this.parts.push(text);
    this.length += text.length;
    this.blocks.push(block);
    return block;
  }

  /** Append to the last block (a paragraph continued on the next PDF page), with `joiner` between. */
  extendLast(raw: string, joiner: string): boolean {
    const last = this.blocks.at(-1);
    const text = normalizeBlockText(raw);
    if (!last || text === '') return false;
    const added = joiner + text;
    this.parts.push(added);
    this.length += added.length;
    last.end += added.length;
    return true;
  }

  /** Current length of the text, in UTF-16 units. */
  get textLength(): number {
    return this.length;
  }

  build(): { text: string; blocks: ArticleBlock[] } {
    return { text: this.parts.join(''), blocks: this.blocks };
  }
}

/**
 * A block's final text: lines trimmed at their ends, blank lines inside removed (a blank line is
 * the block separator), control characters other than tab and newline dropped, CR/CRLF as LF.
 */
export function normalizeBlockText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    // C0/C1 controls (except \t and \n), and the NUL that some PDFs map missing glyphs to.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
    .split('\n')
    .map((line) => line.replace(/^[ \t\f\v]+|[ \t\f\v]+$/g, ''))
    .filter((line) => line !== '')
    .join('\n');
}

/** One-line metadata value, or undefined when there is nothing usable. */
export function cleanMetadataValue(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (v === '' || v.length > MAX_METADATA_LENGTH) return undefined;
  return v;
}

/** An absolute http(s) URL (resolved against `base` when relative), or undefined. */
export function cleanUrl(value: string | null | undefined, base?: string): string | undefined {
  const v = cleanMetadataValue(value);
  if (!v) return undefined;
  try {
    const url = base ? new URL(v, base) : new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Drop undefined entries so metadata objects compare and serialise cleanly. */
export function compactMetadata(m: ArticleMetadata): ArticleMetadata {
  const out: ArticleMetadata = {};
  for (const [k, v] of Object.entries(m) as [keyof ArticleMetadata, string | undefined][]) if (v !== undefined) out[k] = v;
  return out;
}
