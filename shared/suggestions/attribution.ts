// Who said a direct quote, and with which verb: the attribution around the marks. Tried in order,
// most reliable first; the first that finds a speaker wins:
//   after   `“…,” Mr Kim told Mr Putin` / `“…,” he said` / `“…” on taxpayers, the jurors said`
//   invert  `“…,” said Kremlin spokesman Dmitry Peskov`
//   as-saying `“…,” RIA quoted ministry spokesperson Maria Zakharova as saying`
//   before  `Mr Putin said: “…”` / `The jury said it did find that many laws “…”`
//   according `According to Mr Lee, “…”` / `“…”, according to Mr Lee`
// A quote with none of these takes the speaker of the previous quote of its paragraph, or of a
// paragraph that introduced it with a colon (see suggest.ts).
import { CUE_MODIFIERS, QUOTE_CUES } from './cues.js';
import { sourceFromPhrase, speakerFromPhrase, type NameIndex, type Speaker } from './names.js';

/** `\b(?:said|told|…)\b`, longest first, case-insensitive. */
export function cueRegex(words: readonly string[], flags = 'gi'): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.]/g, '\\.').replace(/ /g, '\\s+'));
  return new RegExp(String.raw`\b(?:${sorted.join('|')})\b`, flags);
}

const QUOTE_CUE_RE = cueRegex(QUOTE_CUES);
const MODIFIERS_AT_END = new RegExp(String.raw`(?:\s+|^)(?:${[...CUE_MODIFIERS].sort((a, b) => b.length - a.length).join('|')})\s*$`, 'i');
const LEADING_CONNECTIVE = /^(?:and|but|while|as|that|which|because|though|although|when|where|so|then|yet|now|nevertheless|however|meanwhile|instead|also|according to)\b[\s,]*/i;
/** Words that end the noun phrase after an inverted cue (`said Mr Kim in a statement`). */
const NP_STOP = /\s(?:in|on|at|during|after|before|when|while|as|with|from|adding|referring|who|which|that|to|because|if|but|and then)\s/i;

export interface Attribution {
  speaker: Speaker;
  cue: string;
  addressee?: Speaker;
  /** Rule id, e.g. `after`, `invert`, `before-adjacent`. */
  rule: string;
  /** How close and how typical the attribution is: 0..1. */
  strength: number;
}

/**
 * The subject of a cue at `cueAt`, looked for in `text[lo, cueAt)`: the clause right before the
 * cue, after the last comma (or before an appositive: `Jones, the mayor, said` → `Jones`).
 */
export function subjectBefore(text: string, lo: number, cueAt: number, names: NameIndex): Speaker | null {
  // Parentheses are set aside, keeping offsets (`Dirksen (Ill.) and Halleck (Ind.) said`).
  let seg = text.slice(lo, cueAt).replace(/\([^()]{0,40}\)/g, (m) => ' '.repeat(m.length));
  for (let guard = 0; guard < 4; guard++) {
    const m = MODIFIERS_AT_END.exec(seg);
    if (!m) break;
    seg = seg.slice(0, m.index);
  }
  // Cut at the last clause boundary; an empty last piece means an appositive before the cue.
  const pieces: { s: number; e: number }[] = [];
  let s = 0;
  for (const m of seg.matchAll(/[,;:(—–“”"]|\s-\s|\s--\s|[.!?]+\s+(?=\p{Lu})/gu)) {
    if (/^[.]/.test(m[0]) && /(?:^|\s)(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Rev|Atty|Supt|Col|Capt|Lt|Sgt|Prof)$/u.test(seg.slice(Math.max(0, m.index - 5), m.index))) continue;
    pieces.push({ s, e: m.index });
    s = m.index + m[0].length;
  }
  pieces.push({ s, e: seg.length });
  let k = pieces.length - 1;
  const textOf = (i: number) => seg.slice(pieces[i]!.s, pieces[i]!.e);
  if (!textOf(k).trim() && k >= 2 && textOf(k - 1).trim().split(/\s+/).length <= 12) k -= 2; // `Jones, the mayor, said`
  let piece = pieces[k]!;
  // A relative clause: `which it said` → `it`; `Karns, who charged` → `Karns`.
  const rel = /^(.*?)\b(?:who|which|whom)\s+(.*)$/i.exec(seg.slice(piece.s, piece.e));
  if (rel) {
    if (rel[2]!.trim()) piece = { s: piece.e - rel[2]!.length, e: piece.e };
    else if (rel[1]!.trim()) piece = { s: piece.s, e: piece.s + rel[1]!.length };
    else if (k >= 1) piece = pieces[k - 1]!;
  }
  let phrase = seg.slice(piece.s, piece.e);
  let offset = lo + piece.s;
  const lead = /^\s*/.exec(phrase)![0].length;
  phrase = phrase.slice(lead);
  offset += lead;
  for (let guard = 0; guard < 3; guard++) {
    const c = LEADING_CONNECTIVE.exec(phrase);
    if (!c || !c[0]) break;
    phrase = phrase.slice(c[0].length);
    offset += c[0].length;
  }
  const sp = speakerFromPhrase(phrase.trimEnd(), offset, names);
  if (sp) return sp;
  // A second predicate after a comma (`He cited East Germany …, and added`): the subject the clause starts with.
  if (!phrase.trim() && /^\s*(?:and|but|then)\s*$/i.test(seg.slice(piece.s, piece.e))) {
    const first = /^\s*((?:(?:the|a)\s+)?(?:\p{Lu}[\p{L}’'.-]*\s+){0,4}\p{Lu}[\p{L}’'.-]*)(?=\s+\p{Ll})/u.exec(seg);
    if (first) {
      const sp2 = speakerFromPhrase(first[1]!, lo + first[0].length - first[1]!.length, names);
      if (sp2) return sp2;
    }
  }
  // A pronoun right before the cue after an opening phrase (`In the two other cases he ruled`).
  const pronoun = /\s(he|she|they|it|we|I)\s*$/.exec(phrase);
  if (pronoun) return speakerFromPhrase(pronoun[1]!, offset + pronoun.index + 1, names);
  // `Judge Parsons leaned over the bench and inquired`: the name that starts the clause, or the name the clause ends with (`by Acting Judge John M. Karns`).
  // A run-in headline before the subject (`Decries joblessness Mitchell decried … and said`): the name right before a past-tense verb comes first.
  const beforeVerb = /^(?:\S+\s+){0,3}?((?:(?:the|a)\s+)?(?:\p{Lu}[\p{L}’'.-]*\s+){0,4}\p{Lu}[\p{L}’'.-]*)\s+\p{Ll}+ed\b/u.exec(phrase);
  const leading = /^(?:(?:the|a)\s+)?(?:\p{Lu}[\p{L}’'.-]*\s+){0,4}\p{Lu}[\p{L}’'.-]*(?=\s+\p{Ll})/u.exec(phrase);
  if (leading && /\s(?:and|then|but)\s*$/.test(phrase)) {
    if (beforeVerb && beforeVerb.index + beforeVerb[0].indexOf(beforeVerb[1]!) > 0) {
      const sp = speakerFromPhrase(beforeVerb[1]!, offset + beforeVerb[0].indexOf(beforeVerb[1]!), names);
      if (sp) return sp;
    }
    return speakerFromPhrase(leading[0], offset, names);
  }
  const trailing = /(?:\p{Lu}[\p{L}’'.-]*\s+){0,4}\p{Lu}[\p{L}’'.-]*\s*$/u.exec(phrase);
  if (rel && trailing) {
    const sp = speakerFromPhrase(trailing[0].trim(), offset + trailing.index, names);
    if (sp) return sp;
  }
  // A relative clause with no closing comma between the subject and the cue (`Mr. Reama, who retired … in 1955 said`): its antecedent.
  if (rel && rel[2]!.trim() && !rel[1]!.trim() && k >= 1) {
    const ante = pieces[k - 1]!;
    const raw = seg.slice(ante.s, ante.e);
    const lead2 = raw.length - raw.trimStart().length;
    const sp = speakerFromPhrase(raw.trim(), lo + ante.s + lead2, names);
    if (sp && sp.kind !== 'pronoun') return sp;
  }
  return null;
}

/** The noun phrase after an inverted cue (`said Kremlin spokesman Dmitry Peskov, who …`). */
export function subjectAfter(text: string, from: number, to: number, names: NameIndex, source = false): Speaker | null {
  let seg = text.slice(from, to);
  const lead = /^\s*/.exec(seg)![0].length;
  seg = seg.slice(lead);
  const end = seg.search(/[,.;:!?“”"(]/);
  if (end >= 0) seg = seg.slice(0, end);
  const stop = NP_STOP.exec(' ' + seg + ' ');
  if (stop) seg = seg.slice(0, Math.max(0, stop.index - 1));
  return (source ? sourceFromPhrase : speakerFromPhrase)(seg.trim(), from + lead, names);
}

function words(s: string): number {
  const t = s.trim();
  return t ? t.split(/\s+/).length : 0;
}

/**
 * The attribution of a quote whose marks are at [open, closeEnd), its sentence context bounded by
 * `before` (start of the clause before the opening mark) and `after` (end of the context after it).
 */
export function attributeQuote(text: string, open: number, closeEnd: number, before: number, after: number, names: NameIndex, endsSentence: boolean): Attribution | null {
  const a = text.slice(closeEnd, after);
  // as-saying: `RIA quoted ministry spokesperson Maria Zakharova as saying`.
  const asSaying = /\bquoted\s+(.{1,80}?)\s+as\s+say(?:ing)?\b/i.exec(a);
  if (asSaying) {
    const sp = speakerFromPhrase(asSaying[1]!, closeEnd + asSaying.index + asSaying[0].indexOf(asSaying[1]!), names);
    if (sp) return { speaker: sp, cue: 'quoted … as saying', rule: 'as-saying', strength: 0.9 };
  }
  QUOTE_CUE_RE.lastIndex = 0;
  const cue = QUOTE_CUE_RE.exec(a);
  if (cue) {
    const lead = a.slice(0, cue.index);
    // After a quote that ends its sentence only a short `Mary said.` right after it attributes it.
    const near = words(lead) <= (endsSentence ? 4 : 10);
    if (near && !lead.trim().replace(/^[,\s]+/, '')) {
      const sp = subjectAfter(text, closeEnd + cue.index + cue[0].length, after, names);
      if (sp) return { speaker: sp, cue: cue[0].toLowerCase(), rule: 'invert', strength: 0.9 };
    }
    // `Mrs. Molvar, who kept reiterating … “…”, said, “…”`: a cue right after the mark with no subject; the subject the sentence starts with.
    if (!lead.replace(/[\s,]/g, '')) {
      const rel = /^(\s*)([^,;:“”"]{1,60}?),\s+(?:who|which)\s/.exec(text.slice(before, open));
      const sp = rel ? speakerFromPhrase(rel[2]!, before + rel[1]!.length, names) : null;
      if (sp && sp.kind !== 'pronoun' && !subjectAfter(text, closeEnd + cue.index + cue[0].length, after, names)) return { speaker: sp, cue: cue[0].toLowerCase(), rule: 'after-relative', strength: 0.8 };
    }
    if (near || !endsSentence) {
      const sp = subjectBefore(text, closeEnd, closeEnd + cue.index, names);
      if (sp) {
        const addressee = cue[0].toLowerCase() === 'told' ? subjectAfter(text, closeEnd + cue.index + cue[0].length, after, names) ?? undefined : undefined;
        return { speaker: sp, cue: cue[0].toLowerCase(), addressee, rule: near ? 'after' : 'after-sentence', strength: near ? 0.9 : 0.7 };
      }
    }
  }
  // before: the last cue of the clause before the opening mark.
  const b = text.slice(before, open);
  let lastCue: RegExpExecArray | null = null;
  QUOTE_CUE_RE.lastIndex = 0;
  for (let m = QUOTE_CUE_RE.exec(b); m; m = QUOTE_CUE_RE.exec(b)) lastCue = m;
  if (lastCue) {
    const tail = b.slice(lastCue.index + lastCue[0].length);
    const adjacent = words(tail) <= 6;
    const sp = subjectBefore(text, before, before + lastCue.index, names) ?? (adjacent && !b.slice(0, lastCue.index).trim() ? subjectAfter(text, before + lastCue.index + lastCue[0].length, open, names) : null);
    if (sp) {
      const addressee = lastCue[0].toLowerCase() === 'told' ? subjectAfter(text, before + lastCue.index + lastCue[0].length, open, names) ?? undefined : undefined;
      return { speaker: sp, cue: lastCue[0].toLowerCase(), addressee, rule: adjacent ? 'before' : 'before-sentence', strength: adjacent ? 0.9 : 0.7 };
    }
  }
  // A speech noun with its author (`a remark by Richard J. Hughes, Democratic gubernatorial candidate, that the GOP is “…”`).
  const nominal = /\b(?:remark|statement|comment|assertion|charge|claim|pledge|promise|warning|words)s?\s+(?:made\s+)?by\s+([^,;:“”"]{1,60})/i.exec(b);
  if (nominal) {
    const at = before + nominal.index + nominal[0].length - nominal[1]!.length;
    const np = nominal[1]!.split(/\s+(?:that|who|which|at|in|on)\s/)[0]!.trim();
    const sp = speakerFromPhrase(np, at, names);
    if (sp && sp.kind !== 'pronoun') return { speaker: sp, cue: nominal[0].split(/\s/)[0]!.toLowerCase(), rule: 'nominal', strength: 0.7 };
  }
  const according = /\baccording\s+to\s+([^,.;:“”"]{1,80})/i.exec(b) ?? /^[\s,]*according\s+to\s+([^,.;:“”"]{1,80})/i.exec(a);
  if (according) {
    const base = according.input === b ? before : closeEnd;
    const sp = subjectAfter(text, base + according.index + according[0].indexOf(according[1]!), base + according.index + according[0].length, names, true);
    if (sp) return { speaker: sp, cue: 'according to', rule: 'according', strength: 0.75 };
  }
  return null;
}
