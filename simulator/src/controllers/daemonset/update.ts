/**
 * A DaemonSet's RollingUpdate (kube-controller-manager's daemon/update.go, v1.30): without
 * surge, old Pods are deleted while fewer than maxUnavailable daemon Pods are unavailable
 * (the manage loop then creates their successors once they are gone); with maxSurge, a new
 * Pod starts beside the old one, which goes once its successor is available.
 */
import type { KubeObject } from '../../store/store';
import { isBeingDeleted } from '../deployment/pods';
import { scaledValue } from '../deployment/util';
import { available, isPodUpdated, podsByNode, rollingUpdateOf, surgeCount, syncNodes, type DaemonContext } from './context';
import { nodeShouldRunDaemonPod } from './nodes';

/** Mirrors findUpdatedPodsOnNode: the new and the old Pod of a Node, or not ok when there are more. */
function updatedPodsOnNode(ctx: DaemonContext, pods: readonly KubeObject[]): { newPod?: KubeObject; oldPod?: KubeObject; ok: boolean } {
  let newPod: KubeObject | undefined;
  let oldPod: KubeObject | undefined;
  for (const pod of pods) {
    if (isBeingDeleted(pod)) continue;
    if (isPodUpdated(ctx, pod)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

/**
 * Mirrors rollingUpdate: without surge, deletes old Pods while fewer than maxUnavailable
 * Pods are unavailable (the manage loop recreates them); with surge, creates new Pods
 * beside old ones within maxSurge and deletes an old one once its successor is available.
 * Nodes are taken in name order (upstream's is a map's).
 */
export function rollingUpdate(ctx: DaemonContext, pods: readonly KubeObject[]): void {
  const byNode = podsByNode(pods, false);
  let desired = 0;
  for (const node of ctx.nodes) {
    if (!nodeShouldRunDaemonPod(node, ctx.daemon).shouldRun) continue;
    desired++;
    if (!byNode.has(node.name)) byNode.set(node.name, []);
  }
  let maxUnavailable = scaledValue(rollingUpdateOf(ctx.ds)?.maxUnavailable ?? 0, desired, true);
  const maxSurge = surgeCount(ctx.ds, desired);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  const nodeNames = [...byNode.keys()].sort();
  if (maxSurge === 0) {
    let unavailable = 0;
    const replacements: KubeObject[] = [];
    const candidates: KubeObject[] = [];
    for (const name of nodeNames) {
      const { newPod, oldPod, ok } = updatedPodsOnNode(ctx, byNode.get(name)!);
      if (!ok || (!oldPod && !newPod) || (oldPod && newPod)) unavailable++;
      else if (newPod) {
        if (!available(ctx, newPod)) unavailable++;
      } else if (!available(ctx, oldPod!)) {
        replacements.push(oldPod!);
        unavailable++;
      } else if (unavailable < maxUnavailable) candidates.push(oldPod!);
    }
    const room = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
    syncNodes(ctx, [...replacements, ...candidates.slice(0, room)], []);
    return;
  }
  let surging = 0;
  const allowed: string[] = [];
  const candidates: string[] = [];
  const oldToDelete: KubeObject[] = [];
  const nodes = new Map(ctx.nodes.map((node) => [node.name, node]));
  for (const name of nodeNames) {
    const { newPod, oldPod, ok } = updatedPodsOnNode(ctx, byNode.get(name)!);
    if (!ok) {
      surging++;
      continue;
    }
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(ctx, oldPod)) {
        const node = nodes.get(name);
        if (!node || !nodeShouldRunDaemonPod(node, ctx.daemon).shouldRun) oldToDelete.push(oldPod);
        else allowed.push(name);
      } else if (surging < maxSurge) candidates.push(name);
    } else if (!available(ctx, newPod)) surging++;
    else oldToDelete.push(oldPod);
  }
  const room = Math.min(Math.max(0, maxSurge - surging), candidates.length);
  syncNodes(ctx, oldToDelete, [...allowed, ...candidates.slice(0, room)]);
}
