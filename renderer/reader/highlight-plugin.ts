// Highlights are ProseMirror decorations derived from the store's annotations by this one plugin.
// The plugin keeps its DecorationSet in plugin state and updates it incrementally: given a new
// annotation list it diffs by object identity (the store's annotations are immutable) and removes
// and adds only the decorations of annotations that changed, so tagging in a document with
// thousands of highlights costs the same as in a short one. Decorations are cut at block edges
// (see docs/PERFORMANCE-NOTES in the brief: cross-block decorations are rescanned per block).
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Annotation } from '../../shared/sidecar-format.js';
import type { ReaderLayout } from './reader-layout.js';

/** What the plugin is told on each update of the store. */
export interface HighlightInput {
  annotations: readonly Annotation[];
  /** Ids not to paint (orphans: their stored position is not where their text is). */
  hidden: ReadonlySet<string>;
  /** Ids placed by an approximate match, drawn as awaiting review. */
  fuzzy: ReadonlySet<string>;
  selectedId: string | null;
  /** An annotation to flash briefly (after a click in the list), or null. */
  flashId: string | null;
}

interface Painted {
  annotation: Annotation;
  className: string;
  decorations: Decoration[];
}

interface HighlightState {
  set: DecorationSet;
  painted: Map<string, Painted>;
}

export const highlightKey = new PluginKey<HighlightState>('gloss-highlights');

/** Attach new highlight input to a transaction. */
export function setHighlights(tr: Transaction, input: HighlightInput): Transaction {
  return tr.setMeta(highlightKey, input);
}

/** Annotation ids painted at a ProseMirror position, innermost (shortest) first. */
export function annotationsAt(state: EditorState, pos: number): string[] {
  const plugin = highlightKey.getState(state);
  if (!plugin) return [];
  const found = plugin.set.find(pos, pos, (spec: { annId?: string }) => Boolean(spec.annId));
  const ids = [...new Set(found.map((d) => (d.spec as { annId: string }).annId))];
  return ids
    .map((id) => plugin.painted.get(id)!.annotation)
    .sort((a, b) => a.end - a.start - (b.end - b.start))
    .map((a) => a.id);
}

export function highlightPlugin(layout: ReaderLayout): Plugin<HighlightState> {
  const decorate = (annotation: Annotation, className: string): Decoration[] => {
    const attrs = {
      nodeName: 'span',
      class: className,
      'data-ann-id': annotation.id,
      'data-tag': annotation.tag,
    };
    return layout.segments(annotation.start, annotation.end).map(([from, to]) => Decoration.inline(from, to, attrs, { annId: annotation.id }));
  };

  const update = (doc: PMNode, previous: HighlightState, input: HighlightInput): HighlightState => {
    const painted = new Map(previous.painted);
    const remove: Decoration[] = [];
    const add: Decoration[] = [];
    const wanted = new Set<string>();
    for (const annotation of input.annotations) {
      if (input.hidden.has(annotation.id)) continue;
      wanted.add(annotation.id);
      const className = `hl${input.fuzzy.has(annotation.id) ? ' hl-fuzzy' : ''}${annotation.id === input.selectedId ? ' hl-active' : ''}${annotation.id === input.flashId ? ' hl-flash' : ''}`;
      const before = painted.get(annotation.id);
      if (before && before.annotation === annotation && before.className === className) continue;
      if (before) remove.push(...before.decorations);
      const decorations = decorate(annotation, className);
      add.push(...decorations);
      painted.set(annotation.id, { annotation, className, decorations });
    }
    for (const [id, p] of previous.painted) {
      if (!wanted.has(id)) {
        remove.push(...p.decorations);
        painted.delete(id);
      }
    }
    if (remove.length === 0 && add.length === 0) return previous;
    // DecorationSet.add/remove may blank out entries of the array they are given: pass copies.
    let set = remove.length ? previous.set.remove([...remove]) : previous.set;
    if (add.length) set = set.add(doc, [...add]);
    return { set, painted };
  };

  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: () => ({ set: DecorationSet.empty, painted: new Map() }),
      apply(tr, value) {
        const input = tr.getMeta(highlightKey) as HighlightInput | undefined;
        const mapped = tr.docChanged ? { set: value.set.map(tr.mapping, tr.doc), painted: value.painted } : value;
        return input ? update(tr.doc, mapped, input) : mapped;
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.set,
    },
  });
}
