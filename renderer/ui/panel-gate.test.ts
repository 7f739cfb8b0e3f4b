import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { PanelGate, afterPaintOrSoon } from './panel-gate.js';

/** A gate whose "next paint" is whenever the test says. */
function gateWithManualPaint() {
  const frames: (() => void)[] = [];
  const gate = new PanelGate((then) => frames.push(then));
  const paint = () => frames.splice(0).forEach((f) => f());
  return { gate, paint, frames };
}

describe('PanelGate', () => {
  it('passes changes made outside a hold straight through', () => {
    const { gate } = gateWithManualPaint();
    const store = createStore<{ n: number }>()(() => ({ n: 0 }));
    const seen: number[] = [];
    gate.viewOf(store).subscribe((s) => seen.push(s.n));
    store.setState({ n: 1 });
    expect(seen).toEqual([1]);
  });

  it('tells listeners of held changes once, after the next paint, with the state as it is then', () => {
    const { gate, paint, frames } = gateWithManualPaint();
    const store = createStore<{ n: number }>()(() => ({ n: 0 }));
    const seen: [number, number][] = [];
    gate.viewOf(store).subscribe((s, prev) => seen.push([s.n, prev.n]));
    const result = gate.hold(() => {
      store.setState({ n: 1 });
      store.setState({ n: 2 });
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual([]);
    expect(frames).toHaveLength(1);
    // Not changed through the gate's view: the store itself is up to date at once.
    expect(gate.viewOf(store).getState().n).toBe(2);
    paint();
    expect(seen).toEqual([[2, 0]]);
    paint();
    expect(seen).toHaveLength(1);
  });

  it('flushes once after the outermost of nested holds, and holds again after a throw', () => {
    const { gate, paint, frames } = gateWithManualPaint();
    const store = createStore<{ n: number }>()(() => ({ n: 0 }));
    let calls = 0;
    gate.viewOf(store).subscribe(() => calls++);
    gate.hold(() => {
      store.setState({ n: 1 });
      gate.hold(() => store.setState({ n: 2 }));
      expect(frames).toHaveLength(0);
    });
    expect(frames).toHaveLength(1);
    paint();
    expect(calls).toBe(1);
    expect(() =>
      gate.hold(() => {
        store.setState({ n: 3 });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    paint();
    expect(calls).toBe(2);
    store.setState({ n: 4 });
    expect(calls).toBe(3);
  });

  it('forgets a listener that unsubscribes while it waits', () => {
    const { gate, paint } = gateWithManualPaint();
    const store = createStore<{ n: number }>()(() => ({ n: 0 }));
    let calls = 0;
    const unsubscribe = gate.viewOf(store).subscribe(() => calls++);
    gate.hold(() => store.setState({ n: 1 }));
    unsubscribe();
    paint();
    expect(calls).toBe(0);
  });

  it('delivers a later change made outside a hold at once, and not again at the paint', () => {
    const { gate, paint } = gateWithManualPaint();
    const store = createStore<{ n: number }>()(() => ({ n: 0 }));
    const seen: number[] = [];
    gate.viewOf(store).subscribe((s) => seen.push(s.n));
    gate.hold(() => store.setState({ n: 1 }));
    store.setState({ n: 2 });
    expect(seen).toEqual([2]);
    paint();
    expect(seen).toEqual([2]);
  });

  it('gives one view per store, so hooks subscribe to a stable object', () => {
    const { gate } = gateWithManualPaint();
    const a = createStore<{ n: number }>()(() => ({ n: 0 }));
    const b = createStore<{ n: number }>()(() => ({ n: 0 }));
    expect(gate.viewOf(a)).toBe(gate.viewOf(a));
    expect(gate.viewOf(a)).not.toBe(gate.viewOf(b));
  });
});

describe('afterPaintOrSoon', () => {
  it('runs once, at the paint when one comes, else after the time limit (a hidden page paints nothing)', () => {
    vi.useFakeTimers();
    try {
      const frames: (() => void)[] = [];
      let painted = 0;
      afterPaintOrSoon(() => painted++, (f) => frames.push(f), 200);
      frames.forEach((f) => f());
      vi.advanceTimersByTime(500);
      expect(painted).toBe(1);

      let hidden = 0;
      afterPaintOrSoon(() => hidden++, () => {}, 200);
      vi.advanceTimersByTime(199);
      expect(hidden).toBe(0);
      vi.advanceTimersByTime(1);
      expect(hidden).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
