// The workspace slice: which host this is and what folder is open, with its list of sources.
import type { StateCreator } from 'zustand/vanilla';
import type { HostInfo, Workspace } from '../../shared/contract.js';
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
  setFileCount(path: string, count: number): void;
}

export const createWorkspaceSlice: StateCreator<GlossState, [], [], WorkspaceSlice> = (set) => ({
  hostInfo: null,
  workspace: null,
  workspaceError: null,
  setHostInfo: (hostInfo) => set({ hostInfo }),
  setWorkspace: (workspace) => set({ workspace, workspaceError: null }),
  setWorkspaceError: (workspaceError) => set({ workspaceError }),
  setFileCount: (path, count) =>
    set((s) =>
      s.workspace
        ? { workspace: { ...s.workspace, files: s.workspace.files.map((f) => (f.path === path ? { ...f, annotationCount: count } : f)) } }
        : {},
    ),
});
