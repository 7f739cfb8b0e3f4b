// Builds everything the hosts run: the renderer (Vite) and the Node/Electron entry points
// (esbuild). `--if-needed` skips the build when nothing changed since the last one.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const SOURCES = ['shared', 'host', 'electron', 'renderer', 'package.json', 'vite.config.ts', 'scripts/build.mjs'];

async function newestSourceTime() {
  let newest = 0;
  const visit = async (p) => {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat) return;
    if (stat.isDirectory()) for (const name of await fs.readdir(p)) await visit(path.join(p, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const s of SOURCES) await visit(path.join(root, s));
  return newest;
}

if (process.argv.includes('--if-needed')) {
  const built = await fs.stat(stamp).then((s) => s.mtimeMs).catch(() => 0);
  if (built > (await newestSourceTime())) process.exit(0);
}

const started = Date.now();
await viteBuild({ configFile: path.join(root, 'vite.config.ts') });
// Chunk names carry hashes: clear old ones.
await fs.rm(path.join(root, 'dist', 'chunks'), { recursive: true, force: true });
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
await Promise.all([
  // The Node entries (browser host, export worker, command line) share chunks, and what they load
  // only when needed (the extractors, with jsdom, mammoth and pdf.js) stays in chunks of its own:
  // without splitting, esbuild hoists those imports and every start would load jsdom. Exports run
  // in a worker thread of whichever host started them (host/services/export-runner.ts).
  esbuild({
    ...common,
    entryPoints: [
      { in: 'host/web/web-cli.ts', out: 'host/web-cli' },
      { in: 'host/services/export-worker.ts', out: 'host/export-worker' },
      { in: 'host/cli/gloss-cli.ts', out: 'cli/gloss' },
    ],
    outdir: 'dist',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    format: 'esm',
    packages: 'external',
    // For `gloss` (npm's bin); harmless at the top of the other modules.
    banner: { js: '#!/usr/bin/env node' },
  }),
  // The PDF extractor reads import.meta.url only where `require` is missing (ESM); in this CommonJS bundle it uses require.resolve.
  esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', packages: 'external', logOverride: { 'empty-import-meta': 'silent' } }),
  // A sandboxed preload cannot require packages: bundle it whole, electron aside.
  esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
]);
await fs.writeFile(stamp, new Date().toISOString());
console.log(`Gloss built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
