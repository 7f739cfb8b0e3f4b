// Deterministic generators for benchmarks: English-like text, annotations over it, and random
// edits whose effect on every annotation is tracked, so accuracy can be measured against truth.

/** Small fast PRNG (mulberry32), so every run generates the same material. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people mr how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three states himself few house use during without again place american around however home small found mrs thought went say part once general high upon school every don does got united left number course war until always away something fact though water less public put think almost hand enough far took head yet government system better set told nothing night end why called didn find going look asked later knew point next city business give group toward young let room president side social given present several order national possible rather second face per among form important often things looked early white case john become large big need four within felt along children saw best church ever least power development light thing seemed family interest want members mind country area others done turned although open god service problem certain kind began different door thus help sense means whole matter perhaps itself york times law human line above name example action company hands local show whether five history gave today either act feet across taken past quite anything having seen death experience body word half really week free minister kremlin spokesman denied claimed warned accused rejected dismissed'
).split(' ');

/** About `bytes` of English-like ASCII text in paragraphs of 3–8 sentences. */
export function generateText(bytes: number, seed = 1): string {
  const rnd = random(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentences = 3 + Math.floor(rnd() * 6);
    const para: string[] = [];
    for (let s = 0; s < sentences; s++) {
      const n = 6 + Math.floor(rnd() * 18);
      const words: string[] = [];
      for (let w = 0; w < n; w++) words.push(WORDS[Math.floor(rnd() * WORDS.length)]!);
      const sentence = words.join(' ');
      para.push(sentence[0]!.toUpperCase() + sentence.slice(1) + (rnd() < 0.15 ? '?' : '.'));
    }
    const p = para.join(' ');
    parts.push(p);
    size += p.length + 2;
  }
  return parts.join('\n\n');
}

export interface Span {
  start: number;
  end: number;
  tag: string;
}

/** `count` spans of 3–40 words at word boundaries, some overlapping, three tags. */
export function generateSpans(text: string, count: number, seed = 2): Span[] {
  const rnd = random(seed);
  const wordStarts: number[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) wordStarts.push(m.index);
  const tags = ['claim', 'quote', 'denial'];
  const spans: Span[] = [];
  for (let i = 0; i < count; i++) {
    const w = Math.floor(rnd() * (wordStarts.length - 41));
    const len = 3 + Math.floor(rnd() * 38);
    const start = wordStarts[w]!;
    let end = wordStarts[w + len]! - 1;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    spans.push({ start, end, tag: tags[i % 3]! });
  }
  return spans;
}

export interface EditResult {
  text: string;
  /** Each span mapped through the edits: where its text now is, and how much of it survived unchanged. */
  truth: { start: number; end: number; intact: boolean }[];
}

/**
 * Random edits (insertions, deletions, replacements of 1–20 characters) until `share` of the text's
 * characters have been touched. Spans are mapped through every edit.
 */
export function editText(text: string, spans: readonly Span[], share: number, seed = 3): EditResult {
  const rnd = random(seed);
  const budget = Math.round(text.length * share);
  type Edit = { at: number; remove: number; insert: string };
  const edits: Edit[] = [];
  let touched = 0;
  while (touched < budget) {
    const kind = rnd();
    const len = 1 + Math.floor(rnd() * 20);
    const insert = kind < 0.66 ? 'x'.repeat(len).replace(/x/g, () => 'abcdefghij klmnop'[Math.floor(rnd() * 17)]!) : '';
    const remove = kind > 0.33 ? len : 0;
    edits.push({ at: Math.floor(rnd() * (text.length - remove)), remove, insert });
    touched += Math.max(remove, insert.length);
  }
  // Apply from the end backwards so positions stay valid; sort by position descending.
  edits.sort((a, b) => b.at - a.at);
  // Drop edits that overlap the one after them (already applied further right).
  const applied: Edit[] = [];
  let limit = Infinity;
  for (const e of edits) {
    if (e.at + e.remove <= limit) {
      applied.push(e);
      limit = e.at;
    }
  }
  let out = text;
  for (const e of applied) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  // Map a position of the original text to the edited one (edits sorted ascending for prefix sums).
  const ascending = [...applied].reverse();
  // `right` (a span's start) moves past text inserted at x; `left` (its end) stays before it.
  const map = (x: number, assoc: 'left' | 'right'): number => {
    let shift = 0;
    for (const e of ascending) {
      if (e.remove === 0) {
        if (e.at < x || (e.at === x && assoc === 'right')) shift += e.insert.length;
        else break;
        continue;
      }
      if (e.at + e.remove <= x) {
        shift += e.insert.length - e.remove;
        continue;
      }
      if (e.at > x || (e.at === x && assoc === 'left')) break;
      // x falls inside (or at the start of) a deleted stretch.
      return e.at + shift + (assoc === 'right' ? e.insert.length : 0);
    }
    return x + shift;
  };
  const truth = spans.map((s) => {
    const start = map(s.start, 'right');
    const end = Math.max(start, map(s.end, 'left'));
    const intact = !ascending.some((e) => e.at < s.end && e.at + e.remove > s.start) && !ascending.some((e) => e.remove === 0 && e.at > s.start && e.at < s.end);
    return { start, end, intact };
  });
  return { text: out, truth };
}
