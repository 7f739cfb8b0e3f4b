// Finding a quote in a text when it may have changed: exact occurrences first, else approximate
// ones (Myers' bit-parallel algorithm from approx-string-match), each scored on the quote, its
// context and its position — the scheme of the Hypothesis client's matchQuote, whose test cases
// this module passes (see match-quote.test.ts). Indices are UTF-16 units of the string searched.
import approxSearch from 'approx-string-match';

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Expected start of the quote; used only to break ties between equally good matches. */
  hint?: number;
  /**
   * Score only candidates with at most this many more errors than the best one. The approximate
   * search reports every alignment within the error limit — around one true match that can be
   * hundreds of overlapping candidates — and scoring each one's context is the costly part.
   * Unset (the Hypothesis behaviour): score them all.
   */
  errorSlack?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0–1; 1 is the quote and its context found exactly. */
  score: number;
  /** Edit distance between the quote and the matched text. */
  errors: number;
}

/** All exact occurrences of `str`, or else its approximate ones within `maxErrors`. */
function search(text: string, str: string, maxErrors: number): { start: number; end: number; errors: number }[] {
  const exact: { start: number; end: number; errors: number }[] = [];
  for (let i = text.indexOf(str); i !== -1; i = text.indexOf(str, i + 1)) exact.push({ start: i, end: i + str.length, errors: 0 });
  if (exact.length > 0) return exact;
  return approxSearch(text, str, maxErrors);
}

/** How alike `str` is to the best-matching part of `text`, 0–1. */
function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const best = search(text, str, str.length)[0];
  return best ? 1 - best.errors / str.length : 0;
}

// Weights as in the Hypothesis client: the quote matters most; prefix and suffix equally; the
// position only breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/** The best match of `quote` in `text`, or null when none is within half the quote's length of edits. */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  // Allow up to half the quote to differ; beyond that a "match" is mostly something else.
  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  let matches = search(text, quote, maxErrors);
  if (matches.length === 0) return null;
  if (context.errorSlack !== undefined) {
    const fewest = Math.min(...matches.map((m) => m.errors));
    matches = matches.filter((m) => m.errors <= fewest + context.errorSlack!);
  }
  let best: QuoteMatch | null = null;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix ? textMatchScore(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const suffixScore = context.suffix ? textMatchScore(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const positionScore = typeof context.hint === 'number' ? 1 - Math.abs(m.start - context.hint) / text.length : 1;
    const score =
      (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore) /
      (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
    // Strictly greater: among equal scores the earliest match wins.
    if (!best || score > best.score) best = { start: m.start, end: m.end, score, errors: m.errors };
  }
  return best;
}
