// The compiled sidecar check (ajv) may only say yes where zod says yes, and must give back the same
// sidecar zod would. Checked on generated sidecars, valid and damaged in many ways (wrong types,
// missing or extra fields, bad ids, dates and hashes, end before start, prototype keys).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSidecar, SidecarSchema } from '../../shared/sidecar-format.js';
import { acceptsSidecar } from './sidecar-validator.js';

const sample = JSON.parse(readFileSync(new URL('../../samples/harbour-bridge-contract.txt.gloss.json', import.meta.url), 'utf8'));

/** Values a damaged field could hold. */
const junk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer({ min: -5, max: 5 }),
  fc.double(),
  fc.constant(2 ** 60),
  fc.string({ maxLength: 6 }),
  fc.constant(''),
  // One code point, two UTF-16 units: zod counts units (a tag's key is at most 1).
  fc.constant('😀'),
  fc.constant('ab'),
  fc.constant('00000000-0000-4000-8000-00000000000g'),
  fc.constant('2026-02-30T10:00:00Z'),
  fc.constant('2026-11-28T10:00:00+01:00'),
  // Fresh objects each time (a shared one could be edited into a cycle by a later edit).
  fc.constant(null).map(() => ({})),
  fc.constant(null).map(() => []),
  fc.constant(null).map(() => ({ extra: 1 })),
);

/** A path into the sample (object keys and array indexes), and what to do there. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}
const ALL_PATHS = paths(sample).filter((p) => p.length > 0);

function damaged(base: unknown, edits: { path: (string | number)[]; action: 'set' | 'delete' | 'extra'; value: unknown }[]): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  for (const { path, action, value } of edits) {
    let at: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) {
      if (at[key] === null || typeof at[key] !== 'object') return copy;
      at = at[key] as Record<string | number, unknown>;
    }
    const last = path[path.length - 1]!;
    if (action === 'delete') delete at[last];
    else if (action === 'extra' && at[last] !== null && typeof at[last] === 'object' && !Array.isArray(at[last])) (at[last] as Record<string, unknown>).unexpected = value;
    else at[last] = value;
  }
  return copy;
}

describe('compiled sidecar check', () => {
  it('accepts the sample as zod does, and gives back the same sidecar', () => {
    expect(acceptsSidecar(sample)).toBe(true);
    const fast = parseSidecar(JSON.stringify(sample), acceptsSidecar);
    const slow = parseSidecar(JSON.stringify(sample));
    expect(fast).toEqual(slow);
  });

  it('never accepts what zod refuses, and agrees with zod on what it accepts (generated damage)', () => {
    const edit = fc.record({ path: fc.constantFrom(...ALL_PATHS), action: fc.constantFrom('set' as const, 'delete' as const, 'extra' as const), value: junk });
    let refusedByBoth = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const data = damaged(sample, edits);
        const zod = SidecarSchema.safeParse(data);
        const ajv = acceptsSidecar(structuredClone(data));
        if (ajv) expect(zod.success, `ajv accepted what zod refuses: ${JSON.stringify(edits)}`).toBe(true);
        if (!zod.success) refusedByBoth++;
        // Whatever the path, parseSidecar with the fast check gives what zod alone gives.
        const json = JSON.stringify(data) ?? 'null';
        expect(parseSidecar(json, acceptsSidecar)).toEqual(parseSidecar(json));
      }),
      { numRuns: 3000 },
    );
    expect(refusedByBoth).toBeGreaterThan(500);
  });

  it('leaves end-before-start and prototype keys to zod', () => {
    const backwards = structuredClone(sample);
    backwards.annotations[0].end = backwards.annotations[0].start - 1;
    expect(parseSidecar(JSON.stringify(backwards), acceptsSidecar)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('end must not be before start') });
    const proto = JSON.stringify(sample).replace('"attributes":{', '"attributes":{"__proto__":"x",');
    expect(parseSidecar(proto, acceptsSidecar)).toEqual(parseSidecar(proto));
  });
});
