import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from './annotations.js';
import { CodePointText } from './code-points.js';
import { buildSidecar, parseSidecar, serializeSidecar, type SourceFingerprint } from './sidecar-format.js';
import { DEFAULT_TAGS } from './tags.js';

const fingerprint: SourceFingerprint = { name: 'a.txt', bytes: 10, sha256: 'a'.repeat(64), encoding: 'utf-8', lineEndings: 'lf', codePoints: 10 };

describe('sidecar format', () => {
  it('round-trips: save then load gives the same annotations', () => {
    const text = new CodePointText('Mr Kim said “we came here” 😀 today.\r\nNext line');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.constantFrom('claim', 'quote', 'denial')), { maxLength: 30 }), (spans) => {
        const annotations = spans.map(([a, b, tag]) => createAnnotation(text, { tag, start: Math.min(a, b), end: Math.max(a, b) }));
        const sidecar = buildSidecar(fingerprint, DEFAULT_TAGS, annotations);
        const parsed = parseSidecar(serializeSidecar(sidecar));
        expect(parsed).toEqual({ kind: 'ok', sidecar });
      }),
      { numRuns: 50 },
    );
  });

  it('says why a damaged file cannot be used', () => {
    expect(parseSidecar('{"format":"gloss-annotations","version":1,"sou')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('not valid JSON') });
    expect(parseSidecar('{"hello":1}')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('not a Gloss annotation file') });
    const bad = JSON.parse(serializeSidecar(buildSidecar(fingerprint, DEFAULT_TAGS, [])));
    bad.annotations = [{ id: 'x' }];
    expect(parseSidecar(JSON.stringify(bad))).toMatchObject({ kind: 'invalid', message: expect.stringContaining('annotations.0') });
  });

  it('recognises a file from a newer Gloss', () => {
    expect(parseSidecar(JSON.stringify({ format: 'gloss-annotations', version: 7 }))).toMatchObject({ kind: 'newer', version: 7 });
  });

  it('refuses an annotation that ends before it starts', () => {
    const text = new CodePointText('abcdef');
    const a = { ...createAnnotation(text, { tag: 'quote', start: 1, end: 3 }), start: 4 };
    expect(() => serializeSidecar(buildSidecar(fingerprint, DEFAULT_TAGS, [a]))).toThrow();
  });
});
