// W3C Web Annotation export (JSON-LD): an AnnotationCollection whose pages hold the annotations.
// Each annotation targets its source with a TextQuoteSelector (exact, prefix, suffix) and a
// TextPositionSelector (start, end: code points, as the W3C model counts them); its tag and note
// are TextualBody bodies (purpose tagging / commenting).
import type { ExportRecord } from './export-record.js';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Annotations per AnnotationPage. */
export const W3C_PAGE_SIZE = 1000;

export function toW3cAnnotation(record: ExportRecord): Record<string, unknown> {
  return JSON.parse(w3cAnnotationJson(record)) as Record<string, unknown>;
}

const json = JSON.stringify;
const CONTEXT_JSON = json(W3C_CONTEXT);

/**
 * One annotation as W3C JSON-LD text (what `toW3cAnnotation` parses). Written from literal pieces
 * and the annotation's values rather than by stringifying an object built first: an export of
 * 200,000 annotations spent a quarter of its time building and stringifying those objects.
 */
export function w3cAnnotationJson(record: ExportRecord): string {
  const a = record.annotation;
  let body = `{"type":"TextualBody","purpose":"tagging","value":${json(a.tag)},"format":"text/plain"}`;
  if (a.note) body += `,{"type":"TextualBody","purpose":"commenting","value":${json(a.note)},"format":"text/plain"}`;
  const attributes = a.attributes;
  for (const name in attributes) {
    const value = attributes[name];
    if (value && Object.hasOwn(attributes, name)) body += `,{"type":"TextualBody","purpose":"describing","value":${json(`${name}: ${value}`)},"format":"text/plain"}`;
  }
  const quote = `{"type":"TextQuoteSelector","exact":${json(a.exact)}${a.prefix ? `,"prefix":${json(a.prefix)}` : ''}${a.suffix ? `,"suffix":${json(a.suffix)}` : ''}}`;
  const target = `{"source":${json(record.sourceIri)},"selector":[${quote},{"type":"TextPositionSelector","start":${a.start},"end":${a.end}}]}`;
  const creator = a.author ? `,"creator":{"type":"Person","name":${json(a.author)}}` : '';
  return `{"@context":${CONTEXT_JSON},"id":${json(`urn:uuid:${a.id}`)},"type":"Annotation","motivation":"tagging","created":${json(a.created)},"modified":${json(a.modified)},"body":[${body}],"target":${target}${creator}}`;
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
 * The same collection as `w3cCollection`, streamed in one pass: `head()`, then `item(json)` for
 * each annotation (already `JSON.stringify`d) and `end()`; each returns the text to write next.
 * A collection of 200,000 annotations is thus never built as one string (which would exceed what
 * a JavaScript string can hold), and the annotations are read once: the collection's `total` and
 * `last`, known only at the end, are written after its pages (JSON-LD does not order keys).
 */
export class W3cCollectionStream {
  private pages = 1;
  private inPage = 0;
  private count = 0;

  constructor(
    private readonly collectionId: string,
    private readonly label: string,
  ) {}

  private pageId(p: number): string {
    return `${this.collectionId}/page-${p + 1}`;
  }

  private pageHead(p: number): string {
    return `{"id":${json(this.pageId(p))},"type":"AnnotationPage","partOf":${json(this.collectionId)},"startIndex":${p * W3C_PAGE_SIZE}${p > 0 ? `,"prev":${json(this.pageId(p - 1))}` : ''},"items":[`;
  }

  head(): string {
    return `{"@context":${CONTEXT_JSON},"id":${json(this.collectionId)},"type":"AnnotationCollection","label":${json(this.label)},"first":${this.pageHead(0)}`;
  }

  /** The text for one more annotation: a comma, or the start of the next page when this one is full. */
  item(annotationJson: string): string {
    this.count++;
    if (this.inPage === W3C_PAGE_SIZE) {
      this.inPage = 1;
      return `],"next":${this.pageHead(this.pages++)}${annotationJson}`;
    }
    return (this.inPage++ > 0 ? ',' : '') + annotationJson;
  }

  /** Close the pages and the collection. */
  end(): string {
    return `]${'}'.repeat(this.pages)},"total":${this.count},"last":${json(this.pageId(this.pages - 1))}}\n`;
  }

  get total(): number {
    return this.count;
  }
}
