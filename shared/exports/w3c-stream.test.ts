import { describe, expect, it } from 'vitest';
import { W3C_PAGE_SIZE, w3cCollection, W3cCollectionStream } from './w3c.js';

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
