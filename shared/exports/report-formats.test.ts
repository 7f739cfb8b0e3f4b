// The HTML report (self-contained, escaped, highlights nested for overlaps), the ClaimReview
// mapping, and the JSON bundle pieces read back with its schema.
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotations.js';
import { CodePointText } from '../code-points.js';
import { buildSidecar, type Annotation } from '../sidecar-format.js';
import { DEFAULT_TAGS } from '../tags.js';
import { BundleSchema, bundleHead, bundleSource, bundleTail } from './bundle.js';
import { CLAIMREVIEW_HEAD, CLAIMREVIEW_TAIL, hasVerdict, toClaimReview } from './claimreview.js';
import { escapeHtml, htmlArticle, htmlReportHead, htmlReportTail, reportTagClasses } from './html-report.js';

const TEXT = 'Mr Kim 😀 said: <script>alert("x")</script> “We will win.” & left.\r\nPeskov denied it.';
const cp = new CodePointText(TEXT);
function annotate(quote: string, tag: string, extra: Partial<Annotation> = {}): Annotation {
  const start = cp.toCodePoint(TEXT.indexOf(quote));
  return { ...createAnnotation(cp, { tag, start, end: start + Array.from(quote).length }), ...extra };
}

const ALLOWED = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'p', 'section', 'ul', 'ol', 'li', 'span', 'mark', 'div', 'sup', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);

describe('HTML report', () => {
  const claim = annotate('“We will win.” & left.', 'claim', { attributes: { claimant: 'Kim <b>Jong</b> Un', verdict: 'false' }, note: '<img src=x onerror=alert(1)> check' });
  const quote = annotate('“We will win.”', 'quote', { attributes: { speaker: 'Kim' }, links: [{ type: 'supports', target: claim.id }, { type: 'supports', target: 'elsewhere', file: 'other.txt' }] });
  const hostile = annotate('<script>alert("x")</script>', 'mystery-tag', { note: '</td></tr></table><script>steal()</script>' });
  const html = htmlReportHead({ title: 'Report <of> "x"', created: new Date('2026-01-02T03:04:05Z') }) + htmlArticle({ index: 1, file: 'a&b.txt', text: TEXT, annotations: [claim, quote, hostile], tags: DEFAULT_TAGS }) + htmlReportTail({ articles: [{ index: 1, file: 'a&b.txt', annotations: 3 }], skipped: [{ path: '<bad>.txt', reason: 'damaged' }] });

  it('escapes everything that comes from sources and sidecars', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    // The only elements are the report's own: no script, no img, no event handlers, nothing from the text.
    const elements = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...elements].filter((e) => !ALLOWED.has(e))).toEqual([]);
    for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g)) expect(tag[0]).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toContain('</table><script');
    // In element content only & and < (and >) need escaping; quotes stay as they are.
    expect(html).toContain('&lt;script&gt;alert("x")&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; check');
    expect(html).toContain('Kim &lt;b&gt;Jong&lt;/b&gt; Un');
    expect(html).toContain('<title>Report &lt;of&gt; &quot;x&quot;</title>');
    expect(html).toContain('a&amp;b.txt');
    expect(html).toContain('&lt;bad&gt;.txt: damaged');
  });

  it('is self-contained and printable: inline CSS, no scripts, no network', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<link|<script|src=["']?https?:|url\(|@import/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it('nests the highlights of overlapping annotations, keeps the text whole, and tabulates each annotation', () => {
    // The quote lies inside the claim: its text is wrapped twice, in the claim's and the quote's colours.
    expect(html).toMatch(/<mark style="background:rgba\(224,168,0,0.28\);border-color:#e0a800"[^>]*><mark style="background:rgba\(47,127,216,0.28\);border-color:#2f7fd8"[^>]*>“We will win.”<\/mark><\/mark>/);
    const body = /<div class="text">([\s\S]*?)<\/div>/.exec(html)![1]!;
    const visible = body.replace(/<sup>.*?<\/sup>/g, '').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(visible).toBe(TEXT);
    expect(html).toContain('<li>Verdict: false</li>');
    expect(html).toMatch(/<li>Supports → <a href="#a1-\d">#\d<\/a><\/li>/);
    expect(html).toContain('<li>Supports → other.txt (elsewhere)</li>');
    expect(html.match(/<tr id="a1-/g)).toHaveLength(3);
    expect(html).toContain('mystery-tag (1)');
  });

  it('gives the tags of the tag set classes declared once in the head; a tag outside the set keeps inline colours', () => {
    const head = htmlReportHead({ title: 't', created: new Date(0), tags: DEFAULT_TAGS });
    const classes = reportTagClasses(DEFAULT_TAGS);
    const article = htmlArticle({ index: 1, file: 'a.txt', text: TEXT, annotations: [claim, hostile], tags: DEFAULT_TAGS, tagClasses: classes });
    const claimClass = classes.get('claim')!;
    expect(head).toContain(`mark.${claimClass} { background: rgba(`);
    expect(article).toContain(`<mark class="${claimClass}" title="`);
    expect(article).toContain(`<span class="swatch ${claimClass}"></span>Claim`);
    // mystery-tag is not in the set: drawn with its colours inline.
    expect(article).toMatch(/<mark style="background:rgba\([^"]+;border-color:#[0-9a-f]{6}" title="\d+: mystery-tag">/);
  });

  it('says which annotations lie outside the text instead of dropping them silently', () => {
    const outside = { ...quote, id: crypto.randomUUID(), start: 500, end: 510 };
    const article = htmlArticle({ index: 2, file: 'x.txt', text: TEXT, annotations: [outside], tags: DEFAULT_TAGS });
    expect(article).toMatch(/Quote ““We will win.”” at 500–510 lies outside the text; not shown/);
  });
});

describe('ClaimReview', () => {
  const record = (attributes: Record<string, string>) => ({ file: 'news/a b.txt', sourceIri: 'file:///x/news/a%20b.txt', annotation: annotate('Peskov denied it.', 'claim', { attributes, modified: '2026-03-04T05:06:07.000Z' }) });

  it('only claims with a verdict (unverified is none)', () => {
    expect(hasVerdict(record({ verdict: 'false' }))).toBe(true);
    expect(hasVerdict(record({ verdict: 'unverified' }))).toBe(false);
    expect(hasVerdict(record({ claimant: 'x' }))).toBe(false);
  });

  it('maps the verdict to reviewRating, the text to claimReviewed, the claimant to the Claim author', () => {
    const r = toClaimReview(record({ verdict: 'misleading', claimant: 'Dmitry Peskov' }), { publisher: { name: 'Fact Desk', url: 'https://factdesk.example' }, reviewUrlBase: 'https://factdesk.example/reviews/1', sourceUrlBase: 'https://news.example/' });
    expect(r).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: 'Peskov denied it.',
      datePublished: '2026-03-04',
      url: expect.stringMatching(/^https:\/\/factdesk\.example\/reviews\/1#[0-9a-f-]{36}$/),
      author: { '@type': 'Organization', name: 'Fact Desk', url: 'https://factdesk.example' },
      sdPublisher: { '@type': 'Organization', name: 'Fact Desk' },
      reviewRating: { '@type': 'Rating', alternateName: 'Misleading', ratingValue: 2, bestRating: 5, worstRating: 1 },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Dmitry Peskov' }, appearance: { '@type': 'CreativeWork', url: 'https://news.example/news/a%20b.txt' } },
    });
    const custom = toClaimReview(record({ verdict: 'Half true' }));
    expect(custom.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Half true' });
    expect(custom).not.toHaveProperty('url');
    expect(custom).not.toHaveProperty('sdPublisher');
    const doc = JSON.parse(CLAIMREVIEW_HEAD + JSON.stringify(r) + ',\n' + JSON.stringify(custom) + CLAIMREVIEW_TAIL);
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@graph']).toHaveLength(2);
  });
});

describe('JSON bundle', () => {
  it('head + sources + tail is one JSON document matching BundleSchema', () => {
    const fingerprint = { name: 'a.txt', bytes: 1, sha256: 'a'.repeat(64), encoding: 'utf-8', lineEndings: 'crlf' as const, codePoints: cp.length };
    const sidecar = buildSidecar(fingerprint, DEFAULT_TAGS, [annotate('Peskov denied it.', 'denial')]);
    const text = bundleHead({ folder: 'news', created: new Date(), filter: { tags: ['denial'] }, tagSet: { exists: false, tags: DEFAULT_TAGS } }) + bundleSource('a.txt', sidecar, true) + bundleSource('sub/b.txt', sidecar, false) + bundleTail([{ path: 'c.txt', reason: 'damaged' }]);
    const bundle = BundleSchema.parse(JSON.parse(text));
    expect(bundle.sources.map((s) => s.path)).toEqual(['a.txt', 'sub/b.txt']);
    expect(bundle.filter).toEqual({ tags: ['denial'] });
    expect(bundle.sources[0]!.sidecar.annotations[0]!.exact).toBe('Peskov denied it.');
    expect(bundle.skipped).toEqual([{ path: 'c.txt', reason: 'damaged' }]);
    const empty = BundleSchema.parse(JSON.parse(bundleHead({ folder: 'x', created: new Date(), filter: {}, tagSet: { exists: true, tags: [] } }) + bundleTail([])));
    expect(empty.sources).toEqual([]);
  });
});
