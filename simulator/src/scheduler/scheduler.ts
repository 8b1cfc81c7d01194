/**
 * kube-scheduler's default profile as a Controller named `default-scheduler`: it places
 * every Pod that has no Node yet, asks for `default-scheduler` and is not being deleted.
 * A placed Pod is bound (the `binding` subresource in reality: here a patch of
 * spec.nodeName, then the PodScheduled=True condition the API server adds) and gets the
 * `Scheduled` event. A Pod that fits nowhere gets PodScheduled=False, reason Unschedulable,
 * and a FailedScheduling event with FitError's message; it waits in the unschedulable pool
 * until a Node or a Pod changes in a way that may help (or 5 minutes pass), never sooner
 * than its back-off (1 s doubling up to 10 s, podInitialBackoff/podMaxBackoff).
 */
import { formatTimestamp } from '../clock';
import { kindInfo } from '../api/catalog';
import { isJsonObject, type JsonObject } from '../store/json';
import type { KubeObject, WatchEvent } from '../store/store';
import { keyOf, splitKey, type Action, type Controller, type Reader, type ReconcileResult } from '../controllers/types';
import { schedulePod } from './algorithm';
import { SchedulerCache } from './cache';
import { readPod, type PodInfo } from './filters';
import { scheduledMessage, truncateMessage } from './messages';

export const SCHEDULER_NAME = 'default-scheduler';

const POD = kindInfo('v1', 'Pod')!;
const NODE = kindInfo('v1', 'Node')!;

// Mirrors the scheduling queue's defaults (v1.30).
export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration: an unschedulable Pod is retried at least this often. */
export const UNSCHEDULABLE_RETRY_MS = 5 * 60_000;

/** Mirrors the SchedulingGates plugin's PodScheduled condition. */
const GATED_MESSAGE = 'Scheduling is blocked due to non-empty scheduling gates';

/** The back-off after `attempts` failed attempts: 1 s, 2 s, 4 s, 8 s, then 10 s. */
export function podBackoff(attempts: number): number {
  return Math.min(POD_MAX_BACKOFF_MS, POD_INITIAL_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

interface Waiting {
  attempts: number;
  backoffUntil: number;
  /** The Pod's spec and labels when it last failed: a status write is no reason to retry. */
  fingerprint: string;
}

const objectAt = (object: JsonObject, field: string): JsonObject => (isJsonObject(object[field]) ? object[field] : {});

/** A Pod this scheduler must place. */
function isOurs(pod: KubeObject): boolean {
  const spec = objectAt(pod, 'spec');
  const phase = objectAt(pod, 'status').phase;
  const nodeName = spec.nodeName;
  return (
    (nodeName === undefined || nodeName === '') &&
    (spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME &&
    objectAt(pod, 'metadata').deletionTimestamp === undefined &&
    phase !== 'Succeeded' &&
    phase !== 'Failed'
  );
}

const fingerprintOf = (pod: KubeObject): string => JSON.stringify([objectAt(pod, 'metadata').labels, pod.spec]);

interface PodCondition {
  type: string;
  status: string;
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

/**
 * Mirrors podutil.UpdatePodCondition: sets the PodScheduled condition, keeping its
 * lastTransitionTime when the status does not change. Returns the Pod to write, or
 * undefined when nothing changed.
 */
function withScheduledCondition(pod: KubeObject, status: 'True' | 'False', now: number, reason?: string, message?: string): KubeObject | undefined {
  const copy = { ...pod, metadata: { ...objectAt(pod, 'metadata') }, status: { ...objectAt(pod, 'status') } } as KubeObject;
  const podStatus = copy.status as JsonObject;
  const conditions = Array.isArray(podStatus.conditions) ? [...(podStatus.conditions as JsonObject[])] : [];
  const index = conditions.findIndex((c) => isJsonObject(c) && c.type === 'PodScheduled');
  const old = index >= 0 ? conditions[index]! : undefined;
  const condition: PodCondition = { type: 'PodScheduled', status, lastProbeTime: null, lastTransitionTime: formatTimestamp(now) };
  if (old?.status === status && typeof old.lastTransitionTime === 'string') condition.lastTransitionTime = old.lastTransitionTime;
  if (reason) condition.reason = reason;
  if (message) condition.message = message;
  if (old && old.status === status && old.reason === reason && old.message === message && old.lastTransitionTime === condition.lastTransitionTime) return undefined;
  if (index >= 0) conditions[index] = condition as unknown as JsonObject;
  else conditions.push(condition as unknown as JsonObject);
  podStatus.conditions = conditions;
  // The status subresource, without a precondition: the binding just moved resourceVersion.
  delete (copy.metadata as JsonObject).resourceVersion;
  return copy;
}

export interface SchedulerOptions {
  /**
   * How long an unschedulable Pod waits when nothing it cares about changes (default
   * UNSCHEDULABLE_RETRY_MS, upstream's 5 minutes). `null`: only cluster changes retry it
   * (even after a SchedulerError), so that a settle does not run the clock forward for a
   * Pod that cannot fit anyway.
   */
  unschedulableRetryMs?: number | null;
}

export interface Scheduler extends Controller {
  /** Pods waiting for room, by key (for tests and diagnostics). */
  readonly waiting: ReadonlyMap<string, { attempts: number }>;
}

/**
 * Creates the scheduler. It keeps a cache of Nodes and of what bound Pods request, fed
 * by its triggers (an informer, in upstream's words) and rebuilt from a full list on its
 * first reconcile in a runtime: use one instance per cluster.
 */
export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const retryMs = options.unschedulableRetryMs === undefined ? UNSCHEDULABLE_RETRY_MS : options.unschedulableRetryMs;
  const cache = new SchedulerCache();
  const waiting = new Map<string, Waiting>();
  let primedFor: Reader | undefined;
  let nextStartNodeIndex = 0;

  const waitingKeys = (): string[] => [...waiting.keys()];

  function onPod(event: WatchEvent): string[] {
    const pod = event.object;
    const key = keyOf(pod);
    if (event.type === 'DELETED') {
      waiting.delete(key);
      // Mirrors the queue's AssignedPodDelete: room was freed, the waiting Pods may fit now.
      return cache.removePod(key) ? waitingKeys() : [];
    }
    const keys = cache.upsertPod(pod) ? waitingKeys() : [];
    if (isOurs(pod) && waiting.get(key)?.fingerprint !== fingerprintOf(pod)) keys.push(key);
    return keys;
  }

  function onNode(event: WatchEvent): string[] {
    const name = keyOf(event.object);
    if (event.type === 'DELETED') {
      cache.removeNode(name);
      return [];
    }
    // NodeAdd, or a change of labels, taints, unschedulable or allocatable: retry the waiting Pods.
    return cache.upsertNode(event.object) === 'unchanged' ? [] : waitingKeys();
  }

  function prime(reader: Reader): void {
    cache.clear();
    waiting.clear();
    for (const node of reader.list(NODE)) cache.upsertNode(node);
    for (const pod of reader.list(POD)) cache.upsertPod(pod);
    primedFor = reader;
  }

  function bind(pod: KubeObject, info: PodInfo, node: string, now: number): Action[] {
    const actions: Action[] = [{ type: 'bind', namespace: info.namespace, name: info.name, node }];
    const scheduled = withScheduledCondition(pod, 'True', now);
    if (scheduled) actions.push({ type: 'updateStatus', object: scheduled });
    const message = scheduledMessage(info.namespace, info.name, node);
    actions.push({ type: 'event', event: { involved: pod, type: 'Normal', reason: 'Scheduled', message, component: SCHEDULER_NAME } });
    return actions;
  }

  function reconcile(key: string, reader: Reader): ReconcileResult {
    if (primedFor !== reader) prime(reader);
    const { namespace, name } = splitKey(key);
    const pod = reader.get(POD, namespace, name);
    if (!pod || !isOurs(pod)) {
      waiting.delete(key);
      return { actions: [] };
    }
    const now = reader.now();
    const gates = objectAt(pod, 'spec').schedulingGates;
    if (Array.isArray(gates) && gates.length > 0) {
      // Mirrors the SchedulingGates PreEnqueue plugin: the Pod is not even queued.
      waiting.delete(key);
      const gated = withScheduledCondition(pod, 'False', now, 'SchedulingGated', GATED_MESSAGE);
      return { actions: gated ? [{ type: 'updateStatus', object: gated }] : [] };
    }
    const previous = waiting.get(key);
    if (previous && now < previous.backoffUntil) return { actions: [], requeueAfter: previous.backoffUntil - now };

    const nodes = cache.nodeList();
    const info = readPod(pod);
    const result = schedulePod(info, nodes, nodeIndexFor(nodes.length));
    nextStartNodeIndex = nodes.length === 0 ? 0 : (nextStartNodeIndex + result.processed) % nodes.length;
    if (result.outcome === 'scheduled') {
      waiting.delete(key);
      return { actions: bind(pod, info, result.node, now) };
    }

    const attempts = (previous?.attempts ?? 0) + 1;
    const backoff = podBackoff(attempts);
    waiting.set(key, { attempts, backoffUntil: now + backoff, fingerprint: fingerprintOf(pod) });
    const reason = result.outcome === 'error' ? 'SchedulerError' : 'Unschedulable';
    const actions: Action[] = [
      { type: 'event', event: { involved: pod, type: 'Warning', reason: 'FailedScheduling', message: truncateMessage(result.message), component: SCHEDULER_NAME } },
    ];
    const failed = withScheduledCondition(pod, 'False', now, reason, result.message);
    if (failed) actions.push({ type: 'updateStatus', object: failed });
    // An error goes back through the back-off queue; an unschedulable Pod waits for a change.
    if (retryMs === null) return { actions };
    return { actions, requeueAfter: result.outcome === 'error' ? backoff : retryMs };
  }

  const nodeIndexFor = (count: number): number => (count === 0 ? 0 : nextStartNodeIndex % count);

  return {
    name: SCHEDULER_NAME,
    triggers: [
      { info: POD, keys: onPod },
      { info: NODE, keys: onNode },
    ],
    reconcile,
    waiting,
  };
}
