/**
 * The two rollout strategies (kube-controller-manager's `deployment/rolling.go` and
 * `recreate.go`, v1.30).
 *
 * RollingUpdate: the new ReplicaSet grows while the total stays within replicas + maxSurge,
 * and old ReplicaSets shrink while the available Pods stay at least replicas - maxUnavailable
 * (unhealthy old Pods go first, since removing them costs no availability).
 *
 * Recreate: every old ReplicaSet goes to 0, then, once no old Pod is left running, the new
 * one is created at full size.
 */
import type { KubeObject } from '../../store/store';
import { cleanupDeployment, getNewReplicaSet, scaleReplicaSetAndRecordEvent, type SyncContext } from './sync';
import { syncRolloutStatus } from './progress';
import { statusOf, uidOf } from './pods';
import { active, byCreation, deploymentComplete, maxUnavailable, newRSNewReplicas, replicasOf, sumReplicas, sumStatus } from './util';

const available = (rs: KubeObject): number => Number(statusOf(rs).availableReplicas ?? 0);

/** Mirrors rolloutRolling: scale up if we can, else scale down if we can, then report. */
export function rolloutRolling(ctx: SyncContext, rsList: KubeObject[]): void {
  const { newRS, oldRSs } = getNewReplicaSet(ctx, rsList, true);
  if (ctx.stop || !newRS) return;
  const all = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(ctx, all, newRS) || reconcileOldReplicaSets(ctx, all, active(oldRSs), newRS)) {
    syncRolloutStatus(ctx, all, newRS);
    return;
  }
  if (deploymentComplete(ctx.d, statusOf(ctx.d))) cleanupDeployment(ctx, oldRSs);
  syncRolloutStatus(ctx, all, newRS);
}

/** Mirrors reconcileNewReplicaSet: grow the new ReplicaSet within the surge (or shrink it to size). */
function reconcileNewReplicaSet(ctx: SyncContext, all: KubeObject[], newRS: KubeObject): boolean {
  const desired = replicasOf(ctx.d);
  if (replicasOf(newRS) === desired) return false;
  if (replicasOf(newRS) > desired) return scaleReplicaSetAndRecordEvent(ctx, newRS, desired);
  return scaleReplicaSetAndRecordEvent(ctx, newRS, newRSNewReplicas(ctx.d, all, newRS));
}

/**
 * Mirrors reconcileOldReplicaSets: how many old Pods may go is what exceeds the minimum
 * available, once the new ReplicaSet's own unavailable Pods are counted against it.
 */
function reconcileOldReplicaSets(ctx: SyncContext, all: KubeObject[], oldRSs: KubeObject[], newRS: KubeObject): boolean {
  if (sumReplicas(oldRSs) === 0) return false;
  const minAvailable = replicasOf(ctx.d) - maxUnavailable(ctx.d);
  const newUnavailable = replicasOf(newRS) - available(newRS);
  const maxScaledDown = sumReplicas(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(ctx, oldRSs, maxScaledDown);
  if (cleaned === undefined) return false;
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(ctx, [...oldRSs, newRS], oldRSs);
  return cleaned + scaledDown > 0;
}

/** Mirrors cleanupUnhealthyReplicas: old ReplicaSets lose their unavailable Pods first. */
function cleanupUnhealthyReplicas(ctx: SyncContext, oldRSs: KubeObject[], maxCleanup: number): number | undefined {
  oldRSs.sort(byCreation);
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= maxCleanup) break;
    if (replicasOf(rs) === 0 || replicasOf(rs) === available(rs)) continue;
    const count = Math.min(maxCleanup - total, replicasOf(rs) - available(rs));
    // Upstream refuses a "scale down" that grows the ReplicaSet (a stale status) and retries later.
    if (count < 0) return undefined;
    scaleReplicaSetAndRecordEvent(ctx, rs, replicasOf(rs) - count);
    total += count;
  }
  return total;
}

/** Mirrors scaleDownOldReplicaSetsForRollingUpdate: oldest first, down to the minimum available. */
function scaleDownOldReplicaSetsForRollingUpdate(ctx: SyncContext, all: KubeObject[], oldRSs: KubeObject[]): number {
  const minAvailable = replicasOf(ctx.d) - maxUnavailable(ctx.d);
  const availableCount = sumStatus(all, 'availableReplicas');
  if (availableCount <= minAvailable) return 0;
  oldRSs.sort(byCreation);
  const wanted = availableCount - minAvailable;
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= wanted) break;
    if (replicasOf(rs) === 0) continue;
    const count = Math.min(replicasOf(rs), wanted - total);
    scaleReplicaSetAndRecordEvent(ctx, rs, replicasOf(rs) - count);
    total += count;
  }
  return total;
}

/** The Deployment's Pods grouped by the uid of the ReplicaSet controlling them. */
export type PodMap = () => Map<string, KubeObject[]>;

/** Mirrors rolloutRecreate. */
export function rolloutRecreate(ctx: SyncContext, rsList: KubeObject[], podMap: PodMap): void {
  let { newRS, oldRSs } = getNewReplicaSet(ctx, rsList, false);
  if (ctx.stop) return;
  let all = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of active(oldRSs)) if (scaleReplicaSetAndRecordEvent(ctx, rs, 0)) scaledDown = true;
  if (scaledDown || oldPodsRunning(newRS, oldRSs, podMap)) {
    syncRolloutStatus(ctx, all, newRS);
    return;
  }
  if (!newRS) {
    ({ newRS, oldRSs } = getNewReplicaSet(ctx, rsList, true));
    if (ctx.stop || !newRS) return;
    all = [...oldRSs, newRS];
  }
  scaleReplicaSetAndRecordEvent(ctx, newRS, replicasOf(ctx.d));
  if (deploymentComplete(ctx.d, statusOf(ctx.d))) cleanupDeployment(ctx, oldRSs);
  syncRolloutStatus(ctx, all, newRS);
}

/**
 * Mirrors oldPodsRunning: an old ReplicaSet still reports Pods, or an old Pod that has not
 * finished (Terminating ones included) is still there.
 */
function oldPodsRunning(newRS: KubeObject | undefined, oldRSs: KubeObject[], podMap: PodMap): boolean {
  if (sumStatus(oldRSs, 'replicas') > 0) return true;
  for (const [uid, pods] of podMap()) {
    if (newRS && uid === uidOf(newRS)) continue;
    if (pods.some((pod) => statusOf(pod).phase !== 'Failed' && statusOf(pod).phase !== 'Succeeded')) return true;
  }
  return false;
}
