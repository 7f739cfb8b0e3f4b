// `npm run web -- [folder|file] [--port N]`: starts the browser host and prints its address.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GlossServices } from '../services/gloss-services.js';
import { resolveLaunchTarget } from '../services/launch-target.js';
import { startWebHost } from './web-host.js';

const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VERSION = process.env.npm_package_version ?? '0.1.0';

function parseArgs(argv: string[]): { target?: string; port: number } {
  let target: string | undefined;
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--port') port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) port = Number(arg.slice(7));
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm run web -- [folder or file] [--port N]\nStarts Gloss in your browser on 127.0.0.1; without a folder it opens the sample articles.');
      process.exit(0);
    } else if (!arg.startsWith('--')) target = arg;
    else {
      console.error(`Unknown option ${arg}. Usage: npm run web -- [folder or file] [--port N]`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('--port takes a number from 0 to 65535.');
    process.exit(2);
  }
  return { target, port };
}

async function main(): Promise<void> {
  const { target, port } = parseArgs(process.argv.slice(2));
  const services = new GlossServices({ kind: 'web', version: VERSION, uiMayNamePaths: true });
  let launch;
  try {
    launch = await resolveLaunchTarget(target, path.join(APP_ROOT, 'samples'));
    await services.open(launch.what, launch.path);
  } catch (err) {
    console.error(`Gloss could not open ${target ?? 'the sample folder'}: ${(err as Error).message}`);
    process.exit(1);
  }
  const host = await startWebHost({ services, rendererDir: path.join(APP_ROOT, 'dist', 'renderer'), port });
  console.log(`Gloss is open on ${launch.path}`);
  console.log(`Gloss is running at ${host.url}`);
  console.log('Open that address in your browser (it holds this launch\'s access token). Ctrl+C stops Gloss.');
  const stop = () => Promise.all([host.close(), services.close()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
