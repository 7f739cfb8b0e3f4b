// Offsets are a contract: every offset Gloss stores or exchanges counts Unicode code points
// over the decoded source text. JavaScript strings count UTF-16 code units, so this module is
// the one place that converts between the two. Everything else calls it.
import { lastIndexAtOrBefore } from './sorted-search.js';

/** True when the string holds a surrogate pair (an astral character such as most emoji). */
export function hasAstral(text: string): boolean {
  return /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
}

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  if (!hasAstral(text)) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * A text with a precomputed code-point index, for repeated conversions on long documents.
 * Conversions are O(log n) via checkpoints every 1024 UTF-16 units when the text has astral
 * characters, and O(1) when it does not (the common case).
 */
export class CodePointText {
  readonly text: string;
  readonly astral: boolean;
  readonly length: number;
  /** checkpoints[k] = code point index at UTF-16 index k * STEP (only when astral). */
  private readonly checkpoints: Int32Array | null;
  private static readonly STEP = 1024;

  constructor(text: string) {
    this.text = text;
    this.astral = hasAstral(text);
    if (!this.astral) {
      this.checkpoints = null;
      this.length = text.length;
      return;
    }
    const step = CodePointText.STEP;
    const cps = new Int32Array(Math.floor(text.length / step) + 2);
    let n = 0;
    let i = 0;
    let next = 0;
    while (i < text.length) {
      // cps[k] counts the code points that start before unit k * step.
      while (next * step <= i) cps[next++] = n;
      const c = text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
      n++;
    }
    while (next < cps.length) cps[next++] = n;
    this.checkpoints = cps;
    this.length = n;
  }

  /** UTF-16 index → code point index. */
  toCodePoint(u16: number): number {
    if (!this.checkpoints) return Math.max(0, Math.min(u16, this.text.length));
    const end = Math.max(0, Math.min(u16, this.text.length));
    // Start from the checkpoint at or before `end`; a checkpoint may fall inside a pair, so
    // step back one unit if it does.
    const k = Math.floor(end / CodePointText.STEP);
    let i = k * CodePointText.STEP;
    if (i > 0 && isLow(this.text.charCodeAt(i)) && this.isHigh(i - 1)) {
      i -= 1;
    }
    let n = this.cpAtUnit(i, k);
    while (i < end) {
      const c = this.text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && isLow(this.text.charCodeAt(i + 1)) ? 2 : 1;
      n++;
    }
    return n;
  }

  /** Code point index → UTF-16 index. */
  toUtf16(cp: number): number {
    if (!this.checkpoints) return Math.max(0, Math.min(cp, this.text.length));
    if (cp <= 0) return 0;
    if (cp >= this.length) return this.text.length;
    // The last checkpoint whose code point index is <= cp.
    const lo = Math.max(0, lastIndexAtOrBefore(this.checkpoints, cp));
    let i = lo * CodePointText.STEP;
    if (i > 0 && i < this.text.length && isLow(this.text.charCodeAt(i)) && this.isHigh(i - 1)) i -= 1;
    let n = this.cpAtUnit(i, lo);
    while (n < cp && i < this.text.length) {
      const c = this.text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && isLow(this.text.charCodeAt(i + 1)) ? 2 : 1;
      n++;
    }
    return i;
  }

  /** The code points [start, end) as a string. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }

  private isHigh(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return c >= 0xd800 && c <= 0xdbff;
  }

  /** Code point index at UTF-16 unit i, where i is checkpoint k's unit or one before it. */
  private cpAtUnit(i: number, k: number): number {
    const base = this.checkpoints![k]!;
    return i === k * CodePointText.STEP ? base : base - 1;
  }
}
