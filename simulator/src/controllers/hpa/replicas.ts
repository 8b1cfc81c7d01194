/**
 * The HorizontalPodAutoscaler's replica calculator for Resource and ContainerResource
 * metrics (pkg/controller/podautoscaler/replica_calculator.go, v1.30): desired =
 * ceil(current ratio × Pods counted), nothing within the 10% tolerance. Pods being deleted
 * or failed are ignored; Pending ones and CPU samples taken before a Pod was ready are
 * "unready" (counted at 0% only when scaling up); Pods without metrics count at 100% of
 * their request on a scale-down and 0% on a scale-up; a change in direction caused by
 * those guesses cancels the scale.
 */
import type { JsonObject } from '../../store/json';
import { isJsonObject } from '../../store/json';
import { parseTime } from '../deployment/pods';
import type { PodMetrics } from '../../metrics/usage';
import { requestOf, type LoadResource } from '../../metrics/load';

/** --horizontal-pod-autoscaler-tolerance. */
export const TOLERANCE = 0.1;
/** --horizontal-pod-autoscaler-cpu-initialization-period. */
const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
/** --horizontal-pod-autoscaler-initial-readiness-delay. */
const INITIAL_READINESS_DELAY_MS = 30_000;

export class MetricError extends Error {}

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
const list = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);

interface PodMetric {
  /** Milli-units: millicores for CPU, thousandths of a byte for memory (Quantity.MilliValue). */
  value: number;
  timestamp: number;
  windowMs: number;
}

/**
 * Mirrors the resource metrics client's GetResourceMetric: each Pod's usage summed over its
 * containers (one container when `container` is set) in milli-units; a Pod missing a
 * container's usage is left out. Throws when metrics-server has nothing.
 */
export function resourceMetrics(metrics: readonly PodMetrics[], resource: LoadResource, container: string): Map<string, PodMetric> {
  const out = new Map<string, PodMetric>();
  for (const pod of metrics) {
    const containers = container === '' ? pod.containers : pod.containers.filter((c) => c.name === container);
    if (containers.length === 0) continue;
    const value = containers.reduce((sum, c) => sum + (resource === 'cpu' ? c.cpuMillis : c.memoryBytes * 1000), 0);
    out.set(pod.name, { value, timestamp: pod.timestamp, windowMs: pod.windowMs });
  }
  if (out.size === 0) throw new MetricError('no metrics returned from resource metrics API');
  return out;
}

interface Groups {
  ready: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/** Mirrors groupPods. */
function groupPods(pods: readonly JsonObject[], metrics: Map<string, PodMetric>, resource: LoadResource, now: number): Groups {
  const groups: Groups = { ready: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = String(obj(pod.metadata).name);
    const status = obj(pod.status);
    if (obj(pod.metadata).deletionTimestamp !== undefined || status.phase === 'Failed') {
      groups.ignored.add(name);
      continue;
    }
    if (status.phase === 'Pending') {
      groups.unready.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      groups.missing.add(name);
      continue;
    }
    if (resource === 'cpu') {
      const ready = list(status.conditions).find((c) => c.type === 'Ready');
      const start = parseTime(status.startTime);
      let unready: boolean;
      if (!ready || start === 0) unready = true;
      else if (start + CPU_INITIALIZATION_PERIOD_MS > now) {
        // Within the initialisation period: a sample taken before the Pod became ready is not trusted.
        unready = ready.status === 'False' || metric.timestamp < parseTime(ready.lastTransitionTime) + metric.windowMs;
      } else {
        // Later, only a Pod that never became ready is left out.
        unready = ready.status === 'False' && start + INITIAL_READINESS_DELAY_MS > parseTime(ready.lastTransitionTime);
      }
      if (unready) {
        groups.unready.add(name);
        continue;
      }
    }
    groups.ready++;
  }
  return groups;
}

/** Mirrors calculatePodRequests: each Pod's request (milli-units), or the missing-request error. */
function podRequests(pods: readonly JsonObject[], resource: LoadResource, container: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const pod of pods) {
    const spec = obj(pod.spec);
    const containers = [...list(spec.containers), ...list(spec.initContainers).filter((c) => c.restartPolicy === 'Always')];
    let sum = 0;
    for (const c of containers) {
      if (container !== '' && c.name !== container) continue;
      const requests = obj(obj(c.resources).requests);
      if (requests[resource] === undefined) {
        throw new MetricError(`missing request for ${resource} in container ${String(c.name)} of Pod ${String(obj(pod.metadata).name)}`);
      }
      sum += requestOf(c, resource) * (resource === 'cpu' ? 1 : 1000);
    }
    out.set(String(obj(pod.metadata).name), sum);
  }
  return out;
}

/** Mirrors GetResourceUtilizationRatio. */
function utilizationRatio(metrics: Map<string, PodMetric>, requests: Map<string, number>, target: number): { ratio: number; utilization: number; raw: number } {
  let total = 0;
  let requested = 0;
  let entries = 0;
  for (const [name, metric] of metrics) {
    const request = requests.get(name);
    if (request === undefined) continue;
    total += metric.value;
    requested += request;
    entries++;
  }
  if (requested === 0) throw new MetricError('no metrics returned matched known pods');
  const utilization = Math.trunc((total * 100) / requested);
  return { ratio: utilization / target, utilization, raw: Math.trunc(total / entries) };
}

/** Mirrors GetMetricUsageRatio (AverageValue targets). */
function usageRatio(metrics: Map<string, PodMetric>, target: number): { ratio: number; raw: number } {
  let total = 0;
  for (const metric of metrics.values()) total += metric.value;
  const raw = Math.trunc(total / metrics.size);
  return { ratio: raw / target, raw };
}

export interface Proposal {
  replicas: number;
  /** The average utilization (percent of the request), for Utilization targets. */
  utilization?: number;
  /** The average usage, in milli-units. */
  raw: number;
  timestamp: number;
}

export interface Request {
  currentReplicas: number;
  resource: LoadResource;
  container: string;
  pods: readonly JsonObject[];
  metrics: readonly PodMetrics[];
  now: number;
  /** A Utilization target (percent) or an AverageValue target (milli-units). */
  target: { utilization: number } | { averageMilli: number };
}

/** Mirrors GetResourceReplicas and GetRawResourceReplicas. Throws a MetricError with upstream's text. */
export function resourceReplicas(request: Request): Proposal {
  const { currentReplicas, resource, pods, now } = request;
  let metrics: Map<string, PodMetric>;
  try {
    metrics = resourceMetrics(request.metrics, resource, request.container);
  } catch (error) {
    throw new MetricError(`unable to get metrics for resource ${resource}: ${(error as Error).message}`);
  }
  const timestamp = Math.max(...[...metrics.values()].map((m) => m.timestamp));
  if (pods.length === 0) throw new MetricError('no pods returned by selector while calculating replica count');
  const groups = groupPods(pods, metrics, resource, now);
  for (const name of [...groups.ignored, ...groups.unready]) metrics.delete(name);
  if (metrics.size === 0) throw new MetricError('did not receive metrics for targeted pods (pods might be unready)');
  const utilizationTarget = 'utilization' in request.target ? request.target.utilization : undefined;
  const requests = utilizationTarget !== undefined ? podRequests(pods, resource, request.container) : new Map<string, number>();
  const measure = (): { ratio: number; utilization?: number; raw: number } =>
    utilizationTarget !== undefined ? utilizationRatio(metrics, requests, utilizationTarget) : usageRatio(metrics, (request.target as { averageMilli: number }).averageMilli);
  const first = measure();
  const result = (replicas: number): Proposal => ({ replicas, ...(first.utilization !== undefined ? { utilization: first.utilization } : {}), raw: first.raw, timestamp });
  const scaleUpWithUnready = groups.unready.size > 0 && first.ratio > 1;
  if (!scaleUpWithUnready && groups.missing.size === 0) {
    if (Math.abs(1 - first.ratio) <= TOLERANCE) return result(currentReplicas);
    return result(Math.ceil(first.ratio * groups.ready));
  }
  if (groups.missing.size > 0) {
    for (const name of groups.missing) {
      let value = 0;
      if (first.ratio < 1) {
        // On a scale-down, a Pod without metrics counts at 100% of its request (or at the target, past 100%).
        value = utilizationTarget !== undefined ? (requests.get(name)! * Math.max(100, utilizationTarget)) / 100 : (request.target as { averageMilli: number }).averageMilli;
      }
      if (first.ratio !== 1) metrics.set(name, { value, timestamp, windowMs: 0 });
    }
  }
  if (scaleUpWithUnready) for (const name of groups.unready) metrics.set(name, { value: 0, timestamp, windowMs: 0 });
  const second = measure();
  if (Math.abs(1 - second.ratio) <= TOLERANCE || (first.ratio < 1 && second.ratio > 1) || (first.ratio > 1 && second.ratio < 1)) return result(currentReplicas);
  const replicas = Math.ceil(second.ratio * metrics.size);
  if ((second.ratio < 1 && replicas > currentReplicas) || (second.ratio > 1 && replicas < currentReplicas)) return result(currentReplicas);
  return result(replicas);
}
