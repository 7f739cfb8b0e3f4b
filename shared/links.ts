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
    if (!a.links.some((l) => linkPointsAt(l, fromFile, file, id))) continue;
    out.push({ before: a, links: a.links.filter((l) => !linkPointsAt(l, fromFile, file, id)) });
  }
  return out;
}
