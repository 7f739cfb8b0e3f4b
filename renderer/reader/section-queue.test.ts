import { describe, expect, it } from 'vitest';
import { SectionQueue, type SectionScheduler } from './section-queue.js';

/** A queue over a set of live sections, with tasks and idle periods run when the test says. */
function queueWithManualTime() {
  const live = new Set<number>();
  const applied: string[] = [];
  const soon: (() => void)[] = [];
  const idle: (() => void)[] = [];
  const scheduler: SectionScheduler = { soon: (run) => void soon.push(run), idle: (run) => void idle.push(run) };
  const queue = new SectionQueue(
    (sections, makeLive) => {
      applied.push(`${makeLive ? 'live' : 'dead'} ${sections.join(',')}`);
      for (const s of sections) (makeLive ? live.add(s) : live.delete(s));
    },
    (s) => live.has(s),
    scheduler,
  );
  const runTask = () => soon.shift()?.();
  const runIdle = () => idle.shift()?.();
  return { queue, live, applied, soon, idle, runTask, runIdle };
}

describe('SectionQueue', () => {
  it('draws the sections in view at once, the others one per task, nearest first', () => {
    const { queue, applied, soon, runTask } = queueWithManualTime();
    queue.near([
      { section: 7, distance: 1200 },
      { section: 5, distance: 0 },
      { section: 6, distance: 0 },
      { section: 4, distance: 300 },
      { section: 8, distance: 2500 },
    ]);
    expect(applied).toEqual(['live 5,6']);
    expect(soon).toHaveLength(1);
    runTask();
    expect(applied).toEqual(['live 5,6', 'live 4']);
    runTask();
    runTask();
    expect(applied).toEqual(['live 5,6', 'live 4', 'live 7', 'live 8']);
    runTask();
    expect(soon).toHaveLength(0);
    expect(queue.pending).toBe(false);
  });

  it('takes far sections out only in idle periods, one per period', () => {
    const { queue, live, applied, soon, idle, runIdle } = queueWithManualTime();
    queue.near([1, 2, 3].map((section) => ({ section, distance: 0 })));
    queue.far([1, 2]);
    expect(applied).toEqual(['live 1,2,3']);
    expect(soon).toHaveLength(0);
    expect(idle).toHaveLength(1);
    runIdle();
    expect(applied).toEqual(['live 1,2,3', 'dead 1']);
    expect(idle).toHaveLength(1);
    runIdle();
    expect(applied).toEqual(['live 1,2,3', 'dead 1', 'dead 2']);
    expect([...live]).toEqual([3]);
    runIdle();
    expect(idle).toHaveLength(0);
  });

  it('empties far sections in tasks of their own when many are waiting (a page scrolled on and on is never idle)', () => {
    const { queue, live, applied, soon, idle, runTask } = queueWithManualTime();
    queue.near(Array.from({ length: 12 }, (_, section) => ({ section, distance: 0 })));
    queue.far([0, 1]);
    expect(soon).toHaveLength(0);
    expect(idle).toHaveLength(1);
    // More go far while the idle period is awaited: no longer only idle work.
    queue.far([2, 3, 4, 5, 6]);
    expect(soon).toHaveLength(1);
    runTask();
    runTask();
    runTask();
    expect(applied.slice(1)).toEqual(['dead 0', 'dead 1', 'dead 2']);
    // Four left: the rest wait for idle periods.
    expect(soon).toHaveLength(0);
    expect(idle).toHaveLength(1);
    expect(live.size).toBe(9);
  });

  it('forgets a section reported far before its turn to be drawn, and one reported near before its turn to go', () => {
    const { queue, applied, runTask, runIdle } = queueWithManualTime();
    queue.near([{ section: 1, distance: 0 }, { section: 2, distance: 500 }]);
    queue.far([2]); // scrolled past before it was drawn
    runTask();
    queue.far([1]);
    queue.near([{ section: 1, distance: 100 }]); // back before it was taken out
    runIdle();
    runTask();
    runIdle();
    // 2 was never drawn (only let go of); 1 was not taken out.
    expect(applied).toEqual(['live 1', 'dead 2']);
    expect(queue.pending).toBe(false);
  });

  it('does not draw sections already drawn; lets go of far sections even if never drawn', () => {
    const { queue, applied, soon, idle, runIdle } = queueWithManualTime();
    queue.near([{ section: 9, distance: 0 }]);
    queue.near([{ section: 9, distance: 0 }, { section: 9, distance: 3 }]);
    expect(applied).toEqual(['live 9']);
    expect(soon).toHaveLength(0);
    queue.far([4]); // laid out once, highlights never drawn
    expect(idle).toHaveLength(1);
    runIdle();
    expect(applied).toEqual(['live 9', 'dead 4']);
  });

  it('holds drawing while the view flies past, and on landing draws what is still shown: in view at once, near ones one per task', () => {
    const { queue, applied, soon, runTask, runIdle } = queueWithManualTime();
    queue.near([{ section: 0, distance: 0 }]);
    queue.hold(true);
    // Flying past: sections shown for a frame, then skipped again.
    queue.near([{ section: 10, distance: 0 }, { section: 11, distance: 400 }]);
    queue.far([10, 11]);
    queue.near([{ section: 20, distance: 0 }, { section: 21, distance: 0 }, { section: 22, distance: 300 }]);
    expect(applied).toEqual(['live 0']);
    expect(soon).toHaveLength(0);
    // Taking out and letting go of far sections goes on meanwhile (the page's memory stays bounded).
    runIdle();
    expect(applied).toEqual(['live 0', 'dead 10']);
    queue.hold(false);
    expect(applied).toEqual(['live 0', 'dead 10', 'live 20,21']);
    runTask();
    expect(applied).toEqual(['live 0', 'dead 10', 'live 20,21', 'live 22']);
    expect(soon).toHaveLength(0);
    runIdle();
    expect(queue.pending).toBe(false);
  });

  it('holding stops the near sections already queued, and landing twice draws nothing twice', () => {
    const { queue, applied, soon, runTask } = queueWithManualTime();
    queue.near([{ section: 3, distance: 0 }, { section: 4, distance: 200 }, { section: 5, distance: 400 }]);
    expect(applied).toEqual(['live 3']);
    queue.hold(true);
    runTask(); // the task queued before the flight began
    expect(applied).toEqual(['live 3']);
    queue.hold(false);
    queue.hold(false);
    runTask();
    runTask();
    runTask();
    expect(applied).toEqual(['live 3', 'live 4', 'live 5']);
    expect(soon).toHaveLength(0);
  });

  it('applies nothing once stopped', () => {
    const { queue, applied, runTask, runIdle } = queueWithManualTime();
    queue.near([{ section: 1, distance: 0 }, { section: 2, distance: 10 }]);
    queue.far([1]);
    queue.stop();
    runTask();
    runIdle();
    expect(applied).toEqual(['live 1']);
  });
});
