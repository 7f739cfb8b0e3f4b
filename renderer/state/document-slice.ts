// The document slice: the open source, its annotations as standoff data (code point offsets),
// the selected annotation, undo/redo and the save status. It never holds ProseMirror objects;
// the reader derives its highlights from `annotations`.
import type { StateCreator } from 'zustand/vanilla';
import { createAnnotation, reviseAnnotation } from '../../shared/annotations.js';
import { anchorAll, type AnchorStatus } from '../../shared/anchoring.js';
import { CodePointText } from '../../shared/code-points.js';
import type { OpenedDocument } from '../../shared/contract.js';
import type { Annotation, SourceFingerprint } from '../../shared/sidecar-format.js';
import { DEFAULT_TAGS, type TagDefinition } from '../../shared/tags.js';
import type { SourceFormat } from '../../shared/text-blocks.js';
import { applyChange, invert, pushChange, type AnnotationChange } from './annotation-history.js';
import type { GlossState } from './gloss-store.js';

export interface OpenDocumentState {
  path: string;
  name: string;
  format: SourceFormat;
  text: CodePointText;
  fingerprint: SourceFingerprint;
  /** Why annotations cannot be changed (damaged or newer sidecar), or null when they can. */
  readOnlyReason: string | null;
}

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string };

export interface DocumentSlice {
  document: OpenDocumentState | null;
  documentError: string | null;
  loadingPath: string | null;
  tags: TagDefinition[];
  annotations: Annotation[];
  /** Anchoring result per annotation id; absent means anchored. */
  anchorStatus: Record<string, AnchorStatus>;
  selectedId: string | null;
  /** A request to scroll to and flash an annotation; the nonce makes repeated requests distinct. */
  reveal: { id: string; nonce: number } | null;
  undoStack: AnnotationChange[];
  redoStack: AnnotationChange[];
  /** Increases with every change of annotations that should be saved. */
  revision: number;
  savedRevision: number;
  saveStatus: SaveStatus;

  setLoading(path: string): void;
  showDocument(doc: OpenedDocument): void;
  setDocumentError(message: string): void;
  closeDocument(): void;
  /** Tag code points [start, end) with a new annotation; returns it, or null when nothing was made. */
  addAnnotation(tag: string, start: number, end: number): Annotation | null;
  retag(id: string, tag: string): void;
  setNote(id: string, note: string): void;
  deleteAnnotation(id: string): void;
  select(id: string | null, options?: { reveal?: boolean }): void;
  undo(): void;
  redo(): void;
  setSaveStatus(status: SaveStatus, savedRevision?: number): void;
}

const EMPTY_DOCUMENT = {
  document: null,
  annotations: [],
  anchorStatus: {},
  selectedId: null,
  reveal: null,
  undoStack: [],
  redoStack: [],
  revision: 0,
  savedRevision: 0,
  saveStatus: { kind: 'idle' } as SaveStatus,
};

export const createDocumentSlice: StateCreator<GlossState, [], [], DocumentSlice> = (set, get) => {
  /** Record and apply a change of annotations, as one undo step. */
  const commit = (change: Omit<AnnotationChange, 'at'>): void => {
    const s = get();
    if (!s.document || s.document.readOnlyReason) return;
    const full: AnnotationChange = { ...change, at: Date.now() };
    set({
      annotations: applyChange(s.annotations, full),
      undoStack: pushChange(s.undoStack, full),
      redoStack: [],
      revision: s.revision + 1,
    });
  };
  const find = (id: string) => get().annotations.find((a) => a.id === id);

  return {
    ...EMPTY_DOCUMENT,
    documentError: null,
    loadingPath: null,
    tags: [...DEFAULT_TAGS],

    setLoading: (path) => set({ loadingPath: path, documentError: null }),

    showDocument: (doc) => {
      const text = new CodePointText(doc.text);
      const stored = doc.sidecar.kind === 'ok' ? doc.sidecar.sidecar.annotations : [];
      const anchors = anchorAll(text, stored);
      const anchorStatus: Record<string, AnchorStatus> = {};
      const annotations = stored.map((a, i) => {
        const anchor = anchors[i]!;
        if (anchor.status !== 'anchored') anchorStatus[a.id] = anchor.status;
        return anchor.status === 'moved' ? { ...a, start: anchor.start, end: anchor.end } : a;
      });
      const sidecarTags = doc.sidecar.kind === 'ok' ? doc.sidecar.sidecar.tags : [];
      const tags = [...DEFAULT_TAGS, ...sidecarTags.filter((t) => !DEFAULT_TAGS.some((d) => d.id === t.id))];
      set({
        ...EMPTY_DOCUMENT,
        loadingPath: null,
        documentError: null,
        document: {
          path: doc.path,
          name: doc.name,
          format: doc.format,
          text,
          fingerprint: doc.fingerprint,
          readOnlyReason: doc.sidecar.kind === 'newer' || doc.sidecar.kind === 'invalid' ? doc.sidecar.message : null,
        },
        tags,
        annotations,
        anchorStatus,
      });
    },

    setDocumentError: (message) => set({ ...EMPTY_DOCUMENT, loadingPath: null, documentError: message }),
    closeDocument: () => set({ ...EMPTY_DOCUMENT, loadingPath: null, documentError: null }),

    addAnnotation: (tag, start, end) => {
      const s = get();
      if (!s.document || s.document.readOnlyReason || end <= start) return null;
      const annotation = createAnnotation(s.document.text, { tag, start, end });
      commit({ before: [], after: [annotation] });
      set({ selectedId: annotation.id });
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

    deleteAnnotation: (id) => {
      const current = find(id);
      if (!current) return;
      commit({ before: [current], after: [] });
      if (get().selectedId === id) set({ selectedId: null });
    },

    select: (id, options) =>
      set((s) => ({ selectedId: id, reveal: id && options?.reveal ? { id, nonce: (s.reveal?.nonce ?? 0) + 1 } : s.reveal })),

    undo: () => {
      const s = get();
      const change = s.undoStack[s.undoStack.length - 1];
      if (!change || s.document?.readOnlyReason) return;
      set({
        annotations: applyChange(s.annotations, invert(change)),
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
        redoStack: s.redoStack.slice(0, -1),
        undoStack: [...s.undoStack, change],
        revision: s.revision + 1,
        selectedId: change.after.length === 1 ? change.after[0]!.id : s.selectedId,
      });
    },

    setSaveStatus: (saveStatus, savedRevision) => set(savedRevision === undefined ? { saveStatus } : { saveStatus, savedRevision }),
  };
};
