/**
 * The Deployment controller's arithmetic and bookkeeping (kube-controller-manager's
 * `deployment/util/deployment_util.go`, v1.30): revisions and their annotations, maxSurge
 * and maxUnavailable, conditions, the orderings of ReplicaSets, and the tests a rollout
 * uses (saturated, complete, progressing, timed out).
 */
import { isJsonObject, type JsonObject } from '../../store/json';
import { annotationsOf, metaOf, nameOf, parseTime, specOf, statusOf } from './pods';

type Obj = JsonObject;

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';

/** Condition reasons, as upstream names them. */
export const Reason = {
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  FailedRSCreate: 'ReplicaSetCreateError',
  NewReplicaSet: 'NewReplicaSetCreated',
  FoundNewRS: 'FoundNewReplicaSet',
  NewRSAvailable: 'NewReplicaSetAvailable',
  TimedOut: 'ProgressDeadlineExceeded',
  Paused: 'DeploymentPaused',
  Resumed: 'DeploymentResumed',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

/** Annotations a Deployment and its ReplicaSets do not share (annotationsToSkip). */
export const ANNOTATIONS_TO_SKIP: ReadonlySet<string> = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO,
]);

const MAX_INT32 = 2147483647;

/** spec.replicas of a Deployment or ReplicaSet. */
export const replicasOf = (object: Obj): number => (typeof specOf(object).replicas === 'number' ? (specOf(object).replicas as number) : 0);
const statusCount = (object: Obj, field: string): number => (typeof statusOf(object)[field] === 'number' ? (statusOf(object)[field] as number) : 0);

/** Mirrors deploymentutil.Revision: the revision annotation, 0 when absent, NaN when unreadable. */
export function revisionOf(object: Obj): number {
  const text = annotationsOf(object)[REVISION_ANNOTATION];
  if (text === undefined) return 0;
  return /^[-+]?\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** Mirrors MaxRevision: the highest readable revision. */
export function maxRevision(replicaSets: readonly Obj[]): number {
  let max = 0;
  for (const rs of replicaSets) {
    const revision = revisionOf(rs);
    if (revision > max) max = revision;
  }
  return max;
}

/** Mirrors intstr.GetScaledValueFromIntOrPercent: a percentage of `total`, rounded up or down. */
export function scaledValue(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+%$/.test(value)) {
    const scaled = (Number(value.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
  }
  return 0;
}

export const isRollingUpdate = (d: Obj): boolean => (isJsonObject(specOf(d).strategy) ? (specOf(d).strategy as Obj).type : undefined) === 'RollingUpdate';

/**
 * Mirrors ResolveFenceposts: surge rounds up, unavailable rounds down, and when both come
 * to 0 unavailable becomes 1 (a rollout must be able to move).
 */
export function resolveFenceposts(d: Obj): { surge: number; unavailable: number } {
  const strategy = isJsonObject(specOf(d).strategy) ? (specOf(d).strategy as Obj) : {};
  const rolling = isJsonObject(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const desired = replicasOf(d);
  const surge = scaledValue(rolling.maxSurge ?? '25%', desired, true);
  let unavailable = scaledValue(rolling.maxUnavailable ?? '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** Mirrors MaxSurge: 0 unless RollingUpdate. */
export const maxSurge = (d: Obj): number => (isRollingUpdate(d) ? resolveFenceposts(d).surge : 0);

/** Mirrors MaxUnavailable: 0 unless RollingUpdate, never more than the replicas. */
export function maxUnavailable(d: Obj): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, replicasOf(d));
}

// --- Conditions ------------------------------------------------------------------------

export interface Condition extends Obj {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** A condition set at `time` (a formatted metav1.Time). */
export function newCondition(type: string, status: Condition['status'], reason: string, message: string, time: string): Condition {
  return { type, status, lastUpdateTime: time, lastTransitionTime: time, reason, message };
}

export function getCondition(status: Obj, type: string): Condition | undefined {
  const conditions = Array.isArray(status.conditions) ? (status.conditions as Condition[]) : [];
  return conditions.find((condition) => condition.type === type);
}

export function removeCondition(status: Obj, type: string): void {
  const conditions = Array.isArray(status.conditions) ? (status.conditions as Condition[]) : [];
  const kept = conditions.filter((condition) => condition.type !== type);
  if (kept.length > 0) status.conditions = kept;
  else delete status.conditions;
}

/**
 * Mirrors SetDeploymentCondition: same status and reason, nothing changes; same status,
 * the transition time is kept; the condition then moves to the end of the list.
 */
export function setCondition(status: Obj, condition: Condition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime;
  removeCondition(status, condition.type);
  status.conditions = [...(Array.isArray(status.conditions) ? (status.conditions as Condition[]) : []), next];
}

// --- ReplicaSet orderings and sums -------------------------------------------------------

const created = (rs: Obj): number => parseTime(metaOf(rs).creationTimestamp);

/** Mirrors ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreation(a: Obj, b: Obj): number {
  return created(a) - created(b) || (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0);
}

/** Mirrors ReplicaSetsBySizeNewer: largest first, newer first among equals. */
export const bySizeNewer = (a: Obj, b: Obj): number => replicasOf(b) - replicasOf(a) || byCreation(b, a);

/** Mirrors ReplicaSetsBySizeOlder: largest first, older first among equals. */
export const bySizeOlder = (a: Obj, b: Obj): number => replicasOf(b) - replicasOf(a) || byCreation(a, b);

/** Mirrors ReplicaSetsByRevision: lowest revision first. */
export function byRevision(a: Obj, b: Obj): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (Number.isNaN(ra) || Number.isNaN(rb) || ra === rb) return byCreation(a, b);
  return ra - rb;
}

/** Mirrors FilterActiveReplicaSets: the ReplicaSets asked for at least one Pod. */
export const active = (replicaSets: readonly (Obj | undefined)[]): Obj[] => replicaSets.filter((rs): rs is Obj => rs !== undefined && replicasOf(rs) > 0);

export const sumReplicas = (replicaSets: readonly (Obj | undefined)[]): number => replicaSets.reduce((sum, rs) => sum + (rs ? replicasOf(rs) : 0), 0);
export const sumStatus = (replicaSets: readonly (Obj | undefined)[], field: string): number => replicaSets.reduce((sum, rs) => sum + (rs ? statusCount(rs, field) : 0), 0);

// --- Rollout tests -------------------------------------------------------------------------

/** Mirrors HasProgressDeadline: set, and not the "never" value MaxInt32. */
export function hasProgressDeadline(d: Obj): boolean {
  const seconds = specOf(d).progressDeadlineSeconds;
  return typeof seconds === 'number' && seconds !== MAX_INT32;
}

/** Mirrors DeploymentComplete. */
export function deploymentComplete(d: Obj, status: Obj): boolean {
  const replicas = replicasOf(d);
  const count = (field: string): number => (typeof status[field] === 'number' ? status[field] : 0);
  return count('updatedReplicas') === replicas && count('replicas') === replicas && count('availableReplicas') >= replicas - maxUnavailable(d) && count('observedGeneration') >= Number(metaOf(d).generation ?? 0);
}

/** Mirrors DeploymentProgressing: more updated or available Pods, or fewer old ones, than last time. */
export function deploymentProgressing(d: Obj, status: Obj): boolean {
  const old = statusOf(d);
  const count = (from: Obj, field: string): number => (typeof from[field] === 'number' ? from[field] : 0);
  const oldOld = count(old, 'replicas') - count(old, 'updatedReplicas');
  const newOld = count(status, 'replicas') - count(status, 'updatedReplicas');
  return count(status, 'updatedReplicas') > count(old, 'updatedReplicas') || newOld < oldOld || count(status, 'availableReplicas') > count(old, 'availableReplicas');
}

/** Mirrors DeploymentTimedOut: no progress reported for progressDeadlineSeconds. */
export function deploymentTimedOut(d: Obj, status: Obj, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getCondition(status, 'Progressing');
  if (!condition || condition.reason === Reason.NewRSAvailable) return false;
  if (condition.reason === Reason.TimedOut) return true;
  return parseTime(condition.lastUpdateTime) + Number(specOf(d).progressDeadlineSeconds) * 1000 < now;
}

/** Mirrors NewRSNewReplicas: how big the new ReplicaSet may be now. */
export function newRSNewReplicas(d: Obj, all: readonly Obj[], newRS: Obj): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const maxTotal = replicasOf(d) + maxSurge(d);
  const current = sumReplicas(all);
  if (current >= maxTotal) return replicasOf(newRS);
  const scaleUp = Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
  return replicasOf(newRS) + scaleUp;
}

/** Mirrors IsSaturated: the new ReplicaSet has, wants and makes available all the replicas. */
export function isSaturated(d: Obj, rs: Obj | undefined): boolean {
  if (!rs) return false;
  const desired = annotationsOf(rs)[DESIRED_REPLICAS_ANNOTATION];
  if (desired === undefined || !/^[-+]?\d+$/.test(desired)) return false;
  return replicasOf(rs) === replicasOf(d) && Number(desired) === replicasOf(d) && statusCount(rs, 'availableReplicas') === replicasOf(d);
}
