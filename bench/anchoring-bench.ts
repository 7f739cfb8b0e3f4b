// Benchmark: re-anchoring 10,000 annotations on a 1 MB text after 1% random edits, against a
// baseline that anchors each annotation on its own the Hypothesis way (stored position, else
// matchQuote over the whole text); and saving/loading that sidecar against the floor of reading
// the file and JSON.parse. Prints a table; run by `npm run bench`.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAnnotation } from '../shared/annotations.js';
import { anchorAll, type Anchor } from '../shared/anchoring.js';
import { CodePointText } from '../shared/code-points.js';
import { matchQuote } from '../shared/match-quote.js';
import { buildSidecar, serializeSidecar, sidecarPathFor, type Annotation } from '../shared/sidecar-format.js';
import { DEFAULT_TAGS } from '../shared/tags.js';
import { readSidecarState, writeSidecar } from '../host/services/sidecar-files.js';
import { acceptsSidecar } from '../host/services/sidecar-validator.js';
import { loadSource } from '../host/services/source-files.js';
import { editText, generateSpans, generateText } from './generate.js';
import { formatTable, median, timed } from './report.js';

const TEXT_BYTES = 1024 * 1024;
const ANNOTATIONS = 10_000;
const EDIT_SHARE = 0.01;
const RUNS = 5;
/** The longest single edit the generator makes (editText: 1–20 characters). */
const EDGE_TOLERANCE = 20;

/** Hypothesis-style: each annotation alone; trust the stored position if its text is there, else matchQuote over the whole text. */
function baselineAnchor(text: string, annotations: readonly Annotation[]): Anchor[] {
  return annotations.map((a) => {
    if (text.slice(a.start, a.end) === a.exact) return { status: 'anchored', start: a.start, end: a.end };
    const m = matchQuote(text, a.exact, { prefix: a.prefix, suffix: a.suffix, hint: a.start });
    if (!m) return { status: 'orphaned', start: a.start, end: a.end };
    return { status: text.slice(m.start, m.end) === a.exact ? 'moved' : 'fuzzy', start: m.start, end: m.end, score: m.score };
  });
}

interface Truth {
  start: number;
  end: number;
  intact: boolean;
}

/**
 * Placed on the right span: an intact annotation exactly where its text went; an edited one on a
 * span whose ends are within 20 characters (the longest single edit) of where its text went — an
 * edit that straddles an annotation's edge leaves it open which side the changed characters belong
 * to — or orphaned, when edits removed more than half of it.
 */
function accuracy(anchors: readonly Anchor[], truth: readonly Truth[], original: readonly Annotation[]): number {
  let right = 0;
  anchors.forEach((a, i) => {
    const t = truth[i]!;
    if (t.intact) {
      if ((a.status === 'anchored' || a.status === 'moved') && a.start === t.start && a.end === t.end) right++;
      return;
    }
    const mostlyGone = t.end - t.start < (original[i]!.end - original[i]!.start) / 2;
    if (a.status === 'orphaned') {
      if (mostlyGone) right++;
      return;
    }
    if (Math.abs(a.start - t.start) <= EDGE_TOLERANCE && Math.abs(a.end - t.end) <= EDGE_TOLERANCE) right++;
  });
  return right / anchors.length;
}

export async function runAnchoringBench(): Promise<string> {
  const text = generateText(TEXT_BYTES);
  const cp = new CodePointText(text);
  const spans = generateSpans(text, ANNOTATIONS);
  const annotations = spans.map((s, i) => createAnnotation(cp, { tag: s.tag, start: s.start, end: s.end, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, now: new Date(0) }));
  const edited = editText(text, spans, EDIT_SHARE);
  const editedText = new CodePointText(edited.text);
  const intact = edited.truth.filter((t) => t.intact).length;

  const ours = timed(RUNS, () => anchorAll(editedText, annotations));
  const baseline = timed(1, () => baselineAnchor(edited.text, annotations));
  const oursAccuracy = accuracy(ours.result, edited.truth, annotations);
  const baselineAccuracy = accuracy(baseline.result, edited.truth, annotations);
  const statuses = (anchors: readonly Anchor[]) => ['anchored', 'moved', 'fuzzy', 'orphaned'].map((s) => anchors.filter((a) => a.status === s).length).join(' / ');

  // Save and load of that sidecar, against the floor of reading the file and JSON.parse.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-bench-'));
  const source = path.join(dir, 'long.txt');
  await fs.writeFile(source, text);
  const { fingerprint } = await loadSource(source);
  const sidecar = buildSidecar(fingerprint, DEFAULT_TAGS, annotations);
  const saveTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await writeSidecar(source, sidecar);
    saveTimes.push(performance.now() - t0);
  }
  const serializeOnly = timed(RUNS, () => serializeSidecar(sidecar, acceptsSidecar));
  const loadTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A source and sidecar this host has not read yet (one it has read or written, unchanged on
    // disk, is not read again: known-sidecars.ts).
    const fresh = path.join(dir, `long-${i}.txt`);
    await fs.copyFile(source, fresh);
    await fs.copyFile(sidecarPathFor(source), sidecarPathFor(fresh));
    let t0 = performance.now();
    const state = await readSidecarState(fresh);
    loadTimes.push(performance.now() - t0);
    if (state.kind !== 'ok') throw new Error('bench sidecar did not load');
    t0 = performance.now();
    JSON.parse(await fs.readFile(sidecarPathFor(fresh), 'utf8'));
    floorTimes.push(performance.now() - t0);
  }
  const size = (await fs.stat(sidecarPathFor(source))).size;
  await fs.rm(dir, { recursive: true, force: true });

  const ms = (xs: readonly number[]) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  const lines = [
    `### Re-anchoring: ${(text.length / 1048576).toFixed(2)} MB text, ${ANNOTATIONS.toLocaleString('en')} annotations, ${EDIT_SHARE * 100}% of characters edited (${(ANNOTATIONS - intact).toLocaleString('en')} annotations touched by an edit)`,
    '',
    formatTable(
      ['method', 'time, median (min–max)', 'placed right', 'anchored / moved / fuzzy / orphaned'],
      [
        ['Gloss (windowed, drift-tracking)', ms(ours.times), `${(oursAccuracy * 100).toFixed(2)} %`, statuses(ours.result)],
        ['baseline: Hypothesis-style, one annotation at a time over the whole text', ms(baseline.times), `${(baselineAccuracy * 100).toFixed(2)} %`, statuses(baseline.result)],
        ['speed-up', `${(median(baseline.times) / median(ours.times)).toFixed(1)}×`, '', ''],
      ],
    ),
    '',
    'Targets: ≤ 500 ms, ≥ 99.5 % placed right, ≥ 5× faster than the baseline at equal accuracy.',
    '',
    `### Sidecar of ${ANNOTATIONS.toLocaleString('en')} annotations (${(size / 1048576).toFixed(1)} MB): save and load`,
    '',
    formatTable(
      ['operation', 'time, median (min–max)'],
      [
        ['save over the sidecar this host wrote last (validate, serialize, backup, atomic write with fsync)', ms(saveTimes)],
        ['  of which validate + serialize', ms(serializeOnly.times)],
        ['load of a sidecar this host has not read (read, JSON.parse, validate)', ms(loadTimes)],
        ['floor: read + JSON.parse', ms(floorTimes)],
      ],
    ),
  ];
  return lines.join('\n');
}
