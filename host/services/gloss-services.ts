// The host-agnostic implementation of the contract. Both hosts build one of these and route
// requests to `dispatch`, which validates the payload, runs the entry and turns any failure into
// a GlossError. What differs between hosts (whether an OS dialog exists, whether the UI may name
// paths) is the `HostPolicy` they pass in.
import { EventEmitter } from 'node:events';
import { GlossError, toWireError, type WireError } from '../../shared/errors.js';
import type { ContractInput, ContractName, ContractOutput, HostEvent, HostInfo, OpenedDocument, Workspace } from '../../shared/contract.js';
import { validateInput } from '../../shared/contract-validation.js';
import { addFileToFolder, OpenedWorkspace, sourceFormatOf } from './workspace.js';
import { EDITABLE_FORMATS } from '../../shared/contract.js';
import { currentSha256, loadSource, writeSourceText } from './source-files.js';
import { applyAnnotationChanges } from '../../shared/annotations.js';
import { buildSidecar } from '../../shared/sidecar-format.js';
import { readSidecarState, recoverSidecar, writeSidecar } from './sidecar-files.js';
import { WorkspaceWatcher } from './workspace-watcher.js';
import { FolderAnnotations } from './folder-annotations.js';
import { FolderIndex } from './folder-index.js';
import { DEFAULT_EXPORT_NAMES, EXPORTS_FOLDER } from './corpus-export.js';
import { runExport } from './export-runner.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readTagSet, tagSetPathFor, writeTagSet } from './tag-set-files.js';
import { renameInTagSet } from '../../shared/tag-set.js';
import { personAttributeIds } from '../../shared/tags.js';
import { namesInText } from '../../shared/person-names.js';
import { suggest } from '../../shared/suggestions/suggest.js';

export interface HostPolicy {
  kind: HostInfo['kind'];
  version: string;
  /** Show the OS dialog; absent where the host has none (the browser host). */
  pickPath?: (what: 'folder' | 'file') => Promise<string | null>;
  /** Ask where to save an export (a file, or for brat a folder to create); absent where the host has no dialogs. */
  pickSavePath?: (suggestedName: string) => Promise<string | null>;
  /** Whether the UI may name a path to open. The Electron host says no: only dialogs and the command line open things there. */
  uiMayNamePaths: boolean;
}

export type Handlers = { [K in ContractName]: (input: ContractInput<K>) => Promise<ContractOutput<K>> };

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: WireError };

export class GlossServices {
  private workspace: OpenedWorkspace | null = null;
  private watcher: WorkspaceWatcher | null = null;
  private folder: FolderAnnotations | null = null;
  private index: FolderIndex | null = null;
  private exporting: AbortController | null = null;
  /** People named in each source, by sha256: the person tagger is slow on long texts, so it runs once per text. */
  private readonly namesByText = new Map<string, Promise<string[]>>();
  private readonly events = new EventEmitter();
  readonly handlers: Handlers;

  constructor(private readonly policy: HostPolicy) {
    this.handlers = {
      getHostInfo: async () => ({ kind: policy.kind, hasDialogs: Boolean(policy.pickPath), version: policy.version }),
      getWorkspace: async () => (this.workspace ? this.describeWorkspace() : null),
      openFolder: async ({ path }) => this.openFromUi('folder', path),
      openFile: async ({ path }) => this.openFromUi('file', path),
      // The index's background reading pauses while the analyst waits for a document.
      readDocument: async (input) => (this.index ? this.index.whilePaused(() => this.readDocument(input)) : this.readDocument(input)),
      addSourceFile: async ({ name, base64 }) => {
        const workspace = this.requireWorkspace();
        if (workspace.kind !== 'folder') throw new GlossError('invalid-request', 'Open a folder first: a dropped file is added to the open folder.');
        const relative = await addFileToFolder(workspace.root, name, Buffer.from(base64, 'base64'));
        await this.index?.refresh(relative);
        this.emit({ type: 'workspace-changed', workspace: await this.describeWorkspace() });
        return { path: relative };
      },
      saveAnnotations: async ({ path, source, tags, upsert, remove, rejectedSuggestions }) => {
        const abs = await this.requireWorkspace().resolveSource(path);
        if ((await currentSha256(abs)) !== source.sha256) {
          throw new GlossError(
            'source-changed',
            `Not saved: ${source.name} changed on disk since it was opened. Reopen it; your annotations stay in memory until then.`,
          );
        }
        const current = await readSidecarState(abs);
        const base = current.kind === 'ok' ? current.sidecar.annotations : [];
        const rejected = rejectedSuggestions ?? (current.kind === 'ok' ? current.sidecar.rejectedSuggestions : undefined);
        const sidecar = buildSidecar(source, tags, applyAnnotationChanges(base, upsert, remove), rejected);
        await writeSidecar(abs, sidecar, (file, content) => this.watcher?.noteOwnWrite(file, content));
        await this.index?.written(path, sidecar);
        return { savedAt: new Date().toISOString() };
      },
      recoverSidecar: async ({ path, action }) => {
        const abs = await this.requireWorkspace().resolveSource(path);
        const renamedTo = await recoverSidecar(abs, action);
        await this.index?.refresh(path);
        return { document: await this.handlers.readDocument({ path }), renamedTo };
      },
      saveSourceText: async ({ path, expectedSha256, text, tags, annotations }) => {
        const abs = await this.requireWorkspace().resolveSource(path);
        if (!EDITABLE_FORMATS.includes(sourceFormatOf(abs)!)) throw new GlossError('unsupported', `${path} is extracted from another format; its text cannot be edited in Gloss.`);
        const current = await readSidecarState(abs);
        if (current.kind === 'invalid' || current.kind === 'newer') throw new GlossError('write-failed', `Text not saved: ${current.message}`);
        const source = await writeSourceText(abs, text, expectedSha256, (file, bytes) => this.watcher?.noteOwnWrite(file, bytes));
        const rejected = current.kind === 'ok' ? current.sidecar.rejectedSuggestions : undefined;
        const sidecar = buildSidecar(source.fingerprint, tags, applyAnnotationChanges([], annotations, []), rejected);
        await writeSidecar(abs, sidecar, (file, content) => this.watcher?.noteOwnWrite(file, content));
        await this.index?.written(path, sidecar);
        return this.handlers.readDocument({ path });
      },
      suggest: async ({ path }) => {
        const abs = await this.requireWorkspace().resolveSource(path);
        const source = await loadSource(abs);
        const { tags } = await readTagSet(this.requireWorkspace().root);
        const known = (await this.requireFolder().people(personAttributeIds(tags))).map((p) => p.name);
        const started = performance.now();
        const suggestions = suggest(source.text, { knownNames: known });
        return { suggestions, millis: Math.round(performance.now() - started) };
      },
      exportAnnotations: async ({ format, tags, speaker, bom, destination }) => {
        const workspace = this.requireWorkspace();
        if (workspace.kind !== 'folder') throw new GlossError('invalid-request', 'Exports cover a folder: open the folder that holds this file to export it.');
        if (this.exporting) throw new GlossError('invalid-request', 'An export is already running; wait for it or cancel it.');
        const name = DEFAULT_EXPORT_NAMES[format];
        let out: string;
        if (destination === 'dialog') {
          if (!this.policy.pickSavePath) throw new GlossError('no-dialog', 'This host has no save dialog; export into the folder instead.');
          const chosen = await this.policy.pickSavePath(name);
          if (chosen === null) return { kind: 'canceled' as const };
          out = chosen;
        } else {
          const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
          const ext = path.extname(name);
          await fs.mkdir(path.join(workspace.root, EXPORTS_FOLDER), { recursive: true });
          out = path.join(workspace.root, EXPORTS_FOLDER, `${path.basename(name, ext)}-${stamp}${ext}`);
        }
        const controller = new AbortController();
        this.exporting = controller;
        try {
          const result = await runExport(workspace.root, {
            format,
            filter: { tags, speaker },
            out,
            bom,
            signal: controller.signal,
            onProgress: (done, total) => this.emit({ type: 'progress', task: 'export', done, total }),
          });
          return { kind: 'exported' as const, out, annotations: result.annotations, sources: result.sources, skipped: result.skipped };
        } catch (err) {
          if (controller.signal.aborted) return { kind: 'canceled' as const };
          throw err;
        } finally {
          this.exporting = null;
        }
      },
      cancelExport: async () => {
        const running = this.exporting;
        running?.abort();
        return { canceled: Boolean(running) };
      },
      getTagSet: async () => this.tagSetState(),
      saveTagSet: async ({ tags }) => {
        const root = this.requireWorkspace().root;
        await writeTagSet(root, tags, (file, content) => this.watcher?.noteOwnWrite(file, content));
        return this.tagSetState();
      },
      renameTag: async ({ from, to, label }) => {
        const root = this.requireWorkspace().root;
        const before = await readTagSet(root);
        if (before.problem) throw new GlossError('write-failed', `Tags not renamed: ${before.problem}`);
        // The tag set first: a sidecar not yet renamed if this is interrupted shows its tag as unknown, to be mapped.
        await writeTagSet(root, renameInTagSet(before.tags, from, to, label), (file, content) => this.watcher?.noteOwnWrite(file, content));
        const result = await this.requireFolder().renameTag(from, to, label, (done, total) => this.emit({ type: 'progress', task: 'rename-tag', done, total }));
        return { tagSet: await this.tagSetState(), ...result };
      },
      findAnnotations: async (query) => {
        this.requireWorkspace();
        return this.index!.search(query);
      },
      countAnnotations: async () => {
        this.requireWorkspace();
        const started = performance.now();
        const { files } = await this.index!.build((counts, done, total) => this.emit({ type: 'folder-counts', counts, done, total }));
        return { files, millis: Math.round(performance.now() - started) };
      },
      folderStatistics: async () => {
        this.requireWorkspace();
        return this.index!.statistics();
      },
      lookupAnnotations: async ({ refs }) => this.requireFolder().lookup(refs),
      listPeople: async ({ path }) => {
        const abs = await this.requireWorkspace().resolveSource(path);
        const source = await loadSource(abs);
        let names = this.namesByText.get(source.fingerprint.sha256);
        if (!names) {
          names = Promise.resolve().then(() => namesInText(source.text));
          this.namesByText.set(source.fingerprint.sha256, names);
        }
        const { tags } = await readTagSet(this.requireWorkspace().root);
        return { inArticle: await names, inFolder: await this.requireFolder().people(personAttributeIds(tags)) };
      },
      linksInto: async ({ path }) => {
        await this.requireWorkspace().resolveSource(path);
        return this.requireFolder().linksInto(path);
      },
      removeLinksTo: async ({ path, id }) => {
        await this.requireWorkspace().resolveSource(path);
        return this.requireFolder().removeLinksTo(path, id);
      },
    };
  }

  /** Open a folder or file named by the host itself (command line, dialog, menu); tells the UI and returns its listing. */
  async open(what: 'folder' | 'file', target: string): Promise<Workspace> {
    const opened = what === 'folder' ? await OpenedWorkspace.openFolder(target) : await OpenedWorkspace.openFile(target);
    await this.watcher?.close();
    this.watcher = null;
    this.workspace = opened;
    this.index?.stop();
    const index = new FolderIndex(opened);
    this.index = index;
    this.folder = new FolderAnnotations(opened, (file, content) => this.watcher?.noteOwnWrite(file, content), (path) => index.refresh(path));
    const workspace = await this.describeWorkspace();
    // Watching starts once the folder is listed: the watcher's first scan of a large folder would
    // otherwise compete with the listing the analyst is waiting for.
    this.watcher = new WorkspaceWatcher(opened, (change) => {
      // The index follows sidecars changed by other programs before the UI hears of it.
      if (change.kind === 'sidecar') void index.refresh(change.path).then(() => this.emit({ type: 'file-changed', ...change }));
      else this.emit({ type: 'file-changed', ...change });
    });
    this.emit({ type: 'workspace-changed', workspace });
    return workspace;
  }

  /** Validate and run one contract entry; never throws. */
  async dispatch(name: string, payload: unknown): Promise<DispatchResult> {
    try {
      const input = validateInput(name, payload);
      const handler = this.handlers[name as ContractName] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(input) };
    } catch (err) {
      return { ok: false, error: toWireError(err) };
    }
  }

  /** Resolves when the workspace watcher is ready to report changes. */
  async watching(): Promise<void> {
    await this.watcher?.ready();
  }

  /** Stop watching (when the host shuts down). */
  async close(): Promise<void> {
    this.index?.stop();
    await this.watcher?.close();
    this.watcher = null;
  }

  onEvent(listener: (event: HostEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  private emit(event: HostEvent): void {
    this.events.emit('event', event);
  }

  /** A source's text and its sidecar, as the reader opens them. */
  private async readDocument({ path, view }: { path: string; view?: 'article' | 'whole' }): Promise<OpenedDocument> {
    const abs = await this.requireWorkspace().resolveSource(path);
    const sidecar = await readSidecarState(abs);
    // An HTML page opens in the view its annotations were made on, unless another is asked for.
    const wanted = view ?? (sidecar.kind === 'ok' && sidecar.sidecar.source.extractor?.endsWith('#whole-page') ? 'whole' : 'article');
    const source = await loadSource(abs, wanted);
    const extracted = source.extracted
      ? { structure: source.extracted.structure, view: source.extracted.view, hasWholeView: source.extracted.hasWholeView, warnings: source.extracted.warnings }
      : {};
    return { path, name: source.fingerprint.name, format: sourceFormatOf(abs)!, text: source.text, fingerprint: source.fingerprint, sidecar, ...extracted };
  }

  private async openFromUi(what: 'folder' | 'file', path: string | null): Promise<ContractOutput<'openFolder'>> {
    let target = path;
    if (target === null) {
      if (!this.policy.pickPath) throw new GlossError('no-dialog', `This host has no ${what} dialog; type the ${what}'s path instead.`);
      target = await this.policy.pickPath(what);
      if (target === null) return { kind: 'canceled' };
    } else if (!this.policy.uiMayNamePaths) {
      throw new GlossError('invalid-request', `Refused: open a ${what} through the File menu.`);
    }
    return { kind: 'opened', workspace: await this.open(what, target) };
  }

  /** The workspace's listing, with the counts the folder index already has. */
  private async describeWorkspace(): Promise<Workspace> {
    const described = await this.requireWorkspace().describe();
    const index = this.index;
    if (!index) return described;
    return {
      ...described,
      files: described.files.map((f) => {
        const counts = index.countsOf(f.path);
        if (counts === undefined) return f;
        return counts === null ? { ...f, counts: 'unreadable' as const } : { ...f, counts, annotationCount: counts.total };
      }),
    };
  }

  private requireFolder(): FolderAnnotations {
    this.requireWorkspace();
    return this.folder!;
  }

  private async tagSetState() {
    const root = this.requireWorkspace().root;
    const state = await readTagSet(root);
    return { ...state, location: tagSetPathFor(root) };
  }

  private requireWorkspace(): OpenedWorkspace {
    if (!this.workspace) throw new GlossError('no-workspace', 'No folder is open. Use File › Open Folder… first.');
    return this.workspace;
  }
}
