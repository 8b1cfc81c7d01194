/**
 * `kubectl describe statefulset|daemonset|job|cronjob` (describeStatefulSet,
 * describeDaemonSet, describeJob, describeCronJob in k8s.io/kubectl/pkg/describe, v1.30).
 */
import { canonicalQuantity } from '../../api/quantity';
import { humanDuration, parseTime, rfc1123z } from '../age';
import { arr, at, formatLabels, intOrString, meta, nameOf, num, obj, str, strs, type Json } from '../fields';
import { describePodTemplate } from './containers';
import { controllerOf } from './pod';
import { podPhaseCounts, selectorString } from './workloads';
import { type DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './writer';

const replicas = (object: Json): number => (at(object, 'spec.replicas') === undefined ? 1 : num(at(object, 'spec.replicas')));

/** storageutil.GetPersistentVolumeClaimClass: spec.storageClassName, else the beta annotation. */
export function claimClass(claim: Json): string {
  const fromSpec = at(claim, 'spec.storageClassName');
  if (typeof fromSpec === 'string') return fromSpec;
  return str(obj(meta(claim).annotations)['volume.beta.kubernetes.io/storage-class']);
}

/** describeVolumeClaimTemplates. */
function describeClaimTemplates(w: DescribeWriter, templates: Json[]): void {
  if (templates.length === 0) return w.write(0, 'Volume Claims:\t<none>\n');
  w.write(0, 'Volume Claims:\n');
  for (const claim of templates) {
    w.write(1, `Name:\t${nameOf(claim)}\n`);
    w.write(1, `StorageClass:\t${claimClass(claim)}\n`);
    writeLabels(w, 'Labels', meta(claim).labels, '  ');
    writeLabels(w, 'Annotations', meta(claim).annotations, '  ');
    const storage = at(claim, 'spec.resources.requests.storage');
    w.write(1, `Capacity:\t${storage === undefined ? '<default>' : canonicalQuantity(storage)}\n`);
    w.write(1, `Access Modes:\t[${strs(at(claim, 'spec.accessModes')).join(' ')}]\n`);
  }
}

export function describeStatefulSet(w: DescribeWriter, set: Json, pods: readonly Json[], events: readonly Json[] | undefined, now: number): void {
  const spec = obj(set.spec);
  w.write(0, `Name:\t${nameOf(set)}\n`);
  w.write(0, `Namespace:\t${str(meta(set).namespace)}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta(set).creationTimestamp)}\n`);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  writeLabels(w, 'Labels', meta(set).labels);
  writeAnnotations(w, 'Annotations', meta(set).annotations);
  w.write(0, `Replicas:\t${replicas(set)} desired | ${num(at(set, 'status.replicas'))} total\n`);
  w.write(0, `Update Strategy:\t${str(at(spec, 'updateStrategy.type'))}\n`);
  const rolling = obj(at(spec, 'updateStrategy.rollingUpdate'));
  if (rolling.partition !== undefined) {
    w.write(1, `Partition:\t${num(rolling.partition)}\n`);
    if (rolling.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${intOrString(rolling.maxUnavailable)}\n`);
  }
  w.write(0, `Pods Status:\t${podPhaseCounts(set, pods)}\n`);
  describePodTemplate(w, spec.template);
  describeClaimTemplates(w, arr(spec.volumeClaimTemplates));
  writeEvents(w, events, now);
}

export function describeDaemonSet(w: DescribeWriter, daemon: Json, pods: readonly Json[], events: readonly Json[] | undefined, now: number): void {
  const spec = obj(daemon.spec);
  const status = obj(daemon.status);
  w.write(0, `Name:\t${nameOf(daemon)}\n`);
  w.write(0, `Namespace:\t${str(meta(daemon).namespace)}\n`);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(at(spec, 'template.spec.nodeSelector'))}\n`);
  writeLabels(w, 'Labels', meta(daemon).labels);
  writeAnnotations(w, 'Annotations', meta(daemon).annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${num(status.desiredNumberScheduled)}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${num(status.currentNumberScheduled)}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${num(status.updatedNumberScheduled)}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${num(status.numberAvailable)}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${num(status.numberMisscheduled)}\n`);
  w.write(0, `Pods Status:\t${podPhaseCounts(daemon, pods)}\n`);
  describePodTemplate(w, spec.template);
  writeEvents(w, events, now);
}

/** capIndexesListOrNone: the completed indexes, cut after the 50th character's list item. */
function capIndexes(indexes: string, softLimit = 50): string {
  if (indexes === '') return '<none>';
  const comma = indexes.indexOf(',', softLimit);
  return comma < 0 ? indexes : `${indexes.slice(0, comma + 1)}...`;
}

export function describeJob(w: DescribeWriter, job: Json, events: readonly Json[] | undefined, now: number): void {
  const spec = obj(job.spec);
  const status = obj(job.status);
  w.write(0, `Name:\t${nameOf(job)}\n`);
  w.write(0, `Namespace:\t${str(meta(job).namespace)}\n`);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  writeLabels(w, 'Labels', meta(job).labels);
  writeAnnotations(w, 'Annotations', meta(job).annotations);
  const controller = controllerOf(job);
  if (controller !== '') w.write(0, `Controlled By:\t${controller}\n`);
  if (spec.parallelism !== undefined) w.write(0, `Parallelism:\t${num(spec.parallelism)}\n`);
  w.write(0, `Completions:\t${spec.completions === undefined || spec.completions === null ? '<unset>' : num(spec.completions)}\n`);
  if (spec.completionMode !== undefined) w.write(0, `Completion Mode:\t${str(spec.completionMode)}\n`);
  if (spec.suspend !== undefined) w.write(0, `Suspend:\t${String(spec.suspend === true)}\n`);
  if (spec.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${num(spec.backoffLimit)}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(0, `TTL Seconds After Finished:\t${num(spec.ttlSecondsAfterFinished)}\n`);
  if (status.startTime !== undefined) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  if (status.completionTime !== undefined) w.write(0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
  const start = parseTime(status.startTime);
  const end = parseTime(status.completionTime);
  if (start !== undefined && end !== undefined) w.write(0, `Duration:\t${humanDuration(end - start)}\n`);
  if (spec.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${num(spec.activeDeadlineSeconds)}s\n`);
  const ready = status.ready === undefined ? '' : ` (${num(status.ready)} Ready)`;
  w.write(0, `Pods Statuses:\t${num(status.active)} Active${ready} / ${num(status.succeeded)} Succeeded / ${num(status.failed)} Failed\n`);
  if (spec.completionMode === 'Indexed') w.write(0, `Completed Indexes:\t${capIndexes(str(status.completedIndexes))}\n`);
  describePodTemplate(w, spec.template);
  writeEvents(w, events, now);
}

/** printBoolPtr: `True`, `False`, `<unset>`. */
const boolPtr = (value: unknown): string => (value === undefined || value === null ? '<unset>' : value === true ? 'True' : 'False');
const optional = (value: unknown, unit = ''): string => (value === undefined || value === null ? '<unset>' : `${num(value)}${unit}`);

export function describeCronJob(w: DescribeWriter, cronJob: Json, events: readonly Json[] | undefined, now: number): void {
  const spec = obj(cronJob.spec);
  w.write(0, `Name:\t${nameOf(cronJob)}\n`);
  w.write(0, `Namespace:\t${str(meta(cronJob).namespace)}\n`);
  writeLabels(w, 'Labels', meta(cronJob).labels);
  writeAnnotations(w, 'Annotations', meta(cronJob).annotations);
  w.write(0, `Schedule:\t${str(spec.schedule)}\n`);
  w.write(0, `Concurrency Policy:\t${str(spec.concurrencyPolicy)}\n`);
  w.write(0, `Suspend:\t${boolPtr(spec.suspend)}\n`);
  w.write(0, `Successful Job History Limit:\t${optional(spec.successfulJobsHistoryLimit)}\n`);
  w.write(0, `Failed Job History Limit:\t${optional(spec.failedJobsHistoryLimit)}\n`);
  w.write(0, `Starting Deadline Seconds:\t${optional(spec.startingDeadlineSeconds, 's')}\n`);
  // describeJobTemplate
  const jobSpec = obj(at(spec, 'jobTemplate.spec'));
  w.write(0, `Selector:\t${jobSpec.selector === undefined ? '<unset>' : selectorString(jobSpec.selector)}\n`);
  w.write(0, `Parallelism:\t${optional(jobSpec.parallelism)}\n`);
  w.write(0, `Completions:\t${optional(jobSpec.completions)}\n`);
  if (jobSpec.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${num(jobSpec.activeDeadlineSeconds)}s\n`);
  describePodTemplate(w, jobSpec.template);
  const last = at(cronJob, 'status.lastScheduleTime');
  w.write(0, `Last Schedule Time:\t${last === undefined ? '<unset>' : rfc1123z(last)}\n`);
  const active = arr(at(cronJob, 'status.active'));
  w.write(0, `Active Jobs:\t${active.length === 0 ? '<none>' : active.map((ref) => str(ref.name)).join(', ')}\n`);
  writeEvents(w, events, now);
}
