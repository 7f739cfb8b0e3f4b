// The one contract between the UI and a host. Both hosts — Electron (IPC through a preload
// that exposes these names) and the browser host (HTTP on loopback) — implement exactly these
// entries; the renderer only ever sees a `GlossHost`. Inputs are validated with these schemas
// at the host boundary; outputs are typed by them.
import { z } from 'zod';
import { AnnotationSchema, RejectedSuggestionSchema, SidecarSchema, SourceFingerprintSchema } from './sidecar-format.js';
import { TagListSchema } from './tag-set.js';
import { TagDefinitionSchema } from './tags.js';

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

/** Kinds of source: plain text and Markdown are read as they are; HTML, DOCX and PDF are extracted. */
export const SourceFormatSchema = z.enum(['txt', 'md', 'html', 'docx', 'pdf']);
export type DocumentFormat = z.infer<typeof SourceFormatSchema>;

/** Formats the analyst may edit the text of (Edit Text mode). */
export const EDITABLE_FORMATS: readonly DocumentFormat[] = ['txt', 'md'];

export const StructureBlockSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: z.enum(['paragraph', 'heading', 'list', 'quote', 'code']),
  level: z.number().int().min(0).max(6),
});

/** What a source's sidecar holds, in numbers. */
export const FileCountsSchema = z.object({
  total: z.number().int().nonnegative(),
  byTag: z.record(z.string(), z.number().int().nonnegative()),
  /** When its annotations last changed (the sidecar's modification time), or null without a sidecar. */
  changed: z.string().nullable(),
});
export type FileCounts = z.infer<typeof FileCountsSchema>;

export const FileEntrySchema = z.object({
  /** Path relative to the workspace root, `/`-separated. */
  path: z.string(),
  name: z.string(),
  format: SourceFormatSchema,
  /**
   * Number of annotations in its sidecar; 0 without one; null when the sidecar cannot be read or
   * has not been counted yet (listing never waits for sidecars: they are counted in the background).
   */
  annotationCount: z.number().int().nonnegative().nullable(),
  /** Counts per tag once the background pass has read its sidecar; 'pending' before, 'unreadable' for a damaged one. */
  counts: z.union([FileCountsSchema, z.literal('pending'), z.literal('unreadable')]),
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
  /** The decoded (or extracted) text. Offsets everywhere are code points over this string. */
  text: z.string(),
  fingerprint: SourceFingerprintSchema,
  sidecar: SidecarStateSchema,
  /** Extracted formats: the blocks of the text (UTF-16 ranges) with their kinds; absent for .txt/.md. */
  structure: z.array(StructureBlockSchema).optional(),
  /** Which text of an HTML page this is: the extracted article, or the whole page's text. */
  view: z.enum(['article', 'whole']).optional(),
  /** HTML: whether a whole-page text exists to switch to. */
  hasWholeView: z.boolean().optional(),
  /** Things the analyst should know about the extraction. */
  warnings: z.array(z.string()).optional(),
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

export const SuggestionSchema = z.object({
  id: z.string(),
  tag: z.enum(['quote', 'claim', 'denial']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  exact: z.string(),
  attributes: z.record(z.string(), z.string()),
  confidence: z.number().min(0).max(1),
  rule: z.string(),
  links: z.array(z.object({ type: z.literal('denies'), target: z.string() })).optional(),
});

/** An annotation somewhere in the folder: its source and id. */
export const AnnotationRefSchema = z.object({ file: WorkspacePathSchema, id: z.string().min(1).max(200) }).strict();
export type AnnotationRef = z.infer<typeof AnnotationRefSchema>;

/** An annotation of the folder as lists and pickers show it (no timestamps, no links). */
export const FolderAnnotationSchema = z.object({
  file: z.string(),
  id: z.string(),
  tag: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  attributes: z.record(z.string(), z.string()),
  note: z.string(),
});
export type FolderAnnotation = z.infer<typeof FolderAnnotationSchema>;

/** A search over the folder's annotations: every given filter must match. */
export const SearchQuerySchema = z
  .object({
    /** Words that must all appear in the annotated text, its note or its attributes (any case). */
    text: z.string().max(1000).optional(),
    tags: z.array(z.string().min(1).max(200)).max(100).optional(),
    /** Speaker, claimant or denier, whole value, any case. */
    person: z.string().max(500).optional(),
    /** Attribute values that must be equal (any case), e.g. `{ "verdict": "false" }`. */
    attributes: z.record(z.string().max(100), z.string().max(500)).optional(),
    /** Text the note must contain. */
    note: z.string().max(1000).optional(),
    /** Only these sources. */
    files: z.array(z.string().max(4096)).max(10_000).optional(),
    limit: z.number().int().min(1).max(10_000).default(200),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const FolderStatisticsSchema = z.object({
  annotations: z.number().int(),
  files: z.number().int(),
  byTag: z.record(z.string(), z.number().int()),
  byPerson: z.record(z.string(), z.record(z.string(), z.number().int())),
  byFile: z.record(z.string(), z.record(z.string(), z.number().int())),
});

export const TagSetStateSchema = z.object({
  tags: z.array(TagDefinitionSchema),
  /** Whether the folder has its own tag-set file (else the defaults are in use). */
  exists: z.boolean(),
  /** Why the folder's tag-set file cannot be used, or null. */
  problem: z.string().nullable(),
  /** Where the file is (or would be), for display. */
  location: z.string(),
});
export type TagSetState = z.infer<typeof TagSetStateSchema>;

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
  readDocument: { input: z.object({ path: WorkspacePathSchema, view: z.enum(['article', 'whole']).optional() }).strict(), output: OpenedDocumentSchema },
  /**
   * Add a file the analyst dropped on the window to the opened folder (its root), under a name not
   * yet taken, so it can be opened and annotated there. Only kinds Gloss opens; at most 32 MB.
   */
  addSourceFile: {
    input: z.object({ name: z.string().min(1).max(255), base64: z.string().max(Math.ceil((32 * 1024 * 1024 * 4) / 3) + 4) }).strict(),
    output: z.object({ path: z.string() }),
  },
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
        /** The whole list of rejected suggestions, when it changed (absent: keep the file's). */
        rejectedSuggestions: z.array(RejectedSuggestionSchema).max(100_000).optional(),
      })
      .strict(),
    output: z.object({ savedAt: z.string() }),
  },
  /**
   * Suggested quotes (with speaker and cue), claims and denials for a source, from the offline
   * engine in shared/suggestions, with the folder's names to normalize speakers. Run in the host,
   * off the UI's thread; cached per text.
   */
  suggest: {
    input: z.object({ path: WorkspacePathSchema }).strict(),
    output: z.object({ suggestions: z.array(SuggestionSchema), millis: z.number() }),
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
  /**
   * Save the edited text of a .txt/.md source (Edit Text mode) atomically, in its encoding, then
   * its annotations carried through the edit, with the new fingerprint. Refused when the file on
   * disk changed since `expectedSha256`. Returns the document as it now reads.
   */
  saveSourceText: {
    input: z
      .object({
        path: WorkspacePathSchema,
        expectedSha256: z.string().regex(/^[0-9a-f]{64}$/),
        text: z.string().max(32 * 1024 * 1024),
        tags: z.array(TagDefinitionSchema),
        annotations: z.array(AnnotationSchema),
      })
      .strict(),
    output: OpenedDocumentSchema,
  },
  /**
   * Export the folder's annotations. `destination` 'folder' writes into the folder's
   * `gloss-exports/` (named by format and time); 'dialog' asks where (hosts with dialogs only).
   * Progress comes as `progress` events (task `export`); `cancelExport` stops it, and a stopped or
   * failed export leaves no file behind.
   */
  exportAnnotations: {
    input: z
      .object({
        format: z.enum(['jsonl', 'csv', 'w3c', 'bundle', 'brat', 'claimreview', 'html']),
        tags: z.array(z.string().min(1).max(200)).max(100).optional(),
        speaker: z.string().max(500).optional(),
        bom: z.boolean().optional(),
        destination: z.enum(['folder', 'dialog']),
      })
      .strict(),
    output: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('exported'),
        out: z.string(),
        annotations: z.number().int(),
        sources: z.number().int(),
        skipped: z.array(z.object({ path: z.string(), reason: z.string() })),
      }),
      z.object({ kind: z.literal('canceled') }),
    ]),
  },
  /** Stop the running export, if any. */
  cancelExport: { input: NoInput, output: z.object({ canceled: z.boolean() }) },
  /** The folder's tag set (its `gloss-tags.json`, or the defaults). */
  getTagSet: { input: NoInput, output: TagSetStateSchema },
  /**
   * Replace the folder's tag set (add, recolour, re-key tags, change attributes). Tag ids that
   * annotations use are changed only through `renameTag`, which updates the sidecars too.
   */
  saveTagSet: { input: z.object({ tags: TagListSchema }).strict(), output: TagSetStateSchema },
  /**
   * Rename tag `from` to id `to` and `label` in the tag set and in every sidecar of the folder
   * (each written atomically); when `to` is already a tag, `from` is mapped onto it. Progress is
   * reported by `progress` events.
   */
  renameTag: {
    input: z.object({ from: z.string().min(1).max(200), to: z.string().min(1).max(200), label: z.string().min(1).max(200).optional() }).strict(),
    output: z.object({ tagSet: TagSetStateSchema, filesChanged: z.number().int(), annotationsChanged: z.number().int() }),
  },
  /** Search the folder's annotations (from the folder index; run `countAnnotations` first). */
  findAnnotations: {
    input: SearchQuerySchema,
    output: z.object({ results: z.array(FolderAnnotationSchema), total: z.number().int() }),
  },
  /**
   * Read every sidecar of the folder in the background to count its annotations (per tag) and
   * index them for search; counts arrive as `folder-counts` events, in batches, as it goes.
   */
  countAnnotations: { input: NoInput, output: z.object({ files: z.number().int(), millis: z.number() }) },
  /** Annotations of the folder counted per tag, per person and per article (from the index). */
  folderStatistics: { input: NoInput, output: FolderStatisticsSchema },
  /** The annotations these references name (those that still exist). */
  lookupAnnotations: { input: z.object({ refs: z.array(AnnotationRefSchema).max(5000) }).strict(), output: z.array(FolderAnnotationSchema) },
  /** People for the speaker/claimant/denier fields: named in the article, and already used in the folder. */
  listPeople: {
    input: z.object({ path: WorkspacePathSchema }).strict(),
    output: z.object({ inArticle: z.array(z.string()), inFolder: z.array(z.object({ name: z.string(), count: z.number().int() })) }),
  },
  /** Links from annotations of other articles of the folder into the article at `path`. */
  linksInto: {
    input: z.object({ path: WorkspacePathSchema }).strict(),
    output: z.array(z.object({ from: FolderAnnotationSchema, type: z.string(), target: z.string() })),
  },
  /** Remove, in the other articles of the folder, every link to annotation `id` of `path` (before it is deleted). */
  removeLinksTo: {
    input: z.object({ path: WorkspacePathSchema, id: z.string().min(1).max(200) }).strict(),
    output: z.object({ filesChanged: z.number().int(), linksRemoved: z.number().int() }),
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
  z.object({ type: z.literal('file-changed'), path: z.string(), kind: z.enum(['source', 'sidecar', 'tags']) }),
  /** Annotation counts of some sources of the folder, from the background pass (`done` of `total` read so far). */
  z.object({ type: z.literal('folder-counts'), counts: z.record(z.string(), FileCountsSchema.nullable()), done: z.number().int(), total: z.number().int() }),
  /** Progress of a long folder-wide task (renaming a tag, exporting). */
  z.object({ type: z.literal('progress'), task: z.string(), done: z.number().int(), total: z.number().int() }),
]);
export type HostEvent = z.infer<typeof HostEventSchema>;

/** What the UI holds: the contract's entries as async functions, plus host events. */
export type GlossHost = { [K in ContractName]: (input: ContractInput<K>) => Promise<ContractOutput<K>> } & {
  /** Subscribe to host events; returns the unsubscribe function. */
  onEvent(listener: (event: HostEvent) => void): () => void;
};
