// The Hypothesis client's quote-matching cases (../shared/data/hypothesis-anchoring), run against
// our matchQuote. Skipped with a message when the shared data is absent.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchQuote } from './match-quote.js';

const FILE = path.resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'hypothesis-anchoring', 'match-quote-cases.json');
const present = existsSync(FILE);

interface Case {
  name: string;
  text?: string;
  textLiteral?: string;
  quote?: string;
  quotes?: string[];
  prefixes?: string[];
  suffixes?: string[];
  prefix?: string;
  suffix?: string;
  hints?: Record<string, string>;
  expect?: null | { score?: number; scoreBetween?: [number, number]; matched?: string; startEqualsIndexOf?: string };
}

describe.skipIf(!present)('Hypothesis match-quote cases', () => {
  if (!present) return;
  const data = JSON.parse(readFileSync(FILE, 'utf8')) as { texts: Record<string, string>; cases: Case[] };
  const textOf = (c: Case) => (c.textLiteral !== undefined ? c.textLiteral : data.texts[c.text!]!);

  for (const c of data.cases) {
    it(c.name + (c.prefix ? ` (${c.prefix})` : c.suffix ? ` (${c.suffix})` : ''), () => {
      const text = textOf(c);
      if (c.quotes) {
        const scores = c.quotes.map((q) => matchQuote(text, q)!.score);
        for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThan(scores[i - 1]!);
        return;
      }
      if (c.prefixes) {
        const scores = c.prefixes.map((prefix) => matchQuote(text, c.quote!, { prefix })!.score);
        for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThan(scores[i - 1]!);
        return;
      }
      if (c.suffixes) {
        const scores = c.suffixes.map((suffix) => matchQuote(text, c.quote!, { suffix })!.score);
        for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThan(scores[i - 1]!);
        return;
      }
      if (c.hints) {
        const a = text.indexOf('everything before us') + 'everything '.length;
        const b = text.indexOf('nothing before us') + 'nothing '.length;
        expect(matchQuote(text, c.quote!, { hint: a })!.start).toBe(a);
        expect(matchQuote(text, c.quote!, { hint: b })!.start).toBe(b);
        expect(matchQuote(text, c.quote!)!.start).toBe(a);
        return;
      }
      const match = matchQuote(text, c.quote!, { prefix: c.prefix, suffix: c.suffix });
      if (c.expect === null) {
        expect(match).toBeNull();
        return;
      }
      expect(match).not.toBeNull();
      const e = c.expect!;
      if (e.matched !== undefined) expect(text.slice(match!.start, match!.end)).toBe(e.matched);
      if (e.score !== undefined) expect(match!.score).toBeCloseTo(e.score, 6);
      if (e.scoreBetween) {
        expect(match!.score).toBeGreaterThan(e.scoreBetween[0]);
        expect(match!.score).toBeLessThan(e.scoreBetween[1]);
      }
      if (e.startEqualsIndexOf) expect(match!.start).toBe(text.indexOf(e.startEqualsIndexOf));
    });
  }
});

describe('matchQuote', () => {
  it('runs without the shared data too', () => {
    if (!present) console.warn(`Skipped the Hypothesis cases: ${FILE} is absent.`);
    expect(matchQuote('the quick brown fox', 'quick brwn')).toMatchObject({ start: 4, end: 15 });
  });
});
