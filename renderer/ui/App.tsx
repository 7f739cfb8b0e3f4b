// The main window: folder panel, tag bar and reader, annotation list, status bar, dialogs; plus
// the keys that work anywhere outside text fields (see shortcuts.ts).
import { useEffect } from 'react';
import { AnnotationList } from './AnnotationList.js';
import { FolderPanel } from './FolderPanel.js';
import { Reader } from './Reader.js';
import { StatusBar } from './StatusBar.js';
import { TagBar } from './TagBar.js';
import { useApp, useGloss } from './session-context.js';
import { applyTagStyles } from './tag-styles.js';
import { runShortcut } from './shortcuts.js';
import { Dialogs } from './Dialogs.js';

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.matches('input, textarea, select') || (target.isContentEditable && !target.closest('.reader')));
}

export function App() {
  const { session, reader } = useApp();
  const tags = useGloss((s) => s.tags);

  useEffect(() => applyTagStyles(tags), [tags]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextField(event.target) || session.store.getState().editingText) return;
      // Tab keeps its usual meaning outside the reader (moving between controls).
      if (event.key === 'Tab') return;
      if (runShortcut(event, { session, reader })) event.preventDefault();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!session.hasUnsavedWork()) return;
      void session.flush();
      event.preventDefault();
      event.returnValue = '';
    };
    // Files dropped on the window join the open folder and open (the reader refuses drops into the text).
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      void session.addDroppedFiles(files);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
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
      <Dialogs />
    </div>
  );
}
