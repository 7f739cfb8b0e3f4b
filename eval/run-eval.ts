// `npm run eval`: how good the suggestion engine is, measured against gold labels.
//   news    eval/gold/*.json — Brown press samples and the real article, labelled by hand for this
//           project (docs/suggestions.md says how); texts read from ../shared, refused if changed.
//   litbank ../shared/data/litbank-quotations — quotations and speakers in 100 novel excerpts.
// Prints precision / recall / F1 per tag (spans matched one-to-one by overlap, and exactly for
// quotes) and the accuracy of the speaker / claimant / denier on matched spans.
// `--verbose` also lists the misses and false alarms of the news set.
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadSource } from '../host/services/source-files.js';
import { canonicalSpeaker } from '../shared/suggestions/names.js';
import { suggest, type Suggestion } from '../shared/suggestions/suggest.js';
import { projectRoot, sha256File, sharedRoot, type GoldAnnotation, type GoldFile } from './gold-format.js';

interface Span {
  start: number;
  end: number;
}

export interface Score {
  gold: number;
  pred: number;
  /** Matched one-to-one by overlap. */
  matched: number;
  exact: number;
  /** Matched pairs whose gold has a name, and of those, how many names agree. */
  named: number;
  namedRight: number;
  /** Denials: matched pairs whose gold denies a claim, and of those, how many link to it. */
  linked: number;
  linkedRight: number;
}

const empty = (): Score => ({ gold: 0, pred: 0, matched: 0, exact: 0, named: 0, namedRight: 0, linked: 0, linkedRight: 0 });

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Pairs of (gold index, pred index), one-to-one, the largest overlaps first. */
export function matchSpans(gold: Span[], pred: Span[]): [number, number][] {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) => pred.forEach((p, j) => {
    const o = overlap(g, p);
    if (o > 0) pairs.push([i, j, o]);
  }));
  pairs.sort((a, b) => b[2] - a[2]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: [number, number][] = [];
  for (const [i, j] of pairs) {
    if (usedG.has(i) || usedP.has(j)) continue;
    usedG.add(i);
    usedP.add(j);
    out.push([i, j]);
  }
  return out;
}

function whoOf(s: Suggestion): string {
  return s.attributes.speaker ?? s.attributes.claimant ?? s.attributes.denier ?? '';
}

type NameCheck = (pred: string, gold: string[]) => boolean;
const strictName: NameCheck = (pred, gold) => pred !== '' && gold.some((g) => canonicalSpeaker(g) === canonicalSpeaker(pred));

function add(a: Score, b: Score): void {
  for (const k of Object.keys(a) as (keyof Score)[]) a[k] += b[k];
}

interface Miss {
  kind: 'missed' | 'false alarm' | 'wrong name';
  tag: string;
  span: Span;
  detail: string;
}

function scoreTag(tag: GoldAnnotation['tag'], gold: GoldAnnotation[], pred: Suggestion[], allPred: Suggestion[], allGold: GoldAnnotation[], nameCheck: NameCheck, misses: Miss[]): Score {
  const g = gold.filter((a) => a.tag === tag);
  const p = pred.filter((s) => s.tag === tag);
  const score = empty();
  score.gold = g.length;
  score.pred = p.length;
  const pairs = matchSpans(g, p);
  score.matched = pairs.length;
  for (const [i, j] of pairs) {
    const ga = g[i]!;
    const ps = p[j]!;
    if (ga.start === ps.start && ga.end === ps.end) score.exact++;
    if (ga.who?.length) {
      score.named++;
      if (nameCheck(whoOf(ps), ga.who)) score.namedRight++;
      else misses.push({ kind: 'wrong name', tag, span: ga, detail: `gold ${ga.who[0]} / suggested ${whoOf(ps) || '(none)'} [${ps.rule}]` });
    }
    if (ga.denies) {
      score.linked++;
      const claim = allGold.find((c) => c.id === ga.denies);
      const target = allPred.find((s) => s.id === ps.links?.[0]?.target);
      if (claim && target && overlap(claim, target) > 0) score.linkedRight++;
    }
  }
  const matchedG = new Set(pairs.map(([i]) => i));
  const matchedP = new Set(pairs.map(([, j]) => j));
  g.forEach((a, i) => matchedG.has(i) || misses.push({ kind: 'missed', tag, span: a, detail: a.who?.[0] ?? '' }));
  p.forEach((s, j) => matchedP.has(j) || misses.push({ kind: 'false alarm', tag, span: s, detail: `${whoOf(s)} [${s.rule}]` }));
  return score;
}

const TAGS = ['quote', 'claim', 'denial'] as const;

async function evalNews(verbose: boolean): Promise<Record<string, Score> | null> {
  const dir = path.join(projectRoot(), 'eval', 'gold');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const total: Record<string, Score> = { quote: empty(), claim: empty(), denial: empty() };
  let sources = 0;
  for (const f of files) {
    const gold = JSON.parse(await fs.readFile(path.join(dir, f), 'utf8')) as GoldFile;
    const file = path.join(sharedRoot(), gold.source);
    if (!existsSync(file)) {
      console.log(`Skipped ${gold.source}: not found under ${sharedRoot()}.`);
      continue;
    }
    const sha = sha256File(file);
    if (sha !== gold.sha256) {
      throw new Error(`${gold.source} has changed (sha256 ${sha}, the gold labels were made on ${gold.sha256}); its labels no longer fit. Label it again or restore the file.`);
    }
    const { text } = await loadSource(file);
    const pred = suggest(text);
    const misses: Miss[] = [];
    for (const tag of TAGS) add(total[tag]!, scoreTag(tag, gold.annotations, pred, pred, gold.annotations, strictName, misses));
    sources++;
    if (verbose && misses.length) {
      const cps = Array.from(text);
      console.log(`\n${gold.source}`);
      for (const m of misses.sort((a, b) => a.span.start - b.span.start)) {
        const t = cps.slice(m.span.start, m.span.end).join('').replace(/\s+/g, ' ');
        console.log(`  ${m.kind.padEnd(11)} ${m.tag.padEnd(6)} ${String(m.span.start).padStart(5)}  ${t.length > 70 ? t.slice(0, 50) + '…' + t.slice(-18) : t}  — ${m.detail}`);
      }
    }
  }
  return sources ? total : null;
}

interface LitBankQuote {
  doc: string;
  start: number;
  end: number;
  text: string;
  speaker: string;
}

/** LitBank's speaker ids (`Jack_Durbeyfield-0`) are one name form of several; a shared name word counts. */
const litbankName: NameCheck = (pred, gold) => {
  const p = new Set(canonicalSpeaker(pred).split(' ').filter((w) => w.length > 2));
  return gold.some((g) => canonicalSpeaker(g).split(' ').some((w) => p.has(w)));
};

async function evalLitBank(): Promise<Score | null> {
  const dir = path.join(sharedRoot(), 'data', 'litbank-quotations');
  const jsonl = path.join(dir, 'quotes_charoffsets.jsonl');
  if (!existsSync(jsonl)) {
    console.log(`Skipped LitBank: ${jsonl} not found.`);
    return null;
  }
  const rows = (await fs.readFile(jsonl, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as LitBankQuote);
  const byDoc = new Map<string, LitBankQuote[]>();
  for (const r of rows) byDoc.set(r.doc, [...(byDoc.get(r.doc) ?? []), r]);
  const total = empty();
  for (const [doc, quotes] of byDoc) {
    const { text } = await loadSource(path.join(dir, 'quotations', 'tsv', `${doc}.txt`));
    const cps = Array.from(text);
    const gold: GoldAnnotation[] = [];
    for (const q of quotes) {
      if (cps.slice(q.start, q.end).join('') !== q.text) throw new Error(`LitBank ${doc} ${q.start}: the text at the offsets is not the quotation; the data changed.`);
      // LitBank spans include the marks; ours are the content inside them (docs/suggestions.md).
      let s = q.start;
      let e = q.end;
      while (s < e && /[\s“”"‘’'«»—–_-]/.test(cps[s]!)) s++;
      while (e > s && /[\s“”"‘’'«»—–_-]/.test(cps[e - 1]!)) e--;
      gold.push({ id: q.start.toString(), tag: 'quote', start: s, end: e, who: [q.speaker.replace(/-\d+$/, '').replace(/_/g, ' ')] });
    }
    const pred = suggest(text, { tags: ['quote'] });
    add(total, scoreTag('quote', gold, pred, pred, gold, litbankName, []));
  }
  return total;
}

function pct(n: number, d: number): string {
  return d ? (n / d).toFixed(2) : '—';
}

function f1(p: number, r: number): string {
  return p + r ? ((2 * p * r) / (p + r)).toFixed(2) : '—';
}

function row(set: string, what: string, s: Score, exact = false): string {
  const m = exact ? s.exact : s.matched;
  const p = s.pred ? m / s.pred : 0;
  const r = s.gold ? m / s.gold : 0;
  return `| ${set} | ${what} | ${s.gold} | ${s.pred} | ${pct(m, s.pred)} | ${pct(m, s.gold)} | ${f1(p, r)} |`;
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  if (!existsSync(path.join(sharedRoot(), 'data'))) {
    console.log(`Skipped: ${path.join(sharedRoot(), 'data')} is absent, so there is nothing to evaluate against.`);
    return;
  }
  const news = await evalNews(verbose);
  const litbank = await evalLitBank();
  const lines = ['| set | what | gold | suggested | precision | recall | F1 |', '|---|---|---|---|---|---|---|'];
  const names: string[] = ['| set | attribution | right / matched | accuracy |', '|---|---|---|---|'];
  if (news) {
    lines.push(row('news', 'direct quotes (overlap)', news.quote!), row('news', 'direct quotes (exact)', news.quote!, true));
    lines.push(row('news', 'claims (overlap)', news.claim!), row('news', 'denials (overlap)', news.denial!));
    names.push(`| news | quote speaker | ${news.quote!.namedRight} / ${news.quote!.named} | ${pct(news.quote!.namedRight, news.quote!.named)} |`);
    names.push(`| news | claimant | ${news.claim!.namedRight} / ${news.claim!.named} | ${pct(news.claim!.namedRight, news.claim!.named)} |`);
    names.push(`| news | denier | ${news.denial!.namedRight} / ${news.denial!.named} | ${pct(news.denial!.namedRight, news.denial!.named)} |`);
    names.push(`| news | denial → denied claim | ${news.denial!.linkedRight} / ${news.denial!.linked} | ${pct(news.denial!.linkedRight, news.denial!.linked)} |`);
  }
  if (litbank) {
    lines.push(row('LitBank', 'direct quotes (overlap)', litbank), row('LitBank', 'direct quotes (exact)', litbank, true));
    names.push(`| LitBank | quote speaker (a shared name word) | ${litbank.namedRight} / ${litbank.named} | ${pct(litbank.namedRight, litbank.named)} |`);
  }
  console.log('\n' + lines.join('\n') + '\n\n' + names.join('\n') + '\n');
}

main().catch((err: Error) => {
  console.error(`eval: ${err.message}`);
  process.exit(1);
});
