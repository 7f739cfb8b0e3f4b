// Claims and denials: reported assertions without quote marks, one sentence at a time. Each rule
// is a pattern over the sentence plus the subject finder of attribution.ts. A sentence gives at
// most one claim and one denial; a denial takes precedence (`X denied that he said …` is a denial).
//
// Claims (span: the reported content, as an analyst would mark what is claimed)
//   accuse    `The US has accused North Korea of providing arms` → `North Korea of providing arms`, subject North Korea
//   that      `South Korea and the US have warned that such a deal would …` → `such a deal would …`
//   bare      `Mr Putin said Russia complied with international rules` → `Russia complied …`
//   final     `It was the first such launch …, analysts said.` → `It was the first such launch …`
//   according `According to X, …` / `…, according to X.`
// Denials (span: the denier through the end of the clause, so the answer reads whole)
//   deny      `Moscow and Pyongyang have denied such intentions`
//   reject    `X rejected the claims`, `X dismissed the reports as …`
//   said-false `X said the allegations were false`
import { ACCUSE_CUES, CLAIM_CUES, CLAIM_NOUNS, CLAIM_PHRASE_CUES, DENIAL_CUES, NON_DENIAL_OBJECTS, NOT_CLAUSE_STARTS, REJECT_CUES, TIME_WORDS } from './cues.js';
import { cueRegex, subjectAfter, subjectBefore } from './attribution.js';
import type { NameIndex, Speaker } from './names.js';
import type { Range } from './text-structure.js';

export interface Reported {
  tag: 'claim' | 'denial';
  /** UTF-16 range of the suggestion. */
  start: number;
  end: number;
  who: Speaker;
  cue: string;
  rule: string;
  confidence: number;
  subject?: string;
  /** Denials: the words of what is denied (`those claims`), to find the claim it answers. */
  object?: string;
}

const CLAIM_CUE_RE = cueRegex([...CLAIM_CUES, ...CLAIM_PHRASE_CUES]);
const ACCUSE_RE = cueRegex(ACCUSE_CUES);
const DENY_RE = cueRegex(DENIAL_CUES);
const REJECT_RE = cueRegex(REJECT_CUES);
const CLAIM_NOUN_RE = cueRegex(CLAIM_NOUNS, 'i');
const NON_DENIAL_RE = new RegExp(String.raw`^\s*(?:(?:all|the|a|an|any|his|her|their|its|several|two|both|these|those)\s+)?(?:${NON_DENIAL_OBJECTS.join('|')})`, 'i');
const NOT_CLAUSE_RE = new RegExp(String.raw`^(?:${NOT_CLAUSE_STARTS.join('|')})\b`, 'i');
/** A time or setting between a cue and its clause; the space after it is left for the clause. */
const TIME_RE = new RegExp(String.raw`^\s*(?:${[...TIME_WORDS].sort((a, b) => b.length - a.length).join('|')})\b,?`, 'i');
const SUBORDINATE = /^(?:while|although|though|when|whereas|if|as|because|since|after|before)\s/i;
/** A cue ending the sentence, with what may follow it (`said here yesterday.`). */
const FINAL_CUE = /(?:\b(?:has|have|had)\s+)?(?:\b(?:also|further)\s+)?\b(said|says|say|added|reported|told\s+[^,.]{1,30}?|warned|estimated|predicted|believes|declared|charged|conceded|explained|noted|insisted)(?:\s+(?:here|today|yesterday|tonight|last night|last week|\w+day(?: night| afternoon| morning)?|in an interview|in a statement|in a \w+ interview))*\s*[.!?]?\s*$/i;
/** `CONTENT, SUBJECT CUE [time], CONTENT`: the attribution set inside the claim. */
const INTERRUPTED = /^([^,“”"]{3,}?,\s+)(?:[^,“”"]{1,60}?\s+)?(said|says|added|reported|explained|declared|noted|insisted|argued|warned|contended)((?:\s+\w+day)?,\s+)/i;
const PASSIVE_BEFORE = /\b(?:was|were|been|be|is|are|being|get|got)\s+$/i;
/** Verbs that can introduce a clause without `that` (`Mr Putin said Russia complied …`). */
const BARE_CLAUSE_CUES = new Set(['said', 'says', 'believes', 'believed', 'estimated', 'insisted', 'insists', 'warned', 'claimed', 'claims', 'argued', 'argues', 'added', 'predicted', 'noted', 'reported', 'maintained', 'contended']);
/** A word that can start a reported clause without `that`. */
const CLAUSE_START = /^(?:the|a|an|this|these|those|it|he|she|they|we|i|there|his|her|their|its|our|no|some|many|most|all|both|each|every|such|any|only|[\p{Lu}\d])/u;
const FALSE_WORDS = /^(?:the|these|those|such|that|this|any)\s+(?:\S+\s+){0,2}(?:claims?|allegations?|accusations?|reports?|charges?|stor(?:y|ies)|rumou?rs?)\s+(?:were|are|was|is)\s+(?:completely\s+|totally\s+|entirely\s+)?(?:false|untrue|baseless|groundless|unfounded|nonsense|lies|fabricated|absurd|ridiculous|wrong)\b/i;

/** End of the clause that starts at `from`: before `, but` / `; ` / the sentence's final punctuation. */
function clauseEnd(text: string, from: number, end: number): number {
  const rest = text.slice(from, end);
  const cut = rest.search(/,?\s+but\s|;\s|\s[—–]\s/);
  let e = cut >= 0 ? from + cut : end;
  while (e > from && /[\s.!?,;:”"’)]/.test(text[e - 1]!)) e--;
  return e;
}

/** Trim a claim's content: leading `that`, trailing `, according to X` / `, X said`, punctuation. */
function trimContent(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  const lead = /^\s*(?:that\s+)?/i.exec(text.slice(s, end))!;
  s += lead[0].length;
  let e = end;
  const tail = /,\s*(?:according to [^,]{1,80}|(?:\S+\s+){0,6}?(?:said|say|says|added|reported)(?: [^,]{0,40})?)\s*[.!?]?\s*$/i.exec(text.slice(s, e));
  if (tail) e = s + tail.index;
  while (e > s && /[\s.!?,;:]/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

function wordCount(text: string, s: number, e: number): number {
  const t = text.slice(s, e).trim();
  return t ? t.split(/\s+/).length : 0;
}

/** The claim and/or denial of one sentence. `quoted(s, e)` is the share of [s, e) inside quote marks. */
export function reportedInSentence(text: string, sentence: Range, names: NameIndex, inQuote: (i: number) => boolean, quoted: (s: number, e: number) => number): Reported[] {
  const { start, end } = sentence;
  const out: Reported[] = [];
  const s = text.slice(start, end);
  const outside = (i: number) => !inQuote(start + i);

  // --- denials
  const denial = findDenial(text, start, end, s, names, outside);
  if (denial) return [denial];

  // --- claims: accuse
  ACCUSE_RE.lastIndex = 0;
  for (let m = ACCUSE_RE.exec(s); m; m = ACCUSE_RE.exec(s)) {
    if (!outside(m.index) || PASSIVE_BEFORE.test(s.slice(0, m.index))) continue;
    const after = /^\s+(.{1,60}?)\s+(?:of|for)\s+/.exec(s.slice(m.index + m[0].length));
    if (!after) continue;
    const who = subjectBefore(text, start, start + m.index, names);
    if (!who) continue;
    const objStart = start + m.index + m[0].length + after[0].indexOf(after[1]!);
    const e = clauseEnd(text, objStart, end);
    const subject = subjectAfter(text, objStart, objStart + after[1]!.length, names);
    out.push({ tag: 'claim', start: objStart, end: e, who, cue: m[0].toLowerCase(), rule: 'claim: X accused Y of …', confidence: 0.8, subject: subject?.name ?? after[1]! });
    return out;
  }

  // --- claims: a cue followed by its clause
  CLAIM_CUE_RE.lastIndex = 0;
  for (let m = CLAIM_CUE_RE.exec(s); m; m = CLAIM_CUE_RE.exec(s)) {
    if (!outside(m.index) || PASSIVE_BEFORE.test(s.slice(0, m.index))) continue;
    // A cue inside a leading subordinate clause (`While the council suggested …, Mr Notte said …`) is not the sentence's.
    if (SUBORDINATE.test(s) && !s.slice(0, m.index).includes(',')) continue;
    const cue = m[0].toLowerCase().replace(/\s+/g, ' ');
    let rest = s.slice(m.index + m[0].length);
    let restAt = start + m.index + m[0].length;
    const time = TIME_RE.exec(rest);
    if (time && time[0].trim()) {
      rest = rest.slice(time[0].length);
      restAt += time[0].length;
    }
    const that = /^\s+(?:[^,.;:“”"]{0,90}?\s)?that\s+/i.exec(rest);
    let contentAt: number;
    let rule: string;
    if (that && wordCount(rest, 0, that[0].length) <= 14) {
      contentAt = restAt + that[0].length;
      rule = 'claim: X CUE that …';
    } else if (BARE_CLAUSE_CUES.has(cue)) {
      const next = /^\s+(\S+)/.exec(rest);
      if (!next || !CLAUSE_START.test(next[1]!) || NOT_CLAUSE_RE.test(next[1]!) || /^[“"‘]/.test(next[1]!)) continue;
      contentAt = restAt + next.index + next[0].length - next[1]!.length;
      rule = 'claim: X said …';
    } else continue;
    const who = subjectBefore(text, start, start + m.index, names);
    if (!who) continue;
    const c = trimContent(text, contentAt, end);
    if (wordCount(text, c.start, c.end) < 3 || quoted(c.start, c.end) > 0.6) continue;
    if (/^[“"‘]/.test(text.slice(c.start, c.start + 1))) continue;
    out.push({ tag: 'claim', start: c.start, end: c.end, who, cue, rule, confidence: rule.includes('that') ? 0.75 : 0.65 });
    return out;
  }

  // --- claims: attribution inside the sentence (`Such vital information, he said, has to be made available.`)
  const inside = INTERRUPTED.exec(s);
  if (inside && outside(inside.index) && outside(inside[0].length - 1)) {
    const cueAt = start + inside[0].length - inside[2]!.length - inside[3]!.length;
    const who = subjectBefore(text, start + inside[1]!.length, start + inside[0].lastIndexOf(inside[2]!), names);
    const c = trimContent(text, start, end);
    if (who && cueAt > start && wordCount(text, c.start, c.end) >= 6 && quoted(c.start, c.end) <= 0.6) {
      out.push({ tag: 'claim', start: c.start, end: c.end, who, cue: inside[2]!.toLowerCase(), rule: 'claim: …, X said, …', confidence: 0.65 });
      return out;
    }
  }
  // --- claims: attribution at the end (`…, analysts said.`, `…, George H. Reama, labor expert, said here yesterday.`)
  const final = FINAL_CUE.exec(s);
  if (final && outside(final.index)) {
    const who = subjectBefore(text, start, start + final.index, names);
    const between = who ? text.slice(start, who.start) : '';
    if (who && /,\s*$/.test(between)) {
      const c = trimContent(text, start, start + between.replace(/,\s*$/, '').length);
      if (wordCount(text, c.start, c.end) >= 4 && quoted(c.start, c.end) <= 0.6 && !/[“"]/.test(text[c.start]!)) {
        out.push({ tag: 'claim', start: c.start, end: c.end, who, cue: final[1]!.toLowerCase().split(' ')[0]!, rule: 'claim: …, X said', confidence: 0.7 });
        return out;
      }
    }
  }
  const inverted = /,\s*(said|says|added|reported)\s+([^,“”"]{1,80}?)\s*[.!?]?\s*$/i.exec(s);
  if (inverted && outside(inverted.index)) {
    const phraseAt = start + inverted.index + inverted[0].indexOf(inverted[2]!, inverted[1]!.length + 1);
    const who = subjectAfter(text, phraseAt, phraseAt + inverted[2]!.length, names);
    const c = trimContent(text, start, start + inverted.index);
    if (who && wordCount(text, c.start, c.end) >= 4 && quoted(c.start, c.end) <= 0.6 && !/[“"]/.test(text[c.start]!)) {
      out.push({ tag: 'claim', start: c.start, end: c.end, who, cue: inverted[1]!.toLowerCase(), rule: 'claim: …, said X', confidence: 0.7 });
      return out;
    }
  }
  const according = /^according\s+to\s+([^,]{1,80}),\s*/i.exec(s) ?? /,\s*according\s+to\s+([^,]{1,80}?)\s*[.!?]?\s*$/i.exec(s);
  if (according) {
    const phraseAt = start + according.index + according[0].indexOf(according[1]!);
    const who = subjectAfter(text, phraseAt, phraseAt + according[1]!.length, names, true);
    const c = according.index === 0 ? trimContent(text, start + according[0].length, end) : trimContent(text, start, start + according.index);
    if (who && wordCount(text, c.start, c.end) >= 4 && quoted(c.start, c.end) <= 0.6) {
      out.push({ tag: 'claim', start: c.start, end: c.end, who, cue: 'according to', rule: 'claim: according to X', confidence: 0.6 });
    }
  }
  return out;
}

function findDenial(text: string, start: number, end: number, s: string, names: NameIndex, outside: (i: number) => boolean): Reported | null {
  DENY_RE.lastIndex = 0;
  for (let m = DENY_RE.exec(s); m; m = DENY_RE.exec(s)) {
    if (!outside(m.index) || PASSIVE_BEFORE.test(s.slice(0, m.index))) continue;
    const obj = s.slice(m.index + m[0].length);
    if (NON_DENIAL_RE.test(obj) || /^\s*[.,;]/.test(obj)) continue;
    const who = subjectBefore(text, start, start + m.index, names);
    if (!who) continue;
    const e = clauseEnd(text, start + m.index, end);
    return { tag: 'denial', start: who.start, end: e, who, cue: m[0].toLowerCase(), rule: 'denial: X denied …', confidence: 0.85, object: text.slice(start + m.index + m[0].length, e) };
  }
  REJECT_RE.lastIndex = 0;
  for (let m = REJECT_RE.exec(s); m; m = REJECT_RE.exec(s)) {
    if (!outside(m.index) || PASSIVE_BEFORE.test(s.slice(0, m.index))) continue;
    const objEnd = clauseEnd(text, start + m.index + m[0].length, end);
    const obj = text.slice(start + m.index + m[0].length, objEnd);
    const head = obj.split(/\s+/).slice(0, 9).join(' ');
    CLAIM_NOUN_RE.lastIndex = 0;
    const claimObject = CLAIM_NOUN_RE.test(head);
    const dismissedAs = /^dismiss/i.test(m[0]) && /^\s*(?:\S+\s+){1,8}?as\s+\S/.test(obj);
    if (!claimObject && !dismissedAs) continue;
    const who = subjectBefore(text, start, start + m.index, names);
    if (!who) continue;
    return { tag: 'denial', start: who.start, end: objEnd, who, cue: m[0].toLowerCase(), rule: claimObject ? 'denial: X rejected … claims' : 'denial: X dismissed … as …', confidence: claimObject ? 0.8 : 0.75, object: obj };
  }
  // `X said the allegations were false`.
  const said = /\b(?:said|says|called)\s+(?:that\s+)?/i.exec(s);
  if (said && outside(said.index) && FALSE_WORDS.test(s.slice(said.index + said[0].length))) {
    const who = subjectBefore(text, start, start + said.index, names);
    if (who) {
      const e = clauseEnd(text, start + said.index, end);
      return { tag: 'denial', start: who.start, end: e, who, cue: said[0].trim().toLowerCase(), rule: 'denial: X said the claims were false', confidence: 0.7, object: text.slice(start + said.index + said[0].length, e) };
    }
  }
  return null;
}
