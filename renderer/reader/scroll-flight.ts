// Dragging the scroll bar of a long document moves the view several screens a frame: each frame
// shows text nobody can read before the next replaces it. Drawing highlights on it is work thrown
// away — two or three whole sections a frame, 20–30 ms of the main thread each step on the 2 MB
// article, which made the frames over 50 ms while dragging. This module tells when the view is
// flying like that (it moved more than its own height between two scroll events) and when it has
// landed (no such move for LANDING_MS), so that the reader can draw only where the view stops.
// Moves of less than a screen never count: reading, the wheel, the keyboard, a click in the scroll
// bar's track, and the browser's own scroll anchoring as laid-out text changes height.

/** How long the view must stay within a screen of where it was before it counts as landed. */
export const LANDING_MS = 80;

/** Timers, replaceable in tests. */
export interface FlightTimer {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimer: FlightTimer = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class ScrollFlight {
  private lastTop: number | null = null;
  private landing: unknown = null;

  constructor(
    /** Called with true when the view starts flying, false when it lands. */
    private readonly onChange: (flying: boolean) => void,
    private readonly timer: FlightTimer = browserTimer,
  ) {}

  get flying(): boolean {
    return this.landing !== null;
  }

  /** The scroll container scrolled: its content is now `top` px up, and it shows `height` px. */
  scrolled(top: number, height: number): void {
    const jumped = this.lastTop !== null && Math.abs(top - this.lastTop) > height;
    this.lastTop = top;
    if (!jumped) return;
    const wasFlying = this.flying;
    if (wasFlying) this.timer.clear(this.landing);
    this.landing = this.timer.set(() => {
      this.landing = null;
      this.onChange(false);
    }, LANDING_MS);
    if (!wasFlying) this.onChange(true);
  }

  /** No more reports (a pending landing is dropped too). */
  stop(): void {
    if (this.landing !== null) this.timer.clear(this.landing);
    this.landing = null;
  }
}

/**
 * Follow the scrolling of whatever element scrolls `content` (the reader's scroll container is the
 * app's, not the reader's own): one capturing listener on the document, as scroll events do not
 * bubble. Returns a function that stops following.
 */
export function watchScrollFlight(content: Element, onChange: (flying: boolean) => void): () => void {
  const flight = new ScrollFlight(onChange);
  const onScroll = (event: Event) => {
    const scroller = event.target instanceof Document ? event.target.scrollingElement : event.target;
    if (!(scroller instanceof Element) || !scroller.contains(content)) return;
    flight.scrolled(scroller.scrollTop, scroller.clientHeight);
  };
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  return () => {
    document.removeEventListener('scroll', onScroll, { capture: true });
    flight.stop();
  };
}
