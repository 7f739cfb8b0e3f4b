// W3C Web Annotation import: Gloss → W3C (shared/exports/w3c.ts) → Gloss gives the same
// annotations (tag, span, note, attributes); quotes are placed by the app's anchoring when the text
// moved; the W3C test suite's sample annotations are read without failing, each placed or reported.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotations.js';
import { CodePointText } from '../code-points.js';
import type { Annotation } from '../sidecar-format.js';
import { toW3cAnnotation, w3cCollection } from '../exports/w3c.js';
import { placeW3cAnnotation, readW3cAnnotation, uuidOf, w3cItems, type W3cAnnotation } from './w3c.js';

const TEXT = 'Mr Kim 😀 said: “We will win.”\r\nPeskov denied any arms deal. We will win.';
const cp = new CodePointText(TEXT);
const now = new Date('2026-05-01T00:00:00Z');
function annotate(quote: string, tag: string, nth = 0, extra: Partial<Annotation> = {}): Annotation {
  let u16 = -1;
  for (let i = 0; i <= nth; i++) u16 = TEXT.indexOf(quote, u16 + 1);
  const start = cp.toCodePoint(u16);
  return { ...createAnnotation(cp, { tag, start, end: start + Array.from(quote).length, now }), ...extra };
}

function importAll(json: unknown, text: CodePointText) {
  const { items, problems } = w3cItems(json);
  const placed: Annotation[] = [];
  const reported = [...problems.map((p) => p.message)];
  items.forEach((item, i) => {
    const read = readW3cAnnotation(item, i);
    if (!('note' in read)) return void reported.push(read.message);
    const p = placeW3cAnnotation(text, read, { id: uuidOf(read.id) ?? crypto.randomUUID(), defaultTag: 'annotation', now });
    if (p.kind === 'problem') reported.push(p.problem.message);
    else placed.push(p.annotation);
  });
  return { placed, reported };
}

describe('W3C import', () => {
  const annotations = [
    annotate('We will win.', 'quote', 0, { attributes: { speaker: 'Kim Jong Un', cue: 'said' }, note: 'toast\nat lunch', author: 'ana' }),
    annotate('Peskov denied any arms deal.', 'denial', 0, { attributes: { denier: 'Dmitry Peskov' } }),
    annotate('We will win.', 'claim', 1, { note: 'the repeat' }),
  ];
  const collection = w3cCollection('urn:x', 'test', annotations.length, () => annotations.map((annotation) => toW3cAnnotation({ file: 'a.txt', sourceIri: 'file:///a.txt', annotation })));

  it('Gloss → W3C → Gloss gives the same annotations (tag, span, note, attributes, id, times, author)', () => {
    const { placed, reported } = importAll(collection, cp);
    expect(reported).toEqual([]);
    const pick = (a: Annotation) => ({ id: a.id, tag: a.tag, start: a.start, end: a.end, exact: a.exact, prefix: a.prefix, suffix: a.suffix, note: a.note, attributes: a.attributes, created: a.created, modified: a.modified, author: a.author });
    expect(placed.map(pick)).toEqual(annotations.map(pick));
  });

  it('places quotes on a changed text with the app’s anchoring, and reports the ones not found', () => {
    const changed = new CodePointText('Breaking: ' + TEXT.replace('Peskov denied any arms deal.', 'Nobody said anything.'));
    const { placed, reported } = importAll(collection, changed);
    expect(placed.map((a) => [a.tag, a.exact])).toEqual([
      ['quote', 'We will win.'],
      ['claim', 'We will win.'],
    ]);
    // The repeated phrase is told apart by its position and context: the claim is the second one.
    expect(placed[1]!.start).toBe(placed[0]!.start + (annotations[2]!.start - annotations[0]!.start) - ('Peskov denied any arms deal.'.length - 'Nobody said anything.'.length));
    expect(reported).toEqual([expect.stringMatching(/cannot be placed: "Peskov denied any arms deal\." is not in the text/)]);
  });

  it('reads a single annotation, an array, bodyValue and untyped text bodies from other producers', () => {
    const single = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/anno1', type: 'Annotation', bodyValue: 'A comment', target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: 'arms deal' } } };
    const { placed } = importAll([single, { ...single, motivation: 'tagging', bodyValue: undefined, body: { type: 'TextualBody', value: 'rumour' } }], cp);
    expect(placed.map((a) => [a.tag, a.note, a.exact])).toEqual([
      ['annotation', 'A comment', 'arms deal'],
      ['rumour', '', 'arms deal'],
    ]);
    const r = readW3cAnnotation(single, 0) as W3cAnnotation;
    expect(r.quote).toEqual({ exact: 'arms deal', prefix: '', suffix: '' });
  });

  it('a position alone is kept when inside the text, reported when not', () => {
    const at = (start: number, end: number) => ({ type: 'Annotation', id: 'urn:uuid:0b7f3c1e-8a44-4c5e-9d0e-2f6a1b9c7d21', body: [], target: { source: 'x', selector: { type: 'TextPositionSelector', start, end } } });
    const { placed, reported } = importAll([at(0, 2), at(10, 999)], cp);
    expect(placed.map((a) => [a.exact, a.id])).toEqual([['Mr', '0b7f3c1e-8a44-4c5e-9d0e-2f6a1b9c7d21']]);
    expect(reported).toEqual([expect.stringMatching(/position 10–999 is outside the text/)]);
  });

  const SAMPLES = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'w3c-web-annotation-tests', 'tools', 'samples', 'correct', 'collection1.json');
  it.skipIf(!existsSync(SAMPLES))('the W3C test suite’s sample collection: each annotation placed or reported with a reason (skipped when ../shared/data is absent)', () => {
    const json = JSON.parse(readFileSync(SAMPLES, 'utf8'));
    const text = new CodePointText('Intro. this is an anotation that has some typos. And the text before the Selected Text and text after it.');
    const { placed, reported } = importAll(json, text);
    expect(placed.length + reported.length).toBe(w3cItems(json).items.length);
    expect(placed.map((a) => a.exact)).toEqual(['anotation']);
    expect(reported.length).toBeGreaterThan(30);
    for (const r of reported) expect(r).toMatch(/cannot be placed: (its target has no TextQuoteSelector|it has no target|position \d+–\d+ is outside the text)|not Annotation/);
  });
});
