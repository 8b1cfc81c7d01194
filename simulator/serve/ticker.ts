/**
 * Simulated time while the facade serves: every interval, the real time elapsed times
 * the speed is handed to the cluster, as the extension's ticker does it
 * (client/src/cluster/ticker.ts, which the simulator may not import: the arrows go one
 * way). A gap longer than MAX_GAP_MS (the machine slept) counts as MAX_GAP_MS: the
 * cluster does not replay the night. Timers and the wall clock are injected.
 */

export interface TickerClock {
  /** Wall-clock milliseconds. */
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const REAL_CLOCK: TickerClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    // The ticker alone does not keep the process alive: the server does.
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export const TICK_MS = 1000;
export const MAX_GAP_MS = 5000;
export const MIN_SPEED = 1;
export const MAX_SPEED = 60;

/** A speed between MIN_SPEED and MAX_SPEED (×1 for anything else). */
export function clampSpeed(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return MIN_SPEED;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, value));
}

export class Ticker {
  private handle: unknown;
  private last = 0;
  private running = false;
  private currentSpeed = MIN_SPEED;

  constructor(
    /** Receives simulated milliseconds. */
    private readonly onTick: (simulatedMs: number) => void,
    private readonly clock: TickerClock = REAL_CLOCK,
    private readonly intervalMs = TICK_MS,
  ) {}

  get paused(): boolean {
    return !this.running;
  }

  get speed(): number {
    return this.currentSpeed;
  }

  set speed(value: number) {
    // Time elapsed so far counts at the old speed.
    if (this.running) this.tick();
    this.currentSpeed = clampSpeed(value);
  }

  resume(): void {
    if (this.running) return;
    this.running = true;
    this.last = this.clock.now();
    this.handle = this.clock.setInterval(() => this.tick(), this.intervalMs);
  }

  /** Stops the ticking; the time since the last tick still counts. */
  pause(): void {
    if (!this.running) return;
    this.tick();
    this.running = false;
    this.clock.clearInterval(this.handle);
    this.handle = undefined;
  }

  dispose(): void {
    if (this.running) this.clock.clearInterval(this.handle);
    this.running = false;
  }

  private tick(): void {
    const now = this.clock.now();
    const real = Math.min(MAX_GAP_MS, Math.max(0, now - this.last));
    this.last = now;
    if (real > 0) this.onTick(Math.round(real * this.currentSpeed));
  }
}
