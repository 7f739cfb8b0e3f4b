// Anchoring places stored annotations on the current text. It is pure: text and stored
// selectors in, positions and a status out. Order of trust, as in the Hypothesis client:
// the stored position if the text there still equals `exact`; otherwise the exact text found
// elsewhere, the candidate chosen by matching context and nearness; otherwise the annotation is
// orphaned — kept, shown, never dropped.
import type { CodePointText } from './code-points.js';
import type { Annotation } from './sidecar-format.js';

export type AnchorStatus = 'anchored' | 'moved' | 'orphaned';

export interface Anchor {
  status: AnchorStatus;
  /** Where the annotation now stands (code points); for an orphan, its stored position. */
  start: number;
  end: number;
}

/** Place one annotation on `text`. */
export function anchorAnnotation(text: CodePointText, annotation: Annotation): Anchor {
  const { start, end, exact } = annotation;
  if (end <= text.length && text.slice(start, end) === exact) return { status: 'anchored', start, end };
  if (exact.length === 0) return { status: 'orphaned', start, end };
  const found = findExact(text, annotation);
  if (found !== null) return { status: 'moved', start: found, end: found + (end - start) };
  return { status: 'orphaned', start, end };
}

/** Place every annotation; the result has one entry per annotation, in the same order. */
export function anchorAll(text: CodePointText, annotations: readonly Annotation[]): Anchor[] {
  return annotations.map((a) => anchorAnnotation(text, a));
}

/**
 * Best code point position of `exact` in the text, or null. Each occurrence is scored by how
 * many code points of the stored prefix and suffix still stand beside it (context wins), and
 * ties go to the occurrence nearest the stored position (a tie-breaker only).
 */
function findExact(text: CodePointText, annotation: Annotation): number | null {
  const raw = text.text;
  const quote = annotation.exact;
  let best: { pos: number; score: number; distance: number } | null = null;
  for (let i = raw.indexOf(quote); i !== -1; i = raw.indexOf(quote, i + 1)) {
    const pos = text.toCodePoint(i);
    const score =
      commonSuffixLength(raw.slice(Math.max(0, i - annotation.prefix.length), i), annotation.prefix) +
      commonPrefixLength(raw.slice(i + quote.length, i + quote.length + annotation.suffix.length), annotation.suffix);
    const distance = Math.abs(pos - annotation.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { pos, score, distance };
  }
  return best ? best.pos : null;
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
