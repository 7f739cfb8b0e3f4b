// Highlights are ProseMirror decorations derived from the store's annotations by this one plugin.
// It is built for long documents (2 MB, 10,000 annotations):
// - Decorations are cut at block edges (cross-block decorations are rescanned for every block).
// - Only *live* sections get decorations: those the reader shows or is about to show. The view
//   reports sections as they come within reach while scrolling, and again when they are far
//   behind, so a long document opens painting a few sections' highlights, not 10,000, and the
//   number of highlight elements stays bounded however far the analyst scrolls.
// - Updates are incremental: the store's annotations are immutable and kept in text order, so a
//   change is found by skipping the unchanged head and tail of the list by identity, and only the
//   decorations of changed annotations are removed and added.
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
  /** Ids that link to another annotation or are linked to: they get a link marker at their end. */
  linked: ReadonlySet<string>;
  selectedId: string | null;
  /** An annotation to flash briefly (after a click in the list), or null. */
  flashId: string | null;
  /** The accessible name of an annotation's highlight (its tag, and who said it). */
  describe: (annotation: Annotation) => string;
}

interface Painted {
  annotation: Annotation;
  className: string;
  decorations: Decoration[];
}

interface HighlightState {
  set: DecorationSet;
  /** Owned by the plugin and updated in place (copying 10,000 entries per keystroke would cost more than the change). */
  painted: Map<string, Painted>;
  /** Sections whose highlights are drawn; owned and grown in place. */
  live: Set<number>;
  /** The input these decorations were made from. */
  input: HighlightInput | null;
}

type HighlightMeta = { kind: 'input'; input: HighlightInput } | { kind: 'live'; sections: number[] } | { kind: 'dead'; sections: number[] };

export const highlightKey = new PluginKey<HighlightState>('gloss-highlights');

/** Attach new highlight input to a transaction. */
export function setHighlights(tr: Transaction, input: HighlightInput): Transaction {
  return tr.setMeta(highlightKey, { kind: 'input', input } satisfies HighlightMeta);
}

/** Make sections live (they are in or near view): their highlights are drawn from now on. */
export function makeSectionsLive(tr: Transaction, sections: number[]): Transaction {
  return tr.setMeta(highlightKey, { kind: 'live', sections } satisfies HighlightMeta);
}

/** Make sections dead (far out of view): their highlights are taken out of the document until they come back. */
export function makeSectionsDead(tr: Transaction, sections: number[]): Transaction {
  return tr.setMeta(highlightKey, { kind: 'dead', sections } satisfies HighlightMeta);
}

/** Whether a section's highlights are drawn. */
export function isSectionLive(state: EditorState, section: number): boolean {
  return highlightKey.getState(state)?.live.has(section) ?? false;
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

function classFor(id: string, input: HighlightInput): string {
  return `hl${input.fuzzy.has(id) ? ' hl-fuzzy' : ''}${input.linked.has(id) ? ' hl-linked' : ''}${id === input.selectedId ? ' hl-active' : ''}${id === input.flashId ? ' hl-flash' : ''}`;
}

/** The small mark drawn after a linked annotation (both ends of a link carry one). */
function linkMarker(id: string, tag: string): () => HTMLElement {
  return () => {
    const mark = document.createElement('span');
    mark.className = 'link-marker';
    mark.setAttribute('data-ann-id', id);
    mark.setAttribute('data-tag', tag);
    mark.setAttribute('aria-hidden', 'true');
    mark.contentEditable = 'false';
    mark.textContent = '⛓';
    return mark;
  };
}

/**
 * @param initialLive sections live from the start (the top of the document, before the view has
 * reported what it shows).
 */
export function highlightPlugin(layout: ReaderLayout, initial?: HighlightInput, initialLive: readonly number[] = []): Plugin<HighlightState> {
  let describe: HighlightInput['describe'] = (a) => a.tag;
  const decorate = (annotation: Annotation, className: string, segments: readonly [number, number][]): Decoration[] => {
    const attrs = { nodeName: 'span', class: className, 'data-ann-id': annotation.id, 'data-tag': annotation.tag, role: 'mark', 'aria-label': describe(annotation) };
    const decorations = segments.map(([from, to]) => Decoration.inline(from, to, attrs, { annId: annotation.id }));
    const last = segments[segments.length - 1];
    if (last && className.includes(' hl-linked')) decorations.push(Decoration.widget(last[1], linkMarker(annotation.id, annotation.tag), { side: -1, key: `link-${annotation.id}`, ignoreSelection: true }));
    return decorations;
  };

  /**
   * Repaint one annotation if what it looks like changed; `annotation` null means it is gone. Only
   * annotations reaching into live sections are painted (and kept in `painted`): most of a long
   * document's lie elsewhere, and cost no more than finding that out.
   */
  const repaint = (state: HighlightState, id: string, annotation: Annotation | null, input: HighlightInput, remove: Decoration[], add: Decoration[], force = false) => {
    const before = state.painted.get(id);
    const segments = annotation && !input.hidden.has(id) ? layout.segments(annotation.start, annotation.end, state.live) : [];
    if (segments.length === 0) {
      if (before) {
        remove.push(...before.decorations);
        state.painted.delete(id);
      }
      return;
    }
    const className = classFor(id, input);
    if (!force && before && before.annotation === annotation && before.className === className) return;
    if (before) remove.push(...before.decorations);
    const decorations = decorate(annotation!, className, segments);
    add.push(...decorations);
    state.painted.set(id, { annotation: annotation!, className, decorations });
  };

  /** The next state: the set with `remove` taken out and `add` put in. */
  const next = (doc: PMNode, state: HighlightState, remove: Decoration[], add: Decoration[], input: HighlightInput | null): HighlightState => {
    if (remove.length === 0 && add.length === 0) return { ...state, input };
    // DecorationSet.add/remove may blank out entries of the array they are given: pass copies.
    let set = remove.length ? state.set.remove([...remove]) : state.set;
    if (add.length) set = set.add(doc, [...add]);
    return { ...state, set, input };
  };

  const update = (doc: PMNode, state: HighlightState, input: HighlightInput): HighlightState => {
    describe = input.describe;
    const remove: Decoration[] = [];
    const add: Decoration[] = [];
    const last = state.input;
    if (last && last.hidden === input.hidden && last.fuzzy === input.fuzzy && last.linked === input.linked) {
      // Skip the common head and tail (by identity); what lies between is all that can have changed.
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
      for (let k = i; k < ea; k++) if (!now.has(a[k]!.id)) repaint(state, a[k]!.id, null, input, remove, add);
      for (const [id, annotation] of now) repaint(state, id, annotation, input, remove, add);
      // The selection and the flash may have moved between annotations that did not change.
      for (const id of new Set([last.selectedId, input.selectedId, last.flashId, input.flashId])) {
        const current = id ? state.painted.get(id) : undefined;
        if (id && current && !now.has(id)) repaint(state, id, current.annotation, input, remove, add);
      }
      return next(doc, state, remove, add, input);
    }
    // Everything may have changed (first paint, anchoring notes changed): compare each annotation.
    const keep = new Set<string>();
    for (const annotation of input.annotations) {
      keep.add(annotation.id);
      repaint(state, annotation.id, annotation, input, remove, add);
    }
    for (const id of [...state.painted.keys()]) if (!keep.has(id)) repaint(state, id, null, input, remove, add);
    return next(doc, state, remove, add, input);
  };

  /** Sections came within reach (or went far away): redraw the annotations that reach into them. */
  const setLive = (doc: PMNode, state: HighlightState, sections: number[], live: boolean): HighlightState => {
    const changed = sections.filter((s) => state.live.has(s) !== live);
    for (const s of changed) {
      if (live) state.live.add(s);
      else state.live.delete(s);
    }
    if (changed.length === 0 || !state.input) return state;
    const bySection = reachOf(state.input.annotations);
    const remove: Decoration[] = [];
    const add: Decoration[] = [];
    const done = new Set<Annotation>();
    for (const s of changed) {
      for (const annotation of bySection[s] ?? []) {
        if (done.has(annotation)) continue;
        done.add(annotation);
        repaint(state, annotation.id, annotation, state.input, remove, add, true);
      }
    }
    return next(doc, state, remove, add, state.input);
  };

  /**
   * The annotations reaching into each section, worked out once per list of annotations (when a
   * section is drawn after the list changed), so that drawing a section looks at its own
   * annotations and not at all 10,000: scanning them all for each section drawn while scrolling
   * cost more, and its hot loop, meeting annotations of many shapes, was compiled again and again.
   */
  let reach: { of: readonly Annotation[]; bySection: Annotation[][] } | null = null;
  const reachOf = (annotations: readonly Annotation[]): Annotation[][] => {
    if (reach?.of === annotations) return reach.bySection;
    const bySection: Annotation[][] = Array.from({ length: layout.sectionCount }, () => []);
    for (const annotation of annotations) {
      const [first, last] = layout.sectionSpan(annotation.start, annotation.end);
      for (let s = first; s <= last; s++) bySection[s]!.push(annotation);
    }
    reach = { of: annotations, bySection };
    return bySection;
  };

  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: (_config, editorState) => {
        const empty: HighlightState = { set: DecorationSet.empty, painted: new Map(), live: new Set(initialLive), input: null };
        return initial ? update(editorState.doc, empty, initial) : empty;
      },
      apply(tr, value) {
        const meta = tr.getMeta(highlightKey) as HighlightMeta | undefined;
        const mapped = tr.docChanged ? { ...value, set: value.set.map(tr.mapping, tr.doc) } : value;
        if (!meta) return mapped;
        return meta.kind === 'input' ? update(tr.doc, mapped, meta.input) : setLive(tr.doc, mapped, meta.sections, meta.kind === 'live');
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.set,
    },
  });
}
