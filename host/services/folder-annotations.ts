// Questions and changes that span every sidecar of the opened folder, read with the full schema:
// the people already named in the folder, links into an article from other articles, and
// folder-wide changes (renaming a tag, removing links to a deleted annotation). Searching is the
// folder index's (folder-index.ts). Parsed sidecars are cached by modification time and size, so asking again after a
// change re-reads only the files that changed.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { AnnotationRef, FolderAnnotation } from '../../shared/contract.js';
import { linkPointsAt } from '../../shared/links.js';
import { buildSidecar, sidecarPathFor, type Annotation, type Sidecar } from '../../shared/sidecar-format.js';
import { renameInTagSet, retagAnnotations } from '../../shared/tag-set.js';
import type { SidecarState } from '../../shared/contract.js';
import { readSidecarStateSync, writeSidecar } from './sidecar-files.js';
import type { OpenedWorkspace } from './workspace.js';
import { yieldToEventLoop } from './yield.js';

interface Cached {
  mtimeMs: number;
  size: number;
  state: SidecarState;
}

export interface FolderSidecar {
  /** Folder-relative path of the source. */
  path: string;
  abs: string;
  sidecar: Sidecar;
}

export type Progress = (done: number, total: number) => void;
export type OwnWrite = (file: string, content: string) => void;

export class FolderAnnotations {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly workspace: OpenedWorkspace,
    private readonly noteOwnWrite?: OwnWrite,
    /** Told of every sidecar written here (the folder index re-reads it). */
    private readonly onWritten?: (file: string) => Promise<unknown>,
  ) {}

  /** Every readable sidecar of the folder, in path order. Damaged or newer ones are left out (they are reported when opened). */
  async *sidecars(onProgress?: Progress, except?: string): AsyncGenerator<FolderSidecar> {
    const files = (await this.workspace.listSources()).filter((f) => f.path !== except);
    let done = 0;
    for (const file of files) {
      const abs = path.join(this.workspace.root, ...file.path.split('/'));
      const state = this.read(abs);
      onProgress?.(++done, files.length);
      if (done % 64 === 0) await yieldToEventLoop();
      if (state.kind === 'ok') yield { path: file.path, abs, sidecar: state.sidecar };
    }
  }

  /** The annotations named by `refs`, as far as they exist (a missing one is left out). */
  async lookup(refs: readonly AnnotationRef[]): Promise<FolderAnnotation[]> {
    const byFile = new Map<string, Set<string>>();
    for (const r of refs) byFile.set(r.file, (byFile.get(r.file) ?? new Set()).add(r.id));
    const out: FolderAnnotation[] = [];
    for (const [file, ids] of byFile) {
      let abs: string;
      try {
        abs = await this.workspace.resolveSource(file);
      } catch {
        continue;
      }
      const state = this.read(abs);
      if (state.kind !== 'ok') continue;
      for (const a of state.sidecar.annotations) if (ids.has(a.id)) out.push(summarize(file, a));
    }
    return out;
  }

  /** Values of the given person attributes used anywhere in the folder, with how often, most used first. */
  async people(attributeIds: readonly string[]): Promise<{ name: string; count: number }[]> {
    const counts = new Map<string, number>();
    for await (const { sidecar } of this.sidecars()) {
      for (const a of sidecar.annotations) {
        for (const id of attributeIds) {
          const name = a.attributes[id]?.trim();
          if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
        }
      }
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, count]) => ({ name, count }));
  }

  /** Annotations in other articles of the folder that link to annotations of `file`. */
  async linksInto(file: string): Promise<{ from: FolderAnnotation; type: string; target: string }[]> {
    const out: { from: FolderAnnotation; type: string; target: string }[] = [];
    for await (const { path: other, sidecar } of this.sidecars(undefined, file)) {
      for (const a of sidecar.annotations) {
        for (const link of a.links) if (link.file === file) out.push({ from: summarize(other, a), type: link.type, target: link.target });
      }
    }
    return out;
  }

  /** Take out, in every other article, the links to annotation `id` of `file` (which is being deleted). */
  async removeLinksTo(file: string, id: string): Promise<{ filesChanged: number; linksRemoved: number }> {
    let filesChanged = 0;
    let linksRemoved = 0;
    for await (const { path: other, abs, sidecar } of this.sidecars(undefined, file)) {
      let removedHere = 0;
      const annotations = sidecar.annotations.map((a) => {
        const kept = a.links.filter((l) => !linkPointsAt(l, other, file, id));
        if (kept.length === a.links.length) return a;
        removedHere += a.links.length - kept.length;
        return { ...a, links: kept, modified: new Date().toISOString() };
      });
      if (removedHere === 0) continue;
      await this.write(abs, { ...sidecar, annotations }, other);
      filesChanged++;
      linksRemoved += removedHere;
    }
    return { filesChanged, linksRemoved };
  }

  /**
   * Rename tag `from` to `to` (or fold it into `to` when that tag exists) in every sidecar of the
   * folder: each file written atomically on its own, so an interruption leaves every file whole
   * (some renamed, some not; the not-yet-renamed tag then shows as unknown and can be mapped).
   */
  async renameTag(from: string, to: string, label: string | undefined, onProgress?: Progress): Promise<{ filesChanged: number; annotationsChanged: number }> {
    let filesChanged = 0;
    let annotationsChanged = 0;
    for await (const { path: file, abs, sidecar } of this.sidecars(onProgress)) {
      const annotations = retagAnnotations(sidecar.annotations, from, to);
      const usesTag = sidecar.tags.some((t) => t.id === from);
      if (annotations === sidecar.annotations && !usesTag) continue;
      annotationsChanged += sidecar.annotations.filter((a) => a.tag === from).length;
      await this.write(abs, buildSidecar(sidecar.source, renameInTagSet(sidecar.tags, from, to, label), annotations, sidecar.rejectedSuggestions), file);
      filesChanged++;
    }
    return { filesChanged, annotationsChanged };
  }

  private async write(abs: string, sidecar: Sidecar, file: string): Promise<void> {
    await writeSidecar(abs, sidecar, this.noteOwnWrite);
    this.cache.delete(abs);
    await this.onWritten?.(file);
  }

  private read(abs: string): SidecarState {
    let stat;
    try {
      stat = statSync(sidecarPathFor(abs));
    } catch {
      return { kind: 'none' };
    }
    const cached = this.cache.get(abs);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.state;
    const state = readSidecarStateSync(abs);
    this.cache.set(abs, { mtimeMs: stat.mtimeMs, size: stat.size, state });
    return state;
  }

}

function summarize(file: string, a: Annotation): FolderAnnotation {
  return { file, id: a.id, tag: a.tag, start: a.start, end: a.end, exact: a.exact, prefix: a.prefix, suffix: a.suffix, attributes: a.attributes, note: a.note };
}
