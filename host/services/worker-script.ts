// Where the built export worker script is (dist/host/export-worker.mjs), for the export runner
// and for an export's file-writing thread; null when running the TypeScript sources (unit tests).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built worker script: dist/host/export-worker.mjs, beside the other bundles' folders. */
export function exportWorkerScript(): string | null {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const script = path.resolve(path.dirname(here), '..', 'host', 'export-worker.mjs');
  // Packaged, it is unpacked beside the app's asar archive (electron-builder.yml: asarUnpack).
  const unpacked = script.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  if (unpacked !== script && existsSync(unpacked)) return unpacked;
  return existsSync(script) ? script : null;
}
