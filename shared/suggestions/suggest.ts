// The offline suggestion engine: quotes with their speakers, claims and denials, proposed for the
// analyst to accept or reject. Pure and synchronous; linear in the text apart from compromise's
// look-ups of the few distinct names found. Offsets are code points (docs/FORMAT.md).
//
// Steps: paragraphs → quotation marks → sentences (quote-aware) → quote attribution → claims and
// denials per sentence → pronoun speakers resolved in text order → denials linked to the claim
// they answer → ids and code point offsets. The rules and their confidence are described in
// docs/suggestions.md; the words they look for are in cues.ts.
import { CodePointText } from '../code-points.js';
import { attributeQuote, cueRegex, subjectBefore, type Attribution } from './attribution.js';
import { CLAIM_NOUNS, GROUP_NOUNS, PRONOUNS, QUOTE_CUES } from './cues.js';
import { canonicalSpeaker, isHumanRole, NameIndex, type Speaker } from './names.js';
import { findQuoteSpans, type QuoteSpan } from './quote-marks.js';
import { reportedInSentence, type Reported } from './reported-speech.js';
import { paragraphs, sentences, type Range } from './text-structure.js';
import type { SuggestOptions, Suggestion, SuggestionTag } from './types.js';
import { lastIndexAtOrBefore } from '../sorted-search.js';

export type { Suggestion, SuggestOptions, SuggestionTag } from './types.js';

/** Paragraphs back that a pronoun may reach for its speaker, and a denial for its claim. */
const PRONOUN_REACH = 3;
const LINK_REACH = 3;

interface Draft {
  tag: SuggestionTag;
  start: number;
  end: number;
  paragraph: number;
  who: Speaker | null;
  /** Attribute that receives the speaker: speaker, claimant or denier. */
  role: 'speaker' | 'claimant' | 'denier';
  attributes: Record<string, string>;
  confidence: number;
  rule: string;
  object?: string;
  links?: { type: 'denies'; target: Draft }[];
}

const QUOTE_CUE_RE = cueRegex(QUOTE_CUES);
const GROUP_NOUN_SET = new Set<string>(GROUP_NOUNS);
const ANAPHORIC_OBJECT = new RegExp(String.raw`^\s*(?:(?:those|these|such|the|that|this|any such|any|all)\s+(?:\S+\s+){0,2}(?:${CLAIM_NOUNS.join('|')})\b|it\b|this\b|that\b|them\b|doing so\b)`, 'i');
const STOP = new Set(['that', 'this', 'those', 'these', 'such', 'with', 'from', 'have', 'been', 'would', 'will', 'were', 'they', 'their', 'there', 'which', 'about', 'into', 'than', 'then', 'also', 'said', 'claims', 'claim', 'reports', 'report', 'allegations', 'allegation', 'other', 'some', 'made', 'more', 'most', 'being', 'could', 'should']);

/** Suggestions for `text`, in text order. */
export function suggest(text: string, options: SuggestOptions = {}): Suggestion[] {
  const wanted = new Set<SuggestionTag>(options.tags ?? ['quote', 'claim', 'denial']);
  const paras = paragraphs(text);
  const quotes = findQuoteSpans(text, paras);
  const names = new NameIndex(text, options.knownNames);
  const qStarts = quotes.map((q) => q.start);
  const inQuote = (i: number): boolean => {
    const k = upperBound(qStarts, i) - 1;
    return k >= 0 && i < quotes[k]!.end;
  };
  const quoted = (s: number, e: number): number => {
    if (e <= s) return 0;
    let covered = 0;
    for (let k = Math.max(0, upperBound(qStarts, s) - 1); k < quotes.length && quotes[k]!.start < e; k++) {
      covered += Math.max(0, Math.min(e, quotes[k]!.end) - Math.max(s, quotes[k]!.start));
    }
    return covered / (e - s);
  };

  const sents: (Range & { paragraph: number })[] = [];
  paras.forEach((p, i) => {
    for (const s of sentences(text, p, inQuote)) sents.push({ ...s, paragraph: i });
  });
  const sentStarts = sents.map((s) => s.start);
  const sentenceAt = (i: number): number => Math.max(0, upperBound(sentStarts, i) - 1);

  const drafts: Draft[] = [];
  // --- direct quotes
  const quoteDrafts = attributeQuotes(text, quotes, paras, sents, sentenceAt, names);
  drafts.push(...quoteDrafts);
  // --- claims and denials
  for (const s of sents) {
    if (quoted(s.start, s.end) > 0.8) continue;
    for (const r of reportedInSentence(text, s, names, inQuote, quoted)) drafts.push(fromReported(r, s.paragraph));
  }
  drafts.sort((a, b) => a.start - b.start || a.end - b.end);
  resolvePronouns(drafts, names, sents, sentenceAt, inQuote);
  linkDenials(text, drafts);
  return finish(text, drafts, wanted, options.minConfidence ?? 0);
}

/** Index of the first element of `sorted` greater than `x`. */
function upperBound(sorted: number[], x: number): number {
  return lastIndexAtOrBefore(sorted, x) + 1;
}

/**
 * Whether quotation marks hold someone's words: an utterance (punctuation inside the closing
 * mark: `“I did,”`) or a passage of three words or more that is not a title in Title Case.
 * One- and two-word quotations (`“pelmeni”`, `“sacred fight”`) are scare quotes or terms.
 */
export function isQuotation(content: string): boolean {
  // Words, not code or markup (`content: ” “; border-radius: 6px;` between stray marks).
  if (!/^[\p{L}\p{N}‘'"(…—–-]/u.test(content) || /[{}<>=#]|;\s*[\w-]+:/.test(content)) return false;
  const words = content.split(/\s+/).filter(Boolean);
  if (/[.,!?;:…—–-]$/.test(content)) return true;
  if (words.length < 3) return false;
  const long = words.filter((w) => w.replace(/\P{L}/gu, '').length > 3);
  if (long.length && long.every((w) => /^\P{L}*\p{Lu}/u.test(w))) return false;
  return true;
}

function attributeQuotes(text: string, quotes: QuoteSpan[], paras: Range[], sents: (Range & { paragraph: number })[], sentenceAt: (i: number) => number, names: NameIndex): Draft[] {
  const out: Draft[] = [];
  let prev: { q: QuoteSpan; draft: Draft } | null = null;
  for (let k = 0; k < quotes.length; k++) {
    const q = quotes[k]!;
    const content = text.slice(q.start, q.end);
    if (!isQuotation(content)) continue;
    const closeEnd = q.close >= 0 ? q.close + 1 : q.end;
    // The context before stops at the previous quotation (not at a scare quote), the one after at the next.
    const prevQ = prev?.q ?? null;
    const nextQ = quotes.slice(k + 1).find((n) => isQuotation(text.slice(n.start, n.end)));
    const openSent = sents[sentenceAt(q.open)]!;
    const before = Math.max(openSent.start, prevQ && prevQ.lastParagraph === q.paragraph ? (prevQ.close >= 0 ? prevQ.close + 1 : prevQ.end) : 0);
    const closeSentIdx = sentenceAt(Math.max(q.open, closeEnd - 1));
    let closeSent = sents[closeSentIdx]!;
    // A quotation that ends its sentence (`… came here.” For Russia`, or `… charge this”?? He asked.`) may be attributed by the next one.
    // (A full stop after the mark, `… groups”. It recommends`, ends the sentence around the quotation instead.)
    const endsSentence = !/\p{L}/u.test(text.slice(closeEnd, closeSent.end)) && !/^\s*\./.test(text.slice(closeEnd, closeSent.end)) && sents[closeSentIdx + 1]?.paragraph === closeSent.paragraph;
    if (endsSentence) closeSent = sents[closeSentIdx + 1]!;
    const after = Math.max(closeEnd, Math.min(closeSent.end, nextQ && nextQ.open >= closeEnd ? nextQ.open : Infinity, paras[q.lastParagraph]!.end));
    let att: Attribution | null = attributeQuote(text, q.open, closeEnd, before, after, names, endsSentence);
    let rule = att ? `quote: ${RULE_NAMES[att.rule] ?? att.rule}` : '';
    let confidence = att ? att.strength : 0.5;
    if (!att && prev && prev.draft.who && prev.q.lastParagraph === q.paragraph) {
      // Another quote of the same paragraph with no attribution of its own: the same speaker.
      att = { speaker: prev.draft.who, cue: prev.draft.attributes.cue ?? '', rule: 'paragraph', strength: 0.7 };
      rule = 'quote: same speaker as the previous quote of the paragraph';
      confidence = 0.7;
    }
    if (!att && q.paragraph > 0) {
      // A paragraph that ends `… Mr Putin said:` introduces the quotation that follows.
      const para = paras[q.paragraph - 1]!;
      const tail = text.slice(Math.max(para.start, para.end - 200), para.end);
      if (tail.endsWith(':') && q.open === paras[q.paragraph]!.start) {
        QUOTE_CUE_RE.lastIndex = 0;
        let last: RegExpExecArray | null = null;
        for (let m = QUOTE_CUE_RE.exec(tail); m; m = QUOTE_CUE_RE.exec(tail)) last = m;
        const base = para.end - tail.length;
        const sp = last ? subjectBefore(text, Math.max(para.start, sents[sentenceAt(base + last.index)]!.start), base + last.index, names) : null;
        if (sp && last) {
          att = { speaker: sp, cue: last[0].toLowerCase(), rule: 'colon', strength: 0.8 };
          rule = 'quote: introduced by “X said:” in the previous paragraph';
          confidence = 0.8;
        }
      }
    }
    if (q.close < 0) confidence -= 0.15;
    if (!/[.,!?;:…—–-]$/.test(content)) confidence -= 0.1;
    const attributes: Record<string, string> = {};
    if (att?.cue) attributes.cue = att.cue;
    if (att?.addressee && att.addressee.kind !== 'pronoun') attributes.addressee = att.addressee.name;
    const draft: Draft = { tag: 'quote', start: q.start, end: q.end, paragraph: q.paragraph, who: att?.speaker ?? null, role: 'speaker', attributes, confidence, rule: rule || 'quote: marks, no attribution found' };
    out.push(draft);
    prev = { q, draft };
  }
  return out;
}

const RULE_NAMES: Record<string, string> = {
  after: '“…,” X said',
  'after-sentence': '“…” …, X said (same sentence)',
  invert: '“…,” said X',
  'as-saying': 'Y quoted X as saying',
  before: 'X said: “…”',
  'before-sentence': 'X said … “…” (same sentence)',
  according: 'according to X',
  'after-relative': 'X, who …, “…”, said',
  nominal: 'a remark by X “…”',
};

function fromReported(r: Reported, paragraph: number): Draft {
  const role = r.tag === 'denial' ? 'denier' : 'claimant';
  const attributes: Record<string, string> = { cue: r.cue };
  if (r.subject) attributes.subject = r.subject;
  return { tag: r.tag, start: r.start, end: r.end, paragraph, who: r.who, role, attributes, confidence: r.confidence, rule: r.rule, object: r.object };
}

/**
 * `he said` → the last named speaker (quote, claim or denial) of a compatible gender within three
 * paragraphs, or the person named last before the pronoun when that person is the subject of
 * their sentence (`Dewey Lawrence, a Tyler lawyer, … when he said`); when the two differ and the
 * later person is not a subject, the pronoun stays unresolved. `it`/`they` → the last group
 * speaker. A wrong name is worse than none.
 */
function resolvePronouns(drafts: Draft[], names: NameIndex, sents: (Range & { paragraph: number })[], sentenceAt: (i: number) => number, inQuote: (i: number) => boolean): void {
  const history: { name: string; kind: 'person' | 'group'; at: number; paragraph: number }[] = [];
  const mentionAts = names.mentions.map((m) => m.at);
  const compatible = (g: string, pronoun: string) => g === 'unknown' || g === pronoun;
  const sentenceStart = (i: number) => sents[sentenceAt(i)]!.start;
  const isSubject = (at: number) => SUBJECT_POSITION.test(names.textBefore(at, sentenceStart(at)));
  /**
   * Subject continuity: the one person who is the subject of the sentence before the pronoun's,
   * in the same paragraph — the speaker of its attribution, or the person its main clause starts
   * with (`Jones said he regretted Hughes had …. “He is wrong”, he said` → Jones). Persons named
   * elsewhere in that sentence (objects, reported clauses) do not compete with it. Null when the
   * sentence has two subjects (`Smith and Jones met`), two speakers, or is in another paragraph,
   * or when a person is named before the pronoun in its own sentence outside quotation marks.
   */
  const previousSubject = (at: number, pronoun: 'male' | 'female'): string | null => {
    const k = sentenceAt(at);
    const prev = sents[k - 1];
    if (!prev || prev.paragraph !== sents[k]!.paragraph) return null;
    const own = sents[k]!;
    for (let i = upperBound(mentionAts, own.start - 1); i < mentionAts.length && mentionAts[i]! < at; i++) {
      if (!inQuote(mentionAts[i]!) && names.isPerson(names.fullest(names.mentions[i]!.name, mentionAts[i]!))) return null;
    }
    const speakers = new Set<string>();
    for (let h = history.length - 1; h >= 0 && history[h]!.at >= prev.start; h--) {
      if (history[h]!.kind === 'person' && history[h]!.at < prev.end) speakers.add(history[h]!.name);
    }
    let subject: string | null = null;
    if (speakers.size > 1) return null;
    if (speakers.size === 1) subject = [...speakers][0]!;
    else {
      const i = upperBound(mentionAts, prev.start - 1);
      const m = names.mentions[i];
      if (!m || m.at >= prev.end || !isSubject(m.at)) return null;
      // Two subjects: `Smith and Jones met`, `Smith, Jones and Brown said`.
      if (/^[’']?s?\s*(?:,\s*\p{Lu}|and\s|or\s|&)/u.test(names.textBefore(prev.end, m.at + m.name.length))) return null;
      subject = names.fullest(m.name, m.at);
      if (!names.isPerson(subject) && m.gender === 'unknown') return null;
      if (!compatible(m.gender !== 'unknown' ? m.gender : names.gender(subject), pronoun)) return null;
    }
    return subject && compatible(names.gender(subject), pronoun) ? subject : null;
  };
  /**
   * A role description (`the former secretary of labor`) stands for the last person speaker of
   * this paragraph or the one before, when no other person has been named since outside quotation
   * marks; otherwise it stays as written.
   */
  const describedPerson = (at: number, paragraph: number): string | null => {
    let last: (typeof history)[number] | null = null;
    for (let h = history.length - 1; h >= 0 && !last; h--) if (history[h]!.kind === 'person') last = history[h]!;
    if (!last || paragraph - last.paragraph > 1) return null;
    for (let i = upperBound(mentionAts, last.at); i < mentionAts.length && mentionAts[i]! < at; i++) {
      const m = names.mentions[i]!;
      const full = names.fullest(m.name, m.at);
      if (full !== last.name && !inQuote(m.at) && names.isPerson(full)) return null;
    }
    return last.name;
  };
  for (const d of drafts) {
    if (!d.who) continue;
    if (d.who.description) {
      // `the former Superior Court judge said` with no judge introduced: the person who spoke last, if no one else was named since.
      const person = describedPerson(d.who.start, d.paragraph);
      if (person) {
        d.attributes[d.role] = person;
        d.rule += ` (${d.who.name} → ${person})`;
        d.confidence -= 0.1;
        history.push({ name: person, kind: 'person', at: d.who.start, paragraph: d.paragraph });
        continue;
      }
    }
    if (d.who.kind !== 'pronoun') {
      history.push({ name: d.who.name, kind: d.who.kind === 'person' ? 'person' : 'group', at: d.who.start, paragraph: d.paragraph });
      d.attributes[d.role] = d.who.name;
      continue;
    }
    const pronoun = PRONOUNS[d.who.name];
    let found: string | null = null;
    if (pronoun === 'male' || pronoun === 'female') {
      let speaker: (typeof history)[number] | null = null;
      for (let h = history.length - 1; h >= 0; h--) {
        const c = history[h]!;
        if (d.paragraph - c.paragraph > PRONOUN_REACH) break;
        if (c.kind !== 'person' && !isHumanRole(c.name)) continue;
        if (c.kind === 'person' && !compatible(names.gender(c.name), pronoun)) continue;
        speaker = c;
        break;
      }
      // The last person of a compatible gender named before the pronoun (within the same reach).
      let mention: { name: string; at: number } | null = null;
      const floor = speaker ? speaker.at : d.who.start - 1500;
      for (let k = upperBound(mentionAts, d.who.start - 1) - 1; k >= 0 && mentionAts[k]! > floor; k--) {
        const m = names.mentions[k]!;
        const full = names.fullest(m.name, m.at);
        // Names inside quotation marks are what speakers talk about, not who speaks next.
        if (full === speaker?.name || inQuote(m.at) || !names.isPerson(full)) continue;
        if (!compatible(m.gender !== 'unknown' ? m.gender : names.gender(full), pronoun)) continue;
        mention = { name: full, at: m.at };
        break;
      }
      if (!mention) found = speaker?.name ?? null;
      else if (isSubject(mention.at)) found = mention.name;
      else found = previousSubject(d.who.start, pronoun);
    } else if (pronoun === 'thing' || pronoun === 'plural') {
      for (let h = history.length - 1; h >= 0; h--) {
        const c = history[h]!;
        if (d.paragraph - c.paragraph > PRONOUN_REACH) break;
        if (c.kind !== 'group' || isHumanRole(c.name)) continue;
        if ((pronoun === 'plural') === /s$|\band\b/i.test(c.name)) found = c.name;
        break;
      }
      // No group has spoken: the group or document the previous sentence of the paragraph starts with (`The resolution, which …, will be read Monday. It says that “…”`).
      if (!found) {
        const k = sentenceAt(d.who.start);
        const prev = sents[k - 1];
        const head = prev && prev.paragraph === sents[k]!.paragraph ? /^(?:The|This|These|Its|Their)\s+(?:\p{L}+\s+){0,2}?(\p{Ll}+)\b(?!\s+(?:of|and)\b)/u.exec(names.textBefore(prev.end, prev.start)) : null;
        if (head && GROUP_NOUN_SET.has(head[1]!.replace(/s$/, '')) && (pronoun === 'plural') === /s$/.test(head[1]!)) found = head[1]!;
      }
    }
    if (found) {
      d.attributes[d.role] = found;
      d.rule += ` (${d.who.name} → ${found})`;
      d.confidence -= 0.05;
      history.push({ name: found, kind: pronoun === 'male' || pronoun === 'female' ? 'person' : 'group', at: d.who.start, paragraph: d.paragraph });
    } else {
      d.rule += ` (${d.who.name}: not resolved)`;
      d.confidence -= 0.2;
    }
  }
}

/** Only a dateline, a run-in headline or a determiner before a name: it is the subject of its sentence. */
const SUBJECT_POSITION = /^(?:(?:the|--|—|\p{Lu}[\p{L}.’',-]*)\s+)*$/u;

function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().match(/\p{L}{4,}/gu) ?? []) {
    if (STOP.has(w)) continue;
    out.add(w.replace(/(?:ing|ed|es|s)$/, ''));
  }
  return out;
}

/** Each denial denies the nearest preceding claim on its subject: an anaphoric object (`those claims`) takes the nearest claim, another object one that shares a content word. */
function linkDenials(text: string, drafts: Draft[]): void {
  const claims = drafts.filter((d) => d.tag === 'claim');
  for (const d of drafts) {
    if (d.tag !== 'denial') continue;
    const denier = canonicalSpeaker(d.attributes.denier ?? '');
    const anaphoric = ANAPHORIC_OBJECT.test(d.object ?? '');
    const words = contentWords(d.object ?? '');
    for (let k = claims.length - 1; k >= 0; k--) {
      const c = claims[k]!;
      if (c.start >= d.start) continue;
      if (d.paragraph - c.paragraph > LINK_REACH) break;
      if (denier && canonicalSpeaker(c.attributes.claimant ?? '') === denier) continue;
      const shares = [...contentWords(`${c.attributes.subject ?? ''} ${text.slice(c.start, c.end)}`)].some((w) => words.has(w));
      if (anaphoric || shares) {
        d.links = [{ type: 'denies', target: c }];
        break;
      }
    }
  }
}

function finish(text: string, drafts: Draft[], wanted: Set<SuggestionTag>, minConfidence: number): Suggestion[] {
  const cp = new CodePointText(text);
  const ids = new Map<Draft, string>();
  const kept = drafts.filter((d) => wanted.has(d.tag) && d.confidence >= minConfidence);
  const keptSet = new Set(kept);
  const out: Suggestion[] = [];
  const idOf = (d: Draft): string => {
    let id = ids.get(d);
    if (!id) {
      const start = cp.toCodePoint(d.start);
      const end = cp.toCodePoint(d.end);
      id = `sg-${hash(`${d.tag}:${start}:${end}:${d.rule}`)}`;
      ids.set(d, id);
    }
    return id;
  };
  for (const d of kept) {
    const s: Suggestion = {
      id: idOf(d),
      tag: d.tag,
      start: cp.toCodePoint(d.start),
      end: cp.toCodePoint(d.end),
      exact: text.slice(d.start, d.end),
      attributes: d.attributes,
      confidence: Math.round(Math.max(0.05, Math.min(1, d.confidence)) * 100) / 100,
      rule: d.rule,
    };
    const links = (d.links ?? []).filter((l) => keptSet.has(l.target)).map((l) => ({ type: l.type, target: idOf(l.target) }));
    if (links.length) s.links = links;
    out.push(s);
  }
  return out;
}

/** FNV-1a, 2 × 32 bits, as 16 hex digits: stable ids without a crypto dependency in shared/. */
function hash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 13);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
