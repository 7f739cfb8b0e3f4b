// Annotations carried through text edits. In Edit Text mode every annotation is held as a range
// of document positions in this plugin's state and moved by each transaction's mapping, exactly
// as ProseMirror moves its own selection and decorations: typing before a quote shifts it, typing
// inside it grows it, deleting part of it shrinks it. An annotation whose whole text is deleted is
// marked gone (kept, to be saved as an orphan with its old text), never dropped. Being plugin
// state, the ranges are part of each EditorState, so undoing to an earlier state restores the
// text and the annotations together.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import type { Annotation } from '../../shared/sidecar-format.js';

export interface CarriedAnnotation {
  annotation: Annotation;
  from: number;
  to: number;
  /** Its whole text was deleted (or it was already an orphan): saved as an orphan. */
  gone: boolean;
}

interface CarriedState {
  entries: readonly CarriedAnnotation[];
  decorations: DecorationSet;
}

export const carriedKey = new PluginKey<CarriedState>('gloss-carried-annotations');

function decorationFor(entry: CarriedAnnotation): Decoration {
  return Decoration.inline(entry.from, entry.to, { nodeName: 'span', class: 'hl', 'data-ann-id': entry.annotation.id, 'data-tag': entry.annotation.tag }, { annId: entry.annotation.id });
}

function decorate(doc: PMNode, entries: readonly CarriedAnnotation[]): DecorationSet {
  return DecorationSet.create(
    doc,
    entries.filter((e) => !e.gone && e.to > e.from).map(decorationFor),
  );
}

/** Move every range through a transaction's mapping; a range that collapses has lost its text. */
function mapEntries(entries: readonly CarriedAnnotation[], tr: Transaction): CarriedAnnotation[] {
  return entries.map((e) => {
    if (e.gone) return e;
    const from = tr.mapping.map(e.from, 1);
    const to = Math.max(from, tr.mapping.map(e.to, -1));
    if (from === e.from && to === e.to) return e;
    return { ...e, from, to, gone: to <= from };
  });
}

/** Add a new annotation (tagged while editing) to a transaction. */
export function addCarried(tr: Transaction, entry: CarriedAnnotation): Transaction {
  return tr.setMeta(carriedKey, entry);
}

export function carriedAnnotations(state: EditorState): readonly CarriedAnnotation[] {
  return carriedKey.getState(state)?.entries ?? [];
}

export function carriedPlugin(initial: readonly CarriedAnnotation[]): Plugin<CarriedState> {
  return new Plugin<CarriedState>({
    key: carriedKey,
    state: {
      init: (_config, state) => ({ entries: initial, decorations: decorate(state.doc, initial) }),
      apply(tr, value) {
        const added = tr.getMeta(carriedKey) as CarriedAnnotation | undefined;
        let next = value;
        if (tr.docChanged) {
          const entries = mapEntries(value.entries, tr);
          // Gone ones leave the decorations (ProseMirror drops collapsed inline decorations itself).
          next = { entries, decorations: value.decorations.map(tr.mapping, tr.doc) };
        }
        if (added) next = { entries: [...next.entries, added], decorations: next.decorations.add(tr.doc, [decorationFor(added)]) };
        return next;
      },
    },
    props: { decorations: (state) => carriedKey.getState(state)?.decorations },
  });
}
