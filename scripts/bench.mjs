// `npm run bench [part]`: bundles the TypeScript benchmarks with esbuild and runs them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist', 'bench', 'run-bench.cjs');
// The render part drives the built app.
spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-needed'], { stdio: 'inherit' });
await build({ entryPoints: [path.join(root, 'bench', 'run-bench.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', external: ['playwright-core', 'esbuild', 'chromium-bidi', 'jsdom', 'pdfjs-dist', 'mammoth', '@mozilla/readability', 'jszip'], define: { 'import.meta.url': 'importMetaUrl' }, banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" } });
const run = spawnSync(process.execPath, ['--max-old-space-size=4096', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
