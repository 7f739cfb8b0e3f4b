// Entry point of the extraction layer: which files are extracted (rather than read as plain text),
// and one call that turns a file's bytes into an ExtractedArticle. See docs/SOURCES.md.
import path from 'node:path';
import { GlossError } from '../../../shared/errors.js';
import { MAX_SOURCE_BYTES } from '../source-decoding.js';
import type { ArticleBlock, ExtractedArticle } from './article.js';
import { extractDocx } from './docx-extractor.js';
import { extractHtml } from './html-extractor.js';
import { extractPdf, type PdfExtractOptions } from './pdf-extractor.js';

export type { ArticleBlock, ArticleMetadata, ExtractedArticle } from './article.js';
export { EXTRACTOR_IDS, LIBRARY_VERSIONS } from './versions.js';
export { extractDocx, extractHtml, extractPdf };

export type ExtractedFormat = 'html' | 'docx' | 'pdf';

/// File extensions (lowercase, with the dot) whose text is extracted, and their format.
export const EXTRACTED_EXTENSIONS: Readonly<Record<string, ExtractedFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/// The format a file name is extracted as, or null for a file read as plain text (or not at all).
export function extractedFormat(fileName: string): ExtractedFormat | null {
  return EXTRACTED_EXTENSIONS[path.extname(fileName).toLowerCase()] ?? null;
}

export interface ExtractOptions {
  /** PDF only: called after each page with (pages done, total). */
  onProgress?: PdfExtractOptions['onProgress'];
}

/// Extract a source's text and structure from its bytes; the format comes from `fileName`'s
/// extension. Failures are GlossErrors written for the analyst.
export async function extractArticle(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<ExtractedArticle> {
  const name = path.basename(fileName);
  const format = extractedFormat(name);
  if (!format) throw new GlossError('unsupported', `${name}: Gloss extracts text from .html, .htm, .docx and .pdf files only.`);
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new GlossError('too-large', `${name} is ${(bytes.length / 1048576).toFixed(1)} MB; Gloss opens sources up to ${MAX_SOURCE_BYTES / 1048576} MB.`);
  }
  try {
    switch (format) {
      case 'html':
        return extractHtml(bytes);
      case 'docx':
        return await extractDocx(bytes, name);
      case 'pdf':
        return await extractPdf(bytes, name, { onProgress: options.onProgress });
    }
  } catch (err) {
    if (err instanceof GlossError) throw err;
    throw new GlossError('unreadable', `${name} could not be read (${(err as Error).message}).`);
  }
}

/// The reader's blocks for an extracted text (shared/text-blocks.ts, where the reader finds it).
export { blocksFromStructure as toTextBlocks } from '../../../shared/text-blocks.js';
