// Exporting a folder's annotations to the formats analysts' other tools read (docs/EXPORTS.md).
// Used by the command line (`gloss export`) and the app's export dialog, through export-runner.ts
// (a worker thread). Sources are listed without reading their text; sidecars are read one at a
// time, and the formats that need the text (brat, HTML) read one source at a time. The output is
// written under a temporary name beside the target (a file, or for brat a folder) and renamed
// into place at the end, so an export that fails or is cancelled never leaves a half-written result.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { quoteAt } from '../../shared/annotations.js';
import { anchorAll } from '../../shared/anchoring.js';
import { CodePointText } from '../../shared/code-points.js';
import { BratConfig, toBratAnn } from '../../shared/exports/brat.js';
import { bundleHead, bundleSource, bundleTail } from '../../shared/exports/bundle.js';
import { CLAIMREVIEW_HEAD, CLAIMREVIEW_TAIL, hasVerdict, toClaimReview, type ClaimReviewOptions } from '../../shared/exports/claimreview.js';
import { csvColumns, toCsv } from '../../shared/exports/csv.js';
import { matchesFilter, PERSON_ATTRIBUTES, type ExportFilter, type ExportRecord } from '../../shared/exports/export-record.js';
import { htmlArticle, htmlReportHead, htmlReportTail, reportTagClasses } from '../../shared/exports/html-report.js';
import { toJsonlLine } from '../../shared/exports/jsonl.js';
import { w3cAnnotationJson, W3cCollectionStream } from '../../shared/exports/w3c.js';
import { GlossError } from '../../shared/errors.js';
import type { Annotation, Sidecar } from '../../shared/sidecar-format.js';
import { tagsForDocument } from '../../shared/tag-set.js';
import type { TagDefinition } from '../../shared/tags.js';
import { readSidecarStateSync } from './sidecar-files.js';
import { FileWriter } from './file-writer.js';
import { partialPathFor, PartialOutput } from './partial-output.js';
import { loadSourceInPass } from './source-files.js';
import { readTagSet } from './tag-set-files.js';
import { EXPORTS_FOLDER_NAME, OpenedWorkspace } from './workspace.js';
import { exportWorkerScript } from './worker-script.js';
import { yieldToEventLoop } from './yield.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'w3c', 'bundle', 'brat', 'claimreview', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Formats whose output is a folder rather than a file. */
export const FOLDER_FORMATS: readonly ExportFormat[] = ['brat'];

/** Default output names (a folder for brat). */
export const DEFAULT_EXPORT_NAMES: Record<ExportFormat, string> = {
  jsonl: 'gloss-export.jsonl',
  csv: 'gloss-export.csv',
  w3c: 'gloss-export.jsonld',
  bundle: 'gloss-bundle.json',
  brat: 'gloss-brat',
  claimreview: 'gloss-claimreview.jsonld',
  html: 'gloss-report.html',
};

/** Where the app puts exports inside the opened folder (skipped when the folder is listed). */
export const EXPORTS_FOLDER = EXPORTS_FOLDER_NAME;

export interface ExportOptions {
  format: ExportFormat;
  filter?: ExportFilter;
  /** File to write (for brat: a folder that does not exist yet, or is empty). */
  out: string;
  /** CSV: start with a UTF-8 byte-order mark (for spreadsheet tools). */
  bom?: boolean;
  /** ClaimReview: publisher and URLs. */
  claimReview?: ClaimReviewOptions;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface ExportResult {
  annotations: number;
  sources: number;
  /** Sources whose sidecar (or text) could not be read (damaged or newer): reported, not exported. */
  skipped: { path: string; reason: string }[];
  /** Annotations, or parts of them, the format could not hold as they are (brat: links across articles…), per source. */
  problems: { path: string; message: string }[];
}

interface FolderSidecar {
  file: string;
  abs: string;
  /** Null for a source without a sidecar (only when `unannotated` is asked for). */
  sidecar: Sidecar | null;
}

function cancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new GlossError('invalid-request', 'Export cancelled.');
}

/** Every source of the folder with its sidecar, in path order; damaged or newer sidecars are reported in `skipped`. */
export async function* folderSidecars(folder: string, options: { skipped?: ExportResult['skipped']; onSource?: (done: number, total: number) => void; unannotated?: boolean; signal?: AbortSignal } = {}): AsyncGenerator<FolderSidecar> {
  const workspace = await OpenedWorkspace.openFolder(folder);
  const files = await workspace.listSources();
  let done = 0;
  for (const file of files) {
    cancelled(options.signal);
    const abs = path.join(workspace.root, ...file.path.split('/'));
    const state = readSidecarStateSync(abs);
    options.onSource?.(++done, files.length);
    if (done % 64 === 0) await yieldToEventLoop();
    if (state.kind === 'none') {
      if (options.unannotated) yield { file: file.path, abs, sidecar: null };
      continue;
    }
    if (state.kind !== 'ok') {
      options.skipped?.push({ path: file.path, reason: state.message });
      continue;
    }
    yield { file: file.path, abs, sidecar: state.sidecar };
  }
}

/** Every annotation of the folder that passes the filter, source by source, in text order. */
export async function* folderRecords(folder: string, filter: ExportFilter = {}, skipped: ExportResult['skipped'] = [], onSource?: (done: number, total: number) => void, signal?: AbortSignal): AsyncGenerator<ExportRecord> {
  for await (const { file, abs, sidecar } of folderSidecars(folder, { skipped, onSource, signal })) {
    const sourceIri = pathToFileURL(abs).href;
    for (const annotation of sidecar!.annotations) {
      if (matchesFilter(annotation, filter)) yield { file, sourceIri, annotation, ...(sidecar!.source.metadata ? { source: sidecar!.source.metadata } : {}) };
    }
  }
}

/** `placedAnnotations` narrowed to the filter; a source that cannot be read is reported in `skipped` (null). */
async function placedForExport(file: string, abs: string, sidecar: Sidecar | null, filter: ExportFilter, skipped: ExportResult['skipped']): Promise<{ text: string; annotations: Annotation[]; problems: string[] } | null> {
  try {
    const placed = await placedAnnotations(abs, sidecar);
    return { ...placed, annotations: placed.annotations.filter((a) => matchesFilter(a, filter)) };
  } catch (err) {
    skipped.push({ path: file, reason: (err as Error).message });
    return null;
  }
}

/**
 * The source's text and its annotations placed on it. When the source changed since the sidecar
 * was saved, the annotations are anchored as the app would (moved ones follow their text; ones
 * that cannot be found are left out and reported).
 */
async function placedAnnotations(abs: string, sidecar: Sidecar | null): Promise<{ text: string; annotations: Annotation[]; problems: string[] }> {
  const { text, fingerprint } = await loadSourceInPass(abs);
  if (!sidecar) return { text, annotations: [], problems: [] };
  if (fingerprint.sha256 === sidecar.source.sha256) return { text, annotations: sidecar.annotations, problems: [] };
  const cp = new CodePointText(text);
  const anchors = anchorAll(cp, sidecar.annotations);
  const problems: string[] = [];
  const annotations: Annotation[] = [];
  sidecar.annotations.forEach((a, i) => {
    const anchor = anchors[i]!;
    if (anchor.status === 'orphaned') {
      problems.push(`${a.tag} “${a.exact.slice(0, 60)}” was not found in the changed source; not exported (open the article in Gloss to re-attach it)`);
      return;
    }
    if (anchor.status === 'fuzzy') problems.push(`${a.tag} “${a.exact.slice(0, 60)}” was placed approximately on the changed source (score ${anchor.score?.toFixed(2)})`);
    annotations.push(anchor.start === a.start && anchor.end === a.end ? a : { ...a, start: anchor.start, end: anchor.end, ...quoteAt(cp, anchor.start, anchor.end) });
  });
  return { text, annotations, problems };
}

/** The folder's tag set (defaults when it has none or it is damaged). */
async function folderTags(folder: string): Promise<{ exists: boolean; tags: TagDefinition[] }> {
  const workspace = await OpenedWorkspace.openFolder(folder);
  const state = await readTagSet(workspace.root);
  return { exists: state.exists && !state.problem, tags: state.tags };
}

export async function exportFolder(folder: string, options: ExportOptions): Promise<ExportResult> {
  if (options.format === 'brat') return exportBrat(folder, options);
  const run: ExportRun = { folder, options, filter: options.filter ?? {}, skipped: [], problems: [], count: 0, sources: 0 };
  const target = path.resolve(options.out);
  let output = PartialOutput.open(target);
  try {
    cancelled(options.signal);
    if (options.format === 'csv') {
      // The header names an `attr:` column for every attribute the tag set declares. A sidecar
      // holding one it does not declare (imported, or from another folder's tags) is found
      // while writing; the export then starts again with that column added.
      const declared = new Set((await folderTags(folder)).tags.flatMap((t) => (t.attributes ?? []).map((a) => a.id)));
      const undeclared = await writeCsv(run, output, declared);
      if (undeclared.size > 0) {
        await output.discard();
        output = PartialOutput.open(target);
        Object.assign(run, { skipped: [], problems: [], count: 0 });
        await writeCsv(run, output, new Set([...declared, ...undeclared]));
      }
    } else {
      await WRITERS[options.format](run, (chunk) => output.write(chunk), target);
    }
    cancelled(options.signal);
    await output.commit();
    return { annotations: run.count, sources: run.sources, skipped: run.skipped, problems: run.problems };
  } catch (err) {
    await output.discard();
    throw err;
  }
}

/** One export in progress: what it was asked, and what it has found so far. */
interface ExportRun {
  folder: string;
  options: ExportOptions;
  filter: ExportFilter;
  skipped: ExportResult['skipped'];
  problems: ExportResult['problems'];
  count: number;
  sources: number;
}

type Write = (chunk: string) => void;

function sourceProgress(run: ExportRun): (done: number, total: number) => void {
  return (done, total) => {
    run.sources = total;
    run.options.onProgress?.(done, total);
  };
}

function records(run: ExportRun): AsyncGenerator<ExportRecord> {
  return folderRecords(run.folder, run.filter, run.skipped, sourceProgress(run), run.options.signal);
}

function sidecars(run: ExportRun, unannotated = false): AsyncGenerator<FolderSidecar> {
  return folderSidecars(run.folder, { skipped: run.skipped, onSource: sourceProgress(run), unannotated, signal: run.options.signal });
}

/**
 * Write the CSV with `attr:` columns for `attributes`, in one pass. If a record holds an attribute
 * not among them, writing stops (the pass goes on only to find every such name) and the names are
 * returned: the caller starts again with them. An empty set means the output is complete.
 */
async function writeCsv(run: ExportRun, output: PartialOutput, attributes: ReadonlySet<string>): Promise<Set<string>> {
  const columns = csvColumns(attributes);
  const undeclared = new Set<string>();
  output.write(toCsv([], columns, { header: true, bom: run.options.bom }));
  for await (const record of records(run)) {
    cancelled(run.options.signal);
    for (const key in record.annotation.attributes) if (!attributes.has(key)) undeclared.add(key);
    if (undeclared.size > 0) continue;
    output.write(toCsv([record], columns, { header: false }));
    run.count++;
  }
  return undeclared;
}

/** The single-file formats other than CSV, each one pass over the folder. */
const WRITERS: Record<Exclude<ExportFormat, 'brat' | 'csv'>, (run: ExportRun, write: Write, target: string) => Promise<void>> = {
  async jsonl(run, write) {
    for await (const record of records(run)) {
      cancelled(run.options.signal);
      write(toJsonlLine(record) + '\n');
      run.count++;
    }
  },

  async claimreview(run, write) {
    write(CLAIMREVIEW_HEAD);
    for await (const record of records(run)) {
      cancelled(run.options.signal);
      if (!hasVerdict(record)) continue;
      write((run.count++ ? ',\n' : '') + JSON.stringify(toClaimReview(record, run.options.claimReview)));
    }
    write(CLAIMREVIEW_TAIL);
  },

  async w3c(run, write, target) {
    const collection = new W3cCollectionStream(pathToFileURL(target).href, `Gloss annotations of ${path.basename(path.resolve(run.folder))}`);
    write(collection.head());
    for await (const record of records(run)) {
      cancelled(run.options.signal);
      write(collection.item(w3cAnnotationJson(record)));
    }
    write(collection.end());
    run.count = collection.total;
  },

  async bundle(run, write) {
    const { filter, folder } = run;
    write(bundleHead({ folder: path.basename(path.resolve(folder)), created: new Date(), filter, tagSet: await folderTags(folder) }));
    let first = true;
    const filtering = !!(filter.tags?.length || filter.speaker);
    for await (const { file, sidecar } of sidecars(run)) {
      const annotations = sidecar!.annotations.filter((a) => matchesFilter(a, filter));
      if (filtering && annotations.length === 0) continue;
      write(bundleSource(file, { ...sidecar!, annotations }, first));
      first = false;
      run.count += annotations.length;
    }
    write(bundleTail(run.skipped));
  },

  async html(run, write) {
    const { filter, folder } = run;
    const { tags } = await folderTags(folder);
    const filterText = [filter.tags?.length ? `tags: ${filter.tags.join(', ')}` : '', filter.speaker ? `speaker: ${filter.speaker}` : ''].filter(Boolean).join(' · ');
    write(htmlReportHead({ title: `Annotations of ${path.basename(path.resolve(folder))}`, created: new Date(), filter: filterText, tags }));
    const tagClasses = reportTagClasses(tags);
    const articles: { index: number; file: string; annotations: number }[] = [];
    for await (const { file, abs, sidecar } of sidecars(run)) {
      if (!sidecar!.annotations.some((a) => matchesFilter(a, filter))) continue;
      const placed = await placedForExport(file, abs, sidecar, filter, run.skipped);
      if (!placed) continue;
      const annotations = placed.annotations;
      for (const message of placed.problems) run.problems.push({ path: file, message });
      const index = articles.length + 1;
      write(htmlArticle({ index, file, text: placed.text, annotations, tags: tagsForDocument(tags, sidecar!.tags, annotations).tags, problems: placed.problems, tagClasses }));
      articles.push({ index, file, annotations: annotations.length });
      run.count += annotations.length;
    }
    write(htmlReportTail({ articles, skipped: run.skipped }));
  },
};

/** The `.txt`/`.ann` name pair for a source: a `.txt` source keeps its name, another gets `.txt` added (`a.md` → `a.md.txt`). */
export function bratNameFor(sourcePath: string): string {
  return sourcePath.toLowerCase().endsWith('.txt') ? sourcePath.slice(0, -4) : sourcePath;
}

/**
 * brat standoff: a folder mirroring the sources, with for each source a `.txt` copy of its decoded
 * text (UTF-8, line endings as they are) and its `.ann`, and at the top `annotation.conf` and
 * `visual.conf` for every type used. Built in a temporary folder beside `out`, renamed at the end.
 */
async function exportBrat(folder: string, options: ExportOptions): Promise<ExportResult> {
  const run: ExportRun = { folder, options, filter: options.filter ?? {}, skipped: [], problems: [], count: 0, sources: 0 };
  const target = path.resolve(options.out);
  const existing = await fs.readdir(target).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw new GlossError('invalid-request', err.code === 'ENOTDIR' ? `${target} is a file; the brat export writes a folder (choose another --out).` : `${target} cannot be read (${err.code ?? err.message}).`);
  });
  if (existing && existing.length > 0) throw new GlossError('invalid-request', `${target} already exists and is not empty; the brat export writes a new folder (choose another --out, or empty it first).`);
  const temporary = partialPathFor(target);
  await fs.rm(temporary, { recursive: true, force: true });
  await fs.mkdir(temporary, { recursive: true });
  // Thousands of small files, written on a thread of their own while the next are prepared.
  const files = new FileWriter(exportWorkerScript());
  try {
    cancelled(options.signal);
    const { tags } = await folderTags(folder);
    const config = new BratConfig();
    config.addTagSet(tags);
    const names = new Set<string>();
    for await (const { file, abs, sidecar } of sidecars(run, true)) {
      const name = bratNameFor(file);
      if (names.has(name.toLowerCase())) {
        run.skipped.push({ path: file, reason: `its brat name ${name}.txt is taken by another source; not exported` });
        continue;
      }
      names.add(name.toLowerCase());
      const placed = await placedForExport(file, abs, sidecar, run.filter, run.skipped);
      if (!placed) continue;
      const annotations = placed.annotations;
      const docTags = sidecar ? tagsForDocument(tags, sidecar.tags, annotations).tags : tags;
      const { ann, problems: said } = toBratAnn({ file, text: placed.text, annotations, tags: docTags }, config);
      for (const message of [...placed.problems, ...said]) run.problems.push({ path: file, message });
      const base = path.join(temporary, ...name.split('/'));
      await files.write({ path: base + '.txt', data: placed.text });
      await files.write({ path: base + '.ann', data: ann });
      run.count += annotations.length;
      cancelled(options.signal);
    }
    await files.close();
    await fs.writeFile(path.join(temporary, 'annotation.conf'), config.annotationConf(), 'utf8');
    await fs.writeFile(path.join(temporary, 'visual.conf'), config.visualConf(), 'utf8');
    cancelled(options.signal);
    if (existing) await fs.rmdir(target);
    await fs.rename(temporary, target);
    return { annotations: run.count, sources: run.sources, skipped: run.skipped, problems: run.problems };
  } catch (err) {
    await files.close().catch(() => undefined);
    await fs.rm(temporary, { recursive: true, force: true });
    throw err;
  }
}

export interface FolderStats {
  sources: number;
  annotatedSources: number;
  annotations: number;
  byTag: Record<string, number>;
  /** Annotations per person (speaker, claimant or denier attribute). */
  byPerson: Record<string, Record<string, number>>;
  skipped: ExportResult['skipped'];
}

export async function folderStats(folder: string): Promise<FolderStats> {
  const skipped: ExportResult['skipped'] = [];
  const stats: FolderStats = { sources: 0, annotatedSources: 0, annotations: 0, byTag: {}, byPerson: {}, skipped };
  const annotated = new Set<string>();
  for await (const { file, annotation } of folderRecords(folder, {}, skipped, (_done, total) => (stats.sources = total))) {
    annotated.add(file);
    stats.annotations++;
    stats.byTag[annotation.tag] = (stats.byTag[annotation.tag] ?? 0) + 1;
    const person = PERSON_ATTRIBUTES.map((k) => annotation.attributes[k]).find(Boolean);
    if (person) (stats.byPerson[person] ??= {})[annotation.tag] = (stats.byPerson[person]?.[annotation.tag] ?? 0) + 1;
  }
  stats.annotatedSources = annotated.size;
  return stats;
}
