// The corpus slice: the left panel's view (the folder's articles or a search across them), the
// search's filters and results, and the statistics view's numbers. Searching runs in the host over
// its folder index; the slice only holds what to ask and what came back.
import type { StateCreator } from 'zustand/vanilla';
import type { ContractOutput, FolderAnnotation } from '../../shared/contract.js';
import type { GlossState } from './gloss-store.js';

export interface SearchFilters {
  text: string;
  tags: string[];
  person: string;
  /** Attribute filters, e.g. { verdict: 'false' }. */
  attributes: Record<string, string>;
  note: string;
  /** Only these articles (set by clicking an article's bar in the statistics). */
  files: string[];
}

export const EMPTY_FILTERS: SearchFilters = { text: '', tags: [], person: '', attributes: {}, note: '', files: [] };

export interface CorpusSlice {
  leftView: 'articles' | 'search';
  filters: SearchFilters;
  searchResults: { results: FolderAnnotation[]; total: number; millis: number } | null;
  searching: boolean;
  statistics: ContractOutput<'folderStatistics'> | null;
  setLeftView(view: CorpusSlice['leftView']): void;
  setFilters(change: Partial<SearchFilters>): void;
  setSearchResults(results: CorpusSlice['searchResults']): void;
  setSearching(on: boolean): void;
  setStatistics(statistics: CorpusSlice['statistics']): void;
}

/** True when no filter is set (an empty search shows nothing rather than everything). */
export function filtersEmpty(f: SearchFilters): boolean {
  return !f.text.trim() && f.tags.length === 0 && !f.person.trim() && !f.note.trim() && f.files.length === 0 && Object.values(f.attributes).every((v) => !v);
}

export const createCorpusSlice: StateCreator<GlossState, [], [], CorpusSlice> = (set) => ({
  leftView: 'articles',
  filters: EMPTY_FILTERS,
  searchResults: null,
  searching: false,
  statistics: null,
  setLeftView: (leftView) => set({ leftView }),
  setFilters: (change) => set((s) => ({ filters: { ...s.filters, ...change } })),
  setSearchResults: (searchResults) => set({ searchResults, searching: false }),
  setSearching: (searching) => set({ searching }),
  setStatistics: (statistics) => set({ statistics }),
});
