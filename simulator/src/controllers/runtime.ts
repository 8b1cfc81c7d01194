/**
 * Runs the controllers: watches the store, queues keys (de-duplicated), calls reconcile,
 * applies the returned actions, requeues with back-off on errors, and moves simulated time
 * only when told (advance) or when settling. No timers: time is a ManualClock.
 */
import type { Clock } from '../clock';
import { StatusError } from '../api/errors';
import { clone, readOnlyView, ReadOnlyViolation } from '../store/json';
import type { KubeObject, ObjectStore, WatchEvent } from '../store/store';
import { EventRecorder } from './events';
import type { Action, Controller, Reader, Trigger } from './types';

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
  /** Replaced by an earlier check, or dropped: skipped when it comes out of the heap. */
  cancelled: boolean;
}

/** Heap order: due time, then insertion (the order keys fall due in). */
const before = (a: Delayed, b: Delayed): boolean => a.at < b.at || (a.at === b.at && a.sequence < b.sequence);

/**
 * The delayed keys, as a binary heap: thousands of Pods waiting on their next stage make
 * a sorted list's insertions and removals the runtime's own hot spot.
 */
class DelayedHeap {
  private readonly heap: Delayed[] = [];

  push(entry: Delayed): void {
    const heap = this.heap;
    let index = heap.push(entry) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = entry;
  }

  /** The earliest live entry, dropping the cancelled ones on the way. */
  peek(): Delayed | undefined {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
    return this.heap[0];
  }

  pop(): Delayed | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || last === undefined) return top;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[index] = heap[child]!;
      index = child;
    }
    heap[index] = last;
    return top;
  }
}

/** A FIFO queue: an array read from a moving head, compacted now and then (Array.shift is O(n)). */
class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

let strictReads = false;

/**
 * With `true`, controllers read guarded copies instead of the stored objects, so that one
 * breaking the contract (changing what it read) throws ReadOnlyViolation rather than
 * silently changing the store. The unit tests turn it on (test/support/strict.ts); runtimes made
 * afterwards use it.
 */
export function checkControllerReads(on: boolean): void {
  strictReads = on;
}

// client-go's default item rate limiter: 5 ms doubling per failure, at most 1000 s.
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1_000_000;

export class ControllerRuntime {
  readonly events: EventRecorder;
  /** Errors controllers hit (kept for tests and `atelier` diagnostics). */
  readonly errors: { controller: string; key: string; message: string }[] = [];
  private readonly ready = new Fifo<[number, string]>();
  // Per controller (indexed like `controllers`), keyed by the controller's own keys.
  private readonly queued: Set<string>[];
  /** Ordered by due time, then by insertion; at most one live entry per key (delayedByKey). */
  private readonly delayed = new DelayedHeap();
  private readonly delayedByKey: Map<string, Delayed>[];
  private delayedCount = 0;
  /** The triggers that watch each kind (by apiVersion, then kind), with their controller's index. */
  private readonly triggersByKind = new Map<string, Map<string, { controller: number; trigger: Trigger }[]>>();
  private sequence = 0;
  private readonly failures: Map<string, number>[];
  private readonly reader: Reader;
  private readonly unwatch: () => void;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: AdvancingClock,
    private readonly controllers: readonly Controller[],
  ) {
    this.events = new EventRecorder(store);
    this.queued = controllers.map(() => new Set<string>());
    this.delayedByKey = controllers.map(() => new Map<string, Delayed>());
    this.failures = controllers.map(() => new Map<string, number>());
    controllers.forEach((controller, index) => {
      for (const trigger of controller.triggers) {
        const { apiVersion, kind } = trigger.info;
        let kinds = this.triggersByKind.get(apiVersion);
        if (!kinds) this.triggersByKind.set(apiVersion, (kinds = new Map<string, { controller: number; trigger: Trigger }[]>()));
        let list = kinds.get(kind);
        if (!list) kinds.set(kind, (list = []));
        list.push({ controller: index, trigger });
      }
    });
    // Controllers only read (types.ts): they get the stored objects themselves, which the
    // store never changes in place; copying every read cost a tenth of a settle.
    const strict = strictReads;
    this.reader = strict
      ? {
          get: (info, namespace, name) => readOnlyView(store.find(info, namespace, name)),
          list: (info, options) => store.list(info, options).map((object) => readOnlyView(object)),
          now: () => clock.now(),
          random: store.random,
        }
      : {
          get: (info, namespace, name) => store.peek(info, namespace, name),
          list: (info, options) => store.view(info, options) as KubeObject[],
          now: () => clock.now(),
          random: store.random,
        };
    // Only the kinds some controller watches: the others (Events, above all) are not copied.
    const resources = controllers.flatMap((controller) => controller.triggers.map((trigger) => trigger.info));
    this.unwatch = store.watch((event) => this.onEvent(strict ? { ...event, object: readOnlyView(clone(event.object)) } : event), { resources, shared: true });
  }

  /** Stops watching the store. */
  dispose(): void {
    this.unwatch();
  }

  private onEvent(event: WatchEvent): void {
    const { apiVersion, kind } = event.object;
    // In controller order, then trigger order, as the controllers list them.
    const triggers = typeof apiVersion === 'string' && typeof kind === 'string' ? this.triggersByKind.get(apiVersion)?.get(kind) : undefined;
    if (!triggers) return;
    for (const { controller, trigger } of triggers) for (const key of trigger.keys(event)) this.enqueue(controller, key);
  }

  private enqueue(controller: number, key: string): void {
    const queued = this.queued[controller]!;
    if (queued.has(key)) return;
    queued.add(key);
    this.ready.push([controller, key]);
  }

  private enqueueAfter(controller: number, key: string, ms: number): void {
    const at = this.clock.now() + Math.max(0, ms);
    // One pending delayed entry per key and controller: the earliest wins.
    const byKey = this.delayedByKey[controller]!;
    const existing = byKey.get(key);
    if (existing && existing.at <= at) return;
    if (existing) existing.cancelled = true;
    else this.delayedCount++;
    const entry = { at, sequence: this.sequence++, controller, key, cancelled: false };
    byKey.set(key, entry);
    this.delayed.push(entry);
  }

  private cancelDelayed(controller: number, key: string): void {
    const byKey = this.delayedByKey[controller]!;
    const entry = byKey.get(key);
    if (!entry) return;
    byKey.delete(key);
    this.delayedCount--;
    entry.cancelled = true;
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
    return this.ready.length + this.delayedCount;
  }

  /** When the next delayed key is due, if any. */
  nextDue(): number | undefined {
    return this.delayed.peek()?.at;
  }

  private apply(action: Action): void {
    // The store's answers are not used: its writes skip copying them.
    const writes = this.store.uncopied;
    switch (action.type) {
      case 'create':
        if (!action.onError) writes.create(action.object);
        else this.createOrElse(action.object, action.onError);
        break;
      case 'update':
        writes.update(action.object);
        break;
      case 'updateStatus':
        writes.updateStatus(action.object);
        break;
      case 'patch':
        writes.patch(action.info, action.namespace, action.name, action.patch);
        break;
      case 'delete':
        this.store.delete(action.info, action.namespace, action.name, action.options);
        break;
      case 'event':
        this.events.record(action.event);
        break;
      case 'bind':
        writes.bindPod(action.namespace, action.name, action.node);
        break;
    }
  }

  /** A create whose refusal the controller answers (see Action.onError), then rethrown. */
  private createOrElse(object: KubeObject, onError: (error: unknown) => Action[]): void {
    try {
      this.store.uncopied.create(object);
    } catch (error) {
      for (const next of onError(error)) this.apply(next);
      throw error;
    }
  }

  /** Reconciles one ready key. Returns false when nothing was ready. */
  step(): boolean {
    const next = this.ready.shift();
    if (!next) return false;
    const [index, key] = next;
    this.queued[index]!.delete(key);
    const controller = this.controllers[index]!;
    const failures = this.failures[index]!;
    try {
      const result = controller.reconcile(key, this.reader);
      for (const action of result.actions) this.apply(action);
      failures.delete(key);
      // Level-triggered: the latest reconcile decides whether the key needs another look,
      // so a check scheduled by an earlier pass (a progress deadline, a retry) is dropped.
      if (result.requeueAfter !== undefined) this.enqueueAfter(index, key, result.requeueAfter);
      else this.cancelDelayed(index, key);
    } catch (error) {
      // A controller that changed what it read (strict reads) has a bug to fix, not a retry.
      if (error instanceof ReadOnlyViolation) throw error;
      // A conflict or a rejected write: try again later, as a workqueue's rate limiter does.
      const count = (failures.get(key) ?? 0) + 1;
      failures.set(key, count);
      const message = error instanceof StatusError || error instanceof Error ? error.message : String(error);
      this.errors.push({ controller: controller.name, key, message });
      if (this.errors.length > 1000) this.errors.shift();
      this.enqueueAfter(index, key, Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (count - 1)));
    }
    return true;
  }

  /** Moves delayed keys that are due into the ready queue. */
  private promoteDue(): void {
    const now = this.clock.now();
    for (let next = this.delayed.peek(); next && next.at <= now; next = this.delayed.peek()) {
      this.delayed.pop();
      this.delayedByKey[next.controller]!.delete(next.key);
      this.delayedCount--;
      this.enqueue(next.controller, next.key);
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
