import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeSource, MAX_SOURCE_BYTES } from './source-decoding.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeSource', () => {
  it('reads UTF-8 and leaves CRLF and lone CR as they are', () => {
    expect(decodeSource(utf8('a\r\nb\rc\n😀'), 'x.txt')).toEqual({ text: 'a\r\nb\rc\n😀', encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte-order mark from the text (offsets start after it)', () => {
    expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hi')]), 'x.txt')).toEqual({ text: 'Hi', encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kim 😀', 'utf16le')]);
    expect(decodeSource(le, 'x.txt')).toEqual({ text: 'Kim 😀', encoding: 'utf-16le' });
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeSource(be, 'x.txt')).toEqual({ text: 'Kim 😀', encoding: 'utf-16be' });
  });

  it('recognises a legacy single-byte encoding', () => {
    const text = 'Le président a déclaré: « Nous sommes venus ici. » Les élèves étaient là, à côté du théâtre.';
    const decoded = decodeSource(iconv.encode(text, 'windows-1252'), 'x.txt');
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toMatch(/windows-1252|iso-8859-1/);
  });

  it('refuses binary files with a clear message', () => {
    expect(() => decodeSource(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'photo.txt')).toThrow(/binary file.*NUL/);
  });

  it('refuses a file over the size limit', () => {
    expect(() => decodeSource(new Uint8Array(MAX_SOURCE_BYTES + 1), 'huge.txt')).toThrow(/huge.txt is 32.0 MB; Gloss opens sources up to 32.0 MB/);
  });
});

describe('damaged UTF-8', () => {
  it('is refused with the offset of the bad byte, not guessed as a legacy encoding', () => {
    const bytes = Buffer.concat([Buffer.from('Mr Kim said “yes” and then', 'utf8'), Buffer.from([0xff, 0x41])]);
    expect(() => decodeSource(bytes, 'x.txt')).toThrow(/x.txt is not valid UTF-8: the byte at offset 30 cannot be decoded/);
  });
});
