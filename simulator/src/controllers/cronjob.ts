/**
 * The CronJob controller (kube-controller-manager's `cronjob` controller v2, v1.30,
 * `cronjob-controller`): on the simulated clock, creates a Job named
 * `<cronjob>-<scheduled minutes since the epoch>` at each schedule time (the most recent
 * missed one after a gap, unless past startingDeadlineSeconds), applies concurrencyPolicy
 * (Allow, Forbid, Replace) and suspend, tracks status.active, lastScheduleTime and
 * lastSuccessfulTime, and deletes finished Jobs beyond the history limits. It looks again
 * 100 ms after the next schedule time, as upstream requeues.
 */
import { kindInfo } from '../api/catalog';
import { formatTimestamp } from '../clock';
import { deepEqual, isJsonObject, type JsonObject } from '../store/json';
import type { KubeObject, WatchEvent } from '../store/store';
import { newControllerRef, OwnershipIndex } from './deployment/ownership';
import { isBeingDeleted, metaOf, nameOf, parseTime, specOf, statusOf, text, uidOf } from './deployment/pods';
import { finishedCondition } from './job/status';
import { formatInZone, parseSchedule, timeZoneError } from './cronjob/schedule';
import { jobName, mostRecentScheduleTime, nextScheduleDelay, rfc1123z } from './cronjob/times';
import { keyOf, splitKey, type Action, type Controller, type Reader, type ReconcileResult, type Trigger } from './types';

const CRONJOBS = kindInfo('batch/v1', 'CronJob')!;
const JOBS = kindInfo('batch/v1', 'Job')!;
const COMPONENT = 'cronjob-controller';
/** batch.kubernetes.io/cronjob-scheduled-timestamp (CronJobsScheduledAnnotation, beta and on in v1.30). */
const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

type Ref = JsonObject & { name?: string; uid?: string };

interface Sync {
  cronJob: KubeObject;
  namespace: string;
  actions: Action[];
  active: Ref[];
  status: JsonObject;
}

/** Creates a CronJob controller (one per cluster runtime: it indexes Jobs by their CronJob). */
export function createCronJobController(): Controller {
  const jobs = new OwnershipIndex();
  const jobTrigger: Trigger = {
    info: JOBS,
    keys(event: WatchEvent) {
      const { before, after } = jobs.observe(event);
      const namespace = text(metaOf(event.object).namespace);
      return [...new Set([before, after].filter((ref) => ref?.kind === 'CronJob').map((ref) => `${namespace}/${ref!.name}`))];
    },
  };
  const cronJobTrigger: Trigger = { info: CRONJOBS, keys: (event) => [keyOf(event.object)] };
  return {
    name: COMPONENT,
    triggers: [cronJobTrigger, jobTrigger],
    reconcile(key, reader) {
      const { namespace, name } = splitKey(key);
      const cronJob = reader.get(CRONJOBS, namespace, name);
      if (!cronJob) return { actions: [] };
      const owned = jobs
        .ownedBy(namespace, uidOf(cronJob))
        .map((jobName) => reader.get(JOBS, namespace, jobName))
        .filter((job): job is KubeObject => job !== undefined);
      return syncCronJob(cronJob, owned, reader);
    },
  };
}

function event(sync: Sync, reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal'): void {
  sync.actions.push({ type: 'event', event: { involved: sync.cronJob, type, reason, message, component: COMPONENT } });
}

/** Mirrors sync: syncCronJob, then cleanupFinishedJobs, then one status update. */
function syncCronJob(cronJob: KubeObject, jobs: KubeObject[], reader: Reader): ReconcileResult {
  const status = { ...statusOf(cronJob) };
  const sync: Sync = {
    cronJob,
    namespace: text(metaOf(cronJob).namespace),
    actions: [],
    active: Array.isArray(status.active) ? (status.active.filter(isJsonObject) as Ref[]).map((ref) => ({ ...ref })) : [],
    status,
  };
  reconcileJobs(sync, jobs, reader);
  const requeueAfter = isBeingDeleted(cronJob) ? undefined : schedule(sync, reader);
  cleanupFinishedJobs(sync, jobs);
  if (sync.active.length > 0) status.active = sync.active;
  else delete status.active;
  const next = orderStatus(status);
  if (!deepEqual(next, cronJob.status ?? {})) sync.actions.push({ type: 'updateStatus', object: { ...cronJob, status: next } });
  return requeueAfter === undefined ? { actions: sync.actions } : { actions: sync.actions, requeueAfter };
}

const orderStatus = (status: JsonObject): JsonObject => {
  const out: JsonObject = {};
  for (const field of ['active', 'lastScheduleTime', 'lastSuccessfulTime']) if (status[field] !== undefined) out[field] = status[field];
  return out;
};

/** The active entry for a Job: by uid, or by name while its uid is not known yet. */
const findRef = (sync: Sync, job: KubeObject): Ref | undefined =>
  sync.active.find((ref) => (ref.uid ? ref.uid === uidOf(job) : ref.name === nameOf(job)));

/** Mirrors the first half of syncCronJob: the Jobs it owns against status.active. */
function reconcileJobs(sync: Sync, jobs: KubeObject[], reader: Reader): void {
  for (const job of jobs) {
    const ref = findRef(sync, job);
    const finished = finishedCondition(job);
    if (ref && !ref.uid) {
      // The Job was created by the previous sync: its reference gets the uid the API server gave it.
      Object.assign(ref, { uid: uidOf(job), apiVersion: 'batch/v1', resourceVersion: text(metaOf(job).resourceVersion) });
    }
    if (!ref && !finished) {
      event(sync, 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${nameOf(job)}`, 'Warning');
    } else if (ref && finished) {
      sync.active = sync.active.filter((candidate) => candidate !== ref);
      event(sync, 'SawCompletedJob', `Saw completed job: ${nameOf(job)}, condition: ${finished.type}`);
    } else if (finished) {
      // A finished Job need not be active: its completion time still counts.
      const completed = statusOf(job).completionTime;
      const last = sync.status.lastSuccessfulTime;
      if (last === undefined || (typeof completed === 'string' && parseTime(completed) > parseTime(last))) {
        if (completed === undefined) delete sync.status.lastSuccessfulTime;
        else sync.status.lastSuccessfulTime = completed;
      }
    }
  }
  // An active reference whose Job is gone is dropped (else the CronJob would look busy forever).
  for (const ref of [...sync.active]) {
    if (jobs.some((job) => (ref.uid ? uidOf(job) === ref.uid : nameOf(job) === ref.name))) continue;
    if (reader.get(JOBS, sync.namespace, text(ref.name))) continue;
    event(sync, 'MissingJob', `Active job went missing: ${text(ref.name)}`);
    sync.active = sync.active.filter((candidate) => candidate !== ref);
  }
}

/** Mirrors the second half of syncCronJob: is a Job due now? Returns when to look again. */
function schedule(sync: Sync, reader: Reader): number | undefined {
  const { cronJob } = sync;
  const spec = specOf(cronJob);
  const timeZone = typeof spec.timeZone === 'string' ? spec.timeZone : undefined;
  if (timeZone !== undefined) {
    const error = timeZoneError(timeZone);
    if (error) {
      event(sync, 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(timeZone)}: ${error}`, 'Warning');
      return undefined;
    }
  }
  if (spec.suspend === true) return undefined;
  const parsed = parseSchedule(text(spec.schedule), timeZone);
  if (!parsed.ok) {
    event(sync, 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(text(spec.schedule))} : ${parsed.error}`, 'Warning');
    return undefined;
  }
  const now = reader.now();
  const current = { ...cronJob, status: sync.status };
  const { mostRecent, missed, error } = mostRecentScheduleTime(current, now, parsed.schedule, true);
  if (error !== undefined) {
    event(sync, 'InvalidSchedule', `invalid schedule: ${text(spec.schedule)} : ${error}`, 'Warning');
    return undefined;
  }
  const later = (): number | undefined => nextScheduleDelay({ ...cronJob, status: sync.status }, now, parsed.schedule);
  if (mostRecent === undefined || mostRecent > now) return later();
  if (missed === 'many') event(sync, 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew', 'Warning');
  const deadline = spec.startingDeadlineSeconds;
  if (typeof deadline === 'number' && mostRecent + deadline * 1000 < now) {
    event(sync, 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(mostRecent)}`, 'Warning');
    return later();
  }
  const name = jobName(nameOf(cronJob), mostRecent);
  const lastSchedule = sync.status.lastScheduleTime;
  if (sync.active.some((ref) => ref.name === name) || (typeof lastSchedule === 'string' && parseTime(lastSchedule) === Math.floor(mostRecent / 1000) * 1000)) return later();
  if (spec.concurrencyPolicy === 'Forbid' && sync.active.length > 0) {
    event(sync, 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
    return later();
  }
  if (spec.concurrencyPolicy === 'Replace') {
    for (const ref of [...sync.active]) {
      const job = reader.get(JOBS, sync.namespace, text(ref.name));
      if (job) deleteJob(sync, job);
    }
  }
  if (reader.get(JOBS, sync.namespace, name)) return later(); // Mirrors IsAlreadyExists: another actor made it.
  sync.actions.push({ type: 'create', object: jobFromTemplate(cronJob, name, mostRecent, timeZone ?? '') });
  event(sync, 'SuccessfulCreate', `Created job ${name}`);
  sync.active.push({ kind: 'Job', namespace: sync.namespace, name });
  sync.status.lastScheduleTime = formatTimestamp(mostRecent);
  return later();
}

/** Mirrors getJobFromTemplate2: the template's labels, annotations and spec, the scheduled time, a controller reference. */
function jobFromTemplate(cronJob: KubeObject, name: string, scheduled: number, timeZone: string): KubeObject {
  const template = isJsonObject(specOf(cronJob).jobTemplate) ? (specOf(cronJob).jobTemplate as JsonObject) : {};
  const templateMeta = isJsonObject(template.metadata) ? template.metadata : {};
  const metadata: JsonObject = { name, namespace: metaOf(cronJob).namespace };
  if (isJsonObject(templateMeta.labels) && Object.keys(templateMeta.labels).length > 0) metadata.labels = { ...templateMeta.labels };
  metadata.annotations = { ...(isJsonObject(templateMeta.annotations) ? templateMeta.annotations : {}), [SCHEDULED_TIMESTAMP]: formatInZone(scheduled, timeZone) };
  metadata.ownerReferences = [newControllerRef(cronJob)];
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: isJsonObject(template.spec) ? template.spec : {} };
}

/** Mirrors deleteJob: Background propagation, out of the active list, a SuccessfulDelete event. */
function deleteJob(sync: Sync, job: KubeObject): void {
  sync.actions.push({ type: 'delete', info: JOBS, namespace: sync.namespace, name: nameOf(job), options: { propagationPolicy: 'Background' } });
  sync.active = sync.active.filter((ref) => (ref.uid ? ref.uid !== uidOf(job) : ref.name !== nameOf(job)));
  event(sync, 'SuccessfulDelete', `Deleted job ${nameOf(job)}`);
}

/** Mirrors byJobStartTime: by status.startTime (none last), then by name. */
function byStartTime(a: KubeObject, b: KubeObject): number {
  const ta = statusOf(a).startTime;
  const tb = statusOf(b).startTime;
  if (ta === undefined && tb !== undefined) return 1;
  if (ta !== undefined && tb === undefined) return -1;
  const diff = parseTime(ta) - parseTime(tb);
  return diff !== 0 ? diff : nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0;
}

/** Mirrors cleanupFinishedJobs: the oldest finished Jobs beyond each history limit go. */
function cleanupFinishedJobs(sync: Sync, jobs: KubeObject[]): void {
  const spec = specOf(sync.cronJob);
  const limits: [string, unknown][] = [['Complete', spec.successfulJobsHistoryLimit], ['Failed', spec.failedJobsHistoryLimit]];
  for (const [type, limit] of limits) {
    if (typeof limit !== 'number') continue;
    const finished = jobs.filter((job) => finishedCondition(job)?.type === type && !isBeingDeleted(job)).sort(byStartTime);
    for (const job of finished.slice(0, Math.max(0, finished.length - limit))) deleteJob(sync, job);
  }
}

