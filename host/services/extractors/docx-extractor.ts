// A Word file (.docx) → text with structure. mammoth turns the document's paragraphs, headings,
// lists and quote styles into HTML, which is read back as text by the same block walker as web
// pages (dom-text.ts). Safety: mammoth never fetches: `externalFileAccess: false` refuses files
// linked from outside the document (images, included files) and hyperlinks are only text; embedded
// images are not decoded at all (no data: URLs are built). The document's own properties
// (docProps/core.xml) give the title, author and language.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { ArticleTextBuilder, cleanMetadataValue, compactMetadata, type ArticleMetadata, type ExtractedArticle } from './article.js';
import { appendDomBlocks } from './dom-text.js';
import { parseUntrustedHtml } from './html-extractor.js';
import { EXTRACTOR_IDS } from './versions.js';
import { GlossError } from '../../../shared/errors.js';

/**
 * Word styles mammoth does not map by default. Headings 1–6 and lists are mapped by mammoth
 * itself; these add the title, quotes and code so that they keep their kind.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='HTML Preformatted'] => pre:separator('\\n')",
  "p[style-name='Code'] => pre:separator('\\n')",
];

/// Extract the text of a .docx file's bytes. `name` is used in error messages.
export async function extractDocx(bytes: Uint8Array, name = 'This file'): Promise<ExtractedArticle> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw new GlossError('unreadable', `${name} is not a Word document (.docx) that Gloss can read: it is not a valid .docx package. If it is an older .doc file, save it as .docx first.`);
  }
  if (!zip.file('word/document.xml')) {
    throw new GlossError('unreadable', `${name} is not a Word document (.docx): it has no document part. If it is an older .doc file, save it as .docx first.`);
  }

  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
        // Images carry no text; an empty source keeps mammoth from base64-encoding each one.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
  } catch (err) {
    throw new GlossError('unreadable', `${name} could not be read as a Word document (${(err as Error).message}).`);
  }

  const warnings: string[] = [];
  if (result.messages.some((m) => /external/i.test(m.message)) || (await hasExternalReferences(zip))) {
    warnings.push('This document refers to files outside itself (linked images, templates or included files); Gloss did not open them.');
  }

  const dom = parseUntrustedHtml(`<!doctype html><html><body>${result.value}</body></html>`);
  try {
    const builder = new ArticleTextBuilder();
    // mammoth's back-links from a footnote to its reference ("↑") are not part of the note's text.
    appendDomBlocks(dom.window.document.body, builder, { skip: (el) => el.localName === 'a' && /^#(footnote|endnote|comment)-ref-/.test(el.getAttribute('href') ?? '') });
    const { text, blocks } = builder.build();
    if (text === '') warnings.push('This document has no text.');
    return { text, blocks, metadata: await coreMetadata(zip, text, blocks), extractor: EXTRACTOR_IDS.docx, warnings };
  } finally {
    dom.window.close();
  }
}

/**
 * True when a relationship part points outside the package at something other than a hyperlink:
 * a linked image, an attached template, an included document or object. None of them is opened.
 */
async function hasExternalReferences(zip: JSZip): Promise<boolean> {
  for (const file of Object.values(zip.files)) {
    if (file.dir || !file.name.endsWith('.rels')) continue;
    const xml = await file.async('string');
    for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      if (/TargetMode\s*=\s*["']External["']/.test(m[0]) && !/Type\s*=\s*["'][^"']*\/hyperlink["']/.test(m[0])) return true;
    }
  }
  return false;
}

/** Title, author and language from docProps/core.xml; the title falls back to the first heading. */
async function coreMetadata(zip: JSZip, text: string, blocks: ExtractedArticle['blocks']): Promise<ArticleMetadata> {
  const xml = await zip.file('docProps/core.xml')?.async('string');
  const field = (tag: string): string | undefined => {
    if (!xml) return undefined;
    const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
    return m ? cleanMetadataValue(decodeXmlEntities(m[1]!)) : undefined;
  };
  const firstHeading = blocks.find((b) => b.kind === 'heading');
  return compactMetadata({
    title: field('dc:title') ?? (firstHeading ? cleanMetadataValue(text.slice(firstHeading.start, firstHeading.end)) : undefined),
    byline: field('dc:creator'),
    language: field('dc:language'),
  });
}

function decodeXmlEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (all, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
