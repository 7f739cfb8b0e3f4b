// The tag-set slice: the folder's tag set as the host last reported it, the sticky tag (every new
// selection gets it), an in-progress link (a denial waiting for the claim it denies), links into
// the open article from other articles, and the progress of a long folder-wide task.
import type { StateCreator } from 'zustand/vanilla';
import type { FolderAnnotation, TagSetState } from '../../shared/contract.js';
import { tagsForDocument } from '../../shared/tag-set.js';
import { DEFAULT_TAGS } from '../../shared/tags.js';
import type { GlossState } from './gloss-store.js';

export interface ExternalLink {
  from: FolderAnnotation;
  type: string;
  /** Id of the annotation of the open article that is linked to. */
  target: string;
}

export interface TagsSlice {
  tagSet: TagSetState | null;
  /** Tags the open document uses that the folder's tag set does not define. */
  unknownTags: string[];
  stickyTag: string | null;
  /** The tag applied last, which sticky mode takes when turned on. */
  lastTag: string | null;
  /** The annotation waiting for its link target to be chosen, or null. */
  linkingFrom: string | null;
  /** Links from other articles of the folder into the open one. */
  externalLinks: ExternalLink[];
  /** Annotations of other articles that the open one links to, by `file#id`; null when the target no longer exists. */
  linkTargets: Record<string, FolderAnnotation | null>;
  progress: { task: string; done: number; total: number } | null;
  /** A dialog over the main window: the shortcut list, tag settings or statistics. */
  dialog: 'shortcuts' | 'tags' | 'stats' | 'export' | null;

  setDialog(dialog: TagsSlice['dialog']): void;
  setTagSet(tagSet: TagSetState): void;
  setSticky(tag: string | null): void;
  noteTagUsed(tag: string): void;
  startLinking(id: string | null): void;
  setExternalLinks(links: ExternalLink[]): void;
  setLinkTargets(targets: Record<string, FolderAnnotation | null>): void;
  setProgress(progress: TagsSlice['progress']): void;
}

export const targetKey = (file: string, id: string) => `${file}#${id}`;

export const createTagsSlice: StateCreator<GlossState, [], [], TagsSlice> = (set, get) => ({
  tagSet: null,
  unknownTags: [],
  stickyTag: null,
  lastTag: null,
  linkingFrom: null,
  externalLinks: [],
  linkTargets: {},
  progress: null,
  dialog: null,

  setDialog: (dialog) => set({ dialog }),
  setTagSet: (tagSet) => {
    set({ tagSet });
    get().refreshDocumentTags();
  },
  setSticky: (stickyTag) => set({ stickyTag }),
  noteTagUsed: (lastTag) => set({ lastTag }),
  startLinking: (linkingFrom) => set({ linkingFrom }),
  setExternalLinks: (externalLinks) => set({ externalLinks }),
  setLinkTargets: (targets) => set((s) => ({ linkTargets: { ...s.linkTargets, ...targets } })),
  setProgress: (progress) => set({ progress }),
});

/** The tags to show for a document with these sidecar tags and annotations, given the folder's set. */
export function documentTags(state: Pick<GlossState, 'tagSet'>, sidecarTags: Parameters<typeof tagsForDocument>[1], annotations: Parameters<typeof tagsForDocument>[2]) {
  return tagsForDocument(state.tagSet?.tags ?? DEFAULT_TAGS, sidecarTags, annotations);
}
