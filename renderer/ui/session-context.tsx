// React access to the session, its store and the reader. Components select one field at a time
// (zustand's useStore with a selector) so each re-renders only when what it shows changes.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { GlossSession } from '../state/gloss-session.js';
import type { GlossState } from '../state/gloss-store.js';
import type { ReaderView } from '../reader/reader-view.js';

export interface AppContextValue {
  session: GlossSession;
  /** The reader of the open document, when one is shown (set by <Reader>). */
  reader: { current: ReaderView | null };
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppContext>');
  return value;
}

export function useGloss<T>(selector: (state: GlossState) => T): T {
  return useStore(useApp().session.store, selector);
}
