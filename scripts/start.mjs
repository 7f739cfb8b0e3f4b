// `npm start [-- folder|file]`: runs Gloss in Electron. Electron downloads its binary on first
// use; where that is impossible (no network, a locked-down machine) this says so in one line and
// points to the browser host instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function installedBinary() {
  const pkg = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

let binary = installedBinary();
if (!binary) {
  // First run: let Electron fetch its binary (bounded, quiet).
  const pkg = path.dirname(require.resolve('electron/package.json'));
  spawnSync(process.execPath, [path.join(pkg, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  binary = installedBinary();
}
if (!binary) {
  console.error('Gloss: the Electron binary is not available on this machine (it could not be downloaded). Run `npm run web` to use Gloss in your browser instead.');
  process.exit(1);
}

const child = spawn(binary, [path.join(root, 'dist', 'electron', 'main.cjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
