/**
 * The heart of the StatefulSet controller (kube-controller-manager's
 * stateful_set_control.go, updateStatefulSet, v1.30): Pods sorted into the replicas the set
 * wants (ordinals start..start+replicas-1) and the condemned above them; missing replicas
 * created in ordinal order, each waiting for its predecessor to be Running and Ready under
 * OrderedReady (all at once under Parallel); the condemned deleted from the highest
 * ordinal; then RollingUpdate replaces Pods of an old revision from the highest ordinal
 * down to the partition, one at a time, and the status counts what it saw.
 */
import type { JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { isBeingDeleted, isPodAvailable, isPodReady, metaOf, nameOf, namespaceOf, specOf, statusOf } from '../deployment/pods';
import { applyRevision } from './history';
import { endOrdinal, inOrdinalRange, isCreated, newStatefulSetPod, ordinalOf, podRevision, replicasOf, startOrdinal, storageMatches, identityMatches } from './identity';
import {
  claimsMatchRetentionPolicy,
  COMPONENT,
  createMissingClaims,
  createStatefulPod,
  deleteStatefulPod,
  phaseOf,
  podClaimIsStale,
  updateClaimsForRetentionPolicy,
  updateStatefulPod,
  type PodControl,
} from './podcontrol';

/** The revisions a sync works with. */
export interface SyncRevisions {
  current: KubeObject;
  update: KubeObject;
  collisionCount: number;
}

/** Mirrors MaxBatchSize: at most 500 Pods at once under Parallel. */
const MAX_BATCH_SIZE = 500;

const isTerminating = (pod: JsonObject): boolean => isBeingDeleted(pod);
const isRunningAndReady = (pod: JsonObject): boolean => phaseOf(pod) === 'Running' && isPodReady(pod);
const isHealthy = (pod: JsonObject): boolean => isRunningAndReady(pod) && !isTerminating(pod);
const minReadySecondsOf = (set: JsonObject): number => (typeof specOf(set).minReadySeconds === 'number' ? (specOf(set).minReadySeconds as number) : 0);

/** Mirrors computeReplicaStatus + updateStatus over the given lists of Pods. */
function countReplicas(status: JsonObject, set: JsonObject, revisions: SyncRevisions, now: number, lists: readonly (readonly JsonObject[])[]): void {
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let current = 0;
  let updated = 0;
  const minReadySeconds = minReadySecondsOf(set);
  for (const pod of lists.flat()) {
    if (isCreated(pod)) replicas++;
    if (isRunningAndReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, now)) available++;
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      if (podRevision(pod) === nameOf(revisions.current)) current++;
      if (podRevision(pod) === nameOf(revisions.update)) updated++;
    }
  }
  Object.assign(status, { replicas, readyReplicas: ready, currentReplicas: current, updatedReplicas: updated, availableReplicas: available });
}

/**
 * Mirrors newVersionedStatefulSetPod: below the partition a missing Pod comes back at the
 * current revision, otherwise at the update revision. (The condition keeps upstream's
 * operator precedence.)
 */
function newVersionedPod(currentSet: KubeObject, updateSet: KubeObject, revisions: SyncRevisions, ordinal: number): KubeObject {
  const strategy = (specOf(currentSet).updateStrategy ?? {}) as { type?: unknown; rollingUpdate?: { partition?: unknown } | null };
  const rolling = strategy.rollingUpdate ?? undefined;
  const partition = typeof rolling?.partition === 'number' ? rolling.partition : 0;
  const start = startOrdinal(currentSet);
  if ((strategy.type === 'RollingUpdate' && rolling === undefined && ordinal < start) || (rolling !== undefined && ordinal < start + partition)) {
    return newStatefulSetPod(currentSet, ordinal, nameOf(revisions.current));
  }
  return newStatefulSetPod(updateSet, ordinal, nameOf(revisions.update));
}

/**
 * Mirrors runForAll: in order, stopping at the first Pod that must wait (OrderedReady), or
 * in slow-start batches of 1, 2, 4 ... that only an error stops (Parallel).
 */
function runForAll(count: number, monotonic: boolean, fn: (i: number) => { exit: boolean; error?: string }): { exit: boolean; error?: string } {
  if (monotonic) {
    for (let i = 0; i < count; i++) {
      const result = fn(i);
      if (result.exit || result.error !== undefined) return { exit: true, error: result.error };
    }
    return { exit: false };
  }
  let next = 0;
  for (let batch = Math.min(1, count); batch > 0; batch = Math.min(2 * batch, count - next, MAX_BATCH_SIZE)) {
    let error: string | undefined;
    for (let i = 0; i < batch; i++) error = fn(next++).error ?? error;
    if (error !== undefined) return { exit: true, error };
  }
  return { exit: false };
}

/**
 * Runs one sync of a StatefulSet's Pods; pushes the writes onto `ctl.actions` and returns
 * the status upstream would write (before completeRollingUpdate) and the error, if any,
 * that stopped the sync (the caller retries later).
 */
export function updateStatefulSet(ctl: PodControl, revisions: SyncRevisions, pods: readonly KubeObject[], now: number): { status: JsonObject; error?: string } {
  const set = ctl.set;
  const currentSet = applyRevision(set, revisions.current);
  const updateSet = applyRevision(set, revisions.update);
  const status: JsonObject = {};
  countReplicas(status, set, revisions, now, [pods]);

  const start = startOrdinal(set);
  const replicas: KubeObject[] = new Array<KubeObject>(Math.max(0, replicasOf(set)));
  const condemned: KubeObject[] = [];
  for (const pod of pods) {
    if (inOrdinalRange(pod, set)) replicas[ordinalOf(pod) - start] = pod;
    else if (ordinalOf(pod) >= 0) condemned.push(pod);
  }
  for (let ordinal = start; ordinal <= endOrdinal(set); ordinal++) {
    replicas[ordinal - start] ??= newVersionedPod(currentSet, updateSet, revisions, ordinal);
  }
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
  // The first unhealthy Pod: the lowest replica, else the lowest condemned.
  const firstUnhealthy = replicas.find((pod) => !isHealthy(pod)) ?? [...condemned].reverse().find((pod) => !isHealthy(pod));

  if (isBeingDeleted(set)) return { status };
  const monotonic = specOf(set).podManagementPolicy !== 'Parallel';
  const minReadySeconds = minReadySecondsOf(set);
  const finish = (error?: string): { status: JsonObject; error?: string } => {
    countReplicas(status, set, revisions, now, [replicas, condemned]);
    return error === undefined ? { status } : { status, error };
  };

  // Mirrors processReplica.
  const processReplica = (i: number): { exit: boolean; error?: string } => {
    let pod = replicas[i]!;
    if (phaseOf(pod) === 'Failed' || phaseOf(pod) === 'Succeeded') {
      const failed = phaseOf(pod) === 'Failed';
      ctl.actions.push({
        type: 'event',
        event: {
          involved: set,
          type: failed ? 'Warning' : 'Normal',
          reason: failed ? 'RecreatingFailedPod' : 'RecreatingTerminatedPod',
          message: `StatefulSet ${namespaceOf(set)}/${nameOf(set)} is recreating ${failed ? 'failed' : 'terminated'} Pod ${nameOf(pod)}`,
          component: COMPONENT,
        },
      });
      deleteStatefulPod(ctl, pod);
      // A finished Pod is removed at once, unless a finalizer holds it: then its name is
      // still taken and the creation waits for the next sync, as an AlreadyExists would.
      if (Array.isArray(metaOf(pod).finalizers) && (metaOf(pod).finalizers as unknown[]).length > 0) return { exit: true, error: `pods "${nameOf(pod)}" already exists` };
      pod = replicas[i] = newVersionedPod(currentSet, updateSet, revisions, i + start);
    }
    if (!isCreated(pod)) {
      if (podClaimIsStale(ctl, pod)) return { exit: true };
      const error = createStatefulPod(ctl, pod);
      if (error !== undefined) return { exit: true, error };
      if (monotonic) return { exit: true };
    }
    if (phaseOf(pod) === 'Pending') {
      const error = createMissingClaims(ctl, pod);
      if (error !== undefined) return { exit: true, error };
    }
    if (isTerminating(pod) && monotonic) return { exit: true };
    if (!isRunningAndReady(pod) && monotonic) return { exit: true };
    if (!isPodAvailable(pod, minReadySeconds, now) && monotonic) return { exit: true };
    if (!isCreated(pod)) return { exit: false };
    if (identityMatches(set, pod) && storageMatches(set, pod) && claimsMatchRetentionPolicy(ctl, updateSet, pod)) return { exit: false };
    const error = updateStatefulPod(ctl, updateSet, pod);
    return error === undefined ? { exit: false } : { exit: true, error };
  };
  const replicaRun = runForAll(replicas.length, monotonic, processReplica);
  if (replicaRun.exit) return finish(replicaRun.error);

  // Mirrors the fix of condemned Pods' claims: a scale-down under whenScaled Delete hands each claim to its Pod.
  const fixRun = runForAll(condemned.length, monotonic, (i) => {
    if (!claimsMatchRetentionPolicy(ctl, updateSet, condemned[i]!)) updateClaimsForRetentionPolicy(ctl, updateSet, condemned[i]!);
    return { exit: false };
  });
  if (fixRun.exit) return finish(fixRun.error);

  // Mirrors processCondemned: from the highest ordinal, each waiting for the others to be healthy.
  const condemnedRun = runForAll(condemned.length, monotonic, (i) => {
    const pod = condemned[i]!;
    if (isTerminating(pod)) return { exit: monotonic };
    if (!isRunningAndReady(pod) && monotonic && pod !== firstUnhealthy) return { exit: true };
    if (!isPodAvailable(pod, minReadySeconds, now) && monotonic && pod !== firstUnhealthy) return { exit: true };
    deleteStatefulPod(ctl, pod);
    return { exit: true };
  });
  if (condemnedRun.exit) return finish(condemnedRun.error);

  finish();
  const strategy = (specOf(set).updateStrategy ?? {}) as { type?: unknown; rollingUpdate?: { partition?: unknown } | null };
  if (strategy.type === 'OnDelete') return { status };
  // Mirrors the RollingUpdate: the highest ordinal not at the update revision goes first; an unhealthy Pod holds the rest.
  const updateMin = typeof strategy.rollingUpdate?.partition === 'number' ? strategy.rollingUpdate.partition : 0;
  for (let target = replicas.length - 1; target >= updateMin; target--) {
    const pod = replicas[target]!;
    if (podRevision(pod) !== nameOf(revisions.update) && !isTerminating(pod)) {
      deleteStatefulPod(ctl, pod);
      status.currentReplicas = Number(status.currentReplicas) - 1;
      return { status };
    }
    if (!isHealthy(pod)) return { status };
  }
  return { status };
}

/** True when a status counts its Pods as upstream's inconsistentStatus compares them. */
export function statusChanged(set: JsonObject, status: JsonObject): boolean {
  const old = statusOf(set);
  const fields = ['observedGeneration', 'replicas', 'readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas', 'currentRevision', 'updateRevision'];
  return fields.some((field) => (old[field] ?? zeroOf(field)) !== (status[field] ?? zeroOf(field)));
}

const zeroOf = (field: string): number | string => (field.endsWith('Revision') ? '' : 0);
