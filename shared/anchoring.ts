// Anchoring places stored annotations on the current text. It is pure: text and stored selectors
// in, positions and a status out. Order of trust, as in the Hypothesis client, but searched near
// where the annotation is expected first so that a long document with thousands of annotations
// re-anchors in a fraction of a second:
//   1. the stored position, or the stored position shifted by the drift seen on the annotation
//      before it, if the text there equals `exact` and its context agrees → anchored / moved;
//   2. `exact` elsewhere in a window around that place, chosen by context, then nearness → moved;
//   3. an approximate match in that window (matchQuote: quote, context and position) → fuzzy,
//      with its score, for the analyst to review;
//   4. `exact` anywhere in the text, chosen by context, then nearness → moved;
//   5. otherwise orphaned: kept where it was stored, shown, never dropped.
// What is not tried: an approximate match far (beyond the window) from where the annotation was
// expected. Such an annotation is orphaned and can be re-attached by hand.
import type { CodePointText } from './code-points.js';
import { matchQuote } from './match-quote.js';
import type { Annotation } from './sidecar-format.js';

export type AnchorStatus = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';

export interface Anchor {
  status: AnchorStatus;
  /** Where the annotation now stands (code points); for an orphan, its stored position. */
  start: number;
  end: number;
  /** Match score 0–1 for fuzzy anchors. */
  score?: number;
}

/** UTF-16 units searched on either side of the expected place before looking further. */
export const SEARCH_WINDOW = 4096;
/** A fuzzy match scoring below this is not trusted: the annotation is orphaned instead. */
export const MIN_FUZZY_SCORE = 0.5;

type Stored = Pick<Annotation, 'start' | 'end' | 'exact' | 'prefix' | 'suffix'>;

/** Place every annotation; one anchor per annotation, in the same order. */
export function anchorAll(text: CodePointText, annotations: readonly Stored[]): Anchor[] {
  // The common case, an unchanged text: every annotation's text is at its stored place. Then each
  // one anchors there (no drift arises), and the ordering and searching below are not needed.
  if (annotations.every((a) => atStoredPlace(text, a))) return annotations.map((a) => ({ status: 'anchored', start: a.start, end: a.end }));
  const anchors: Anchor[] = new Array(annotations.length);
  // In order of stored position, so the drift measured on one annotation predicts the next.
  const order = annotations.map((_, i) => i).sort((a, b) => annotations[a]!.start - annotations[b]!.start);
  let drift = 0;
  for (const i of order) {
    const a = annotations[i]!;
    const anchor = anchorOne(text, a, drift);
    anchors[i] = anchor;
    if (anchor.status !== 'orphaned') drift = text.toUtf16(anchor.start) - text.toUtf16(Math.min(a.start, text.length));
  }
  return anchors;
}

/** Place one annotation; `drift` (UTF-16 units) is how far the annotations before it moved. */
export function anchorAnnotation(text: CodePointText, annotation: Stored, drift = 0): Anchor {
  return anchorOne(text, annotation, drift);
}

/** Whether `a`'s text is at its stored place (so `anchorOne` with no drift anchors it there). */
function atStoredPlace(text: CodePointText, a: Stored): boolean {
  if (a.exact.length === 0) return a.end <= text.length;
  return a.start <= text.length && text.text.startsWith(a.exact, text.toUtf16(a.start));
}

function anchorOne(text: CodePointText, a: Stored, drift: number): Anchor {
  const raw = text.text;
  const { exact } = a;
  const orphan: Anchor = { status: 'orphaned', start: a.start, end: a.end };
  if (exact.length === 0) return a.end <= text.length ? { status: 'anchored', start: a.start, end: a.end } : orphan;

  const stored = a.start <= text.length ? text.toUtf16(a.start) : -1;
  const expected = stored >= 0 ? Math.max(0, Math.min(raw.length, stored + drift)) : Math.max(0, raw.length + drift);

  // 1. The stored place — unless the drift predicts another place that also holds the text and the
  // stored place's context does not fully agree (a repeated phrase).
  if (
    stored >= 0 &&
    raw.startsWith(exact, stored) &&
    (expected === stored || !raw.startsWith(exact, expected) || contextScore(raw, stored, a) === a.prefix.length + a.suffix.length)
  ) {
    return { status: 'anchored', start: a.start, end: a.end };
  }
  // 2. Exact occurrences near the expected place.
  const from = Math.max(0, expected - SEARCH_WINDOW);
  const to = Math.min(raw.length, expected + exact.length + SEARCH_WINDOW);
  const near = bestExact(raw, a, expected, from, to);
  if (near !== null) return placed(text, a, near, exact.length, 'moved');
  // 3. An approximate match near the expected place: first close by (most edits are small and
  // local, and a short window is fast), then in the whole search window (SEARCH_WINDOW).
  const fuzzy = fuzzyNear(raw, a, expected, Math.min(SEARCH_WINDOW, NEAR_WINDOW + exact.length)) ?? fuzzyNear(raw, a, expected, SEARCH_WINDOW);
  if (fuzzy) {
    const [u16Start, u16End] = refineEdges(raw, a, fuzzy.start, fuzzy.end);
    return { status: 'fuzzy', start: text.toCodePoint(u16Start), end: text.toCodePoint(u16End), score: fuzzy.score };
  }
  // 4. Exact occurrences anywhere.
  const far = bestExact(raw, a, expected, 0, raw.length);
  if (far !== null) return placed(text, a, far, exact.length, 'moved');
  return orphan;
}

/**
 * Candidates scored per approximate search: those within this many errors of the best. Context
 * still decides among near-equal alignments (repeated phrases), at a fraction of the cost.
 */
const FUZZY_ERROR_SLACK = 3;
/** UTF-16 units on either side searched first for an approximate match. */
const NEAR_WINDOW = 256;
/** Context characters used to put a fuzzy match's edges where the unchanged text around it says. */
const EDGE_CONTEXT = 16;

function fuzzyNear(raw: string, a: Stored, expected: number, radius: number): { start: number; end: number; score: number } | null {
  const from = Math.max(0, expected - radius);
  const to = Math.min(raw.length, expected + a.exact.length + radius);
  const m = matchQuote(raw.slice(from, to), a.exact, { prefix: a.prefix, suffix: a.suffix, hint: expected - from, errorSlack: FUZZY_ERROR_SLACK });
  return m && m.score >= MIN_FUZZY_SCORE ? { start: from + m.start, end: from + m.end, score: m.score } : null;
}

/**
 * An approximate match may trim or stretch the quote's edited ends (any alignment of changed
 * characters costs the same). Where the text just before and after the annotation is unchanged,
 * put the edges right against it.
 */
function refineEdges(raw: string, a: Stored, start: number, end: number): [number, number] {
  const slack = Math.max(32, a.exact.length >> 1);
  const before = a.prefix.slice(-EDGE_CONTEXT);
  const after = a.suffix.slice(0, EDGE_CONTEXT);
  let s = start;
  let e = end;
  if (before.length >= 4) {
    const at = nearest(raw, before, start - before.length, start - before.length - slack, start + slack);
    if (at !== null && at + before.length < e) s = at + before.length;
  }
  if (after.length >= 4) {
    const at = nearest(raw, after, end, end - slack, end + slack);
    if (at !== null && at > s) e = at;
  }
  return [s, e];
}

/** Occurrence of `needle` starting within [from, to] nearest to `target`, or null. */
function nearest(raw: string, needle: string, target: number, from: number, to: number): number | null {
  let best: number | null = null;
  const start = Math.max(0, from);
  const region = raw.slice(start, to + needle.length);
  for (let r = region.indexOf(needle); r !== -1; r = region.indexOf(needle, r + 1)) {
    const i = start + r;
    if (best === null || Math.abs(i - target) < Math.abs(best - target)) best = i;
  }
  return best;
}

function placed(text: CodePointText, a: Stored, u16: number, length: number, status: 'moved'): Anchor {
  const start = text.toCodePoint(u16);
  const end = text.toCodePoint(u16 + length);
  return { status: start === a.start && end === a.end ? 'anchored' : status, start, end };
}

/** Best exact occurrence of `exact` within [from, to): most context, then nearest to `expected`. */
function bestExact(raw: string, a: Stored, expected: number, from: number, to: number): number | null {
  let best: { pos: number; score: number; distance: number } | null = null;
  // Search a slice, so that a miss costs the window, not the rest of the text.
  const region = from === 0 && to === raw.length ? raw : raw.slice(from, to);
  for (let r = region.indexOf(a.exact); r !== -1; r = region.indexOf(a.exact, r + 1)) {
    const i = from + r;
    const score = contextScore(raw, i, a);
    const distance = Math.abs(i - expected);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { pos: i, score, distance };
  }
  return best ? best.pos : null;
}

/** How many units of the stored prefix and suffix stand beside position `at` (UTF-16). */
function contextScore(raw: string, at: number, a: Stored): number {
  if (at < 0) return -1;
  const end = at + a.exact.length;
  return commonSuffixLength(raw.slice(Math.max(0, at - a.prefix.length), at), a.prefix) + commonPrefixLength(raw.slice(end, end + a.suffix.length), a.suffix);
}

function commonPrefixLength(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  let i = 0;
  while (i < n && x.charCodeAt(i) === y.charCodeAt(i)) i++;
  return i;
}

function commonSuffixLength(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  let i = 0;
  while (i < n && x.charCodeAt(x.length - 1 - i) === y.charCodeAt(y.length - 1 - i)) i++;
  return i;
}
