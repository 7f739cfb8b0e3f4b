// `npm run eval`: bundles the evaluation (eval/run-eval.ts) with esbuild and runs it; it prints
// precision, recall and F1 of the suggestion engine against the gold labels (docs/suggestions.md).
// `node scripts/eval.mjs make-gold <passages.txt>…` turns a labeller's passage file into gold offsets;
// `node scripts/eval.mjs bench` times the engine on 2 MB.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// `bench` runs the suggestion benchmark alone (bench/suggest-bench.ts), without building the app.
const entries = { 'make-gold': 'eval/make-gold.ts', bench: 'bench/suggest-bench.ts', 'run-eval': 'eval/run-eval.ts' };
const entry = args[0] in entries && args[0] !== 'run-eval' ? args.shift() : 'run-eval';
const outfile = path.join(root, 'dist', 'eval', `${entry}.mjs`);
await build({ entryPoints: [path.join(root, entries[entry])], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning', absWorkingDir: root });
const run = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
