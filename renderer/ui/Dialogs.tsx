// The dialogs over the main window: the shortcut list (`?`), the confirmation before deleting an
// annotation that others link to, and the tag settings (`T`); plus the progress bar of long
// folder-wide tasks.
import { useMemo } from 'react';
import { linksInto } from '../../shared/links.js';
import { linkDefinition, tagById } from '../../shared/tags.js';
import { shorten } from './LinkBar.js';
import { Modal } from './Modal.js';
import { useApp, useGloss } from './session-context.js';
import { SHORTCUTS } from './shortcuts.js';
import { TagSettings } from './TagSettings.js';
import { StatisticsDialog } from './StatisticsDialog.js';
import { ExportDialog } from './ExportDialog.js';

export function Dialogs() {
  const dialog = useGloss((s) => s.dialog);
  const pendingDelete = useGloss((s) => s.pendingDelete);
  return (
    <>
      {dialog === 'shortcuts' && <ShortcutsDialog />}
      {dialog === 'tags' && <TagSettings />}
      {dialog === 'stats' && <StatisticsDialog />}
      {dialog === 'export' && <ExportDialog />}
      {pendingDelete && <ConfirmDelete id={pendingDelete} />}
      <ProgressBar />
    </>
  );
}

function ShortcutsDialog() {
  const { session } = useApp();
  return (
    <Modal title="Keyboard shortcuts" className="shortcuts" onClose={() => session.store.getState().setDialog(null)}>
      {SHORTCUTS.map((group) => (
        <section key={group.group}>
          <h3>{group.group}</h3>
          <dl>
            {group.items.map((item) => (
              <div key={item.keys} className="shortcut">
                <dt>
                  <kbd>{item.keys}</kbd>
                </dt>
                <dd>{item.what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Modal>
  );
}

/** Deleting an annotation others link to: say which links go with it, and ask. */
function ConfirmDelete({ id }: { id: string }) {
  const { session, reader } = useApp();
  const store = session.store;
  const annotations = useGloss((s) => s.annotations);
  const tags = useGloss((s) => s.tags);
  const docPath = useGloss((s) => s.document?.path ?? '');
  const externalLinks = useGloss((s) => s.externalLinks);
  const target = annotations.find((a) => a.id === id);
  const here = useMemo(() => linksInto(annotations, docPath, id), [annotations, docPath, id]);
  const elsewhere = externalLinks.filter((l) => l.target === id);
  const close = () => {
    store.getState().setPendingDelete(null);
    reader.current?.focus();
  };
  if (!target) return null;
  const count = here.length + elsewhere.length;
  return (
    <Modal title="Delete a linked annotation?" className="confirm" onClose={close}>
      <p>
        <q>{shorten(target.exact, 120)}</q> ({tagById(tags, target.tag).label}) is linked from {count} annotation{count === 1 ? '' : 's'}. Deleting it removes {count === 1 ? 'that link' : 'those links'} too:
      </p>
      <ul className="confirm-links">
        {here.map((l) => (
          <li key={l.from.id}>
            {linkDefinition(tags, l.type).label}: <q>{shorten(l.from.exact, 80)}</q> (this article)
          </li>
        ))}
        {elsewhere.map((l) => (
          <li key={`${l.from.file}#${l.from.id}`}>
            {linkDefinition(tags, l.type).label}: <q>{shorten(l.from.exact, 80)}</q> in {l.from.file}
          </li>
        ))}
      </ul>
      <div className="modal-actions">
        <button type="button" onClick={close} autoFocus>
          Keep it
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            store.getState().setPendingDelete(null);
            void session.deleteAnnotation(id);
            reader.current?.focus();
          }}
        >
          Delete it and its links
        </button>
      </div>
    </Modal>
  );
}

function ProgressBar() {
  const progress = useGloss((s) => s.progress);
  if (!progress) return null;
  if (progress.task === 'export') return null; // shown in the export dialog
  const label = progress.task === 'rename-tag' ? 'Updating the folder’s annotation files' : progress.task;
  return (
    <div className="progress" role="status" data-testid="progress">
      <span>
        {label}: {progress.done} of {progress.total}
      </span>
      <progress max={progress.total} value={progress.done} aria-label={label} />
    </div>
  );
}
