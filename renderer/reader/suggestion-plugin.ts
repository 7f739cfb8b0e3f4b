// Suggestions in the reader: dashed highlights, drawn apart from annotations (their own plugin and
// classes), the one under review outlined. Each carries its tag, attributes, confidence and rule
// as its title (shown on hover) and accessible name. Suggestions are few next to annotations
// (hundreds in a long article), so the set is rebuilt when they change.
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Suggestion } from '../../shared/suggestions/types.js';
import type { ReaderLayout } from './reader-layout.js';

export interface SuggestionInput {
  suggestions: readonly Suggestion[];
  currentId: string | null;
}

const key = new PluginKey<DecorationSet>('gloss-suggestions');

export function setSuggestionInput(tr: Transaction, input: SuggestionInput): Transaction {
  return tr.setMeta(key, input);
}

/** "Suggested quote — speaker Kim Jong Un, cue said — 85% (rule: …)". */
const ATTRIBUTE_ORDER = ['speaker', 'claimant', 'denier', 'cue', 'addressee', 'subject'];

export function describeSuggestion(s: Suggestion): string {
  const rank = (k: string) => (ATTRIBUTE_ORDER.includes(k) ? ATTRIBUTE_ORDER.indexOf(k) : ATTRIBUTE_ORDER.length);
  const attributes = Object.entries(s.attributes)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `Suggested ${s.tag}${attributes ? ` — ${attributes}` : ''} — ${Math.round(s.confidence * 100)}% (rule: ${s.rule})`;
}

export function suggestionPlugin(layout: ReaderLayout): Plugin<DecorationSet> {
  const build = (tr: Transaction, input: SuggestionInput) =>
    DecorationSet.create(
      tr.doc,
      input.suggestions.flatMap((s) => {
        const attrs = {
          nodeName: 'span',
          class: `sg${s.id === input.currentId ? ' sg-current' : ''}`,
          'data-sg-id': s.id,
          'data-tag': s.tag,
          title: describeSuggestion(s),
          role: 'mark',
          'aria-label': describeSuggestion(s),
        };
        return layout.segments(s.start, s.end).map(([from, to]) => Decoration.inline(from, to, attrs));
      }),
    );
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const input = tr.getMeta(key) as SuggestionInput | undefined;
        if (input) return build(tr, input);
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: { decorations: (state) => key.getState(state) },
  });
}
