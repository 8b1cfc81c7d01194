/**
 * From the metrics' proposal to the replica count the HorizontalPodAutoscaler applies
 * (pkg/controller/podautoscaler/horizontal.go, v1.30): the scale-down stabilization window
 * (the highest recommendation of the last 300 s wins), and either the legacy limits (at most
 * double, or 4, per step) or, when spec.behavior is set, its stabilization windows and
 * scaling policies. Each step sets the AbleToScale and ScalingLimited conditions with
 * upstream's reasons and messages. Recommendations and scale events are kept in memory, as
 * kube-controller-manager keeps them.
 */
import { formatTimestamp } from '../../clock';
import { isJsonObject, type JsonObject } from '../../store/json';

/** --horizontal-pod-autoscaler-downscale-stabilization. */
export const DOWNSCALE_STABILIZATION_MS = 300_000;
const SCALE_UP_LIMIT_FACTOR = 2;
const SCALE_UP_LIMIT_MINIMUM = 4;

export interface HpaCondition extends JsonObject {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** Mirrors setConditionInList: updated in place (the transition time moves with the status), else appended. */
export function setCondition(conditions: HpaCondition[], type: string, status: 'True' | 'False', reason: string, message: string, now: number): void {
  let existing = conditions.find((c) => c.type === type);
  if (!existing) {
    existing = { type, status, lastTransitionTime: formatTimestamp(now), reason, message };
    conditions.push(existing);
    return;
  }
  if (existing.status !== status) existing.lastTransitionTime = formatTimestamp(now);
  existing.status = status;
  existing.reason = reason;
  existing.message = message;
}

interface Recommendation {
  replicas: number;
  at: number;
}

interface ScaleEvent {
  change: number;
  at: number;
}

/** What the controller remembers about one HPA between syncs. */
export interface Memory {
  /** When the key may be synced again (the queue's fixed 15 s rate limiter). */
  nextSync?: number;
  recommendations: Recommendation[];
  scaleUps: ScaleEvent[];
  scaleDowns: ScaleEvent[];
}

export const newMemory = (): Memory => ({ recommendations: [], scaleUps: [], scaleDowns: [] });

interface Rules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: string;
  policies: { type: string; value: number; periodSeconds: number }[];
}

function rulesOf(value: unknown): Rules {
  const rules = isJsonObject(value) ? value : {};
  const policies = Array.isArray(rules.policies) ? rules.policies.filter(isJsonObject) : [];
  return {
    ...(typeof rules.stabilizationWindowSeconds === 'number' ? { stabilizationWindowSeconds: rules.stabilizationWindowSeconds } : {}),
    ...(typeof rules.selectPolicy === 'string' ? { selectPolicy: rules.selectPolicy } : {}),
    policies: policies.map((p) => ({ type: String(p.type), value: Number(p.value), periodSeconds: Number(p.periodSeconds) })),
  };
}

export interface Normalization {
  current: number;
  desired: number;
  min: number;
  max: number;
  now: number;
  conditions: HpaCondition[];
}

/** Mirrors recordInitialRecommendation: the current size is the first recommendation. */
export function recordInitial(memory: Memory, current: number, now: number): void {
  if (memory.recommendations.length === 0) memory.recommendations.push({ replicas: current, at: now });
}

/** Replaces the oldest out-of-window sample, else appends (upstream's bounded list). */
function record(memory: Memory, replicas: number, now: number, isOld: (r: Recommendation) => boolean): void {
  const old = memory.recommendations.findIndex(isOld);
  if (old >= 0) memory.recommendations[old] = { replicas, at: now };
  else memory.recommendations.push({ replicas, at: now });
}

/** Mirrors normalizeDesiredReplicas (no spec.behavior). */
export function normalizeLegacy(memory: Memory, n: Normalization): number {
  const cutoff = n.now - DOWNSCALE_STABILIZATION_MS;
  let stabilized = n.desired;
  for (const rec of memory.recommendations) if (rec.at >= cutoff && rec.replicas > stabilized) stabilized = rec.replicas;
  record(memory, n.desired, n.now, (rec) => rec.at < cutoff);
  if (stabilized !== n.desired) {
    setCondition(n.conditions, 'AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation', n.now);
  } else {
    setCondition(n.conditions, 'AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size', n.now);
  }
  // Mirrors convertDesiredReplicasWithRules.
  const scaleUpLimit = Math.max(SCALE_UP_LIMIT_FACTOR * n.current, SCALE_UP_LIMIT_MINIMUM);
  let reason = 'TooManyReplicas';
  let message = 'the desired replica count is more than the maximum replica count';
  let maximum = n.max;
  if (n.max > scaleUpLimit) {
    maximum = scaleUpLimit;
    reason = 'ScaleUpLimit';
    message = 'the desired replica count is increasing faster than the maximum scale rate';
  }
  let desired = stabilized;
  if (stabilized < n.min) {
    desired = n.min;
    reason = 'TooFewReplicas';
    message = 'the desired replica count is less than the minimum replica count';
  } else if (stabilized > maximum) {
    desired = maximum;
  } else {
    reason = 'DesiredWithinRange';
    message = 'the desired count is within the acceptable range';
  }
  setCondition(n.conditions, 'ScalingLimited', desired === stabilized ? 'False' : 'True', reason, message, n.now);
  return desired;
}

/** Replicas added (or removed) within the last `periodSeconds`. */
function changeInPeriod(events: readonly ScaleEvent[], periodSeconds: number, now: number): number {
  const cutoff = now - periodSeconds * 1000;
  return events.filter((e) => e.at > cutoff).reduce((sum, e) => sum + e.change, 0);
}

/** Mirrors calculateScaleUpLimitWithScalingRules and calculateScaleDownLimitWithBehaviors. */
function policyLimit(memory: Memory, current: number, rules: Rules, up: boolean, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pickLeast = rules.selectPolicy === 'Min';
  let result: number | undefined;
  for (const policy of rules.policies) {
    const periodStart = current - changeInPeriod(memory.scaleUps, policy.periodSeconds, now) + changeInPeriod(memory.scaleDowns, policy.periodSeconds, now);
    let proposed: number;
    if (up) proposed = policy.type === 'Pods' ? periodStart + policy.value : Math.ceil(periodStart * (1 + policy.value / 100));
    else proposed = policy.type === 'Pods' ? periodStart - policy.value : Math.trunc(periodStart * (1 - policy.value / 100));
    // Scaling up, "Max" allows the largest change (the highest limit); scaling down, the lowest limit.
    const better = up !== pickLeast ? Math.max : Math.min;
    result = result === undefined ? proposed : better(result, proposed);
  }
  return result ?? current;
}

/** Mirrors normalizeDesiredReplicasWithBehaviors. */
export function normalizeWithBehavior(memory: Memory, n: Normalization, behavior: JsonObject): number {
  const scaleUp = rulesOf(behavior.scaleUp);
  const scaleDown = rulesOf(behavior.scaleDown);
  // Mirrors maybeInitScaleDownStabilizationWindow: the controller's 300 s when unset.
  const downWindow = (scaleDown.stabilizationWindowSeconds ?? DOWNSCALE_STABILIZATION_MS / 1000) * 1000;
  const upWindow = (scaleUp.stabilizationWindowSeconds ?? 0) * 1000;
  let upRecommendation = n.desired;
  let downRecommendation = n.desired;
  for (const rec of memory.recommendations) {
    if (rec.at > n.now - upWindow) upRecommendation = Math.min(rec.replicas, upRecommendation);
    if (rec.at > n.now - downWindow) downRecommendation = Math.max(rec.replicas, downRecommendation);
  }
  let stabilized = n.current;
  if (stabilized < upRecommendation) stabilized = upRecommendation;
  if (stabilized > downRecommendation) stabilized = downRecommendation;
  record(memory, n.desired, n.now, (rec) => rec.at < n.now - upWindow && rec.at < n.now - downWindow);
  if (stabilized !== n.desired) {
    const up = n.desired >= n.current;
    setCondition(
      n.conditions, 'AbleToScale', 'True', up ? 'ScaleUpStabilized' : 'ScaleDownStabilized',
      up ? 'recent recommendations were lower than current one, applying the lowest recent recommendation' : 'recent recommendations were higher than current one, applying the highest recent recommendation',
      n.now,
    );
  } else {
    setCondition(n.conditions, 'AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size', n.now);
  }
  // Mirrors convertDesiredReplicasWithBehaviorRate.
  let desired = stabilized;
  let reason = 'DesiredWithinRange';
  let message = 'the desired count is within the acceptable range';
  if (stabilized > n.current) {
    const limit = Math.max(policyLimit(memory, n.current, scaleUp, true, n.now), n.current);
    const maximum = Math.min(n.max, limit);
    [reason, message] = n.max > limit ? ['ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate'] : ['TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
    if (stabilized > maximum) desired = maximum;
    else [reason, message] = ['DesiredWithinRange', 'the desired count is within the acceptable range'];
  } else if (stabilized < n.current) {
    const limit = Math.min(policyLimit(memory, n.current, scaleDown, false, n.now), n.current);
    const minimum = Math.max(n.min, limit);
    [reason, message] = n.min < limit ? ['ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate'] : ['TooFewReplicas', 'the desired replica count is less than the minimum replica count'];
    if (stabilized < minimum) desired = minimum;
    else [reason, message] = ['DesiredWithinRange', 'the desired count is within the acceptable range'];
  }
  setCondition(n.conditions, 'ScalingLimited', desired === stabilized ? 'False' : 'True', reason, message, n.now);
  return desired;
}

/** Mirrors storeScaleEvent (only with spec.behavior); events older than every policy period are dropped. */
export function storeScaleEvent(memory: Memory, behavior: JsonObject | undefined, previous: number, next: number, now: number): void {
  if (!behavior) return;
  const periods = [...rulesOf(behavior.scaleUp).policies, ...rulesOf(behavior.scaleDown).policies].map((p) => p.periodSeconds * 1000);
  const keep = Math.max(0, ...periods);
  memory.scaleUps = memory.scaleUps.filter((e) => e.at > now - keep);
  memory.scaleDowns = memory.scaleDowns.filter((e) => e.at > now - keep);
  if (next > previous) memory.scaleUps.push({ change: next - previous, at: now });
  else if (next < previous) memory.scaleDowns.push({ change: previous - next, at: now });
}
