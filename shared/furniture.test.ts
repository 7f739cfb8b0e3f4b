import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFurniture, FURNITURE_PATTERNS } from './furniture.js';

const ARTICLE = new URL('../../shared/articles/putin-kim-vostochny-summit.txt', import.meta.url);
const haveArticle = existsSync(ARTICLE);

/** 1-based numbers of the lines that hold a reported range. */
function flaggedLineNumbers(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return detectFurniture(text).map((f) => {
    let n = 0;
    while (n + 1 < starts.length && starts[n + 1]! <= f.start) n++;
    return n + 1;
  });
}

describe.skipIf(!haveArticle)('detectFurniture on the real article (../shared/articles/putin-kim-vostochny-summit.txt)', () => {
  const text = haveArticle ? readFileSync(ARTICLE, 'utf8') : '';
  const lines = text.split('\n');

  it('flags the breadcrumb, embeds, related lists, promo, CSS and advert lines', () => {
    expect(flaggedLineNumbers(text)).toEqual([2, 36, 46, 48, 50, 68, 70, 72, 74, 76, 78, 80, 81, 82, 83, 84, 85, 86, 87, 88, 90, 91, 93, 95]);
    const byLine = new Map(detectFurniture(text).map((f) => [text.slice(f.start, f.end), f.kind]));
    expect(byLine.get('p.st_telegram_boilerplate:before {')).toBe('css');
    expect(byLine.get('font-family: “SelaneWebSTForty”, Georgia, “Times New Roman”, Times, serif;')).toBe('css');
    expect(byLine.get('Remote video URL')).toBe('embed');
    expect(byLine.get('More On This Topic')).toBe('related');
    expect(byLine.get('- Advertisment -')).toBe('advert');
    expect(byLine.get('Join ST’s Telegram channel and get the latest breaking news delivered to you.')).toBe('promo');
  });

  it('never flags the article: title, paragraphs, quotes', () => {
    const flagged = new Set(flaggedLineNumbers(text));
    // The article's paragraphs: long lines that end a sentence (or with the agency's credit).
    const paragraphs = lines.map((l, i) => ({ l, n: i + 1 })).filter(({ l }) => l.length > 60 && /([.”"]|REUTERS)$/.test(l) && !/^Join ST|font-family|^Homeasia/.test(l));
    expect(paragraphs.length).toBeGreaterThan(25);
    for (const { l, n } of paragraphs) expect(flagged.has(n), `line ${n}: ${l.slice(0, 50)}`).toBe(false);
    expect(flagged.has(4)).toBe(false); // the headline
    expect(flagged.has(16)).toBe(false); // a quote
    expect(flagged.has(1)).toBe(false); // the date line stays: it may be the publication date
  });

  it('reports exact line ranges (UTF-16), never a blank line, under CRLF too', () => {
    for (const f of detectFurniture(text)) {
      const s = text.slice(f.start, f.end);
      expect(s).toBe(s.trim());
      expect(s).not.toMatch(/[\r\n]/);
      expect(s.length).toBeGreaterThan(0);
    }
    const crlf = text.replace(/\n/g, '\r\n');
    expect(detectFurniture(crlf).map((f) => crlf.slice(f.start, f.end))).toEqual(detectFurniture(text).map((f) => text.slice(f.start, f.end)));
  });
});

describe('detectFurniture is conservative', () => {
  it('leaves prose alone, even prose that starts like furniture', () => {
    const prose = [
      'Share prices fell sharply on Monday after the announcement.',
      'Follow the money, the investigator told the committee.',
      'Home is where the heart is, the minister said in his speech.',
      'More from the minister later.',
      'More on this topic will be published tomorrow, the agency said.',
      'Advertising revenue fell by 10% in the second quarter.',
      'Read more carefully, and you will see the contradiction.',
      'Join the Telegram channel, the militants urged supporters, according to the indictment.',
      'Subscribe to the theory and you will believe anything.',
      'Register for the conference at the town hall.',
      'Email was the main channel for the leaks.',
      'note: the figures are provisional;',
      'The URL https://example.org/report was shared widely.',
      'Twitter said it would review the posts.',
      '“Most popular?” he asked. “Not at all.”',
      'Display: the word appeared on every screen in the hall.',
      'The color: a deep red, the witness recalled.',
    ];
    expect(detectFurniture(prose.join('\n\n'))).toEqual([]);
  });

  it('flags furniture written in other common ways', () => {
    const lines = [
      'Advertisement',
      '— ADVERTISEMENT —',
      'Embed Instagram',
      'Share this article',
      'Share on WhatsApp',
      'Follow us on Instagram',
      'https://t.co/AbCdEf123',
      'www.example.com/news/world',
      'Home › World › Asia',
      'Sign up for our morning newsletter',
      'Most Read',
      'Related Articles:',
      '@media (max-width: 600px) {',
      '.article-body p {',
      'margin: 0 auto;',
      '}',
    ];
    expect(detectFurniture(lines.join('\n')).map((f) => f.kind)).toEqual([
      'advert', 'advert', 'embed', 'share', 'share', 'share', 'url', 'url', 'breadcrumb', 'promo', 'related', 'related', 'css', 'css', 'css', 'css',
    ]);
  });

  it('takes headlines only right after a "related" heading, and stops at the first sentence', () => {
    const text = ['Read Also', '', 'Minister resigns over leaked memo', 'Floods hit the north again', 'The minister said he would stay.', 'Another Headline Without A Period'].join('\n');
    expect(detectFurniture(text).map((f) => text.slice(f.start, f.end))).toEqual(['Read Also', 'Minister resigns over leaked memo', 'Floods hit the north again']);
    expect(detectFurniture('Minister resigns over leaked memo')).toEqual([]);
  });

  it('keeps every pattern anchored to a whole line', () => {
    for (const p of FURNITURE_PATTERNS) {
      expect(p.re.source.startsWith('^'), p.name).toBe(true);
      expect(p.re.source.endsWith('$'), p.name).toBe(true);
    }
  });
});
