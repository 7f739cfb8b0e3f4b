import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportRecord } from './export-record.js';
import { W3C_CONTEXT, W3C_PAGE_SIZE, w3cAnnotationJson, w3cCollection, W3cCollectionStream } from './w3c.js';

/** Assemble the streamed pieces as an exporter writes them. */
function streamed(total: number, item: (i: number) => Record<string, unknown>): string {
  const stream = new W3cCollectionStream('file:///out.jsonld', 'Gloss annotations of x');
  let out = stream.head();
  for (let i = 0; i < total; i++) out += stream.item(JSON.stringify(item(i)));
  return out + stream.end();
}

describe('streamed W3C collection', () => {
  it.each([0, 1, W3C_PAGE_SIZE - 1, W3C_PAGE_SIZE, W3C_PAGE_SIZE + 1, W3C_PAGE_SIZE * 2 + 7])('equals the collection built at once (%i items)', (total) => {
    const item = (i: number) => ({ id: `urn:uuid:${i}`, type: 'Annotation', body: [{ value: `note "${i}"` }] });
    const whole = w3cCollection('file:///out.jsonld', 'Gloss annotations of x', total, (p) => Array.from({ length: Math.max(0, Math.min(W3C_PAGE_SIZE, total - p * W3C_PAGE_SIZE)) }, (_, k) => item(p * W3C_PAGE_SIZE + k)));
    expect(JSON.parse(streamed(total, item))).toEqual(JSON.parse(JSON.stringify(whole)));
  });
});

describe('one annotation as W3C JSON text', () => {
  /** The annotation as the W3C model shapes it, built as an object: what the text must read as, key order included. */
  function reference(record: ExportRecord): Record<string, unknown> {
    const a = record.annotation;
    const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.tag, format: 'text/plain' }];
    if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
    for (const [name, value] of Object.entries(a.attributes)) if (value) body.push({ type: 'TextualBody', purpose: 'describing', value: `${name}: ${value}`, format: 'text/plain' });
    const quote = { type: 'TextQuoteSelector', exact: a.exact, ...(a.prefix ? { prefix: a.prefix } : {}), ...(a.suffix ? { suffix: a.suffix } : {}) };
    return {
      '@context': W3C_CONTEXT,
      id: `urn:uuid:${a.id}`,
      type: 'Annotation',
      motivation: 'tagging',
      created: a.created,
      modified: a.modified,
      body,
      target: { source: record.sourceIri, selector: [quote, { type: 'TextPositionSelector', start: a.start, end: a.end }] },
      ...(a.author ? { creator: { type: 'Person', name: a.author } } : {}),
    };
  }
  const text = fc.string({ unit: 'binary', maxLength: 12 });
  const annotation = fc.record({
    id: fc.uuid(),
    tag: text,
    start: fc.nat(),
    end: fc.nat(),
    exact: text,
    prefix: text,
    suffix: text,
    note: text,
    author: text,
    created: fc.constant('2026-11-28T10:00:00.000Z'),
    modified: fc.constant('2026-11-28T10:00:01+01:00'),
    // Keys that look like numbers come first in an object's key order: the text must keep that order too.
    attributes: fc.dictionary(fc.oneof(text, fc.constantFrom('2', '10', 'speaker', '__proto__x')), text),
    links: fc.constant([]),
  });

  it('equals JSON.stringify of the annotation built as an object, for any texts (quotes, control characters, lone surrogates)', () => {
    fc.assert(
      fc.property(annotation, text, (a, source) => {
        const record = { file: 'a.txt', sourceIri: `file:///${source}`, annotation: a as unknown as ExportRecord['annotation'] };
        expect(w3cAnnotationJson(record)).toBe(JSON.stringify(reference(record)));
      }),
      { numRuns: 2000 },
    );
  });
});
