import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from './annotations.js';
import { anchorAll, anchorAnnotation } from './anchoring.js';
import { CodePointText } from './code-points.js';

const original = new CodePointText('Peskov said talks went well. Kim said nothing. Peskov said talks went well.');

describe('anchoring', () => {
  it('keeps an annotation whose text is still at its position', () => {
    const a = createAnnotation(original, { tag: 'claim', start: 29, end: 46 });
    expect(anchorAnnotation(original, a)).toEqual({ status: 'anchored', start: 29, end: 46 });
  });

  it('finds moved text, choosing the occurrence whose context matches', () => {
    // The second "Peskov said talks went well." (after "nothing. ").
    const a = createAnnotation(original, { tag: 'quote', start: 47, end: 75 });
    const edited = new CodePointText('Update 😀: ' + original.text);
    const anchor = anchorAnnotation(edited, a);
    expect(anchor.status).toBe('moved');
    expect(edited.slice(anchor.start, anchor.end)).toBe('Peskov said talks went well.');
    expect(anchor.start).toBe(47 + 'Update 😀: '.length - 1); // the emoji is one code point
  });

  it('orphans an annotation whose text is gone, keeping its stored position', () => {
    const a = createAnnotation(original, { tag: 'denial', start: 29, end: 46 });
    const edited = new CodePointText(original.text.replace('Kim said nothing.', ''));
    expect(anchorAnnotation(edited, a)).toEqual({ status: 'orphaned', start: 29, end: 46 });
  });
});

describe('anchoring after edits (property)', () => {
  const piece = fc.constantFrom('word ', 'Kim ', 'said ', '\u201cquote\u201d ', '😀', 'e\u0301', '\r\n', '\n\n', 'Putin. ', 'denied ', '한국 ');
  const textArb = fc.array(piece, { minLength: 20, maxLength: 300 }).map((p) => p.join(''));
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });

  it('never drops an annotation; anchored and moved ones cover their exact text; the others are fuzzy with a score, or orphaned', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 25 }), fc.array(edit, { maxLength: 6 }), (raw, spans, edits) => {
        const text = new CodePointText(raw);
        const annotations = spans.map(([at, len]) => {
          const start = Math.floor(at * (text.length - 1));
          return createAnnotation(text, { tag: 'quote', start, end: Math.min(text.length, start + len) });
        });
        // Edit on code point boundaries.
        let cps = Array.from(raw);
        for (const e of edits) {
          const at = Math.floor(e.at * cps.length);
          cps = [...cps.slice(0, at), ...Array.from(e.insert), ...cps.slice(at + e.remove)];
        }
        const edited = new CodePointText(cps.join(''));
        const anchors = anchorAll(edited, annotations);
        expect(anchors).toHaveLength(annotations.length);
        anchors.forEach((anchor, i) => {
          const a = annotations[i]!;
          if (anchor.status === 'anchored' || anchor.status === 'moved') expect(edited.slice(anchor.start, anchor.end)).toBe(a.exact);
          else if (anchor.status === 'fuzzy') {
            expect(edited.slice(anchor.start, anchor.end)).not.toBe(a.exact);
            expect(anchor.score).toBeGreaterThanOrEqual(0.5);
            expect(anchor.score).toBeLessThanOrEqual(1);
          } else expect(anchor).toEqual({ status: 'orphaned', start: a.start, end: a.end });
        });
        // Without edits, everything stays anchored where it was.
        if (edits.length === 0) expect(anchors.every((x) => x.status === 'anchored')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('marks an annotation whose words changed as fuzzy, with its new span', () => {
    const text = new CodePointText('Intro. Mr Peskov said the talks were very productive and useful. End.');
    const a = createAnnotation(text, { tag: 'quote', start: 7, end: 64 });
    const edited = new CodePointText('A new first paragraph.\n\nIntro. Mr Peskov said the talks were quite productive and useful. End.');
    const anchor = anchorAll(edited, [a])[0]!;
    expect(anchor.status).toBe('fuzzy');
    expect(edited.slice(anchor.start, anchor.end)).toBe('Mr Peskov said the talks were quite productive and useful.');
    expect(anchor.score).toBeGreaterThan(0.8);
  });
});

describe('anchoring an unchanged text', () => {
  const piece = fc.constantFrom('word ', 'Kim ', 'said ', '😀', 'e\u0301', '\r\n', 'Putin. ', '한국 ');
  it('anchors every annotation where it was stored, as anchoring each one alone would (the shortcut for unchanged texts)', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 5, maxLength: 80 }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(15)), { maxLength: 30 }), (parts, spans) => {
        const text = new CodePointText(parts.join(''));
        const annotations = spans.map(([at, length]) => {
          const start = Math.floor(at * text.length);
          return createAnnotation(text, { tag: 'quote', start, end: Math.min(text.length, start + length) });
        });
        expect(anchorAll(text, annotations)).toEqual(annotations.map((a) => anchorAnnotation(text, a)));
        expect(anchorAll(text, annotations).every((a) => a.status === 'anchored')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
