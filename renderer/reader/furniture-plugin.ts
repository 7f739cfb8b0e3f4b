// Page furniture in the reader (CSS rules, "More On This Topic", embeds… found by
// shared/furniture.ts): node decorations mark whole furniture blocks, which the reader dims, or
// hides when the analyst asks. Nothing in the text or its offsets changes.
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { ReaderLayout } from './reader-layout.js';

const key = new PluginKey<DecorationSet>('gloss-furniture');

/** Mark these blocks (indices into the layout's blocks) as furniture. */
export function setFurniture(tr: Transaction, blocks: readonly number[]): Transaction {
  return tr.setMeta(key, blocks);
}

export function furniturePlugin(layout: ReaderLayout): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const blocks = tr.getMeta(key) as number[] | undefined;
        if (!blocks) return set;
        return DecorationSet.create(
          tr.doc,
          blocks.map((i) => {
            const [from, to] = layout.blockNodeRange(i);
            return Decoration.node(from, to, { class: 'gloss-furniture', title: 'Page furniture (not part of the article)' });
          }),
        );
      },
    },
    props: { decorations: (state) => key.getState(state) },
  });
}
