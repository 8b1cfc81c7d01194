/**
 * The StatefulSet controller (kube-controller-manager's `statefulset` controller, v1.30).
 * A StatefulSet owns Pods with stable names (`web-0`, `web-1`, ...), hostnames under its
 * headless Service, and claims (`data-web-0`) made from its volumeClaimTemplates that
 * outlive the Pods unless persistentVolumeClaimRetentionPolicy says otherwise. Under
 * OrderedReady, `web-1` is only created once `web-0` is Running and Ready, and a
 * scale-down removes the highest ordinal first; under Parallel, all at once. Each template
 * version is a ControllerRevision (`web-<hash>`); RollingUpdate replaces the Pods from the
 * highest ordinal down to the partition. The status counts replicas, ready, current,
 * updated and available Pods, with both revisions and the collision count.
 *
 * The steps live in statefulset/: identity.ts (names, labels, claims), history.ts and
 * revisions.ts (ControllerRevisions), podcontrol.ts (writes and events), update.ts (the sync).
 */
import { kindInfo } from '../api/catalog';
import type { JsonObject } from '../store/json';
import type { KubeObject, WatchEvent } from '../store/store';
import { claim, OwnershipIndex, podEventKeys, SelectorCache } from './deployment/ownership';
import { isBeingDeleted, isPodAvailable, isPodReady, metaOf, nameOf, namespaceOf, podReadyTime, specOf, uidOf } from './deployment/pods';
import { sortRevisions } from './statefulset/history';
import { isMemberOf } from './statefulset/identity';
import { COMPONENT, type PodControl } from './statefulset/podcontrol';
import { statefulSetRevisions, truncateHistory } from './statefulset/revisions';
import { statusChanged, updateStatefulSet, type SyncRevisions } from './statefulset/update';
import { keyOf, splitKey, type Action, type Controller, type Reader, type ReconcileResult, type Trigger } from './types';

export { statefulSetPodDnsNames, POD_INDEX_LABEL, POD_NAME_LABEL } from './statefulset/identity';
export { CONTROLLER_REVISION_HASH_LABEL } from './statefulset/history';

const STATEFUL_SETS = kindInfo('apps/v1', 'StatefulSet')!;
const PODS = kindInfo('v1', 'Pod')!;
const REVISIONS = kindInfo('apps/v1', 'ControllerRevision')!;

// client-go's default item rate limiter, for a sync that stopped on an error.
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1_000_000;

interface Caches {
  pods: OwnershipIndex;
  revisions: OwnershipIndex;
  selectors: SelectorCache;
  /** Consecutive failed syncs per key. */
  failures: Map<string, number>;
}

/**
 * Creates a StatefulSet controller. Wire one instance per cluster runtime: it keeps indexes
 * of Pods and ControllerRevisions by owner, fed by its own triggers.
 */
export function createStatefulSetController(): Controller {
  const caches: Caches = { pods: new OwnershipIndex(), revisions: new OwnershipIndex(), selectors: new SelectorCache(), failures: new Map() };
  const setTrigger: Trigger = {
    info: STATEFUL_SETS,
    keys(event: WatchEvent) {
      caches.selectors.observe(event);
      return [keyOf(event.object)];
    },
  };
  const podTrigger: Trigger = {
    info: PODS,
    // Mirrors getPodStatefulSets: an orphan may be adopted by the sets selecting it.
    keys: (event: WatchEvent) => podEventKeys(event, caches.pods, caches.selectors, 'StatefulSet'),
  };
  // No sync on revision changes (upstream has no handler), but the index must follow them.
  const revisionTrigger: Trigger = {
    info: REVISIONS,
    keys(event: WatchEvent) {
      caches.revisions.observe(event);
      return [];
    },
  };
  return { name: COMPONENT, triggers: [setTrigger, podTrigger, revisionTrigger], reconcile: (key, reader) => syncStatefulSet(key, reader, caches) };
}

/** Mirrors sync: adopt orphaned revisions, claim the Pods, update the set, its status and history. */
function syncStatefulSet(key: string, reader: Reader, caches: Caches): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const set = reader.get(STATEFUL_SETS, namespace, name);
  if (!set) {
    caches.failures.delete(key);
    return { actions: [] };
  }
  const selector = caches.selectors.of(set);
  if (!selector) return { actions: [] };
  const actions: Action[] = [];
  // Mirrors ListControllerRevisions + adoptOrphanRevisions: owned or orphaned, selected by the set.
  const revisionCandidates = [...caches.revisions.ownedBy(namespace, uidOf(set)), ...caches.revisions.orphansIn(namespace, selector)]
    .map((revisionName) => reader.get(REVISIONS, namespace, revisionName))
    .filter((revision): revision is KubeObject => revision !== undefined);
  const revisionClaim = claim(set, revisionCandidates, selector);
  for (const { name: adopted, patch } of revisionClaim.adopt) actions.push({ type: 'patch', info: REVISIONS, namespace, name: adopted, patch });
  const revisions = sortRevisions(revisionClaim.claimed);
  const pods = podsForStatefulSet(set, selector, reader, caches, actions);

  const now = reader.now();
  const live = statefulSetRevisions(reader, set, revisions, actions);
  const ctl: PodControl = { reader, set, actions, createdClaims: new Set() };
  const { status: counts, error } = updateStatefulSet(ctl, live, pods, now);
  const status = buildStatus(set, counts, live);
  if (statusChanged(set, status)) actions.push({ type: 'updateStatus', object: { ...set, status } });
  truncateHistory(set, pods, revisions, live, actions);

  if (error !== undefined) {
    const failures = (caches.failures.get(key) ?? 0) + 1;
    caches.failures.set(key, failures);
    return { actions, requeueAfter: Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (failures - 1)) };
  }
  caches.failures.delete(key);
  const requeueAfter = nextAvailability(set, pods, now);
  return requeueAfter === undefined ? { actions } : { actions, requeueAfter };
}

/**
 * Mirrors getPodsForStatefulSet: the Pods the set controls or may adopt (matching its
 * selector and named `<set>-<ordinal>`); owned Pods that no longer qualify are released.
 */
function podsForStatefulSet(set: KubeObject, selector: NonNullable<ReturnType<SelectorCache['of']>>, reader: Reader, caches: Caches, actions: Action[]): KubeObject[] {
  const namespace = namespaceOf(set);
  const candidates = [...caches.pods.ownedBy(namespace, uidOf(set)), ...caches.pods.orphansIn(namespace, selector)]
    .map((podName) => reader.get(PODS, namespace, podName))
    .filter((pod): pod is KubeObject => pod !== undefined);
  const members: KubeObject[] = [];
  for (const pod of candidates) {
    if (isMemberOf(set, pod)) members.push(pod);
    else if (caches.pods.controllerOf(namespace, nameOf(pod))?.uid === uidOf(set) && !isBeingDeleted(set)) {
      const kept = (Array.isArray(metaOf(pod).ownerReferences) ? (metaOf(pod).ownerReferences as JsonObject[]) : []).filter((ref) => ref.uid !== uidOf(set));
      actions.push({ type: 'patch', info: PODS, namespace, name: nameOf(pod), patch: { metadata: { ownerReferences: kept.length > 0 ? kept : null, uid: uidOf(pod) } } });
    }
  }
  const { claimed, adopt, release } = claim(set, members, selector);
  for (const { name, patch } of [...adopt, ...release]) actions.push({ type: 'patch', info: PODS, namespace, name, patch });
  return claimed;
}

/**
 * The status as apps/v1 serialises it (zero counts omitted except replicas and
 * availableReplicas; collisionCount always set), after completeRollingUpdate: once every
 * Pod is updated and ready, the update revision becomes the current one.
 */
function buildStatus(set: KubeObject, counts: JsonObject, live: SyncRevisions): JsonObject {
  const replicas = Number(counts.replicas);
  let current = Number(counts.currentReplicas);
  let currentRevision = nameOf(live.current);
  const updated = Number(counts.updatedReplicas);
  const ready = Number(counts.readyReplicas);
  const strategy = (specOf(set).updateStrategy ?? {}) as { type?: unknown };
  if (strategy.type === 'RollingUpdate' && updated === replicas && ready === replicas) {
    current = updated;
    currentRevision = nameOf(live.update);
  }
  const status: JsonObject = {};
  const generation = metaOf(set).generation;
  if (typeof generation === 'number' && generation !== 0) status.observedGeneration = generation;
  status.replicas = replicas;
  if (ready !== 0) status.readyReplicas = ready;
  if (current !== 0) status.currentReplicas = current;
  if (updated !== 0) status.updatedReplicas = updated;
  if (currentRevision !== '') status.currentRevision = currentRevision;
  if (nameOf(live.update) !== '') status.updateRevision = nameOf(live.update);
  status.collisionCount = live.collisionCount;
  status.availableReplicas = Number(counts.availableReplicas);
  return status;
}

/**
 * Mirrors the requeue after minReadySeconds: when a ready Pod will become available,
 * look again then.
 */
function nextAvailability(set: KubeObject, pods: readonly KubeObject[], now: number): number | undefined {
  const minReadySeconds = typeof specOf(set).minReadySeconds === 'number' ? (specOf(set).minReadySeconds as number) : 0;
  if (minReadySeconds <= 0) return undefined;
  let next: number | undefined;
  for (const pod of pods) {
    if (!isPodReady(pod) || isPodAvailable(pod, minReadySeconds, now)) continue;
    const at = podReadyTime(pod) + minReadySeconds * 1000 + 1000;
    if (at > now && (next === undefined || at < next)) next = at;
  }
  return next === undefined ? undefined : next - now;
}
