/**
 * What the workload controllers ask of a Pod (kube-controller-manager's controller_utils.go
 * and api/v1/pod/util.go): is it active, ready, available; and, when a ReplicaSet has too
 * many, which ones go first (ActivePodsWithRanks).
 */
import { isJsonObject, type JsonObject } from '../../store/json';

type Obj = JsonObject;

const obj = (value: unknown): Obj => (isJsonObject(value) ? value : {});
const list = (value: unknown): Obj[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);

/** Parses a metav1.Time (RFC 3339, whole seconds); 0 when absent or unreadable. */
export function parseTime(value: unknown): number {
  if (typeof value !== 'string') return 0;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? 0 : ms;
}

/** A string field as text ('' when absent or not a scalar). */
export const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');

export const metaOf = (object: Obj): Obj => obj(object.metadata);
export const specOf = (object: Obj): Obj => obj(object.spec);
export const statusOf = (object: Obj): Obj => obj(object.status);
export const nameOf = (object: Obj): string => text(metaOf(object).name);
export const namespaceOf = (object: Obj): string => text(metaOf(object).namespace);
export const uidOf = (object: Obj): string => text(metaOf(object).uid);
export const labelsOf = (object: Obj): Record<string, string> => obj(metaOf(object).labels) as Record<string, string>;
export const annotationsOf = (object: Obj): Record<string, string> => obj(metaOf(object).annotations) as Record<string, string>;
export const isBeingDeleted = (object: Obj): boolean => metaOf(object).deletionTimestamp !== undefined && metaOf(object).deletionTimestamp !== null;

/** Mirrors controller.IsPodActive: not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: Obj): boolean {
  const phase = statusOf(pod).phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !isBeingDeleted(pod);
}

function readyCondition(pod: Obj): Obj | undefined {
  return list(statusOf(pod).conditions).find((condition) => condition.type === 'Ready');
}

/** Mirrors podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Obj): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** When the Pod last became Ready (0 when not ready or unknown). */
export function podReadyTime(pod: Obj): number {
  const condition = readyCondition(pod);
  return condition?.status === 'True' ? parseTime(condition.lastTransitionTime) : 0;
}

/**
 * Mirrors podutil.IsPodAvailable: ready, and ready for longer than minReadySeconds
 * (strictly: lastTransitionTime + minReadySeconds is before now).
 */
export function isPodAvailable(pod: Obj, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = podReadyTime(pod);
  return since !== 0 && since + minReadySeconds * 1000 < now;
}

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

function deletionCost(pod: Obj): number {
  const text = annotationsOf(pod)[DELETION_COST];
  if (typeof text !== 'string' || !/^[-+]?\d+$/.test(text)) return 0;
  const value = Number(text);
  return value >= -(2 ** 31) && value < 2 ** 31 ? value : 0;
}

/** [regular, sidecar] highest restart counts (maxContainerRestarts). */
function maxRestarts(pod: Obj): [number, number] {
  const regular = Math.max(0, ...list(statusOf(pod).containerStatuses).map((status) => Number(status.restartCount ?? 0)));
  const sidecarNames = new Set(list(specOf(pod).initContainers).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const sidecar = Math.max(0, ...list(statusOf(pod).initContainerStatuses).filter((s) => sidecarNames.has(s.name)).map((s) => Number(s.restartCount ?? 0)));
  return [regular, sidecar];
}

/** Mirrors logarithmicRankDiff: compares ages on a log2 scale of nanoseconds. */
function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number): number => {
    const nanos = (now - t) * 1e6;
    return nanos > 0 ? Math.floor(Math.log2(nanos)) : -1;
  };
  return rank(t1) - rank(t2);
}

interface Ranked {
  pod: Obj;
  rank: number;
}

/**
 * Mirrors ActivePodsWithRanks.Less (v1.30, PodDeletionCost and LogarithmicScaleDown on):
 * negative when `a` should be deleted before `b`.
 */
function compareForDeletion(a: Ranked, b: Ranked, now: number): number {
  const before = (condition: boolean): number => (condition ? -1 : 1);
  const nodeA = text(specOf(a.pod).nodeName);
  const nodeB = text(specOf(b.pod).nodeName);
  // 1. Unassigned < assigned.
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return before(nodeA === '');
  // 2. Pending < Unknown < Running.
  const phaseA = PHASE_ORDINAL[String(statusOf(a.pod).phase)] ?? 0;
  const phaseB = PHASE_ORDINAL[String(statusOf(b.pod).phase)] ?? 0;
  if (phaseA !== phaseB) return before(phaseA < phaseB);
  // 3. Not ready < ready.
  const readyA = isPodReady(a.pod);
  const readyB = isPodReady(b.pod);
  if (readyA !== readyB) return before(!readyA);
  // 4. Lower pod-deletion-cost first.
  const costA = deletionCost(a.pod);
  const costB = deletionCost(b.pod);
  if (costA !== costB) return before(costA < costB);
  // 5. Doubled up (more related pods on the same node) first.
  if (a.rank !== b.rank) return before(a.rank > b.rank);
  const byAge = (t1: number, t2: number): number => {
    // Zero time first, then the more recent; ages equal on the log scale fall back to the uid.
    if (t1 === 0 || t2 === 0) return before(t1 === 0);
    const diff = logarithmicRankDiff(t1, t2, now);
    if (diff === 0) return uidOf(a.pod) < uidOf(b.pod) ? -1 : uidOf(a.pod) > uidOf(b.pod) ? 1 : 0;
    return before(diff < 0);
  };
  // 6. Ready for less time first.
  if (readyA && readyB) {
    const t1 = podReadyTime(a.pod);
    const t2 = podReadyTime(b.pod);
    if (t1 !== t2) return byAge(t1, t2);
  }
  // 7. More container restarts first.
  const [regularA, sidecarA] = maxRestarts(a.pod);
  const [regularB, sidecarB] = maxRestarts(b.pod);
  if (regularA !== regularB) return before(regularA > regularB);
  if (sidecarA !== sidecarB) return before(sidecarA > sidecarB);
  // 8. Newer first.
  const createdA = parseTime(metaOf(a.pod).creationTimestamp);
  const createdB = parseTime(metaOf(b.pod).creationTimestamp);
  if (createdA !== createdB) return byAge(createdA, createdB);
  return 0;
}

/**
 * Mirrors the ReplicaSet controller's getPodsToDelete: when only some Pods go, they are
 * ranked (unscheduled, pending, not ready, cheap to delete, doubled up on a node, recently
 * ready, restarting, young first) and the first `count` are chosen. `related` are the
 * active Pods of the owner's other ReplicaSets too, which decide what "doubled up" means.
 */
export function podsToDelete(pods: readonly Obj[], related: readonly Obj[], count: number, now: number): Obj[] {
  if (count >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const pod of related) {
    if (!isPodActive(pod)) continue;
    const node = text(specOf(pod).nodeName);
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(text(specOf(pod).nodeName)) ?? 0 }));
  // A stable sort over pods listed by name keeps the choice deterministic where upstream's is arbitrary.
  ranked.sort((a, b) => compareForDeletion(a, b, now));
  return ranked.slice(0, count).map((entry) => entry.pod);
}
