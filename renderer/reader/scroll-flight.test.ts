import { describe, expect, it } from 'vitest';
import { LANDING_MS, ScrollFlight, type FlightTimer } from './scroll-flight.js';

/** A flight whose timers run when the test advances the clock. */
function flightWithManualClock() {
  let now = 0;
  let nextHandle = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const timer: FlightTimer = {
    set: (run, ms) => {
      timers.set(nextHandle, { at: now + ms, run });
      return nextHandle++;
    },
    clear: (handle) => void timers.delete(handle as number),
  };
  const changes: boolean[] = [];
  const flight = new ScrollFlight((flying) => changes.push(flying), timer);
  const advance = (ms: number) => {
    now += ms;
    for (const [handle, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at > now) continue;
      timers.delete(handle);
      t.run();
    }
  };
  return { flight, changes, advance, timers };
}

const SCREEN = 800;

describe('ScrollFlight', () => {
  it('never flies while the view moves less than a screen at a time (reading, wheel, keys, the track)', () => {
    const { flight, changes, timers } = flightWithManualClock();
    for (let top = 0; top < 50 * SCREEN; top += SCREEN * 0.95) flight.scrolled(top, SCREEN);
    flight.scrolled(50 * SCREEN - SCREEN, SCREEN);
    expect(changes).toEqual([]);
    expect(flight.flying).toBe(false);
    expect(timers.size).toBe(0);
  });

  it('flies on a move of more than a screen and lands once no such move came for LANDING_MS', () => {
    const { flight, changes, advance } = flightWithManualClock();
    flight.scrolled(0, SCREEN);
    flight.scrolled(6 * SCREEN, SCREEN);
    expect(changes).toEqual([true]);
    expect(flight.flying).toBe(true);
    advance(LANDING_MS - 1);
    expect(flight.flying).toBe(true);
    advance(1);
    expect(changes).toEqual([true, false]);
    expect(flight.flying).toBe(false);
  });

  it('stays in flight while the jumps go on, however long, and reports it once', () => {
    const { flight, changes, advance } = flightWithManualClock();
    flight.scrolled(0, SCREEN);
    for (let step = 1; step <= 100; step++) {
      flight.scrolled(step * 6 * SCREEN, SCREEN);
      advance(LANDING_MS - 10);
    }
    expect(changes).toEqual([true]);
    advance(10);
    expect(changes).toEqual([true, false]);
  });

  it('is not landed by small moves in flight (scroll anchoring as laid-out text changes height)', () => {
    const { flight, changes, advance } = flightWithManualClock();
    flight.scrolled(0, SCREEN);
    flight.scrolled(10 * SCREEN, SCREEN);
    advance(40);
    flight.scrolled(10 * SCREEN - 30, SCREEN);
    advance(30);
    flight.scrolled(10 * SCREEN - 20, SCREEN);
    expect(changes).toEqual([true]);
    // Landing counts from the last jump, not from the small moves.
    advance(LANDING_MS - 70);
    expect(changes).toEqual([true, false]);
  });

  it('flies the other way too, and again after landing', () => {
    const { flight, changes, advance } = flightWithManualClock();
    flight.scrolled(40 * SCREEN, SCREEN);
    flight.scrolled(20 * SCREEN, SCREEN);
    advance(LANDING_MS);
    flight.scrolled(30 * SCREEN, SCREEN);
    advance(LANDING_MS);
    expect(changes).toEqual([true, false, true, false]);
  });

  it('reports nothing once stopped', () => {
    const { flight, changes, advance, timers } = flightWithManualClock();
    flight.scrolled(0, SCREEN);
    flight.scrolled(5 * SCREEN, SCREEN);
    flight.stop();
    expect(timers.size).toBe(0);
    advance(LANDING_MS);
    expect(changes).toEqual([true]);
  });
});
