// The one contract between the UI and a host. Both hosts — Electron (IPC through a preload
// that exposes these names) and the browser host (HTTP on loopback) — implement exactly these
// entries; the renderer only ever sees a `GlossHost`. Inputs are validated with these schemas
// at the host boundary; outputs are typed by them.
import { z } from 'zod';
import { AnnotationSchema, SidecarSchema, SourceFingerprintSchema, TagDefinitionSchema } from './sidecar-format.js';

/**
 * A path inside the opened folder, relative to it, with `/` separators. Never absolute and never
 * climbing out (`..`): the host resolves it against the folder and refuses anything outside.
 */
export const WorkspacePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0') && !p.startsWith('/') && !/^[a-zA-Z]:/.test(p) && !p.includes('\\') && !p.split('/').some((s) => s === '..' || s === '.' || s === ''), {
    message: 'must be a relative path inside the opened folder',
  });

export const SourceFormatSchema = z.enum(['txt', 'md']);

export const FileEntrySchema = z.object({
  /** Path relative to the workspace root, `/`-separated. */
  path: z.string(),
  name: z.string(),
  format: SourceFormatSchema,
  bytes: z.number().int().nonnegative(),
  /** Last change of the source, ISO 8601. */
  modified: z.string(),
  /** Number of annotations in its sidecar; 0 without one; null when the sidecar cannot be read. */
  annotationCount: z.number().int().nonnegative().nullable(),
});
export type FileEntry = z.infer<typeof FileEntrySchema>;

export const WorkspaceSchema = z.object({
  /** Absolute path of the opened folder (for display). */
  root: z.string(),
  /** Folder name, or the file name when a single file was opened. */
  name: z.string(),
  kind: z.enum(['folder', 'file']),
  files: z.array(FileEntrySchema),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const SidecarStateSchema = z.discriminatedUnion('kind', [
  /** No sidecar yet: the source has never been annotated. */
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('ok'), sidecar: SidecarSchema }),
  /** Written by a newer Gloss: shown read-only. */
  z.object({ kind: z.literal('newer'), message: z.string() }),
  /** Damaged or not ours: left untouched, never overwritten; annotations read-only until the user recovers. */
  z.object({ kind: z.literal('invalid'), message: z.string(), backupAvailable: z.boolean() }),
]);
export type SidecarState = z.infer<typeof SidecarStateSchema>;

export const OpenedDocumentSchema = z.object({
  path: z.string(),
  name: z.string(),
  format: SourceFormatSchema,
  /** The decoded text. Offsets everywhere are code points over this string. */
  text: z.string(),
  fingerprint: SourceFingerprintSchema,
  sidecar: SidecarStateSchema,
});
export type OpenedDocument = z.infer<typeof OpenedDocumentSchema>;

export const HostInfoSchema = z.object({
  kind: z.enum(['electron', 'web']),
  /** True when the host can show the operating system's open dialogs. */
  hasDialogs: z.boolean(),
  version: z.string(),
});
export type HostInfo = z.infer<typeof HostInfoSchema>;

const OpenInputSchema = z.object({
  /**
   * Absolute path to open, or null to ask the user with the system dialog. The Electron host
   * accepts only null (the renderer may not name paths); the browser host has no dialog and
   * needs a path typed by the user.
   */
  path: z.string().min(1).max(4096).nullable(),
});

const OpenOutputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opened'), workspace: WorkspaceSchema }),
  z.object({ kind: z.literal('canceled') }),
]);

const NoInput = z.object({}).strict();

/** Every entry of the contract: what it does, its input and its output. */
export const contract = {
  /** Which host this is and what it can do. */
  getHostInfo: { input: NoInput, output: HostInfoSchema },
  /** The folder (or single file) open now, with its supported sources; null when none is. */
  getWorkspace: { input: NoInput, output: WorkspaceSchema.nullable() },
  /** Open a folder: it becomes the workspace, the only place files are read from or written to. */
  openFolder: { input: OpenInputSchema, output: OpenOutputSchema },
  /** Open a single source file: the workspace becomes that file alone. */
  openFile: { input: OpenInputSchema, output: OpenOutputSchema },
  /** Read a source and its sidecar. */
  readDocument: { input: z.object({ path: WorkspacePathSchema }).strict(), output: OpenedDocumentSchema },
  /**
   * Save changes of a source's annotations to its sidecar, atomically: the host applies them to
   * the sidecar on disk (by id: `upsert` adds or replaces, `remove` deletes) and writes it with
   * this fingerprint and tag set. Only what changed crosses the boundary, so saving stays cheap
   * with 10,000 annotations. Refused when the sidecar on disk is damaged or newer (it is never
   * overwritten) or when the source no longer matches the fingerprint.
   */
  saveAnnotations: {
    input: z
      .object({
        path: WorkspacePathSchema,
        source: SourceFingerprintSchema,
        tags: z.array(TagDefinitionSchema),
        upsert: z.array(AnnotationSchema),
        remove: z.array(z.string()),
      })
      .strict(),
    output: z.object({ savedAt: z.string() }),
  },
  /**
   * Recover from a damaged sidecar as the user chose: the damaged file is renamed aside (never
   * deleted), then the backup is restored or the source starts with no annotations. Returns the
   * document as it now reads.
   */
  recoverSidecar: {
    input: z.object({ path: WorkspacePathSchema, action: z.enum(['restore-backup', 'start-over']) }).strict(),
    output: z.object({ document: OpenedDocumentSchema, renamedTo: z.string() }),
  },
} as const;

export type Contract = typeof contract;
export type ContractName = keyof Contract;
export type ContractInput<K extends ContractName> = z.infer<Contract[K]['input']>;
export type ContractOutput<K extends ContractName> = z.infer<Contract[K]['output']>;

export const CONTRACT_NAMES = Object.keys(contract) as ContractName[];

export function isContractName(name: unknown): name is ContractName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Commands a host's own menu sends to the UI. */
export const MenuCommandSchema = z.enum(['undo', 'redo', 'delete-annotation']);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

/** Events a host pushes to the UI. */
export const HostEventSchema = z.discriminatedUnion('type', [
  /** Another folder or file was opened (from the host's menu). */
  z.object({ type: z.literal('workspace-changed'), workspace: WorkspaceSchema }),
  z.object({ type: z.literal('menu-command'), command: MenuCommandSchema }),
  /** A source or sidecar in the workspace was changed on disk by something other than this app. */
  z.object({ type: z.literal('file-changed'), path: z.string(), kind: z.enum(['source', 'sidecar']) }),
]);
export type HostEvent = z.infer<typeof HostEventSchema>;

/** What the UI holds: the contract's entries as async functions, plus host events. */
export type GlossHost = { [K in ContractName]: (input: ContractInput<K>) => Promise<ContractOutput<K>> } & {
  /** Subscribe to host events; returns the unsubscribe function. */
  onEvent(listener: (event: HostEvent) => void): () => void;
};
