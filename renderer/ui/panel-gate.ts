// A key that tags or deletes must show its highlight in the very next frame. The reader paints
// from the store on its own subscription, synchronously; React's panels (the list, the details,
// the status bar, the counts) re-render from the same change. Rendered before the frame, their
// work would stand between the key and the highlight. The gate holds React's notifications of
// changes made inside `hold` until that frame is painted, then delivers them. Changes made
// anywhere else (typing in a field, a save finishing) reach React at once, as before, and a
// component that renders meanwhile for another reason reads the store as it is: nothing shows
// a state the store never had.
import type { StoreApi } from 'zustand/vanilla';
import { afterNextPaint } from '../perf-marks.js';

type Listener<S> = (state: S, previous: S) => void;

export class PanelGate {
  private holding = 0;
  /** Listeners told of nothing yet, each with its call (the state before the first change it missed). */
  private readonly waiting = new Map<unknown, () => void>();
  private flushScheduled = false;
  private readonly views = new WeakMap<object, object>();

  /** @param afterPaint runs a callback once the next frame has been painted. */
  constructor(private readonly afterPaint: (then: () => void) => void) {}

  /** Run `change`; React hears of the store changes it makes after the next paint. */
  hold<T>(change: () => T): T {
    this.holding++;
    try {
      return change();
    } finally {
      this.holding--;
      if (this.holding === 0 && this.waiting.size > 0 && !this.flushScheduled) {
        this.flushScheduled = true;
        this.afterPaint(() => this.flush());
      }
    }
  }

  /** The store as React's hooks subscribe to it (one view per store, so hooks see a stable object). */
  viewOf<S>(store: StoreApi<S>): StoreApi<S> {
    let view = this.views.get(store) as StoreApi<S> | undefined;
    if (!view) {
      view = {
        ...store,
        subscribe: (listener: Listener<S>) => {
          const unsubscribe = store.subscribe((state, previous) => {
            if (this.holding === 0) {
              this.waiting.delete(listener);
              listener(state, previous);
            } else if (!this.waiting.has(listener)) {
              this.waiting.set(listener, () => listener(store.getState(), previous));
            }
          });
          return () => {
            unsubscribe();
            this.waiting.delete(listener);
          };
        },
      };
      this.views.set(store, view);
    }
    return view;
  }

  private flush(): void {
    this.flushScheduled = false;
    const due = [...this.waiting.values()];
    this.waiting.clear();
    for (const call of due) call();
  }
}

/** A hidden page paints no frames: held changes then reach the panels after this long anyway. */
const LATEST_MS = 200;

/** Run `then` once: after the next paint, or after `latestMs`, whichever comes first. */
export function afterPaintOrSoon(then: () => void, paint: (then: () => void) => void = afterNextPaint, latestMs = LATEST_MS): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    then();
  };
  const timer = setTimeout(once, latestMs);
  paint(once);
}

/** The window's one gate: shortcuts and reader clicks hold it; `useGloss` subscribes through it. */
export const panelGate = new PanelGate((then) => afterPaintOrSoon(then));
