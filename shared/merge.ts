// Merging two sets of annotations by id, when another program changed the sidecar while the
// analyst had unsaved changes. Three-way: against the last version both sides shared (`base`), a
// side that did not touch an annotation takes the other side's version. When both changed the same
// annotation, the later `modified` wins; a change beats a deletion, so nothing is lost silently.
import type { Annotation } from './sidecar-format.js';

export interface MergeResult {
  merged: Annotation[];
  /** Annotations added, changed or deleted by the other program and taken over. */
  takenFromDisk: number;
  /** Annotations both sides changed: the later change was kept. */
  conflicts: number;
}

/** Same content, ignoring where anchoring placed it (positions and context). */
export function sameAnnotation(a: Annotation | undefined, b: Annotation | undefined): boolean {
  if (!a || !b) return a === b;
  return a.tag === b.tag && a.exact === b.exact && a.note === b.note && a.modified === b.modified && JSON.stringify(a.attributes) === JSON.stringify(b.attributes) && JSON.stringify(a.links) === JSON.stringify(b.links);
}

/** True when both lists hold the same annotations (by id and content). */
export function sameAnnotationSet(a: readonly Annotation[], b: readonly Annotation[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((x) => [x.id, x]));
  return a.every((x) => sameAnnotation(x, byId.get(x.id)) && x.start === byId.get(x.id)!.start && x.end === byId.get(x.id)!.end);
}

export function mergeById(base: readonly Annotation[], local: readonly Annotation[], remote: readonly Annotation[]): MergeResult {
  const baseById = new Map(base.map((a) => [a.id, a]));
  const localById = new Map(local.map((a) => [a.id, a]));
  const remoteById = new Map(remote.map((a) => [a.id, a]));
  const ids = [...new Set([...local.map((a) => a.id), ...remote.map((a) => a.id), ...base.map((a) => a.id)])];
  const merged: Annotation[] = [];
  let takenFromDisk = 0;
  let conflicts = 0;
  for (const id of ids) {
    const b = baseById.get(id);
    const l = localById.get(id);
    const r = remoteById.get(id);
    let pick: Annotation | undefined;
    if (sameAnnotation(l, b)) {
      pick = r; // we did not touch it: theirs
      if (!sameAnnotation(r, b)) takenFromDisk++;
    } else if (sameAnnotation(r, b)) {
      pick = l; // they did not touch it: ours
    } else if (!l || !r) {
      pick = l ?? r; // one side deleted, the other changed: keep the change
      conflicts++;
    } else {
      pick = r.modified > l.modified ? r : l;
      if (!sameAnnotation(l, r)) conflicts++;
      if (pick === r) takenFromDisk++;
    }
    if (pick) merged.push(pick);
  }
  return { merged, takenFromDisk, conflicts };
}
