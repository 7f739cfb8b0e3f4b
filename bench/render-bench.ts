// Benchmark: a 2 MB article with 10,000 annotations in Chromium. Opening (from the open command to
// highlights painted), tagging and untagging in the middle, scrolling through, memory — read from
// the app's own performance marks — and, side by side, the same spans in @recogito/text-annotator.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { sidecarPathFor } from '../shared/sidecar-format.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { generateSpans } from './generate.js';
import { LONG_ARTICLE, makeLongArticle } from './long-article.js';
import { formatTable, median } from './report.js';
import { LANDING_MS } from '../renderer/reader/scroll-flight.js';

const TEXT_BYTES = 2 * 1024 * 1024;
const ANNOTATIONS = 10_000;
const RUNS = 5;
const KEY_ROUNDS = 12;
const RECOGITO_RUNS = 3;
/** A settled open's pause after the app is idle: shorter than any user's reach for the mouse. */
const SETTLE_MS = 500;
/** Pause after starting Chromium's trace, whose service process starts up meanwhile. */
const TRACING_SETTLE_MS = 1000;
/** How long a key is held down: typists hold keys for 70–120 ms. */
const KEY_HOLD_MS = 80;

/** How a round of keys is paced (ms): before the bench selects a passage, after it, after each key's release. */
interface KeyPace {
  beforeSelection: number;
  afterSelection: number;
  afterKey: number;
}
/** The bench's quick pace: the tag key 60 ms after its own selection and scrolling, whose frames may not have ended. */
const QUICK_PACE: KeyPace = { beforeSelection: 0, afterSelection: 60, afterKey: 60 };
/**
 * A person's pace, from the keystroke-level model (Card, Moran and Newell, 1980): 0.4 s to move
 * the hand from the mouse to the keyboard after selecting, 0.2 s from one key to the next for an
 * average skilled typist; and 0.6 s before selecting, less than pointing at a passage takes in the
 * model (1.1 s), so that the previous change's autosave, 400 ms after it, runs as it would while a
 * person selects.
 */
const PERSON_PACE: KeyPace = { beforeSelection: 600, afterSelection: 400, afterKey: 200 };
const CHROMIUM = process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'];

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const ms = (xs: readonly number[]) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

/** Resident memory of the largest renderer process under the browser, in MB (Linux /proc). */
export function rendererRssMb(browserPid: number | undefined): number | null {
  if (!browserPid || process.platform !== 'linux') return null;
  try {
    // Renderers are grandchildren (via the zygote): collect all descendants.
    const pids: string[] = [];
    const queue = [String(browserPid)];
    while (queue.length) {
      const parent = queue.shift()!;
      let children: string[] = [];
      try {
        children = execFileSync('pgrep', ['-P', parent]).toString().trim().split('\n').filter(Boolean);
      } catch {
        children = [];
      }
      pids.push(...children);
      queue.push(...children);
    }
    let max = 0;
    for (const pid of pids) {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) max = Math.max(max, Number(rss[1]) / 1024);
    }
    return max || null;
  } catch {
    return null;
  }
}

/**
 * Open the long article from the folder list and wait for its highlights to be painted.
 * `settled`: click as a user would, once the app has started (the folder list has its counts and
 * the page has had an idle moment); otherwise click the moment the file's button appears, while
 * the page, the host and the browser are still starting up and share the machine's cores.
 */
export async function measureOpen(page: Page, url: string, settled = true): Promise<{ openMs: number; highlights: number }> {
  await page.goto(url);
  const button = page.getByRole('button', { name: /long-article\.txt/ });
  await button.waitFor();
  if (settled) {
    await page.waitForFunction(() => document.querySelector('.file-counts') !== null && document.querySelector('.file-counts.pending') === null, null, { timeout: 60_000 });
    await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })));
    await page.waitForTimeout(SETTLE_MS);
  }
  await button.click();
  await page.waitForFunction(() => performance.getEntriesByName('gloss:open-to-painted').length > 0, null, { timeout: 60_000 });
  return page.evaluate(() => ({
    openMs: performance.getEntriesByName('gloss:open-to-painted')[0]!.duration,
    highlights: new Set([...document.querySelectorAll('.reader-doc [data-ann-id]')].map((e) => e.getAttribute('data-ann-id'))).size,
  }));
}

/** Tag a passage in the middle of the document with the keyboard, then delete it; the app measures each key. */
/** A Chrome trace event (the fields read here). */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread time: how long the thread actually ran (recorded with devtools.timeline). */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string } };
}

/** The complete events of the page's main thread (the thread that dispatched the most DOM events), in time order. */
function pageMainThread(events: TraceEvent[]): TraceEvent[] {
  const dispatches = new Map<string, number>();
  for (const e of events) if (e.name === 'EventDispatch') dispatches.set(`${e.pid}:${e.tid}`, (dispatches.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...dispatches].sort((a, b) => b[1] - a[1])[0]?.[0];
  return events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
}

/**
 * Key press → frame painted, read from the browser's own trace: from the start of each keydown's
 * dispatch to the end of the first Paint after it, on the renderer's main thread. The app's
 * in-page probe (perf-marks.ts) can only stamp "painted" when a message posted after the frame
 * is delivered, behind any task queued before it (the list's deferred rendering), which the trace
 * does not count. Keydowns alternate tag ('1') and delete.
 *
 * `…Busy`: of that time, how long the main thread was working (the app's handlers, style, layout,
 * paint) rather than idle. The busy time is what the app's own code decides. The rest is a wait
 * for a frame: a compositor that was idle starts one at once (the key floor, a page that only
 * gives one word a class: median 2–5 ms), but one that has just drawn the current 16.7 ms interval's
 * frame waits for the display's next tick (traces of the app's slow keys: 4–6 ms of work, then
 * 13–19 ms idle, then the frame).
 *
 * `…Cpu`: of the busy time, how long the main thread actually ran (the trace's thread time). On a
 * machine whose two cores are shared with the host, the browser's other processes and the
 * benchmark's driver, the operating system sometimes runs another process in the middle of a
 * key's work; the difference is that wait.
 */
function keyToPaintFromTrace(events: TraceEvent[]): { tag: number[]; del: number[]; tagBusy: number[]; delBusy: number[]; cpu: number[] } {
  const onMain = pageMainThread(events);
  // Key presses only: a keydown dispatched from script (the app's key rehearsal) runs inside a
  // function call or a microtask, a pressed key's straight from the input queue.
  const scripts = onMain.filter((e) => ['FunctionCall', 'RunMicrotasks', 'FireIdleCallback', 'TimerFire'].includes(e.name));
  const keydowns = onMain.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown' && !scripts.some((f) => f.ts <= e.ts && e.ts + e.dur! <= f.ts + f.dur!));
  if (keydowns.length !== 2 * KEY_ROUNDS) throw new Error(`the trace holds ${keydowns.length} pressed keys, not the ${2 * KEY_ROUNDS} the benchmark pressed`);
  const tag: number[] = [];
  const del: number[] = [];
  const tagBusy: number[] = [];
  const delBusy: number[] = [];
  const cpu: number[] = [];
  keydowns.forEach((key, i) => {
    const paint = onMain.find((e) => e.name === 'Paint' && e.ts >= key.ts + key.dur!);
    if (!paint) return;
    const end = paint.ts + paint.dur!;
    (i % 2 === 0 ? tag : del).push((end - key.ts) / 1000);
    // The union of the main thread's events within [keydown, paint end] (nested events lie inside their parents).
    let busy = 0;
    let covered = key.ts;
    for (const e of onMain) {
      if (e.ts >= end) break;
      const from = Math.max(e.ts, covered);
      const to = Math.min(e.ts + e.dur!, end);
      if (to > from) {
        busy += to - from;
        covered = to;
      }
    }
    (i % 2 === 0 ? tagBusy : delBusy).push(busy / 1000);
    // Thread time of the outermost events within the window (a part of one cut by the window's
    // end counts in proportion).
    let ran = 0;
    let outerEnd = key.ts;
    for (const e of onMain) {
      if (e.ts < key.ts || e.ts < outerEnd) continue;
      if (e.ts >= end) break;
      outerEnd = e.ts + e.dur!;
      ran += (e.tdur ?? e.dur!) * (e.dur! > 0 ? (Math.min(outerEnd, end) - e.ts) / e.dur! : 1);
    }
    cpu.push(ran / 1000);
  });
  return { tag, del, tagBusy, delBusy, cpu };
}

/**
 * Press and release a key as a person does: held for KEY_HOLD_MS. (Playwright's `press` releases
 * at once, so the key-up's handling, in the browser and on the page's main thread, fell inside
 * the key-down's frame, which a person's key-up never does.)
 */
async function typeKey(page: Page, key: string, afterKey = QUICK_PACE.afterKey): Promise<void> {
  await page.keyboard.down(key);
  await page.waitForTimeout(KEY_HOLD_MS);
  await page.keyboard.up(key);
  await page.waitForTimeout(afterKey);
}

/**
 * Run `action` under Chromium's trace and return the trace's events. The trace stays in the
 * browser until the end (a stream read afterwards), so that sending it does not take CPU from
 * what is measured; tracing starts a service process of its own, given time to settle first.
 */
async function traced<T>(page: Page, categories: string, action: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories, transferMode: 'ReturnAsStream' });
  await page.waitForTimeout(TRACING_SETTLE_MS);
  const result = await action();
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const handle = await complete;
  let json = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
    json += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  await cdp.detach();
  const parsed = JSON.parse(json) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return { result, events: Array.isArray(parsed) ? parsed : parsed.traceEvents };
}

/**
 * Scroll a block in the middle of the document to the centre and select its first 12 characters,
 * as the analyst's mouse would: a different block each round, 7 blocks on from the last.
 */
async function selectPassage(page: Page, round: number): Promise<void> {
  await page.evaluate((r) => {
    const blocks = document.querySelectorAll('.reader-doc .gloss-block');
    const block = blocks[Math.floor(blocks.length / 2) + r * 7]!;
    block.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode() as Text;
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, Math.min(node.data.length, 12));
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, round);
}

/**
 * KEY_ROUNDS rounds of the tag key and then the delete key at `pace`, each round on a passage it
 * selects first (`select`; the key floor's page has nothing to select and only waits).
 */
async function pressKeyRounds(page: Page, pace: KeyPace, select = true): Promise<void> {
  for (let round = 0; round < KEY_ROUNDS; round++) {
    if (pace.beforeSelection) await page.waitForTimeout(pace.beforeSelection);
    if (select) await selectPassage(page, round);
    await page.waitForTimeout(pace.afterSelection); // at least long enough for ProseMirror to read the selection
    await typeKey(page, '1', pace.afterKey);
    await typeKey(page, 'Delete', pace.afterKey);
  }
}

export async function measureKeys(page: Page, pace: KeyPace = QUICK_PACE): Promise<{ tag: number[]; del: number[]; tagWork: number[]; delWork: number[]; processing: number[]; traceTag: number[]; traceDel: number[]; busyTag: number[]; busyDel: number[]; busyCpu: number[] }> {
  // The app rehearses the keys in idle time after opening (key-rehearsal.ts): its untrusted key
  // events would be counted with the pressed ones if they overlapped, and a person reaches for
  // the keyboard later than the benchmark does.
  await page.waitForFunction(() => performance.getEntriesByName('gloss:keys-rehearsed').length > 0, null, { timeout: 30_000 });
  const { events } = await traced(page, 'devtools.timeline', () => pressKeyRounds(page, pace));
  const fromTrace = keyToPaintFromTrace(events);
  const probe = await page.evaluate(() => {
    const d = (name: string) => performance.getEntriesByName(name).map((e) => e.duration);
    return {
      tag: d('gloss:key-to-paint:tag'),
      del: d('gloss:key-to-paint:delete'),
      tagWork: d('gloss:key-work:tag'),
      delWork: d('gloss:key-work:delete'),
      processing: [...d('gloss:key-processing:tag'), ...d('gloss:key-processing:delete')],
    };
  });
  return { ...probe, traceTag: fromTrace.tag, traceDel: fromTrace.del, busyTag: fromTrace.tagBusy, busyDel: fromTrace.delBusy, busyCpu: fromTrace.cpu };
}

/**
 * The floor of key → painted: the same keys, held as long and timed from the same trace, on a page
 * whose only work is to give one word a class (tag) and take it away (delete). What is left is the
 * browser's own: the wait for a frame (none when its compositor was idle, up to 16.7 ms when it had
 * just drawn one) and one word's style, layout and paint.
 */
async function keyFloor(browser: Browser): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  try {
    const page = await context.newPage();
    await page.setContent(`<!doctype html><html><head><style>.hl { background: #fde68a; text-decoration: underline 2px #d97706; }</style></head>
      <body><p style="font: 17px Georgia; max-width: 46em; margin: 40px auto"><span id="word">Within</span> that day in man area found of by as know school a itself history did here been into was came.</p>
      <script>addEventListener('keydown', (e) => { if (e.key === '1') word.className = 'hl'; if (e.key === 'Delete') word.className = ''; });</script></body></html>`);
    await page.waitForTimeout(500);
    const { events } = await traced(page, 'devtools.timeline', () => pressKeyRounds(page, QUICK_PACE, false));
    const { tag, del } = keyToPaintFromTrace(events);
    return [...tag, ...del];
  } finally {
    await context.close();
  }
}

export async function measureScrolling(page: Page): Promise<{ count: number; max: number; steps: number }> {
  return page.evaluate(async () => {
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    const reader = document.querySelector('.reader') as HTMLElement;
    reader.scrollTop = 0;
    const steps = 120;
    // The document's height grows as sections are laid out for the first time (unseen ones count
    // at an estimated height), so each step is a share of the height as it is then: the last
    // step goes to the end (again, if the last sections laid out made the document longer).
    const atEnd = () => reader.scrollTop + reader.clientHeight >= reader.scrollHeight - 2;
    let done = 0;
    while (done < steps || (!atEnd() && done < steps + 10)) {
      done++;
      reader.scrollTop = (Math.min(done, steps) / steps) * (reader.scrollHeight - reader.clientHeight);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 16)));
    }
    const reachedEnd = atEnd();
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    return { count: tasks.filter((t) => t > 50).length, max: tasks.length ? Math.max(...tasks) : 0, steps: done, reachedEnd };
  }).then((result) => {
    if (!result.reachedEnd) throw new Error('scrolling stopped short of the end of the document');
    return result;
  });
}

/**
 * The view flies past while the scroll bar is dragged (more than a screen a frame) and the reader
 * draws no highlights on the way (scroll-flight.ts): from the last step of a drag to the highlights
 * of the section in view painted, where the drag stops. Several short drags through the middle
 * of the document, each step 1/120 of it, as measureScrolling's.
 */
export async function measureLanding(page: Page, drags = 3): Promise<number[]> {
  return page.evaluate(async (drags) => {
    const reader = document.querySelector('.reader') as HTMLElement;
    const box = reader.getBoundingClientRect();
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const highlightedInView = () => document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('.gloss-section')?.querySelector('[data-ann-id]') != null;
    const times: number[] = [];
    for (let drag = 0; drag < drags; drag++) {
      const from = (0.2 + (0.6 * drag) / drags) * reader.scrollHeight;
      for (let step = 0; step < 8; step++) {
        reader.scrollTop = from + (step / 120) * reader.scrollHeight;
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 16)));
      }
      const stopped = performance.now();
      reader.scrollTop = from + (8 / 120) * reader.scrollHeight;
      // Seen in a frame's callback, the highlights are painted by that frame: a task after it.
      while (!highlightedInView() && performance.now() - stopped < 5000) await frame();
      await new Promise((r) => setTimeout(r, 0));
      times.push(performance.now() - stopped);
      await new Promise((r) => setTimeout(r, 500));
    }
    return times;
  }, drags);
}

/**
 * Scrolling just under a screen a frame (a fast wheel or trackpad, a held key): the view never
 * flies, so every section is drawn as it comes near. Long tasks over the middle fifth of the
 * document, one step a frame.
 */
export async function measureNearlyFlying(page: Page): Promise<{ count: number; max: number; steps: number }> {
  return page.evaluate(async () => {
    const reader = document.querySelector('.reader') as HTMLElement;
    reader.scrollTop = reader.scrollHeight * 0.4;
    await new Promise((r) => setTimeout(r, 500));
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    const end = reader.scrollHeight * 0.6;
    let steps = 0;
    while (reader.scrollTop < end) {
      reader.scrollTop += reader.clientHeight * 0.9;
      steps++;
      await new Promise((r) => requestAnimationFrame(r));
    }
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    return { count: tasks.filter((t) => t > 50).length, max: tasks.length ? Math.max(...tasks) : 0, steps };
  });
}

/**
 * A scroll-through like measureScrolling's, under the trace: how many of the main thread's tasks
 * took over 50 ms, and how many of those the main thread actually ran for over 50 ms (thread
 * time). On two cores shared with the browser's other processes, the host and the driver, a task
 * can last twice its running time while the operating system runs something else.
 */
async function scrollingThreadTime(page: Page): Promise<{ over50: number; ranOver50: number; longestRan: number }> {
  const { events } = await traced(page, 'toplevel,devtools.timeline', () => measureScrolling(page));
  const tasks = pageMainThread(events).filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const long = tasks.filter((t) => t.dur! > 50_000);
  return { over50: long.length, ranOver50: long.filter((t) => (t.tdur ?? t.dur!) > 50_000).length, longestRan: Math.max(0, ...tasks.map((t) => (t.tdur ?? t.dur!) / 1000)) };
}

/** The reader's DOM and styles as they are after opening, without highlights or script: the scrolling floor's page. */
interface ReaderSnapshot {
  html: string;
  css: string;
  width: number;
  height: number;
}

export async function readerSnapshot(page: Page): Promise<ReaderSnapshot> {
  return page.evaluate(() => {
    const reader = document.querySelector('.reader') as HTMLElement;
    const copy = reader.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.link-marker').forEach((marker) => marker.remove());
    // Highlights are nested spans: unwrap until none is left.
    for (let spans = copy.querySelectorAll('[data-ann-id]'); spans.length; spans = copy.querySelectorAll('[data-ann-id]')) spans.forEach((span) => span.replaceWith(...span.childNodes));
    copy.querySelectorAll('[contenteditable]').forEach((element) => element.removeAttribute('contenteditable'));
    const css = [...document.styleSheets, ...document.adoptedStyleSheets].map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n');
    const box = reader.getBoundingClientRect();
    return { html: copy.outerHTML, css, width: box.width, height: box.height };
  });
}

/** A page of its own showing the reader's static copy where the reader was, with `script` (if any) at its end; settled. */
async function openStaticReader(browser: Browser, snapshot: ReaderSnapshot, script = ''): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  const place = `.reader { position: absolute; left: 0; top: 0; width: ${snapshot.width}px; height: ${snapshot.height}px; overflow-y: auto; }`;
  await page.setContent(`<!doctype html><html><head><style>${snapshot.css}\n${place}</style></head><body>${snapshot.html}${script && `<script>${script}</script>`}</body></html>`);
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })));
  return { context, page };
}

/**
 * The floor of the keys at the quick pace: the reader's static copy, the same scrolling, selection
 * and keys, timed from the same trace; the page's only script wraps the selection in a highlighted
 * span (tag) and unwraps it (delete). What is left is the browser's: the frames that go on after
 * the scroll (sections laid out as they come near, hover), the wait for the next one, one span.
 */
export async function quickKeysFloor(browser: Browser, snapshot: ReaderSnapshot): Promise<{ tag: number[]; del: number[] }> {
  const script = `let tagged = null;
    addEventListener('keydown', (event) => {
      const selection = getSelection();
      if (event.key === '1' && selection.rangeCount) {
        tagged = document.createElement('span');
        tagged.style.cssText = 'background: #fde68a; text-decoration: underline 2px #d97706';
        selection.getRangeAt(0).surroundContents(tagged);
        selection.collapse(tagged, 0);
      }
      if (event.key === 'Delete' && tagged) {
        tagged.replaceWith(...tagged.childNodes);
        tagged = null;
      }
    });`;
  const tag: number[] = [];
  const del: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await openStaticReader(browser, snapshot, script);
    try {
      const { events } = await traced(page, 'devtools.timeline', () => pressKeyRounds(page, QUICK_PACE));
      const keys = keyToPaintFromTrace(events);
      tag.push(...keys.tag);
      del.push(...keys.del);
    } finally {
      await context.close();
    }
  }
  return { tag, del };
}

/**
 * The browser's floor for scrolling: the same document as the reader shows it after opening (its
 * sections, skipping and estimated heights), as a static page with no script and no highlights,
 * scrolled the same way. What the browser alone needs to lay out and paint each step.
 */
async function scrollingFloor(browser: Browser, snapshot: ReaderSnapshot): Promise<{ count: number; max: number; steps: number }> {
  const total = { count: 0, max: 0, steps: 0 };
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await openStaticReader(browser, snapshot);
    const s = await measureScrolling(page);
    total.count += s.count;
    total.max = Math.max(total.max, s.max);
    total.steps += s.steps;
    await context.close();
  }
  return total;
}

/** Start `node dist/host/web-cli.mjs <folder>` and wait for the address it prints. */
export function startHostProcess(root: string, folder: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'host', 'web-cli.mjs'), folder, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.on('exit', (code) => reject(new Error(`browser host exited (${code}): ${out}`)));
  });
}

/** The browser's floor: fetch the two files over loopback HTTP and JSON.parse the sidecar, nothing else. */
async function browserFloor(browser: Browser, dir: string): Promise<number[]> {
  const server = http.createServer((req, res) => {
    const name = req.url === '/sidecar' ? `${LONG_ARTICLE}.gloss.json` : LONG_ARTICLE;
    void fs.readFile(path.join(dir, name)).then((body) => res.end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const page = await browser.newPage();
  await page.goto(`${base}/text`);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    times.push(
      await page.evaluate(async () => {
        const t0 = performance.now();
        const [text, sidecar] = await Promise.all([fetch('/text').then((r) => r.text()), fetch('/sidecar').then((r) => r.text())]);
        JSON.parse(sidecar);
        return text.length > 0 ? performance.now() - t0 : -1;
      }),
    );
  }
  await page.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return times;
}

async function runRecogito(browser: Browser, root: string, text: string, spans: { start: number; end: number; tag: string }[]): Promise<{ painted: number[]; loaded: number; error?: string }> {
  const bundle = path.join(root, 'dist', 'bench', 'recogito-page.js');
  await build({ entryPoints: [path.join(root, 'bench', 'recogito-page.ts')], outfile: bundle, bundle: true, format: 'iife', platform: 'browser', logLevel: 'silent' });
  const css = path.join(root, 'node_modules', '@recogito', 'text-annotator', 'dist', 'text-annotator.css');
  const painted: number[] = [];
  let loaded = 0;
  for (let i = 0; i < RECOGITO_RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    try {
      await page.setContent('<!doctype html><html><body><div id="content" style="max-width:46em;margin:auto;font:17px/1.6 Georgia,serif;white-space:pre-wrap"></div></body></html>');
      await page.addStyleTag({ path: css });
      await page.addScriptTag({ path: bundle });
      page.setDefaultTimeout(180_000);
      const result = await page.evaluate(([t, s]) => window.runRecogito(t, s), [text, spans] as const);
      if (!result.painted) return { painted, loaded: result.loaded, error: `no highlight drawn within 120 s (${result.loaded} annotations loaded)` };
      painted.push(result.paintedMs);
      loaded = result.loaded;
    } catch (err) {
      return { painted, loaded, error: (err as Error).message.split('\n')[0] };
    } finally {
      await page.close();
    }
  }
  return { painted, loaded };
}

export async function runRenderBench(root: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-render-bench-'));
  const { file, text } = await makeLongArticle(dir);
  const spans = generateSpans(text, ANNOTATIONS, 12);

  // The floor: reading the two files and parsing the sidecar, nothing else.
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fs.readFile(file, 'utf8');
    JSON.parse(await fs.readFile(sidecarPathFor(file), 'utf8'));
    floor.push(performance.now() - t0);
  }

  // The browser host in its own process, as `npm run web` runs it (not sharing an event loop with the benchmark's driver).
  const host = await startHostProcess(root, dir);
  // A browser server, so that the browser's process id is known (for the renderer's memory).
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: FLAGS });
  const browser = await chromium.connect(server.wsEndpoint());
  const open: number[] = [];
  const tag: number[] = [];
  const del: number[] = [];
  const work: number[] = [];
  const processing: number[] = [];
  const traceTag: number[] = [];
  const traceDel: number[] = [];
  const busy: number[] = [];
  const firstBusy: number[] = [];
  const busyCpu: number[] = [];
  const personTag: number[] = [];
  const personDel: number[] = [];
  const personBusy: number[] = [];
  const scroll = { count: 0, max: 0, steps: 0 };
  const landing: number[] = [];
  const nearlyFlying = { count: 0, max: 0, steps: 0 };
  let highlights = 0;
  let heapMb = 0;
  let rssMb: number | null = null;
  let rssOpen: number | null = null;
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
      const page = await context.newPage();
      const result = await measureOpen(page, host.url);
      open.push(result.openMs);
      highlights = result.highlights;
      rssOpen = Math.max(rssOpen ?? 0, rendererRssMb(server.process().pid) ?? 0) || null;
      const keys = await measureKeys(page);
      tag.push(...keys.tag);
      del.push(...keys.del);
      work.push(...keys.tagWork, ...keys.delWork);
      processing.push(...keys.processing);
      traceTag.push(...keys.traceTag);
      traceDel.push(...keys.traceDel);
      busy.push(...keys.busyTag, ...keys.busyDel);
      busyCpu.push(...keys.busyCpu);
      if (keys.busyTag.length) firstBusy.push(keys.busyTag[0]!);
      const paced = await measureKeys(page, PERSON_PACE);
      personTag.push(...paced.traceTag);
      personDel.push(...paced.traceDel);
      personBusy.push(...paced.busyTag, ...paced.busyDel);
      const s = await measureScrolling(page);
      scroll.count += s.count;
      scroll.max = Math.max(scroll.max, s.max);
      scroll.steps += s.steps;
      landing.push(...(await measureLanding(page)));
      const n = await measureNearlyFlying(page);
      nearlyFlying.count += n.count;
      nearlyFlying.max = Math.max(nearlyFlying.max, n.max);
      nearlyFlying.steps += n.steps;
      const cdp = await context.newCDPSession(page);
      // Memory is read after a garbage collection: what the document holds, not garbage not yet collected.
      await cdp.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(200);
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      heapMb = Math.max(heapMb, (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20);
      rssMb = Math.max(rssMb ?? 0, rendererRssMb(server.process().pid) ?? 0) || null;
      await context.close();
    }
    // The same open, clicked while the app is still starting (the worst case, not what a user meets).
    const openAtStart: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
      openAtStart.push((await measureOpen(await context.newPage(), host.url, false)).openMs);
      await context.close();
    }
    const floorInBrowser = await browserFloor(browser, dir);
    /** Open the long article in a context of its own, do `use` with the page, close the context. */
    const withOpenedArticle = async <T>(use: (page: Page) => Promise<T>): Promise<T> => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
      try {
        const page = await context.newPage();
        await measureOpen(page, host.url);
        return await use(page);
      } finally {
        await context.close();
      }
    };
    // The floor's page is copied from a reader just opened (copying it before the keys would delay
    // the key rehearsal into the measured keys).
    const keysFloor = await keyFloor(browser);
    const snapshot = await withOpenedArticle(readerSnapshot);
    const scrollFloor = await scrollingFloor(browser, snapshot);
    const quickFloor = await quickKeysFloor(browser, snapshot);
    // One more scroll-through, traced (the trace's own process would add to the contention of the measured ones).
    const threadTime = await withOpenedArticle(scrollingThreadTime);
    // The sidecar on disk still holds the 10,000 (every tag was deleted again).
    const recogito = await runRecogito(browser, root, text, spans);
    const recogitoRow = recogito.error
      ? [`@recogito/text-annotator 4.1.1: data in page → highlights painted`, `did not finish: ${recogito.error}`, '', '']
      : [`@recogito/text-annotator 4.1.1: data in page → highlights painted (${recogito.loaded.toLocaleString('en')} loaded)`, ms(recogito.painted), '', `Gloss ${(median(recogito.painted) / median(open)).toFixed(1)}× faster (target ≥ 10×)`];
    const lines = [
      `### Rendering: ${(text.length / 1048576).toFixed(2)} MB article, ${ANNOTATIONS.toLocaleString('en')} overlapping annotations, Chromium ${browser.version()}, ${RUNS} runs`,
      '',
      formatTable(
        ['measure', 'result', 'target', 'note'],
        [
          [
            'open command → highlights painted, reader responsive (clicked once the app has started: folder counts shown, page idle, then 0.5 s)',
            ms(open),
            '≤ 1000 ms',
            `${highlights.toLocaleString('en')} annotations drawn in the sections in reach; the rest as the browser renders their sections (a few screens around the view)`,
          ],
          ['the same, clicked the moment the file appears (page, host and browser still starting, sharing the 2 cores)', ms(openAtStart), '', 'the worst case; not counted against the target'],
          ['floor in Chromium: fetch both files over loopback + JSON.parse', ms(floorInBrowser), '', `open is ${(median(open) / median(floorInBrowser)).toFixed(1)}× this floor (target ≤ 3×)`],
          ['floor in Node: read both files + JSON.parse', ms(floor), '', `open is ${(median(open) / median(floor)).toFixed(1)}× this floor`],
          [
            `tag key → highlight painted at a person's pace, p95 (n=${personTag.length}), from Chromium's trace: keydown dispatched → next Paint done`,
            `${p95(personTag).toFixed(1)} ms`,
            '≤ 16 ms',
            `median ${median(personTag).toFixed(1)} ms; the key ${PERSON_PACE.afterSelection} ms after the selection, ${PERSON_PACE.afterKey} ms between keys, ${PERSON_PACE.beforeSelection} ms before selecting (the keystroke-level model's times)`,
          ],
          [`delete key → highlight gone at a person's pace, p95 (n=${personDel.length}), the same`, `${p95(personDel).toFixed(1)} ms`, '≤ 16 ms', `median ${median(personDel).toFixed(1)} ms; main thread busy p95 (tag and delete) ${p95(personBusy).toFixed(1)} ms`],
          [
            `tag key → highlight painted at the bench's quick pace, p95 (n=${traceTag.length}), the same`,
            `${p95(traceTag).toFixed(1)} ms`,
            '≤ 16 ms',
            `median ${median(traceTag).toFixed(1)} ms; the key ${QUICK_PACE.afterSelection} ms after the bench's own selection and scrolling, faster than a person, while their frames may still run; all rows below are at this pace`,
          ],
          [`delete key → highlight gone at the quick pace, p95 (n=${traceDel.length}), the same`, `${p95(traceDel).toFixed(1)} ms`, '≤ 16 ms', `median ${median(traceDel).toFixed(1)} ms`],
          [
            `floor at the quick pace: the reader's static copy (its DOM after opening, no highlights), the same scrolling, selection and keys; its only script wraps the selection in a highlighted span and unwraps it; tag / delete p95 (n=${quickFloor.tag.length} each)`,
            `${p95(quickFloor.tag).toFixed(1)} / ${p95(quickFloor.del).toFixed(1)} ms`,
            '',
            `medians ${median(quickFloor.tag).toFixed(1)} / ${median(quickFloor.del).toFixed(1)} ms: the browser's own frames after the scroll (sections laid out as they come near, hover) and the wait for the next; Gloss's tag key is ${(p95(traceTag) - p95(quickFloor.tag)).toFixed(1)} ms over it at p95`,
          ],
          [
            `floor: the same keys on a static page whose handler only gives one word a class and takes it away, keydown → next Paint done, p95 (n=${keysFloor.length})`,
            `${p95(keysFloor).toFixed(1)} ms`,
            '',
            `median ${median(keysFloor).toFixed(1)} ms: the browser's own wait for a frame (none when its compositor was idle, up to 16.7 ms when it had just drawn one) and one word's style, layout and paint; the busy row below is the app's own part`,
          ],
          [
            `tag or delete key → painted, main thread busy (the app's work, style, layout, paint; not the wait for the display's next frame), p95 (n=${busy.length}), from the trace`,
            `${p95(busy).toFixed(1)} ms`,
            '≤ 16 ms',
            `median ${median(busy).toFixed(1)} ms; the rest of key → painted is a wait for the compositor's next frame`,
          ],
          [
            `the same keys, main thread running (the busy time less the moments the OS ran another process on that core), p95 (n=${busyCpu.length})`,
            `${p95(busyCpu).toFixed(1)} ms`,
            '',
            `median ${median(busyCpu).toFixed(1)} ms; the 2 cores are shared with the host, the browser's other processes and the driver`,
          ],
          [`first tag key after opening, busy, per run`, ms(firstBusy), '', 'included in the p95 rows above; its code rehearsed in idle time after opening'],
          [`tag key → painted, p95 (n=${tag.length}), the app's in-page probe (also counts tasks queued before its after-paint message)`, `${p95(tag).toFixed(1)} ms`, '', `median ${median(tag).toFixed(1)} ms`],
          [`delete key → gone, p95 (n=${del.length}), the same probe`, `${p95(del).toFixed(1)} ms`, '', `median ${median(del).toFixed(1)} ms`],
          [`tag or delete key → change applied and rendered, without the wait for the frame to begin, p95 (n=${processing.length})`, `${p95(processing).toFixed(1)} ms`, '≤ 16 ms', `median ${median(processing).toFixed(1)} ms; of which the app's work p95 ${p95(work).toFixed(1)} ms`],
          [
            `long tasks > 50 ms while scrolling top to bottom (${scroll.steps} steps, each 1/120 of the document: as when dragging the scroll bar; the view flies past and highlights are drawn where it stops)`,
            `${scroll.count}`,
            '0',
            scroll.count ? `longest task ${scroll.max.toFixed(0)} ms` : 'no task over 50 ms',
          ],
          [`a drag stops → highlights in view painted (n=${landing.length}: drags of 8 such steps)`, ms(landing), '', `the reader waits ${LANDING_MS} ms without a move of over a screen before it draws`],
          [
            `long tasks > 50 ms scrolling just under a screen a frame through the middle fifth (${nearlyFlying.steps} steps, one a frame: a fast wheel or a held key; every section drawn as it comes near)`,
            `${nearlyFlying.count}`,
            '0',
            nearlyFlying.count ? `longest task ${nearlyFlying.max.toFixed(0)} ms` : 'no task over 50 ms',
          ],
          [
            'the same scrolling once more, traced: tasks over 50 ms / of those, tasks the main thread ran for over 50 ms (thread time)',
            `${threadTime.over50} / ${threadTime.ranOver50}`,
            '',
            `the longest running time of any task: ${threadTime.longestRan.toFixed(0)} ms; the rest of a long task is the OS running another process (2 cores shared with the browser's other processes, the host, the driver and the trace)`,
          ],
          [
            `floor: the same document as a static page (the reader's DOM after opening, no script, no highlights), scrolled the same way (${scrollFloor.steps} steps)`,
            `${scrollFloor.count}`,
            '',
            `${scrollFloor.count ? `longest task ${scrollFloor.max.toFixed(0)} ms` : 'no task over 50 ms'}: the browser's own layout and paint of each step`,
          ],
          ['renderer memory: JS heap / process RSS after opening / after scrolling through', `${heapMb.toFixed(0)} MB / ${rssOpen === null ? 'n/a' : `${rssOpen.toFixed(0)} MB`} / ${rssMb === null ? 'n/a' : `${rssMb.toFixed(0)} MB`}`, '≤ 300 MB', 'after a garbage collection; RSS includes Chromium\'s own renderer baseline (~140 MB here)'],
          recogitoRow,
        ],
      ),
    ];
    return lines.join('\n');
  } finally {
    await browser.close();
    await server.close();
    host.child.kill();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
