// W3C Web Annotation export (JSON-LD): an AnnotationCollection whose pages hold the annotations.
// Each annotation targets its source with a TextQuoteSelector (exact, prefix, suffix) and a
// TextPositionSelector (start, end: code points, as the W3C model counts them); its tag and note
// are TextualBody bodies (purpose tagging / commenting).
import type { ExportRecord } from './export-record.js';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Annotations per AnnotationPage. */
export const W3C_PAGE_SIZE = 1000;

export function toW3cAnnotation(record: ExportRecord): Record<string, unknown> {
  const a = record.annotation;
  const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.tag, format: 'text/plain' }];
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
  for (const [name, value] of Object.entries(a.attributes)) {
    if (value) body.push({ type: 'TextualBody', purpose: 'describing', value: `${name}: ${value}`, format: 'text/plain' });
  }
  const annotation: Record<string, unknown> = {
    '@context': W3C_CONTEXT,
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: 'tagging',
    created: a.created,
    modified: a.modified,
    body,
    target: {
      source: record.sourceIri,
      selector: [
        { type: 'TextQuoteSelector', exact: a.exact, ...(a.prefix ? { prefix: a.prefix } : {}), ...(a.suffix ? { suffix: a.suffix } : {}) },
        { type: 'TextPositionSelector', start: a.start, end: a.end },
      ],
    },
  };
  if (a.author) annotation.creator = { type: 'Person', name: a.author };
  return annotation;
}

/**
 * The collection and its pages, for `total` annotations in pages of W3C_PAGE_SIZE. `items(page)`
 * gives a page's annotations. Pages are linked by `next`/`prev` ids and embedded in order under
 * the collection's `first`, so one file holds the whole collection.
 */
export function w3cCollection(collectionId: string, label: string, total: number, items: (page: number) => Record<string, unknown>[]): Record<string, unknown> {
  const pages = Math.max(1, Math.ceil(total / W3C_PAGE_SIZE));
  const pageId = (p: number) => `${collectionId}/page-${p + 1}`;
  let next: Record<string, unknown> | undefined;
  for (let p = pages - 1; p >= 0; p--) {
    next = {
      id: pageId(p),
      type: 'AnnotationPage',
      partOf: collectionId,
      startIndex: p * W3C_PAGE_SIZE,
      ...(p > 0 ? { prev: pageId(p - 1) } : {}),
      items: items(p),
      ...(next ? { next } : {}),
    };
  }
  return { '@context': W3C_CONTEXT, id: collectionId, type: 'AnnotationCollection', label, total, first: next, last: pageId(pages - 1) };
}

/**
 * The same collection as `w3cCollection`, as text pieces to write one after another, so a
 * collection of 200,000 annotations is streamed rather than built as one string (which would
 * exceed what a JavaScript string can hold). Write `head`, then for each page `pageHead(p)`, its
 * items (each `JSON.stringify`d, joined by commas) and `pageTail(p)`, then `tail`.
 */
export function w3cCollectionPieces(collectionId: string, label: string, total: number): { pages: number; head: string; pageHead(p: number): string; pageTail(p: number): string; tail: string } {
  const pages = Math.max(1, Math.ceil(total / W3C_PAGE_SIZE));
  const json = JSON.stringify;
  const pageId = (p: number) => `${collectionId}/page-${p + 1}`;
  return {
    pages,
    head: `{"@context":${json(W3C_CONTEXT)},"id":${json(collectionId)},"type":"AnnotationCollection","label":${json(label)},"total":${total},"first":`,
    pageHead: (p) => `{"id":${json(pageId(p))},"type":"AnnotationPage","partOf":${json(collectionId)},"startIndex":${p * W3C_PAGE_SIZE}${p > 0 ? `,"prev":${json(pageId(p - 1))}` : ''},"items":[`,
    pageTail: (p) => (p < pages - 1 ? '],"next":' : ']'),
    tail: `${'}'.repeat(pages)},"last":${json(pageId(pages - 1))}}\n`,
  };
}
