// The first tag and delete keys after a document opens ran code the browser had not compiled
// yet: 30–50 ms of work each in the render benchmark, against 8–12 ms once warm, when a key's
// highlight should show within a frame. So once per window, in idle time after the first document
// has opened, the tag and delete keys are pressed a few times on a throwaway reader, down the
// same path (ProseMirror's key handling, the shortcuts, the store, the highlight feed and plugin,
// the view's update): a store of its own and a hidden, inert view over a short text, in a shadow
// tree of its own. The open document, its history, its file and the focus are never touched;
// each step takes an idle slice of its own, so a key pressed meanwhile waits for one step at most.
import { TextSelection } from 'prosemirror-state';
import { createAnnotation, compareByPosition } from '../../shared/annotations.js';
import { ReaderLayout, SECTION_SIZE } from '../reader/reader-layout.js';
import { INITIAL_LIVE_SECTIONS, ReaderView } from '../reader/reader-view.js';
import { createGlossStore } from '../state/gloss-store.js';
import { hasIncomingLinks } from '../state/gloss-session.js';
import { HighlightFeed } from './highlight-feed.js';
import { markKeysRehearsed } from '../perf-marks.js';
import type { AppContextValue } from './session-context.js';
import { runShortcut } from './shortcuts.js';

/** Tag-and-delete rounds: enough for the browser's compilers to take up the path's functions. */
export const REHEARSAL_ROUNDS = 12;

/** Runs `step` when the page is next idle. */
export type IdleScheduler = (step: () => void) => void;

const whenIdle: IdleScheduler = (step) => void requestIdleCallback(() => step(), { timeout: 2000 });

const SENTENCE = 'The minister said on Tuesday that the figures were “entirely accurate”, a claim the ministry’s own auditors later denied. ';

/**
 * Paragraphs of a few sentences, like an article's: the sections drawn from the start, and two
 * more; and where the first section not drawn begins (no characters beyond the BMP: code points
 * are UTF-16 units). Made when the rehearsal runs, not when the app starts.
 */
function rehearsalText(): { text: string; undrawnFrom: number } {
  const paragraphs = Array.from({ length: (INITIAL_LIVE_SECTIONS + 2) * SECTION_SIZE }, (_, i) => SENTENCE.repeat(1 + (i % 3)).trimEnd());
  return { text: paragraphs.join('\n\n'), undrawnFrom: paragraphs.slice(0, INITIAL_LIVE_SECTIONS * SECTION_SIZE).join('\n\n').length + 2 };
}
/**
 * Annotations the store holds beyond the drawn sections: the key path's passes over a document's
 * annotations (finding, unlinking, skipping the unchanged) then run long enough to be compiled, as
 * on a long document, while the hidden view paints only the few near the tagged passages.
 */
const FAR_ANNOTATIONS = 3000;

/**
 * Rehearse the tag and delete keys on a throwaway reader; resolves with the number of rounds
 * whose tag was painted in the hidden view (all of them, unless something is broken).
 */
export async function rehearseKeys(schedule: IdleScheduler = whenIdle): Promise<number> {
  const step = () => new Promise<void>((resolve) => schedule(resolve));
  await step();
  const store = createGlossStore();
  const { text: source, undrawnFrom } = rehearsalText();
  store.getState().showDocument({
    path: '(key rehearsal)',
    name: '(key rehearsal)',
    format: 'txt',
    text: source,
    fingerprint: { name: '(key rehearsal)', bytes: source.length, sha256: '0'.repeat(64), encoding: 'utf-8', lineEndings: 'lf', codePoints: source.length },
    sidecar: { kind: 'none' },
  });
  const text = store.getState().document!.text;
  // The store's tags with a key, as the analyst presses them (the default set: 1, 2, 3).
  const keyed = store.getState().tags.filter((t) => t.key);
  const tagOf = (i: number) => keyed[i % keyed.length]!;
  const annotations = [
    // Some overlapping the passages tagged below, as in a real document.
    ...Array.from({ length: 6 }, (_, i) => createAnnotation(text, { tag: tagOf(i).id, start: i * 90, end: i * 90 + 140 })),
    ...Array.from({ length: FAR_ANNOTATIONS }, (_, i) => {
      const start = undrawnFrom + ((i * 7919) % (text.length - undrawnFrom - 200));
      return createAnnotation(text, { tag: tagOf(i).id, start, end: start + 20 + (i % 150) });
    }),
  ].sort(compareByPosition);
  store.setState({ annotations });

  // The hidden view lives in a closed shadow tree: the page's queries and styles never meet it.
  const host = document.createElement('div');
  host.className = 'reader-rehearsal';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  // The view's own box. The page's styles do not reach into the shadow tree, so the text is
  // spaced as ProseMirror expects here.
  const mount = document.createElement('div');
  mount.style.cssText = 'width: 40em; height: 30em; overflow: hidden; white-space: pre-wrap;';
  host.attachShadow({ mode: 'closed' }).append(mount);
  document.body.append(host);
  const layout = new ReaderLayout(store.getState().document!.text, 'txt', null);
  const feed = new HighlightFeed(store);
  // What the tag and delete shortcuts use of the session: its store, and the delete request
  // (as GlossSession.requestDelete does once links are known: ask when linked, else delete).
  const session = {
    store,
    requestDelete: (id: string) => {
      const s = store.getState();
      if (!hasIncomingLinks(s, id)) s.deleteAnnotation(id);
    },
  };
  const app = { session, reader: { current: null } } as unknown as AppContextValue;
  const view = new ReaderView(
    mount,
    layout,
    {
      onKey: (event) => runShortcut(event, app),
      tagRange: (tag, start, end) => store.getState().addAnnotation(tag, start, end),
      clickAnnotation: () => {},
      clickSuggestion: () => {},
      selectionMade: () => {},
      hover: () => {},
    },
    feed.input(store.getState()),
    // Its first sections stay drawn (the keys are pressed there); the rest never come into view.
    false,
  );
  app.reader.current = view;
  const unsubscribe = store.subscribe((s, prev) => {
    if (feed.changed(s, prev)) view.setHighlights(feed.input(s));
  });
  let painted = 0;
  try {
    for (let round = 0; round < REHEARSAL_ROUNDS; round++) {
      await step();
      const start = 40 + ((round * 137) % 2000);
      const { state } = view.view;
      view.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, layout.toPos(start), layout.toPos(start + 60))));
      // The keys themselves, through ProseMirror's key handling and the shortcuts (untrusted
      // events: the app's key timings ignore them; not composed: they stay in the shadow tree).
      press(view, tagOf(round).key!);
      // A real key's change is drawn after the frame that shows its preview; here, at once.
      view.drawPreviewed();
      const added = store.getState().selectedId;
      if (added && mount.querySelector(`[data-ann-id="${added}"]`)) painted++;
      press(view, 'Delete');
      view.drawPreviewed();
    }
  } finally {
    unsubscribe();
    view.destroy();
    host.remove();
  }
  return painted;
}

function press(view: ReaderView, key: string): void {
  view.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

let scheduled = false;

/** Rehearse once per window (the compiled code serves every document after the first). */
export function rehearseKeysOnce(): void {
  if (scheduled) return;
  scheduled = true;
  rehearseKeys().then((painted) => markKeysRehearsed(painted, REHEARSAL_ROUNDS), (err: unknown) => console.warn('Gloss: the key rehearsal failed (keys work; the first ones may be slower):', err));
}
