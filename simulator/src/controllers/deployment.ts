/**
 * The Deployment controller (kube-controller-manager's `deployment` controller, v1.30).
 * A Deployment owns ReplicaSets named `<deployment>-<pod-template-hash>`, one per revision
 * of its Pod template; it rolls from one to the next with its strategy (RollingUpdate within
 * maxSurge and maxUnavailable, or Recreate), keeps revisionHistoryLimit old ones for
 * `kubectl rollout undo`, stands still while paused, and reports replicas, updated, ready,
 * available and unavailable counts with its Available and Progressing conditions.
 *
 * The steps live in deployment/: sync.ts (new ReplicaSet, scaling, cleanup, status),
 * strategies.ts (rolling, recreate), progress.ts (Progressing), rollout.ts (kubectl rollout).
 */
import { formatTimestamp } from '../clock';
import { kindInfo } from '../api/catalog';
import { clone, deepEqual, type JsonObject } from '../store/json';
import { formatLabelSelector, type LabelRequirement } from '../store/selectors';
import type { KubeObject, WatchEvent } from '../store/store';
import { getDesiredReplicas } from './deployment/annotations';
import { checkPausedConditions } from './deployment/progress';
import { claim, controllerOf, OwnershipIndex, SelectorCache } from './deployment/ownership';
import { isBeingDeleted, labelsOf, metaOf, namespaceOf, specOf, uidOf } from './deployment/pods';
import { rolloutRecreate, rolloutRolling, type PodMap } from './deployment/strategies';
import { COMPONENT, cleanupDeployment, getNewReplicaSet, scale, splitReplicaSets, syncDeploymentStatus, type SyncContext } from './deployment/sync';
import { active, replicasOf } from './deployment/util';
import { keyOf, splitKey, type Controller, type Reader, type ReconcileResult, type Trigger } from './types';

export { computeHash, equalIgnoreHash, POD_TEMPLATE_HASH_LABEL } from './deployment/hash';
export {
  RolloutError,
  rolloutHistory,
  rolloutHistoryDetail,
  rolloutPause,
  rolloutRestart,
  rolloutResume,
  rolloutStatus,
  rolloutUndo,
  type RevisionEntry,
} from './deployment/rollout';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const REPLICA_SETS = kindInfo('apps/v1', 'ReplicaSet')!;
const PODS = kindInfo('v1', 'Pod')!;

interface Caches {
  replicaSets: OwnershipIndex;
  selectors: SelectorCache;
}

/**
 * Creates a Deployment controller. Wire one instance per cluster runtime, beside the
 * ReplicaSet controller: it keeps an index of ReplicaSets by owner, fed by its triggers.
 */
export function createDeploymentController(): Controller {
  const caches: Caches = { replicaSets: new OwnershipIndex(), selectors: new SelectorCache() };
  const deploymentTrigger: Trigger = {
    info: DEPLOYMENTS,
    keys(event: WatchEvent) {
      caches.selectors.observe(event);
      return [keyOf(event.object)];
    },
  };
  const replicaSetTrigger: Trigger = {
    info: REPLICA_SETS,
    keys(event: WatchEvent) {
      const { before, after } = caches.replicaSets.observe(event);
      const namespace = namespaceOf(event.object);
      const keys = new Set<string>();
      for (const ref of [before, after]) if (ref?.kind === 'Deployment') keys.add(`${namespace}/${ref.name}`);
      if (!after && event.type !== 'DELETED') {
        // Mirrors addReplicaSet for an orphan: the Deployments that match it may adopt it.
        for (const name of caches.selectors.matching(namespace, labelsOf(event.object))) keys.add(`${namespace}/${name}`);
      }
      return [...keys];
    },
  };
  const podTrigger: Trigger = {
    info: PODS,
    keys(event: WatchEvent) {
      // Mirrors deletePod: a Recreate rollout waits for the last old Pod to be gone.
      if (event.type !== 'DELETED') return [];
      const ref = controllerOf(event.object);
      if (ref?.kind !== 'ReplicaSet') return [];
      const namespace = namespaceOf(event.object);
      const owner = caches.replicaSets.controllerOf(namespace, ref.name);
      return owner?.kind === 'Deployment' ? [`${namespace}/${owner.name}`] : [];
    },
  };
  return { name: COMPONENT, triggers: [deploymentTrigger, replicaSetTrigger, podTrigger], reconcile: (key, reader) => syncDeployment(key, reader, caches) };
}

/** Mirrors syncDeployment: claim the ReplicaSets, then pause, scale or roll out. */
function syncDeployment(key: string, reader: Reader, caches: Caches): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const stored = reader.get(DEPLOYMENTS, namespace, name);
  if (!stored) return { actions: [] };
  const selector = caches.selectors.of(stored);
  if (!selector || selector.length === 0) return { actions: [] };
  const now = reader.now();
  // Mirrors `d := deployment.DeepCopy()`: the sync changes its own copy, never what it
  // read. It only ever sets metadata members and the status, so those are all it copies.
  const d: KubeObject = { ...stored, metadata: { ...metaOf(stored) } };
  if (stored.status !== undefined) d.status = clone(stored.status);
  const ctx: SyncContext = { reader, now, time: formatTimestamp(now), d, actions: [] };
  const original = stored.status;
  const rsList = replicaSetsForDeployment(ctx, selector, caches);
  if (isBeingDeleted(ctx.d)) {
    const { newRS, oldRSs } = getNewReplicaSet(ctx, rsList, false);
    syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS);
  } else {
    checkPausedConditions(ctx);
    if (specOf(ctx.d).paused === true || isScalingEvent(ctx, rsList)) sync(ctx, rsList);
    else if (isRecreate(ctx.d)) rolloutRecreate(ctx, rsList, podMapOf(ctx, rsList));
    else rolloutRolling(ctx, rsList);
  }
  if (!deepEqual(ctx.d.status, original)) {
    // The status subresource alone; written last, after the annotations this sync patched.
    const meta = { ...metaOf(ctx.d) };
    delete meta.resourceVersion;
    ctx.actions.push({ type: 'updateStatus', object: { ...ctx.d, metadata: meta } });
  }
  return ctx.requeueAfter === undefined ? { actions: ctx.actions } : { actions: ctx.actions, requeueAfter: ctx.requeueAfter };
}

const isRecreate = (d: JsonObject): boolean => (specOf(d).strategy as { type?: unknown } | undefined)?.type === 'Recreate';

/**
 * Mirrors getReplicaSetsForDeployment: the ReplicaSets it controls and the orphans its
 * selector matches (adopted), while those that no longer match are released.
 */
function replicaSetsForDeployment(ctx: SyncContext, selector: LabelRequirement[], caches: Caches): KubeObject[] {
  const namespace = namespaceOf(ctx.d);
  const candidates = [...caches.replicaSets.ownedBy(namespace, uidOf(ctx.d)), ...caches.replicaSets.orphansIn(namespace, selector)]
    .map((rsName) => ctx.reader.get(REPLICA_SETS, namespace, rsName))
    .filter((rs): rs is KubeObject => rs !== undefined);
  const { claimed, adopt, release } = claim(ctx.d, candidates, selector);
  for (const { name, patch } of [...adopt, ...release]) ctx.actions.push({ type: 'patch', info: REPLICA_SETS, namespace, name, patch });
  // The sync scales and annotates these in place, as it goes: its own copies (the
  // controller's `rsCopy := rs.DeepCopy()`), never the stored objects it read. It only
  // sets annotations and spec members, so those are all it copies.
  return claimed.map((rs) => {
    const meta = metaOf(rs);
    const annotations = meta.annotations as JsonObject | undefined;
    return { ...rs, metadata: annotations ? { ...meta, annotations: { ...annotations } } : { ...meta }, spec: { ...specOf(rs) } };
  });
}

/** Mirrors sync: a paused or resized Deployment scales its ReplicaSets without rolling. */
function sync(ctx: SyncContext, rsList: KubeObject[]): void {
  const { newRS, oldRSs } = getNewReplicaSet(ctx, rsList, false);
  if (ctx.stop) return;
  scale(ctx, newRS, oldRSs);
  if (specOf(ctx.d).paused === true) cleanupDeployment(ctx, oldRSs);
  syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS);
}

/** Mirrors isScalingEvent: an active ReplicaSet was sized for another replica count. */
function isScalingEvent(ctx: SyncContext, rsList: KubeObject[]): boolean {
  const { newRS, oldRSs } = splitReplicaSets(ctx, rsList);
  return active([...oldRSs, newRS]).some((rs) => {
    const desired = getDesiredReplicas(rs);
    return desired !== undefined && desired !== replicasOf(ctx.d);
  });
}

/** Mirrors getPodMapForDeployment: the Pods of the Deployment's ReplicaSets (only read by Recreate). */
function podMapOf(ctx: SyncContext, rsList: KubeObject[]): PodMap {
  return () => {
    const map = new Map<string, KubeObject[]>(rsList.map((rs) => [uidOf(rs), []]));
    const namespace = namespaceOf(ctx.d);
    for (const pod of ctx.reader.list(PODS, { namespace, labelSelector: formatLabelSelector(specOf(ctx.d).selector) })) {
      const owner = controllerOf(pod);
      if (owner) map.get(owner.uid)?.push(pod);
    }
    return map;
  };
}
