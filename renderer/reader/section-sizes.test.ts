import { describe, expect, it } from 'vitest';
import { charsPerLine, estimateHeight } from './section-sizes.js';

describe('section height estimates', () => {
  const metrics = { charsPerLine: 100, lineHeight: 20, blockGap: 10 };

  it('counts each block in whole lines, at least one, plus the gap after it', () => {
    expect(estimateHeight([], metrics)).toBe(0);
    expect(estimateHeight([0], metrics)).toBe(30); // an empty block still takes a line
    expect(estimateHeight([100], metrics)).toBe(30);
    expect(estimateHeight([101], metrics)).toBe(50);
    expect(estimateHeight([250, 40, 1000], metrics)).toBe(3 * 20 + 10 + (20 + 10) + (10 * 20 + 10));
  });

  it('reads characters per line from laid-out blocks, counting last lines as half full', () => {
    // Blocks of 5 lines holding 450 characters: 4.5 lines' worth of 100 characters.
    expect(charsPerLine(Array.from({ length: 10 }, () => ({ length: 450, lines: 5 })))).toBe(100);
  });

  it('ignores one-line blocks and gives up on too few lines to measure', () => {
    expect(charsPerLine([{ length: 30, lines: 1 }, { length: 450, lines: 5 }])).toBeNull();
    expect(charsPerLine([...Array.from({ length: 10 }, () => ({ length: 10, lines: 1 })), ...Array.from({ length: 5 }, () => ({ length: 450, lines: 5 }))])).toBe(100);
  });
});
