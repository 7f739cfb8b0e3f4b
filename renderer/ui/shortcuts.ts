// Every keyboard shortcut of the main window, in one place: the reader and the window's key
// handler both ask `runShortcut`, and the `?` overlay lists `SHORTCUTS`, so what is documented is
// what runs.
import { measureKeyToPaint } from '../perf-marks.js';
import { canLink } from '../../shared/links.js';
import type { AppContextValue } from './session-context.js';
import { panelGate } from './panel-gate.js';

export interface ShortcutHelp {
  keys: string;
  what: string;
}

export const SHORTCUTS: { group: string; items: ShortcutHelp[] }[] = [
  {
    group: 'Tagging',
    items: [
      { keys: '1 … 9', what: 'Tag the selected text with that tag (or re-tag the selected annotation)' },
      { keys: 'S', what: 'Sticky tag on or off: every new selection gets the last tag used' },
      { keys: 'Delete / Backspace', what: 'Delete the selected annotation (asks first when others link to it)' },
      { keys: 'Ctrl+Z / Ctrl+Shift+Z', what: 'Undo / redo' },
    ],
  },
  {
    group: 'Moving',
    items: [
      { keys: 'Tab / Shift+Tab', what: 'Next / previous annotation in the reader' },
      { keys: 'Enter', what: 'Edit the selected annotation’s attributes' },
      { keys: 'Escape', what: 'Cancel linking, or deselect' },
    ],
  },
  {
    group: 'Suggestions',
    items: [
      { keys: 'G', what: 'Suggest quotes (with speakers), claims and denials in this article' },
      { keys: 'N / P', what: 'Next / previous suggestion' },
      { keys: 'Enter / Backspace', what: 'Accept / reject the suggestion under review' },
    ],
  },
  {
    group: 'Links',
    items: [{ keys: 'L', what: 'Link the selected annotation (a denial to the claim it denies): then click the claim, or search for it' }],
  },
  {
    group: 'Window',
    items: [
      { keys: '?', what: 'This list' },
      { keys: 'F2', what: 'Edit the text (.txt and .md): clean scraper furniture, fix errors; Ctrl+S saves, Esc leaves' },
      { keys: 'T', what: 'Tag settings: add, rename, recolour and re-key tags and their attributes' },
    ],
  },
];

/**
 * Run the shortcut for `event`, if there is one; true when it was handled. The panels hear of
 * its changes once the reader has painted them (see panel-gate.ts).
 */
export function runShortcut(event: KeyboardEvent, app: AppContextValue): boolean {
  return panelGate.hold(() => shortcut(event, app));
}

function shortcut(event: KeyboardEvent, { session, reader }: AppContextValue): boolean {
  const store = session.store;
  const s = store.getState();
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key;
  if (mod && key.toLowerCase() === 'z') {
    s[event.shiftKey ? 'redo' : 'undo']();
    return true;
  }
  if (mod && key.toLowerCase() === 'y') {
    s.redo();
    return true;
  }
  if (mod || event.altKey) return false;
  if (key === 'Escape') {
    if (s.linkingFrom) s.startLinking(null);
    else if (s.currentSuggestion) s.focusSuggestion(null);
    else s.select(null);
    return true;
  }
  if (key === '?') {
    s.setDialog('shortcuts');
    return true;
  }
  if (!s.document) return false;
  if (key === 'Tab') return moveBetweenAnnotations(event.shiftKey ? -1 : 1, { session, reader });
  // A suggestion under review takes Enter and Backspace.
  if (s.currentSuggestion && (key === 'Enter' || key === 'Backspace' || key === 'Delete') && !(key === 'Enter' && s.stickyTag && reader.current?.selectionOffsets())) {
    if (key === 'Enter') s.acceptSuggestions([s.currentSuggestion]);
    else s.rejectSuggestions([s.currentSuggestion]);
    return true;
  }
  if (key === 'Delete' || key === 'Backspace') {
    if (s.selectedId) session.requestDelete(s.selectedId);
    // Only real key presses are timed (not the key rehearsal's).
    if (event.isTrusted) measureKeyToPaint(event.timeStamp, 'delete');
    return true;
  }
  const lower = key.toLowerCase();
  if (lower === 's' && !event.shiftKey) {
    s.setSticky(s.stickyTag ? null : (s.lastTag ?? s.tags[0]?.id ?? null));
    return true;
  }
  if (lower === 'l') {
    const selected = s.annotations.find((a) => a.id === s.selectedId);
    if (!selected) s.setNotice({ level: 'info', text: 'Select an annotation first (click it, or Tab to it), then press L to link it.' });
    else if (!canLink(s.tags, selected.tag)) s.setNotice({ level: 'info', text: `A ${selected.tag} does not link to anything; denials link to the claim they deny, quotes to the claim they support.` });
    else s.startLinking(selected.id);
    return true;
  }
  if (lower === 'g' && !event.shiftKey) {
    void session.suggest();
    return true;
  }
  if ((lower === 'n' || lower === 'p') && !event.shiftKey) {
    if (s.suggestions?.length) s.stepSuggestion(lower === 'n' ? 1 : -1);
    else s.setNotice({ level: 'info', text: 'No suggestions to review: press G to make them.' });
    return true;
  }
  if (lower === 't') {
    s.setDialog('tags');
    return true;
  }
  if (key === 'F2') {
    s.setEditingText(true);
    return true;
  }
  if (key === 'Enter') {
    if (s.stickyTag && reader.current?.tagSelection(s.stickyTag)) return true;
    if (s.selectedId) {
      focusDetails(s.selectedId);
      return true;
    }
    return false;
  }
  const tag = s.tags.find((t) => t.key && t.key === key);
  if (tag) {
    if (!reader.current?.tagSelection(tag.id) && s.selectedId) s.retag(s.selectedId, tag.id);
    s.noteTagUsed(tag.id);
    if (s.stickyTag) s.setSticky(tag.id);
    if (event.isTrusted) measureKeyToPaint(event.timeStamp, 'tag');
    return true;
  }
  return false;
}

/**
 * Select the next (+1) or previous (-1) annotation in text order from the selected one (or from
 * the caret), scroll to it and keep the focus in the reader. False at either end, so Tab can then
 * leave the reader as usual.
 */
function moveBetweenAnnotations(direction: 1 | -1, { session, reader }: AppContextValue): boolean {
  const s = session.store.getState();
  const placed = s.annotations.filter((a) => s.anchors[a.id]?.status !== 'orphaned');
  if (placed.length === 0) return false;
  let index = placed.findIndex((a) => a.id === s.selectedId);
  if (index < 0) {
    const caret = reader.current?.caretOffset() ?? 0;
    const after = placed.findIndex((a) => a.start >= caret);
    index = direction === 1 ? (after < 0 ? placed.length : after) - 1 : after < 0 ? placed.length : after;
  }
  const next = placed[index + direction];
  if (!next) return false;
  s.select(next.id, { reveal: true });
  return true;
}

/**
 * Focus the first field of the annotation panel once it shows `id` (the panel renders just after
 * the reader, so right after tagging it may still show the previous one).
 */
function focusDetails(id: string, tries = 30): void {
  const panel = document.querySelector(`.annotation-details[data-ann-id="${CSS.escape(id)}"]`);
  const field = panel?.querySelector<HTMLElement>('[data-attribute] input, [data-attribute] select, textarea');
  if (field) field.focus();
  else if (tries > 0) requestAnimationFrame(() => focusDetails(id, tries - 1));
}
