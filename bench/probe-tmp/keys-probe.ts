import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { makeLongArticle } from '../long-article.js';
import { measureKeys, measureOpen, startHostProcess } from '../render-bench.js';

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function main() {
  const root = '/work/main';
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-keys-'));
  await makeLongArticle(dir);
  const host = await startHostProcess(root, dir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const o = await measureOpen(page, host.url);
  console.log('open', o.openMs.toFixed(0));
  const cdp = await page.context().newCDPSession(page);
  const trace = process.argv[2] === 'trace';
  const prof = process.argv[2] === 'prof';
  const events: any[] = [];
  if (trace) {
    cdp.on('Tracing.dataCollected', (d: any) => events.push(...d.value));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,v8.execute', transferMode: 'ReportEvents' } as any);
  }
  if (prof) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start'); }
  const k = await measureKeys(page);
  if (prof) { const { profile } = await cdp.send('Profiler.stop'); await fs.writeFile('/tmp/probe/keys.cpuprofile', JSON.stringify(profile)); }
  if (trace) {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    await fs.writeFile('/tmp/probe/keys-trace.json', JSON.stringify(events));
  }
  console.log('tag', k.tag.map((x) => x.toFixed(0)).join(' '), '\ndel', k.del.map((x) => x.toFixed(0)).join(' '), '\nwork', [...k.tagWork].map((x) => x.toFixed(0)).join(' '));
  console.log('tag p95', p95(k.tag).toFixed(1), 'med', med(k.tag).toFixed(1), '| del p95', p95(k.del).toFixed(1), 'med', med(k.del).toFixed(1), '| processing p95', p95(k.processing).toFixed(1), 'med', med(k.processing).toFixed(1), '| work p95', p95([...k.tagWork, ...k.delWork]).toFixed(1), 'med', med([...k.tagWork, ...k.delWork]).toFixed(1));
  await browser.close();
  host.child.kill();
  await fs.rm(dir, { recursive: true, force: true });
}
main();
