// Pure operations on annotations as standoff data: creating one from a selection of the text,
// re-tagging, noting. Every function returns new objects; the store keeps them immutable so
// that the reader can tell what changed by identity.
import { CONTEXT_LENGTH, type Annotation } from './sidecar-format.js';
import type { CodePointText } from './code-points.js';

export interface NewAnnotationInput {
  tag: string;
  start: number;
  end: number;
  author?: string;
  /** Injected for tests; defaults to crypto.randomUUID(). */
  id?: string;
  /** Injected for tests; defaults to now. */
  now?: Date;
}

/** A new annotation covering code points [start, end) of `text`, with its exact text and context. */
export function createAnnotation(text: CodePointText, input: NewAnnotationInput): Annotation {
  const start = Math.max(0, Math.min(input.start, input.end, text.length));
  const end = Math.min(text.length, Math.max(input.start, input.end));
  const stamp = (input.now ?? new Date()).toISOString();
  return {
    id: input.id ?? globalThis.crypto.randomUUID(),
    tag: input.tag,
    start,
    end,
    ...quoteAt(text, start, end),
    attributes: {},
    note: '',
    links: [],
    created: stamp,
    modified: stamp,
    author: input.author ?? '',
  };
}

/** The exact text and its context at [start, end): what anchoring uses to find the span again. */
export function quoteAt(text: CodePointText, start: number, end: number): Pick<Annotation, 'exact' | 'prefix' | 'suffix'> {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, Math.min(text.length, end + CONTEXT_LENGTH)),
  };
}

/** A copy of `annotation` with `changes` applied and `modified` stamped. */
export function reviseAnnotation(annotation: Annotation, changes: Partial<Pick<Annotation, 'tag' | 'note' | 'attributes' | 'links'>>, now = new Date()): Annotation {
  return { ...annotation, ...changes, modified: now.toISOString() };
}

/** Order for lists: by start, then longer first (so an enclosing claim precedes the quote inside it). */
export function compareByPosition(a: Pick<Annotation, 'start' | 'end' | 'id'>, b: Pick<Annotation, 'start' | 'end' | 'id'>): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Apply changes by id to a list of annotations: `upsert` replaces the annotation with the same id
 * or adds it; `remove` deletes by id. The result is in text order (stable, diff-friendly files).
 */
export function applyAnnotationChanges(current: readonly Annotation[], upsert: readonly Annotation[], remove: readonly string[]): Annotation[] {
  const byId = new Map(current.map((a) => [a.id, a]));
  for (const id of remove) byId.delete(id);
  for (const a of upsert) byId.set(a.id, a);
  return [...byId.values()].sort(compareByPosition);
}

/** Line-ending style of a text, as recorded in the fingerprint. */
export function detectLineEndings(text: string): 'lf' | 'crlf' | 'cr' | 'mixed' | 'none' {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
}
