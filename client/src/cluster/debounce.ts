/**
 * Runs an action once after a quiet period, however often it is asked for: the state
 * file and the language server's inventory follow the cluster without following every
 * write. Timers are injected so that tests move time themselves.
 */

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The host's timers. */
export const REAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Debouncer {
  private handle: unknown;
  private scheduled = false;

  constructor(
    private readonly action: () => void,
    private readonly delayMs: number,
    private readonly timers: Timers = REAL_TIMERS,
  ) {}

  /** True while a run is waiting. */
  get pending(): boolean {
    return this.scheduled;
  }

  /** (Re)starts the quiet period; the action runs when it ends. */
  schedule(): void {
    if (this.scheduled) this.timers.clearTimeout(this.handle);
    this.scheduled = true;
    this.handle = this.timers.setTimeout(() => this.flush(), this.delayMs);
  }

  /** Runs the waiting action now, if any. */
  flush(): void {
    if (!this.scheduled) return;
    this.cancel();
    this.action();
  }

  /** Forgets the waiting action. */
  cancel(): void {
    if (this.scheduled) this.timers.clearTimeout(this.handle);
    this.scheduled = false;
    this.handle = undefined;
  }
}
