/**
 * The Job controller (kube-controller-manager's `job` controller, v1.30, `job-controller`):
 * runs a Job's Pods to completion. It keeps `parallelism` Pods active (never more than the
 * completions left), gives each Pod of an Indexed Job its completion index, counts finished
 * Pods through the `batch.kubernetes.io/job-tracking` finalizer, waits after failures (10 s
 * doubling, at most 6 min), and finishes the Job: Complete once enough Pods succeeded,
 * Failed past backoffLimit (BackoffLimitExceeded) or activeDeadlineSeconds
 * (DeadlineExceeded), deleting what still runs. Suspending deletes the active Pods.
 */
import { kindInfo } from '../api/catalog';
import { formatTimestamp } from '../clock';
import { JOB_LABELS } from '../api/defaults/index';
import { deepEqual, type JsonObject } from '../store/json';
import type { KubeObject, WatchEvent } from '../store/store';
import { claim, OwnershipIndex, podEventKeys, SelectorCache } from './deployment/ownership';
import { isBeingDeleted, isPodActive, isPodReady, labelsOf, metaOf, nameOf, namespaceOf, specOf, statusOf, uidOf } from './deployment/pods';
import { activePodsForRemoval, firstPendingIndexes, formatIndexes, parseIndexes } from './job/indexes';
import {
  completionIndex, generateNameFor, generatePodName, hasTrackingFinalizer, isPodFailed, isTerminating, onlyReplaceFailedPods,
  pastBackoffLimitOnFailure, phaseOf, podFromTemplate, removeFinalizerPatch,
} from './job/pods';
import { backoffRemaining, buildStatus, conditionsOf, ensureCondition, finishedCondition, newCondition, pastActiveDeadline, type JobCondition } from './job/status';
import { keyOf, splitKey, type Action, type Controller, type Reader, type ReconcileResult, type Trigger } from './types';

export { createTtlAfterFinishedController } from './job/ttl';

const JOBS = kindInfo('batch/v1', 'Job')!;
const PODS = kindInfo('v1', 'Pod')!;
const COMPONENT = 'job-controller';
/** MaxPodCreateDeletePerSync. */
const MAX_PER_SYNC = 500;

interface Caches {
  pods: OwnershipIndex;
  selectors: SelectorCache;
}

/** What one sync decides, accumulated as it goes. */
interface Sync {
  job: KubeObject;
  reader: Reader;
  actions: Action[];
  now: number;
  active: KubeObject[];
  activeCount: number;
  succeeded: number;
  succeededIndexes: Set<number>;
  terminating: number;
  requeue: number[];
}

/**
 * Creates a Job controller. Wire one instance per cluster runtime: it indexes Pods by
 * their controlling Job, fed by its own triggers.
 */
export function createJobController(): Controller {
  const caches: Caches = { pods: new OwnershipIndex(), selectors: new SelectorCache() };
  const jobTrigger: Trigger = {
    info: JOBS,
    keys(event: WatchEvent) {
      caches.selectors.observe(event);
      return [keyOf(event.object)];
    },
  };
  const podTrigger: Trigger = {
    info: PODS,
    keys: (event: WatchEvent) =>
      podEventKeys(event, caches.pods, caches.selectors, 'Job', (orphan, namespace) => {
        // An orphan still holding the tracking finalizer: its Job (if any) lets it go.
        const jobName = labelsOf(orphan.object)[JOB_LABELS.jobName];
        return jobName && hasTrackingFinalizer(orphan.object) ? [`${namespace}/${jobName}`] : [];
      }),
  };
  return { name: COMPONENT, triggers: [jobTrigger, podTrigger], reconcile: (key, reader) => syncJob(key, reader, caches) };
}

function event(job: KubeObject, reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal'): Action {
  return { type: 'event', event: { involved: job, type, reason, message, component: COMPONENT } };
}

function syncJob(key: string, reader: Reader, caches: Caches): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const job = reader.get(JOBS, namespace, name);
  if (!job) return { actions: releaseOrphans(reader, namespace, name) };
  const selector = caches.selectors.of(job);
  if (!selector) return { actions: [] };
  const candidates = [...caches.pods.ownedBy(namespace, uidOf(job)), ...caches.pods.orphansIn(namespace, selector)]
    .map((podName) => reader.get(PODS, namespace, podName))
    .filter((pod): pod is KubeObject => pod !== undefined);
  const { claimed: pods, adopt, release } = claim(job, candidates, selector);
  const actions: Action[] = [];
  for (const { name: podName, patch } of adopt) actions.push({ type: 'patch', info: PODS, namespace, name: podName, patch });
  for (const { name: podName, patch } of release) {
    // Mirrors the Job's ControllerRefManager (withFinalizers): a released Pod loses the finalizer too.
    const pod = candidates.find((candidate) => nameOf(candidate) === podName)!;
    const withoutFinalizer = hasTrackingFinalizer(pod) ? (removeFinalizerPatch(pod).metadata as JsonObject) : {};
    actions.push({ type: 'patch', info: PODS, namespace, name: podName, patch: { metadata: { ...(patch.metadata as JsonObject), ...withoutFinalizer } } });
  }
  if (finishedCondition(job)) {
    // Mirrors the orphan queue: a finished Job keeps no finalizer on its Pods.
    for (const pod of pods) if (hasTrackingFinalizer(pod)) actions.push({ type: 'patch', info: PODS, namespace, name: nameOf(pod), patch: removeFinalizerPatch(pod) });
    return { actions };
  }
  return track(job, pods, reader, actions);
}

/** Mirrors syncJob from the count of finished Pods to the status update. */
function track(job: KubeObject, pods: KubeObject[], reader: Reader, actions: Action[]): ReconcileResult {
  const now = reader.now();
  const spec = specOf(job);
  const status = statusOf(job);
  const indexed = spec.completionMode === 'Indexed';
  const completions = typeof spec.completions === 'number' ? spec.completions : undefined;
  const suspended = spec.suspend === true;
  const active = pods.filter(isPodActive);
  // A finished Pod still holding the finalizer has not been counted yet.
  const newSucceeded = pods.filter((pod) => hasTrackingFinalizer(pod) && phaseOf(pod) === 'Succeeded');
  const newFailed = pods.filter((pod) => hasTrackingFinalizer(pod) && phaseOf(pod) !== 'Succeeded' && isPodFailed(pod, job));
  const succeededIndexes = indexed ? parseIndexes(status.completedIndexes, completions ?? 0) : new Set<number>();
  for (const pod of indexed ? newSucceeded : []) {
    const index = completionIndex(pod);
    if (index >= 0 && index < completions!) succeededIndexes.add(index);
  }
  const validIndex = (pod: KubeObject): boolean => !indexed || (completionIndex(pod) >= 0 && completionIndex(pod) < completions!);
  let failed = Number(status.failed ?? 0) + newFailed.filter(validIndex).length;
  const sync: Sync = {
    job, reader, actions, now, active, activeCount: active.length,
    succeeded: indexed ? succeededIndexes.size : Number(status.succeeded ?? 0) + newSucceeded.length,
    succeededIndexes, terminating: pods.filter(isTerminating).length, requeue: [],
  };
  const ready = active.filter(isPodReady).length;
  let startTime = typeof status.startTime === 'string' ? status.startTime : undefined;
  if (startTime === undefined && !suspended) startTime = formatTimestamp(now);
  const conditions = conditionsOf(job);

  let finished: JobCondition | undefined;
  if (failed > Number(spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) {
    finished = newCondition('Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now);
  } else if (pastActiveDeadline(job, startTime, now)) {
    finished = newCondition('Failed', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline', now);
  } else if (typeof spec.activeDeadlineSeconds === 'number' && !suspended && startTime !== undefined) {
    sync.requeue.push(Date.parse(startTime) + spec.activeDeadlineSeconds * 1000 - now);
  }

  const toUncount: KubeObject[] = [...newSucceeded, ...newFailed];
  let resumedAt: string | undefined;
  if (finished) {
    // Mirrors deleteActivePods: what still runs goes, and counts as failed.
    deletePods(sync, active);
    failed += active.filter((pod) => hasTrackingFinalizer(pod) && validIndex(pod) && !newFailed.includes(pod)).length;
    toUncount.push(...active.filter((pod) => !toUncount.includes(pod)));
  } else {
    const managed = !isBeingDeleted(job);
    if (managed) manageJob(sync, pods, completions, indexed);
    const complete = completions === undefined ? sync.succeeded > 0 && sync.activeCount === 0 : sync.succeeded >= completions && sync.activeCount === 0;
    if (complete) {
      finished = newCondition('Complete', 'True', '', '', now);
    } else if (managed && suspended) {
      if (ensureCondition(conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now)) actions.push(event(job, 'Suspended', 'Job suspended'));
    } else if (managed && ensureCondition(conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', now)) {
      actions.push(event(job, 'Resumed', 'Job resumed'));
      // Mirrors syncJob: a resumed Job starts its clock again.
      resumedAt = formatTimestamp(now);
    }
  }

  for (const pod of toUncount) {
    if (hasTrackingFinalizer(pod)) actions.push({ type: 'patch', info: PODS, namespace: namespaceOf(pod), name: nameOf(pod), patch: removeFinalizerPatch(pod) });
  }
  let completionTime: string | undefined;
  if (finished) {
    ensureCondition(conditions, finished.type, 'True', finished.reason ?? '', finished.message ?? '', now);
    if (finished.type === 'Complete') completionTime = finished.lastTransitionTime;
  }
  const next = buildStatus(status, {
    startTime: resumedAt ?? startTime, completionTime, active: sync.activeCount, succeeded: sync.succeeded, failed,
    terminating: sync.terminating, ready, completedIndexes: indexed ? formatIndexes(succeededIndexes) : undefined, conditions,
  });
  if (!deepEqual(next, job.status)) actions.push({ type: 'updateStatus', object: { ...job, status: next } });
  if (finished?.type === 'Complete') actions.push(event(job, 'Completed', 'Job completed'));
  else if (finished) actions.push(event(job, finished.reason!, finished.message!, 'Warning'));
  const waits = sync.requeue.filter((ms) => ms > 0);
  return waits.length > 0 && !finished ? { actions, requeueAfter: Math.min(...waits) } : { actions };
}

/** Mirrors manageJob: delete the surplus or create what is missing (never both in one sync). */
function manageJob(sync: Sync, pods: KubeObject[], completions: number | undefined, indexed: boolean): void {
  const { job, active } = sync;
  const spec = specOf(job);
  if (spec.suspend === true) {
    deletePods(sync, activePodsForRemoval(active, active.length, indexed, completions ?? 0, sync.now));
    return;
  }
  const parallelism = Number(spec.parallelism ?? 1);
  let wantActive: number;
  if (completions === undefined) wantActive = sync.succeeded > 0 ? sync.activeCount : parallelism;
  else wantActive = Math.max(0, Math.min(completions - sync.succeeded, parallelism));
  const surplus = activePodsForRemoval(active, Math.max(0, sync.activeCount - wantActive), indexed, completions ?? 0, sync.now).slice(0, MAX_PER_SYNC);
  if (surplus.length > 0) {
    deletePods(sync, surplus);
    return;
  }
  const terminating = onlyReplaceFailedPods(job) ? sync.terminating : 0;
  let diff = wantActive - terminating - sync.activeCount;
  if (diff <= 0) return;
  const remaining = backoffRemaining(job, pods, sync.now);
  if (remaining > 0) {
    sync.requeue.push(remaining);
    return;
  }
  diff = Math.min(diff, MAX_PER_SYNC);
  let indexes: number[] = Array.from({ length: diff }, () => -1);
  if (indexed) {
    const nonPending = new Set(sync.succeededIndexes);
    for (const pod of active) nonPending.add(completionIndex(pod));
    if (onlyReplaceFailedPods(job)) for (const pod of pods.filter(isTerminating)) nonPending.add(completionIndex(pod));
    indexes = firstPendingIndexes(diff, completions!, nonPending);
  }
  const taken = new Set<string>();
  for (const index of indexes) {
    const generateName = generateNameFor(job, index);
    const podName = generatePodName(sync.reader, namespaceOf(job), generateName, taken);
    // RealPodControl: a refused Pod is `FailedCreate: Error creating: ...`, and the sync is retried.
    const onError = (error: unknown): Action[] => [event(job, 'FailedCreate', `Error creating: ${error instanceof Error ? error.message : String(error)}`, 'Warning')];
    sync.actions.push({ type: 'create', object: podFromTemplate(job, podName, generateName, index), onError });
    sync.actions.push(event(job, 'SuccessfulCreate', `Created pod: ${podName}`));
  }
  sync.activeCount += indexes.length;
}

/** Mirrors deleteJobPods: each deletion is an event; the Pods count as terminating. */
function deletePods(sync: Sync, pods: readonly KubeObject[]): void {
  for (const pod of pods) {
    sync.actions.push({ type: 'delete', info: PODS, namespace: namespaceOf(pod), name: nameOf(pod) });
    sync.actions.push(event(sync.job, 'SuccessfulDelete', `Deleted pod: ${nameOf(pod)}`));
  }
  sync.activeCount -= pods.length;
  sync.terminating += pods.length;
}

/**
 * Mirrors the orphan Pod cleanup: once the Job is gone, its Pods keep no tracking
 * finalizer (else a deleted Job's Pods would stay Terminating forever).
 */
function releaseOrphans(reader: Reader, namespace: string, name: string): Action[] {
  const actions: Action[] = [];
  for (const pod of reader.list(PODS, { namespace, labelSelector: `${JOB_LABELS.jobName}=${name}` })) {
    if (!hasTrackingFinalizer(pod)) continue;
    const refs = Array.isArray(metaOf(pod).ownerReferences) ? (metaOf(pod).ownerReferences as JsonObject[]) : [];
    const controller = refs.find((ref) => ref.controller === true);
    if (controller && (controller.kind !== 'Job' || controller.name !== name)) continue;
    actions.push({ type: 'patch', info: PODS, namespace, name: nameOf(pod), patch: removeFinalizerPatch(pod) });
  }
  return actions;
}
