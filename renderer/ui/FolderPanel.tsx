// The folder panel: the workspace's sources, each with its annotation count. In the browser host,
// which has no system dialogs, it also offers opening another folder or file by typing its path.
import { useState } from 'react';
import { useApp, useGloss } from './session-context.js';

export function FolderPanel() {
  const { session } = useApp();
  const workspace = useGloss((s) => s.workspace);
  const workspaceError = useGloss((s) => s.workspaceError);
  const hostInfo = useGloss((s) => s.hostInfo);
  const openPath = useGloss((s) => s.document?.path ?? s.loadingPath);

  return (
    <nav className="folder-panel" aria-label="Folder">
      <h2 title={workspace?.root}>{workspace ? workspace.name : 'No folder open'}</h2>
      {hostInfo && !hostInfo.hasDialogs && <OpenByPath />}
      {workspaceError && (
        <p className="error" role="alert">
          {workspaceError}
        </p>
      )}
      <ul className="file-list">
        {workspace?.files.map((file) => (
          <li key={file.path}>
            <button
              type="button"
              className={`file${file.path === openPath ? ' open' : ''}`}
              aria-current={file.path === openPath ? 'page' : undefined}
              onClick={() => void session.openDocument(file.path)}
              title={file.path}
            >
              <span className="file-name">{file.path}</span>
              <span className="file-count" aria-label={file.annotationCount === null ? 'annotations unreadable' : `${file.annotationCount} annotations`}>
                {file.annotationCount === null ? '!' : file.annotationCount}
              </span>
            </button>
          </li>
        ))}
        {workspace && workspace.files.length === 0 && <li className="empty">No .txt or .md files here.</li>}
      </ul>
    </nav>
  );
}

function OpenByPath() {
  const { session } = useApp();
  const [value, setValue] = useState('');
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="open-path-toggle" onClick={() => setOpen(true)}>
        Open folder or file…
      </button>
    );
  }
  const submit = async (what: 'folder' | 'file') => {
    if (!value.trim()) return;
    if (what === 'folder') await session.openFolder(value.trim());
    else await session.openFile(value.trim());
    setOpen(false);
  };
  return (
    <form className="open-path" onSubmit={(e) => (e.preventDefault(), void submit('folder'))}>
      <label>
        Path on this computer
        <input autoFocus value={value} onChange={(e) => setValue(e.target.value)} placeholder="/home/me/articles" />
      </label>
      <div className="open-path-buttons">
        <button type="submit">Open Folder</button>
        <button type="button" onClick={() => void submit('file')}>
          Open File
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
