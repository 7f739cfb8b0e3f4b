// applyChange finds replaced annotations by position rather than by a scan; it must give what
// "drop the replaced ids, add the new ones, sort" gives, for any list and change — including
// changes whose `before` does not match the stored position (found by the fallback scan).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareByPosition } from '../../shared/annotations.js';
import type { Annotation } from '../../shared/sidecar-format.js';
import { applyChange } from './annotation-history.js';

const annotation = (id: number, start: number, length: number): Annotation => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  tag: 'claim',
  start,
  end: start + length,
  exact: '',
  prefix: '',
  suffix: '',
  attributes: {},
  note: '',
  links: [],
  created: '2026-01-01T00:00:00Z',
  modified: '2026-01-01T00:00:00Z',
  author: '',
});

function naive(list: readonly Annotation[], change: { before: readonly Annotation[]; after: readonly Annotation[] }): Annotation[] {
  const gone = new Set([...change.before, ...change.after].map((a) => a.id));
  return [...list.filter((a) => !gone.has(a.id)), ...change.after].sort(compareByPosition);
}

describe('applyChange', () => {
  it('equals drop-add-sort for random lists and changes (adds, deletes, moves, stale positions)', () => {
    const span = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 8 }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), fc.array(fc.tuple(fc.nat(50), fc.constantFrom('delete', 'move', 'stale', 'add'), span), { maxLength: 4 }), (spans, edits) => {
        const list = spans.map(([s, l], i) => annotation(i, s, l)).sort(compareByPosition);
        const before: Annotation[] = [];
        const after: Annotation[] = [];
        const touched = new Set<string>();
        edits.forEach(([pick, kind, [s, l]], k) => {
          if (kind === 'add') return void after.push(annotation(1000 + k, s, l));
          const a = list[pick % Math.max(1, list.length)];
          if (!a || touched.has(a.id)) return;
          touched.add(a.id);
          if (kind === 'delete') before.push(a);
          else if (kind === 'move') (before.push(a), after.push({ ...a, start: s, end: s + l }));
          // A `before` whose position is not the stored one: found by the scan.
          else before.push({ ...a, start: a.start + 1 });
        });
        expect(applyChange(list, { before, after })).toEqual(naive(list, { before, after }));
      }),
      { numRuns: 2000 },
    );
  });
});
