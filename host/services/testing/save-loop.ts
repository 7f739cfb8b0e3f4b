// Test seam for the crash test: saves the sidecar of `<folder>/a.txt` over and over, cycling
// through states 1..N (state k holds k annotations), until it is killed.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createAnnotation } from '../../../shared/annotations.js';
import { CodePointText } from '../../../shared/code-points.js';
import { buildSidecar } from '../../../shared/sidecar-format.js';
import { DEFAULT_TAGS } from '../../../shared/tags.js';
import { loadSource } from '../source-files.js';
import { writeSidecar } from '../sidecar-files.js';

const [folder, statesArg] = process.argv.slice(2);
const source = path.join(folder!, 'a.txt');
const states = Number(statesArg);

async function main(): Promise<void> {
  const { text, fingerprint } = await loadSource(source);
  const cp = new CodePointText(text);
  const all = Array.from({ length: states }, (_, i) =>
    createAnnotation(cp, { tag: 'claim', start: i * 10, end: i * 10 + 8, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, now: new Date(0) }),
  );
  process.stdout.write('ready\n');
  for (let round = 0; ; round++) {
    const k = (round % states) + 1;
    await writeSidecar(source, buildSidecar(fingerprint, DEFAULT_TAGS, all.slice(0, k)));
    await fs.appendFile(path.join(folder!, 'progress.log'), `${k}\n`).catch(() => {});
  }
}

void main();
