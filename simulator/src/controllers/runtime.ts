/**
 * Runs the controllers: watches the store, queues keys (de-duplicated), calls reconcile,
 * applies the returned actions, requeues with back-off on errors, and moves simulated time
 * only when told (advance) or when settling. No timers: time is a ManualClock.
 */
import type { Clock } from '../clock';
import { StatusError } from '../api/errors';
import type { ObjectStore, WatchEvent } from '../store/store';
import { EventRecorder } from './events';
import type { Action, Controller, Reader } from './types';

/** A clock the runtime may move forward (ManualClock). */
export interface AdvancingClock extends Clock {
  advance(ms: number): void;
}

export interface SettleOptions {
  /** Simulated time the cluster may take to settle (default 5 minutes). */
  maxSimulatedMs?: number;
  /** Reconcile calls allowed (guards against controllers that never agree). */
  maxSteps?: number;
}

export interface SettleResult {
  steps: number;
  /** Simulated milliseconds that passed. */
  elapsedMs: number;
  /** False when a bound was hit before the queue emptied. */
  settled: boolean;
}

interface Delayed {
  at: number;
  sequence: number;
  controller: number;
  key: string;
}

// client-go's default item rate limiter: 5 ms doubling per failure, at most 1000 s.
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1_000_000;

export class ControllerRuntime {
  readonly events: EventRecorder;
  /** Errors controllers hit (kept for tests and `atelier` diagnostics). */
  readonly errors: { controller: string; key: string; message: string }[] = [];
  private readonly ready: [number, string][] = [];
  private readonly queued = new Set<string>();
  /** Sorted by due time, then by insertion. */
  private delayed: Delayed[] = [];
  private readonly delayedById = new Map<string, Delayed>();
  private sequence = 0;
  private readonly failures = new Map<string, number>();
  private readonly reader: Reader;
  private readonly unwatch: () => void;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: AdvancingClock,
    private readonly controllers: readonly Controller[],
  ) {
    this.events = new EventRecorder(store);
    this.reader = {
      get: (info, namespace, name) => store.find(info, namespace, name),
      list: (info, options) => store.list(info, options),
      now: () => clock.now(),
      random: store.random,
    };
    this.unwatch = store.watch((event) => this.onEvent(event));
  }

  /** Stops watching the store. */
  dispose(): void {
    this.unwatch();
  }

  private onEvent(event: WatchEvent): void {
    const { apiVersion, kind } = event.object;
    this.controllers.forEach((controller, index) => {
      for (const trigger of controller.triggers) {
        if (trigger.info.apiVersion !== apiVersion || trigger.info.kind !== kind) continue;
        for (const key of trigger.keys(event)) this.enqueue(index, key);
      }
    });
  }

  private enqueue(controller: number, key: string): void {
    const id = `${controller}\u0000${key}`;
    if (this.queued.has(id)) return;
    this.queued.add(id);
    this.ready.push([controller, key]);
  }

  private enqueueAfter(controller: number, key: string, ms: number): void {
    const at = this.clock.now() + Math.max(0, ms);
    const id = `${controller}\u0000${key}`;
    // One pending delayed entry per key and controller: the earliest wins.
    const existing = this.delayedById.get(id);
    if (existing && existing.at <= at) return;
    if (existing) this.delayed.splice(this.delayed.indexOf(existing), 1);
    const entry = { at, sequence: this.sequence++, controller, key };
    this.delayedById.set(id, entry);
    // Binary insertion keeps the list sorted without re-sorting thousands of entries.
    let low = 0;
    let high = this.delayed.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.delayed[middle]!.at <= at) low = middle + 1;
      else high = middle;
    }
    this.delayed.splice(low, 0, entry);
  }

  private cancelDelayed(id: string): void {
    const entry = this.delayedById.get(id);
    if (!entry) return;
    this.delayedById.delete(id);
    this.delayed.splice(this.delayed.indexOf(entry), 1);
  }

  /** Queues every object every controller watches (a fresh runtime over a loaded store). */
  resyncAll(): void {
    this.controllers.forEach((controller, index) => {
      for (const trigger of controller.triggers) {
        for (const object of this.store.list(trigger.info)) for (const key of trigger.keys({ type: 'ADDED', object })) this.enqueue(index, key);
      }
    });
  }

  /** Keys waiting (ready or delayed). */
  get pending(): number {
    return this.ready.length + this.delayed.length;
  }

  /** When the next delayed key is due, if any. */
  nextDue(): number | undefined {
    return this.delayed[0]?.at;
  }

  private apply(action: Action): void {
    switch (action.type) {
      case 'create':
        this.store.create(action.object);
        break;
      case 'update':
        this.store.update(action.object);
        break;
      case 'updateStatus':
        this.store.updateStatus(action.object);
        break;
      case 'patch':
        this.store.patch(action.info, action.namespace, action.name, action.patch);
        break;
      case 'delete':
        this.store.delete(action.info, action.namespace, action.name, action.options);
        break;
      case 'event':
        this.events.record(action.event);
        break;
      case 'bind':
        this.store.bindPod(action.namespace, action.name, action.node);
        break;
    }
  }

  /** Reconciles one ready key. Returns false when nothing was ready. */
  step(): boolean {
    const next = this.ready.shift();
    if (!next) return false;
    const [index, key] = next;
    this.queued.delete(`${index}\u0000${key}`);
    const controller = this.controllers[index]!;
    const failureKey = `${index}\u0000${key}`;
    try {
      const result = controller.reconcile(key, this.reader);
      for (const action of result.actions) this.apply(action);
      this.failures.delete(failureKey);
      // Level-triggered: the latest reconcile decides whether the key needs another look,
      // so a check scheduled by an earlier pass (a progress deadline, a retry) is dropped.
      if (result.requeueAfter !== undefined) this.enqueueAfter(index, key, result.requeueAfter);
      else this.cancelDelayed(failureKey);
    } catch (error) {
      // A conflict or a rejected write: try again later, as a workqueue's rate limiter does.
      const failures = (this.failures.get(failureKey) ?? 0) + 1;
      this.failures.set(failureKey, failures);
      const message = error instanceof StatusError || error instanceof Error ? error.message : String(error);
      this.errors.push({ controller: controller.name, key, message });
      if (this.errors.length > 1000) this.errors.shift();
      this.enqueueAfter(index, key, Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (failures - 1)));
    }
    return true;
  }

  /** Moves delayed keys that are due into the ready queue. */
  private promoteDue(): void {
    const now = this.clock.now();
    while (this.delayed[0] && this.delayed[0].at <= now) {
      const { controller, key } = this.delayed.shift()!;
      this.delayedById.delete(`${controller}\u0000${key}`);
      this.enqueue(controller, key);
    }
  }

  /**
   * Runs until nothing is left to do within `maxSimulatedMs`: ready keys first, then time
   * jumps to the next delayed key. Level-triggered controllers make this converge.
   */
  runUntilSettled(options: SettleOptions = {}): SettleResult {
    const start = this.clock.now();
    const deadline = start + (options.maxSimulatedMs ?? 5 * 60_000);
    const maxSteps = options.maxSteps ?? 5_000_000;
    let steps = 0;
    for (;;) {
      this.promoteDue();
      while (this.step()) {
        if (++steps >= maxSteps) return { steps, elapsedMs: this.clock.now() - start, settled: false };
        this.promoteDue();
      }
      const due = this.nextDue();
      if (due === undefined) return { steps, elapsedMs: this.clock.now() - start, settled: true };
      if (due > deadline) return { steps, elapsedMs: this.clock.now() - start, settled: false };
      if (due > this.clock.now()) this.clock.advance(due - this.clock.now());
    }
  }

  /** Lets `ms` of simulated time pass, reconciling everything that falls due on the way. */
  advance(ms: number): SettleResult {
    const start = this.clock.now();
    const end = start + ms;
    let steps = 0;
    for (;;) {
      this.promoteDue();
      while (this.step()) {
        steps++;
        this.promoteDue();
      }
      const due = this.nextDue();
      if (due === undefined || due > end) break;
      if (due > this.clock.now()) this.clock.advance(due - this.clock.now());
    }
    if (this.clock.now() < end) this.clock.advance(end - this.clock.now());
    return { steps, elapsedMs: ms, settled: this.pending === 0 };
  }
}
