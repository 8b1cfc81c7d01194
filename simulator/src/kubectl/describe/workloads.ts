/**
 * `kubectl describe deployment` and `kubectl describe replicaset` (describeDeployment,
 * describeReplicaSet in k8s.io/kubectl/pkg/describe, v1.30), with the ReplicaSet
 * bookkeeping of deploymentutil: which ReplicaSets a Deployment owns, which one is new.
 */
import { formatLabelSelector, matchesLabelSelector } from '../../store/selectors';
import { compareStrings } from '../../store/json';
import { parseTime, rfc1123z } from '../age';
import { arr, at, intOrString, isObj, meta, nameOf, num, obj, str, type Json } from '../fields';
import { describePodTemplate } from './containers';
import { controllerOf } from './pod';
import { type DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './writer';

/** labels.Selector.String() of a LabelSelector: `app=web`, '' when it selects everything. */
export function selectorString(selector: unknown): string {
  const text = formatLabelSelector(selector);
  return text === '<none>' ? '' : text;
}

/** True when `owner` is the controller of `object` (metav1.IsControlledBy). */
export function isControlledBy(object: Json, owner: Json): boolean {
  const uid = str(meta(owner).uid);
  return arr(meta(object).ownerReferences).some((r) => r.controller === true && str(r.uid) === uid && uid !== '');
}

/** apiequality.Semantic.DeepEqual on JSON: empty maps and lists equal absent ones. */
function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown): boolean => v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0);
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => semanticEqual(item, b[i]));
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!semanticEqual(a[key], b[key])) return false;
    return true;
  }
  return a === b;
}

/** EqualIgnoreHash: pod templates equal once the pod-template-hash label is removed. */
function equalIgnoreHash(a: unknown, b: unknown): boolean {
  const strip = (template: unknown): Json => {
    const copy = { ...obj(template) };
    const metadata = { ...obj(copy.metadata) };
    const labels = { ...obj(metadata.labels) };
    delete labels['pod-template-hash'];
    metadata.labels = labels;
    copy.metadata = metadata;
    return copy;
  };
  return semanticEqual(strip(a), strip(b));
}

/**
 * deploymentutil.GetAllReplicaSets: the ReplicaSets the Deployment controls, oldest first;
 * the new one is the first whose template equals the Deployment's (ignoring the hash).
 */
export function splitReplicaSets(deployment: Json, replicaSets: readonly Json[]): { oldRSs: Json[]; newRS: Json | undefined } {
  const owned = replicaSets
    .filter((rs) => isControlledBy(rs, deployment) && matchesLabelSelector(at(deployment, 'spec.selector'), obj(meta(rs).labels) as Record<string, string>))
    .sort((a, b) => (parseTime(meta(a).creationTimestamp) ?? 0) - (parseTime(meta(b).creationTimestamp) ?? 0) || compareStrings(nameOf(a), nameOf(b)));
  const newRS = owned.find((rs) => equalIgnoreHash(at(rs, 'spec.template'), at(deployment, 'spec.template')));
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}

function replicaSetsText(list: Json[]): string {
  const text = list.map((rs) => `${nameOf(rs)} (${num(at(rs, 'status.replicas'))}/${num(at(rs, 'spec.replicas'))} replicas created)`).join(', ');
  return text === '' ? '<none>' : text;
}

export function describeDeployment(w: DescribeWriter, d: Json, replicaSets: readonly Json[], events: readonly Json[] | undefined, now: number): void {
  const spec = obj(d.spec);
  const status = obj(d.status);
  w.write(0, `Name:\t${nameOf(d)}\n`);
  w.write(0, `Namespace:\t${str(meta(d).namespace)}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta(d).creationTimestamp)}\n`);
  writeLabels(w, 'Labels', meta(d).labels);
  writeAnnotations(w, 'Annotations', meta(d).annotations);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${num(spec.replicas)} desired | ${num(status.updatedReplicas)} updated | ${num(status.replicas)} total | ${num(status.availableReplicas)} available | ${num(status.unavailableReplicas)} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${str(at(spec, 'strategy.type'))}\n`);
  w.write(0, `MinReadySeconds:\t${num(spec.minReadySeconds)}\n`);
  const rolling = at(spec, 'strategy.rollingUpdate');
  if (rolling) {
    w.write(0, `RollingUpdateStrategy:\t${intOrString(obj(rolling).maxUnavailable)} max unavailable, ${intOrString(obj(rolling).maxSurge)} max surge\n`);
  }
  describePodTemplate(w, spec.template);
  writeConditions(w, arr(status.conditions));
  const { oldRSs, newRS } = splitReplicaSets(d, replicaSets);
  if (oldRSs.length > 0 || newRS) {
    w.write(0, `OldReplicaSets:\t${replicaSetsText(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsText(newRS ? [newRS] : [])}\n`);
  }
  writeEvents(w, events, now);
}

function writeConditions(w: DescribeWriter, conditions: Json[]): void {
  if (conditions.length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of conditions) w.write(1, `${str(c.type)} \t${str(c.status)}\t${str(c.reason)}\n`);
}

/** getPodStatusForController: pods the controller owns, counted by phase. */
export function podPhaseCounts(owner: Json, pods: readonly Json[]): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of pods) {
    if (!isControlledBy(pod, owner)) continue;
    if (!matchesLabelSelector(at(owner, 'spec.selector'), obj(meta(pod).labels) as Record<string, string>)) continue;
    const phase = str(at(pod, 'status.phase'));
    if (phase in counts) counts[phase as keyof typeof counts]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

export function describeReplicaSet(w: DescribeWriter, rs: Json, pods: readonly Json[], events: readonly Json[] | undefined, now: number): void {
  const spec = obj(rs.spec);
  w.write(0, `Name:\t${nameOf(rs)}\n`);
  w.write(0, `Namespace:\t${str(meta(rs).namespace)}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
  writeLabels(w, 'Labels', meta(rs).labels);
  writeAnnotations(w, 'Annotations', meta(rs).annotations);
  const controller = controllerOf(rs);
  if (controller !== '') w.write(0, `Controlled By:\t${controller}\n`);
  w.write(0, `Replicas:\t${num(at(rs, 'status.replicas'))} current / ${num(spec.replicas)} desired\n`);
  w.write(0, 'Pods Status:\t');
  w.write(0, `${podPhaseCounts(rs, pods)}\n`);
  describePodTemplate(w, spec.template);
  writeConditions(w, arr(at(rs, 'status.conditions')));
  writeEvents(w, events, now);
}
