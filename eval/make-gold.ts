// Turns a labeller's passage file into a gold file of offsets. The passage file is written while
// reading a source and is NOT kept in the project (it quotes the text); only the offsets, tags and
// names it yields are (eval/gold/*.json).
//
//   node scripts/eval.mjs make-gold <passages.txt> [more.txt …]
//
// Passage file, one label a line, in text order (`#` starts a comment):
//   file data/brown-press/text/ca01.txt
//   Q <first words of the quote's content> | speaker [/ other name of the same speaker]
//   C[:id] <first words> … <last words> | claimant
//   D <first words> … <last words> | denier | <id of the claim it denies>
// A quote's span is the content from its first words to the closing mark; a quotation left open
// at the end of a paragraph ends there, unless the next paragraph reopens it (docs/suggestions.md).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CodePointText } from '../shared/code-points.js';
import { loadSource } from '../host/services/source-files.js';
import { projectRoot, sharedRoot, type GoldAnnotation, type GoldFile } from './gold-format.js';

const CLOSERS = /[”"»]/;

function quoteEnd(text: string, from: number): number {
  let i = from;
  for (;;) {
    if (i >= text.length) return trimEnd(text, text.length);
    const ch = text[i]!;
    if (CLOSERS.test(ch)) return trimEnd(text, i);
    if (ch === '\n' && /^\n[ \t\r]*\n/.test(text.slice(i, i + 8))) {
      // End of paragraph: continued only if the next paragraph opens with a mark.
      let k = i;
      while (k < text.length && /\s/.test(text[k]!)) k++;
      if (/[“"«]/.test(text[k] ?? '')) {
        i = k + 1;
        continue;
      }
      return trimEnd(text, i);
    }
    i++;
  }
}

function trimEnd(text: string, e: number): number {
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function find(text: string, needle: string, cursor: number, line: string): number {
  let at = text.indexOf(needle, cursor);
  if (at < 0) at = text.indexOf(needle);
  if (at < 0) throw new Error(`not found: "${needle}" (line: ${line})`);
  return at;
}

async function convert(file: string): Promise<void> {
  const lines = (await fs.readFile(file, 'utf8')).split('\n');
  let gold: GoldFile | null = null;
  let text = '';
  let cp: CodePointText | null = null;
  let cursor = 0;
  const counts = { quote: 0, claim: 0, denial: 0 };
  const flush = async () => {
    if (!gold) return;
    const out = path.join(projectRoot(), 'eval', 'gold', `${path.basename(gold.source).replace(/\.[^.]+$/, '')}.json`);
    await fs.writeFile(out, JSON.stringify(gold, null, 2) + '\n');
    console.log(`${gold.source}: ${gold.annotations.length} labels → ${path.relative(process.cwd(), out)}`);
  };
  for (const raw of lines) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('file ')) {
      await flush();
      const source = line.slice(5).trim();
      const loaded = await loadSource(path.join(sharedRoot(), source));
      text = loaded.text;
      cp = new CodePointText(text);
      cursor = 0;
      counts.quote = counts.claim = counts.denial = 0;
      gold = { source, sha256: loaded.fingerprint.sha256, annotations: [] };
      continue;
    }
    if (!gold || !cp) throw new Error('a label before any "file" line');
    const m = /^([QCD])(?::(\S+))?\s+(.+?)\s*(?:\|\s*(.*?))?\s*(?:\|\s*(\S+))?$/.exec(line);
    if (!m) throw new Error(`cannot read: ${line}`);
    const [, kind, id, passage, who, denies] = m;
    const tag = kind === 'Q' ? 'quote' : kind === 'C' ? 'claim' : 'denial';
    let start: number;
    let end: number;
    if (tag === 'quote') {
      start = find(text, passage!, cursor, line);
      end = quoteEnd(text, start);
    } else {
      const [first, last] = passage!.split(/\s*…\s*/);
      start = find(text, first!, cursor, line);
      const lastAt = last ? text.indexOf(last, start) : start;
      if (lastAt < 0) throw new Error(`end not found: "${last}" (line: ${line})`);
      end = lastAt + (last ?? first!).length;
    }
    cursor = start;
    counts[tag]++;
    const a: GoldAnnotation = { id: id ?? `${tag[0]}${counts[tag]}`, tag, start: cp.toCodePoint(start), end: cp.toCodePoint(end) };
    if (who) a.who = who.split(/\s*\/\s*/).filter(Boolean);
    if (denies) a.denies = denies;
    gold.annotations.push(a);
  }
  await flush();
}

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (!files.length) throw new Error('usage: node scripts/eval.mjs make-gold <passages.txt> …');
  for (const f of files) await convert(f);
}

main().catch((err: Error) => {
  console.error(`make-gold: ${err.message}`);
  process.exit(1);
});
