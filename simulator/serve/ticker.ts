/**
 * Simulated time while the facade serves: the simulator's Ticker (simulator/src/ticker.ts)
 * on the real wall clock, with timers that do not keep the process alive by themselves
 * (the server does).
 */
import type { TickerClock } from '../src/ticker';

export { clampSpeed, MAX_GAP_MS, MAX_SPEED, MIN_SPEED, Ticker, TICK_MS, type TickerClock } from '../src/ticker';

export const REAL_CLOCK: TickerClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};
