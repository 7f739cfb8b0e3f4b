// Paragraphs and sentences of a text, as UTF-16 ranges, found without an NLP library: the rules
// only need boundaries, and a hand-written scanner is linear (compromise's sentence splitter takes
// about half a second on 12 KB). Sentence ends inside a quotation do not end the sentence around it.

export interface Range {
  start: number;
  end: number;
}

/** Abbreviations whose final dot does not end a sentence (lower-case, without the dot). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'sen', 'rep', 'gov', 'gen', 'col', 'capt', 'lt', 'sgt', 'prof', 'rev',
  'atty', 'supt', 'hon', 'mt', 'ft', 'no', 'nos', 'vs', 'etc', 'inc', 'co', 'corp', 'ltd', 'bros', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.n', 'u.k', 'e.g', 'i.e', 'a.m', 'p.m',
  'ave', 'blvd', 'dept', 'univ', 'assn', 'ga', 'tex', 'calif', 'fla', 'ill', 'mass', 'mich', 'pa', 'va', 'wash', 'n.y', 'd.c',
]);

/** Paragraphs: text between blank lines, trimmed of surrounding whitespace; empty ones left out. */
export function paragraphs(text: string): Range[] {
  const out: Range[] = [];
  const re = /\n[ \t\r]*\n/g;
  let last = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, text.length);
  return out;
}

/**
 * Sentences of one paragraph. `insideQuote(i)` says whether unit i lies inside a quotation's
 * content: a full stop there ends the sentence only when the quotation closes right after it and
 * a capital follows (`… came here.” For Russia`).
 */
export function sentences(text: string, para: Range, insideQuote: (i: number) => boolean): Range[] {
  const out: Range[] = [];
  let start = para.start;
  const re = /[.!?]+/g;
  re.lastIndex = para.start;
  for (let m = re.exec(text); m && m.index < para.end; m = re.exec(text)) {
    const dot = m.index;
    let j = dot + m[0].length;
    while (j < para.end && /[”’"')\]»]/.test(text[j]!)) j++;
    if (j >= para.end) break;
    if (!/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < para.end && /\s/.test(text[k]!)) k++;
    if (k >= para.end) break;
    if (!/[\p{Lu}\d“"‘(«]/u.test(text[k]!)) continue;
    if (insideQuote(dot) && insideQuote(j - 1)) continue;
    if (m[0] === '.' && isAbbreviation(text, dot)) continue;
    out.push({ start, end: j });
    start = k;
  }
  if (start < para.end) out.push({ start, end: para.end });
  return out;
}

function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // An initial (`N. Korea`, `J. F. Kennedy`).
  return /^\p{Lu}$/u.test(text.slice(s, dot));
}
