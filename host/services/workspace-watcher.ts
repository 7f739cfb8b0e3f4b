// Watches the workspace for sources and sidecars changed by other programs (a git pull, a second
// window, an editor) so the UI can reload or merge within a second. Changes this app wrote itself
// are recognised by their content hash and not reported.
import { watch, type FSWatcher } from 'chokidar';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isSidecarPath, SIDECAR_SUFFIX } from '../../shared/sidecar-format.js';
import { TAG_SET_FILE } from '../../shared/tag-set.js';
import type { OpenedWorkspace } from './workspace.js';
import { sourceFormatOf } from './workspace.js';

export interface FileChange {
  /** Workspace-relative path of the source concerned. */
  path: string;
  kind: 'source' | 'sidecar' | 'tags';
}

/** Coalesces the several events one save makes (write, rename) into one report. */
const SETTLE_MS = 60;

export class WorkspaceWatcher {
  private readonly watcher: FSWatcher;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** sha256 of what this app last wrote, by absolute path. */
  private readonly ownWrites = new Map<string, string>();
  private readonly isReady: Promise<void>;

  constructor(
    private readonly workspace: OpenedWorkspace,
    private readonly report: (change: FileChange) => void,
  ) {
    const targets =
      workspace.onlyFile !== null ? [path.join(workspace.root, workspace.onlyFile), path.join(workspace.root, workspace.onlyFile + SIDECAR_SUFFIX)] : [workspace.root];
    this.watcher = watch(targets, {
      ignoreInitial: true,
      depth: 16,
      ignored: (p: string) => path.relative(workspace.root, p).split(path.sep).some((part) => part.startsWith('.') && part.length > 1),
    });
    this.isReady = new Promise((resolve) => this.watcher.once('ready', () => resolve()));
    const onEvent = (abs: string) => this.schedule(abs);
    this.watcher.on('add', onEvent).on('change', onEvent).on('unlink', onEvent);
  }

  /** Note content this app is about to write, so the resulting events are not reported. */
  noteOwnWrite(absPath: string, content: string | Uint8Array): void {
    this.ownWrites.set(absPath, sha256(content));
  }

  /** Resolves once the watcher is watching (tests wait for it). */
  ready(): Promise<void> {
    return this.isReady;
  }

  async close(): Promise<void> {
    for (const t of this.timers.values()) clearTimeout(t);
    await this.watcher.close();
  }

  private schedule(abs: string): void {
    const change = this.classify(abs);
    if (!change) return;
    clearTimeout(this.timers.get(abs));
    this.timers.set(
      abs,
      setTimeout(() => {
        this.timers.delete(abs);
        void this.settle(abs, change);
      }, SETTLE_MS),
    );
  }

  private async settle(abs: string, change: FileChange): Promise<void> {
    const own = this.ownWrites.get(abs);
    if (own !== undefined) {
      const now = await fs.readFile(abs).catch(() => null);
      if (now !== null && sha256(now) === own) return;
    }
    this.report(change);
  }

  private classify(abs: string): FileChange | null {
    const rel = path.relative(this.workspace.root, abs).split(path.sep).join('/');
    if (rel.startsWith('..')) return null;
    if (isSidecarPath(rel)) return { path: rel.slice(0, -SIDECAR_SUFFIX.length), kind: 'sidecar' };
    if (rel === TAG_SET_FILE) return { path: rel, kind: 'tags' };
    return sourceFormatOf(rel) ? { path: rel, kind: 'source' } : null;
  }
}

function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
