// The workspace slice: which host this is and what folder is open, with its list of sources.
import type { StateCreator } from 'zustand/vanilla';
import type { FileCounts, HostInfo, Workspace } from '../../shared/contract.js';
import type { GlossState } from './gloss-store.js';

export interface WorkspaceSlice {
  hostInfo: HostInfo | null;
  workspace: Workspace | null;
  /** Message shown when opening a folder failed. */
  workspaceError: string | null;
  setHostInfo(info: HostInfo): void;
  setWorkspace(workspace: Workspace | null): void;
  setWorkspaceError(message: string | null): void;
  /** Update the annotation count the folder panel shows for one source. */
  setFileCount(path: string, count: number, byTag?: Record<string, number>): void;
  /** Counts from the host's background pass over the folder's sidecars. */
  applyCounts(counts: Record<string, FileCounts | null>, done: number, total: number): void;
  /** How far the background count has got, or null when it is done. */
  countProgress: { done: number; total: number } | null;
}

export const createWorkspaceSlice: StateCreator<GlossState, [], [], WorkspaceSlice> = (set) => ({
  hostInfo: null,
  workspace: null,
  workspaceError: null,
  setHostInfo: (hostInfo) => set({ hostInfo }),
  setWorkspace: (workspace) => set({ workspace, workspaceError: null }),
  setWorkspaceError: (workspaceError) => set({ workspaceError }),
  countProgress: null,
  setFileCount: (path, count, byTag) =>
    set((s) =>
      s.workspace
        ? {
            workspace: {
              ...s.workspace,
              files: s.workspace.files.map((f) =>
                f.path === path ? { ...f, annotationCount: count, counts: { total: count, byTag: byTag ?? (typeof f.counts === 'object' ? f.counts.byTag : {}), changed: new Date().toISOString() } } : f,
              ),
            },
          }
        : {},
    ),
  applyCounts: (counts, done, total) =>
    set((s) => {
      if (!s.workspace) return {};
      const files = s.workspace.files.map((f) => {
        if (!(f.path in counts)) return f;
        const c = counts[f.path]!;
        return c === null ? { ...f, annotationCount: null, counts: 'unreadable' as const } : { ...f, annotationCount: c.total, counts: c };
      });
      return { workspace: { ...s.workspace, files }, countProgress: done < total ? { done, total } : null };
    }),
});
