// `npm run bench`: runs the benchmarks, prints their tables and writes them to docs/benchmarks.md
// with a description of the machine. Benchmarks measure; they do not pass or fail.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAnchoringBench } from './anchoring-bench.js';
import { runRenderBench } from './render-bench.js';
import { runSuggestBench } from './suggest-bench.js';
import { corpusExportChild, runCorpusBench } from './corpus-bench.js';
import type { ExportFormat } from '../host/services/corpus-export.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A fixed loop, timed (best of 3): this shared machine's speed drifts by a quarter over an hour,
 * so each section records it beside its results. Lower is faster.
 */
function cpuReferenceMs(): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    let x = 0;
    for (let i = 0; i < 3e8; i++) x += i % 7;
    if (x < 0) console.log(x);
    best = Math.min(best, performance.now() - started);
  }
  return Math.round(best);
}

async function main(): Promise<void> {
  // A child of the corpus benchmark: one export, measured in a process of its own.
  if (process.argv[2] === 'corpus-export') return corpusExportChild(process.argv[3]!, process.argv[4] as ExportFormat, process.argv[5]!);
  const only = process.argv[2];
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; CPU reference ${cpuReferenceMs()} ms`;
  const file = path.join(ROOT, 'docs', 'benchmarks.md');
  const previous = await fs.readFile(file, 'utf8').catch(() => '');
  // Each part keeps its own marked section, so running one part leaves the other's last results.
  const section = (part: string) => new RegExp(`<!-- bench:${part} -->[\\s\\S]*?<!-- /bench:${part} -->`).exec(previous)?.[0] ?? '';
  const sections: Record<string, string> = { anchoring: section('anchoring'), render: section('render'), suggest: section('suggest'), corpus: section('corpus') };
  const parts: [string, string, () => Promise<string>][] = [
    ['anchoring', 'Running the anchoring benchmark (the baseline takes a while)…', runAnchoringBench],
    ['render', 'Running the render benchmark in Chromium (@recogito/text-annotator takes a while)…', () => runRenderBench(ROOT)],
    ['suggest', 'Running the suggestion engine on 2 MB…', () => runSuggestBench(ROOT)],
    ['corpus', 'Running the corpus benchmark (10,000 articles; the first run generates them)…', () => runCorpusBench(fileURLToPath(import.meta.url))],
  ];
  for (const [part, message, run] of parts) {
    if (only && only !== part) continue;
    console.log(message);
    const table = await run();
    console.log('\n' + table + '\n');
    sections[part] = `<!-- bench:${part} -->\n_Measured ${new Date().toISOString().slice(0, 10)} on ${machine}._\n\n${table}\n<!-- /bench:${part} -->`;
  }
  const doc = ['# Benchmarks', '', 'Measured by `npm run bench` (or one part: `npm run bench anchoring|render|suggest|corpus`). Timings drift between runs on a shared machine (each section gives a CPU reference: a fixed loop\'s time, lower is faster); compare rows of one run.', '', sections.anchoring, '', sections.render, '', sections.suggest, '', sections.corpus, ''].join('\n');
  await fs.writeFile(file, doc);
  console.log('Written to docs/benchmarks.md');
}

void main();
