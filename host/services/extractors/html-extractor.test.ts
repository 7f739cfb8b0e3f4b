import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeHtml, declaredCharset, extractHtml } from './html-extractor.js';
import type { ExtractedArticle } from './article.js';
import { EXTRACTOR_IDS } from './versions.js';
import { startRequestTrap, settle, type RequestTrap } from './testing/request-trap.js';
import { ARABIC, CYRILLIC, KOREAN } from './testing/samples.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const blockTexts = (a: { text: string; blocks: ExtractedArticle['blocks'] }) => a.blocks.map((b) => ({ kind: b.kind, level: b.level, text: a.text.slice(b.start, b.end) }));

const ARTICLE_PAGE = `<!doctype html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Summit ends without a deal | The Daily Record</title>
<meta property="og:title" content="Summit ends without a deal">
<meta property="og:site_name" content="The Daily Record">
<meta property="article:published_time" content="2023-09-13T08:30:00Z">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="https://news.example.org/world/summit-ends">
<style>.ad { color: red } nav a { margin: 0 }</style>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main>
<article>
<h1>Summit ends without a deal</h1>
<p class="byline">By Jane Roe</p>
<p>The two leaders met for five hours on Wednesday at the remote launch site, officials said, but no agreement on arms was announced by the end of the day. Both delegations left the site by train in the evening, and neither side gave a date for the next round of talks, which diplomats had expected to be set before the visit ended.</p>
<p>According to the <a href="https://example.org/agency">state news agency</a>, the talks covered “military matters” and the war, and the ministers of both countries took part in the afternoon session. The agency did not say whether the question of satellite launches, which the host raised in public on Tuesday, had been discussed behind closed doors.</p>
<h2>What was said</h2>
<blockquote><p>“We will continue to work together in every field,” the host said at the closing dinner.</p></blockquote>
<p>Observers listed three open questions that the meeting left without an answer, and said more would be known after the ministers’ follow-up visit:</p>
<ul><li>whether ammunition will be delivered;</li><li>whether satellite technology is part of the deal;</li><li>when the next meeting takes place.</li></ul>
<p>${CYRILLIC} Российские агентства сообщили об этом в среду вечером.</p>
<p>${KOREAN} 회담은 다섯 시간 동안 진행되었다.</p>
<p dir="rtl" lang="ar">${ARABIC} وأضاف أن الجانبين سيلتقيان مرة أخرى.</p>
<div class="ad">Advertisement</div>
</article>
<aside class="related"><h3>More on this topic</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">Yet another story</a></li></ul></aside>
</main>
<footer><p>© 2023 The Daily Record. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>`;

describe('extractHtml: an article page', () => {
  const a = extractHtml(utf8(ARTICLE_PAGE));

  it('keeps the article: headings, paragraphs, quote, list items, link text, non-Latin scripts', () => {
    const blocks = blockTexts(a);
    expect(blocks).toContainEqual({ kind: 'heading', level: 2, text: 'What was said' });
    expect(blocks).toContainEqual({ kind: 'quote', level: 0, text: '“We will continue to work together in every field,” the host said at the closing dinner.' });
    expect(blocks.filter((b) => b.kind === 'list').map((b) => b.text)).toEqual([
      'whether ammunition will be delivered;',
      'whether satellite technology is part of the deal;',
      'when the next meeting takes place.',
    ]);
    expect(blocks).toContainEqual({ kind: 'paragraph', level: 0, text: 'According to the state news agency, the talks covered “military matters” and the war, and the ministers of both countries took part in the afternoon session. The agency did not say whether the question of satellite launches, which the host raised in public on Tuesday, had been discussed behind closed doors.' });
    expect(a.text).toContain(`${CYRILLIC} Российские агентства`);
    expect(a.text).toContain(`${KOREAN} 회담은`);
    expect(a.text).toContain(`${ARABIC} وأضاف`);
  });

  it('drops navigation, styles, related links and the footer', () => {
    for (const gone of ['Sport', 'color: red', 'Another story', 'All rights reserved', 'Privacy']) expect(a.text).not.toContain(gone);
    // …which the whole page text keeps (except the style sheet, which is never text).
    expect(a.whole!.text).toContain('Sport');
    expect(a.whole!.text).toContain('All rights reserved');
    expect(a.whole!.text).not.toContain('color: red');
  });

  it('joins blocks with one blank line, and the block ranges cover exactly the text', () => {
    for (const doc of [a, a.whole!]) {
      expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end)).join('\n\n')).toBe(doc.text);
      for (const b of doc.blocks) expect(doc.text.slice(b.start, b.end)).not.toMatch(/^\s|\s$|\n\n/);
    }
  });

  it('reads the metadata', () => {
    expect(a.metadata).toEqual({
      title: 'Summit ends without a deal',
      byline: 'Jane Roe',
      published: '2023-09-13T08:30:00Z',
      site: 'The Daily Record',
      canonicalUrl: 'https://news.example.org/world/summit-ends',
      language: 'en-GB',
    });
    expect(a.extractor).toBe(EXTRACTOR_IDS.html);
    expect(a.extractor).toBe('html:readability@0.6.0,jsdom@26.1.0,gloss@1');
    expect(a.encoding).toBe('utf-8');
    expect(a.warnings).toEqual([]);
  });
});

describe('extractHtml: a hostile page', () => {
  let trap: RequestTrap;
  beforeAll(async () => {
    trap = await startRequestTrap();
  });
  afterAll(() => trap.close());
  beforeEach(() => trap.reset());

  // A request to the trap from inside the page, written so it works in any DOM that runs scripts
  // (jsdom has XMLHttpRequest but no fetch).
  const beacon = (o: string, path: string) => `globalThis.__glossPwned = true; var x = new XMLHttpRequest(); x.open('GET', '${o}${path}'); x.send();`;
  const hostilePage = (o: string) => `<!doctype html><html><head>
<meta http-equiv="refresh" content="0; url=${o}/refresh">
<meta charset="utf-8">
<base href="${o}/base/">
<title>Hostile</title>
<link rel="stylesheet" href="${o}/style.css">
<link rel="preload" href="${o}/preload.js" as="script">
<link rel="icon" href="favicon.ico">
<style>@import url("${o}/import.css"); body { background: url(${o}/bg.png) } @font-face { font-family: x; src: url(font.woff) }</style>
<script src="${o}/remote.js"></script>
<script>${beacon(o, '/inline-script')} new Image().src = '${o}/img-from-script.png'; document.write('<p>INJECTED BY SCRIPT</p>');</script>
<script type="module">import '${o}/module.js';</script>
</head>
<body onload="${beacon(o, '/onload')}">
<nav><a href="${o}/nav">Home</a> <a href="javascript:${beacon(o, '/nav-js')}">Menu</a></nav>
<iframe src="${o}/frame.html"></iframe>
<iframe srcdoc="&lt;script&gt;${beacon(o, '/srcdoc')}&lt;/script&gt;&lt;img src='${o}/srcdoc.png'&gt;"></iframe>
<article>
<h1>Officials deny the report</h1>
<p>The ministry said on Monday that the report was false and that no such meeting had taken place, adding that it would publish the minutes of the talks in full. A spokeswoman told reporters that the document had been forged and that the signatures on it did not belong to any official of the ministry, past or present, and asked news outlets to withdraw it.</p>
<img src="${o}/photo.png" srcset="${o}/photo-2x.png 2x" onerror="${beacon(o, '/onerror')}" loading="eager">
<p style="background-image: url(${o}/inline-bg.png)">Read the <a href="javascript:${beacon(o, '/link')}">full statement</a> from the ministry, which was published in three languages and signed by the deputy minister herself. The statement lists the dates on which, according to the ministry, the officials named in the report were abroad, and it names the agency that first published the claim.</p>
<p>${CYRILLIC} ${KOREAN}</p>
<p dir="rtl">${ARABIC}</p>
<video src="${o}/video.mp4" poster="${o}/poster.png" autoplay></video>
<audio src="${o}/audio.mp3" autoplay></audio>
<object data="${o}/object.swf"></object><embed src="${o}/embed.swf">
<svg><image href="${o}/svg-image.png"/><script>${beacon(o, '/svg-script')}</script></svg>
<form action="${o}/form"><input autofocus onfocus="${beacon(o, '/onfocus')}" value="typed"><button formaction="${o}/button">Send</button></form>
<noscript><img src="${o}/noscript.png"></noscript>
<script>document.body.innerHTML = 'REPLACED BY SCRIPT';</script>
</article>
</body></html>`;

  it('the trap sees a request when one is made (control)', async () => {
    await fetch(`${trap.origin}/control`);
    expect(trap.requests).toEqual(['GET /control']);
  });

  it('runs nothing, fetches nothing, and still extracts the article', async () => {
    const a = extractHtml(utf8(hostilePage(trap.origin)));
    await settle(500);
    expect(trap.requests).toEqual([]);
    expect(trap.connections()).toBe(0);
    expect((globalThis as Record<string, unknown>).__glossPwned).toBeUndefined();
    expect((globalThis as Record<string, unknown>).__glossRemoteScriptRan).toBeUndefined();
    for (const t of [a.text, a.whole!.text]) {
      expect(t).not.toContain('INJECTED BY SCRIPT');
      expect(t).not.toContain('REPLACED BY SCRIPT');
      expect(t).not.toContain('XMLHttpRequest');
      expect(t).not.toContain('url(');
    }
    expect(a.text).toContain('The ministry said on Monday that the report was false');
    expect(a.text).toContain('Read the full statement from the ministry');
    expect(a.text).toContain(`${CYRILLIC} ${KOREAN}`);
    expect(a.text).toContain(ARABIC);
    expect(a.text).not.toContain('Menu');
    expect(a.warnings).toEqual([]);
    expect(a.metadata.title).toBe('Hostile');
    expect(a.metadata.canonicalUrl).toBeUndefined();
  });
});

describe('extractHtml: encodings', () => {
  const page = (meta: string, body: string) => `<html><head>${meta}<title>t</title></head><body><article><p>${body}</p></article></body></html>`;
  const long = `${CYRILLIC} Это предложение повторяется, чтобы статья была достаточно длинной для Readability. `.repeat(6).trim();

  it('decodes by the declared <meta charset>', () => {
    const bytes = iconv.encode(page('<meta charset="windows-1251">', long), 'windows-1251');
    const a = extractHtml(bytes);
    expect(a.encoding).toBe('windows-1251');
    expect(a.text).toBe(long);
    expect(a.warnings).toEqual([]);
  });

  it('decodes by a Content-Type http-equiv declaration', () => {
    const bytes = iconv.encode(page('<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">', long), 'koi8-r');
    expect(extractHtml(bytes).text).toBe(long);
  });

  it('follows a byte-order mark over a contradicting declaration', () => {
    const html = page('<meta charset="windows-1252">', long);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]);
    expect(extractHtml(le).text).toBe(long);
    expect(extractHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html)])).text).toBe(long);
  });

  it('reads undeclared UTF-8 as UTF-8, and guesses (with a warning) when it is not', () => {
    expect(decodeHtml(utf8(page('', long)))).toMatchObject({ encoding: 'utf-8', source: 'utf-8' });
    const guessed = extractHtml(iconv.encode(page('', long), 'windows-1251'));
    expect(guessed.text).toBe(long);
    expect(guessed.warnings.join(' ')).toMatch(/does not say how its text is encoded/);
  });

  it('maps labels the way browsers do', () => {
    expect(declaredCharset('<meta charset="ISO-8859-1">')).toBe('windows-1252');
    expect(declaredCharset('<meta charset="utf-16">')).toBe('utf-8');
    expect(declaredCharset('<!-- <meta charset="koi8-r"> --><meta charset=\'shift_jis\'>')).toBe('shift_jis');
    expect(declaredCharset('<meta charset="no-such-thing">')).toBeNull();
  });
});

describe('extractHtml: pages without an article', () => {
  it('falls back to the whole page text with a warning', () => {
    const a = extractHtml(utf8('<html><body><ul><li><a href="/">Home</a></li><li><a href="/x">Login</a></li></ul></body></html>'));
    expect(a.warnings).toEqual(['No article was found in this page; showing the whole page text.']);
    expect(a.text).toBe(a.whole!.text);
    expect(blockTexts(a)).toEqual([
      { kind: 'list', level: 0, text: 'Home' },
      { kind: 'list', level: 0, text: 'Login' },
    ]);
  });

  it('says so when the page has no text at all', () => {
    const a = extractHtml(utf8('<html><head><script>x()</script></head><body><img src="a.png"></body></html>'));
    expect(a.text).toBe('');
    expect(a.blocks).toEqual([]);
    expect(a.warnings).toEqual(['This page has no visible text.']);
  });
});
