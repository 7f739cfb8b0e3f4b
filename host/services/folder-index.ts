// The folder's index: per source, its annotation counts (total and per tag), when its annotations
// last changed, and a compact copy of each annotation for search. It is built in the background
// after a folder opens (listing never waits for it), reported in batches so the folder panel fills
// in as it goes, and kept current as sidecars are written here or changed by other programs.
// Sidecars are read with JSON.parse and a light shape check, not the full schema: the index only
// reads, and a file that does not look right is marked unreadable (opening it says why). Small
// sidecars are read synchronously between yields; large ones without blocking (refreshLarge).
import { promises as fs, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { FileCounts, FolderAnnotation, SearchQuery } from '../../shared/contract.js';
import { sidecarPathFor, SIDECAR_FORMAT, type Sidecar } from '../../shared/sidecar-format.js';
import type { OpenedWorkspace } from './workspace.js';
import { yieldToEventLoop } from './yield.js';

/** What the index keeps of one annotation: enough to search and to show a hit in context. */
type Entry = Omit<FolderAnnotation, 'file'> & {
  /** Text, note and attribute values, lower-cased, for word search. */
  haystack: string;
  /** Speaker, claimant or denier values, lower-cased. */
  people: string[];
  noteLower: string;
};

interface IndexedFile {
  mtimeMs: number;
  size: number;
  counts: FileCounts | null;
  entries: Entry[];
}

const PERSON_KEYS = ['speaker', 'claimant', 'denier'];

export class FolderIndex {
  private readonly files = new Map<string, IndexedFile>();
  /** The indexed paths in order, kept until a file is added or forgotten. */
  private order: string[] | null = null;
  private generation = 0;
  /** Requests the analyst waits on, during which background reading pauses (`whilePaused`). */
  private holds = 0;
  private readonly resumes: (() => void)[] = [];

  constructor(private readonly workspace: OpenedWorkspace) {}

  /**
   * Run `work` (reading the document the analyst is opening) with the background reading paused
   * at its next yield, so the two do not share the host's thread: opening a document right after
   * the folder opened waited for the index's pass over that same document's sidecar.
   */
  async whilePaused<T>(work: () => Promise<T>): Promise<T> {
    this.holds++;
    try {
      return await work();
    } finally {
      if (--this.holds === 0) for (const resume of this.resumes.splice(0)) resume();
    }
  }

  /** Let the event loop run, then wait while a request the analyst waits on is served. */
  private async yieldAndWait(): Promise<void> {
    await yieldToEventLoop();
    while (this.holds > 0) await new Promise<void>((resolve) => this.resumes.push(resolve));
  }

  /** Counts known for a source (null: unreadable; undefined: not indexed yet). */
  countsOf(file: string): FileCounts | null | undefined {
    return this.files.get(file)?.counts;
  }

  /**
   * Index every source of the folder, reporting counts in batches. A later call (or `stop`)
   * supersedes an earlier one, which then stops quietly.
   */
  async build(onBatch: (counts: Record<string, FileCounts | null>, done: number, total: number) => void, batchSize = 250): Promise<{ files: number }> {
    const generation = ++this.generation;
    const files = await this.workspace.listSources();
    let batch: Record<string, FileCounts | null> = {};
    let inBatch = 0;
    let done = 0;
    let lastReport = Date.now();
    for (const file of files) {
      if (generation !== this.generation) return { files: done };
      batch[file.path] = this.refreshSync(file.path) ?? (await this.refreshLarge(file.path));
      if ((done + 1) % 64 === 0) await this.yieldAndWait();
      done++;
      inBatch++;
      if (inBatch >= batchSize || Date.now() - lastReport > 200) {
        onBatch(batch, done, files.length);
        batch = {};
        inBatch = 0;
        lastReport = Date.now();
      }
    }
    if (generation === this.generation) onBatch(batch, done, files.length);
    return { files: files.length };
  }

  stop(): void {
    this.generation++;
  }

  /** Read one source's sidecar again (after a write, or a change by another program); returns its counts. */
  async refresh(file: string): Promise<FileCounts | null> {
    const counts = this.refreshSync(file);
    return counts === undefined ? this.refreshLarge(file) : counts;
  }

  /**
   * Synchronous reading (a sidecar is small; see readSidecarStateSync for why); callers over many
   * files yield between them. A large sidecar is left to `refreshLarge` (undefined).
   */
  private refreshSync(file: string): FileCounts | null | undefined {
    const found = this.changedSidecar(file);
    if (found.kind === 'current') return found.counts;
    if (found.stat.size > LARGE_SIDECAR_BYTES) return undefined;
    let summary: Pick<IndexedFile, 'counts' | 'entries'>;
    try {
      summary = summarize(JSON.parse(readFileSync(found.sidecar, 'utf8')), found.stat.mtime.toISOString());
    } catch {
      summary = { counts: null, entries: [] };
    }
    return this.store(file, found.stat, summary);
  }

  /**
   * A large sidecar (thousands of annotations, megabytes) read without holding the host's thread:
   * read asynchronously and summarized in slices, the event loop running between them. Read in
   * one piece, a 5 MB sidecar kept the host from answering for a third of a second — the very
   * moment the analyst opened that document, whose reading then waited for the index.
   */
  private async refreshLarge(file: string): Promise<FileCounts | null> {
    const found = this.changedSidecar(file);
    if (found.kind === 'current') return found.counts;
    return this.summarizeLarge(file, found.stat, async () => {
      const data: unknown = JSON.parse(await fs.readFile(found.sidecar, 'utf8'));
      await this.yieldAndWait();
      return data;
    });
  }

  /**
   * This host has just written `sidecar` for `file`: index it from memory rather than read back
   * and parse the file it wrote (a few megabytes for a long document, on every autosave).
   */
  async written(file: string, sidecar: Sidecar): Promise<FileCounts | null> {
    const found = this.changedSidecar(file);
    if (found.kind === 'current') return found.counts;
    return this.summarizeLarge(file, found.stat, async () => sidecar);
  }

  /** Summarize a sidecar in slices, the event loop running between them; a newer version indexed meanwhile is kept. */
  private async summarizeLarge(file: string, stat: Stats, data: () => Promise<unknown>): Promise<FileCounts | null> {
    let summary: Pick<IndexedFile, 'counts' | 'entries'>;
    try {
      summary = await summarizeInSlices(await data(), stat.mtime.toISOString(), () => this.yieldAndWait());
    } catch {
      summary = { counts: null, entries: [] };
    }
    // A newer version read in the meantime (a save while this one was read) is kept.
    const now = this.files.get(file);
    if (now && now.mtimeMs > stat.mtimeMs) return now.counts;
    return this.store(file, stat, summary);
  }

  /** The sidecar's state on disk: unchanged since indexed (its counts), or its path and stat to read. No sidecar is stored as no annotations. */
  private changedSidecar(file: string): { kind: 'current'; counts: FileCounts | null } | { kind: 'changed'; sidecar: string; stat: Stats } {
    const abs = path.join(this.workspace.root, ...file.split('/'));
    const sidecar = sidecarPathFor(abs);
    let stat: Stats;
    try {
      stat = statSync(sidecar);
    } catch {
      const none: IndexedFile = { mtimeMs: 0, size: 0, counts: { total: 0, byTag: {}, changed: null }, entries: [] };
      if (!this.files.has(file)) this.order = null;
      this.files.set(file, none);
      return { kind: 'current', counts: none.counts };
    }
    const known = this.files.get(file);
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return { kind: 'current', counts: known.counts };
    return { kind: 'changed', sidecar, stat };
  }

  private store(file: string, stat: Stats, summary: Pick<IndexedFile, 'counts' | 'entries'>): FileCounts | null {
    if (!this.files.has(file)) this.order = null;
    this.files.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, ...summary });
    return summary.counts;
  }

  forget(file: string): void {
    this.files.delete(file);
    this.order = null;
  }

  /**
   * Annotations matching every given filter: words of `text` (all of them, in the annotated text,
   * its note or its attributes), `tags`, `person` (speaker, claimant or denier), `attributes`
   * (each value equal, ignoring case), `note` (contained). Results in folder then text order.
   */
  search(query: SearchQuery): { results: FolderAnnotation[]; total: number } {
    const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const tags = query.tags?.length ? new Set(query.tags) : null;
    const person = query.person?.trim().toLowerCase();
    const note = query.note?.trim().toLowerCase();
    const attributes = Object.entries(query.attributes ?? {}).map(([k, v]) => [k, v.trim().toLowerCase()] as const);
    const files = query.files?.length ? new Set(query.files) : null;
    const results: FolderAnnotation[] = [];
    let total = 0;
    this.order ??= [...this.files.keys()].sort();
    for (const file of this.order) {
      if (files && !files.has(file)) continue;
      const indexed = this.files.get(file)!;
      for (const e of indexed.entries) {
        if (tags && !tags.has(e.tag)) continue;
        if (person && !e.people.includes(person)) continue;
        if (note && !e.noteLower.includes(note)) continue;
        if (attributes.some(([k, v]) => (e.attributes[k] ?? '').toLowerCase() !== v)) continue;
        if (words.length && !words.every((w) => e.haystack.includes(w))) continue;
        total++;
        if (results.length < query.limit) {
          results.push({ file, id: e.id, tag: e.tag, start: e.start, end: e.end, exact: e.exact, prefix: e.prefix, suffix: e.suffix, attributes: e.attributes, note: e.note });
        }
      }
    }
    return { results, total };
  }

  /** Counts over the whole index: per tag, per person and tag, per file and tag. */
  statistics(): { byTag: Record<string, number>; byPerson: Record<string, Record<string, number>>; byFile: Record<string, Record<string, number>>; annotations: number; files: number } {
    const byTag: Record<string, number> = {};
    const byPerson: Record<string, Record<string, number>> = {};
    const byFile: Record<string, Record<string, number>> = {};
    let annotations = 0;
    for (const [file, indexed] of this.files) {
      if (!indexed.counts || indexed.counts.total === 0) continue;
      byFile[file] = { ...indexed.counts.byTag };
      for (const e of indexed.entries) {
        annotations++;
        byTag[e.tag] = (byTag[e.tag] ?? 0) + 1;
        const who = PERSON_KEYS.map((k) => e.attributes[k]).find(Boolean);
        if (who) (byPerson[who] ??= {})[e.tag] = (byPerson[who]![e.tag] ?? 0) + 1;
      }
    }
    return { byTag, byPerson, byFile, annotations, files: this.files.size };
  }
}

/** Counts and search entries from a parsed sidecar; throws when it does not look like one. */
function summarize(data: unknown, changed: string): { counts: FileCounts; entries: Entry[] } {
  const summary = new Summary(data, changed);
  summary.add(0, summary.length);
  return summary.result();
}

/** `summarize`, calling `pause` (to let the event loop run) after every SLICE annotations. */
async function summarizeInSlices(data: unknown, changed: string, pause: () => Promise<void>): Promise<{ counts: FileCounts; entries: Entry[] }> {
  const summary = new Summary(data, changed);
  for (let from = 0; from < summary.length; from += SLICE) {
    summary.add(from, Math.min(summary.length, from + SLICE));
    await pause();
  }
  return summary.result();
}

/** Above this size a sidecar is read by `refreshLarge`. */
const LARGE_SIDECAR_BYTES = 512 * 1024;
/** Annotations summarized between two turns of the event loop (about 10 ms here). */
const SLICE = 2000;

/**
 * Each annotation object's entry, made once: annotations are never changed in place, and a sidecar
 * written by this host is indexed from memory (FolderIndex.written) with the same objects for every
 * annotation the save left alone, so an autosave of 10,000 annotations builds one or two entries,
 * not 10,000 (about 80 ms of the host's processor per save).
 */
const entryOf = new WeakMap<object, Entry>();

class Summary {
  private readonly annotations: Record<string, unknown>[];
  private readonly byTag: Record<string, number> = {};
  private readonly entries: Entry[] = [];

  constructor(
    data: unknown,
    private readonly changed: string,
  ) {
    const sidecar = data as { format?: unknown; annotations?: unknown };
    if (sidecar?.format !== SIDECAR_FORMAT || !Array.isArray(sidecar.annotations)) throw new Error('not a sidecar');
    this.annotations = sidecar.annotations as Record<string, unknown>[];
  }

  get length(): number {
    return this.annotations.length;
  }

  /** Summarize annotations [from, to); throws when one does not look like an annotation. */
  add(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const raw = this.annotations[i]!;
      const tag = typeof raw.tag === 'string' ? raw.tag : null;
      if (!tag || typeof raw.id !== 'string' || typeof raw.start !== 'number' || typeof raw.end !== 'number') throw new Error('not a sidecar');
      this.byTag[tag] = (this.byTag[tag] ?? 0) + 1;
      let entry = entryOf.get(raw);
      if (!entry) {
        const attributes = (raw.attributes && typeof raw.attributes === 'object' ? raw.attributes : {}) as Record<string, string>;
        const exact = String(raw.exact ?? '');
        const note = String(raw.note ?? '');
        entry = {
          id: raw.id,
          tag,
          start: raw.start,
          end: raw.end,
          exact,
          prefix: String(raw.prefix ?? ''),
          suffix: String(raw.suffix ?? ''),
          attributes,
          note,
          haystack: `${exact}\n${note}\n${Object.values(attributes).join('\n')}`.toLowerCase(),
          people: PERSON_KEYS.map((k) => attributes[k]?.toLowerCase()).filter((v): v is string => Boolean(v)),
          noteLower: note.toLowerCase(),
        };
        entryOf.set(raw, entry);
      }
      this.entries.push(entry);
    }
  }

  result(): { counts: FileCounts; entries: Entry[] } {
    return { counts: { total: this.entries.length, byTag: this.byTag, changed: this.changed }, entries: this.entries };
  }
}
