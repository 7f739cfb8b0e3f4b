// Where the Electron binary is, if it is installed — found without triggering Electron's
// first-run download (which `require('electron')` would start). Used by `npm start` and the
// Electron end-to-end spec.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The electron package's folder. */
export function electronPackageDir() {
  return path.dirname(require.resolve('electron/package.json'));
}

/** Absolute path of the installed Electron binary, or null. */
export function installedElectronBinary() {
  try {
    const pkg = electronPackageDir();
    const pathFile = path.join(pkg, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
