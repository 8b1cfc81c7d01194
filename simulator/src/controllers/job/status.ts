/**
 * The Job's conditions, its pod failure back-off and its status as the v1.30 Job controller
 * writes them: `Complete` without reason, `Failed` with BackoffLimitExceeded or
 * DeadlineExceeded, `Suspended`; counters omitted when zero (omitempty) but `ready`,
 * `terminating` and `uncountedTerminatedPods: {}` always present.
 */
import { formatTimestamp } from '../../clock';
import { isJsonObject, type JsonObject } from '../../store/json';
import { parseTime, specOf, statusOf } from '../deployment/pods';
import { finishedTime, isPodFailed, phaseOf } from './pods';

/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
const BACKOFF_BASE_MS = 10_000;
const BACKOFF_MAX_MS = 360_000;

export interface JobCondition extends JsonObject {
  type: string;
  status: 'True' | 'False';
  lastProbeTime: string;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

/** Mirrors newCondition: empty reason and message are left out (omitempty). */
export function newCondition(type: string, status: 'True' | 'False', reason: string, message: string, now: number): JobCondition {
  const time = formatTimestamp(now);
  const condition: JobCondition = { type, status, lastProbeTime: time, lastTransitionTime: time };
  if (reason) condition.reason = reason;
  if (message) condition.message = message;
  return condition;
}

export function conditionsOf(job: JsonObject): JobCondition[] {
  const conditions = statusOf(job).conditions;
  return Array.isArray(conditions) ? (conditions.filter(isJsonObject) as JobCondition[]).map((c) => ({ ...c })) : [];
}

/** Mirrors IsJobFinished: a Complete or Failed condition that is True. */
export function finishedCondition(job: JsonObject): JobCondition | undefined {
  return conditionsOf(job).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

/**
 * Mirrors ensureJobConditionStatus: updates the condition of that type when its status,
 * reason or message differ, appends it when absent (unless False). Returns whether it changed.
 */
export function ensureCondition(conditions: JobCondition[], type: string, status: 'True' | 'False', reason: string, message: string, now: number): boolean {
  const existing = conditions.find((c) => c.type === type);
  if (existing) {
    if (existing.status === status && (existing.reason ?? '') === reason && (existing.message ?? '') === message) return false;
    existing.status = status;
    existing.lastTransitionTime = formatTimestamp(now);
    if (reason) existing.reason = reason;
    else delete existing.reason;
    if (message) existing.message = message;
    else delete existing.message;
    return true;
  }
  if (status === 'False') return false;
  conditions.push(newCondition(type, status, reason, message, now));
  return true;
}

/**
 * How long Pod creation must still wait after failures (backoff_utils.go): 10 s doubled for
 * each failure since the last success, at most 6 minutes, counted from the last failure.
 * Upstream keeps the count in memory; here it is read back from the Pods (the Job controller
 * keeps its finished Pods), so a restarted simulation waits the same.
 */
export function backoffRemaining(job: JsonObject, pods: readonly JsonObject[], now: number): number {
  let lastSuccess = -Infinity;
  for (const pod of pods) if (phaseOf(pod) === 'Succeeded') lastSuccess = Math.max(lastSuccess, finishedTime(pod));
  let failures = 0;
  let lastFailure = -Infinity;
  for (const pod of pods) {
    if (!isPodFailed(pod, job)) continue;
    const at = finishedTime(pod);
    if (at <= lastSuccess) continue;
    failures++;
    lastFailure = Math.max(lastFailure, at);
  }
  if (failures === 0) return 0;
  let delay = BACKOFF_BASE_MS;
  for (let i = 1; i < failures && delay < BACKOFF_MAX_MS; i++) delay = Math.min(delay * 2, BACKOFF_MAX_MS);
  const elapsed = now - lastFailure;
  return delay < elapsed ? 0 : delay - elapsed;
}

/** Mirrors pastActiveDeadline: started, not suspended, and active for activeDeadlineSeconds or more. */
export function pastActiveDeadline(job: JsonObject, startTime: string | undefined, now: number): boolean {
  const deadline = specOf(job).activeDeadlineSeconds;
  if (typeof deadline !== 'number' || startTime === undefined || specOf(job).suspend === true) return false;
  return now - parseTime(startTime) >= deadline * 1000;
}

export interface Counters {
  startTime: string | undefined;
  completionTime?: string;
  active: number;
  succeeded: number;
  failed: number;
  terminating: number;
  ready: number;
  completedIndexes?: string;
  conditions: JobCondition[];
}

/** The status object, fields in the order of batch/v1 JobStatus, zero counters omitted. */
export function buildStatus(previous: JsonObject, counters: Counters): JsonObject {
  const status: JsonObject = {};
  if (counters.conditions.length > 0) status.conditions = counters.conditions;
  if (counters.startTime !== undefined) status.startTime = counters.startTime;
  const completionTime = counters.completionTime ?? previous.completionTime;
  if (completionTime !== undefined) status.completionTime = completionTime;
  if (counters.active > 0) status.active = counters.active;
  if (counters.succeeded > 0) status.succeeded = counters.succeeded;
  if (counters.failed > 0) status.failed = counters.failed;
  status.terminating = counters.terminating;
  if (counters.completedIndexes) status.completedIndexes = counters.completedIndexes;
  if (previous.failedIndexes !== undefined) status.failedIndexes = previous.failedIndexes;
  status.uncountedTerminatedPods = {};
  status.ready = counters.ready;
  return status;
}
