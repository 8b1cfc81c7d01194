/**
 * `kubectl describe horizontalpodautoscaler|poddisruptionbudget|limitrange|resourcequota`
 * (describeHorizontalPodAutoscalerV2, describePodDisruptionBudgetV1, describeLimitRange and
 * describeQuota in k8s.io/kubectl/pkg/describe, v1.30).
 */
import { canonicalQuantity, formatQuantity, integerValue, parseQuantity } from '../../api/quantity';
import { compareStrings } from '../../store/json';
import { formatLabelSelector } from '../../store/selectors';
import { rfc1123z } from '../age';
import { arr, at, intOrString, meta, nameOf, num, obj, str, strs, type Json } from '../fields';
import { type DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './writer';

const quantity = (value: unknown): string => (value === undefined || value === null ? '0' : canonicalQuantity(value));

/** One metric line of an autoscaling/v2 HPA, `current / target`. */
function describeMetric(w: DescribeWriter, metric: Json, current: Json | undefined): void {
  const unknown = '<unknown>';
  switch (str(metric.type)) {
    case 'Resource':
    case 'ContainerResource': {
      const source = obj(metric.type === 'Resource' ? metric.resource : metric.containerResource);
      const status = obj(current?.[metric.type === 'Resource' ? 'resource' : 'containerResource']);
      const head = metric.type === 'Resource' ? `resource ${str(source.name)} on pods` : `resource ${str(source.name)} of container "${str(source.container)}" on pods`;
      w.write(1, head);
      const target = obj(source.target);
      if (target.averageValue !== undefined) {
        const value = at(status, 'current.averageValue');
        w.write(0, `:\t${value === undefined ? unknown : quantity(value)} / ${quantity(target.averageValue)}\n`);
      } else {
        const utilization = at(status, 'current.averageUtilization');
        const now = typeof utilization === 'number' ? `${utilization}% (${quantity(at(status, 'current.averageValue'))})` : unknown;
        w.write(1, `(as a percentage of request):\t${now} / ${target.averageUtilization === undefined ? '<auto>' : `${num(target.averageUtilization)}%`}\n`);
      }
      return;
    }
    case 'Pods': {
      const value = at(current, 'pods.current.averageValue');
      w.write(1, `"${str(at(metric, 'pods.metric.name'))}" on pods:\t${value === undefined ? unknown : quantity(value)} / ${quantity(at(metric, 'pods.target.averageValue'))}\n`);
      return;
    }
    case 'Object': {
      const object = obj(metric.object);
      w.write(1, `"${str(at(object, 'metric.name'))}" on ${str(at(object, 'describedObject.kind'))}/${str(at(object, 'describedObject.name'))} `);
      const average = at(object, 'target.type') === 'AverageValue';
      const value = at(current, average ? 'object.current.averageValue' : 'object.current.value');
      w.write(0, `(target ${average ? 'average value' : 'value'}):\t${value === undefined ? unknown : quantity(value)} / ${quantity(at(object, average ? 'target.averageValue' : 'target.value'))}\n`);
      return;
    }
    case 'External': {
      const external = obj(metric.external);
      const average = at(external, 'target.averageValue') !== undefined;
      const value = at(current, average ? 'external.current.averageValue' : 'external.current.value');
      w.write(1, `"${str(at(external, 'metric.name'))}" (target ${average ? 'average value' : 'value'}):\t${value === undefined ? unknown : quantity(value)} / ${quantity(at(external, average ? 'target.averageValue' : 'target.value'))}\n`);
      return;
    }
    default:
      w.write(1, `<unknown metric type ${JSON.stringify(str(metric.type))}>\n`);
  }
}

/** printDirectionBehavior. */
function describeBehavior(w: DescribeWriter, direction: string, rules: unknown): void {
  if (rules === undefined || rules === null) return;
  const r = obj(rules);
  w.write(1, `${direction}:\n`);
  if (r.stabilizationWindowSeconds !== undefined) w.write(2, `Stabilization Window: ${num(r.stabilizationWindowSeconds)} seconds\n`);
  const policies = arr(r.policies);
  if (policies.length === 0) return;
  w.write(2, `Select Policy: ${str(r.selectPolicy) || 'Max'}\n`);
  w.write(2, 'Policies:\n');
  for (const p of policies) w.write(3, `- Type: ${str(p.type)}\tValue: ${num(p.value)}\tPeriod: ${num(p.periodSeconds)} seconds\n`);
}

export function describeHorizontalPodAutoscaler(w: DescribeWriter, hpa: Json, events: readonly Json[] | undefined, now: number): void {
  const spec = obj(hpa.spec);
  const status = obj(hpa.status);
  w.write(0, `Name:\t${nameOf(hpa)}\n`);
  w.write(0, `Namespace:\t${str(meta(hpa).namespace)}\n`);
  writeLabels(w, 'Labels', meta(hpa).labels);
  writeAnnotations(w, 'Annotations', meta(hpa).annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta(hpa).creationTimestamp)}\n`);
  w.write(0, `Reference:\t${str(at(spec, 'scaleTargetRef.kind'))}/${str(at(spec, 'scaleTargetRef.name'))}\n`);
  w.write(0, 'Metrics:\t( current / target )\n');
  const currents = arr(status.currentMetrics);
  arr(spec.metrics).forEach((metric, i) => describeMetric(w, metric, currents[i]));
  w.write(0, `Min replicas:\t${spec.minReplicas === undefined ? '<unset>' : num(spec.minReplicas)}\n`);
  w.write(0, `Max replicas:\t${num(spec.maxReplicas)}\n`);
  if (spec.behavior !== undefined && spec.behavior !== null) {
    w.write(0, 'Behavior:\n');
    describeBehavior(w, 'Scale Up', at(spec, 'behavior.scaleUp'));
    describeBehavior(w, 'Scale Down', at(spec, 'behavior.scaleDown'));
  }
  w.write(0, `${str(at(spec, 'scaleTargetRef.kind'))} pods:\t`);
  w.write(0, `${num(status.currentReplicas)} current / ${num(status.desiredReplicas)} desired\n`);
  const conditions = arr(status.conditions);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tReason\tMessage\n');
    w.write(1, '----\t------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${str(c.type)}\t${str(c.status)}\t${str(c.reason)}\t${str(c.message)}\n`);
  }
  writeEvents(w, events, now);
}

export function describePodDisruptionBudget(w: DescribeWriter, pdb: Json, events: readonly Json[] | undefined, now: number): void {
  const spec = obj(pdb.spec);
  const status = obj(pdb.status);
  w.write(0, `Name:\t${nameOf(pdb)}\n`);
  w.write(0, `Namespace:\t${str(meta(pdb).namespace)}\n`);
  if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.write(0, `Min available:\t${intOrString(spec.minAvailable)}\n`);
  else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.write(0, `Max unavailable:\t${intOrString(spec.maxUnavailable)}\n`);
  w.write(0, `Selector:\t${spec.selector === undefined || spec.selector === null ? '<unset>' : formatLabelSelector(spec.selector)}\n`);
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${num(status.disruptionsAllowed)}\n`);
  w.write(2, `Current:\t${num(status.currentHealthy)}\n`);
  w.write(2, `Desired:\t${num(status.desiredHealthy)}\n`);
  w.write(2, `Total:\t${num(status.expectedPods)}\n`);
  writeEvents(w, events, now);
}

/** describeLimitRangeSpec: one row per resource of each item (names sorted where Go ranges over a map). */
export function writeLimitRangeRows(w: DescribeWriter, range: Json, prefix: string): void {
  for (const item of arr(at(range, 'spec.limits'))) {
    const columns = ['min', 'max', 'defaultRequest', 'default', 'maxLimitRequestRatio'].map((key) => obj(item[key]));
    const names = [...new Set(columns.flatMap((c) => Object.keys(c)))].sort(compareStrings);
    for (const name of names) {
      const cells = columns.map((c) => (c[name] === undefined ? '-' : quantity(c[name])));
      w.write(0, `${prefix}${str(item.type)}\t${name}\t${cells.join('\t')}\n`);
    }
  }
}

export function describeLimitRange(w: DescribeWriter, range: Json): void {
  w.write(0, `Name:\t${nameOf(range)}\n`);
  w.write(0, `Namespace:\t${str(meta(range).namespace)}\n`);
  w.write(0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  writeLimitRangeRows(w, range, '');
}

/** helpTextForResourceQuotaScope. */
export const SCOPE_HELP: Readonly<Record<string, string>> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/** describeQuota: a used quantity is shown in the format of its hard limit when they differ. */
function usedInHardFormat(used: unknown, hard: unknown): string {
  const u = parseQuantity(str(used) || '0');
  const h = parseQuantity(str(hard) || '0');
  if (!u.ok || !h.ok) return quantity(used);
  if (u.quantity.format === h.quantity.format) return formatQuantity(u.quantity);
  return formatQuantity({ nanos: integerValue(u.quantity) * 10n ** 9n, format: h.quantity.format });
}

export function describeResourceQuota(w: DescribeWriter, quota: Json): void {
  w.write(0, `Name:\t${nameOf(quota)}\n`);
  w.write(0, `Namespace:\t${str(meta(quota).namespace)}\n`);
  const scopes = strs(at(quota, 'spec.scopes')).sort(compareStrings);
  if (scopes.length > 0) {
    w.write(0, `Scopes:\t${scopes.join(', ')}\n`);
    for (const scope of scopes) if (SCOPE_HELP[scope]) w.write(0, ` * ${SCOPE_HELP[scope]}\n`);
  }
  w.write(0, 'Resource\tUsed\tHard\n');
  w.write(0, '--------\t----\t----\n');
  const hard = obj(at(quota, 'status.hard'));
  const used = obj(at(quota, 'status.used'));
  for (const name of Object.keys(hard).sort(compareStrings)) w.write(0, `${name}\t${usedInHardFormat(used[name], hard[name])}\t${quantity(hard[name])}\n`);
}
