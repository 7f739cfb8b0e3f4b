import { describe, expect, it } from 'vitest';
import { createAnnotation } from './annotations.js';
import { anchorAnnotation } from './anchoring.js';
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
