// Undo and redo of annotation changes. A change is the annotations it replaced and the ones it
// put in their place (by id), so undoing is applying the change the other way round. Changes with
// the same coalesce key in quick succession (typing a note) merge into one step.

import { compareByPosition } from '../../shared/annotations.js';
import type { Annotation } from '../../shared/sidecar-format.js';
import type { AnchorNote } from './document-slice.js';

export interface AnnotationChange {
  /** Annotations as they were before (absent ids were created by the change). */
  before: readonly Annotation[];
  /** Annotations as they are after (absent ids were deleted by the change). */
  after: readonly Annotation[];
  /** Changes with equal keys within COALESCE_MS merge into one undo step. */
  coalesceKey?: string;
  at: number;
  /** Anchoring notes of the changed annotations before and after (re-attaching an orphan clears its note; undo restores it). */
  anchorsBefore?: Record<string, AnchorNote | null>;
  anchorsAfter?: Record<string, AnchorNote | null>;
}

/** How close in time two edits of the same field must be to undo as one. */
export const COALESCE_MS = 1500;

/**
 * Apply a change to a list kept in text order (compareByPosition): drop the `before` and `after`
 * ids, then insert each `after` annotation where it belongs. The list stays sorted, so the
 * annotation list never sorts 10,000 entries on a keystroke.
 */
export function applyChange(list: readonly Annotation[], change: Pick<AnnotationChange, 'before' | 'after'>): Annotation[] {
  // A tag key adds one annotation, a delete key removes one: one copy of the list, made by the
  // engine, instead of a copy and then a splice moving half of it.
  if (change.before.length === 0 && change.after.length === 1) return list.toSpliced(sortedIndex(list, change.after[0]!), 0, change.after[0]!);
  if (change.before.length === 1 && change.after.length === 0) {
    const at = indexOfId(list, change.before[0]!);
    if (at >= 0) return list.toSpliced(at, 1);
  }
  const out = list.slice();
  // Each replaced annotation is found where its position puts it (binary search), not by a scan
  // of the whole list: a tag or delete key on 10,000 annotations touches a few entries.
  const gone = new Set(change.before.map((a) => a.id));
  for (const a of change.after) gone.add(a.id);
  for (const a of [...change.before, ...change.after]) {
    if (!gone.has(a.id)) continue;
    const at = indexOfId(out, a);
    if (at >= 0) {
      out.splice(at, 1);
      gone.delete(a.id);
    }
  }
  // An id whose stored position differs from the one given (not expected) is found by a scan.
  if (gone.size > 0) for (let i = out.length - 1; i >= 0; i--) if (gone.has(out[i]!.id)) out.splice(i, 1);
  for (const a of change.after) out.splice(sortedIndex(out, a), 0, a);
  return out;
}

/** Index of the annotation with `a`'s id among those at `a`'s position, or -1. */
function indexOfId(list: readonly Annotation[], a: Annotation): number {
  for (let i = sortedIndex(list, a); i < list.length && compareByPosition(list[i]!, a) === 0; i++) if (list[i]!.id === a.id) return i;
  return -1;
}

/** Where `a` goes in a list sorted by compareByPosition (binary search). */
function sortedIndex(list: readonly Annotation[], a: Annotation): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareByPosition(list[mid]!, a) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function invert(change: AnnotationChange): AnnotationChange {
  return { before: change.after, after: change.before, at: change.at, anchorsBefore: change.anchorsAfter, anchorsAfter: change.anchorsBefore };
}

/** Push onto an undo stack, merging with the top entry when both share a coalesce key and are close in time. */
export function pushChange(stack: readonly AnnotationChange[], change: AnnotationChange, limit = 500): AnnotationChange[] {
  const top = stack[stack.length - 1];
  if (top && change.coalesceKey && top.coalesceKey === change.coalesceKey && change.at - top.at < COALESCE_MS) {
    return [...stack.slice(0, -1), { ...change, before: top.before, anchorsBefore: top.anchorsBefore }];
  }
  const next = [...stack, change];
  return next.length > limit ? next.slice(next.length - limit) : next;
}
