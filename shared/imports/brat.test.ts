// brat standoff import/export: every brat example in ../shared/data/brat (the brat tutorials, the
// sample corpora, DKPro's discontinuous span) imported into Gloss annotations and exported back
// gives an equivalent .ann (canonicalAnn: same spans, types, attributes, relations, events,
// equivalences, normalizations and notes; ids may differ). Plus hand-made cases for what the data
// does not show, and the canonical comparison itself (it must see a difference).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodePointText } from '../code-points.js';
import { createAnnotation } from '../annotations.js';
import type { Annotation } from '../sidecar-format.js';
import { DEFAULT_TAGS } from '../tags.js';
import { BratConfig, toBratAnn } from '../exports/brat.js';
import { canonicalAnn, parseAnn } from './brat-ann.js';
import { importBrat } from './brat.js';

const BRAT = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'brat');

function annFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ann')).sort();
}

/** Import `ann` over `text`, export it again; the two canonical forms and what each side reported. */
function roundTrip(text: string, ann: string) {
  const imported = importBrat({ text, ann, tags: [] });
  const exported = toBratAnn({ file: 'doc.txt', text, annotations: imported.annotations, tags: imported.tags });
  return { before: canonicalAnn(parseAnn(ann)), after: canonicalAnn(parseAnn(exported.ann)), imported, exported };
}

function difference(a: string[], b: string[]): { missing: string[]; extra: string[] } {
  const count = new Map<string, number>();
  for (const x of a) count.set(x, (count.get(x) ?? 0) + 1);
  const extra: string[] = [];
  for (const x of b) {
    const n = count.get(x) ?? 0;
    if (n === 0) extra.push(x);
    else count.set(x, n - 1);
  }
  const missing = [...count].flatMap(([x, n]) => Array(n).fill(x) as string[]);
  return { missing, extra };
}

describe.skipIf(!existsSync(BRAT))('brat round trip over ../shared/data/brat', () => {
  if (!existsSync(BRAT)) it.skip(`skipped: ${BRAT} is absent (the shared brat examples are not on this machine)`, () => {});
  const files = existsSync(BRAT) ? annFiles(BRAT) : [];

  it('finds the examples (tutorials, corpora, dkpro-discontinuous)', () => {
    expect(files.length).toBeGreaterThanOrEqual(170);
    for (const part of ['tutorials', 'corpora', 'dkpro-discontinuous']) expect(files.some((f) => f.startsWith(part))).toBe(true);
  });

  it('every .ann imports and exports back to an equivalent .ann', () => {
    const notEquivalent: string[] = [];
    const reported: string[] = [];
    let lines = 0;
    for (const file of files) {
      const ann = readFileSync(path.join(BRAT, file), 'utf8');
      const txt = path.join(BRAT, file.replace(/(-ref)?\.ann$/, '.txt'));
      const text = readFileSync(txt, 'utf8');
      const { before, after, imported, exported } = roundTrip(text, ann);
      lines += before.length;
      const diff = difference(before, after);
      if (diff.missing.length || diff.extra.length) notEquivalent.push(`${file}: missing ${JSON.stringify(diff.missing.slice(0, 3))}, extra ${JSON.stringify(diff.extra.slice(0, 3))}`);
      for (const p of imported.problems) reported.push(`${file} import${p.line ? ` line ${p.line}` : ''}: ${p.message}`);
      for (const p of exported.problems) reported.push(`${file} export: ${p}`);
    }
    expect(notEquivalent).toEqual([]);
    expect(reported).toEqual([]);
    expect(lines).toBeGreaterThan(20_000);
  });

  it('a discontinuous span is one annotation per fragment sharing brat:group, and exports as one T', () => {
    const text = readFileSync(path.join(BRAT, 'dkpro-discontinuous', 'document0d.txt'), 'utf8');
    const ann = readFileSync(path.join(BRAT, 'dkpro-discontinuous', 'document0d.ann'), 'utf8');
    const { imported, exported } = roundTrip(text, ann);
    const fragments = imported.annotations.filter((a) => a.attributes['brat:group']);
    expect(fragments.map((a) => [a.start, a.end, a.exact])).toEqual([
      [5, 7, 'is'],
      [9, 10, 'n'],
    ]);
    expect(fragments[1]!.attributes['brat:group']).toBe(fragments[0]!.id);
    expect(exported.ann).toMatch(/^T2\tToken 5 7;9 10\tis n$/m);
  });
});

describe('brat export and import (hand-made cases)', () => {
  const text = 'Mr Kim 😀 said: “We will win.”\r\nPeskov denied\r\nany arms deal.\r\n';
  const cp = new CodePointText(text);
  const at = (quote: string) => {
    const start = cp.toCodePoint(text.indexOf(quote));
    return { start, end: start + Array.from(quote).length };
  };
  const quote = { ...createAnnotation(cp, { tag: 'quote', ...at('“We will win.”') }), attributes: { speaker: 'Kim Jong Un', cue: 'said' }, note: 'toast\nat lunch' };
  const claim = { ...createAnnotation(cp, { tag: 'claim', ...at('any arms deal') }), attributes: { verdict: 'false', claimant: 'US' } };
  const denial = { ...createAnnotation(cp, { tag: 'denial', ...at('Peskov denied\r\nany arms deal.') }), attributes: { denier: 'Dmitry Peskov' }, links: [{ type: 'denies', target: claim.id }, { type: 'denies', target: claim.id, file: 'other.txt' }] };

  it('writes code point offsets, fragments at line breaks, choice attributes as A and free text as typed notes', () => {
    const config = new BratConfig();
    config.addTagSet(DEFAULT_TAGS);
    const out = toBratAnn({ file: 'kim.txt', text, annotations: [quote, claim, denial], tags: DEFAULT_TAGS }, config);
    const ann = out.ann.split('\n');
    // The emoji counts one character, as in Python: the quote starts at 15, not 16 (UTF-16).
    expect(ann).toContain('T1\tquote 15 29\t“We will win.”');
    expect(ann).toContain('T2\tdenial 31 44;46 60\tPeskov denied any arms deal.');
    expect(ann).toContain('T3\tclaim 46 59\tany arms deal');
    expect(ann).toContain('R1\tdenies Arg1:T2 Arg2:T3');
    expect(ann.filter((l) => l.startsWith('R'))).toHaveLength(1);
    expect(ann.some((l) => /^A\d+\tVerdict T3 false$/.test(l))).toBe(true);
    expect(ann.some((l) => /^#\d+\tSpeaker T1\tKim Jong Un$/.test(l))).toBe(true);
    expect(ann.filter((l) => /^#\d+\tAnnotatorNotes T1\t/.test(l)).map((l) => l.split('\t')[2])).toEqual(['toast', 'at lunch']);
    expect(out.problems.join('\n')).toMatch(/link denies to other\.txt crosses articles/);
    const conf = config.annotationConf();
    expect(conf).toMatch(/^\[entities\]\nclaim\nquote\ndenial|claim\ndenial\nquote/m);
    expect(conf).toMatch(/^denies\tArg1:denial, Arg2:claim$/m);
    expect(conf).toMatch(/^Verdict\tArg:claim, Value:false\|misleading\|true\|unsupported\|unverified$/m);
    expect(config.visualConf()).toMatch(/^claim\tbgColor:#e0a800$/m);

    // And back: the same spans, tags, attributes, notes and the in-document link.
    const back = importBrat({ text, ann: out.ann, tags: DEFAULT_TAGS });
    expect(back.problems).toEqual([]);
    const pick = (a: Annotation) => ({ tag: a.tag, start: a.start, end: a.end, attributes: a.attributes, note: a.note });
    expect(back.annotations.map(pick)).toEqual([quote, denial, claim].map(pick));
    const backDenial = back.annotations.find((a) => a.tag === 'denial')!;
    expect(backDenial.links).toEqual([{ type: 'denies', target: back.annotations.find((a) => a.tag === 'claim')!.id }]);
  });

  it('reports what it cannot place and keeps the rest', () => {
    const ann = ['T1\tPerson 0 2\tMr', 'T2\tPerson 500 510\tnowhere', 'R1\tKnows Arg1:T1 Arg2:T2', 'A1\tNegation T9', 'garbage line', '#1\tAnnotatorNotes T1\tchecked'].join('\n');
    const result = importBrat({ text, ann, tags: [] });
    expect(result.annotations.map((a) => [a.tag, a.exact, a.note])).toEqual([['Person', 'Mr', 'checked']]);
    const messages = result.problems.map((p) => `${p.line}: ${p.message}`).join('\n');
    expect(messages).toMatch(/2: T2 \(Person\) at 500–510 lies outside the text/);
    expect(messages).toMatch(/3: R1 \(Knows\): T2 is not an imported annotation/);
    expect(messages).toMatch(/4: A1 \(Negation\): T9 is not an imported annotation/);
    expect(messages).toMatch(/5: unknown kind of brat annotation/);
  });

  it('the canonical comparison sees a changed offset, type, attribute value, note and relation', () => {
    const base = 'T1\tA 0 2\tMr\nT2\tB 3 6\tKim\nR1\tr Arg1:T1 Arg2:T2\nA1\tx T1 v\n#1\tAnnotatorNotes T2\tn\n';
    const same = 'T7\tB 3 6\tKim\nT3\tA 0 2\tMr\n#4\tAnnotatorNotes T7\tn\nA9\tx T3 v\nR2\tr Arg1:T3 Arg2:T7\n';
    expect(canonicalAnn(parseAnn(same))).toEqual(canonicalAnn(parseAnn(base)));
    for (const changed of [base.replace('3 6', '3 5'), base.replace('\tB', '\tC'), base.replace('T1 v', 'T1 w'), base.replace('\tn', '\tm'), base.replace('Arg1:T1 Arg2:T2', 'Arg1:T2 Arg2:T1')]) {
      expect(canonicalAnn(parseAnn(changed))).not.toEqual(canonicalAnn(parseAnn(base)));
    }
  });
});
