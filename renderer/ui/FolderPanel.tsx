// The folder panel: the folder's articles (a virtualized list, so 10,000 stay smooth) with their
// annotation counts per tag and when they were last annotated, filled in as the host counts them
// in the background; or a search across every annotation of the folder. In the browser host, which
// has no system dialogs, it also offers opening another folder or file by typing its path.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { FileEntry } from '../../shared/contract.js';
import { tagById, type TagDefinition } from '../../shared/tags.js';
import { SearchPanel } from './SearchPanel.js';
import { useApp, useGloss } from './session-context.js';

const ROW_HEIGHT = 46;

export function FolderPanel() {
  const { session } = useApp();
  const store = session.store;
  const workspace = useGloss((s) => s.workspace);
  const workspaceError = useGloss((s) => s.workspaceError);
  const hostInfo = useGloss((s) => s.hostInfo);
  const view = useGloss((s) => s.leftView);
  const progress = useGloss((s) => s.countProgress);

  return (
    <nav className="folder-panel" aria-label="Folder">
      <h2 title={workspace?.root}>{workspace ? workspace.name : 'No folder open'}</h2>
      {hostInfo && !hostInfo.hasDialogs && <OpenByPath />}
      {workspaceError && (
        <p className="error" role="alert">
          {workspaceError}
        </p>
      )}
      {workspace && (
        <div className="left-tabs">
          <div role="tablist" aria-label="Folder views">
            <button type="button" role="tab" id="tab-articles" aria-selected={view === 'articles'} aria-controls="panel-articles" onClick={() => store.getState().setLeftView('articles')}>
              Articles <span className="count">{workspace.files.length.toLocaleString()}</span>
            </button>
            <button type="button" role="tab" id="tab-search" aria-selected={view === 'search'} aria-controls="panel-search" onClick={() => store.getState().setLeftView('search')}>
              Search
            </button>
          </div>
          <button type="button" className="stats-button" onClick={() => store.getState().setDialog('stats')} title="Statistics of this folder's annotations">
            Statistics
          </button>
          <button type="button" onClick={() => store.getState().setDialog('export')} title="Export this folder's annotations">
            Export…
          </button>
        </div>
      )}
      {progress && (
        <div className="count-progress" role="status" aria-label="Counting annotations">
          Counting annotations… {progress.done.toLocaleString()} of {progress.total.toLocaleString()}
          <progress max={progress.total} value={progress.done} aria-hidden="true" />
        </div>
      )}
      {view === 'search' && workspace ? <SearchPanel /> : <ArticleList />}
    </nav>
  );
}

function ArticleList() {
  const { session } = useApp();
  const workspace = useGloss((s) => s.workspace);
  const tags = useGloss((s) => s.tags);
  const openPath = useGloss((s) => s.document?.path ?? s.loadingPath);
  const scrollRef = useRef<HTMLDivElement>(null);
  const files = workspace?.files ?? [];
  const virtualizer = useVirtualizer({ count: files.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  if (!workspace) return null;
  return (
    <div className="file-list" id="panel-articles" role="tabpanel" aria-labelledby="tab-articles" ref={scrollRef}>
      {files.length === 0 && <p className="empty">No .txt or .md files here.</p>}
      <ul style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const file = files[item.index]!;
          return (
            <li key={file.path} style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
              <button
                type="button"
                className={`file${file.path === openPath ? ' open' : ''}`}
                aria-current={file.path === openPath ? 'page' : undefined}
                onClick={() => void session.openDocument(file.path)}
                title={file.path}
              >
                <span className="file-name">{file.path}</span>
                <FileCounts file={file} tags={tags} />
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Per-tag counts and the last change of one article's annotations (or why they are not shown). */
function FileCounts({ file, tags }: { file: FileEntry; tags: readonly TagDefinition[] }) {
  if (file.counts === 'pending') return <span className="file-counts pending" aria-label="not counted yet">…</span>;
  if (file.counts === 'unreadable') return <span className="file-counts unreadable" aria-label="annotations unreadable" title="Its annotation file cannot be read; open the article to see why">!</span>;
  const entries = Object.entries(file.counts.byTag).sort((a, b) => b[1] - a[1]);
  const label = file.counts.total === 0 ? 'no annotations' : `${file.counts.total} annotations: ${entries.map(([t, n]) => `${n} ${tagById(tags, t).label}`).join(', ')}`;
  return (
    <span className="file-counts" aria-label={label}>
      {entries.length === 0 ? (
        <span className="file-count">0</span>
      ) : (
        entries.map(([tag, n]) => (
          <span key={tag} className="tag-count" data-tag={tag} title={tagById(tags, tag).label}>
            <span className="swatch" aria-hidden="true" />
            {n}
          </span>
        ))
      )}
      {file.counts.changed && <span className="file-changed">{shortDate(file.counts.changed)}</span>}
    </span>
  );
}

function shortDate(iso: string): string {
  const d = new Date(iso);
  const today = new Date();
  return d.toDateString() === today.toDateString() ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : d.toLocaleDateString();
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
