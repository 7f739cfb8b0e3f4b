// A saved web page → the article in it, as text with structure. The page is untrusted: it is parsed
// by jsdom with scripts off and no resource loader (jsdom's defaults, spelled out below), so nothing
// in it runs and nothing is fetched — not scripts, images, iframes, stylesheets, CSS url(), refresh
// redirects or <base href> targets (html-extractor.test.ts checks this against a live local
// server). @mozilla/readability picks the article out of a copy of the document; the original
// gives the whole page's visible text and the metadata. Only text comes out: no HTML is passed on.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { JSDOM, VirtualConsole } from 'jsdom';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { ArticleTextBuilder, cleanMetadataValue, cleanUrl, compactMetadata, type ArticleMetadata, type ExtractedArticle } from './article.js';
import { appendDomBlocks } from './dom-text.js';
import { EXTRACTOR_IDS } from './versions.js';

export interface DecodedHtml {
  html: string;
  /** Lowercase encoding name used to decode. */
  encoding: string;
  /** How the encoding was chosen. */
  source: 'bom' | 'declared' | 'utf-8' | 'detected' | 'default';
}

/** How many bytes at the start of a page are searched for a `<meta charset>` (the HTML spec's prescan uses 1024; saved pages often put it later). */
const CHARSET_PRESCAN_BYTES = 4096;

/**
 * The page's text, decoded the way a browser would: a byte-order mark first, then the charset the
 * page declares in a `<meta>`, then UTF-8 if the bytes are valid UTF-8, then a detected legacy
 * encoding (chardet), and windows-1252 as the last resort.
 */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { html: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8', source: 'bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { html: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le', source: 'bom' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { html: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be', source: 'bom' };

  const declared = declaredCharset(buf.subarray(0, CHARSET_PRESCAN_BYTES).toString('latin1'));
  if (declared) return { html: decodeWith(buf, declared), encoding: declared, source: 'declared' };
  try {
    return { html: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', source: 'utf-8' };
  } catch {
    // Not UTF-8: guess below.
  }
  const detected = chardet.detect(buf)?.toLowerCase();
  if (detected && !detected.startsWith('utf') && iconv.encodingExists(detected)) return { html: iconv.decode(buf, detected), encoding: detected, source: 'detected' };
  return { html: iconv.decode(buf, 'windows-1252'), encoding: 'windows-1252', source: 'default' };
}

/** The charset named by a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`, as a label iconv-lite knows, mapped the way browsers map it. */
export function declaredCharset(head: string): string | null {
  const withoutComments = head.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of withoutComments.matchAll(/<meta\b[^>]*>/gi)) {
    const c = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(m[0]);
    if (!c) continue;
    const label = c[1]!.toLowerCase();
    // The WHATWG Encoding Standard: these labels mean windows-1252, and a UTF-16 declaration
    // inside the bytes themselves cannot be true (the parser could read it), so it means UTF-8.
    if (['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'ascii', 'us-ascii', 'x-user-defined', 'cp1252'].includes(label)) return 'windows-1252';
    if (label.startsWith('utf-16') || label === 'utf8' || label === 'unicode-1-1-utf-8') return 'utf-8';
    if (iconv.encodingExists(label)) return label;
  }
  return null;
}

function decodeWith(buf: Buffer, encoding: string): string {
  return encoding === 'utf-8' ? new TextDecoder('utf-8').decode(buf) : iconv.decode(buf, encoding);
}

/**
 * A DOM for untrusted HTML. These are jsdom's defaults, written out so that nobody "improves" them:
 * `runScripts` unset (no <script>, no inline handlers, no javascript: URLs), `resources` unset (no
 * subresource is loaded: images, stylesheets, scripts, frames), `pretendToBeVisual: false` (no
 * animation frames), and a virtual console that drops everything the page would log.
 */
export function parseUntrustedHtml(html: string): JSDOM {
  return new JSDOM(html, {
    contentType: 'text/html',
    runScripts: undefined,
    resources: undefined,
    pretendToBeVisual: false,
    includeNodeLocations: false,
    virtualConsole: new VirtualConsole(),
  });
}

/// Extract the article from a saved web page's bytes.
export function extractHtml(bytes: Uint8Array): ExtractedArticle {
  const decoded = decodeHtml(bytes);
  const dom = parseUntrustedHtml(decoded.html);
  try {
    const doc = dom.window.document;
    const warnings: string[] = [];
    if (decoded.source === 'detected' || decoded.source === 'default') {
      warnings.push(`The page does not say how its text is encoded and is not UTF-8; it was read as ${decoded.encoding}. If letters look wrong, save the page again as UTF-8.`);
    }

    const wholeBuilder = new ArticleTextBuilder();
    if (doc.body) appendDomBlocks(doc.body, wholeBuilder);
    const whole = wholeBuilder.build();

    // Readability rewrites the document it reads, so it gets a copy.
    const copy = doc.cloneNode(true) as Document;
    const article = new Readability<Node>(copy, { serializer: (node) => node }).parse();
    const articleBuilder = new ArticleTextBuilder();
    if (article?.content && article.content.nodeType === 1) appendDomBlocks(article.content as Element, articleBuilder);
    let { text, blocks } = articleBuilder.build();
    // Readability always returns *something*; whether the page has an article at all is answered by
    // its own `isProbablyReaderable` (the test Firefox uses to offer Reader View: paragraphs of 140+
    // characters adding up to a score of 20, i.e. a few real paragraphs).
    if (text === '' || !isProbablyReaderable(doc)) {
      if (whole.text === '') warnings.push('This page has no visible text.');
      else warnings.push('No article was found in this page; showing the whole page text.');
      ({ text, blocks } = whole);
    }

    return {
      text,
      blocks,
      metadata: pageMetadata(doc, article),
      extractor: EXTRACTOR_IDS.html,
      whole,
      encoding: decoded.encoding,
      warnings,
    };
  } finally {
    dom.window.close();
  }
}

type ReadabilityResult = ReturnType<Readability<Node>['parse']>;

function pageMetadata(doc: Document, article: ReadabilityResult): ArticleMetadata {
  const meta = (...names: string[]): string | undefined => {
    for (const name of names) {
      for (const el of Array.from(doc.querySelectorAll('meta'))) {
        const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
        if (key === name) {
          const v = cleanMetadataValue(el.getAttribute('content'));
          if (v) return v;
        }
      }
    }
    return undefined;
  };
  const canonicalHref = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  // Relative URLs resolve against the page's <base href> when it has one; nothing is fetched.
  const base = doc.baseURI.startsWith('http') ? doc.baseURI : undefined;
  const author = meta('author', 'article:author', 'dc.creator', 'byl');
  return compactMetadata({
    title: cleanMetadataValue(article?.title) ?? meta('og:title', 'twitter:title') ?? cleanMetadataValue(doc.title),
    byline: cleanMetadataValue(article?.byline) ?? (author && !cleanUrl(author) ? author : undefined),
    published: meta('article:published_time', 'datepublished', 'date', 'dc.date', 'pubdate') ?? cleanMetadataValue(article?.publishedTime),
    site: meta('og:site_name') ?? cleanMetadataValue(article?.siteName),
    canonicalUrl: cleanUrl(canonicalHref, base) ?? cleanUrl(meta('og:url'), base),
    language: cleanMetadataValue(doc.documentElement.getAttribute('lang')) ?? cleanMetadataValue(article?.lang) ?? meta('og:locale'),
  });
}
