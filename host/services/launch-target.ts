// What a host opens at launch: the folder or file named on the command line, or else the bundled
// sample folder. The samples are copied to the user's data folder first, so annotating them never
// writes into the app's own files.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LaunchTarget {
  what: 'folder' | 'file';
  path: string;
}

/** Where per-user Gloss data lives on this platform. */
export function userDataDir(): string {
  if (process.env.GLOSS_DATA_DIR) return process.env.GLOSS_DATA_DIR;
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Gloss');
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Gloss');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'gloss');
}

/** Copy the bundled samples to the user's data folder (files already there are kept as they are). */
export async function ensureSampleFolder(bundledDir: string): Promise<string> {
  const target = path.join(userDataDir(), 'Sample articles');
  await fs.mkdir(target, { recursive: true });
  for (const name of await fs.readdir(bundledDir)) {
    const dest = path.join(target, name);
    try {
      await fs.copyFile(path.join(bundledDir, name), dest, fs.constants.COPYFILE_EXCL);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return target;
}

/** The target named by a command-line argument, or the sample folder when there is none. */
export async function resolveLaunchTarget(arg: string | undefined, bundledSamples: string): Promise<LaunchTarget> {
  if (!arg) return { what: 'folder', path: await ensureSampleFolder(bundledSamples) };
  const abs = path.resolve(arg);
  const stat = await fs.stat(abs).catch(() => null);
  if (!stat) throw new Error(`${arg} does not exist.`);
  return { what: stat.isDirectory() ? 'folder' : 'file', path: abs };
}
