/**
 * The disruption controller (kube-controller-manager's `disruption` controller, v1.30,
 * events from `controllermanager`): for each PodDisruptionBudget it counts the Pods it
 * selects that are ready (currentHealthy), how many must stay (desiredHealthy, from
 * minAvailable, or from maxUnavailable and the controllers' scale), how many are expected
 * (expectedPods), and publishes disruptionsAllowed with its DisruptionAllowed condition.
 * The Eviction subresource (admission/eviction.ts) reads that status.
 */
import { kindInfo } from '../api/catalog';
import { formatTimestamp } from '../clock';
import { isPodReady, pdbSelects } from '../admission/eviction';
import { deepEqual, isJsonObject, type JsonObject } from '../store/json';
import { namespaceFanOut, splitKey, type Action, type Controller, type Reader, type ReconcileResult } from './types';

const PDBS = kindInfo('policy/v1', 'PodDisruptionBudget')!;
const PODS = kindInfo('v1', 'Pod')!;
const REPLICA_SETS = kindInfo('apps/v1', 'ReplicaSet')!;
const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const STATEFUL_SETS = kindInfo('apps/v1', 'StatefulSet')!;
const REPLICATION_CONTROLLERS = kindInfo('v1', 'ReplicationController')!;
const COMPONENT = 'controllermanager';
/** DeletionTimeout: how long an evicted Pod is expected to take to be marked for deletion. */
const DELETION_TIMEOUT_MS = 2 * 60_000;

type Obj = JsonObject;
const objAt = (object: unknown, field: string): Obj => (isJsonObject(object) && isJsonObject(object[field]) ? object[field] : {});
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);
const replicasOf = (object: Obj): number => (typeof objAt(object, 'spec').replicas === 'number' ? (objAt(object, 'spec').replicas as number) : 1);

function controllerRef(object: Obj): Obj | undefined {
  const refs = objAt(object, 'metadata').ownerReferences;
  return Array.isArray(refs) ? refs.filter(isJsonObject).find((ref) => ref.controller === true) : undefined;
}

/** The finders (RC, Deployment through its ReplicaSet, ReplicaSet, StatefulSet, scale): the controller's uid and scale. */
function controllerScale(reader: Reader, ref: Obj, namespace: string): { uid: string; scale: number } | string {
  const matches = (object: Obj | undefined): object is Obj => object !== undefined && objAt(object, 'metadata').uid === ref.uid;
  const name = String(ref.name);
  if (ref.kind === 'ReplicationController') {
    const rc = reader.get(REPLICATION_CONTROLLERS, namespace, name);
    if (matches(rc)) return { uid: String(ref.uid), scale: replicasOf(rc) };
  } else if (ref.kind === 'ReplicaSet') {
    const rs = reader.get(REPLICA_SETS, namespace, name);
    if (matches(rs)) {
      const owner = controllerRef(rs);
      if (owner?.kind !== 'Deployment') return { uid: String(ref.uid), scale: replicasOf(rs) };
      const deployment = reader.get(DEPLOYMENTS, namespace, String(owner.name));
      if (deployment && objAt(deployment, 'metadata').uid === owner.uid) return { uid: String(owner.uid), scale: replicasOf(deployment) };
    }
  } else if (ref.kind === 'StatefulSet') {
    const set = reader.get(STATEFUL_SETS, namespace, name);
    if (matches(set)) return { uid: String(ref.uid), scale: replicasOf(set) };
  } else {
    const apiVersion = typeof ref.apiVersion === 'string' ? ref.apiVersion : '';
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    const resource = `${String(ref.kind).toLowerCase()}s`;
    return `${group === '' ? resource : `${resource}.${group}`} does not implement the scale subresource`;
  }
  return `found no controllers for pod`;
}

/** getExpectedScale: the sum of the scales of the selected Pods' controllers. */
function expectedScale(reader: Reader, pods: readonly Obj[], namespace: string): number | string {
  const scales = new Map<string, number>();
  for (const pod of pods) {
    const ref = controllerRef(pod);
    if (!ref || scales.has(String(ref.uid))) continue;
    const found = controllerScale(reader, ref, namespace);
    if (typeof found === 'string') return found === 'found no controllers for pod' ? `found no controllers for pod ${JSON.stringify(String(objAt(pod, 'metadata').name))}` : found;
    scales.set(found.uid, found.scale);
  }
  return [...scales.values()].reduce((a, b) => a + b, 0);
}

/** intstr.GetScaledValueFromIntOrPercent, rounding up. */
const scaled = (value: unknown, total: number): number => (typeof value === 'number' ? value : Math.ceil((Number.parseInt(String(value), 10) * total) / 100));

/** getExpectedPodCount: [expectedCount, desiredHealthy], or the error of the scale lookup. */
function expectedCounts(reader: Reader, pdb: Obj, pods: readonly Obj[], namespace: string): [number, number] | string {
  const spec = objAt(pdb, 'spec');
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
    const expected = expectedScale(reader, pods, namespace);
    if (typeof expected === 'string') return expected;
    return [expected, Math.max(0, expected - scaled(spec.maxUnavailable, expected))];
  }
  if (typeof spec.minAvailable === 'number') return [pods.length, spec.minAvailable];
  if (typeof spec.minAvailable === 'string') {
    const expected = expectedScale(reader, pods, namespace);
    if (typeof expected === 'string') return expected;
    return [expected, scaled(spec.minAvailable, expected)];
  }
  return [0, 0];
}

/** apimeta.SetStatusCondition for DisruptionAllowed. */
function withCondition(pdb: Obj, status: 'True' | 'False', reason: string, message: string, observedGeneration: number, now: number): Obj[] {
  const conditions = Array.isArray(objAt(pdb, 'status').conditions) ? (objAt(pdb, 'status').conditions as Obj[]) : [];
  const current = conditions.find((c) => c.type === 'DisruptionAllowed');
  const lastTransitionTime = current && current.status === status ? current.lastTransitionTime : formatTimestamp(now);
  const condition = { type: 'DisruptionAllowed', status, observedGeneration, lastTransitionTime, reason, message };
  return current ? conditions.map((c) => (c === current ? condition : c)) : [...conditions, condition];
}

function syncPdb(key: string, reader: Reader): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const pdb = reader.get(PDBS, namespace, name);
  if (!pdb || objAt(pdb, 'metadata').deletionTimestamp !== undefined) return { actions: [] };
  const now = reader.now();
  const actions: Action[] = [];
  const event = (type: 'Normal' | 'Warning', reason: string, message: string): void => {
    actions.push({ type: 'event', event: { involved: pdb, type, reason, message, component: COMPONENT } });
  };
  const pods = reader.list(PODS, { namespace }).filter((pod) => pdbSelects(pdb, pod));
  if (pods.length === 0) event('Normal', 'NoPods', 'No matching pods found');
  const status = objAt(pdb, 'status');
  const generation = num(objAt(pdb, 'metadata').generation);
  const counts = expectedCounts(reader, pdb, pods, namespace);
  if (typeof counts === 'string') {
    // Mirrors failSafe: no disruption is allowed while the budget cannot be computed.
    event('Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${counts}`);
    const failed = { ...status, disruptionsAllowed: 0, conditions: withCondition(pdb, 'False', 'SyncFailed', counts, num(status.observedGeneration), now) };
    if (!deepEqual(failed, status)) actions.push({ type: 'updateStatus', object: { ...pdb, status: failed } });
    return { actions };
  }
  const [expectedPods, desiredHealthy] = counts;
  // buildDisruptedPodMap: evicted Pods stay out of the count until deleted, for 2 minutes at most.
  const disrupted: Obj = {};
  let recheck: number | undefined;
  for (const pod of pods) {
    const podName = String(objAt(pod, 'metadata').name);
    const at = objAt(status, 'disruptedPods')[podName];
    if (objAt(pod, 'metadata').deletionTimestamp !== undefined || typeof at !== 'string') continue;
    const expiry = Date.parse(at) + DELETION_TIMEOUT_MS;
    if (expiry < now) {
      actions.push({ type: 'event', event: { involved: pod, type: 'Warning', reason: 'NotDeleted', message: `Pod was expected by PDB ${namespace}/${namespace} to be deleted but it wasn't`, component: COMPONENT } });
    } else {
      disrupted[podName] = at;
      if (recheck === undefined || expiry < recheck) recheck = expiry;
    }
  }
  const currentHealthy = pods.filter((pod) => objAt(pod, 'metadata').deletionTimestamp === undefined && disrupted[String(objAt(pod, 'metadata').name)] === undefined && isPodReady(pod)).length;
  let disruptionsAllowed = currentHealthy - desiredHealthy;
  if (expectedPods <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0;
  const next: Obj = { observedGeneration: generation };
  if (Object.keys(disrupted).length > 0) next.disruptedPods = disrupted;
  Object.assign(next, { disruptionsAllowed, currentHealthy, desiredHealthy, expectedPods });
  next.conditions = withCondition(pdb, disruptionsAllowed > 0 ? 'True' : 'False', disruptionsAllowed > 0 ? 'SufficientPods' : 'InsufficientPods', '', generation, now);
  if (!deepEqual(next, status)) actions.push({ type: 'updateStatus', object: { ...pdb, status: next } });
  return recheck === undefined ? { actions } : { actions, requeueAfter: recheck - now };
}

/** The controller, named `disruption-controller`; it reconciles PodDisruptionBudgets by `namespace/name`. */
export function createDisruptionController(): Controller {
  // Pods and the scale of their controllers change the budgets of their namespace.
  const budgets = namespaceFanOut(PDBS);
  return {
    name: 'disruption-controller',
    triggers: [budgets.self, ...[PODS, DEPLOYMENTS, REPLICA_SETS, STATEFUL_SETS, REPLICATION_CONTROLLERS].map((info) => budgets.from(info))],
    reconcile: syncPdb,
  };
}
