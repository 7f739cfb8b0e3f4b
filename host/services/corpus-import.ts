// Importing annotations made elsewhere into a Gloss folder (docs/EXPORTS.md, "Import"): brat
// standoff (`.ann` + `.txt`) and W3C Web Annotations. The pure conversions are in shared/imports;
// this module finds the files, puts the text where the sidecar will be, and writes sidecars through
// the app's atomic writer (sidecar-files.ts), which never overwrites a damaged or newer sidecar.
// An existing sidecar is merged by annotation id: an imported annotation replaces the one with its
// id and the others are kept. Ids are derived from where an annotation came from (source path and
// brat id, or the W3C annotation's id), so importing the same file again updates rather than
// duplicates. A source changed since its sidecar was saved is refused: its annotations must be
// re-anchored in the app first.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import writeFileAtomic from 'write-file-atomic';
import { applyAnnotationChanges, quoteAt } from '../../shared/annotations.js';
import { CodePointText } from '../../shared/code-points.js';
import { GlossError } from '../../shared/errors.js';
import { importBrat } from '../../shared/imports/brat.js';
import { placeW3cAnnotation, readW3cAnnotation, uuidOf, w3cItems, type W3cAnnotation } from '../../shared/imports/w3c.js';
import { buildSidecar, type Annotation } from '../../shared/sidecar-format.js';
import type { TagDefinition } from '../../shared/tags.js';
import { readSidecarState, writeSidecar } from './sidecar-files.js';
import { loadSource } from './source-files.js';
import { readTagSet } from './tag-set-files.js';
import { OpenedWorkspace, sourceFormatOf, SUPPORTED_KINDS } from './workspace.js';

export interface ImportProblem {
  /** The input file (brat `.ann`, or the W3C file) or the source concerned. */
  path: string;
  line?: number;
  message: string;
}

export interface ImportResult {
  /** Folder-relative paths of the sources whose sidecar was written. */
  written: string[];
  /** Annotations imported (added or replaced). */
  annotations: number;
  problems: ImportProblem[];
}

export interface ImportOptions {
  signal?: AbortSignal;
  now?: Date;
}

/** A UUID (version 5 layout, SHA-1) named by `name`: the same name always gives the same id. */
export function nameUuid(name: string): string {
  const h = createHash('sha1').update('gloss-import:').update(name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function stop(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new GlossError('invalid-request', 'Import cancelled.');
}

const toPosix = (p: string) => p.split(path.sep).join('/');

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Merge imported annotations into the source's sidecar (by id) and write it. Refused — as a
 * problem, nothing written — when the sidecar is damaged or newer, or the source changed since it
 * was saved. `tags` are definitions to add to (or replace in) the sidecar's tag snapshot.
 */
async function mergeInto(workspace: OpenedWorkspace, relPath: string, imported: readonly Annotation[], tags: readonly TagDefinition[], folderTags: readonly TagDefinition[], fingerprint: Awaited<ReturnType<typeof loadSource>>['fingerprint']): Promise<string | null> {
  const abs = path.join(workspace.root, ...relPath.split('/'));
  const state = await readSidecarState(abs);
  if (state.kind === 'invalid' || state.kind === 'newer') return `${state.message} Nothing was imported into it.`;
  if (state.kind === 'ok' && state.sidecar.source.sha256 !== fingerprint.sha256) {
    return `${relPath} changed since its sidecar was saved; open it in Gloss first (so its annotations are placed on the new text), then import again. Nothing was imported into it.`;
  }
  const existing = state.kind === 'ok' ? state.sidecar : null;
  const snapshot = new Map((existing?.tags ?? folderTags).map((t) => [t.id, t]));
  for (const t of tags) snapshot.set(t.id, t);
  // Re-imported annotations keep their creation time, and stay untouched when nothing but the times differ.
  const before = new Map((existing?.annotations ?? []).map((a) => [a.id, a]));
  const same = (a: Annotation, b: Annotation) => JSON.stringify({ ...a, created: '', modified: '' }) === JSON.stringify({ ...b, created: '', modified: '' });
  const upsert = imported.map((a) => {
    const old = before.get(a.id);
    return !old ? a : same(a, old) ? old : { ...a, created: old.created };
  });
  const annotations = applyAnnotationChanges(existing?.annotations ?? [], upsert, []);
  try {
    await writeSidecar(abs, buildSidecar(fingerprint, [...snapshot.values()], annotations));
  } catch (err) {
    return err instanceof GlossError ? err.message : `the sidecar could not be written: ${(err as Error).message}`;
  }
  return null;
}

/** Tags for matching names: the folder's set, then a sidecar's snapshot entries it lacks. */
async function tagsFor(abs: string, folderTags: readonly TagDefinition[]): Promise<TagDefinition[]> {
  const state = await readSidecarState(abs);
  const known = new Set(folderTags.map((t) => t.id));
  return [...folderTags, ...(state.kind === 'ok' ? state.sidecar.tags.filter((t) => !known.has(t.id)) : [])];
}

async function listAnnFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const entry of (await fs.readdir(d, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const abs = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(abs);
      else if (entry.isFile() && entry.name.endsWith('.ann')) out.push(abs);
    }
  };
  await walk(dir);
  return out;
}

/**
 * Import brat standoff: `input` is one `.ann` or a folder searched for them (hidden folders
 * skipped). Each `.ann` needs its `.txt` beside it. When the `.ann` lies inside `folder`, the
 * sidecar goes beside its `.txt`; otherwise the `.txt` is copied into `folder` at the same
 * relative place (relative to `input`) — refused if a different file is already there.
 */
export async function importBratInto(folder: string, input: string, options: ImportOptions = {}): Promise<ImportResult> {
  const workspace = await OpenedWorkspace.openFolder(folder);
  const result: ImportResult = { written: [], annotations: 0, problems: [] };
  const inputAbs = await fs.realpath(path.resolve(input)).catch(() => {
    throw new GlossError('not-found', `${input} does not exist or cannot be read.`);
  });
  const stat = await fs.stat(inputAbs);
  const inputRoot = stat.isDirectory() ? inputAbs : path.dirname(inputAbs);
  const files = stat.isDirectory() ? await listAnnFiles(inputAbs) : [inputAbs];
  if (!stat.isDirectory() && !inputAbs.endsWith('.ann')) throw new GlossError('unsupported', `${input} is not a brat .ann file or a folder of them.`);
  const { tags: folderTags } = await readTagSet(workspace.root);
  const now = options.now ?? new Date();
  for (const annFile of files) {
    stop(options.signal);
    const shown = toPosix(path.relative(inputRoot, annFile));
    const sourceTxt = annFile.replace(/\.ann$/, '.txt');
    const inside = isInside(workspace.root, annFile);
    const relPath = toPosix(path.relative(workspace.root, inside ? sourceTxt : path.join(workspace.root, path.relative(inputRoot, sourceTxt))));
    const targetTxt = path.join(workspace.root, ...relPath.split('/'));
    const problem = (message: string, line?: number) => result.problems.push({ path: shown, ...(line ? { line } : {}), message });
    let sourceBytes: Buffer;
    try {
      sourceBytes = await fs.readFile(sourceTxt);
    } catch {
      problem(`its text ${path.basename(sourceTxt)} is missing beside it; not imported`);
      continue;
    }
    if (!inside) {
      const there = await fs.readFile(targetTxt).catch(() => null);
      if (there && !there.equals(sourceBytes)) {
        problem(`${relPath} already exists in ${path.basename(workspace.root)} with a different text; not imported (nothing was overwritten)`);
        continue;
      }
      if (!there) {
        await fs.mkdir(path.dirname(targetTxt), { recursive: true });
        await writeFileAtomic(targetTxt, sourceBytes, { fsync: true });
      }
    }
    let loaded;
    try {
      await workspace.resolveSource(relPath);
      loaded = await loadSource(targetTxt);
    } catch (err) {
      problem(`${(err as Error).message} Not imported.`);
      continue;
    }
    // brat reads the .txt as UTF-8 with Python, which keeps a byte-order mark as a character: its
    // offsets then count it, Gloss's do not.
    const bom = loaded.fingerprint.encoding === 'utf-8-bom';
    const ann = await fs.readFile(annFile, 'utf8');
    const imported = importBrat({
      text: bom ? '\ufeff' + loaded.text : loaded.text,
      ann,
      tags: await tagsFor(targetTxt, folderTags),
      newId: (key) => nameUuid(`brat:${relPath}#${key}`),
      now,
    });
    for (const p of imported.problems) problem(p.message, p.line);
    let annotations = imported.annotations;
    if (bom) {
      const cp = new CodePointText(loaded.text);
      annotations = annotations.map((a) => {
        const start = Math.max(0, a.start - 1);
        const end = Math.max(0, a.end - 1);
        return { ...a, start, end, ...quoteAt(cp, start, end) };
      });
      problem('the .txt begins with a byte-order mark, which brat counts as a character; offsets were shifted by one');
    }
    if (annotations.length === 0) continue;
    const refused = await mergeInto(workspace, relPath, annotations, imported.tags, folderTags, loaded.fingerprint);
    if (refused) {
      problem(refused);
      continue;
    }
    result.written.push(relPath);
    result.annotations += annotations.length;
  }
  return result;
}

/** Sources of the folder an IRI may name: by file path inside it, else by the longest matching tail of its path. */
function matchSource(iri: string | undefined, root: string, sources: readonly string[]): { path: string } | { problem: string } {
  if (!iri) return { problem: 'its target names no source; use --source to say which article it belongs to' };
  let segments: string[];
  try {
    const url = new URL(iri);
    if (url.protocol === 'file:') {
      const abs = fileURLToPath(url);
      if (isInside(root, abs)) {
        const rel = toPosix(path.relative(root, abs));
        if (sources.includes(rel)) return { path: rel };
      }
    }
    segments = decodeURIComponent(url.pathname).split('/').filter(Boolean);
  } catch {
    segments = iri.split('/').filter(Boolean);
  }
  for (let take = segments.length; take >= 1; take--) {
    const tail = segments.slice(-take).join('/');
    const hits = sources.filter((s) => s === tail || s.endsWith('/' + tail));
    if (hits.length === 1) return { path: hits[0]! };
    if (hits.length > 1 && take === segments.length) return { problem: `its source ${iri} matches several articles (${hits.slice(0, 3).join(', ')}); use --source` };
    if (hits.length > 1) continue;
  }
  return { problem: `its source ${iri} is not an article of ${path.basename(root)}; use --source to say which one` };
}

/**
 * Import W3C Web Annotations from a JSON(-LD) file: each annotation with a TextQuoteSelector or
 * TextPositionSelector is placed on its source (named by `source`, else found from the target's
 * IRI) with the app's anchoring; the others are reported.
 */
export async function importW3cInto(folder: string, input: string, options: ImportOptions & { source?: string; defaultTag?: string } = {}): Promise<ImportResult> {
  const workspace = await OpenedWorkspace.openFolder(folder);
  const result: ImportResult = { written: [], annotations: 0, problems: [] };
  const shown = path.basename(input);
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(path.resolve(input), 'utf8'));
  } catch (err) {
    throw new GlossError('invalid-request', `${shown} cannot be read as JSON: ${(err as Error).message}`);
  }
  const { items, problems } = w3cItems(json);
  const say = (p: { index: number; id?: string; message: string }) => result.problems.push({ path: shown, message: `annotation ${p.index + 1}${p.id ? ` (${p.id})` : ''}: ${p.message}` });
  problems.forEach(say);
  const sources = (await workspace.listSources()).map((f) => f.path);
  let forced: string | null = null;
  if (options.source) {
    const rel = toPosix(options.source);
    await workspace.resolveSource(rel);
    if (!sourceFormatOf(rel)) throw new GlossError('unsupported', `${rel} is not a kind of file Gloss opens (${SUPPORTED_KINDS}).`);
    forced = rel;
  }
  const bySource = new Map<string, W3cAnnotation[]>();
  items.forEach((item, index) => {
    const read = readW3cAnnotation(item, index);
    if (!('note' in read)) return say(read);
    const where = forced ? { path: forced } : matchSource(read.source, workspace.root, sources);
    if ('problem' in where) return say({ index, id: read.id, message: `cannot be placed: ${where.problem}` });
    bySource.set(where.path, [...(bySource.get(where.path) ?? []), read]);
  });
  const { tags: folderTags } = await readTagSet(workspace.root);
  const now = options.now ?? new Date();
  for (const [relPath, list] of bySource) {
    stop(options.signal);
    let loaded;
    try {
      loaded = await loadSource(await workspace.resolveSource(relPath));
    } catch (err) {
      result.problems.push({ path: relPath, message: `${(err as Error).message} ${list.length} annotation${list.length === 1 ? '' : 's'} not imported.` });
      continue;
    }
    const { text, fingerprint } = loaded;
    const cp = new CodePointText(text);
    const placed: Annotation[] = [];
    for (const read of list) {
      const id = uuidOf(read.id) ?? (read.id ? nameUuid(`w3c:${read.id}`) : globalThis.crypto.randomUUID());
      const p = placeW3cAnnotation(cp, read, { id, defaultTag: options.defaultTag ?? 'annotation', now });
      if (p.kind === 'problem') {
        say(p.problem);
        continue;
      }
      if (p.status === 'fuzzy') say({ index: read.index, id: read.id, message: `placed approximately on ${relPath} (score ${p.score?.toFixed(2)}): “${p.annotation.exact.slice(0, 60)}”` });
      placed.push(p.annotation);
    }
    if (placed.length === 0) continue;
    const refused = await mergeInto(workspace, relPath, placed, [], folderTags, fingerprint);
    if (refused) {
      result.problems.push({ path: relPath, message: refused });
      continue;
    }
    result.written.push(relPath);
    result.annotations += placed.length;
  }
  return result;
}
