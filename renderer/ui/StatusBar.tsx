// The status bar: whether the open document's annotations are saved, and when, or why not.
import { anchorStatusCounts } from '../state/document-slice.js';
import { useGloss } from './session-context.js';

export function StatusBar() {
  const document = useGloss((s) => s.document);
  const saveStatus = useGloss((s) => s.saveStatus);
  const count = useGloss((s) => s.annotations.length);
  const orphans = useGloss((s) => anchorStatusCounts(s.anchors).orphaned);
  const toReview = useGloss((s) => anchorStatusCounts(s.anchors).fuzzy);
  const notice = useGloss((s) => s.notice);

  let saveText = '';
  switch (saveStatus.kind) {
    case 'pending':
      saveText = 'Unsaved changes…';
      break;
    case 'saving':
      saveText = 'Saving…';
      break;
    case 'saved':
      saveText = `Saved ${new Date(saveStatus.at).toLocaleTimeString()} to ${document?.name}.gloss.json`;
      break;
    case 'error':
      saveText = saveStatus.message;
      break;
  }
  return (
    <footer className="status-bar">
      <span className={`save-status save-${saveStatus.kind}`} role="status" data-testid="save-status">
        {saveText}
      </span>
      {notice && (
        <span className={`notice notice-${notice.level}`} role="status" data-testid="notice">
          {notice.text}
        </span>
      )}
      {document && (
        <span className="doc-info">
          {count} annotation{count === 1 ? '' : 's'}
          {toReview > 0 ? ` · ${toReview} to review` : ''}
          {orphans > 0 ? ` · ${orphans} orphaned` : ''} · {document.text.length.toLocaleString()} characters · {document.fingerprint.encoding}
          {document.fingerprint.lineEndings !== 'lf' && document.fingerprint.lineEndings !== 'none' ? ` · ${document.fingerprint.lineEndings.toUpperCase()}` : ''}
        </span>
      )}
    </footer>
  );
}
