/**
 * `kubectl drain` against the simulated API server, as kubectl v1.30 runs it (RunDrain in
 * k8s.io/kubectl/pkg/cmd/drain/drain.go, the helper in k8s.io/kubectl/pkg/drain/drain.go),
 * for real or as a dry run:
 * - every Node is read first (an unknown one stops the command), then every Node is
 *   cordoned (a refused cordon is printed and the drain goes on), then each Node in turn
 *   has its Pods filtered, evicted (or deleted with --disable-eviction) and waited for;
 * - evictions go through the Eviction API, which refuses what a PodDisruptionBudget
 *   protects (429): kubectl retries every 5 s until it can, or until --timeout;
 * - after a failed removal, the Pods still on the Node are listed (`There are pending pods
 *   in node ...`, `pod/NAME`); then `error: unable to drain node ...`, and once at the end
 *   the Nodes left and their errors, as cmdutil.CheckErr prints them.
 */
import { kindInfo } from '../api/catalog';
import { StatusError } from '../api/errors';
import { evictPod } from '../admission/eviction';
import { isJsonObject } from '../store/json';
import type { KubeObject, ObjectStore } from '../store/store';
import { podsToDrain, type DrainFilterOptions } from './drainfilters';
import { cordonNode, goDuration, type CordonStrategy } from './nodeops';

const NODE = kindInfo('v1', 'Node')!;
const POD = kindInfo('v1', 'Pod')!;

export interface DrainOptions extends DrainFilterOptions {
  /** --timeout: how long to keep trying, 0 (default) for ever. */
  timeoutMs?: number;
  /** --disable-eviction: delete the Pods, bypassing PodDisruptionBudgets. */
  disableEviction?: boolean;
  /** --grace-period (negative or unset: each Pod's own). */
  gracePeriodSeconds?: number;
}

/** The requests drain makes, as the caller is allowed to make them (default: as the administrator, for real). */
export interface DrainHooks {
  /** Lets simulated time pass while kubectl waits (the cluster's controllers run meanwhile). */
  advance?: (ms: number) => void;
  /** The eviction request. */
  evict?: (namespace: string, name: string, gracePeriodSeconds?: number) => void;
  /** The DELETE of --disable-eviction. */
  remove?: (namespace: string, name: string, gracePeriodSeconds?: number) => void;
}

/** How the drain is sent (--dry-run) and the suffix the printer adds to its lines (` (dry run)`). */
export interface DrainMode {
  strategy: CordonStrategy;
  suffix: string;
}

export interface DrainResult {
  /** True when every Pod that had to go is gone, on every Node. */
  drained: boolean;
  /** What kubectl prints on stdout, in order. */
  output: string[];
  /** What it prints on stderr (warnings, retries, then the errors). */
  errors: string[];
  /** The Pods evicted or deleted, `namespace/name`. */
  evicted: string[];
  /** Without --timeout, kubectl would still be waiting when the simulation gave up. */
  stopped?: boolean;
  /** The French explanations of refused cordons. */
  hints?: string[];
}

/** kubectl drain's retry delay after a 429 (EvictErrorRetryDelay). */
export const EVICTION_RETRY_MS = 5_000;
/** How long the simulation lets a drain without --timeout wait before giving up. */
export const UNBOUNDED_DRAIN_MS = 10 * 60_000;
/** kubectl polls the Pods it removed every second (waitForDelete). */
const POLL_MS = 1_000;

/** utilerrors.Aggregate's text. */
const aggregate = (messages: readonly string[]): string => (messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]`);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Why one Node was not drained: the error as `%v` prints it, the lines cmdutil.CheckErr prints
 * when it is the only Node that failed, and its line among several (MultipleErrors).
 */
interface NodeFailure {
  name: string;
  message: string;
  lines: string[];
  entry: string;
}

/** An aggregate of errors (the filters, evictPods) prints one error a line; a single error (deletePods) through StandardErrorMessage. */
const aggregateFailure = (name: string, failures: readonly string[]): NodeFailure => ({ name, message: aggregate(failures), lines: [...failures], entry: aggregate(failures) });
const singleFailure = (name: string, error: unknown): NodeFailure => {
  const message = messageOf(error);
  const line = error instanceof StatusError ? `Error from server (${error.reason}): ${message}` : message.startsWith('error: ') ? message : `error: ${message}`;
  return { name, message, lines: [line], entry: error instanceof StatusError ? line : message };
};

interface PodRef {
  namespace: string;
  name: string;
  uid: unknown;
}

const refOf = (pod: KubeObject): PodRef => {
  const meta = isJsonObject(pod.metadata) ? pod.metadata : {};
  return { namespace: String(meta.namespace), name: String(meta.name), uid: meta.uid };
};

/** True once the Pod is gone, or replaced by another of the same name (waitForDelete compares uids). */
const gone = (store: ObjectStore, pod: PodRef): boolean => {
  const current = store.find(POD, pod.namespace, pod.name);
  return !current || (isJsonObject(current.metadata) ? current.metadata.uid : undefined) !== pod.uid;
};

/** What one drain prints, and what the simulation needs to go on. */
interface Run {
  store: ObjectStore;
  options: DrainOptions;
  mode: DrainMode;
  evict: (namespace: string, name: string, gracePeriodSeconds?: number) => void;
  remove: (namespace: string, name: string, gracePeriodSeconds?: number) => void;
  advance: (ms: number) => void;
  grace: number | undefined;
  output: string[];
  errors: string[];
  evicted: string[];
}

interface Eviction extends PodRef {
  state: 'evict' | 'wait' | 'done';
  nextAt: number;
}

/**
 * evictPods: `evicting pod NS/NAME` before each attempt; a refused eviction (429) is retried
 * after 5 s until the global timeout; an accepted one is waited for (`pod/NAME evicted`),
 * except in a server dry run, where nothing goes. Returns the errors, or undefined when the
 * simulation stops waiting (no --timeout: kubectl would retry for ever).
 */
function evictPods(run: Run, pods: readonly PodRef[]): string[] | undefined {
  const timeout = run.options.timeoutMs ?? 0;
  const limit = timeout > 0 ? timeout : UNBOUNDED_DRAIN_MS;
  const dryRun = run.mode.strategy === 'server';
  const tasks: Eviction[] = pods.map((pod) => ({ ...pod, state: 'evict', nextAt: 0 }));
  const failures: string[] = [];
  let elapsed = 0;
  const attempt = (task: Eviction): void => {
    run.output.push(`evicting pod ${task.namespace}/${task.name}${run.mode.suffix}`);
    const id = `pods/${JSON.stringify(task.name)} -n ${JSON.stringify(task.namespace)}`;
    if (timeout > 0 && elapsed >= timeout) {
      failures.push(`error when evicting ${id}: global timeout reached: ${goDuration(timeout)}`);
      task.state = 'done';
      return;
    }
    try {
      run.evict(task.namespace, task.name, run.grace);
      task.state = dryRun ? 'done' : 'wait';
    } catch (error) {
      if (error instanceof StatusError && error.reason === 'NotFound') {
        task.state = 'done';
      } else if (error instanceof StatusError && error.reason === 'TooManyRequests') {
        run.errors.push(`error when evicting ${id} (will retry after ${goDuration(EVICTION_RETRY_MS)}): ${error.message}`);
        task.nextAt = elapsed + EVICTION_RETRY_MS;
      } else {
        failures.push(`error when evicting ${id}: ${messageOf(error)}`);
        task.state = 'done';
      }
    }
  };
  for (;;) {
    for (const task of tasks.filter((t) => t.state === 'evict' && t.nextAt <= elapsed)) attempt(task);
    for (const task of tasks.filter((t) => t.state === 'wait' && gone(run.store, t))) {
      run.output.push(`pod/${task.name} evicted`);
      run.evicted.push(`${task.namespace}/${task.name}`);
      task.state = 'done';
    }
    const pending = tasks.filter((t) => t.state !== 'done');
    if (pending.length === 0) return failures;
    if (elapsed >= limit) {
      if (timeout <= 0) return undefined;
      // The global timeout: waiting Pods fail now, the others at their next attempt.
      for (const task of pending.filter((t) => t.state === 'wait')) {
        failures.push(`error when waiting for pod ${JSON.stringify(task.name)} in namespace ${JSON.stringify(task.namespace)} to terminate: context deadline exceeded`);
        task.state = 'done';
      }
      if (tasks.every((t) => t.state === 'done')) return failures;
    }
    // The next thing to happen: a poll of the Pods being deleted, a retry, or the deadline.
    let next = Math.min(...pending.map((t) => (t.state === 'wait' ? elapsed + POLL_MS : t.nextAt)));
    if (elapsed < limit) next = Math.min(next, limit);
    const step = Math.max(1, next - elapsed);
    run.advance(step);
    elapsed += step;
  }
}

/**
 * deletePods (--disable-eviction): the DELETEs, silent (the first error other than NotFound
 * stops them), then waitForDelete: every second, a Pod gone (or replaced) is `pod/NAME
 * deleted`. A dry-run DELETE removes nothing, yet kubectl v1.30 waits as after real ones
 * (kubernetes/kubectl#1830): it ends at --timeout with `context deadline exceeded`, or the
 * simulation stops waiting.
 */
function deletePods(run: Run, pods: readonly PodRef[]): { error?: unknown; stopped?: true } {
  for (const pod of pods) {
    try {
      run.remove(pod.namespace, pod.name, run.grace);
    } catch (error) {
      if (!(error instanceof StatusError && error.reason === 'NotFound')) return { error };
    }
  }
  const waiting = [...pods];
  const timeout = run.options.timeoutMs ?? 0;
  const limit = timeout > 0 ? timeout : UNBOUNDED_DRAIN_MS;
  let elapsed = 0;
  for (;;) {
    for (const pod of waiting.filter((p) => gone(run.store, p))) {
      run.output.push(`pod/${pod.name} deleted${run.mode.suffix}`);
      if (run.mode.strategy === 'none') run.evicted.push(`${pod.namespace}/${pod.name}`);
      waiting.splice(waiting.indexOf(pod), 1);
    }
    if (waiting.length === 0) return {};
    if (elapsed >= limit) return timeout > 0 ? { error: new Error('context deadline exceeded') } : { stopped: true };
    const step = Math.min(POLL_MS, limit - elapsed);
    run.advance(step);
    elapsed += step;
  }
}

/** The Pods on a Node, through the filters (GetPodsForDeletion). */
const podsOn = (run: Run, name: string) => podsToDrain(run.store.list(POD, { fieldSelector: `spec.nodeName=${name}` }), run.options);

/** deleteOrEvictPodsSimple for one Node: its failure, if any, or `stopped` when the simulation gave up waiting. */
function drainOne(run: Run, name: string): { failure?: NodeFailure; stopped?: true } {
  const list = podsOn(run, name);
  if (list.errors) return { failure: aggregateFailure(name, list.errors) };
  if (list.warning) run.errors.push(`Warning: ${list.warning}`);
  const pods = list.pods.map(refOf);
  let failure: NodeFailure | undefined;
  if (run.mode.strategy === 'client') {
    // The client dry run prints the Pods and stops there, --disable-eviction or not.
    for (const pod of pods) run.output.push(`evicting pod ${pod.namespace}/${pod.name}${run.mode.suffix}`);
  } else if (run.options.disableEviction) {
    const result = deletePods(run, pods);
    if (result.stopped) return { stopped: true };
    if (result.error !== undefined) failure = singleFailure(name, result.error);
  } else {
    const failures = evictPods(run, pods);
    if (!failures) return { stopped: true };
    if (failures.length > 0) failure = aggregateFailure(name, failures);
  }
  if (!failure) return {};
  // kubectl lists again what is still to go (Pods being deleted included).
  const pending = podsOn(run, name).pods.map(refOf);
  if (pending.length > 0) run.errors.push(`There are pending pods in node ${JSON.stringify(name)} when an error occurred: ${failure.message}`, ...pending.map((pod) => `pod/${pod.name}`));
  return { failure };
}

/**
 * RunDrain: every Node read, then every cordon line (or error), then each Node in turn (its
 * warnings, evictions, `node/NAME drained`, or why it could not), then the Nodes left and
 * the errors. An unknown Node throws the store's NotFound before anything is printed.
 */
export function drain(store: ObjectStore, names: readonly string[], options: DrainOptions = {}, hooks: DrainHooks = {}, mode: DrainMode = { strategy: 'none', suffix: '' }): DrainResult {
  for (const name of names) store.get(NODE, '', name);
  const grace = options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds >= 0 ? options.gracePeriodSeconds : undefined;
  const withGrace = (gracePeriodSeconds?: number) => (gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds });
  const run: Run = {
    store,
    options,
    mode,
    evict: hooks.evict ?? ((namespace, name, gracePeriodSeconds) => void evictPod(store, namespace, name, withGrace(gracePeriodSeconds))),
    remove: hooks.remove ?? ((namespace, name, gracePeriodSeconds) => void store.delete(POD, namespace, name, withGrace(gracePeriodSeconds))),
    advance: hooks.advance ?? (() => undefined),
    grace,
    output: [],
    errors: [],
    evicted: [],
  };
  const { output, errors, evicted } = run;
  const hints: string[] = [];
  for (const name of names) {
    const cordoned = cordonNode(store, name, true, mode.strategy, mode.suffix);
    if (cordoned.line) output.push(cordoned.line);
    if (cordoned.error) errors.push(cordoned.error);
    if (cordoned.fr) hints.push(cordoned.fr);
  }
  const withHints = hints.length > 0 ? { hints } : {};
  const failed: NodeFailure[] = [];
  for (const name of names) {
    const { failure, stopped } = drainOne(run, name);
    if (stopped) return { drained: false, output, errors, evicted, stopped: true, ...withHints };
    if (failure) {
      errors.push(`error: unable to drain node ${JSON.stringify(name)} due to error: ${failure.message}, continuing command...`);
      failed.push(failure);
    } else {
      output.push(`node/${name} drained${mode.suffix}`);
    }
  }
  if (failed.length === 0) return { drained: true, output, errors, evicted, ...withHints };
  // cmdutil.CheckErr: one Node's error as its own lines; several Nodes' errors one a line.
  const last = failed.length === 1 ? failed[0]!.lines : failed.map((node) => node.entry);
  errors.push('There are pending nodes to be drained:', ...failed.map((node) => ` ${node.name}`), ...last);
  return { drained: false, output, errors, evicted, ...withHints };
}
