import { describe, expect, it } from 'vitest';
import { createAnnotation, reviseAnnotation } from './annotations.js';
import { CodePointText } from './code-points.js';
import { mergeById } from './merge.js';

const text = new CodePointText('Kim said one thing. Putin said another. Peskov denied it.');
const later = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n));
const a = createAnnotation(text, { tag: 'quote', start: 0, end: 19, now: later(0) });
const b = createAnnotation(text, { tag: 'quote', start: 20, end: 39, now: later(0) });
const c = createAnnotation(text, { tag: 'denial', start: 40, end: 57, now: later(0) });

describe('mergeById', () => {
  it('takes the other side where only it changed, and keeps ours where only we did', () => {
    const local = [reviseAnnotation(a, { note: 'ours' }, later(5)), b, c];
    const remote = [a, reviseAnnotation(b, { tag: 'claim' }, later(6)), createAnnotation(text, { tag: 'claim', start: 9, end: 18 })];
    const result = mergeById([a, b, c], local, remote);
    expect(result.merged.map((x) => [x.id, x.tag, x.note])).toEqual([
      [a.id, 'quote', 'ours'],
      [b.id, 'claim', ''],
      [remote[2]!.id, 'claim', ''],
    ]);
    // c was deleted on disk and untouched here: deleted.
    expect(result).toMatchObject({ takenFromDisk: 2 + 1 - 0, conflicts: 0 });
  });

  it('keeps the later change when both changed, and a change over a deletion', () => {
    const local = [reviseAnnotation(a, { note: 'ours' }, later(5)), reviseAnnotation(b, { note: 'kept' }, later(5))];
    const remote = [reviseAnnotation(a, { note: 'theirs' }, later(9)), c];
    const result = mergeById([a, b, c], local, remote);
    expect(result.merged.find((x) => x.id === a.id)!.note).toBe('theirs');
    expect(result.merged.find((x) => x.id === b.id)!.note).toBe('kept');
    expect(result.conflicts).toBe(2);
    // c: we deleted it, they left it alone — deleted.
    expect(result.merged.map((x) => x.id)).toEqual([a.id, b.id]);
  });
});
