// Reading a source file into the text the reader shows and the fingerprint its sidecar records.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { detectLineEndings } from '../../shared/annotations.js';
import { codePointLength } from '../../shared/code-points.js';
import { GlossError, writeFailureReason } from '../../shared/errors.js';
import type { SourceFingerprint } from '../../shared/sidecar-format.js';
import writeFileAtomic from 'write-file-atomic';
import { decodeSource, encodeSource, MAX_SOURCE_BYTES } from './source-decoding.js';
import type { StructureBlock } from '../../shared/text-blocks.js';

export interface LoadedSource {
  text: string;
  fingerprint: SourceFingerprint;
  /** Extracted formats: the text's blocks, the view shown, whether a whole-page view exists, warnings. */
  extracted?: { structure: StructureBlock[]; view: 'article' | 'whole'; hasWholeView: boolean; warnings: string[] };
}

/** Extractions kept for reuse (opening, names, suggestions all read the same source): by sha256 and view. */
const extractionCache = new Map<string, Promise<LoadedSource>>();
const EXTRACTION_CACHE_SIZE = 8;

/**
 * Read a source into the text annotations are made on. Plain text and Markdown are decoded;
 * HTML, DOCX and PDF are extracted (host/services/extractors), and for HTML `view` chooses the
 * article (default) or the whole page's text. The fingerprint records the extractor and view, so
 * annotations made on one text are re-anchored, not misplaced, on another.
 */
export async function loadSource(absPath: string, view: 'article' | 'whole' = 'article'): Promise<LoadedSource> {
  const name = path.basename(absPath);
  let bytes: Buffer;
  try {
    const stat = await fs.stat(absPath);
    refuseTooLarge(name, stat.size);
    bytes = await fs.readFile(absPath);
  } catch (err) {
    throw unreadableSource(name, err);
  }
  return sourceFromBytes(bytes, name, view);
}

/**
 * `loadSource` with synchronous reads, for passes over a whole folder (exports): thousands of small
 * reads are several times cheaper this way. The caller yields to the event loop between sources.
 */
export function loadSourceInPass(absPath: string): Promise<LoadedSource> | LoadedSource {
  const name = path.basename(absPath);
  let bytes: Buffer;
  let fd: number | null = null;
  try {
    fd = openSync(absPath, 'r');
    refuseTooLarge(name, fstatSync(fd).size);
    bytes = readFileSync(fd);
  } catch (err) {
    throw unreadableSource(name, err);
  } finally {
    if (fd !== null) closeSync(fd);
  }
  return sourceFromBytes(bytes, name, 'article');
}

function refuseTooLarge(name: string, size: number): void {
  if (size > MAX_SOURCE_BYTES) throw new GlossError('too-large', `${name} is ${(size / 1048576).toFixed(1)} MB; Gloss opens sources up to ${MAX_SOURCE_BYTES / 1048576} MB.`);
}

function unreadableSource(name: string, err: unknown): GlossError {
  if (err instanceof GlossError) return err;
  return new GlossError('unreadable', `${name} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
}

/** The text of a source's bytes: decoded (plain text, Markdown) now, or extracted (HTML, DOCX, PDF) asynchronously. */
function sourceFromBytes(bytes: Buffer, name: string, view: 'article' | 'whole'): Promise<LoadedSource> | LoadedSource {
  if (EXTRACTED.test(name)) return loadExtracted(bytes, name, view);
  const { text, encoding } = decodeSource(bytes, name);
  return {
    text,
    fingerprint: {
      name,
      bytes: bytes.length,
      sha256: sha256(bytes),
      encoding,
      lineEndings: detectLineEndings(text),
      codePoints: codePointLength(text),
    },
  };
}

/** Names of sources whose text is extracted (the extractors, with jsdom and pdf.js, load only when one is opened). */
const EXTRACTED = /\.(html?|docx|pdf)$/i;

async function loadExtracted(bytes: Buffer, name: string, view: 'article' | 'whole'): Promise<LoadedSource> {
  const hash = sha256(bytes);
  const key = `${hash}:${view}`;
  let loaded = extractionCache.get(key);
  if (!loaded) {
    const { extractArticle, extractedFormat } = await import('./extractors/index.js');
    loaded = extractArticle(bytes, name).then((article) => {
      const whole = view === 'whole' && article.whole ? article.whole : null;
      const text = whole ? whole.text : article.text;
      const metadata = Object.fromEntries(Object.entries(article.metadata).filter(([, v]) => typeof v === 'string' && v));
      return {
        text,
        fingerprint: {
          name,
          bytes: bytes.length,
          sha256: hash,
          encoding: article.encoding ?? extractedFormat(name)!,
          lineEndings: detectLineEndings(text),
          codePoints: codePointLength(text),
          extractor: whole ? `${article.extractor}#whole-page` : article.extractor,
          ...(Object.keys(metadata).length ? { metadata } : {}),
        },
        extracted: { structure: whole ? whole.blocks : article.blocks, view: whole ? 'whole' : 'article', hasWholeView: Boolean(article.whole), warnings: article.warnings },
      };
    });
    loaded.catch(() => extractionCache.delete(key));
    extractionCache.set(key, loaded);
    if (extractionCache.size > EXTRACTION_CACHE_SIZE) extractionCache.delete(extractionCache.keys().next().value!);
  }
  // Each caller gets the name it asked with (the same bytes may sit under two names).
  const result = await loaded;
  return { ...result, fingerprint: { ...result.fingerprint, name } };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** sha256 of a source file as it is on disk now. */
export async function currentSha256(absPath: string): Promise<string> {
  return sha256(await fs.readFile(absPath));
}

/**
 * Replace a source's text (Edit Text mode), atomically, in the encoding it was read with. Refused
 * when the file on disk is no longer the one the edit started from (`expectedSha256`). Returns the
 * new source as it now reads.
 */
export async function writeSourceText(absPath: string, text: string, expectedSha256: string, beforeWrite?: (file: string, bytes: Uint8Array) => void): Promise<LoadedSource> {
  const current = await loadSource(absPath);
  const name = current.fingerprint.name;
  if (current.fingerprint.sha256 !== expectedSha256) {
    throw new GlossError('source-changed', `Not saved: ${name} was changed on disk by another program while you edited it. Your edit is still on screen; copy what you need, then reopen the file.`);
  }
  const bytes = encodeSource(text, current.fingerprint.encoding, name);
  beforeWrite?.(absPath, bytes);
  try {
    await writeFileAtomic(absPath, bytes, { fsync: true });
  } catch (err) {
    throw new GlossError('write-failed', `Could not save ${name}: ${writeFailureReason(err)}. Your edit is still on screen.`);
  }
  return loadSource(absPath);
}
