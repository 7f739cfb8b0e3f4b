// The main window: folder panel, tag bar and reader, annotation list, status bar; plus the keys
// that work anywhere outside text fields (tag, delete, undo, redo).
import { useEffect } from 'react';
import { AnnotationList } from './AnnotationList.js';
import { FolderPanel } from './FolderPanel.js';
import { Reader } from './Reader.js';
import { StatusBar } from './StatusBar.js';
import { TagBar } from './TagBar.js';
import { useApp, useGloss } from './session-context.js';
import { applyTagStyles } from './tag-styles.js';

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.matches('input, textarea, select') || (target.isContentEditable && !target.closest('.reader')));
}

export function App() {
  const { session, reader } = useApp();
  const tags = useGloss((s) => s.tags);

  useEffect(() => applyTagStyles(tags), [tags]);

  useEffect(() => {
    const store = session.store;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextField(event.target)) return;
      const s = store.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key;
      if (mod && key.toLowerCase() === 'z') s[event.shiftKey ? 'redo' : 'undo']();
      else if (mod && key.toLowerCase() === 'y') s.redo();
      else if (mod || event.altKey) return;
      else if ((key === 'Delete' || key === 'Backspace') && s.selectedId) s.deleteAnnotation(s.selectedId);
      else if (key === 'Escape') s.select(null);
      else {
        const tag = s.tags.find((t) => t.key === key);
        if (!tag) return;
        if (!reader.current?.tagSelection(tag.id) && s.selectedId) s.retag(s.selectedId, tag.id);
      }
      event.preventDefault();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!session.hasUnsavedWork()) return;
      void session.flush();
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [session, reader]);

  return (
    <div className="app">
      <FolderPanel />
      <main className="center">
        <TagBar />
        <Reader />
      </main>
      <AnnotationList />
      <StatusBar />
    </div>
  );
}
