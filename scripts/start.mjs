// `npm start [-- folder|file]`: runs Gloss in Electron. Electron downloads its binary on first
// use; where that is impossible (no network, a locked-down machine) this says so in one line and
// points to the browser host instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, installedElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let binary = installedElectronBinary();
if (!binary) {
  // First run: let Electron fetch its binary (bounded, quiet).
  spawnSync(process.execPath, [path.join(electronPackageDir(), 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  binary = installedElectronBinary();
}
if (!binary) {
  console.error('Gloss: the Electron binary is not available on this machine (it could not be downloaded). Run `npm run web` to use Gloss in your browser instead.');
  process.exit(1);
}

const child = spawn(binary, [path.join(root, 'dist', 'electron', 'main.cjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
