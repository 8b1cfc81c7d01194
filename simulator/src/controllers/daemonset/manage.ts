/**
 * The DaemonSet's manage loop and status (kube-controller-manager's daemon_controller.go,
 * v1.30): one Pod per Node that should run it, none on the others, failed Pods deleted
 * (with a back-off per Node), extra Pods on a Node pruned; the status counts each Node's
 * oldest daemon Pod.
 */
import type { JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { isBeingDeleted, isPodReady, labelsOf, metaOf, nameOf, namespaceOf, specOf, statusOf, text, uidOf } from '../deployment/pods';
import { CONTROLLER_REVISION_HASH_LABEL } from '../statefulset/history';
import { available, byCreation, COMPONENT, isPodUpdated, podsByNode, requeue, surgeCount, syncNodes, type DaemonContext } from './context';
import { nodeShouldRunDaemonPod, type NodeEntry } from './nodes';

/** Mirrors podsShouldBeOnNode: what to create on, and delete from, one Node. */
function podsShouldBeOnNode(ctx: DaemonContext, node: NodeEntry, byNode: Map<string, KubeObject[]>, create: string[], remove: KubeObject[]): void {
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ctx.daemon);
  const pods = byNode.get(node.name);
  if (shouldRun && !pods) {
    create.push(node.name);
    return;
  }
  if (!shouldContinueRunning) {
    if (pods) for (const pod of pods) if (!isBeingDeleted(pod)) remove.push(pod);
    return;
  }
  const running: KubeObject[] = [];
  for (const pod of pods ?? []) {
    if (isBeingDeleted(pod)) continue;
    const phase = statusOf(pod).phase;
    if (phase === 'Failed') {
      // The kubelet may keep rejecting the Pod: deleting it is rate limited per Node.
      const key = `${uidOf(ctx.ds)}/${node.name}`;
      const waiting = ctx.backoff.inBackoff(key, ctx.now);
      if (waiting) {
        requeue(ctx, waiting.delay);
        continue;
      }
      ctx.backoff.next(key, ctx.now);
      const message = `Found failed daemon pod ${namespaceOf(pod)}/${nameOf(pod)} on node ${node.name}, will try to kill it`;
      ctx.actions.push({ type: 'event', event: { involved: ctx.ds, type: 'Warning', reason: 'FailedDaemonPod', message, component: COMPONENT } });
      remove.push(pod);
    } else if (phase === 'Succeeded') remove.push(pod);
    else running.push(pod);
  }
  running.sort(byCreation);
  if (surgeCount(ctx.ds, 1) <= 0) {
    // Without surge, one Pod per Node: the oldest stays.
    remove.push(...running.slice(1));
    return;
  }
  if (running.length <= 1) {
    if (running.length === 0 && shouldRun) create.push(node.name);
    return;
  }
  // With surge, an old and a new Pod may overlap until the new one is available.
  let oldestNew: KubeObject | undefined;
  let oldestOld: KubeObject | undefined;
  for (const pod of running) {
    if (labelsOf(pod)[CONTROLLER_REVISION_HASH_LABEL] === ctx.hash) {
      if (!oldestNew) oldestNew = pod;
      else remove.push(pod);
    } else if (!oldestOld) oldestOld = pod;
    else remove.push(pod);
  }
  if (oldestNew && oldestOld && (!isPodReady(oldestOld) || available(ctx, oldestNew))) remove.push(oldestOld);
}

/** Mirrors manage: every Node's verdict, plus unscheduled Pods meant for Nodes that are gone. */
export function manage(ctx: DaemonContext, pods: readonly KubeObject[]): boolean {
  const byNode = podsByNode(pods, false);
  const create: string[] = [];
  const remove: KubeObject[] = [];
  for (const node of ctx.nodes) podsShouldBeOnNode(ctx, node, byNode, create, remove);
  const known = new Set(ctx.nodes.map((node) => node.name));
  for (const [node, list] of byNode) {
    if (known.has(node)) continue;
    for (const pod of list) if (text(specOf(pod).nodeName) === '' && !isBeingDeleted(pod)) remove.push(pod);
  }
  syncNodes(ctx, remove, create);
  return create.length > 0 || remove.length > 0;
}

/**
 * Mirrors updateDaemonSetStatus: desired (Nodes that should run it), current (of those, the
 * ones with a Pod), misscheduled, ready, updated and available counted on each Node's
 * oldest Pod. Serialised as apps/v1 does: the first four always, the rest when not zero.
 */
export function daemonSetStatus(ctx: DaemonContext, pods: readonly KubeObject[]): JsonObject {
  const byNode = podsByNode(pods, false);
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let updated = 0;
  let availableCount = 0;
  for (const node of ctx.nodes) {
    const list = byNode.get(node.name);
    if (!nodeShouldRunDaemonPod(node, ctx.daemon).shouldRun) {
      if (list) misscheduled++;
      continue;
    }
    desired++;
    if (!list) continue;
    current++;
    const pod = [...list].sort(byCreation)[0]!;
    if (isPodReady(pod)) {
      ready++;
      if (available(ctx, pod)) availableCount++;
    }
    if (isPodUpdated(ctx, pod)) updated++;
  }
  const status: JsonObject = { currentNumberScheduled: current, numberMisscheduled: misscheduled, desiredNumberScheduled: desired, numberReady: ready };
  const generation = metaOf(ctx.ds).generation;
  if (typeof generation === 'number' && generation !== 0) status.observedGeneration = generation;
  if (updated !== 0) status.updatedNumberScheduled = updated;
  if (availableCount !== 0) status.numberAvailable = availableCount;
  if (desired - availableCount !== 0) status.numberUnavailable = desired - availableCount;
  const old = statusOf(ctx.ds);
  if (old.collisionCount !== undefined) status.collisionCount = old.collisionCount;
  if (Array.isArray(old.conditions) && old.conditions.length > 0) status.conditions = old.conditions;
  return status;
}
