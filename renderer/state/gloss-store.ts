// The app's one store, built from slices (zustand's vanilla store: usable and testable without
// React). Components read it through selectors one field at a time.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDocumentSlice, type DocumentSlice } from './document-slice.js';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice.js';
import { createTagsSlice, type TagsSlice } from './tags-slice.js';
import { createSuggestionsSlice, type SuggestionsSlice } from './suggestions-slice.js';
import { createCorpusSlice, type CorpusSlice } from './corpus-slice.js';

export type GlossState = WorkspaceSlice & DocumentSlice & TagsSlice & SuggestionsSlice & CorpusSlice;
export type GlossStore = StoreApi<GlossState>;

export function createGlossStore(): GlossStore {
  return createStore<GlossState>()((...a) => ({
    ...createWorkspaceSlice(...a),
    ...createDocumentSlice(...a),
    ...createTagsSlice(...a),
    ...createSuggestionsSlice(...a),
    ...createCorpusSlice(...a),
  }));
}
