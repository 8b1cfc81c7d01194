/**
 * One metric of an HPA, as computeReplicasForMetric evaluates it (horizontal.go, v1.30):
 * its replica proposal and MetricStatus, or the error, the condition and the event upstream
 * reports. Resource and ContainerResource metrics come from the simulated metrics-server;
 * no custom or external metrics API is installed, so Pods, Object and External metrics fail
 * the way they fail on a cluster without an adapter.
 */
import { formatQuantity, milliValue, parseQuantity } from '../../api/quantity';
import { isJsonObject, type JsonObject } from '../../store/json';
import type { PodMetrics } from '../../metrics/usage';
import { text } from '../deployment/pods';
import { MetricError, resourceReplicas } from './replicas';

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});

export interface MetricContext {
  currentReplicas: number;
  pods: readonly JsonObject[];
  metrics: readonly PodMetrics[];
  now: number;
}

export type MetricResult =
  | { ok: true; replicas: number; name: string; status: JsonObject; timestamp: number }
  | { ok: false; reason: string; error: string };

/** NewMilliQuantity(value, DecimalSI).String(). */
export const milliQuantity = (milli: number): string => formatQuantity({ nanos: BigInt(Math.trunc(milli)) * 1_000_000n, format: 'DecimalSI' });

const NO_CUSTOM_METRICS = 'unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered';
const NO_EXTERNAL_METRICS = 'unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered';

/** Mirrors computeStatusForResourceMetricGeneric (Resource and ContainerResource sources). */
function resourceMetric(ctx: MetricContext, source: JsonObject, container: string): MetricResult {
  const name = text(source.name);
  const target = obj(source.target);
  const reason = container === '' ? 'FailedGetResourceMetric' : 'FailedGetContainerResourceMetric';
  const resource = name === 'cpu' || name === 'memory' ? name : undefined;
  const request = { currentReplicas: ctx.currentReplicas, resource: resource ?? 'cpu', container, pods: ctx.pods, metrics: resource ? ctx.metrics : [], now: ctx.now } as const;
  const current = (value: JsonObject): JsonObject => (container === '' ? { name, current: value } : { name, container, current: value });
  const statusOf = (value: JsonObject): JsonObject =>
    container === '' ? { type: 'Resource', resource: current(value) } : { type: 'ContainerResource', containerResource: current(value) };
  const averageValue = target.averageValue;
  if (averageValue !== undefined && averageValue !== null) {
    const parsed = parseQuantity(typeof averageValue === 'number' ? averageValue : text(averageValue));
    const averageMilli = parsed.ok ? Number(milliValue(parsed.quantity)) : 0;
    try {
      const proposal = resourceReplicas({ ...request, target: { averageMilli } });
      return { ok: true, replicas: proposal.replicas, name: `${name} resource`, status: statusOf({ averageValue: milliQuantity(proposal.raw) }), timestamp: proposal.timestamp };
    } catch (error) {
      if (!(error instanceof MetricError)) throw error;
      return { ok: false, reason, error: `failed to get ${name} usage: ${error.message}` };
    }
  }
  if (typeof target.averageUtilization !== 'number') {
    return { ok: false, reason, error: 'invalid resource metric source: neither an average utilization target nor an average value (usage) target was set' };
  }
  try {
    const proposal = resourceReplicas({ ...request, target: { utilization: target.averageUtilization } });
    const metricName = container === '' ? `${name} resource utilization (percentage of request)` : `${name} container resource utilization (percentage of request)`;
    return { ok: true, replicas: proposal.replicas, name: metricName, status: statusOf({ averageValue: milliQuantity(proposal.raw), averageUtilization: proposal.utilization! }), timestamp: proposal.timestamp };
  } catch (error) {
    if (!(error instanceof MetricError)) throw error;
    return { ok: false, reason, error: `failed to get ${name} utilization: ${error.message}` };
  }
}

/** Mirrors computeReplicasForMetric's switch over the metric source type. */
export function computeMetric(ctx: MetricContext, spec: JsonObject): MetricResult {
  switch (spec.type) {
    case 'Resource':
      return resourceMetric(ctx, obj(spec.resource), '');
    case 'ContainerResource':
      return resourceMetric(ctx, obj(spec.containerResource), text(obj(spec.containerResource).container));
    case 'Pods':
      return { ok: false, reason: 'FailedGetPodsMetric', error: `unable to get metric ${text(obj(obj(spec.pods).metric).name)}: ${NO_CUSTOM_METRICS}` };
    case 'Object':
      return { ok: false, reason: 'FailedGetObjectMetric', error: `unable to get metric ${text(obj(obj(spec.object).metric).name)}: ${NO_CUSTOM_METRICS}` };
    case 'External':
      return { ok: false, reason: 'FailedGetExternalMetric', error: `unable to get external metric ${text(obj(obj(spec.external).metric).name)}: ${NO_EXTERNAL_METRICS}` };
    default:
      return { ok: false, reason: 'InvalidMetricSourceType', error: `unknown metric source type ${JSON.stringify(text(spec.type))}` };
  }
}
