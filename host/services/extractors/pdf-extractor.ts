// A PDF → text with paragraphs. pdfjs-dist (its legacy build, for Node) reads each page's text
// runs; pdf-layout.ts turns them into lines and paragraphs. Only text is read: no page is
// rendered, no image decoded, no font installed. Safety: pdfjs's core never runs a document's
// JavaScript (that needs the viewer's scripting sandbox, which is not loaded here), `isEvalSupported:
// false` keeps it from compiling fonts with `new Function`, XFA forms are off, and the only
// files it may read are its own CMaps and standard font metrics from node_modules (it is given
// bytes, never a URL, so it has nothing to fetch). pdf-extractor.test.ts checks a PDF with
// /OpenAction JavaScript, a /URI and a /Launch action against a live local server.
import { createRequire } from 'node:module';
import path from 'node:path';
import { GlossError } from '../../../shared/errors.js';
import { compactMetadata, cleanMetadataValue, type ArticleMetadata, type ExtractedArticle } from './article.js';
import { layOutPages, runsToLines, type PdfPageLines, type PdfRun } from './pdf-layout.js';
import { EXTRACTOR_IDS } from './versions.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | null = null;

/**
 * pdfjs, loaded on first use (it is large). Its worker code runs in this thread ("fake worker"):
 * registering the worker module on `globalThis.pdfjsWorker` is how pdfjs finds it without a
 * `workerSrc` path, which also keeps it working when the host is bundled.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsPromise;
}

/** pdfjs's data folders (CMaps for CJK fonts without embedded glyph maps, standard font metrics), as local file paths. */
function pdfjsDataDir(folder: 'cmaps' | 'standard_fonts'): string {
  // In a CommonJS bundle (Electron's main process) `require.resolve` exists; in an ES module (where a
  // bundler may still define a bare `require` shim without `resolve`), make a require.
  const resolve = typeof require === 'function' && typeof require.resolve === 'function' ? require.resolve : createRequire(import.meta.url).resolve;
  const pkg = resolve('pdfjs-dist/package.json');
  return path.join(path.dirname(pkg), folder) + path.sep;
}

export interface PdfExtractOptions {
  /** Called after each page with (pages done, total), e.g. for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/// Extract the text of a PDF's bytes. `name` is used in error messages.
export async function extractPdf(bytes: Uint8Array, name = 'This file', options: PdfExtractOptions = {}): Promise<ExtractedArticle> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    cMapUrl: pdfjsDataDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfjsDataDir('standard_fonts'),
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const kind = (err as { name?: string }).name;
    if (kind === 'PasswordException') throw new GlossError('unreadable', `${name} is protected by a password; Gloss cannot open protected PDFs. Save an unprotected copy and open that.`);
    throw new GlossError('unreadable', `${name} is not a PDF that Gloss can read (${(err as Error).message}).`);
  }
  try {
    const pages: PdfPageLines[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      // No normalization by pdfjs: pdf-layout maps ligatures and presentation forms itself, and nothing else.
      const content = await page.getTextContent({ disableNormalization: true, includeMarkedContent: false });
      const runs: PdfRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        runs.push({ text: item.str, x: e!, y: f!, width: item.width, fontSize: Math.hypot(c!, d!) || Math.hypot(a!, b!), eol: item.hasEOL });
      }
      pages.push({ lines: runsToLines(runs) });
      page.cleanup();
      options.onProgress?.(n, doc.numPages);
    }
    const laid = layOutPages(pages);
    const warnings: string[] = [];
    if (laid.text === '') {
      warnings.push('This PDF has no text layer (it may be scanned images); Gloss cannot read text from images.');
    } else {
      const emptyPages = laid.pages.filter((p) => p.start === p.end).length;
      if (emptyPages > 0 && emptyPages >= doc.numPages / 2) warnings.push(`${emptyPages} of ${doc.numPages} pages have no text layer (scanned images?); their text is missing.`);
    }
    if (/\uFFFD/.test(laid.text)) warnings.push('Some characters in this PDF could not be mapped to letters and show as �.');
    return {
      text: laid.text,
      blocks: laid.blocks,
      pages: laid.pages,
      metadata: await pdfMetadata(doc),
      extractor: EXTRACTOR_IDS.pdf,
      warnings,
    };
  } finally {
    await doc.destroy();
  }
}

/** Title, author, date and language from the PDF's document information and catalog. */
async function pdfMetadata(doc: { getMetadata(): Promise<{ info: unknown }> }): Promise<ArticleMetadata> {
  const { info } = await doc.getMetadata().catch(() => ({ info: {} }));
  const i = (info ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? cleanMetadataValue(v) : undefined);
  return compactMetadata({
    title: str(i.Title),
    byline: str(i.Author),
    published: pdfDate(str(i.CreationDate)),
    language: str(i.Language),
  });
}

/** "D:20230913083000+02'00'" → "2023-09-13T08:30:00+02:00"; anything else as it is. */
export function pdfDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz]|[+-]\d{2}'?\d{2}'?)?/.exec(raw);
  if (!m) return raw;
  const [, y, mo = '01', d = '01', h, mi = '00', s = '00', tz] = m;
  if (!h) return `${y}-${mo}-${d}`;
  const zone = !tz ? '' : /z/i.test(tz) ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5) || '00'}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`;
}
