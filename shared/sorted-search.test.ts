import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastAtOrBefore, lastIndexAtOrBefore } from './sorted-search.js';

describe('lastIndexAtOrBefore', () => {
  it('finds the last key at or before a value, -1 before the first', () => {
    expect(lastIndexAtOrBefore([], 5)).toBe(-1);
    expect(lastIndexAtOrBefore([2, 4, 4, 9], 1)).toBe(-1);
    expect(lastIndexAtOrBefore([2, 4, 4, 9], 4)).toBe(2);
    expect(lastIndexAtOrBefore(new Int32Array([2, 4, 9]), 100)).toBe(2);
    expect(lastAtOrBefore(3, (i) => [{ s: 0 }, { s: 10 }, { s: 20 }][i]!.s, 15)).toBe(1);
  });

  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (keys, value) => {
        const sorted = [...keys].sort((a, b) => a - b);
        let expected = -1;
        sorted.forEach((k, i) => k <= value && (expected = i));
        return lastIndexAtOrBefore(sorted, value) === expected;
      }),
    );
  });
});
