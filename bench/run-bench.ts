// `npm run bench`: runs the benchmarks, prints their tables and writes them to docs/benchmarks.md
// with a description of the machine. Benchmarks measure; they do not pass or fail.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAnchoringBench } from './anchoring-bench.js';
import { runRenderBench } from './render-bench.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const only = process.argv[2];
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const sections: string[] = [];
  if (!only || only === 'anchoring') {
    console.log('Running the anchoring benchmark (the baseline takes a while)…');
    const table = await runAnchoringBench();
    console.log('\n' + table + '\n');
    sections.push(table);
  }
  if (!only || only === 'render') {
    console.log('Running the render benchmark in Chromium (@recogito/text-annotator takes a while)…');
    const table = await runRenderBench(ROOT);
    console.log('\n' + table + '\n');
    sections.push(table);
  }
  const doc = ['# Benchmarks', '', `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.`, 'Timings drift between runs on a shared machine; compare rows of one run.', '', ...sections, ''].join('\n');
  await fs.writeFile(path.join(ROOT, 'docs', 'benchmarks.md'), doc);
  console.log('Written to docs/benchmarks.md');
}

void main();
