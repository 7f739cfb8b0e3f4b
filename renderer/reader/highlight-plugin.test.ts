import fc from 'fast-check';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { compareByPosition, createAnnotation } from '../../shared/annotations.js';
import { CodePointText } from '../../shared/code-points.js';
import type { Annotation } from '../../shared/sidecar-format.js';
import { highlightKey, highlightPlugin, makeSectionsDead, makeSectionsLive, setHighlights, type HighlightInput } from './highlight-plugin.js';
import { ReaderLayout, SECTION_SIZE } from './reader-layout.js';

/** Five sections of short paragraphs (with an emoji: code points are not UTF-16 units). */
const raw = Array.from({ length: 5 * SECTION_SIZE }, (_, i) => `Paragraph ${i} 😀 says something.`).join('\n\n');
const text = new CodePointText(raw);
const layout = new ReaderLayout(text, 'txt');

function input(annotations: readonly Annotation[]): HighlightInput {
  return { annotations, hidden: new Set(), fuzzy: new Set(), linked: new Set(), selectedId: null, flashId: null, describe: (a) => a.tag };
}

/** Each painted annotation id with the ProseMirror ranges it is drawn over, sorted. */
function drawn(state: EditorState): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of highlightKey.getState(state)!.set.find()) {
    const id = (d.spec as { annId?: string }).annId;
    if (id) out.set(id, [...(out.get(id) ?? []), `${d.from}-${d.to}`].sort());
  }
  return out;
}

/** What should be drawn: each annotation's pieces in the live sections. */
function expected(annotations: readonly Annotation[], live: ReadonlySet<number>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of annotations) {
    const pieces = layout.segments(a.start, a.end, live).map(([f, t]) => `${f}-${t}`);
    if (pieces.length) out.set(a.id, pieces.sort());
  }
  return out;
}

describe('highlightPlugin: drawing sections as they come within reach', () => {
  it('draws exactly the pieces of the annotations in live sections, however sections come and go', () => {
    const length = text.length;
    const span = fc.tuple(fc.nat({ max: length }), fc.nat({ max: Math.floor((3 * length) / 5) })).map(([start, size]) => [start, Math.min(length, start + 1 + size)] as const);
    const step = fc.tuple(fc.boolean(), fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(span, { minLength: 1, maxLength: 40 }), fc.array(step, { minLength: 1, maxLength: 12 }), (spans, steps) => {
        const annotations = spans.map(([start, end], i) => createAnnotation(text, { id: `a${i}`, tag: 'claim', start, end })).sort(compareByPosition);
        let state = EditorState.create({ doc: layout.doc, plugins: [highlightPlugin(layout, input(annotations), [0])] });
        const live = new Set([0]);
        expect(drawn(state)).toEqual(expected(annotations, live));
        for (const [makeLive, sections] of steps) {
          state = state.apply((makeLive ? makeSectionsLive : makeSectionsDead)(state.tr, sections));
          for (const s of sections) (makeLive ? live.add(s) : live.delete(s));
          expect(drawn(state)).toEqual(expected(annotations, live));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('draws a section with the annotations as they are now, after the list changed', () => {
    const first = [createAnnotation(text, { id: 'kept', tag: 'claim', start: 10, end: 30 })];
    let state = EditorState.create({ doc: layout.doc, plugins: [highlightPlugin(layout, input(first), [0])] });
    // A section drawn once (the plugin works out which annotations reach into each section)...
    state = state.apply(makeSectionsLive(state.tr, [2]));
    state = state.apply(makeSectionsDead(state.tr, [2]));
    // ...then an annotation is added there, while the section is not drawn.
    const [from] = layout.segments(0, text.length).slice(2 * SECTION_SIZE)[0]!;
    const start = layout.toOffset(from);
    const second = [...first, createAnnotation(text, { id: 'added', tag: 'quote', start, end: start + 5 })].sort(compareByPosition);
    state = state.apply(setHighlights(state.tr, input(second)));
    expect([...drawn(state).keys()]).toEqual(['kept']);
    state = state.apply(makeSectionsLive(state.tr, [2]));
    expect(drawn(state)).toEqual(expected(second, new Set([0, 2])));
  });
});
