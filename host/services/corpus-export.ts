// Exporting a folder's annotations to the formats analysts' other tools read. Used by the command
// line (`gloss export`) and, later, the app's export dialog. Sources are listed without reading
// their text; sidecars are read one at a time. The output is written to a temporary file in the
// same folder and renamed into place at the end, so an export that fails or is cancelled never
// leaves a half-written file.
import { once } from 'node:events';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { csvColumns, toCsv } from '../../shared/exports/csv.js';
import { matchesFilter, PERSON_ATTRIBUTES, type ExportFilter, type ExportRecord } from '../../shared/exports/export-record.js';
import { toJsonlLine } from '../../shared/exports/jsonl.js';
import { toW3cAnnotation, W3C_PAGE_SIZE, w3cCollection } from '../../shared/exports/w3c.js';
import { GlossError } from '../../shared/errors.js';
import { readSidecarState } from './sidecar-files.js';
import { OpenedWorkspace } from './workspace.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'w3c'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  filter?: ExportFilter;
  /** File to write. */
  out: string;
  /** CSV: start with a UTF-8 byte-order mark (for spreadsheet tools). */
  bom?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface ExportResult {
  annotations: number;
  sources: number;
  /** Sources whose sidecar could not be read (damaged or newer): reported, not exported. */
  skipped: { path: string; reason: string }[];
}

/** Every annotation of the folder that passes the filter, source by source, in text order. */
export async function* folderRecords(folder: string, filter: ExportFilter = {}, skipped: ExportResult['skipped'] = [], onSource?: (done: number, total: number) => void): AsyncGenerator<ExportRecord> {
  const workspace = await OpenedWorkspace.openFolder(folder);
  const files = await workspace.listSources();
  let done = 0;
  for (const file of files) {
    const abs = path.join(workspace.root, ...file.path.split('/'));
    const state = await readSidecarState(abs);
    onSource?.(++done, files.length);
    if (state.kind === 'none') continue;
    if (state.kind !== 'ok') {
      skipped.push({ path: file.path, reason: state.message });
      continue;
    }
    const sourceIri = pathToFileURL(abs).href;
    for (const annotation of state.sidecar.annotations) {
      if (matchesFilter(annotation, filter)) yield { file: file.path, sourceIri, annotation };
    }
  }
}

export async function exportFolder(folder: string, options: ExportOptions): Promise<ExportResult> {
  const skipped: ExportResult['skipped'] = [];
  const target = path.resolve(options.out);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
  const stream = createWriteStream(temporary, { encoding: 'utf8' });
  let failure: Error | null = null;
  stream.on('error', (err) => (failure = err));
  const write = async (chunk: string) => {
    if (failure) throw failure;
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  let count = 0;
  let sources = 0;
  const progress = (done: number, total: number) => {
    sources = total;
    options.onProgress?.(done, total);
  };
  try {
    const records = folderRecords(folder, options.filter, skipped, progress);
    if (options.format === 'jsonl') {
      for await (const record of records) {
        if (options.signal?.aborted) throw new GlossError('invalid-request', 'Export cancelled.');
        await write(toJsonlLine(record) + '\n');
        count++;
      }
    } else {
      // CSV needs every attribute name for its header, W3C the total for its pages: collect first.
      const all: ExportRecord[] = [];
      for await (const record of records) {
        if (options.signal?.aborted) throw new GlossError('invalid-request', 'Export cancelled.');
        all.push(record);
      }
      count = all.length;
      if (options.format === 'csv') {
        const columns = csvColumns(all.flatMap((r) => Object.keys(r.annotation.attributes)));
        await write(toCsv([], columns, { header: true, bom: options.bom }));
        for (let i = 0; i < all.length; i += 1000) await write(toCsv(all.slice(i, i + 1000), columns, { header: false }));
      } else {
        const id = pathToFileURL(target).href;
        const collection = w3cCollection(id, `Gloss annotations of ${path.basename(path.resolve(folder))}`, all.length, (p) => all.slice(p * W3C_PAGE_SIZE, (p + 1) * W3C_PAGE_SIZE).map(toW3cAnnotation));
        await write(JSON.stringify(collection, null, 1) + '\n');
      }
    }
    await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await fs.rename(temporary, target);
    return { annotations: count, sources, skipped };
  } catch (err) {
    stream.destroy();
    await fs.rm(temporary, { force: true });
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
