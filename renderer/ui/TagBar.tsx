// The tag bar: one button per tag with its key. Clicking tags the reader's selection, or re-tags
// the selected annotation when nothing is selected. Buttons do not take focus away from the
// reader, so the selection survives the click.
import { useApp, useGloss } from './session-context.js';

export function TagBar() {
  const { session, reader } = useApp();
  const tags = useGloss((s) => s.tags);
  const hasDocument = useGloss((s) => s.document !== null && s.document.readOnlyReason === null);

  const apply = (tagId: string) => {
    if (reader.current?.tagSelection(tagId)) return;
    const { selectedId, retag } = session.store.getState();
    if (selectedId) retag(selectedId, tagId);
  };

  return (
    <div className="tag-bar" role="toolbar" aria-label="Tags">
      {tags.map((tag) => (
        <button
          key={tag.id}
          type="button"
          className="tag-button"
          data-tag={tag.id}
          disabled={!hasDocument}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => apply(tag.id)}
          aria-label={`Tag selection as ${tag.label}${tag.key ? ` (key ${tag.key})` : ''}`}
          title={`Tag the selection as ${tag.label}${tag.key ? ` — key ${tag.key}` : ''}`}
        >
          <span className="swatch" aria-hidden="true" />
          {tag.label}
          {tag.key && <kbd>{tag.key}</kbd>}
        </button>
      ))}
      <span className="tag-bar-hint">Select text, then press a key. Undo: Ctrl+Z.</span>
    </div>
  );
}
