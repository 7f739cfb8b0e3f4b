// Turning a source file's bytes into text, or into a clear refusal. Byte-order marks decide
// first (UTF-8, UTF-16 LE/BE); then strict UTF-8; then a detected legacy encoding (chardet +
// iconv-lite). The BOM is not part of the text, so offsets start after it. Line endings are
// kept exactly as they are.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { GlossError } from '../../shared/errors.js';

/** Largest source Gloss opens, in bytes. Enough for 20 MB of text with room to spare. */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

export interface DecodedSource {
  text: string;
  /** The encoding used, lowercase: `utf-8`, `utf-8-bom`... see docs/FORMAT.md. */
  encoding: string;
}

export function decodeSource(bytes: Uint8Array, name: string): DecodedSource {
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new GlossError('too-large', `${name} is ${formatMB(bytes.length)}; Gloss opens sources up to ${formatMB(MAX_SOURCE_BYTES)}.`);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeStrict('utf-8', bytes.subarray(3), name), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeStrict('utf-16le', bytes.subarray(2), name), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeStrict('utf-16be', bytes.subarray(2), name), encoding: 'utf-16be' };
  if (bytes.includes(0)) {
    throw new GlossError('binary', `${name} looks like a binary file (it contains NUL bytes), not text; Gloss opens .txt and .md text files.`);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a legacy encoding, or damaged UTF-8.
  }
  // Text that is mostly UTF-8 (it has valid multi-byte sequences) with a few bad bytes is damaged
  // UTF-8, not a legacy encoding: guessing one would show every accented letter wrong.
  const { firstInvalid, sawMultiByte } = scanUtf8(bytes);
  if (sawMultiByte) {
    throw new GlossError(
      'unreadable',
      `${name} is not valid UTF-8: the byte at offset ${firstInvalid} cannot be decoded, although the text before it is UTF-8. It may be damaged or mix encodings; repair it or save it again as UTF-8.`,
    );
  }
  const detected = chardet.detect(bytes);
  const encoding = detected && iconv.encodingExists(detected) ? detected.toLowerCase() : null;
  if (!encoding || encoding.startsWith('utf')) {
    throw new GlossError('unreadable', `${name} is not valid UTF-8 and its encoding could not be recognised; save it as UTF-8 and open it again.`);
  }
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
}

function decodeStrict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new GlossError('unreadable', `${name} starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}; it may be damaged.`);
  }
}

function formatMB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * One pass over the bytes: where UTF-8 first breaks, and whether any well-formed multi-byte
 * sequence was seen before that (overlong forms and surrogates count as broken, as in TextDecoder).
 */
function scanUtf8(bytes: Uint8Array): { firstInvalid: number; sawMultiByte: boolean } {
  let sawMultiByte = false;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return { firstInvalid: i, sawMultiByte };
    const second = bytes[i + 1]!;
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < lo || second > hi) return { firstInvalid: i, sawMultiByte };
    for (let k = 2; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return { firstInvalid: i, sawMultiByte };
    sawMultiByte = true;
    i += len;
  }
  return { firstInvalid: -1, sawMultiByte };
}

/**
 * The bytes of `text` in the encoding it was read with (the BOM put back where there was one), so
 * an edited source keeps its encoding. Refused when the text has characters that encoding cannot
 * hold (a legacy code page), rather than writing question marks.
 */
export function encodeSource(text: string, encoding: string, name: string): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
    default: {
      if (!iconv.encodingExists(encoding)) throw new GlossError('write-failed', `${name}: cannot write the encoding ${encoding}.`);
      const bytes = iconv.encode(text, encoding);
      if (iconv.decode(bytes, encoding) !== text) {
        throw new GlossError('write-failed', `${name} is in ${encoding}, which cannot hold some of the characters now in the text. Nothing was written; remove those characters or save the file as UTF-8 first.`);
      }
      return bytes;
    }
  }
}
