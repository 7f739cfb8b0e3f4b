// Binary search over sorted keys, the one used wherever offsets are looked up in a table of
// starts (code point checkpoints, reader blocks, edit lines, sentences).

/**
 * Index of the last of `count` ascending keys that is ≤ `value`, or -1 when none is. `keyAt(i)`
 * gives key i, so the keys can be an array, a typed array or a field of objects.
 */
export function lastAtOrBefore(count: number, keyAt: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = count - 1;
  if (count === 0 || keyAt(0) > value) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keyAt(mid) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the last element of an ascending array that is ≤ `value`, or -1. */
export function lastIndexAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  return lastAtOrBefore(sorted.length, (i) => sorted[i]!, value);
}
