/**
 * The HorizontalPodAutoscaler's view of its target: the spec it reads in either stored
 * version (autoscaling/v2, or v1 with targetCPUUtilizationPercentage), and the target's
 * scale subresource (spec.replicas and the selector of a Deployment, ReplicaSet,
 * StatefulSet or ReplicationController) with the API's errors.
 */
import { kindInfo, type KindInfo } from '../../api/catalog';
import { isJsonObject, type JsonObject } from '../../store/json';
import { formatLabelSelector, labelSelectorRequirements, type LabelRequirement } from '../../store/selectors';
import type { KubeObject } from '../../store/store';
import { text } from '../deployment/pods';
import type { Reader } from '../types';

/** autoscaling.DefaultCPUUtilization. */
const DEFAULT_CPU_UTILIZATION = 80;

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});

/** The kinds with a scale subresource the simulated API serves. */
const SCALABLE: readonly KindInfo[] = [
  kindInfo('apps/v1', 'Deployment')!,
  kindInfo('apps/v1', 'ReplicaSet')!,
  kindInfo('apps/v1', 'StatefulSet')!,
  kindInfo('v1', 'ReplicationController')!,
];

export interface HpaSpec {
  ref: { apiVersion: string; kind: string; name: string };
  minReplicas: number;
  maxReplicas: number;
  metrics: JsonObject[];
  behavior: JsonObject | undefined;
}

/** The spec as autoscaling/v2 sees it (v1's CPU target converted, 80% when unset). */
export function specOf(hpa: KubeObject): HpaSpec {
  const spec = obj(hpa.spec);
  const ref = obj(spec.scaleTargetRef);
  let metrics = Array.isArray(spec.metrics) ? spec.metrics.filter(isJsonObject) : [];
  if (hpa.apiVersion === 'autoscaling/v1') {
    const target = typeof spec.targetCPUUtilizationPercentage === 'number' ? spec.targetCPUUtilizationPercentage : DEFAULT_CPU_UTILIZATION;
    metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }];
  }
  return {
    ref: { apiVersion: text(ref.apiVersion), kind: text(ref.kind), name: text(ref.name) },
    minReplicas: typeof spec.minReplicas === 'number' ? spec.minReplicas : 1,
    maxReplicas: Number(spec.maxReplicas ?? 0),
    metrics,
    behavior: isJsonObject(spec.behavior) ? spec.behavior : undefined,
  };
}

export type Scale =
  | { ok: true; info: KindInfo; replicas: number; selector: string | undefined }
  | { ok: false; error: string };

/**
 * Mirrors scaleForResourceMappings: GET <resource>/scale. The errors are the API's, e.g.
 * `deployments/scale.apps "web" not found`.
 */
export function getScale(reader: Reader, namespace: string, ref: HpaSpec['ref']): Scale {
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0]! : '';
  const info = SCALABLE.find((candidate) => candidate.kind === ref.kind && candidate.group === group);
  if (!info) return { ok: false, error: `no matches for kind ${JSON.stringify(ref.kind)} in group ${JSON.stringify(group)}` };
  const target = reader.get(info, namespace, ref.name);
  if (!target) return { ok: false, error: `${info.resource}/scale${info.group ? `.${info.group}` : ''} ${JSON.stringify(ref.name)} not found` };
  const spec = obj(target.spec);
  let requirements: LabelRequirement[] | undefined;
  try {
    requirements = labelSelectorRequirements(spec.selector);
  } catch {
    requirements = undefined;
  }
  // Mirrors the scale subresource's status.selector: empty when the target has none.
  const selector = requirements && requirements.length > 0 ? formatLabelSelector(spec.selector) : undefined;
  return { ok: true, info, replicas: typeof spec.replicas === 'number' ? spec.replicas : 1, selector };
}
