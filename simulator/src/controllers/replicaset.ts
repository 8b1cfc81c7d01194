/**
 * The ReplicaSet controller (kube-controller-manager's `replicaset` controller, v1.30): keeps
 * `spec.replicas` active Pods matching the selector. It claims its Pods (adopting matching
 * orphans, releasing Pods whose labels no longer match), creates missing Pods from the
 * template, deletes the surplus (the least useful first), and reports replicas,
 * fullyLabeledReplicas, readyReplicas, availableReplicas and observedGeneration.
 */
import { kindInfo } from '../api/catalog';
import { formatTimestamp } from '../clock';
import { deepEqual, isJsonObject, type JsonObject } from '../store/json';
import type { KubeObject, WatchEvent } from '../store/store';
import { controllerOf, claim, newControllerRef, OwnershipIndex, podEventKeys, SelectorCache } from './deployment/ownership';
import { isBeingDeleted, isPodActive, isPodAvailable, isPodReady, labelsOf, metaOf, nameOf, podReadyTime, podsToDelete, specOf, statusOf, uidOf } from './deployment/pods';
import { keyOf, splitKey, type Action, type Controller, type Reader, type ReconcileResult, type Trigger } from './types';

const REPLICA_SETS = kindInfo('apps/v1', 'ReplicaSet')!;
const PODS = kindInfo('v1', 'Pod')!;
const COMPONENT = 'replicaset-controller';
/** Mirrors the controller's burstReplicas: at most 500 creations or deletions per sync. */
const BURST_REPLICAS = 500;
/** SimpleNameGenerator: a base longer than 58 characters is cut so that base + 5 fits 63. */
const MAX_GENERATED_BASE = 58;

/** The caches one ReplicaSet controller keeps from its watches. */
interface Caches {
  pods: OwnershipIndex;
  replicaSets: OwnershipIndex;
  selectors: SelectorCache;
}

/**
 * Creates a ReplicaSet controller. Wire one instance per cluster runtime: it keeps an
 * index of Pods by owner, fed by its own triggers.
 */
export function createReplicaSetController(): Controller {
  const caches: Caches = { pods: new OwnershipIndex(), replicaSets: new OwnershipIndex(), selectors: new SelectorCache() };
  const replicaSetTrigger: Trigger = {
    info: REPLICA_SETS,
    keys(event: WatchEvent) {
      caches.replicaSets.observe(event);
      caches.selectors.observe(event);
      return [keyOf(event.object)];
    },
  };
  const podTrigger: Trigger = {
    info: PODS,
    // Mirrors updatePod: the old and new owners look again; an orphan may be adopted.
    keys: (event: WatchEvent) => podEventKeys(event, caches.pods, caches.selectors, 'ReplicaSet'),
  };
  return { name: COMPONENT, triggers: [replicaSetTrigger, podTrigger], reconcile: (key, reader) => syncReplicaSet(key, reader, caches) };
}

function syncReplicaSet(key: string, reader: Reader, caches: Caches): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const rs = reader.get(REPLICA_SETS, namespace, name);
  if (!rs) return { actions: [] };
  // Mirrors syncReplicaSet: a selector that does not convert is reported and skipped.
  const selector = caches.selectors.of(rs);
  if (!selector) return { actions: [] };
  const actions: Action[] = [];
  // Mirrors syncReplicaSet: only active Pods are claimed and counted.
  const candidates = [...caches.pods.ownedBy(namespace, uidOf(rs)), ...caches.pods.orphansIn(namespace, selector)]
    .map((podName) => reader.get(PODS, namespace, podName))
    .filter((pod): pod is KubeObject => pod !== undefined && isPodActive(pod));
  const { claimed, adopt, release } = claim(rs, candidates, selector);
  for (const { name: podName, patch } of [...adopt, ...release]) actions.push({ type: 'patch', info: PODS, namespace, name: podName, patch });
  const now = reader.now();
  const status = calculateStatus(rs, claimed, now);
  // Mirrors syncReplicaSet: a refused creation is reported (FailedCreate, ReplicaFailure) and retried.
  const failed = (error: unknown): Action[] => [
    { type: 'event', event: { involved: rs, type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${error instanceof Error ? error.message : String(error)}`, component: COMPONENT } },
    { type: 'updateStatus', object: { ...rs, status: withReplicaFailure(rs, status, error, now) } },
  ];
  if (!isBeingDeleted(rs)) actions.push(...manageReplicas(rs, claimed, reader, caches, failed));
  if (!deepEqual(status, rs.status)) actions.push({ type: 'updateStatus', object: { ...rs, status } });
  return { actions, requeueAfter: nextAvailability(rs, claimed, now) };
}

/** calculateStatus after a failed manageReplicas: a ReplicaFailure condition, unless one is there already. */
function withReplicaFailure(rs: KubeObject, status: JsonObject, error: unknown, now: number): JsonObject {
  const previous = Array.isArray(statusOf(rs).conditions) ? (statusOf(rs).conditions as JsonObject[]) : [];
  const existing = previous.find((condition) => condition.type === 'ReplicaFailure');
  const condition = existing ?? {
    type: 'ReplicaFailure',
    status: 'True',
    lastTransitionTime: formatTimestamp(now),
    reason: 'FailedCreate',
    message: error instanceof Error ? error.message : String(error),
  };
  const others = Array.isArray(status.conditions) ? (status.conditions as JsonObject[]) : [];
  return { ...status, conditions: [...others, condition] };
}

/** Mirrors manageReplicas: create what is missing, delete the surplus, 500 at most per sync. */
function manageReplicas(rs: KubeObject, pods: KubeObject[], reader: Reader, caches: Caches, onError: (error: unknown) => Action[]): Action[] {
  const actions: Action[] = [];
  const diff = pods.length - replicasOf(rs);
  if (diff < 0) {
    const taken = new Set<string>();
    for (let i = 0; i < Math.min(-diff, BURST_REPLICAS); i++) {
      const pod = podFromTemplate(rs, generatePodName(reader, rs, taken));
      actions.push({ type: 'create', object: pod, onError });
      actions.push(event(rs, 'SuccessfulCreate', `Created pod: ${nameOf(pod)}`));
    }
  } else if (diff > 0) {
    const doomed = podsToDelete(pods, relatedPods(rs, pods, reader, caches), Math.min(diff, BURST_REPLICAS), reader.now());
    for (const pod of doomed) {
      actions.push({ type: 'delete', info: PODS, namespace: String(metaOf(pod).namespace), name: nameOf(pod) });
      actions.push(event(rs, 'SuccessfulDelete', `Deleted pod: ${nameOf(pod)}`));
    }
  }
  return actions;
}

const replicasOf = (rs: JsonObject): number => (typeof specOf(rs).replicas === 'number' ? (specOf(rs).replicas as number) : 1);

function event(rs: KubeObject, reason: string, message: string): Action {
  return { type: 'event', event: { involved: rs, type: 'Normal', reason, message, component: COMPONENT } };
}

/**
 * The name the API server would generate from `<rs-name>-`, drawn here from the cluster's
 * seeded Random so that the SuccessfulCreate event can name the Pod (the Pod keeps its
 * generateName, as a real one does).
 */
function generatePodName(reader: Reader, rs: KubeObject, taken: Set<string>): string {
  const prefix = `${nameOf(rs)}-`;
  const base = prefix.length > MAX_GENERATED_BASE ? prefix.slice(0, MAX_GENERATED_BASE) : prefix;
  const namespace = String(metaOf(rs).namespace);
  let name = base + reader.random.nameSuffix();
  for (let attempt = 1; attempt < 8 && (taken.has(name) || reader.get(PODS, namespace, name)); attempt++) name = base + reader.random.nameSuffix();
  taken.add(name);
  return name;
}

/** Mirrors controller.GetPodFromTemplate: labels, annotations and finalizers of the template, its spec, a controller reference. */
function podFromTemplate(rs: KubeObject, name: string): KubeObject {
  const template = isJsonObject(specOf(rs).template) ? (specOf(rs).template as JsonObject) : {};
  const templateMeta = isJsonObject(template.metadata) ? template.metadata : {};
  const metadata: JsonObject = { name, generateName: `${nameOf(rs)}-`, namespace: metaOf(rs).namespace };
  if (isJsonObject(templateMeta.labels)) metadata.labels = { ...templateMeta.labels };
  if (isJsonObject(templateMeta.annotations)) metadata.annotations = { ...templateMeta.annotations };
  metadata.ownerReferences = [newControllerRef(rs)];
  if (Array.isArray(templateMeta.finalizers)) metadata.finalizers = [...(templateMeta.finalizers as unknown[])];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec ?? {} };
}

/**
 * Mirrors getIndirectlyRelatedPods: the Pods of every ReplicaSet the same Deployment
 * controls (or this ReplicaSet's own, for a ReplicaSet without controller).
 */
function relatedPods(rs: KubeObject, own: KubeObject[], reader: Reader, caches: Caches): KubeObject[] {
  const owner = controllerOf(rs);
  if (!owner) return own;
  const namespace = String(metaOf(rs).namespace);
  const out: KubeObject[] = [];
  for (const siblingName of caches.replicaSets.ownedBy(namespace, owner.uid)) {
    const sibling = siblingName === nameOf(rs) ? rs : reader.get(REPLICA_SETS, namespace, siblingName);
    if (!sibling) continue;
    for (const podName of caches.pods.ownedBy(namespace, uidOf(sibling))) {
      const pod = reader.get(PODS, namespace, podName);
      if (pod) out.push(pod);
    }
  }
  return out;
}

/** Mirrors calculateStatus (replica_set_utils.go); zero counts are omitted as Go's omitempty does, `replicas` never. */
function calculateStatus(rs: KubeObject, pods: KubeObject[], now: number): JsonObject {
  const templateLabels = labelsOf(isJsonObject(specOf(rs).template) ? (specOf(rs).template as JsonObject) : {});
  const minReadySeconds = Number(specOf(rs).minReadySeconds ?? 0);
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    const labels = labelsOf(pod);
    if (Object.entries(templateLabels).every(([k, v]) => labels[k] === v)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, now)) available++;
    }
  }
  const status: JsonObject = { replicas: pods.length };
  if (fullyLabeled > 0) status.fullyLabeledReplicas = fullyLabeled;
  if (ready > 0) status.readyReplicas = ready;
  if (available > 0) status.availableReplicas = available;
  const generation = metaOf(rs).generation;
  if (typeof generation === 'number' && generation !== 0) status.observedGeneration = generation;
  // A sync that gets here created what it had to: a past ReplicaFailure goes away.
  const conditions = statusOf(rs).conditions;
  const kept = Array.isArray(conditions) ? conditions.filter((condition) => !isJsonObject(condition) || condition.type !== 'ReplicaFailure') : [];
  if (kept.length > 0) status.conditions = kept;
  return status;
}

/**
 * Mirrors updatePod's enqueueRSAfter(minReadySeconds + 1s): when a ready Pod will become
 * available, look again then.
 */
function nextAvailability(rs: KubeObject, pods: KubeObject[], now: number): number | undefined {
  const minReadySeconds = Number(specOf(rs).minReadySeconds ?? 0);
  if (minReadySeconds <= 0) return undefined;
  let next: number | undefined;
  for (const pod of pods) {
    if (!isPodReady(pod) || isPodAvailable(pod, minReadySeconds, now)) continue;
    const at = podReadyTime(pod) + minReadySeconds * 1000 + 1000;
    if (at > now && (next === undefined || at < next)) next = at;
  }
  return next === undefined ? undefined : next - now;
}
