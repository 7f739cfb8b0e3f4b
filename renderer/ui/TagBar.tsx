// The tag bar: one button per tag with its key. Clicking tags the reader's selection, or re-tags
// the selected annotation when nothing is selected. Buttons do not take focus away from the
// reader, so the selection survives the click. It also shows sticky mode, tags this article uses
// that the folder does not define, and opens tag settings, text editing and the shortcut list.
import { EDITABLE_FORMATS } from '../../shared/contract.js';
import { useApp, useGloss } from './session-context.js';

export function TagBar() {
  const { session, reader } = useApp();
  const store = session.store;
  const tags = useGloss((s) => s.tags);
  const unknownTags = useGloss((s) => s.unknownTags);
  const stickyTag = useGloss((s) => s.stickyTag);
  const hasDocument = useGloss((s) => s.document !== null && s.document.readOnlyReason === null);
  const canEditText = useGloss((s) => s.document !== null && s.document.readOnlyReason === null && !s.editingText && EDITABLE_FORMATS.includes(s.document.format));

  const apply = (tagId: string) => {
    store.getState().noteTagUsed(tagId);
    if (reader.current?.tagSelection(tagId)) return;
    const { selectedId, retag } = store.getState();
    if (selectedId) retag(selectedId, tagId);
  };
  const stickyLabel = tags.find((t) => t.id === stickyTag)?.label;

  return (
    <div className="tag-bar" role="toolbar" aria-label="Tags">
      {tags.map((tag) => {
        const unknown = unknownTags.includes(tag.id);
        return (
          <button
            key={tag.id}
            type="button"
            className={`tag-button${unknown ? ' unknown' : ''}${tag.id === stickyTag ? ' sticky' : ''}`}
            data-tag={tag.id}
            disabled={!hasDocument}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => apply(tag.id)}
            aria-label={`Tag selection as ${tag.label}${tag.key ? ` (key ${tag.key})` : ''}${unknown ? ' — not in this folder’s tag set' : ''}`}
            title={unknown ? `“${tag.label}” is used here but not defined in this folder’s tags: map it in Tag settings (T)` : `Tag the selection as ${tag.label}${tag.key ? ` — key ${tag.key}` : ''}`}
          >
            <span className="swatch" aria-hidden="true" />
            {tag.label}
            {unknown && <span className="unknown-mark">unknown</span>}
            {tag.key && <kbd>{tag.key}</kbd>}
          </button>
        );
      })}
      <button
        type="button"
        className={`sticky-toggle${stickyTag ? ' on' : ''}`}
        aria-pressed={Boolean(stickyTag)}
        disabled={!hasDocument}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          const s = store.getState();
          s.setSticky(s.stickyTag ? null : (s.lastTag ?? s.tags[0]?.id ?? null));
        }}
        title="Sticky tag: every new selection gets the tag (key S)"
      >
        {stickyLabel ? `Sticky: ${stickyLabel}` : 'Sticky off'} <kbd>S</kbd>
      </button>
      <span className="spacer" />
      <button type="button" className="toolbar-button" disabled={!hasDocument} onMouseDown={(e) => e.preventDefault()} onClick={() => void session.suggest()} title="Suggest quotes, claims and denials (key G)">
        Suggest <kbd>G</kbd>
      </button>
      <button type="button" className="toolbar-button" disabled={!canEditText} onClick={() => store.getState().setEditingText(true)} title="Edit the text of this article (key F2)">
        Edit text <kbd>F2</kbd>
      </button>
      <button type="button" className="toolbar-button" disabled={!store.getState().workspace} onClick={() => store.getState().setDialog('tags')} title="Tags of this folder (key T)">
        Tags… <kbd>T</kbd>
      </button>
      <button type="button" className="toolbar-button" onClick={() => store.getState().setDialog('shortcuts')} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (key ?)">
        ?
      </button>
    </div>
  );
}
