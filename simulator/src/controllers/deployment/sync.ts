/**
 * The Deployment controller's shared steps (kube-controller-manager's `deployment/sync.go`,
 * v1.30): find or create the new ReplicaSet, scale ReplicaSets (proportionally when a
 * Deployment is resized mid-rollout), clean up old revisions, and compute the status.
 *
 * A sync works on copies: `ctx.d` is the Deployment whose status is rewritten as the steps
 * go (upstream's `d.Status`) and written once at the end; each ReplicaSet change is a merge
 * patch queued in `ctx.actions`, with its event right after it.
 */
import { kindInfo } from '../../api/catalog';
import { clone, isJsonObject, type JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import type { Action, Reader } from '../types';
import { proportion, replicasAnnotationsNeedUpdate, setNewReplicaSetAnnotations, setReplicasAnnotations } from './annotations';
import { computeHash, equalIgnoreHash, POD_TEMPLATE_HASH_LABEL } from './hash';
import { controllerOf, newControllerRef } from './ownership';
import { annotationsOf, isBeingDeleted, metaOf, nameOf, namespaceOf, specOf, statusOf, uidOf } from './pods';
import {
  REVISION_ANNOTATION,
  Reason,
  active,
  byCreation,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  getCondition,
  hasProgressDeadline,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newCondition,
  newRSNewReplicas,
  replicasOf,
  setCondition,
  sumReplicas,
  sumStatus,
} from './util';

const REPLICA_SETS = kindInfo('apps/v1', 'ReplicaSet')!;
const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
export const COMPONENT = 'deployment-controller';
const MAX_INT32 = 2147483647;

export interface SyncContext {
  reader: Reader;
  now: number;
  /** `now` as a metav1.Time. */
  time: string;
  /** The Deployment being synced; its status is the one being computed. */
  d: KubeObject;
  actions: Action[];
  /** Set when the sync must stop here (upstream returns an error and requeues). */
  stop?: boolean;
  requeueAfter?: number;
  /** splitReplicaSets' memo. */
  split?: { list: readonly KubeObject[]; newRS: KubeObject | undefined; oldRSs: KubeObject[] };
}

const template = (object: JsonObject): JsonObject => (isJsonObject(specOf(object).template) ? (specOf(object).template as JsonObject) : {});

export function recordEvent(ctx: SyncContext, reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal'): void {
  ctx.actions.push({ type: 'event', event: { involved: ctx.d, type, reason, message, component: COMPONENT } });
}

/** Queues the write of a ReplicaSet's replicas, minReadySeconds and annotations. */
function writeReplicaSet(ctx: SyncContext, rs: KubeObject): void {
  const minReady = Number(specOf(rs).minReadySeconds ?? 0);
  const patch = { metadata: { annotations: { ...annotationsOf(rs) } }, spec: { replicas: replicasOf(rs), minReadySeconds: minReady === 0 ? null : minReady } };
  ctx.actions.push({ type: 'patch', info: REPLICA_SETS, namespace: namespaceOf(rs), name: nameOf(rs), patch });
}

/** Mirrors SetDeploymentRevision: the Deployment carries its new ReplicaSet's revision. */
function setDeploymentRevision(ctx: SyncContext, revision: string): void {
  if (annotationsOf(ctx.d)[REVISION_ANNOTATION] === revision) return;
  const meta = metaOf(ctx.d);
  meta.annotations = { ...annotationsOf(ctx.d), [REVISION_ANNOTATION]: revision };
  ctx.d.metadata = meta;
  ctx.actions.push({ type: 'patch', info: DEPLOYMENTS, namespace: namespaceOf(ctx.d), name: nameOf(ctx.d), patch: { metadata: { annotations: { [REVISION_ANNOTATION]: revision } } } });
}

/** Mirrors FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet(d: JsonObject, rsList: readonly KubeObject[]): KubeObject | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(template(rs), template(d)));
}

/**
 * Mirrors FindNewReplicaSet and FindOldReplicaSets: the new ReplicaSet and all the others,
 * computed once per sync (the templates do not change within one).
 */
export function splitReplicaSets(ctx: SyncContext, rsList: readonly KubeObject[]): { newRS: KubeObject | undefined; oldRSs: KubeObject[] } {
  if (ctx.split?.list !== rsList) {
    const newRS = findNewReplicaSet(ctx.d, rsList);
    ctx.split = { list: rsList, newRS, oldRSs: rsList.filter((rs) => rs !== newRS) };
  }
  return { newRS: ctx.split.newRS, oldRSs: [...ctx.split.oldRSs] };
}

/**
 * Mirrors getAllReplicaSetsAndSyncRevision / getNewReplicaSet: the new ReplicaSet (revision
 * and annotations brought up to date), created when `create` is set and it does not exist.
 */
export function getNewReplicaSet(ctx: SyncContext, rsList: KubeObject[], create: boolean): { newRS: KubeObject | undefined; oldRSs: KubeObject[] } {
  const { d } = ctx;
  const { newRS: existing, oldRSs } = splitReplicaSets(ctx, rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) {
    const annotationsChanged = setNewReplicaSetAnnotations(d, existing, newRevision, true);
    const minReady = Number(specOf(d).minReadySeconds ?? 0);
    if (annotationsChanged || Number(specOf(existing).minReadySeconds ?? 0) !== minReady) {
      specOf(existing).minReadySeconds = minReady;
      writeReplicaSet(ctx, existing);
      return { newRS: existing, oldRSs };
    }
    setDeploymentRevision(ctx, annotationsOf(existing)[REVISION_ANNOTATION] ?? '');
    if (hasProgressDeadline(d) && !getCondition(statusOf(d), 'Progressing')) {
      setCondition(writableStatus(d), newCondition('Progressing', 'True', Reason.FoundNewRS, `Found new replica set ${JSON.stringify(nameOf(existing))}`, ctx.time));
    }
    return { newRS: existing, oldRSs };
  }
  if (!create) return { newRS: undefined, oldRSs };
  const collisionCount = typeof statusOf(d).collisionCount === 'number' ? (statusOf(d).collisionCount as number) : undefined;
  const newTemplate = clone(template(d));
  const hash = computeHash(newTemplate, collisionCount);
  const templateMeta = isJsonObject(newTemplate.metadata) ? newTemplate.metadata : (newTemplate.metadata = {});
  templateMeta.labels = { ...(isJsonObject(templateMeta.labels) ? templateMeta.labels : {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const selector = clone(isJsonObject(specOf(d).selector) ? (specOf(d).selector as JsonObject) : {});
  selector.matchLabels = { ...(isJsonObject(selector.matchLabels) ? selector.matchLabels : {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const name = `${nameOf(d)}-${hash}`;
  const spec: JsonObject = { replicas: 0, selector, template: newTemplate };
  const minReady = Number(specOf(d).minReadySeconds ?? 0);
  if (minReady !== 0) spec.minReadySeconds = minReady;
  const newRS: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: namespaceOf(d), labels: { ...(templateMeta.labels as JsonObject) }, ownerReferences: [newControllerRef(d)] },
    spec,
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  spec.replicas = replicas;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);
  const clash = ctx.reader.get(REPLICA_SETS, namespaceOf(d), name);
  if (clash) {
    if (controllerOf(clash)?.uid === uidOf(d) && equalIgnoreHash(template(d), template(clash))) return { newRS: clash, oldRSs };
    // Mirrors the hash-collision handling: bump status.collisionCount, try again next sync.
    writableStatus(d).collisionCount = (collisionCount ?? 0) + 1;
    ctx.stop = true;
    return { newRS: undefined, oldRSs };
  }
  ctx.actions.push({ type: 'create', object: clone(newRS) });
  // Seen by this sync as the API server will return it.
  metaOf(newRS).creationTimestamp = ctx.time;
  if (replicas > 0) recordEvent(ctx, 'ScalingReplicaSet', `Scaled up replica set ${name} to ${replicas}`);
  setDeploymentRevision(ctx, String(newRevision));
  if (hasProgressDeadline(d)) {
    setCondition(writableStatus(d), newCondition('Progressing', 'True', Reason.NewReplicaSet, `Created new replica set ${JSON.stringify(name)}`, ctx.time));
  }
  return { newRS, oldRSs };
}

function writableStatus(d: KubeObject): JsonObject {
  if (!isJsonObject(d.status)) d.status = {};
  return d.status as JsonObject;
}

/** Mirrors scaleReplicaSetAndRecordEvent. True when the size changed. */
export function scaleReplicaSetAndRecordEvent(ctx: SyncContext, rs: KubeObject, newScale: number): boolean {
  if (replicasOf(rs) === newScale) return false;
  return scaleReplicaSet(ctx, rs, newScale, replicasOf(rs) < newScale ? 'up' : 'down');
}

/**
 * Mirrors scaleReplicaSet: writes the new size and the replica annotations, and records
 * `Scaled up replica set web-7d4b9c8f5 to 3 from 1` when the size changed.
 */
function scaleReplicaSet(ctx: SyncContext, rs: KubeObject, newScale: number, operation: string): boolean {
  const { d } = ctx;
  const sizeChanges = replicasOf(rs) !== newScale;
  const max = replicasOf(d) + maxSurge(d);
  if (!sizeChanges && !replicasAnnotationsNeedUpdate(rs, replicasOf(d), max)) return false;
  const oldScale = replicasOf(rs);
  specOf(rs).replicas = newScale;
  rs.spec = specOf(rs);
  setReplicasAnnotations(rs, replicasOf(d), max);
  writeReplicaSet(ctx, rs);
  if (sizeChanges) recordEvent(ctx, 'ScalingReplicaSet', `Scaled ${operation} replica set ${nameOf(rs)} to ${newScale} from ${oldScale}`);
  return sizeChanges;
}

/** Mirrors FindActiveOrLatest: the only active ReplicaSet, or the newest when none is. */
function findActiveOrLatest(newRS: KubeObject | undefined, oldRSs: KubeObject[]): KubeObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const all = active([...newestFirst, newRS]);
  if (all.length === 0) return newRS ?? newestFirst[0];
  return all.length === 1 ? all[0] : undefined;
}

/**
 * Mirrors scale: a resized Deployment resizes its ReplicaSets. One active ReplicaSet takes
 * the new size; a saturated new ReplicaSet empties the old ones; mid-rollout, the extra
 * (or missing) replicas are shared in proportion to each ReplicaSet's size.
 */
export function scale(ctx: SyncContext, newRS: KubeObject | undefined, oldRSs: KubeObject[]): void {
  const { d } = ctx;
  const single = findActiveOrLatest(newRS, oldRSs);
  if (single) {
    if (replicasOf(single) !== replicasOf(d)) scaleReplicaSetAndRecordEvent(ctx, single, replicasOf(d));
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of active(oldRSs)) scaleReplicaSetAndRecordEvent(ctx, old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = active([...oldRSs, newRS]);
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowed - sumReplicas(all);
  let operation = '';
  if (toAdd > 0) {
    all.sort(bySizeNewer);
    operation = 'up';
  } else if (toAdd < 0) {
    all.sort(bySizeOlder);
    operation = 'down';
  }
  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0) return replicasOf(rs);
    const share = proportion(rs, d, toAdd, added);
    added += share;
    return replicasOf(rs) + share;
  });
  // The leftovers go to the largest ReplicaSet.
  if (toAdd !== 0 && sizes.length > 0) sizes[0] = Math.max(0, sizes[0]! + toAdd - added);
  all.forEach((rs, i) => scaleReplicaSet(ctx, rs, sizes[i]!, operation));
}

/**
 * Mirrors cleanupDeployment: beyond revisionHistoryLimit, the oldest old ReplicaSets that
 * are empty (asked for no Pod, running none, their last change observed) are deleted.
 */
export function cleanupDeployment(ctx: SyncContext, oldRSs: KubeObject[]): void {
  const limit = specOf(ctx.d).revisionHistoryLimit;
  if (typeof limit !== 'number' || limit === MAX_INT32) return;
  const cleanable = oldRSs.filter((rs) => !isBeingDeleted(rs));
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (const rs of cleanable.slice(0, diff)) {
    const observed = Number(statusOf(rs).observedGeneration ?? 0);
    if (Number(statusOf(rs).replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || Number(metaOf(rs).generation ?? 0) > observed) continue;
    ctx.actions.push({ type: 'delete', info: REPLICA_SETS, namespace: namespaceOf(rs), name: nameOf(rs) });
  }
}

/**
 * Mirrors calculateStatus: the sums over the ReplicaSets (omitted when zero, as Go's
 * omitempty does) and the Available condition.
 */
export function calculateStatus(ctx: SyncContext, allRSs: readonly (KubeObject | undefined)[], newRS: KubeObject | undefined): JsonObject {
  const { d } = ctx;
  const available = sumStatus(allRSs, 'availableReplicas');
  const counts: [string, number][] = [
    ['observedGeneration', Number(metaOf(d).generation ?? 0)],
    ['replicas', sumStatus(allRSs, 'replicas')],
    ['updatedReplicas', sumStatus([newRS], 'replicas')],
    ['readyReplicas', sumStatus(allRSs, 'readyReplicas')],
    ['availableReplicas', available],
    ['unavailableReplicas', Math.max(0, sumReplicas(allRSs) - available)],
  ];
  const status: JsonObject = {};
  for (const [field, value] of counts) if (value !== 0) status[field] = value;
  const previous = statusOf(d);
  if (Array.isArray(previous.conditions) && previous.conditions.length > 0) status.conditions = clone(previous.conditions);
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', Reason.MinimumReplicasAvailable, 'Deployment has minimum availability.', ctx.time));
  } else {
    setCondition(status, newCondition('Available', 'False', Reason.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', ctx.time));
  }
  if (previous.collisionCount !== undefined) status.collisionCount = previous.collisionCount;
  return status;
}

/** Mirrors syncDeploymentStatus: the status from the ReplicaSets, without progress estimation. */
export function syncDeploymentStatus(ctx: SyncContext, allRSs: readonly (KubeObject | undefined)[], newRS: KubeObject | undefined): void {
  ctx.d.status = calculateStatus(ctx, allRSs, newRS);
}
