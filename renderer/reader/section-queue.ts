// Sections of a long document come within reach, or go far away, in bursts: one drag of the scroll
// bar reports several at once, and drawing or taking out one section's highlights is several
// milliseconds of DOM work. Done all together in the observer's callback, a burst made one long
// task. This queue spreads it out:
// - sections in view get their highlights at once (the analyst is looking at them);
// - sections near the view, nearest first, one per task, so the browser can draw frames between
//   (drawing them in idle periods instead made fewer frames over 30 ms while dragging the scroll
//   bar, 23 → 7–13 in an A/B, but a page scrolled on and on has none: the end-to-end test's
//   scroll-through then drew only half the annotations as their sections passed by);
// - sections far away lose their highlights when the page is idle (nobody sees them go), or one
//   per task when many are waiting;
// - while the view flies past (the scroll bar dragged, see scroll-flight.ts), drawing is held: the
//   sections the browser shows on the way are only noted, and those still shown when the view
//   lands are drawn then, the same way (in view at once, the others one per task).
// A section reported near and then far (or far and then near) before its turn is not applied twice.

/** When to run queued work: soon (a task of its own) or when the page is idle. */
export interface SectionScheduler {
  soon(run: () => void): void;
  idle(run: () => void): void;
}

/** Soon: a task of its own. Idle: requestIdleCallback where there is one (at most two seconds late). */
export const browserScheduler: SectionScheduler = {
  soon: (run) => void setTimeout(run, 0),
  idle: (run) =>
    typeof requestIdleCallback === 'function'
      ? void requestIdleCallback(() => run(), { timeout: 2000 })
      : void setTimeout(run, 50),
};

/** Far sections left to wait for an idle period; beyond this many they are emptied in tasks of their own. */
const MAX_WAITING_FAR = 4;

export class SectionQueue {
  /** Sections to make live, with how far from the view they were when reported (0: in view). */
  private readonly toLive = new Map<number, number>();
  private readonly toDead = new Set<number>();
  private liveScheduled = false;
  private deadTaskScheduled = false;
  private deadIdleScheduled = false;
  private stopped = false;
  private held = false;

  constructor(
    /** Make `sections` live (highlights drawn) or dead (taken out, and the section let go of: see ReaderView). */
    private readonly apply: (sections: number[], live: boolean) => void,
    /** Whether a section's highlights are drawn now. */
    private readonly isLive: (section: number) => boolean,
    private readonly scheduler: SectionScheduler = browserScheduler,
  ) {}

  /** Sections came within reach; `distance` says how far from the view (any unit; 0 for those in it). */
  near(reports: readonly { section: number; distance: number }[]): void {
    const now: number[] = [];
    for (const { section, distance } of reports) {
      this.toDead.delete(section);
      if (this.isLive(section)) {
        this.toLive.delete(section);
      } else if (distance <= 0 && !this.held) {
        this.toLive.delete(section);
        now.push(section);
      } else {
        this.toLive.set(section, distance);
      }
    }
    if (now.length) this.apply(now, true);
    this.scheduleLive();
  }

  /** Sections went far away (each is let go of even if its highlights were never drawn). */
  far(sections: readonly number[]): void {
    for (const section of sections) {
      this.toLive.delete(section);
      this.toDead.add(section);
    }
    this.scheduleDead();
  }

  /**
   * Hold drawing (the view is flying past) or let it go on (it landed). Held, sections reported
   * near wait, in view or not; released, those still waiting that were in view are drawn at once.
   */
  hold(held: boolean): void {
    if (this.held === held) return;
    this.held = held;
    if (held || this.stopped) return;
    const now: number[] = [];
    for (const [section, distance] of this.toLive) {
      if (distance > 0) continue;
      this.toLive.delete(section);
      if (!this.isLive(section)) now.push(section);
    }
    if (now.length) this.apply(now, true);
    this.scheduleLive();
  }

  /** Nothing queued is applied after this. */
  stop(): void {
    this.stopped = true;
    this.toLive.clear();
    this.toDead.clear();
  }

  /** True while work is waiting (the tests read it). */
  get pending(): boolean {
    return this.toLive.size > 0 || this.toDead.size > 0;
  }

  private scheduleLive(): void {
    if (this.liveScheduled || this.toLive.size === 0 || this.stopped || this.held) return;
    this.liveScheduled = true;
    this.scheduler.soon(() => {
      this.liveScheduled = false;
      if (this.stopped || this.held) return;
      let nearest: number | null = null;
      for (const [section, distance] of this.toLive) if (nearest === null || distance < this.toLive.get(nearest)!) nearest = section;
      if (nearest === null) return;
      this.toLive.delete(nearest);
      if (!this.isLive(nearest)) this.apply([nearest], true);
      this.scheduleLive();
    });
  }

  private scheduleDead(): void {
    if (this.toDead.size === 0 || this.stopped) return;
    // One section per idle period: an idle period can be 50 ms long, and a key or a scroll arriving
    // during it would wait for all the work done in it. A page that is scrolled on and on is never
    // idle: past a few waiting sections, they also go one per task, so the highlights in the page
    // stay bounded.
    if (this.toDead.size > MAX_WAITING_FAR && !this.deadTaskScheduled) {
      this.deadTaskScheduled = true;
      this.scheduler.soon(() => {
        this.deadTaskScheduled = false;
        this.emptyOneFar();
      });
    }
    if (!this.deadIdleScheduled) {
      this.deadIdleScheduled = true;
      this.scheduler.idle(() => {
        this.deadIdleScheduled = false;
        this.emptyOneFar();
      });
    }
  }

  private emptyOneFar(): void {
    if (this.stopped) return;
    const [section] = this.toDead;
    if (section === undefined) return;
    this.toDead.delete(section);
    this.apply([section], false);
    this.scheduleDead();
  }
}
