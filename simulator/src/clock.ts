/**
 * Simulated time. Nothing in simulator/ reads the wall clock: the cluster is
 * handed a Clock, and tests or the extension decide when time moves, so that
 * the same inputs always give the same cluster (STYLE.md, habit 5).
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, in simulated time. */
  now(): number;
}

/** A clock that moves only when told to. */
export class ManualClock implements Clock {
  private current: number;

  /** @param start simulated epoch milliseconds; defaults to 2024-01-01T00:00:00Z. */
  constructor(start: number = Date.UTC(2024, 0, 1)) {
    assertTime(start, 'start');
    this.current = start;
  }

  private readonly listeners = new Set<(from: number, to: number) => void>();

  now(): number {
    return this.current;
  }

  /** Moves time forward by `ms` milliseconds (never backwards). */
  advance(ms: number): void {
    assertTime(ms, 'advance');
    if (ms > 0) for (const listener of this.listeners) listener(this.current, this.current + ms);
    this.current += ms;
  }

  /**
   * Calls `listener(from, to)` before each move of the clock, while the state is still the
   * one of `from` (the simulated Prometheus scrapes the times it passes over); returns the
   * function that removes it. No timer: it runs inside advance().
   */
  onAdvance(listener: (from: number, to: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function assertTime(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${what}: expected a finite, non-negative number of milliseconds, got ${value}`);
  }
}

/**
 * Formats a time as Kubernetes serialises metav1.Time: RFC 3339 in UTC with
 * whole seconds, e.g. `2024-01-01T00:00:00Z`.
 */
export function formatTimestamp(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  // Controllers format the same instant thousands of times in a row: keep the last one.
  if (seconds !== lastSeconds) {
    lastSeconds = seconds;
    lastText = new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}

let lastSeconds = NaN;
let lastText = '';
