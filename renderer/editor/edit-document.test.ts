// Edit Text mode's model without a browser: the source ↔ edit document round trip is exact for any
// text (CRLF, CR, a missing final newline, emoji, combining marks), and annotations are carried
// through edits by the transaction mapping: text typed outside them moves them, text deleted
// around them keeps them whole, text deleted under them leaves them gone (kept), never dropped.
import fc from 'fast-check';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../shared/annotations.js';
import { CodePointText } from '../../shared/code-points.js';
import { carriedAnnotations, carriedPlugin, type CarriedAnnotation } from './carried-annotations.js';
import { EditLayout, editDocToText, textToEditDoc, usualLineBreak } from './edit-document.js';

const textArb = fc.array(fc.constantFrom('a', 'b', ' ', 'é', 'e\u0301', '😀', '\n', '\r\n', '\r', '.', 'Ж'), { maxLength: 60 }).map((parts) => parts.join(''));

function start(text: string, spans: [number, number][]) {
  const doc = textToEditDoc(text);
  const lineBreak = usualLineBreak(text);
  const layout = new EditLayout(doc, lineBreak);
  const cps = new CodePointText(text);
  const entries: CarriedAnnotation[] = spans.map(([s, e]) => {
    const annotation = createAnnotation(cps, { tag: 'quote', start: s, end: e });
    return { annotation, from: layout.toPos(s), to: layout.toPos(e), gone: false };
  });
  return { state: EditorState.create({ doc, plugins: [carriedPlugin(entries)] }), lineBreak };
}

/** Text now under each carried annotation (null when gone). */
function covered(state: EditorState, lineBreak: string): (string | null)[] {
  const layout = new EditLayout(state.doc, lineBreak);
  return carriedAnnotations(state).map((e) => (e.gone ? null : layout.text.slice(layout.toOffset(e.from), layout.toOffset(e.to))));
}

describe('edit document', () => {
  it('gives back exactly the text it was made from', () => {
    for (const text of ['', 'a', 'a\n', 'a\r\nb\r\n', 'a\rb', 'x\n\n\ny', 'no newline at end', '\n', '😀 e\u0301\r\n']) {
      expect(editDocToText(textToEditDoc(text), usualLineBreak(text))).toBe(text);
    }
    fc.assert(fc.property(textArb, (text) => editDocToText(textToEditDoc(text), usualLineBreak(text)) === text));
  });

  it('converts code point offsets to positions and back', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), (text, n) => {
        const doc = textToEditDoc(text);
        const layout = new EditLayout(doc, usualLineBreak(text));
        const cps = new CodePointText(text);
        const cp = cps.length ? n % (cps.length + 1) : 0;
        // Offsets inside a CRLF (between \r and \n) map to the end of the line.
        const u16 = cps.toUtf16(cp);
        if (text[u16 - 1] === '\r' && text[u16] === '\n') return true;
        if (text[u16] === '\n' || text[u16] === '\r' || u16 === text.length) return layout.toOffset(layout.toPos(cp)) === cp;
        return layout.toOffset(layout.toPos(cp)) === cp;
      }),
    );
  });

  it('a new line made with Enter gets the text\'s usual line break (CRLF stays CRLF)', () => {
    const text = 'one\r\ntwo\r\n';
    const doc = textToEditDoc(text);
    const state = EditorState.create({ doc });
    const pos = 1 + 2; // inside "one", after "on"
    const tr = state.tr.split(pos, 1, [{ type: doc.type.schema.nodes.line!, attrs: { eol: '\r\n' } }]);
    tr.setNodeMarkup(0, null, { eol: null });
    expect(editDocToText(tr.doc, usualLineBreak(text))).toBe('on\r\ne\r\ntwo\r\n');
  });
});

describe('annotations carried through edits', () => {
  const text = 'Mr Putin said: \u201cThat\u2019s why 😀 we came.\u201d\r\nBoth denied it.\r\np { color: red; }\r\n';
  const cps = new CodePointText(text);
  const span = (phrase: string): [number, number] => {
    const s = cps.toCodePoint(text.indexOf(phrase));
    return [s, s + Array.from(phrase).length];
  };

  it('moves annotations past text typed before them, and keeps text typed after them out', () => {
    const { state, lineBreak } = start(text, [span('That\u2019s why 😀 we came.'), span('Both denied it.')]);
    let next = state.apply(state.tr.insertText('EDITED ', 1));
    const endOfQuote = carriedAnnotations(next)[0]!.to;
    next = next.apply(next.tr.insertText('!!', endOfQuote));
    expect(covered(next, lineBreak)).toEqual(['That\u2019s why 😀 we came.', 'Both denied it.']);
  });

  it('deleting the CSS line leaves the others whole and the one on it gone, not dropped', () => {
    const { state, lineBreak } = start(text, [span('That\u2019s why 😀 we came.'), span('color: red;'), span('Both denied it.')]);
    const layout = new EditLayout(state.doc, lineBreak);
    const [from, to] = span('p { color: red; }\r\n');
    const next = state.apply(state.tr.delete(layout.toPos(from), state.doc.content.size));
    expect(covered(next, lineBreak)).toEqual(['That\u2019s why 😀 we came.', null, 'Both denied it.']);
    expect(carriedAnnotations(next)).toHaveLength(3);
    expect(to).toBe(cps.length);
  });

  it('keeps an annotation when part of its text is deleted, covering what is left', () => {
    const { state, lineBreak } = start(text, [span('Both denied it.')]);
    const layout = new EditLayout(state.doc, lineBreak);
    const [s] = span('denied ');
    const next = state.apply(state.tr.delete(layout.toPos(s), layout.toPos(s + 'denied '.length)));
    expect(covered(next, lineBreak)).toEqual(['Both it.']);
  });

  it('random edits outside annotations never change what they cover; deleting all of one leaves it gone, never dropped', () => {
    const phrases = ['That\u2019s why 😀 we came.', 'Both denied it.', 'color: red;'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('', 'x', 'yz', '\n')), { maxLength: 10 }), fc.nat(2), (edits, victim) => {
        let { state } = start(text, phrases.map(span));
        const lineBreak = '\r\n';
        for (const [a, b, insert] of edits) {
          const size = state.doc.content.size;
          const from = 1 + (a % (size - 1));
          const to = Math.min(size - 1, from + (b % 6));
          // Only where no annotation is touched: ranges that end before or start after each one.
          const clear = carriedAnnotations(state).every((e) => to <= e.from || from >= e.to);
          if (!clear || (insert.includes('\n') && from !== to)) continue;
          const sel = TextSelection.create(state.doc, from, to);
          state = state.apply(state.tr.setSelection(sel).insertText(insert));
        }
        expect(covered(state, lineBreak)).toEqual(phrases);
        const target = carriedAnnotations(state)[victim]!;
        state = state.apply(state.tr.delete(target.from, target.to));
        const after = covered(state, lineBreak);
        expect(after[victim]).toBeNull();
        expect(after.filter((x) => x !== null)).toEqual(phrases.filter((_, i) => i !== victim));
      }),
      { numRuns: 200 },
    );
  });
});
