/**
 * The Eviction subresource (POST pods/NAME/eviction, pkg/registry/core/pod/storage/eviction.go,
 * v1.30): what `kubectl drain` calls instead of a plain delete. A Pod covered by a
 * PodDisruptionBudget goes only if the budget allows one more disruption; the API server
 * then takes that disruption from the budget's status (disruptionsAllowed - 1, the Pod
 * listed in disruptedPods) before deleting the Pod, so that two evictions cannot both use
 * the last one. Otherwise: 429 TooManyRequests, `Cannot evict pod as it would violate the
 * pod's disruption budget.`, which kubectl drain retries every 5 s.
 */
import { kindInfo } from '../api/catalog';
import { StatusError } from '../api/errors';
import { formatTimestamp } from '../clock';
import { isJsonObject, type JsonObject } from '../store/json';
import { matchesLabelSelector } from '../store/selectors';
import type { KubeObject, ObjectStore } from '../store/store';

const PODS = kindInfo('v1', 'Pod')!;
const PDBS = kindInfo('policy/v1', 'PodDisruptionBudget')!;

export const EVICTION_REFUSED = "Cannot evict pod as it would violate the pod's disruption budget.";

const objAt = (object: unknown, field: string): JsonObject => (isJsonObject(object) && isJsonObject(object[field]) ? object[field] : {});
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

export interface EvictOptions {
  /** Server-side dry run: checked, nothing written. */
  dryRun?: boolean;
  /** deleteOptions.gracePeriodSeconds of the Eviction. */
  gracePeriodSeconds?: number;
}

/** podutil.IsPodReady. */
export function isPodReady(pod: JsonObject): boolean {
  const conditions = objAt(pod, 'status').conditions;
  return Array.isArray(conditions) && conditions.some((c) => isJsonObject(c) && c.type === 'Ready' && c.status === 'True');
}

/** policy/v1: an empty selector selects every Pod of the namespace, a missing one none. */
export function pdbSelects(pdb: JsonObject, pod: JsonObject): boolean {
  const selector = objAt(pdb, 'spec').selector;
  if (!isJsonObject(selector)) return false;
  return matchesLabelSelector(selector, objAt(objAt(pod, 'metadata'), 'labels') as Record<string, string>);
}

function tooManyRequests(cause: string): StatusError {
  return new StatusError(
    'TooManyRequests',
    429,
    EVICTION_REFUSED,
    "Un PodDisruptionBudget protège ce Pod et n'autorise plus aucune interruption pour l'instant (ALLOWED DISRUPTIONS à 0) : il faut d'abord que d'autres Pods de l'application soient prêts.",
    [{ type: 'DisruptionBudget', message: cause, field: '' }],
  );
}

/** UpdateDisruptionAllowedCondition after the decrement. */
function allowedCondition(pdb: JsonObject, allowed: number, now: number): JsonObject[] {
  const conditions = Array.isArray(objAt(pdb, 'status').conditions) ? (objAt(pdb, 'status').conditions as JsonObject[]) : [];
  const status = allowed > 0 ? 'True' : 'False';
  const current = conditions.find((c) => c.type === 'DisruptionAllowed');
  if (current && current.status === status) return conditions;
  const condition = {
    type: 'DisruptionAllowed',
    status,
    observedGeneration: num(objAt(pdb, 'status').observedGeneration),
    lastTransitionTime: formatTimestamp(now),
    reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
    message: '',
  };
  return [...conditions.filter((c) => c.type !== 'DisruptionAllowed'), condition];
}

/** checkAndDecrement: refuses, or takes one disruption from the budget. */
function checkAndDecrement(store: ObjectStore, pdb: KubeObject, podName: string, dryRun: boolean): void {
  const status = objAt(pdb, 'status');
  const name = String(objAt(pdb, 'metadata').name);
  if (num(status.observedGeneration) < num(objAt(pdb, 'metadata').generation)) {
    throw tooManyRequests(`The disruption budget ${name} is still being processed by the server.`);
  }
  const allowed = num(status.disruptionsAllowed);
  if (allowed <= 0) throw tooManyRequests(`The disruption budget ${name} needs ${num(status.desiredHealthy)} healthy pods and has ${num(status.currentHealthy)} currently`);
  if (dryRun) return;
  const now = store.clock.now();
  const next = {
    ...status,
    disruptionsAllowed: allowed - 1,
    conditions: allowed - 1 === 0 ? allowedCondition(pdb, 0, now) : status.conditions,
    disruptedPods: { ...objAt(status, 'disruptedPods'), [podName]: formatTimestamp(now) },
  };
  if (next.conditions === undefined) delete next.conditions;
  store.updateStatus({ ...pdb, status: next });
}

/** The Pod's DisruptionTarget condition (PodDisruptionConditions, on in v1.30), then the deletion. */
function deletePod(store: ObjectStore, pod: KubeObject, options: EvictOptions): KubeObject {
  const meta = objAt(pod, 'metadata');
  const namespace = String(meta.namespace);
  const name = String(meta.name);
  const phase = objAt(pod, 'status').phase;
  if (!options.dryRun && phase !== 'Succeeded' && phase !== 'Failed') {
    const conditions = Array.isArray(objAt(pod, 'status').conditions) ? (objAt(pod, 'status').conditions as JsonObject[]) : [];
    if (!conditions.some((c) => c.type === 'DisruptionTarget' && c.status === 'True')) {
      const target = { lastProbeTime: null, lastTransitionTime: formatTimestamp(store.clock.now()), type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' };
      store.updateStatus({ ...pod, status: { ...objAt(pod, 'status'), conditions: [...conditions.filter((c) => c.type !== 'DisruptionTarget'), target] } });
    }
  }
  const deleteOptions = { ...(options.dryRun ? { dryRun: true } : {}), ...(options.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: options.gracePeriodSeconds } : {}) };
  return store.delete(PODS, namespace, name, deleteOptions);
}

/**
 * Evicts a Pod the way the API server does; returns the Pod as deleted, or throws its
 * NotFound, TooManyRequests (the budget) or InternalError (two budgets).
 */
export function evictPod(store: ObjectStore, namespace: string, name: string, options: EvictOptions = {}): KubeObject {
  const pod = store.get(PODS, namespace, name);
  const phase = objAt(pod, 'status').phase;
  // canIgnorePDB: a Pod that is not running (or already going) disrupts nothing more.
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || objAt(pod, 'metadata').deletionTimestamp !== undefined) return deletePod(store, pod, options);
  const budgets = store.list(PDBS, { namespace }).filter((pdb) => pdbSelects(pdb, pod));
  if (budgets.length > 1) {
    throw new StatusError('InternalError', 500, 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.', "Plusieurs PodDisruptionBudgets sélectionnent ce Pod : l'API d'éviction refuse de choisir entre eux. Garde un seul budget par groupe de Pods.");
  }
  const pdb = budgets[0];
  if (pdb) {
    const status = objAt(pdb, 'status');
    const policy = objAt(pdb, 'spec').unhealthyPodEvictionPolicy;
    const unhealthy = !isPodReady(pod);
    // An unready Pod counts for nothing: with the budget met (IfHealthyBudget) or AlwaysAllow, it may go.
    const free = unhealthy && (policy === 'AlwaysAllow' || (num(status.currentHealthy) >= num(status.desiredHealthy) && num(status.desiredHealthy) > 0));
    if (!free) checkAndDecrement(store, pdb, name, options.dryRun === true);
  }
  return deletePod(store, pod, options);
}
