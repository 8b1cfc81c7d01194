/**
 * The Progressing condition (kube-controller-manager's `deployment/progress.go` and the
 * paused conditions of `sync.go`, v1.30): a rollout reports that it progresses, that it has
 * completed (`ReplicaSet "web-7d4b9c8f5" has successfully progressed.`), or, after
 * progressDeadlineSeconds without progress, that it timed out (ProgressDeadlineExceeded).
 */
import { deepEqual, type JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { calculateStatus, type SyncContext } from './sync';
import { nameOf, parseTime, specOf, statusOf } from './pods';
import {
  Reason,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  hasProgressDeadline,
  newCondition,
  removeCondition,
  setCondition,
} from './util';

/** `ReplicaSet "web-7d4b9c8f5"`, or `Deployment "web"` before a new ReplicaSet exists. */
function subject(ctx: SyncContext, newRS: KubeObject | undefined): string {
  return newRS ? `ReplicaSet ${JSON.stringify(nameOf(newRS))}` : `Deployment ${JSON.stringify(nameOf(ctx.d))}`;
}

/** ReplicaSetToDeploymentCondition of the ReplicaSet's ReplicaFailure condition, if any. */
function replicaFailure(rs: KubeObject | undefined): ReturnType<typeof newCondition> | undefined {
  const conditions = rs && Array.isArray(statusOf(rs).conditions) ? (statusOf(rs).conditions as JsonObject[]) : [];
  const c = conditions.find((condition) => condition.type === 'ReplicaFailure');
  if (!c) return undefined;
  const time = typeof c.lastTransitionTime === 'string' ? c.lastTransitionTime : '';
  return { ...newCondition('ReplicaFailure', c.status === 'False' ? 'False' : 'True', typeof c.reason === 'string' ? c.reason : '', typeof c.message === 'string' ? c.message : '', time), lastUpdateTime: time };
}

/** Mirrors syncRolloutStatus: the status with the progress of the rollout estimated. */
export function syncRolloutStatus(ctx: SyncContext, allRSs: readonly (KubeObject | undefined)[], newRS: KubeObject | undefined): void {
  const { d, now } = ctx;
  const status = calculateStatus(ctx, allRSs, newRS);
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
  const current = getCondition(statusOf(d), 'Progressing');
  const complete = status.replicas === status.updatedReplicas && current?.reason === Reason.NewRSAvailable;
  if (hasProgressDeadline(d) && !complete) {
    if (deploymentComplete(d, status)) {
      setCondition(status, newCondition('Progressing', 'True', Reason.NewRSAvailable, `${subject(ctx, newRS)} has successfully progressed.`, ctx.time));
    } else if (deploymentProgressing(d, status)) {
      // Progress moves lastUpdateTime even when the reason stays: set it by hand.
      const condition = newCondition('Progressing', 'True', Reason.ReplicaSetUpdated, `${subject(ctx, newRS)} is progressing.`, ctx.time);
      if (current) {
        if (current.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, 'Progressing');
      }
      setCondition(status, condition);
    } else if (deploymentTimedOut(d, status, now)) {
      setCondition(status, newCondition('Progressing', 'False', Reason.TimedOut, `${subject(ctx, newRS)} has timed out progressing.`, ctx.time));
    }
  }
  // Mirrors getReplicaFailures: the new ReplicaSet's ReplicaFailure (else an old one's) is the Deployment's.
  const failure = replicaFailure(newRS) ?? allRSs.map(replicaFailure).find((condition) => condition !== undefined);
  if (failure) setCondition(status, failure);
  else removeCondition(status, 'ReplicaFailure');
  if (deepEqual(status, statusOf(d))) requeueStuckDeployment(ctx, status);
  d.status = status;
}

/**
 * Mirrors requeueStuckDeployment: a rollout without progress is looked at again when its
 * deadline passes (lastUpdateTime + progressDeadlineSeconds, plus a second).
 */
function requeueStuckDeployment(ctx: SyncContext, status: JsonObject): void {
  const { d } = ctx;
  const current = getCondition(statusOf(d), 'Progressing');
  if (!hasProgressDeadline(d) || !current) return;
  if (deploymentComplete(d, status) || current.reason === Reason.TimedOut) return;
  const after = parseTime(current.lastUpdateTime) + Number(specOf(d).progressDeadlineSeconds) * 1000 - ctx.now;
  ctx.requeueAfter = Math.max(0, after) + 1000;
}

/**
 * Mirrors checkPausedConditions: pausing and resuming are recorded in the Progressing
 * condition (Unknown), so that a long pause never counts against the deadline.
 */
export function checkPausedConditions(ctx: SyncContext): void {
  const { d } = ctx;
  if (!hasProgressDeadline(d)) return;
  const status = statusOf(d);
  const current = getCondition(status, 'Progressing');
  if (current?.reason === Reason.TimedOut) return;
  const pausedRecorded = current?.reason === Reason.Paused;
  const paused = specOf(d).paused === true;
  if (paused && !pausedRecorded) {
    setCondition(status, newCondition('Progressing', 'Unknown', Reason.Paused, 'Deployment is paused', ctx.time));
  } else if (!paused && pausedRecorded) {
    setCondition(status, newCondition('Progressing', 'Unknown', Reason.Resumed, 'Deployment is resumed', ctx.time));
  } else return;
  d.status = status;
}
