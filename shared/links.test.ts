import { describe, expect, it } from 'vitest';
import { createAnnotation } from './annotations.js';
import { CodePointText } from './code-points.js';
import { canLink, groupByLinkTarget, incomingLinks, linksInto, linkTypesBetween, unlinkFrom, withLink } from './links.js';
import type { Annotation } from './sidecar-format.js';
import { DEFAULT_TAGS } from './tags.js';

const text = new CodePointText('Claim one. Denial one. Quote one. Claim two. Denial two.');
let n = 0;
function make(tag: string, phrase: string, links: Annotation['links'] = []): Annotation {
  const start = text.text.indexOf(phrase);
  return { ...createAnnotation(text, { tag, start, end: start + phrase.length, id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` }), links };
}

describe('links between annotations', () => {
  const claim1 = make('claim', 'Claim one.');
  const claim2 = make('claim', 'Claim two.');
  const denial1 = make('denial', 'Denial one.', [{ type: 'denies', target: claim2.id }]);
  const quote = make('quote', 'Quote one.', [{ type: 'supports', target: claim1.id }]);
  const denial2 = make('denial', 'Denial two.', [{ type: 'denies', target: 'elsewhere', file: 'other.txt' }]);
  const all = [claim1, denial1, quote, claim2, denial2];

  it('allows the links the tag set declares, and only those', () => {
    expect(linkTypesBetween(DEFAULT_TAGS, 'denial', 'claim').map((l) => l.type)).toEqual(['denies']);
    expect(linkTypesBetween(DEFAULT_TAGS, 'quote', 'claim').map((l) => l.type)).toEqual(['supports']);
    expect(linkTypesBetween(DEFAULT_TAGS, 'denial', 'quote')).toEqual([]);
    expect(canLink(DEFAULT_TAGS, 'claim')).toBe(false);
  });

  it('finds the links into each annotation of the article, not those to other articles', () => {
    const incoming = incomingLinks(all, 'a.txt');
    expect(incoming.get(claim2.id)!.map((l) => [l.from.id, l.type])).toEqual([[denial1.id, 'denies']]);
    expect(incoming.get(claim1.id)!.map((l) => l.from.id)).toEqual([quote.id]);
    expect(incoming.has('elsewhere')).toBe(false);
  });

  it('adds a link once, however often it is made', () => {
    const once = withLink(denial1, { type: 'denies', target: claim1.id });
    expect(withLink({ ...denial1, links: once }, { type: 'denies', target: claim1.id })).toEqual(once);
    expect(once).toHaveLength(2);
  });

  it('lists what deleting a target must unlink, in this article and by file', () => {
    expect(unlinkFrom(all, 'a.txt', 'a.txt', claim2.id)).toEqual([{ before: denial1, links: [] }]);
    expect(unlinkFrom(all, 'a.txt', 'other.txt', 'elsewhere')).toEqual([{ before: denial2, links: [] }]);
    expect(unlinkFrom(all, 'a.txt', 'a.txt', 'elsewhere')).toEqual([]);
  });

  it('groups a claim with its denials and supporting quotes in the list, every annotation once', () => {
    const rows = groupByLinkTarget(all, 'a.txt')!;
    expect(rows.map((r) => [r.annotation.exact, r.via?.type ?? null])).toEqual([
      ['Claim one.', null],
      ['Quote one.', 'supports'],
      ['Claim two.', null],
      ['Denial one.', 'denies'],
      ['Denial two.', null],
    ]);
    // A chain (a denial of a denial) keeps the middle one in place, so nothing disappears.
    const chained = make('denial', 'Denial two.', [{ type: 'denies', target: denial1.id }]);
    const rows2 = groupByLinkTarget([claim1, denial1, claim2, chained], 'a.txt')!;
    expect(rows2).toHaveLength(4);
    expect(new Set(rows2.map((r) => r.annotation.id)).size).toBe(4);
    // Nothing linked within the article: the list is the text order itself.
    expect(groupByLinkTarget([claim1, claim2, denial2], 'a.txt')).toBeNull();
    expect(linksInto(all, 'a.txt', claim2.id).map((l) => l.from.id)).toEqual([denial1.id]);
  });
});
