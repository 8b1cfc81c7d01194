/**
 * batch/v1 defaults: Job and CronJob, and the selector the Job registry generates.
 */
import type { KubeObject } from '../validation/rule';
import { defaultPodTemplate, defaultTemplateMetadata } from './pod';
import { deepCopy, ensureObj, isEmpty, isNil, jsonEqual, objAt, objsAt, setIfNil, setIfZero, type Obj } from './util';

/** math.MaxInt32: with a per-index backoff limit, the global one no longer applies. */
const MAX_INT32 = 2_147_483_647;

/** The labels the Job registry puts on a Job's pods (pkg/apis/batch/types.go). */
export const JOB_LABELS = {
  legacyJobName: 'job-name',
  jobName: 'batch.kubernetes.io/job-name',
  legacyControllerUid: 'controller-uid',
  controllerUid: 'batch.kubernetes.io/controller-uid',
} as const;

function templateLabels(job: Obj): Obj | undefined {
  return objAt(objAt(objAt(objAt(job, 'spec'), 'template'), 'metadata'), 'labels');
}

/**
 * Mirrors SetDefaults_Job (pkg/apis/batch/v1/defaults.go) with v1.30's default feature
 * gates (JobPodReplacementPolicy and JobBackoffLimitPerIndex on). A single-pod Job gets
 * completions = parallelism = 1; a Job without labels takes its template's.
 */
export function defaultJob(job: Obj): void {
  const spec = ensureObj(job, 'spec');
  if (spec === undefined) return;
  if (isNil(spec.completions) && isNil(spec.parallelism)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setIfNil(spec, 'parallelism', 1);
  setIfNil(spec, 'backoffLimit', isNil(spec.backoffLimitPerIndex) ? 6 : MAX_INT32);
  const labels = templateLabels(job);
  const metadata = ensureObj(job, 'metadata');
  // Upstream assigns the template's map (`labels != nil`); an empty one would not be
  // serialized (omitempty), so only a non-empty map is worth copying.
  if (metadata !== undefined && !isEmpty(labels) && isEmpty(metadata.labels)) metadata.labels = deepCopy(labels);
  setIfNil(spec, 'completionMode', 'NonIndexed');
  setIfNil(spec, 'suspend', false);
  const podFailurePolicy = objAt(spec, 'podFailurePolicy');
  for (const rule of objsAt(podFailurePolicy, 'rules')) {
    for (const pattern of objsAt(rule, 'onPodConditions')) setIfZero(pattern, 'status', 'True');
  }
  // With a pod failure policy, a pod is replaced only once it has failed for good.
  setIfNil(spec, 'podReplacementPolicy', podFailurePolicy === undefined ? 'TerminatingOrFailed' : 'Failed');
  setIfNil(spec, 'manualSelector', false);
  defaultPodTemplate(objAt(spec, 'template'));
}

/**
 * Mirrors SetDefaults_CronJob (pkg/apis/batch/v1/defaults.go). The job template's spec
 * gets no Job defaults (those apply when the controller creates each Job), only the pod
 * template's; both templates' metadata show `creationTimestamp: null`.
 */
export function defaultCronJob(cronJob: Obj): void {
  const spec = ensureObj(cronJob, 'spec');
  if (spec === undefined) return;
  setIfZero(spec, 'concurrencyPolicy', 'Allow');
  setIfNil(spec, 'suspend', false);
  setIfNil(spec, 'successfulJobsHistoryLimit', 3);
  setIfNil(spec, 'failedJobsHistoryLimit', 1);
  const jobTemplate = objAt(spec, 'jobTemplate');
  defaultTemplateMetadata(jobTemplate);
  defaultPodTemplate(objAt(objAt(jobTemplate, 'spec'), 'template'));
}

/**
 * The selector and pod labels the Job registry generates on create, which need the uid
 * the store assigns: call it after `applyDefaults`, once the name and uid are set. Returns a
 * new object; the input is not modified. Nothing happens with `manualSelector: true`.
 *
 * Mirrors generateSelector (pkg/registry/batch/job/strategy.go): labels the user already
 * set are kept (validation then reports a mismatch), and the selector matches on
 * `batch.kubernetes.io/controller-uid` only. When the Job's own labels were taken from
 * its template (or are empty), they follow the template, as a real API server shows them:
 * upstream shares one map between the two, or re-applies SetDefaults_Job when reading.
 */
export function applyJobSelector(job: KubeObject, uid: string): KubeObject {
  const result = deepCopy(job);
  const spec = objAt(result, 'spec');
  if (spec === undefined || spec.manualSelector === true) return result;
  const template = ensureObj(spec, 'template');
  const templateMeta = ensureObj(template, 'metadata');
  const before = deepCopy(objAt(templateMeta, 'labels'));
  const labels = ensureObj(templateMeta, 'labels');
  if (labels === undefined) return result;
  const jobName = objAt(result, 'metadata')?.name;
  const name = typeof jobName === 'string' ? jobName : '';
  setIfNil(labels, JOB_LABELS.legacyJobName, name);
  setIfNil(labels, JOB_LABELS.jobName, name);
  setIfNil(labels, JOB_LABELS.legacyControllerUid, uid);
  setIfNil(labels, JOB_LABELS.controllerUid, uid);
  const matchLabels = ensureObj(ensureObj(spec, 'selector'), 'matchLabels');
  setIfNil(matchLabels, JOB_LABELS.controllerUid, uid);

  const metadata = ensureObj(result, 'metadata');
  if (metadata !== undefined && (isEmpty(metadata.labels) || jsonEqual(metadata.labels, before))) {
    metadata.labels = deepCopy(labels);
  }
  return result;
}
