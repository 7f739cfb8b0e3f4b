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
  /** The input these decorations were made from. */
  input: HighlightInput | null;
}

export const highlightKey = new PluginKey<HighlightState>('gloss-highlights');

function classFor(id: string, input: HighlightInput): string {
  return `hl${input.fuzzy.has(id) ? ' hl-fuzzy' : ''}${id === input.selectedId ? ' hl-active' : ''}${id === input.flashId ? ' hl-flash' : ''}`;
}

/** The next state: the previous set with `remove` taken out and `add` put in. */
function apply(doc: PMNode, previous: HighlightState, painted: Map<string, Painted>, remove: Decoration[], add: Decoration[], input: HighlightInput): HighlightState {
  if (remove.length === 0 && add.length === 0) return { ...previous, input };
  // DecorationSet.add/remove may blank out entries of the array they are given: pass copies.
  let set = remove.length ? previous.set.remove([...remove]) : previous.set;
  if (add.length) set = set.add(doc, [...add]);
  return { set, painted, input };
}

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

/** The highlight plugin, painting `initial` from the start (one render of the document, not two). */
export function highlightPlugin(layout: ReaderLayout, initial?: HighlightInput): Plugin<HighlightState> {
  const decorate = (annotation: Annotation, className: string): Decoration[] => {
    const attrs = {
      nodeName: 'span',
      class: className,
      'data-ann-id': annotation.id,
      'data-tag': annotation.tag,
    };
    return layout.segments(annotation.start, annotation.end).map(([from, to]) => Decoration.inline(from, to, attrs, { annId: annotation.id }));
  };

  // `painted` is owned by this plugin and updated in place: copying a 10,000-entry map on every
  // keystroke would cost more than the change itself. Each state still gets a new DecorationSet.
  /** Repaint one annotation if what it looks like changed; `annotation` null means it is gone. */
  const repaint = (painted: Map<string, Painted>, id: string, annotation: Annotation | null, input: HighlightInput, remove: Decoration[], add: Decoration[]) => {
    const before = painted.get(id);
    if (!annotation || input.hidden.has(id)) {
      if (before) {
        remove.push(...before.decorations);
        painted.delete(id);
      }
      return;
    }
    const className = classFor(id, input);
    if (before && before.annotation === annotation && before.className === className) return;
    if (before) remove.push(...before.decorations);
    const decorations = decorate(annotation, className);
    add.push(...decorations);
    painted.set(id, { annotation, className, decorations });
  };

  const update = (doc: PMNode, previous: HighlightState, input: HighlightInput): HighlightState => {
    const painted = previous.painted;
    const remove: Decoration[] = [];
    const add: Decoration[] = [];
    const last = previous.input;
    if (last && last.hidden === input.hidden && last.fuzzy === input.fuzzy) {
      // Both lists are in text order and share their unchanged annotations by identity: skip the
      // common head and tail; what lies between is all that can have changed. A keystroke costs
      // the change, not the document's 10,000 annotations.
      const a = last.annotations;
      const b = input.annotations;
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      let ea = a.length;
      let eb = b.length;
      while (ea > i && eb > i && a[ea - 1] === b[eb - 1]) {
        ea--;
        eb--;
      }
      const now = new Map<string, Annotation>();
      for (let k = i; k < eb; k++) now.set(b[k]!.id, b[k]!);
      for (let k = i; k < ea; k++) if (!now.has(a[k]!.id)) repaint(painted, a[k]!.id, null, input, remove, add);
      for (const [id, annotation] of now) repaint(painted, id, annotation, input, remove, add);
      // The selection and the flash may have moved between annotations that did not change.
      for (const id of new Set([last.selectedId, input.selectedId, last.flashId, input.flashId])) {
        const current = id ? painted.get(id) : undefined;
        if (id && current && !now.has(id)) repaint(painted, id, current.annotation, input, remove, add);
      }
      return apply(doc, previous, painted, remove, add, input);
    }
    // Everything may have changed (first paint, anchoring notes changed): compare each annotation.
    const keep = new Set<string>();
    for (const annotation of input.annotations) {
      keep.add(annotation.id);
      repaint(painted, annotation.id, annotation, input, remove, add);
    }
    for (const id of [...painted.keys()]) if (!keep.has(id)) repaint(painted, id, null, input, remove, add);
    return apply(doc, previous, painted, remove, add, input);
  };

  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: (_config, state) => {
        const empty: HighlightState = { set: DecorationSet.empty, painted: new Map(), input: null };
        return initial ? update(state.doc, empty, initial) : empty;
      },
      apply(tr, value) {
        const input = tr.getMeta(highlightKey) as HighlightInput | undefined;
        const mapped = tr.docChanged ? { ...value, set: value.set.map(tr.mapping, tr.doc) } : value;
        return input ? update(tr.doc, mapped, input) : mapped;
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.set,
    },
  });
}
