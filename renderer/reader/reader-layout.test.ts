import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodePointText } from '../../shared/code-points.js';
import { ReaderLayout } from './reader-layout.js';

describe('ReaderLayout', () => {
  it('maps code point offsets to positions whose text is the same, over CRLF, emoji and combining marks', () => {
    const raw = 'Title 😀\r\n\r\nCafe\u0301 said “yes”.\r\nNext line 👩‍👩‍👧 end\n\n\nLast.';
    const text = new CodePointText(raw);
    const layout = new ReaderLayout(text, 'txt');
    const cp = (quote: string) => text.toCodePoint(raw.indexOf(quote));
    const shown = (quote: string) =>
      layout
        .segments(cp(quote), cp(quote) + Array.from(quote).length)
        .map(([f, t]) => layout.doc.textBetween(f, t))
        .join('|');
    expect(shown('Title 😀')).toBe('Title 😀');
    expect(shown('e\u0301 said “yes”.\r\nNext line 👩‍👩‍👧')).toBe('e\u0301 said “yes”.\r\nNext line 👩‍👩‍👧');
    // Across a blank-line gap: one piece per block, the gap itself is not shown.
    expect(shown('end\n\n\nLast')).toBe('end|Last');
    expect(shown('😀\r\n\r\nCafe')).toBe('😀|Cafe');
  });

  it("gives each section's blocks in the order of the section's children", () => {
    const raw = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    const layout = new ReaderLayout(new CodePointText(raw), 'txt');
    const sections = Array.from({ length: layout.sectionCount }, (_, s) => layout.sectionBlocks(s));
    expect(sections.flat()).toEqual(layout.blocks);
    sections.forEach((blocks, s) => {
      expect(blocks.map((b) => raw.slice(b.start, b.end))).toEqual(Array.from({ length: layout.doc.child(s).childCount }, (_, k) => layout.doc.child(s).child(k).textContent));
    });
  });

  it('round-trips every offset inside a block', () => {
    const piece = fc.constantFrom('a', 'b c', '\n', '\r\n', '\n\n', '😀', 'e\u0301', '“', '# x');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 200 }), (parts) => {
        const raw = parts.join('');
        const text = new CodePointText(raw);
        const layout = new ReaderLayout(text, 'md');
        // Built without ProseMirror's content checks: the structure must hold them all the same.
        layout.doc.check();
        for (const b of layout.blocks) {
          for (let u = b.start; u <= b.end; u++) {
            const cp = text.toCodePoint(u);
            if (text.toUtf16(cp) !== u) continue; // inside a surrogate pair
            expect(layout.toOffset(layout.toPos(cp))).toBe(cp);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a selection across a paragraph gap covers the gap in the source', () => {
    const raw = 'One.\n\nTwo.';
    const layout = new ReaderLayout(new CodePointText(raw), 'txt');
    const from = layout.toPos(2);
    const to = layout.toPos(8);
    expect([layout.toOffset(from), layout.toOffset(to)]).toEqual([2, 8]);
    expect(layout.segments(2, 8).map(([f, t]) => layout.doc.textBetween(f, t))).toEqual(['e.', 'Tw']);
  });

  it('finds every section a range reaches into, starting and ending at the sections of its first and last characters', () => {
    const paragraph = fc.array(fc.constantFrom('a', ' ', '😀', 'e\u0301', '\r\n'), { maxLength: 12 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 20, maxLength: 80, size: 'max' }), fc.nat(), fc.nat(), (paragraphs, a, b) => {
        const raw = paragraphs.join('\n\n');
        const text = new CodePointText(raw);
        const layout = new ReaderLayout(text, 'txt');
        const length = text.length;
        const start = a % (length + 1);
        const end = start + (b % (length - start + 1));
        const [first, last] = layout.sectionSpan(start, end);
        const from = text.toUtf16(start);
        const to = text.toUtf16(end);
        for (let s = 0; s < layout.sectionCount; s++) {
          const reached = layout.sectionBlocks(s).some((block) => block.start < to && block.end > from);
          if (reached) expect(s >= first && s <= last).toBe(true);
          // Where the range starts (or ends) inside a block, the span starts (or ends) at that block's section.
          for (const block of layout.sectionBlocks(s)) {
            if (block.start <= from && from < block.end) expect(first).toBe(s);
            if (to > from && block.start < to && to <= block.end) expect(last).toBe(s);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
