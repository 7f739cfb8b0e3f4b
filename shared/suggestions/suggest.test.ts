// The suggestion rules on hand-written sentences, one pattern at a time (the tricky ones too: a
// quote inside a quote, a quote broken by its attribution, a pronoun speaker, a quotation over
// several paragraphs, a denial with no claim to answer), and on the real article from ../shared.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from './quote-marks.js';
import { isQuotation, suggest, type Suggestion } from './suggest.js';

const quotes = (text: string) => suggest(text, { tags: ['quote'] });
const only = (list: Suggestion[], tag: Suggestion['tag']) => list.filter((s) => s.tag === tag);

describe('direct quotes', () => {
  it('“…,” X told Y: content inside the marks, speaker, cue and addressee', () => {
    const [q, ...rest] = quotes('“We will win,” Mr Kim told Mr Putin.');
    expect(rest).toEqual([]);
    expect(q).toMatchObject({ tag: 'quote', start: 1, end: 13, exact: 'We will win,', attributes: { speaker: 'Kim', cue: 'told', addressee: 'Putin' } });
    expect(q!.rule).toMatch(/X said/);
  });

  it('X said: “…” and “…,” said TITLE NAME, with the speaker in its fullest form', () => {
    const text = 'Russian President Vladimir Putin met Kremlin spokesman Dmitry Peskov.\n\nMr Putin said: “That’s why we came here.”\n\n“It is quite natural,” said Kremlin spokesman Dmitry Peskov.\n\n“Nothing more,” Mr Peskov added.';
    const list = quotes(text);
    expect(list.map((q) => [q.exact, q.attributes.speaker, q.attributes.cue])).toEqual([
      ['That’s why we came here.', 'Vladimir Putin', 'said'],
      ['It is quite natural,', 'Dmitry Peskov', 'said'],
      ['Nothing more,', 'Dmitry Peskov', 'added'],
    ]);
  });

  it('straight quotes and Y quoted X as saying', () => {
    const list = quotes('"Contacts are very important," state news agency RIA quoted ministry spokesperson Maria Zakharova as saying.');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ exact: 'Contacts are very important,', attributes: { speaker: 'Maria Zakharova' } });
  });

  it('a quote inside a quote stays one suggestion with the outer speaker', () => {
    const text = '“He told me ‘never again’, and I believed him,” Mrs Helen Lee said.';
    const list = quotes(text);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ exact: 'He told me ‘never again’, and I believed him,', attributes: { speaker: 'Helen Lee' } });
  });

  it('a quote broken by its attribution gives two quotes of the same speaker', () => {
    const list = quotes('“We are ready,” Dmitry Peskov said, “but not yet.”');
    expect(list.map((q) => [q.exact, q.attributes.speaker])).toEqual([
      ['We are ready,', 'Dmitry Peskov'],
      ['but not yet.', 'Dmitry Peskov'],
    ]);
  });

  it('a pronoun speaker resolves to the last named speaker of that gender, and only when safe', () => {
    const safe = quotes('Kremlin spokesman Dmitry Peskov said the talks went well.\n\n“As neighbours, we cooperate,” he said.');
    expect(safe[0]).toMatchObject({ attributes: { speaker: 'Dmitry Peskov' } });
    expect(safe[0]!.rule).toContain('he → Dmitry Peskov');
    // Another man is named, not as a subject, between the speaker and `he`: unresolved, no speaker.
    const unsafe = quotes('Dmitry Peskov said the talks went well for Mr Kim Jong Un.\n\n“We cooperate,” he said.');
    expect(unsafe[0]!.attributes.speaker).toBeUndefined();
    expect(unsafe[0]!.rule).toContain('he: not resolved');
    // `she` does not take a man.
    const she = quotes('Mr Dmitry Peskov said the talks went well.\n\n“We cooperate,” she said.');
    expect(she[0]!.attributes.speaker).toBeUndefined();
  });

  it('a quotation over several paragraphs, each reopening with a mark, is one suggestion', () => {
    const text = 'Mr Sandman said:\n\n“The first part goes on.\n\n“The second part ends here.”\n\nThe end.';
    const list = quotes(text);
    expect(list).toHaveLength(1);
    expect(list[0]!.exact).toBe('The first part goes on.\n\n“The second part ends here.');
    expect(list[0]!.attributes.speaker).toBe('Sandman');
  });

  it('according to X', () => {
    expect(quotes('“The talks will go on for days,” according to Mr Lee.')[0]).toMatchObject({ attributes: { speaker: 'Lee', cue: 'according to' } });
  });

  it('scare quotes, terms and titles are not quotes; utterances of any length are', () => {
    expect(quotes('Mr Putin and Mr Kim called each other “comrades” at a lunch of “pelmeni” dumplings.')).toEqual([]);
    expect(isQuotation('sacred fight')).toBe(false);
    expect(isQuotation('Gone With The Wind')).toBe(false);
    expect(isQuotation('Yes,')).toBe(true);
    expect(isQuotation('are outmoded or inadequate')).toBe(true);
    expect(isQuotation('; border-radius: 6px;')).toBe(false);
  });

  it('offsets are code points: an emoji before the quote counts once', () => {
    const text = 'Mr Putin 😀 said: “That’s why we came here.”\r\nBoth denied it.\r\n';
    const [q] = quotes(text);
    expect(q).toMatchObject({ start: 18, end: 42 });
    expect(Array.from(text).slice(q!.start, q!.end).join('')).toBe(q!.exact);
  });

  it('pairs straight quotes by their side and skips stray marks', () => {
    const spans = findQuoteSpans('content: ” “;\n\nHe said "one" and "two words here."');
    // The stray ” is skipped; the “ after it is left open at its paragraph's end (isQuotation then refuses `;`).
    expect(spans.map((s) => [s.start, s.end])).toEqual([[12, 13], [24, 27], [34, 49]]);
  });
});

describe('claims', () => {
  it('X said (that) …, X has warned that …, …, X said', () => {
    const text = 'Russian President Vladimir Putin arrived.\n\nMr Putin said that Russia complied with international rules.\n\nSouth Korea has warned that such a deal would violate UN resolutions.\n\nIt was the first such launch while Mr Kim was abroad, analysts said.';
    const claims = only(suggest(text), 'claim');
    expect(claims.map((c) => [c.exact, c.attributes.claimant, c.attributes.cue])).toEqual([
      ['Russia complied with international rules', 'Vladimir Putin', 'said'],
      ['such a deal would violate UN resolutions', 'South Korea', 'warned'],
      ['It was the first such launch while Mr Kim was abroad', 'analysts', 'said'],
    ]);
  });

  it('an attribution inside the sentence (…, he said, …) and a time after the cue (said Friday …)', () => {
    const text = 'Mr Raymond Hawksley spoke last night.\n\nSuch vital information, he said, has to be made available to the public frequently.\n\nThe grand jury said Friday an investigation of the primary produced no evidence of fraud.';
    const claims = only(suggest(text), 'claim');
    expect(claims.map((c) => [c.exact, c.attributes.claimant, c.rule])).toEqual([
      ['Such vital information, he said, has to be made available to the public frequently', 'Raymond Hawksley', 'claim: …, X said, … (he → Raymond Hawksley)'],
      ['an investigation of the primary produced no evidence of fraud', 'grand jury', 'claim: X said …'],
    ]);
  });

  it('X accused Y of …: the claim is about Y', () => {
    const [c] = only(suggest('The US has accused North Korea of providing arms to Russia.'), 'claim');
    expect(c).toMatchObject({ exact: 'North Korea of providing arms to Russia', attributes: { claimant: 'US', cue: 'accused', subject: 'North Korea' } });
  });

  it('according to X, …', () => {
    const [c] = only(suggest('According to Western estimates, the Communist countries allocated more aid last year.'), 'claim');
    expect(c).toMatchObject({ exact: 'the Communist countries allocated more aid last year', attributes: { claimant: 'Western estimates' } });
  });

  it('a sentence that is a direct quote gives a quote, not a claim', () => {
    const list = suggest('Mr Putin said: “That’s why we came here.”');
    expect(list.map((s) => s.tag)).toEqual(['quote']);
  });
});

describe('denials', () => {
  it('X denied those claims: linked to the nearest preceding claim', () => {
    const list = suggest('The US has accused North Korea of providing arms to Russia. Both Russia and North Korea have denied those claims, but promised to deepen defence cooperation.');
    const [claim] = only(list, 'claim');
    const [denial] = only(list, 'denial');
    expect(denial).toMatchObject({ exact: 'Both Russia and North Korea have denied those claims', attributes: { denier: 'Russia and North Korea', cue: 'denied' } });
    expect(denial!.links).toEqual([{ type: 'denies', target: claim!.id }]);
  });

  it('a denial with no claim before it has no link', () => {
    const [denial] = only(suggest('The company denied any wrongdoing on Tuesday.'), 'denial');
    expect(denial).toMatchObject({ attributes: { denier: 'company' } });
    expect(denial!.links).toBeUndefined();
  });

  it('rejected … claims, dismissed … as …, said the reports were false', () => {
    const text = 'The ministry rejected the allegations of fraud.\n\nMr Lee dismissed the story as fiction.\n\nThe embassy said the reports were false.';
    expect(only(suggest(text), 'denial').map((d) => [d.attributes.denier, d.attributes.cue])).toEqual([
      ['ministry', 'rejected'],
      ['Lee', 'dismissed'],
      ['embassy', 'said'],
    ]);
  });

  it('refusing is not denying: denied bail, denied the motion, was denied entry, rejected the proposal', () => {
    const text = 'Judge Powell denied all motions made by the defence.\n\nThe court denied bail.\n\nHe was denied entry to the country.\n\nThe council rejected the proposal.';
    expect(only(suggest(text), 'denial')).toEqual([]);
  });

  it('links a denial to a claim on the same subject, not to a claim of the denier', () => {
    const text = 'Officials have expressed concern that Mr Kim would supply weapons to Russia.\n\nMoscow and Pyongyang have denied such intentions.';
    const list = suggest(text);
    const [claim] = only(list, 'claim');
    expect(claim!.attributes.claimant).toBe('Officials');
    expect(only(list, 'denial')[0]!.links?.[0]?.target).toBe(claim!.id);
  });
});

describe('suggestions as data', () => {
  it('have stable ids, confidences in 0..1 and options that filter them', () => {
    const text = '“We will win,” Mr Kim told Mr Putin. The US has accused North Korea of providing arms. Russia denied those claims.';
    const a = suggest(text);
    expect(suggest(text)).toEqual(a);
    expect(new Set(a.map((s) => s.id)).size).toBe(a.length);
    for (const s of a) expect(s.confidence).toBeGreaterThan(0), expect(s.confidence).toBeLessThanOrEqual(1);
    expect(suggest(text, { tags: ['denial'] }).every((s) => s.tag === 'denial' && !s.links)).toBe(true);
    expect(suggest(text, { minConfidence: 0.99 })).toEqual([]);
  });

  it('use names known from elsewhere', () => {
    expect(quotes('“We will win,” Mr Kim said.', )[0]!.attributes.speaker).toBe('Kim');
    expect(suggest('“We will win,” Mr Kim said.', { knownNames: ['Kim Jong Un'] })[0]!.attributes.speaker).toBe('Kim Jong Un');
  });
});

const ARTICLE = path.resolve(import.meta.dirname, '../../../shared/articles/putin-kim-vostochny-summit.txt');

describe('the real article (../shared/articles/putin-kim-vostochny-summit.txt)', () => {
  it.skipIf(!existsSync(ARTICLE))('finds the quotes of Mr Kim, Mr Putin and Dmitry Peskov with their speakers, and links both denials', () => {
    const text = readFileSync(ARTICLE, 'utf8');
    const list = suggest(text);
    const speakerOf = (begin: string) => only(list, 'quote').find((s) => s.exact.startsWith(begin))?.attributes.speaker;
    expect(speakerOf('I firmly believe that the heroic Russian army')).toBe('Kim Jong Un');
    expect(speakerOf('The Russian army and people will certainly')).toBe('Kim Jong Un');
    expect(speakerOf('That’s why we came here.')).toBe('Vladimir Putin');
    expect(speakerOf('expand bilateral ties')).toBe('Vladimir Putin');
    expect(speakerOf('As neighbours, our countries')).toBe('Dmitry Peskov');
    expect(speakerOf('Bilateral contacts are very important')).toBe('Maria Zakharova');
    expect(only(list, 'quote')).toHaveLength(6);
    // No scare quotes (“pelmeni”, “comrades”) and nothing from the page's CSS.
    expect(only(list, 'quote').every((s) => s.exact.split(' ').length >= 3)).toBe(true);
    expect(list.some((s) => /border-radius|SelaneWeb/.test(s.exact))).toBe(false);
    const denials = only(list, 'denial');
    expect(denials.map((d) => d.attributes.denier)).toEqual(['Moscow and Pyongyang', 'Russia and North Korea']);
    const byId = new Map(list.map((s) => [s.id, s]));
    expect(byId.get(denials[1]!.links![0]!.target)!.exact).toBe('North Korea of providing arms to Russia');
    expect(byId.get(denials[0]!.links![0]!.target)!.exact).toMatch(/^Mr Kim would discuss providing weapons/);
  });

  it('runs without the shared article too', () => {
    if (!existsSync(ARTICLE)) console.log(`Skipped the real-article test: ${ARTICLE} is absent.`);
    expect(suggest('')).toEqual([]);
  });
});
