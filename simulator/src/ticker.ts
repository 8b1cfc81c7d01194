/**
 * Simulated time that follows real time: every interval, the real time elapsed times the
 * speed (×1 to ×60) is handed to the cluster. The simulator itself only ever moves when
 * told (STYLE.md, habit 5): this class holds no timer of its own, the wall clock and the
 * interval come in a TickerClock, which the I/O layers give (the extension's in
 * client/src/cluster/ticker.ts, the REST facade's in simulator/serve/ticker.ts) and tests drive.
 */

export interface TickerClock {
  /** Wall-clock milliseconds. */
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const MIN_SPEED = 1;
export const MAX_SPEED = 60;
/** How often time is handed to the cluster, in real milliseconds. */
export const TICK_MS = 1000;
/**
 * The longest real gap one tick accounts for: after the machine slept, the cluster does
 * not replay the night (time runs while the editor or the facade runs, not while the machine
 * is suspended).
 */
export const MAX_GAP_MS = 5000;

/** The speed setting, made safe: a number between MIN_SPEED and MAX_SPEED, ×1 otherwise. */
export function clampSpeed(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return MIN_SPEED;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, value));
}

export class Ticker {
  private handle: unknown;
  private last = 0;
  private currentSpeed = MIN_SPEED;
  private running = false;

  constructor(
    /** Receives simulated milliseconds. */
    private readonly onTick: (simulatedMs: number) => void,
    private readonly clock: TickerClock,
    private readonly intervalMs = TICK_MS,
  ) {}

  get speed(): number {
    return this.currentSpeed;
  }

  set speed(value: number) {
    // Time elapsed so far counts at the old speed.
    if (this.running) this.tick();
    this.currentSpeed = clampSpeed(value);
  }

  get paused(): boolean {
    return !this.running;
  }

  /** Starts (or resumes) the ticking. */
  resume(): void {
    if (this.running) return;
    this.running = true;
    this.last = this.clock.now();
    this.handle = this.clock.setInterval(() => this.tick(), this.intervalMs);
  }

  /** Stops the ticking; time elapsed since the last tick still counts. */
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
