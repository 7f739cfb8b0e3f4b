// W3C Web Annotation import: annotations (an AnnotationCollection with its pages, one
// AnnotationPage, one Annotation or an array of them) read into what Gloss needs, then placed on a
// source's text with the app's anchoring (shared/anchoring.ts): a TextPositionSelector is the
// expected place (code points, as the W3C model counts them), a TextQuoteSelector the text and its
// context to check it against or search for. Bodies are read as the Gloss W3C export writes them
// (tagging → tag, commenting → note, describing `name: value` → attribute) and, for other
// producers, plain TextualBody / bodyValue → note. What cannot be placed is reported.
import { quoteAt } from '../annotations.js';
import { anchorAnnotation, MIN_FUZZY_SCORE } from '../anchoring.js';
import { matchQuote } from '../match-quote.js';
import type { CodePointText } from '../code-points.js';
import type { Annotation } from '../sidecar-format.js';

export interface W3cProblem {
  /** Position of the annotation in the input (0-based, in reading order) and its id when it has one. */
  index: number;
  id?: string;
  message: string;
}

/** One W3C annotation read: what Gloss keeps of it and its target on a source. */
export interface W3cAnnotation {
  index: number;
  id?: string;
  tag?: string;
  note: string;
  attributes: Record<string, string>;
  created?: string;
  modified?: string;
  author?: string;
  /** The target's source IRI, when it has one. */
  source?: string;
  position?: { start: number; end: number };
  quote?: { exact: string; prefix: string; suffix: string };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const typeIs = (v: Json, t: string) => asArray(v.type).includes(t) || asArray(v['@type']).includes(t);

/** The annotations in a parsed JSON document, in order: a collection's pages (embedded `first`, then `next`), a page's items, an array, or one annotation. */
export function w3cItems(json: unknown): { items: unknown[]; problems: W3cProblem[] } {
  const problems: W3cProblem[] = [];
  const items: unknown[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 10_000) return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth + 1));
    if (!isObject(node)) {
      problems.push({ index: items.length, message: `not an annotation: ${JSON.stringify(node)?.slice(0, 80)}` });
      return;
    }
    if (typeIs(node, 'AnnotationCollection')) {
      if (typeof node.first === 'string') problems.push({ index: items.length, message: `the collection's first page ${node.first} is not embedded; only embedded pages are read` });
      else if (node.first !== undefined) visit(node.first, depth + 1);
      return;
    }
    if (typeIs(node, 'AnnotationPage')) {
      items.push(...asArray(node.items));
      if (isObject(node.next)) visit(node.next, depth + 1);
      else if (typeof node.next === 'string') problems.push({ index: items.length, message: `page ${node.next} is not embedded; only embedded pages are read` });
      return;
    }
    items.push(node);
  };
  visit(json, 0);
  return { items, problems };
}

const UUID = /^(?:urn:uuid:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The UUID in an annotation id (`urn:uuid:…`), or null. */
export function uuidOf(id: string | undefined): string | null {
  const m = id ? UUID.exec(id) : null;
  return m ? m[1]!.toLowerCase() : null;
}

/** Read one item: its bodies and its (first placeable) text target. */
export function readW3cAnnotation(item: unknown, index: number): W3cAnnotation | W3cProblem {
  if (!isObject(item)) return { index, message: 'not an annotation object' };
  const id = str(item.id) ?? str(item['@id']);
  if (!typeIs(item, 'Annotation') && !typeIs(item, 'oa:Annotation')) return { index, id, message: `type is ${JSON.stringify(item.type ?? null)}, not Annotation` };
  const result: W3cAnnotation = { index, id, note: '', attributes: {}, created: str(item.created), modified: str(item.modified) };
  const creator = asArray(item.creator)[0];
  result.author = isObject(creator) ? (str(creator.name) ?? str(creator.nickname)) : undefined;
  const notes: string[] = [];
  const motivation = asArray(item.motivation);
  if (typeof item.bodyValue === 'string') notes.push(item.bodyValue);
  for (const body of asArray(item.body)) {
    if (!isObject(body) || !(typeIs(body, 'TextualBody') || body.value !== undefined)) continue; // IRIs and other resources: nothing Gloss can keep
    const value = str(body.value) ?? '';
    const purpose = asArray(body.purpose)[0] ?? (motivation.includes('tagging') && !result.tag ? 'tagging' : 'commenting');
    if (purpose === 'tagging' && !result.tag && value.trim()) result.tag = value.trim();
    else if (purpose === 'describing' && /^[^:\n]+: /.test(value)) {
      const colon = value.indexOf(': ');
      result.attributes[value.slice(0, colon)] = value.slice(colon + 2);
    } else if (purpose === 'tagging') result.attributes[`tag ${Object.keys(result.attributes).filter((k) => k.startsWith('tag ')).length + 2}`] = value;
    else notes.push(value);
  }
  result.note = notes.join('\n\n');
  const targets = asArray(item.target);
  for (const target of targets) {
    if (!isObject(target)) continue;
    const selectors = asArray(target.selector).filter(isObject);
    const quote = selectors.find((s) => typeIs(s, 'TextQuoteSelector') && typeof s.exact === 'string');
    const position = selectors.find((s) => typeIs(s, 'TextPositionSelector') && Number.isInteger(s.start) && Number.isInteger(s.end));
    if (!quote && !position) continue;
    result.source = str(target.source) ?? (isObject(target.source) ? str(target.source.id) : undefined);
    if (quote) result.quote = { exact: quote.exact as string, prefix: str(quote.prefix) ?? '', suffix: str(quote.suffix) ?? '' };
    if (position) result.position = { start: position.start as number, end: position.end as number };
    return result;
  }
  const why = targets.length === 0 ? 'it has no target' : 'its target has no TextQuoteSelector or TextPositionSelector (a whole resource, or a selector Gloss does not read, e.g. a FragmentSelector or a refinement)';
  return { index, id, message: `cannot be placed: ${why}` };
}

export type W3cPlacement = { kind: 'placed'; annotation: Annotation; status: 'anchored' | 'moved' | 'fuzzy'; score?: number } | { kind: 'problem'; problem: W3cProblem };

/**
 * Place a read annotation on the text. With a quote: anchoring as when a source changed (the
 * position, when given, is where it is expected); a fuzzy match is accepted and its text taken
 * from the source (the caller reports it). With only a position: kept when inside the text.
 */
export function placeW3cAnnotation(text: CodePointText, read: W3cAnnotation, options: { id: string; defaultTag: string; now: Date }): W3cPlacement {
  const problem = (message: string): W3cPlacement => ({ kind: 'problem', problem: { index: read.index, id: read.id, message } });
  let start: number;
  let end: number;
  let status: 'anchored' | 'moved' | 'fuzzy' = 'anchored';
  let score: number | undefined;
  if (read.quote && read.position) {
    const anchor = anchorAnnotation(text, { ...read.position, ...read.quote });
    if (anchor.status === 'orphaned') return problem(`cannot be placed: ${JSON.stringify(read.quote.exact.slice(0, 60))} is not in the text`);
    ({ start, end } = anchor);
    status = anchor.status;
    score = anchor.score;
  } else if (read.quote) {
    // No expected place: the best match over the whole text, exact occurrences first.
    const m = read.quote.exact ? matchQuote(text.text, read.quote.exact, { prefix: read.quote.prefix, suffix: read.quote.suffix }) : null;
    if (!m || (m.errors > 0 && m.score < MIN_FUZZY_SCORE)) return problem(`cannot be placed: ${JSON.stringify(read.quote.exact.slice(0, 60))} is not in the text`);
    start = text.toCodePoint(m.start);
    end = text.toCodePoint(m.end);
    status = m.errors === 0 ? 'anchored' : 'fuzzy';
    if (m.errors > 0) score = m.score;
  } else {
    const p = read.position!;
    if (p.start < 0 || p.end < p.start || p.end > text.length) return problem(`cannot be placed: position ${p.start}–${p.end} is outside the text (${text.length} characters)`);
    ({ start, end } = p);
  }
  const stamp = options.now.toISOString();
  const valid = (t: string | undefined) => (t && !Number.isNaN(Date.parse(t)) ? new Date(t).toISOString() : undefined);
  const annotation: Annotation = {
    id: options.id,
    tag: read.tag ?? options.defaultTag,
    start,
    end,
    ...quoteAt(text, start, end),
    attributes: read.attributes,
    note: read.note,
    links: [],
    created: valid(read.created) ?? stamp,
    modified: valid(read.modified) ?? valid(read.created) ?? stamp,
    author: read.author ?? '',
  };
  return { kind: 'placed', annotation, status, score };
}
