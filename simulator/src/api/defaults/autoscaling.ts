/**
 * HorizontalPodAutoscaler defaults, for autoscaling/v2 (the preferred version) and
 * autoscaling/v1.
 */
import { ensureObj, isEmpty, isNil, objAt, setIfNil, type Obj } from './util';

/** autoscaling.DefaultCPUUtilization: the target when an HPA names no metric. */
const DEFAULT_CPU_UTILIZATION = 80;

/** The scale-up rules upstream uses when none are given: +4 pods or +100% every 15 s, the larger. */
function scaleUpRules(): Obj {
  return {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  };
}

/**
 * The scale-down rules: -100% every 15 s. No stabilization window: the controller's
 * --horizontal-pod-autoscaler-downscale-stabilization flag (5 min) applies instead.
 */
function scaleDownRules(): Obj {
  return {
    selectPolicy: 'Max',
    policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
  };
}

/** Mirrors copyHPAScalingRules: the given fields win, the others come from the defaults. */
function mergeRules(given: Obj | undefined, defaults: Obj): Obj {
  if (given === undefined) return defaults;
  const merged: Obj = { ...defaults };
  for (const field of ['selectPolicy', 'stabilizationWindowSeconds', 'policies']) {
    if (!isNil(given[field])) merged[field] = given[field];
  }
  // Fields this version does not know are kept for validation to report.
  for (const [field, value] of Object.entries(given)) if (!Object.hasOwn(merged, field)) merged[field] = value;
  return merged;
}

/**
 * Mirrors SetDefaults_HorizontalPodAutoscaler and SetDefaults_HorizontalPodAutoscalerBehavior
 * (pkg/apis/autoscaling/v2/defaults.go): minReplicas 1, a CPU target of 80% when no metric
 * is given, and, only when `behavior` is present, every unset scaling rule filled in.
 */
export function defaultHorizontalPodAutoscalerV2(hpa: Obj): void {
  const spec = ensureObj(hpa, 'spec');
  if (spec === undefined) return;
  setIfNil(spec, 'minReplicas', 1);
  if (isEmpty(spec.metrics)) {
    spec.metrics = [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } },
      },
    ];
  }
  const behavior = objAt(spec, 'behavior');
  if (behavior === undefined) return;
  for (const [direction, defaults] of [['scaleUp', scaleUpRules()], ['scaleDown', scaleDownRules()]] as const) {
    // Something that is not an object is left for validation to report.
    if (isNil(behavior[direction]) || objAt(behavior, direction) !== undefined) {
      behavior[direction] = mergeRules(objAt(behavior, direction), defaults);
    }
  }
}

/**
 * Mirrors SetDefaults_HorizontalPodAutoscaler (pkg/apis/autoscaling/v1/defaults.go). The
 * 80% CPU target of v1 is applied in conversion, not here, and only shows through v2.
 */
export function defaultHorizontalPodAutoscalerV1(hpa: Obj): void {
  setIfNil(ensureObj(hpa, 'spec'), 'minReplicas', 1);
}
