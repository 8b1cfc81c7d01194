/**
 * What the Job controller asks of its Pods (pkg/controller/job, v1.30): which are active,
 * finished, counted as failed, when they finished, which completion index they hold; and
 * the Pods it creates from the Job's template (generated names, the tracking finalizer, the
 * completion index annotation, label, hostname and JOB_COMPLETION_INDEX variable).
 */
import { isJsonObject, type JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { newControllerRef } from '../deployment/ownership';
import { isBeingDeleted, metaOf, nameOf, namespaceOf, parseTime, specOf, statusOf, text } from '../deployment/pods';
import type { Reader } from '../types';
import { kindInfo } from '../../api/catalog';

const PODS = kindInfo('v1', 'Pod')!;

/** batch.kubernetes.io/job-tracking: the Job controller counts a finished Pod, then removes it. */
export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** The annotation (and, with PodIndexLabel on in v1.30, the label) holding an Indexed Job Pod's index. */
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
/** SimpleNameGenerator: a base longer than 58 characters is cut so that base + 5 fits 63. */
const MAX_GENERATED_BASE = 58;

const list = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);

export const phaseOf = (pod: JsonObject): string => text(statusOf(pod).phase);
export const hasTrackingFinalizer = (pod: JsonObject): boolean => Array.isArray(metaOf(pod).finalizers) && (metaOf(pod).finalizers as unknown[]).includes(TRACKING_FINALIZER);

/** Mirrors onlyReplaceFailedPods: podReplacementPolicy Failed, or a pod failure policy. */
export function onlyReplaceFailedPods(job: JsonObject): boolean {
  return specOf(job).podReplacementPolicy === 'Failed' || isJsonObject(specOf(job).podFailurePolicy);
}

/**
 * Mirrors isPodFailed: phase Failed; or, unless only failed Pods are replaced, a Pod being
 * deleted before it succeeded (an orphan never gets the chance to reach Failed).
 */
export function isPodFailed(pod: JsonObject, job: JsonObject): boolean {
  if (phaseOf(pod) === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return isBeingDeleted(pod) && phaseOf(pod) !== 'Succeeded';
}

/** Being deleted and not finished: what status.terminating counts. */
export const isTerminating = (pod: JsonObject): boolean => isBeingDeleted(pod) && phaseOf(pod) !== 'Succeeded' && phaseOf(pod) !== 'Failed';

/**
 * Mirrors getFinishedTime (backoff_utils.go): the last container's finishedAt, else the
 * Ready=False transition, else the deletion time minus the grace period, else the creation.
 */
export function finishedTime(pod: JsonObject): number {
  const statuses = list(statusOf(pod).containerStatuses);
  let latest: number | undefined;
  for (const status of statuses) {
    const terminated = isJsonObject(status.state) && isJsonObject(status.state.terminated) ? status.state.terminated : undefined;
    const at = parseTime(terminated?.finishedAt);
    if (at === 0) {
      latest = undefined;
      break;
    }
    latest = Math.max(latest ?? 0, at);
  }
  if (latest !== undefined && statuses.length > 0) return latest;
  const ready = list(statusOf(pod).conditions).find((condition) => condition.type === 'Ready');
  if (ready?.status === 'False' && parseTime(ready.lastTransitionTime) !== 0) return parseTime(ready.lastTransitionTime);
  const meta = metaOf(pod);
  if (isBeingDeleted(pod)) return parseTime(meta.deletionTimestamp) - Number(meta.deletionGracePeriodSeconds ?? 0) * 1000;
  return parseTime(meta.creationTimestamp);
}

/** Mirrors getCompletionIndex: the annotation as a non-negative integer, or -1. */
export function completionIndex(pod: JsonObject): number {
  const annotations = isJsonObject(metaOf(pod).annotations) ? (metaOf(pod).annotations as JsonObject) : {};
  const value = annotations[COMPLETION_INDEX];
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return -1;
  const index = Number(value);
  return Number.isSafeInteger(index) ? index : -1;
}

/** Mirrors podGenerateNameWithIndex: `<job>-<index>-`, the Job name cut so that it fits. */
export function generateNameFor(job: JsonObject, index: number): string {
  const appendix = index >= 0 ? `-${index}-` : '-';
  let base = nameOf(job);
  if (base.length + appendix.length > MAX_GENERATED_BASE) base = base.slice(0, MAX_GENERATED_BASE - appendix.length);
  return base + appendix;
}

/**
 * The name the API server would generate from `generateName`, drawn from the cluster's
 * seeded Random so that the SuccessfulCreate event can name the Pod (the Pod keeps its
 * generateName, as a real one does).
 */
export function generatePodName(reader: Reader, namespace: string, generateName: string, taken: Set<string>): string {
  let name = generateName + reader.random.nameSuffix();
  for (let attempt = 1; attempt < 8 && (taken.has(name) || reader.get(PODS, namespace, name)); attempt++) name = generateName + reader.random.nameSuffix();
  taken.add(name);
  return name;
}

/** Mirrors addCompletionIndexEnvVariables: JOB_COMPLETION_INDEX from the annotation, in every container. */
function withIndexEnv(containers: unknown): unknown {
  if (!Array.isArray(containers)) return containers;
  return containers.map((container: unknown) => {
    if (!isJsonObject(container)) return container;
    const env = list(container.env);
    if (env.some((variable) => variable.name === 'JOB_COMPLETION_INDEX')) return container;
    const variable = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } };
    return { ...container, env: [...env, variable] };
  });
}

/**
 * Mirrors GetPodFromTemplate plus what manageJob adds: the template's labels, annotations
 * and finalizers with the tracking finalizer, a controller reference, and for an Indexed
 * Job the completion index (annotation, label, hostname `<job>-<index>`, environment).
 */
export function podFromTemplate(job: KubeObject, name: string, generateName: string, index: number): KubeObject {
  const template = isJsonObject(specOf(job).template) ? (specOf(job).template as JsonObject) : {};
  const templateMeta = isJsonObject(template.metadata) ? template.metadata : {};
  const metadata: JsonObject = { name, generateName, namespace: namespaceOf(job) };
  const labels: JsonObject = isJsonObject(templateMeta.labels) ? { ...templateMeta.labels } : {};
  const annotations: JsonObject = isJsonObject(templateMeta.annotations) ? { ...templateMeta.annotations } : {};
  let spec: JsonObject = isJsonObject(template.spec) ? { ...template.spec } : {};
  if (index >= 0) {
    annotations[COMPLETION_INDEX] = String(index);
    labels[COMPLETION_INDEX] = String(index);
    spec = { ...spec, hostname: `${nameOf(job)}-${index}`, containers: withIndexEnv(spec.containers) };
    if (spec.initContainers !== undefined) spec.initContainers = withIndexEnv(spec.initContainers);
  }
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  const finalizers = Array.isArray(templateMeta.finalizers) ? (templateMeta.finalizers as unknown[]).filter((f) => f !== TRACKING_FINALIZER) : [];
  metadata.finalizers = [...finalizers, TRACKING_FINALIZER];
  metadata.ownerReferences = [newControllerRef(job)];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/** The merge patch that removes the tracking finalizer (and keeps the others). */
export function removeFinalizerPatch(pod: JsonObject): JsonObject {
  const kept = (metaOf(pod).finalizers as unknown[]).filter((f) => f !== TRACKING_FINALIZER);
  return { metadata: { finalizers: kept.length > 0 ? kept : null } };
}

/**
 * Mirrors pastBackoffLimitOnFailure: under restartPolicy OnFailure, the container restarts
 * of the Pending and Running Pods reach the backoff limit (any restart when it is 0).
 */
export function pastBackoffLimitOnFailure(job: JsonObject, pods: readonly JsonObject[]): boolean {
  const template = isJsonObject(specOf(job).template) ? (specOf(job).template as JsonObject) : {};
  if (specOf(template).restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of pods) {
    const phase = phaseOf(pod);
    if (phase !== 'Running' && phase !== 'Pending') continue;
    for (const status of [...list(statusOf(pod).initContainerStatuses), ...list(statusOf(pod).containerStatuses)]) restarts += Number(status.restartCount ?? 0);
  }
  const limit = Number(specOf(job).backoffLimit ?? 6);
  return limit === 0 ? restarts > 0 : restarts >= limit;
}
