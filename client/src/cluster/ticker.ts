/**
 * Simulated time while VS Code is open: the simulator's Ticker (simulator/src/ticker.ts) on
 * the real wall clock and Node's timers. The ticking lives in the client; the simulator
 * only ever moves when told (STYLE.md, habit 5).
 */
import type { TickerClock } from '../../../simulator/src/ticker';

export { clampSpeed, MAX_GAP_MS, MAX_SPEED, MIN_SPEED, Ticker, TICK_MS, type TickerClock } from '../../../simulator/src/ticker';

export const REAL_CLOCK: TickerClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};
