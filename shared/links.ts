// Links between annotations: a denial denies a claim, a quote supports one. A link lives on its
// source annotation (`links[]`: type, target id, and `file` when the target is in another article
// of the folder). These pure helpers answer what the reader and the list ask of links: which links
// point at an annotation, which tags may be linked, and what a deletion would leave dangling.
import type { Annotation } from './sidecar-format.js';
import type { LinkDefinition, TagDefinition } from './tags.js';

export type AnnotationLink = Annotation['links'][number];

/** A link seen from its target: the annotation that links and how. */
export interface IncomingLink {
  /** Folder-relative path of the linking annotation's source; null when it is the same article. */
  file: string | null;
  from: Pick<Annotation, 'id' | 'tag' | 'exact' | 'attributes'>;
  type: string;
}

/** True when `link`, made in the article at `fromFile`, points at annotation `id` of `file`. */
export function linkPointsAt(link: AnnotationLink, fromFile: string, file: string, id: string): boolean {
  return link.target === id && (link.file ?? fromFile) === file;
}

/** Links inside one article (no `file`, or `file` naming this article), grouped by target id. */
export function incomingLinks(annotations: readonly Annotation[], file: string): Map<string, IncomingLink[]> {
  const byTarget = new Map<string, IncomingLink[]>();
  for (const a of annotations) {
    for (const link of a.links) {
      if ((link.file ?? file) !== file) continue;
      const list = byTarget.get(link.target) ?? [];
      list.push({ file: null, from: a, type: link.type });
      byTarget.set(link.target, list);
    }
  }
  return byTarget;
}

/** The link definitions that let an annotation tagged `sourceTag` link to one tagged `targetTag`. */
export function linkTypesBetween(tags: readonly TagDefinition[], sourceTag: string, targetTag: string): LinkDefinition[] {
  const source = tags.find((t) => t.id === sourceTag);
  return (source?.links ?? []).filter((l) => l.targetTags.length === 0 || l.targetTags.includes(targetTag));
}

/** Whether annotations with this tag can link at all. */
export function canLink(tags: readonly TagDefinition[], sourceTag: string): boolean {
  return (tags.find((t) => t.id === sourceTag)?.links ?? []).length > 0;
}

/** The links within one article that point at annotation `id` (what `incomingLinks` gives for one id, without building the map). */
export function linksInto(annotations: readonly Annotation[], file: string, id: string): IncomingLink[] {
  const out: IncomingLink[] = [];
  for (const a of annotations) {
    if (a.links.length === 0) continue;
    for (const link of a.links) if (link.target === id && (link.file ?? file) === file) out.push({ file: null, from: a, type: link.type });
  }
  return out;
}

/** `annotation`'s links with `link` added (one link of a type to the same target, no duplicates). */
export function withLink(annotation: Annotation, link: AnnotationLink): AnnotationLink[] {
  const rest = annotation.links.filter((l) => !(l.type === link.type && l.target === link.target && (l.file ?? null) === (link.file ?? null)));
  return [...rest, link];
}

/**
 * The annotations of one article that link to annotation `id` of `file`, each with those links
 * taken out: what deleting that annotation must change so no link is left dangling.
 */
export function unlinkFrom(annotations: readonly Annotation[], fromFile: string, file: string, id: string): { before: Annotation; links: AnnotationLink[] }[] {
  const out: { before: Annotation; links: AnnotationLink[] }[] = [];
  for (const a of annotations) {
    // Most annotations link to nothing: skipped without a closure per entry (10,000 on a delete key).
    if (a.links.length === 0 || !a.links.some((l) => linkPointsAt(l, fromFile, file, id))) continue;
    out.push({ before: a, links: a.links.filter((l) => !linkPointsAt(l, fromFile, file, id)) });
  }
  return out;
}

/** One row of the annotation list: an annotation, and the link that places it under another. */
export interface ListRow {
  annotation: Annotation;
  /** Set when the row is shown under the annotation it links to (a denial under its claim). */
  via: AnnotationLink | null;
}

/**
 * The list order: text order, except that an annotation linking to another one of the same
 * article is shown right under it (a claim followed by its denials and the quotes that support
 * it). One level deep: a row placed under another does not gather rows of its own, so every
 * annotation appears exactly once. Null when nothing is grouped: the list is `annotations` as it is.
 */
export function groupByLinkTarget(annotations: readonly Annotation[], file: string): ListRow[] | null {
  // Most documents link little or nothing: then the list is the text order itself, with nothing
  // allocated (this runs on every change of a document with 10,000 annotations).
  if (!annotations.some((a) => a.links.length > 0 && a.links.some((l) => (l.file ?? file) === file))) return null;
  const present = new Set(annotations.map((a) => a.id));
  const parentOf = new Map<string, AnnotationLink>();
  for (const a of annotations) {
    const link = a.links.find((l) => (l.file ?? file) === file && l.target !== a.id && present.has(l.target));
    if (link) parentOf.set(a.id, link);
  }
  // A target that is itself placed under something stays in place, so chains do not hide rows.
  for (const [id, link] of [...parentOf]) if (parentOf.has(link.target)) parentOf.delete(id);
  if (parentOf.size === 0) return null;
  const children = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const link = parentOf.get(a.id);
    if (link) children.set(link.target, [...(children.get(link.target) ?? []), a]);
  }
  const rows: ListRow[] = [];
  for (const a of annotations) {
    if (parentOf.has(a.id)) continue;
    rows.push({ annotation: a, via: null });
    for (const child of children.get(a.id) ?? []) rows.push({ annotation: child, via: parentOf.get(child.id)! });
  }
  return rows;
}
