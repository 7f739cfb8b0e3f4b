import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodePointText, codePointLength } from './code-points.js';

/** Characters that stress offsets: CRLF, lone CR, emoji (astral), combining marks, ZWJ sequences, BOM-like U+FEFF. */
const tricky = fc.constantFrom('a', 'é', 'e\u0301', '\r\n', '\r', '\n', ' ', '😀', '👩‍👩‍👧', '𝒳', '\ufeff', '“', '”', 'ß', '한', 'ي');
const trickyText = fc.array(tricky, { maxLength: 3000 }).map((parts) => parts.join(''));

describe('code points', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('e\u0301')).toBe(2); // a combining mark is its own code point
    expect(codePointLength('\r\n')).toBe(2);
    expect(new CodePointText('x😀y😀z').slice(1, 4)).toBe('😀y😀');
    expect(new CodePointText('😀😀x').toUtf16(2)).toBe(4);
    expect(new CodePointText('😀😀x').toCodePoint(4)).toBe(2);
  });

  it('CodePointText agrees with Array.from on any text (long texts cross its checkpoints)', () => {
    fc.assert(
      fc.property(trickyText, fc.nat(), fc.nat(), (text, a, b) => {
        const cps = Array.from(text);
        const t = new CodePointText(text);
        expect(t.length).toBe(cps.length);
        const start = cps.length ? a % (cps.length + 1) : 0;
        const end = Math.max(start, cps.length ? b % (cps.length + 1) : 0);
        expect(t.slice(start, end)).toBe(cps.slice(start, end).join(''));
        const u16 = cps.slice(0, start).join('').length;
        expect(t.toUtf16(start)).toBe(u16);
        expect(t.toCodePoint(u16)).toBe(start);
      }),
      { numRuns: 300 },
    );
  });

  it('converts offsets in a long emoji-heavy text', () => {
    const text = '😀a'.repeat(5000);
    const t = new CodePointText(text);
    for (const cp of [0, 1, 2, 1023, 1024, 1025, 2047, 2048, 9999, 10000]) {
      expect(t.toUtf16(cp)).toBe(Array.from(text).slice(0, cp).join('').length);
      expect(t.toCodePoint(t.toUtf16(cp))).toBe(cp);
    }
  });
});
