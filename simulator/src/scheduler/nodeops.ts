/**
 * What happens to Nodes from outside the control plane: `kubectl cordon`, `uncordon` and
 * `drain` against the simulated API server, with kubectl v1.30's lines of output
 * (k8s.io/kubectl/pkg/drain), and a Node failing or recovering (its kubelet stops or
 * resumes posting status). drain writes the way kubectl does: a patch of
 * spec.unschedulable, then one eviction per Pod through the Eviction API, which refuses
 * what a PodDisruptionBudget protects; kubectl retries every 5 s until it can, or until
 * --timeout. An unknown Node throws the store's NotFound (`nodes "worker-9" not found`).
 */
import { kindInfo } from '../api/catalog';
import { StatusError } from '../api/errors';
import { formatTimestamp } from '../clock';
import { evictPod } from '../admission/eviction';
import { isJsonObject, type JsonObject } from '../store/json';
import type { ObjectStore, KubeObject } from '../store/store';
import { podsToDrain, type DrainFilterOptions } from './drainfilters';

const NODE = kindInfo('v1', 'Node')!;
const POD = kindInfo('v1', 'Pod')!;

export interface CordonResult {
  /** False when the Node already was in the wanted state. */
  changed: boolean;
  /** `node/worker-1 cordoned`, `node/worker-1 already uncordoned`... */
  message: string;
}

function setUnschedulable(store: ObjectStore, name: string, desired: boolean): CordonResult {
  const node = store.get(NODE, '', name);
  const spec = isJsonObject(node.spec) ? node.spec : {};
  const verb = desired ? 'cordoned' : 'uncordoned';
  if ((spec.unschedulable === true) === desired) return { changed: false, message: `node/${name} already ${verb}` };
  // kubectl's two-way merge patch: `false` is omitted from the Node, hence null.
  store.patch(NODE, '', name, { spec: { unschedulable: desired ? true : null } });
  return { changed: true, message: `node/${name} ${verb}` };
}

/** `kubectl cordon NODE`: no new Pod will be scheduled there. */
export function cordon(store: ObjectStore, name: string): CordonResult {
  return setUnschedulable(store, name, true);
}

/** `kubectl uncordon NODE`. */
export function uncordon(store: ObjectStore, name: string): CordonResult {
  return setUnschedulable(store, name, false);
}

type Condition = { type?: string; status?: string; reason?: string; message?: string; lastHeartbeatTime?: string; lastTransitionTime?: string };

/** What the kubelet reports when all is well, condition by condition. */
const HEALTHY: Record<string, [status: string, reason: string, message: string]> = {
  MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
};

/**
 * A Node whose kubelet stopped posting its status, or started again. Mirrors the node
 * lifecycle controller's tryUpdateNodeHealth: after the grace period every condition becomes
 * Unknown (`NodeStatusUnknown`, `Kubelet stopped posting node status.`); the controller then
 * taints it `node.kubernetes.io/unreachable` (NoSchedule and NoExecute) and its Pods are
 * evicted 300 s later. The kubelet's next status puts its own conditions back.
 */
export function setNodeHealth(store: ObjectStore, name: string, healthy: boolean, now: number): KubeObject {
  const node = store.get(NODE, '', name);
  const status = (node.status ?? {}) as { conditions?: Condition[] };
  const stamp = formatTimestamp(now);
  const conditions = (status.conditions ?? []).map((condition): Condition => {
    const type = String(condition.type);
    if (!healthy) {
      if (condition.status === 'Unknown') return condition;
      return { ...condition, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: stamp };
    }
    const [wanted, reason, message] = HEALTHY[type] ?? ['False', condition.reason ?? '', condition.message ?? ''];
    return { ...condition, status: wanted, reason, message, lastHeartbeatTime: stamp, ...(condition.status === wanted ? {} : { lastTransitionTime: stamp }) };
  });
  return store.updateStatus({ ...node, status: { ...status, conditions } });
}

export interface DrainOptions extends DrainFilterOptions {
  /** --timeout: how long to keep trying, 0 (default) for ever. */
  timeoutMs?: number;
  /** --disable-eviction: delete the Pods, bypassing PodDisruptionBudgets. */
  disableEviction?: boolean;
  /** --grace-period (negative or unset: each Pod's own). */
  gracePeriodSeconds?: number;
}

export interface DrainHooks {
  /** Lets simulated time pass while kubectl waits (the cluster's controllers run meanwhile). */
  advance?: (ms: number) => void;
  /** The eviction request, as the caller is allowed to make it (default: evictPod on the store). */
  evict?: (namespace: string, name: string, gracePeriodSeconds?: number) => void;
}

export interface DrainResult {
  /** True when every Pod that had to go is gone. */
  drained: boolean;
  /** What kubectl prints on stdout, in order. */
  output: string[];
  /** What it prints on stderr (warnings, retries, then the error). */
  errors: string[];
  /** The evicted Pods, `namespace/name`. */
  evicted: string[];
  /** Without --timeout, kubectl would still be waiting when the simulation gave up. */
  stopped?: boolean;
}

/** kubectl drain's retry delay after a 429 (EvictErrorRetryDelay). */
export const EVICTION_RETRY_MS = 5_000;
/** How long the simulation lets a drain without --timeout wait before giving up. */
export const UNBOUNDED_DRAIN_MS = 10 * 60_000;
const POLL_MS = 1_000;

/** Go's time.Duration.String() for whole milliseconds: `1m0s`, `30s`, `1h2m3s`, `500ms`. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  const secondText = `${Number.isInteger(seconds) ? seconds : seconds.toFixed(3).replace(/0+$/, '')}s`;
  if (hours > 0) return `${hours}h${minutes}m${secondText}`;
  if (minutes > 0) return `${minutes}m${secondText}`;
  return secondText;
}

/** utilerrors.Aggregate's text. */
const aggregate = (messages: readonly string[]): string => (messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]`);

interface Task {
  namespace: string;
  name: string;
  uid: unknown;
  state: 'evict' | 'wait' | 'done';
  nextAt: number;
}

function failedDrain(name: string, output: string[], errors: string[], failures: string[], evicted: string[]): DrainResult {
  errors.push(`error: unable to drain node "${name}" due to error: ${aggregate(failures)}, continuing command...`, 'There are pending nodes to be drained:', ` ${name}`, ...failures);
  return { drained: false, output, errors, evicted };
}

/**
 * `kubectl drain NODE`: cordons the Node, then evicts its Pods unless one of them may not
 * go (then nothing is evicted and the error says which Pods, as kubectl does); refused
 * evictions are retried every 5 s of simulated time, and each Pod is waited for until it is
 * gone (`pod/web-x evicted`).
 */
export function drain(store: ObjectStore, name: string, options: DrainOptions = {}, hooks: DrainHooks = {}): DrainResult {
  const output = [cordon(store, name).message];
  const filtered = podsToDrain(store.list(POD, { fieldSelector: `spec.nodeName=${name}` }), options);
  if (filtered.fatal) {
    const message = filtered.fatal;
    return { drained: false, output, errors: [`error: unable to drain node "${name}" due to error: ${message}, continuing command...`, 'There are pending nodes to be drained:', ` ${name}`, message], evicted: [] };
  }
  const errors = filtered.warning ? [`Warning: ${filtered.warning}`] : [];
  const grace = options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds >= 0 ? options.gracePeriodSeconds : undefined;
  const evict =
    hooks.evict ?? ((namespace: string, podName: string, gracePeriodSeconds?: number) => void evictPod(store, namespace, podName, gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }));
  const remove = options.disableEviction
    ? (namespace: string, podName: string) => void store.delete(POD, namespace, podName, grace === undefined ? {} : { gracePeriodSeconds: grace })
    : (namespace: string, podName: string) => evict(namespace, podName, grace);
  const done = options.disableEviction ? 'deleted' : 'evicted';
  const tasks: Task[] = filtered.pods.map((pod) => {
    const meta = isJsonObject(pod.metadata) ? pod.metadata : {};
    return { namespace: String(meta.namespace), name: String(meta.name), uid: meta.uid, state: 'evict', nextAt: 0 };
  });
  const timeout = options.timeoutMs ?? 0;
  const limit = timeout > 0 ? timeout : UNBOUNDED_DRAIN_MS;
  const failures: string[] = [];
  const evicted: string[] = [];
  let elapsed = 0;
  for (;;) {
    for (const task of tasks.filter((t) => t.state === 'evict' && t.nextAt <= elapsed)) attempt(task);
    for (const task of tasks.filter((t) => t.state === 'wait')) {
      const current = store.find(POD, task.namespace, task.name);
      if (current && (current.metadata as JsonObject | undefined)?.uid === task.uid) continue;
      output.push(`pod/${task.name} ${done}`);
      evicted.push(`${task.namespace}/${task.name}`);
      task.state = 'done';
    }
    const pending = tasks.filter((t) => t.state !== 'done');
    if (pending.length === 0) break;
    if (elapsed >= limit) {
      if (timeout <= 0) return { drained: false, output, errors, evicted, stopped: true };
      // The global timeout: waiting Pods fail now, the others at their next attempt.
      for (const task of pending.filter((t) => t.state === 'wait')) {
        failures.push(`error when waiting for pod ${JSON.stringify(task.name)} in namespace ${JSON.stringify(task.namespace)} to terminate: context deadline exceeded`);
        task.state = 'done';
      }
      if (tasks.every((t) => t.state === 'done')) break;
    }
    // The next thing to happen: a poll of the Pods being deleted, a retry, or the deadline.
    let next = Math.min(...pending.map((t) => (t.state === 'wait' ? elapsed + POLL_MS : t.nextAt)));
    if (elapsed < limit) next = Math.min(next, limit);
    const step = Math.max(1, next - elapsed);
    hooks.advance?.(step);
    elapsed += step;
  }
  if (failures.length > 0) return failedDrain(name, output, errors, failures, evicted);
  output.push(`node/${name} drained`);
  return { drained: true, output, errors, evicted };

  function attempt(task: Task): void {
    if (!options.disableEviction) output.push(`evicting pod ${task.namespace}/${task.name}`);
    if (timeout > 0 && elapsed >= timeout) {
      failures.push(`error when evicting pods/${JSON.stringify(task.name)} -n ${JSON.stringify(task.namespace)}: global timeout reached: ${goDuration(timeout)}`);
      task.state = 'done';
      return;
    }
    try {
      remove(task.namespace, task.name);
      task.state = 'wait';
    } catch (error) {
      if (error instanceof StatusError && error.reason === 'NotFound') {
        task.state = 'done';
      } else if (error instanceof StatusError && error.reason === 'TooManyRequests') {
        errors.push(`error when evicting pods/${JSON.stringify(task.name)} -n ${JSON.stringify(task.namespace)} (will retry after ${goDuration(EVICTION_RETRY_MS)}): ${error.message}`);
        task.nextAt = elapsed + EVICTION_RETRY_MS;
      } else {
        failures.push(`error when evicting pods/${JSON.stringify(task.name)} -n ${JSON.stringify(task.namespace)}: ${error instanceof Error ? error.message : String(error)}`);
        task.state = 'done';
      }
    }
  }
}
