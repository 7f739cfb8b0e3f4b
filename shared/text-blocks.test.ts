import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitIntoBlocks } from './text-blocks.js';

/** Every character is in exactly one block, or in a gap that holds only whitespace. */
function expectCovers(text: string, blocks: ReturnType<typeof splitIntoBlocks>) {
  let pos = 0;
  for (const b of blocks) {
    expect(b.start).toBeGreaterThanOrEqual(pos);
    expect(text.slice(pos, b.start)).toMatch(/^\s*$/);
    expect(b.end).toBeGreaterThanOrEqual(b.start);
    pos = b.end;
  }
  expect(text.slice(pos)).toMatch(/^\s*$/);
}

describe('splitIntoBlocks', () => {
  it('cuts paragraphs at blank lines and keeps single line breaks inside', () => {
    const text = 'Title\r\n\r\nFirst line\nsecond line\n\n\nLast';
    const blocks = splitIntoBlocks(text);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(['Title', 'First line\nsecond line', 'Last']);
    expectCovers(text, blocks);
  });

  it('gives Markdown blocks their kind, keeping the markup in the text', () => {
    const text = '# Head\nPara one\n\n> quoted\n\n- a\n- b\n\n```\ncode\n\nmore\n```\n## Sub';
    const blocks = splitIntoBlocks(text, 'md');
    expect(blocks.map((b) => [b.kind, text.slice(b.start, b.end)])).toEqual([
      ['heading', '# Head'],
      ['paragraph', 'Para one'],
      ['quote', '> quoted'],
      ['list', '- a\n- b'],
      ['code', '```\ncode\n\nmore\n```'],
      ['heading', '## Sub'],
    ]);
    expect(blocks[0]!.level).toBe(1);
    expect(blocks[5]!.level).toBe(2);
  });

  it('never makes one giant block: long paragraphs are cut at line breaks, long lines at spaces', () => {
    const longLine = 'word '.repeat(10_000);
    const manyLines = 'line of text\n'.repeat(5_000);
    for (const text of [longLine, manyLines]) {
      const blocks = splitIntoBlocks(text, 'txt', 1000);
      expect(blocks.length).toBeGreaterThan(20);
      for (const b of blocks) expect(b.end - b.start).toBeLessThanOrEqual(1000);
      expectCovers(text, blocks);
    }
    expect(splitIntoBlocks(longLine, 'txt', 1000)[1]!.continued).toBe(true);
  });

  it('covers any text exactly once, whatever its line endings', () => {
    const piece = fc.constantFrom('a', 'b c', '\n', '\r\n', '\r', '\n\n', '  \n', '😀', '# h', '- x', '```');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), fc.constantFrom('txt' as const, 'md' as const), (parts, format) => {
        const text = parts.join('');
        expectCovers(text, splitIntoBlocks(text, format, 50));
      }),
      { numRuns: 300 },
    );
  });

  it('gives an empty text one empty block', () => {
    expect(splitIntoBlocks('')).toEqual([{ start: 0, end: 0, kind: 'paragraph', level: 0, continued: false }]);
  });
});
