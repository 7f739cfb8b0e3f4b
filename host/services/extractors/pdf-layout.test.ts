import { describe, expect, it } from 'vitest';
import { joinLine, layOutPages, mapPresentationForms, runsToLines, visualToLogical, WordIndex, type PdfLine, type PdfRun } from './pdf-layout.js';

describe('joinLine: words hyphenated at a line end', () => {
  it('joins a word broken by a hyphen or a soft hyphen', () => {
    expect(joinLine('the inter-', 'national agency')).toBe('the international agency');
    expect(joinLine('the inter\u2010', 'national agency')).toBe('the international agency');
    expect(joinLine('the inter\u00ad', 'national agency')).toBe('the international agency');
    expect(joinLine('в между-', 'народном праве')).toBe('в международном праве');
  });

  it('keeps real hyphens', () => {
    expect(joinLine('the Korean-', 'Russian friendship')).toBe('the Korean-Russian friendship');
    expect(joinLine('the pro-', 'Kremlin media')).toBe('the pro-Kremlin media');
    expect(joinLine('a well-', 'known fact')).toBe('a well-known fact');
    expect(joinLine('a self-', 'reported figure')).toBe('a self-reported figure');
    expect(joinLine('state-of-', 'the-art launch site')).toBe('state-of-the-art launch site');
    expect(joinLine('COVID-', '19 cases')).toBe('COVID-19 cases');
    expect(joinLine('pages 10-', '12')).toBe('pages 10-12');
    // The document itself spells it with a hyphen elsewhere, and never without.
    const words = new WordIndex();
    words.add('the long-range missiles were launched');
    expect(joinLine('two long-', 'range missiles', words)).toBe('two long-range missiles');
    words.add('a spring-loaded hinge and');
    expect(joinLine('a spring-', 'loaded hinge', words)).toBe('a spring-loaded hinge');
    words.add('a springloaded hinge and');
    expect(joinLine('a spring-', 'loaded hinge', words)).toBe('a springloaded hinge');
  });

  it('joins other lines with one space', () => {
    expect(joinLine('', 'first')).toBe('first');
    expect(joinLine('He said -', 'and left')).toBe('He said - and left');
    expect(joinLine('the end.', 'Next')).toBe('the end. Next');
  });
});

describe('characters', () => {
  it('maps ligatures and Arabic presentation forms, nothing else', () => {
    expect(mapPresentationForms('ﬁnal ﬂow ﬀ ﬃ ﬄ ﬅ ﬆ')).toBe('final flow ff ffi ffl st st');
    expect(mapPresentationForms('ﻣﺮﺣﺒﺎ')).toBe('مرحبا');
    expect(mapPresentationForms('x² ½ ﬁ ①')).toBe('x² ½ fi ①');
  });

  it('puts right-to-left runs in logical order', () => {
    const rtl = (t: string) => ({ text: t, dir: 'rtl' as const });
    const ltr = (t: string) => ({ text: t, dir: 'ltr' as const });
    const sp = { text: ' ', dir: 'neutral' as const };
    // "مرحبا بالعالم" drawn glyph by glyph, left to right on the page.
    expect(visualToLogical([rtl('بالعالم'), sp, rtl('مرحبا')])).toBe('مرحبا بالعالم');
    // A number inside right-to-left text keeps its digits' order.
    expect(visualToLogical([ltr('1'), ltr('2'), sp, rtl('العدد')])).toBe('العدد 12');
    // Right-to-left words inside a (mostly) left-to-right line.
    expect(visualToLogical([ltr('The spokesman said'), sp, rtl('بالعالم'), sp, rtl('مرحبا'), sp, ltr('twice')])).toBe('The spokesman said مرحبا بالعالم twice');
    // A left-to-right word inside a right-to-left line.
    expect(visualToLogical([rtl('المتحدث'), sp, ltr('Reuters'), sp, rtl('قال')])).toBe('قال Reuters المتحدث');
  });
});

const run = (text: string, x: number, y: number, fontSize = 12, width = text.length * 6): PdfRun => ({ text, x, y, width, fontSize });

describe('runsToLines', () => {
  it('groups runs by baseline, orders them by x, and adds spaces only at gaps', () => {
    const lines = runsToLines([run('world', 100, 700), run('Hello', 60, 700), run('1', 131, 703, 7, 4), run('inter', 60, 680, 12, 30), run('national', 90, 680)]);
    expect(lines.map((l) => l.text)).toEqual(['Hello world1', 'international']);
  });

  it('drops a run drawn twice at the same place (fake bold)', () => {
    expect(runsToLines([run('Bold', 60, 700), run('Bold', 60.3, 700)]).map((l) => l.text)).toEqual(['Bold']);
  });
});

const line = (text: string, y: number, x = 72, fontSize = 12, xEnd = x + text.length * 6): PdfLine => ({ text, x, y, xEnd, fontSize });

describe('layOutPages', () => {
  it('starts paragraphs at gaps and indents, detects headings and list items', () => {
    const W = 540;
    const out = layOutPages([
      {
        lines: [
          line('A headline', 740, 72, 20),
          line('First paragraph starts here and runs on to the next', 700, 72, 12, W),
          line('line where it ends.', 686),
          line('Second paragraph, after a gap, runs to the', 660, 72, 12, W),
          line('end.', 646),
          line('Indented first line of a paragraph that goes', 632, 90, 12, W),
          line('on here.', 618),
          line('1. first item', 604),
          line('2. second item that is long and wraps to the', 590, 72, 12, W),
          line('next line', 576, 86),
        ],
      },
    ]);
    expect(out.blocks.map((b) => [b.kind, b.level, out.text.slice(b.start, b.end)])).toEqual([
      ['heading', 1, 'A headline'],
      ['paragraph', 0, 'First paragraph starts here and runs on to the next line where it ends.'],
      ['paragraph', 0, 'Second paragraph, after a gap, runs to the end.'],
      ['paragraph', 0, 'Indented first line of a paragraph that goes on here.'],
      ['list', 0, '1. first item'],
      ['list', 0, '2. second item that is long and wraps to the next line'],
    ]);
  });

  it('continues a paragraph over a page break unless the page ended it', () => {
    const W = 540;
    const page = (lines: PdfLine[]) => ({ lines });
    const out = layOutPages([
      page([line('The first page ends in the middle of a sen-', 100, 72, 12, W)]),
      page([line('tence that goes on.', 740), line('This one ends on a full line that reaches the.', 700, 72, 12, W)]),
      page([line('Continued after a full line, though the sentence ended.', 740, 72, 12, W), line('Short last line.', 726)]),
      page([line('New paragraph on the next page.', 740)]),
    ]);
    expect(out.blocks.map((b) => out.text.slice(b.start, b.end))).toEqual([
      'The first page ends in the middle of a sentence that goes on.',
      'This one ends on a full line that reaches the. Continued after a full line, though the sentence ended. Short last line.',
      'New paragraph on the next page.',
    ]);
    expect(out.pages.map((p) => out.text.slice(p.start, p.end))).toEqual([
      'The first page ends in the middle of a sen',
      'tence that goes on.\n\nThis one ends on a full line that reaches the. ',
      'Continued after a full line, though the sentence ended. Short last line.',
      'New paragraph on the next page.',
    ]);
  });

  it('drops page numbers and running headers set apart from the text, keeps repeated body lines and large headings', () => {
    const pages = [1, 2, 3, 4].map((n) => ({
      lines: [
        line(`Annual report ${2020 + n}`, 780, 72, 9),
        line(`Chapter ${n}`, 740, 72, 18),
        line('The same opening line on every page.', 700),
        line('Body text that differs on each page: ' + 'x'.repeat(n), 686),
        line(String(n), 30, 300, 9),
      ],
    }));
    const out = layOutPages(pages);
    expect(out.droppedLines).toBe(8);
    expect(out.text).not.toMatch(/Annual report/);
    expect(out.text.match(/Chapter \d/g)).toHaveLength(4);
    expect(out.text.match(/The same opening line/g)).toHaveLength(4);
  });
});
