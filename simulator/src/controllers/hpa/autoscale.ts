/**
 * What `kubectl autoscale` (v1.30, pkg/cmd/autoscale) sends: an autoscaling/v2
 * HorizontalPodAutoscaler named after its target (or --name), maxReplicas from --max,
 * minReplicas only when --min is set, and a CPU Utilization metric only when --cpu-percent
 * is given (the API server then defaults the 80% target). kubectl prints
 * `horizontalpodautoscaler.autoscaling/<name> autoscaled`.
 */
import type { KubeObject } from '../../store/store';

export interface AutoscaleOptions {
  /** The target, as kubectl resolved it: `apps/v1`, `Deployment`, `web`. */
  target: { apiVersion: string; kind: string; name: string; namespace?: string };
  /** --max (required, at least 1). */
  max: number;
  /** --min (unset or 0: the API server's default of 1). */
  min?: number;
  /** --cpu-percent (-1 or unset: no metric, the API server's 80%). */
  cpuPercent?: number;
  /** --name (default: the target's name). */
  name?: string;
}

/** Mirrors AutoscaleOptions.Validate: kubectl's own errors, before anything is sent. */
export function autoscaleError(options: AutoscaleOptions): string | undefined {
  const min = options.min ?? -1;
  if (options.max < 1) return `--max=MAXPODS is required and must be at least 1, max: ${options.max}`;
  if (options.max < min) return `--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${options.max}, min: ${min}`;
  return undefined;
}

/** Mirrors createHorizontalPodAutoscalerV2. Call autoscaleError first. */
export function autoscaleObject(options: AutoscaleOptions): KubeObject {
  const spec: KubeObject = {
    scaleTargetRef: { apiVersion: options.target.apiVersion, kind: options.target.kind, name: options.target.name },
    maxReplicas: options.max,
  };
  if ((options.min ?? 0) > 0) spec.minReplicas = options.min;
  if ((options.cpuPercent ?? -1) >= 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: options.cpuPercent } } }];
  }
  const metadata: KubeObject = { name: options.name || options.target.name };
  if (options.target.namespace) metadata.namespace = options.target.namespace;
  return { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata, spec };
}
