/**
 * The HorizontalPodAutoscaler controller (kube-controller-manager's `horizontalpodautoscaling`
 * controller, v1.30, events from `horizontal-pod-autoscaler`). Every 15 s (its sync period,
 * also metrics-server's resolution) it reads the target's scale, the Pods' CPU and memory
 * from the simulated metrics-server (load.ts's load included), computes
 * desired = ceil(current × usage / target) outside a 10% tolerance, stabilizes scale-downs
 * over 300 s (or applies spec.behavior), and scales the target through its scale
 * subresource (spec.replicas). Status and conditions (AbleToScale, ScalingActive,
 * ScalingLimited) and events (SuccessfulRescale, FailedGetScale, FailedGetResourceMetric,
 * FailedComputeMetricsReplicas) carry upstream's texts.
 */
import { kindInfo } from '../api/catalog';
import { formatTimestamp } from '../clock';
import { deepEqual, isJsonObject, type JsonObject } from '../store/json';
import { matchesLabels, parseLabelSelector } from '../store/selectors';
import type { KubeObject } from '../store/store';
import { loadOverlay } from '../metrics/load';
import { metricsOfPod, type PodMetrics } from '../metrics/usage';
import { computeMetric, type MetricContext } from './hpa/metrics';
import { newMemory, normalizeLegacy, normalizeWithBehavior, recordInitial, setCondition, storeScaleEvent, type HpaCondition, type Memory } from './hpa/normalize';
import { getScale, specOf, type HpaSpec } from './hpa/target';
import { text } from './deployment/pods';
import { keyOf, splitKey, type Action, type Controller, type Reader, type ReconcileResult, type Trigger } from './types';

export { setLoad, loadAnnotation, loadPodsAnnotation, type LoadTarget } from '../metrics/load';
export { autoscaleError, autoscaleObject, type AutoscaleOptions } from './hpa/autoscale';

const HPA_V2 = kindInfo('autoscaling/v2', 'HorizontalPodAutoscaler')!;
const HPA_V1 = kindInfo('autoscaling/v1', 'HorizontalPodAutoscaler')!;
const PODS = kindInfo('v1', 'Pod')!;
const COMPONENT = 'horizontal-pod-autoscaler';
/** --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_PERIOD_MS = 15_000;

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});

/** What one sync builds up. */
interface Sync {
  hpa: KubeObject;
  actions: Action[];
  conditions: HpaCondition[];
  now: number;
}

/**
 * Creates the HPA controller. Wire one instance per cluster runtime: it remembers each HPA's
 * recent recommendations (the stabilization window) and scale events (behavior policies).
 */
export function createHpaController(): Controller {
  const memories = new Map<string, Memory>();
  const triggers: Trigger[] = [HPA_V2, HPA_V1].map((info) => ({ info, keys: (event) => [keyOf(event.object)] }));
  return {
    name: COMPONENT,
    triggers,
    reconcile(key, reader) {
      const { namespace, name } = splitKey(key);
      const hpa = reader.get(HPA_V2, namespace, name);
      if (!hpa) {
        memories.delete(key);
        return { actions: [] };
      }
      let memory = memories.get(key);
      if (!memory) memories.set(key, (memory = newMemory()));
      // Mirrors enqueueHPA: every request waits the resync period in the queue (a new HPA
      // included), and a request for an HPA already queued is dropped: one sync per 15 s.
      const now = reader.now();
      memory.nextSync ??= now + HPA_SYNC_PERIOD_MS;
      if (now < memory.nextSync) return { actions: [], requeueAfter: memory.nextSync - now };
      memory.nextSync = now + HPA_SYNC_PERIOD_MS;
      return reconcileAutoscaler(hpa, reader, memory);
    },
  };
}

function event(sync: Sync, type: 'Normal' | 'Warning', reason: string, message: string): void {
  sync.actions.push({ type: 'event', event: { involved: sync.hpa, type, reason, message, component: COMPONENT } });
}

function conditionsOf(hpa: KubeObject): HpaCondition[] {
  const conditions = obj(hpa.status).conditions;
  return Array.isArray(conditions) ? (conditions.filter(isJsonObject) as HpaCondition[]).map((c) => ({ ...c })) : [];
}

/** Mirrors reconcileAutoscaler. */
function reconcileAutoscaler(hpa: KubeObject, reader: Reader, memory: Memory): ReconcileResult {
  const now = reader.now();
  const namespace = text(obj(hpa.metadata).namespace) || 'default';
  const spec = specOf(hpa);
  const sync: Sync = { hpa, actions: [], conditions: conditionsOf(hpa), now };
  const previous = obj(hpa.status);
  const scale = getScale(reader, namespace, spec.ref);
  if (!scale.ok) {
    event(sync, 'Warning', 'FailedGetScale', scale.error);
    setCondition(sync.conditions, 'AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${scale.error}`, now);
    return finish(sync, { ...previous });
  }
  setCondition(sync.conditions, 'AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale", now);
  const current = scale.replicas;
  recordInitial(memory, current, now);
  let desired = 0;
  let rescaleReason = '';
  let statuses: JsonObject[] = [];
  if (current === 0 && spec.minReplicas !== 0) {
    // Autoscaling is off while someone keeps the target at zero.
    setCondition(sync.conditions, 'ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero', now);
  } else if (current > spec.maxReplicas) {
    rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
    desired = spec.maxReplicas;
  } else if (current < spec.minReplicas) {
    rescaleReason = 'Current number of replicas below Spec.MinReplicas';
    desired = spec.minReplicas;
  } else {
    const computed = computeReplicas(sync, spec, reader, namespace, scale.selector, current);
    statuses = computed.statuses;
    if (computed.replicas === -1) {
      event(sync, 'Warning', 'FailedComputeMetricsReplicas', computed.error!);
      return finish(sync, status(hpa, current, Number(previous.desiredReplicas ?? 0), statuses, previous.lastScaleTime));
    }
    let metricName = '';
    if (computed.replicas > desired) {
      desired = computed.replicas;
      metricName = computed.metric;
    }
    // As upstream, the reason is decided before normalization: when the metrics propose the
    // current size and the stabilization window (a higher recent recommendation) still moves
    // it, reconcileAutoscaler records `New size: 5; reason: ` with an empty reason. Kept as is.
    if (desired > current) rescaleReason = `${metricName} above target`;
    if (desired < current) rescaleReason = 'All metrics below target';
    const normalization = { current, desired, min: spec.minReplicas, max: spec.maxReplicas, now, conditions: sync.conditions };
    desired = spec.behavior ? normalizeWithBehavior(memory, normalization, spec.behavior) : normalizeLegacy(memory, normalization);
  }
  let lastScaleTime = previous.lastScaleTime;
  if (desired !== current) {
    // Mirrors the scale subresource update: only spec.replicas changes.
    sync.actions.push({ type: 'patch', info: scale.info, namespace, name: spec.ref.name, patch: { spec: { replicas: desired } } });
    setCondition(sync.conditions, 'AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`, now);
    event(sync, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${rescaleReason}`);
    storeScaleEvent(memory, spec.behavior, current, desired, now);
    lastScaleTime = formatTimestamp(now);
  } else {
    desired = current;
  }
  return finish(sync, status(hpa, current, desired, statuses, lastScaleTime));
}

/** Mirrors computeReplicasForMetrics: the largest proposal, or -1 when the metrics do not allow a decision. */
function computeReplicas(sync: Sync, spec: HpaSpec, reader: Reader, namespace: string, selector: string | undefined, current: number): { replicas: number; metric: string; statuses: JsonObject[]; error?: string } {
  const statuses: JsonObject[] = spec.metrics.map(() => ({ type: '' }));
  if (selector === undefined) {
    event(sync, 'Warning', 'SelectorRequired', 'selector is required');
    setCondition(sync.conditions, 'ScalingActive', 'False', 'InvalidSelector', "the HPA target's scale is missing a selector", sync.now);
    return { replicas: -1, metric: '', statuses: [], error: 'selector is required' };
  }
  const pods = reader.list(PODS, { namespace, labelSelector: selector });
  const controlling = hpasControlling(reader, namespace, pods);
  if (controlling.length > 1) {
    const message = `pods by selector ${selector} are controlled by multiple HPAs: [${controlling.join(' ')}]`;
    event(sync, 'Warning', 'AmbiguousSelector', message);
    setCondition(sync.conditions, 'ScalingActive', 'False', 'AmbiguousSelector', message, sync.now);
    return { replicas: -1, metric: '', statuses: [], error: message };
  }
  const overlay = loadOverlay(reader, namespace);
  const metrics = pods.map((pod) => metricsOfPod(reader, pod, sync.now, overlay)).filter((m): m is PodMetrics => m !== undefined);
  const ctx: MetricContext = { currentReplicas: current, pods, metrics, now: sync.now };
  let replicas = 0;
  let metric = '';
  let invalid = 0;
  let firstError: { reason: string; error: string } | undefined;
  spec.metrics.forEach((metricSpec, index) => {
    const result = computeMetric(ctx, metricSpec);
    if (!result.ok) {
      // Mirrors getUnableComputeReplicaCountCondition: an event for every failing metric.
      event(sync, 'Warning', result.reason, result.error);
      if (!firstError) firstError = result;
      invalid++;
      return;
    }
    statuses[index] = result.status;
    if (replicas === 0 || result.replicas > replicas) {
      replicas = result.replicas;
      metric = result.name;
    }
  });
  if (firstError && (invalid >= spec.metrics.length || replicas < current)) {
    setCondition(sync.conditions, 'ScalingActive', 'False', firstError.reason, `the HPA was unable to compute the replica count: ${firstError.error}`, sync.now);
    return { replicas: -1, metric: '', statuses, error: `invalid metrics (${invalid} invalid out of ${spec.metrics.length}), first error is: ${firstError.error}` };
  }
  setCondition(sync.conditions, 'ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${metric}`, sync.now);
  return { replicas, metric, statuses };
}

/** Mirrors hpasControllingPodsUnderSelector: the HPAs (`namespace/name`) whose target selects one of these Pods. */
function hpasControlling(reader: Reader, namespace: string, pods: readonly KubeObject[]): string[] {
  const out: string[] = [];
  for (const other of reader.list(HPA_V2, { namespace })) {
    const scale = getScale(reader, namespace, specOf(other).ref);
    if (!scale.ok || scale.selector === undefined) continue;
    const requirements = parseLabelSelector(scale.selector);
    if (pods.some((pod) => matchesLabels(requirements, obj(obj(pod.metadata).labels) as Record<string, string>))) out.push(`${namespace}/${text(obj(other.metadata).name)}`);
  }
  return out.sort();
}

/**
 * Mirrors setStatus, in the HPA's stored version: autoscaling/v2's fields, or v1's
 * currentCPUUtilizationPercentage (v1 keeps its conditions in an annotation, left out here).
 */
function status(hpa: KubeObject, current: number, desired: number, statuses: JsonObject[], lastScaleTime: unknown): JsonObject {
  const out: JsonObject = {};
  if (hpa.apiVersion === 'autoscaling/v1') {
    if (lastScaleTime !== undefined) out.lastScaleTime = lastScaleTime;
    out.currentReplicas = current;
    out.desiredReplicas = desired;
    const utilization = obj(obj(obj(statuses[0]).resource).current).averageUtilization;
    if (typeof utilization === 'number') out.currentCPUUtilizationPercentage = utilization;
    return out;
  }
  if (lastScaleTime !== undefined) out.lastScaleTime = lastScaleTime;
  if (current !== 0) out.currentReplicas = current;
  out.desiredReplicas = desired;
  out.currentMetrics = statuses.length > 0 ? statuses : null;
  return out;
}

/** Mirrors updateStatusIfNeeded; the next sync comes with the 15 s resync. */
function finish(sync: Sync, next: JsonObject): ReconcileResult {
  if (sync.hpa.apiVersion !== 'autoscaling/v1' && sync.conditions.length > 0) next.conditions = sync.conditions;
  else delete next.conditions;
  if (!deepEqual(next, sync.hpa.status)) sync.actions.push({ type: 'updateStatus', object: { ...sync.hpa, status: next } });
  return { actions: sync.actions, requeueAfter: HPA_SYNC_PERIOD_MS };
}
