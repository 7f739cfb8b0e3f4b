// React access to the session, its store and the reader. Components select one field at a time
// (zustand's useStore with a selector) so each re-renders only when what it shows changes; they
// subscribe through the panel gate, so a key's highlight is painted before they render.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { GlossSession } from '../state/gloss-session.js';
import type { GlossState } from '../state/gloss-store.js';
import { panelGate } from './panel-gate.js';

/** What the rest of the window asks of the text on screen, be it the reader or the text editor. */
export interface TextSurface {
  /** Tag the current selection; true when something was tagged. */
  tagSelection(tag: string): boolean;
  /** The current selection as code point offsets, or null when nothing is selected. */
  selectionOffsets(): { start: number; end: number } | null;
  /** Code point offset of the caret. */
  caretOffset(): number;
  focus(): void;
}

export interface AppContextValue {
  session: GlossSession;
  /** The reader (or, in Edit Text mode, the editor) of the open document, when one is shown. */
  reader: { current: TextSurface | null };
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppContext>');
  return value;
}

export function useGloss<T>(selector: (state: GlossState) => T): T {
  return useStore(panelGate.viewOf(useApp().session.store), selector);
}
