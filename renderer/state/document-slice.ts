// The document slice: the open source, its annotations as standoff data (code point offsets),
// how each was anchored, the selected annotation, undo/redo, the save status and notices. It never
// holds ProseMirror objects; the reader derives its highlights from `annotations`.
import type { StateCreator } from 'zustand/vanilla';
import { compareByPosition, createAnnotation, quoteAt, reviseAnnotation } from '../../shared/annotations.js';
import { anchorAll } from '../../shared/anchoring.js';
import { CodePointText } from '../../shared/code-points.js';
import { EDITABLE_FORMATS, type DocumentFormat, type OpenedDocument } from '../../shared/contract.js';
import { mergeById } from '../../shared/merge.js';
import type { Annotation, SourceFingerprint } from '../../shared/sidecar-format.js';
import { DEFAULT_TAGS, type TagDefinition } from '../../shared/tags.js';
import { unlinkFrom, withLink, type AnnotationLink } from '../../shared/links.js';
import { documentTags } from './tags-slice.js';
import type { StructureBlock } from '../../shared/text-blocks.js';
import { applyChange, invert, pushChange, type AnnotationChange } from './annotation-history.js';
import type { GlossState } from './gloss-store.js';

export interface OpenDocumentState {
  path: string;
  name: string;
  format: DocumentFormat;
  text: CodePointText;
  /** Extracted formats: the text's blocks as the extractor found them. */
  structure: StructureBlock[] | null;
  /** HTML: which text is shown (the article, or the whole page), and whether the other exists. */
  view: 'article' | 'whole' | null;
  hasWholeView: boolean;
  warnings: string[];
  fingerprint: SourceFingerprint;
  /** Why annotations cannot be changed (damaged or newer sidecar), or null when they can. */
  readOnlyReason: string | null;
  /** True when the sidecar on disk is damaged (the user can restore its backup or start over). */
  sidecarDamaged: boolean;
  /** For a damaged sidecar: whether a usable backup exists. */
  backupAvailable: boolean;
  /** The tag definitions the sidecar carried (shown for tags the folder's set does not know). */
  sidecarTags: TagDefinition[];
}

/** How an annotation was placed, when not simply where it was stored. */
export interface AnchorNote {
  status: 'moved' | 'fuzzy' | 'orphaned';
  /** Match score 0–1 for fuzzy ones. */
  score?: number;
}

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string };

export interface Notice {
  level: 'info' | 'warning';
  text: string;
}

export interface DocumentSlice {
  document: OpenDocumentState | null;
  documentError: string | null;
  loadingPath: string | null;
  /** Tags to offer and show: the folder's tag set, then tags only this document uses (unknown to the set). */
  tags: TagDefinition[];
  /** The open document's annotations, always in text order (compareByPosition). */
  annotations: Annotation[];
  /** Anchoring notes by annotation id; absent means anchored where stored. */
  anchors: Record<string, AnchorNote>;
  /** The annotations as last read from or written to disk: the base for merging outside changes. */
  savedAnnotations: Annotation[];
  selectedId: string | null;
  /** A request to scroll to and flash an annotation; the nonce makes repeated requests distinct. */
  reveal: { id: string; nonce: number } | null;
  undoStack: AnnotationChange[];
  redoStack: AnnotationChange[];
  /** Increases with every change of annotations that should be saved. */
  revision: number;
  savedRevision: number;
  saveStatus: SaveStatus;
  notice: Notice | null;

  setLoading(path: string): void;
  showDocument(doc: OpenedDocument): void;
  setDocumentError(message: string): void;
  closeDocument(): void;
  /** Tag code points [start, end) with a new annotation; returns it, or null when nothing was made. */
  addAnnotation(tag: string, start: number, end: number): Annotation | null;
  retag(id: string, tag: string): void;
  setNote(id: string, note: string): void;
  /** Set one attribute (empty value removes it). */
  setAttribute(id: string, key: string, value: string): void;
  addLink(id: string, link: AnnotationLink): void;
  removeLink(id: string, link: AnnotationLink): void;
  /** Record `before` → `after` as one undoable change (used by other slices), with more state set at once. */
  applyAnnotationChange(before: Annotation[], after: Annotation[], also?: Partial<GlossState>): void;
  /** Delete an annotation, and in the same undo step the links to it from this article. */
  deleteAnnotation(id: string): void;
  /** Recompute `tags` after the folder's tag set changed. */
  refreshDocumentTags(): void;
  /** Accept a fuzzy match after review: the annotation takes the text now at its place. */
  acceptFuzzy(id: string): void;
  /** Attach an orphan (or any annotation) to code points [start, end). */
  reattach(id: string, start: number, end: number): void;
  select(id: string | null, options?: { reveal?: boolean }): void;
  undo(): void;
  redo(): void;
  setSaveStatus(status: SaveStatus, savedRevision?: number, saved?: Annotation[]): void;
  setNotice(notice: Notice | null): void;
  /** The source changed on disk: show the new text and place the current annotations on it. */
  replaceSource(doc: OpenedDocument): void;
  /** The sidecar changed on disk while nothing was unsaved here: take it as it is. */
  reloadAnnotations(fromDisk: Annotation[], options?: { sidecarTags?: TagDefinition[]; notice?: Notice }): void;
  /** Blocks of the open plain text that are page furniture, and whether the reader hides them. */
  furnitureCount: number;
  hideFurniture: boolean;
  setFurnitureCount(n: number): void;
  setHideFurniture(hide: boolean): void;
  /** True while the analyst edits the source text (Edit Text mode). */
  editingText: boolean;
  setEditingText(on: boolean): void;
  /** True when Edit Text mode holds changes to the text not yet saved. */
  textEdited: boolean;
  setTextEdited(edited: boolean): void;
  /** An annotation others link to, waiting for the analyst to confirm its deletion. */
  pendingDelete: string | null;
  setPendingDelete(id: string | null): void;
  /** The sidecar changed on disk while work was unsaved here: merge both by id, then save. */
  mergeAnnotations(fromDisk: Annotation[]): { takenFromDisk: number; conflicts: number };
}

const EMPTY_DOCUMENT = {
  document: null,
  furnitureCount: 0,
  editingText: false,
  textEdited: false,
  pendingDelete: null,
  annotations: [],
  anchors: {},
  savedAnnotations: [],
  selectedId: null,
  reveal: null,
  undoStack: [],
  redoStack: [],
  revision: 0,
  savedRevision: 0,
  saveStatus: { kind: 'idle' } as SaveStatus,
  notice: null,
};

/**
 * Place annotations on a text: moved ones take their new place and context, fuzzy ones their new
 * span. Returned in text order, the order the store keeps.
 */
export function placeAnnotations(text: CodePointText, stored: readonly Annotation[]): { annotations: Annotation[]; anchors: Record<string, AnchorNote> } {
  const placed = anchorAll(text, stored);
  const anchors: Record<string, AnchorNote> = {};
  const annotations = stored.map((a, i) => {
    const anchor = placed[i]!;
    if (anchor.status === 'anchored') return a;
    anchors[a.id] = anchor.score === undefined ? { status: anchor.status } : { status: anchor.status, score: anchor.score };
    if (anchor.status === 'moved') return { ...a, start: anchor.start, end: anchor.end, ...quoteAt(text, anchor.start, anchor.end) };
    if (anchor.status === 'fuzzy') return { ...a, start: anchor.start, end: anchor.end };
    return a;
  });
  return { annotations: annotations.sort(compareByPosition), anchors };
}

const statusCounts = new WeakMap<Record<string, AnchorNote>, { orphaned: number; fuzzy: number }>();

/**
 * How many annotations are orphaned and how many await review, counted once per anchors object
 * (the store replaces it only when a note changes). Components select these on every store
 * update; counting 10,000 notes each time cost milliseconds per keystroke.
 */
export function anchorStatusCounts(anchors: Record<string, AnchorNote>): { orphaned: number; fuzzy: number } {
  let counts = statusCounts.get(anchors);
  if (!counts) {
    counts = { orphaned: 0, fuzzy: 0 };
    for (const id in anchors) {
      const status = anchors[id]!.status;
      if (status === 'orphaned') counts.orphaned++;
      else if (status === 'fuzzy') counts.fuzzy++;
    }
    statusCounts.set(anchors, counts);
  }
  return counts;
}

/** A one-line summary of how annotations were placed on a changed text. */
export function describePlacement(anchors: Record<string, AnchorNote>): string {
  const count = (s: AnchorNote['status']) => Object.values(anchors).filter((n) => n.status === s).length;
  const parts = [`${count('moved')} moved`, `${count('fuzzy')} to review`, `${count('orphaned')} orphaned`];
  return parts.join(', ');
}

export const createDocumentSlice: StateCreator<GlossState, [], [], DocumentSlice> = (set, get) => {
  /**
   * Record and apply a change of annotations as one undo step; `anchorsAfter` sets the changed
   * ones' notes; `also` is more state to set in the same update (one render, one repaint).
   */
  const commit = (change: Omit<AnnotationChange, 'at' | 'anchorsBefore'>, also: Partial<GlossState> = {}): void => {
    const s = get();
    if (!s.document || s.document.readOnlyReason) return;
    const anchorsBefore: Record<string, AnchorNote | null> = {};
    for (const a of [...change.before, ...change.after]) anchorsBefore[a.id] = s.anchors[a.id] ?? null;
    const full: AnnotationChange = { ...change, at: Date.now(), anchorsBefore, anchorsAfter: change.anchorsAfter ?? anchorsBefore };
    set({
      annotations: applyChange(s.annotations, full),
      anchors: withNotes(s.anchors, full.anchorsAfter!),
      undoStack: pushChange(s.undoStack, full),
      redoStack: [],
      revision: s.revision + 1,
      ...also,
    });
  };
  const find = (id: string) => get().annotations.find((a) => a.id === id);
  /**
   * Show `annotations` (placed on the open text) after the sidecar changed on disk; `fromDisk`
   * becomes the saved base. The undo history is cleared: it describes changes to another set.
   */
  const adoptFromDisk = (annotations: Annotation[], fromDisk: Annotation[], also: Partial<GlossState>): Annotation[] => {
    const placed = placeAnnotations(get().document!.text, annotations);
    set({ annotations: placed.annotations, anchors: placed.anchors, savedAnnotations: fromDisk, undoStack: [], redoStack: [], ...also });
    return placed.annotations;
  };

  return {
    ...EMPTY_DOCUMENT,
    documentError: null,
    loadingPath: null,
    hideFurniture: false,
    tags: [...DEFAULT_TAGS],

    setLoading: (path) => set({ loadingPath: path, documentError: null }),

    showDocument: (doc) => {
      const text = new CodePointText(doc.text);
      const stored = doc.sidecar.kind === 'ok' ? doc.sidecar.sidecar.annotations : [];
      const { annotations, anchors } = placeAnnotations(text, stored);
      const sidecarTags = doc.sidecar.kind === 'ok' ? doc.sidecar.sidecar.tags : [];
      const { tags, unknown } = documentTags(get(), sidecarTags, annotations);
      // Changed: other bytes, or the same bytes extracted differently (another extractor version, or the other HTML view).
      const changed = doc.sidecar.kind === 'ok' && (doc.sidecar.sidecar.source.sha256 !== doc.fingerprint.sha256 || (doc.sidecar.sidecar.source.extractor ?? null) !== (doc.fingerprint.extractor ?? null));
      set({
        ...EMPTY_DOCUMENT,
        loadingPath: null,
        documentError: null,
        document: {
          path: doc.path,
          name: doc.name,
          format: doc.format,
          text,
          structure: doc.structure ?? null,
          view: doc.view ?? null,
          hasWholeView: doc.hasWholeView ?? false,
          warnings: doc.warnings ?? [],
          fingerprint: doc.fingerprint,
          readOnlyReason: doc.sidecar.kind === 'newer' || doc.sidecar.kind === 'invalid' ? doc.sidecar.message : null,
          sidecarDamaged: doc.sidecar.kind === 'invalid',
          backupAvailable: doc.sidecar.kind === 'invalid' && doc.sidecar.backupAvailable,
          sidecarTags,
        },
        tags,
        unknownTags: unknown,
        externalLinks: [],
        linkingFrom: null,
        suggestions: null,
        currentSuggestion: null,
        acceptedAs: {},
        pendingLinks: [],
        ...(() => {
          const rejected = doc.sidecar.kind === 'ok' ? (doc.sidecar.sidecar.rejectedSuggestions ?? []) : [];
          return { rejectedSuggestions: rejected, savedRejectedSuggestions: rejected };
        })(),
        annotations,
        anchors,
        savedAnnotations: [...stored],
        notice: changed ? { level: 'warning', text: `${doc.name} changed since it was annotated: ${describePlacement(anchors)}.` } : null,
      });
    },

    setDocumentError: (message) => set({ ...EMPTY_DOCUMENT, loadingPath: null, documentError: message }),
    closeDocument: () => set({ ...EMPTY_DOCUMENT, loadingPath: null, documentError: null }),

    addAnnotation: (tag, start, end) => {
      const s = get();
      if (!s.document || s.document.readOnlyReason || end <= start) return null;
      const annotation = createAnnotation(s.document.text, { tag, start, end });
      commit({ before: [], after: [annotation] }, { selectedId: annotation.id });
      return annotation;
    },

    retag: (id, tag) => {
      const current = find(id);
      if (!current || current.tag === tag) return;
      commit({ before: [current], after: [reviseAnnotation(current, { tag })] });
    },

    setNote: (id, note) => {
      const current = find(id);
      if (!current || current.note === note) return;
      commit({ before: [current], after: [reviseAnnotation(current, { note })], coalesceKey: `note:${id}` });
    },

    applyAnnotationChange: (before, after, also) => commit({ before, after }, also),

    setAttribute: (id, key, value) => {
      const current = find(id);
      if (!current || (current.attributes[key] ?? '') === value) return;
      const attributes = { ...current.attributes };
      if (value) attributes[key] = value;
      else delete attributes[key];
      commit({ before: [current], after: [reviseAnnotation(current, { attributes })], coalesceKey: `attr:${id}:${key}` });
    },

    addLink: (id, link) => {
      const current = find(id);
      if (!current || (link.target === id && !link.file)) return;
      commit({ before: [current], after: [reviseAnnotation(current, { links: withLink(current, link) })] }, { linkingFrom: null });
    },

    removeLink: (id, link) => {
      const current = find(id);
      if (!current) return;
      const links = current.links.filter((l) => !(l.type === link.type && l.target === link.target && (l.file ?? null) === (link.file ?? null)));
      if (links.length === current.links.length) return;
      commit({ before: [current], after: [reviseAnnotation(current, { links })] });
    },

    deleteAnnotation: (id) => {
      const s = get();
      const current = find(id);
      if (!current || !s.document) return;
      const unlinked = unlinkFrom(s.annotations, s.document.path, s.document.path, id).filter((u) => u.before.id !== id);
      commit(
        { before: [current, ...unlinked.map((u) => u.before)], after: unlinked.map((u) => reviseAnnotation(u.before, { links: u.links })) },
        s.selectedId === id ? { selectedId: null } : {},
      );
    },

    refreshDocumentTags: () => {
      const s = get();
      const { tags, unknown } = documentTags(s, s.document?.sidecarTags ?? [], s.annotations);
      set({ tags, unknownTags: unknown });
    },

    acceptFuzzy: (id) => {
      const current = find(id);
      const doc = get().document;
      if (!current || !doc) return;
      const reviewed = { ...reviseAnnotation(current, {}), ...quoteAt(doc.text, current.start, current.end) };
      commit({ before: [current], after: [reviewed], anchorsAfter: { [id]: null } });
    },

    reattach: (id, start, end) => {
      const current = find(id);
      const doc = get().document;
      if (!current || !doc || end <= start) return;
      const attached = { ...reviseAnnotation(current, {}), start, end, ...quoteAt(doc.text, start, end) };
      commit({ before: [current], after: [attached], anchorsAfter: { [id]: null } }, { selectedId: id });
    },

    select: (id, options) =>
      set((s) => ({ selectedId: id, currentSuggestion: id ? null : s.currentSuggestion, reveal: id && options?.reveal ? { id, nonce: (s.reveal?.nonce ?? 0) + 1 } : s.reveal })),

    undo: () => {
      const s = get();
      const change = s.undoStack[s.undoStack.length - 1];
      if (!change || s.document?.readOnlyReason) return;
      const inverse = invert(change);
      set({
        annotations: applyChange(s.annotations, inverse),
        anchors: withNotes(s.anchors, inverse.anchorsAfter ?? {}),
        undoStack: s.undoStack.slice(0, -1),
        redoStack: [...s.redoStack, change],
        revision: s.revision + 1,
        selectedId: change.before.length === 1 ? change.before[0]!.id : s.selectedId,
      });
    },

    redo: () => {
      const s = get();
      const change = s.redoStack[s.redoStack.length - 1];
      if (!change || s.document?.readOnlyReason) return;
      set({
        annotations: applyChange(s.annotations, change),
        anchors: withNotes(s.anchors, change.anchorsAfter ?? {}),
        redoStack: s.redoStack.slice(0, -1),
        undoStack: [...s.undoStack, change],
        revision: s.revision + 1,
        selectedId: change.after.length === 1 ? change.after[0]!.id : s.selectedId,
      });
    },

    setSaveStatus: (saveStatus, savedRevision, saved) =>
      set({ saveStatus, ...(savedRevision === undefined ? {} : { savedRevision }), ...(saved ? { savedAnnotations: saved } : {}) }),

    setNotice: (notice) => set({ notice }),

    replaceSource: (doc) => {
      const s = get();
      if (!s.document) return;
      const text = new CodePointText(doc.text);
      // Place what is in memory now (saved or not) on the new text.
      const { annotations, anchors } = placeAnnotations(text, s.annotations);
      set({
        document: { ...s.document, text, fingerprint: doc.fingerprint, structure: doc.structure ?? null, view: doc.view ?? null, hasWholeView: doc.hasWholeView ?? false, warnings: doc.warnings ?? [] },
        annotations,
        anchors,
        // Offsets in the undo history refer to the old text.
        undoStack: [],
        redoStack: [],
        notice: { level: 'warning', text: `${doc.name} was changed on disk: ${describePlacement(anchors)}.` },
      });
    },

    reloadAnnotations: (fromDisk, options = {}) => {
      const s = get();
      if (!s.document) return;
      const annotations = adoptFromDisk(fromDisk, fromDisk, {
        notice: options.notice ?? { level: 'info', text: `Another program changed the annotations of ${s.document.name}; Gloss reloaded them.` },
        ...(options.sidecarTags ? { document: { ...s.document, sidecarTags: options.sidecarTags } } : {}),
      });
      if (!annotations.some((a) => a.id === s.selectedId)) set({ selectedId: null });
      get().refreshDocumentTags();
    },

    setPendingDelete: (pendingDelete) => set({ pendingDelete }),

    setFurnitureCount: (furnitureCount) => set({ furnitureCount }),
    setHideFurniture: (hideFurniture) => set({ hideFurniture }),

    setEditingText: (on) => {
      const s = get();
      if (on && (!s.document || s.document.readOnlyReason)) return;
      if (on && !EDITABLE_FORMATS.includes(s.document!.format)) {
        set({ notice: { level: 'info', text: `The text of ${s.document!.name} is extracted from a ${s.document!.format.toUpperCase()} file and cannot be edited in Gloss.` } });
        return;
      }
      set({ editingText: on, linkingFrom: null, ...(on ? {} : { textEdited: false }) });
    },

    setTextEdited: (textEdited) => {
      if (get().textEdited !== textEdited) set({ textEdited });
    },

    mergeAnnotations: (fromDisk) => {
      const s = get();
      if (!s.document) return { takenFromDisk: 0, conflicts: 0 };
      const result = mergeById(s.savedAnnotations, s.annotations, fromDisk);
      adoptFromDisk(result.merged, fromDisk, {
        revision: s.revision + 1,
        notice: {
          level: 'warning',
          text: `Another program changed the annotations of ${s.document.name} while you had unsaved changes. Gloss merged both: ${result.takenFromDisk} taken from disk${result.conflicts ? `, ${result.conflicts} changed on both sides (the later change kept)` : ''}.`,
        },
      });
      return result;
    },
  };
};

/** `anchors` with `notes` applied; the same object when nothing changes (so the reader need not re-check every highlight). */
function withNotes(anchors: Record<string, AnchorNote>, notes: Record<string, AnchorNote | null>): Record<string, AnchorNote> {
  if (Object.entries(notes).every(([id, note]) => (note ? anchors[id] === note : !(id in anchors)))) return anchors;
  const next = { ...anchors };
  for (const [id, note] of Object.entries(notes)) {
    if (note) next[id] = note;
    else delete next[id];
  }
  return next;
}
