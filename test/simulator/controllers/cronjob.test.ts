import * as assert from 'node:assert/strict';
import { ManualClock, formatTimestamp } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createJobController } from '../../../simulator/src/controllers/job';
import { createCronJobController } from '../../../simulator/src/controllers/cronjob';
import { parseSchedule } from '../../../simulator/src/controllers/cronjob/schedule';
import { self, splitKey, type Controller } from '../../../simulator/src/controllers/types';

const PODS = kindInfo('v1', 'Pod')!;
const JOBS = kindInfo('batch/v1', 'Job')!;
const CRONJOBS = kindInfo('batch/v1', 'CronJob')!;
const EVENTS = kindInfo('v1', 'Event')!;
type Obj = Record<string, unknown>;
interface Meta {
  name: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  ownerReferences?: unknown[];
}
interface Status {
  phase?: string;
  startTime?: string;
  active: { name: string; uid?: string }[];
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
  [field: string]: unknown;
}
interface PodSpec {
  containers: { name: string; image: string }[];
}

const START = Date.UTC(2024, 0, 1);
const MINUTE = 60_000;
const meta = (object: KubeObject): Meta => object.metadata as Meta;
const status = (object: KubeObject): Status => (object.status ?? {}) as Status;
const iso = (ms: number): string => formatTimestamp(ms);

/** A stand-in kubelet: binds and runs each Pod; it succeeds after `runMs` (never when null). */
function kubelet(runMs: number | null): Controller {
  return {
    name: 'kubelet',
    triggers: [self(PODS)],
    reconcile(key, reader) {
      const { namespace, name } = splitKey(key);
      const pod = reader.get(PODS, namespace, name);
      if (!pod || meta(pod).deletionTimestamp || status(pod).phase === 'Succeeded') return { actions: [] };
      const now = iso(reader.now());
      const c = (pod.spec as PodSpec).containers[0]!;
      const base = { name: c.name, image: c.image, imageID: `${c.image}@sha256:0`, restartCount: 0 };
      if (status(pod).phase !== 'Running') {
        const running = { phase: 'Running', startTime: now, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }], containerStatuses: [{ ...base, ready: true, started: true, state: { running: { startedAt: now } } }] };
        return { actions: [{ type: 'updateStatus', object: { ...pod, spec: { ...(pod.spec as Obj), nodeName: 'node-1' }, status: running } }] };
      }
      if (runMs === null) return { actions: [] };
      const startedAt = String(status(pod).startTime);
      const due = Date.parse(startedAt) + runMs;
      if (reader.now() < due) return { actions: [], requeueAfter: due - reader.now() };
      const terminated = { exitCode: 0, reason: 'Completed', startedAt, finishedAt: now };
      const done = { phase: 'Succeeded', startTime: startedAt, conditions: [{ type: 'Ready', status: 'False', reason: 'PodCompleted', lastTransitionTime: now }], containerStatuses: [{ ...base, ready: false, started: false, state: { terminated } }] };
      return { actions: [{ type: 'updateStatus', object: { ...pod, status: done } }] };
    },
  };
}

function newCluster(runMs: number | null = 20_000, start = START) {
  const clock = new ManualClock(start);
  const store = new ObjectStore({ clock, random: createRandom(2), gracefulPodDeletion: false });
  const runtime = new ControllerRuntime(store, clock, [createCronJobController(), createJobController(), kubelet(runMs)]);
  return { clock, store, runtime };
}

function cronJob(spec: Obj = {}, name = 'hello'): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: {
      schedule: '* * * * *',
      ...spec,
      jobTemplate: {
        metadata: { labels: { app: 'hello' } },
        spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'hello', image: 'busybox:1.36', command: ['sh', '-c', 'date; echo Hello'] }] } } },
      },
    },
  };
}

const jobs = (store: ObjectStore): KubeObject[] => store.list(JOBS);
const jobNames = (store: ObjectStore): string[] => jobs(store).map((job) => String(meta(job).name));
const getCron = (store: ObjectStore, name = 'hello'): KubeObject => store.get(CRONJOBS, 'default', name);
const events = (store: ObjectStore, reason: string): string[] =>
  store
    .list(EVENTS)
    .filter((e) => e.reason === reason && (e.involvedObject as { kind?: string }).kind === 'CronJob')
    .map((e) => `${String(e.type)} ${String(e.reason)}: ${String(e.message)}`);
/** `hello-<minutes since the epoch>` for the minute `n` minutes after START. */
const nameAt = (n: number, base = 'hello'): string => `${base}-${(START + n * MINUTE) / MINUTE}`;

describe('simulator/controllers: CronJob schedules (robfig/cron)', () => {
  const nexts = (schedule: string, from: number, count: number, zone?: string): string[] => {
    const parsed = parseSchedule(schedule, zone);
    assert.ok(parsed.ok, schedule);
    const out: string[] = [];
    for (let t: number | undefined = from, i = 0; i < count && t !== undefined; i++) {
      t = parsed.schedule.next(t);
      if (t !== undefined) out.push(iso(t));
    }
    return out;
  };

  it('steps, ranges and lists', () => {
    assert.deepEqual(nexts('*/15 * * * *', START + 1000, 3), ['2024-01-01T00:15:00Z', '2024-01-01T00:30:00Z', '2024-01-01T00:45:00Z']);
    assert.deepEqual(nexts('5,10-11 3 * * *', START, 4), ['2024-01-01T03:05:00Z', '2024-01-01T03:10:00Z', '2024-01-01T03:11:00Z', '2024-01-02T03:05:00Z']);
    assert.deepEqual(nexts('0 0 * * *', START, 1), ['2024-01-02T00:00:00Z'], 'strictly after');
  });

  it('weekdays, months by name, and day-of-month OR day-of-week when neither is *', () => {
    // 2024-01-01 is a Monday.
    assert.deepEqual(nexts('30 9 * * mon-fri', Date.UTC(2024, 0, 5, 10), 2), ['2024-01-08T09:30:00Z', '2024-01-09T09:30:00Z']);
    assert.deepEqual(nexts('0 12 1 * 0', START, 3), ['2024-01-01T12:00:00Z', '2024-01-07T12:00:00Z', '2024-01-14T12:00:00Z']);
    assert.deepEqual(nexts('0 0 29 feb *', START, 2), ['2024-02-29T00:00:00Z', '2028-02-29T00:00:00Z']);
  });

  it('descriptors and @every', () => {
    assert.deepEqual(nexts('@hourly', START + 5 * MINUTE, 2), ['2024-01-01T01:00:00Z', '2024-01-01T02:00:00Z']);
    assert.deepEqual(nexts('@weekly', START, 1), ['2024-01-07T00:00:00Z']);
    assert.deepEqual(nexts('@yearly', START, 1), ['2025-01-01T00:00:00Z']);
    assert.deepEqual(nexts('@every 1h30m', START + 500, 2), ['2024-01-01T01:30:00Z', '2024-01-01T03:00:00Z']);
  });

  it('in a time zone, wall-clock time: 09:00 in Paris is 08:00Z in winter, 07:00Z in summer', () => {
    assert.deepEqual(nexts('0 9 * * *', START, 1, 'Europe/Paris'), ['2024-01-01T08:00:00Z']);
    assert.deepEqual(nexts('0 9 * * *', Date.UTC(2024, 6, 1), 1, 'Europe/Paris'), ['2024-07-01T07:00:00Z']);
  });

  it('never fires for a date that does not exist, and reports the parser error otherwise', () => {
    assert.deepEqual(nexts('0 0 30 2 *', START, 1), []);
    const bad = parseSchedule('61 * * * *');
    assert.equal(bad.ok ? '' : bad.error, 'end of range (61) above maximum (59): 61');
  });
});

describe('simulator/controllers: CronJob', () => {
  it('creates a Job at each schedule time, named after the scheduled minute, with the template and an owner', () => {
    const { store, runtime, clock } = newCluster();
    const createdVersion = new Map<string, unknown>();
    store.watch((e) => {
      if (e.type === 'ADDED' && e.object.kind === 'Job') createdVersion.set(String(meta(e.object).name), meta(e.object).resourceVersion);
    });
    clock.advance(30_000);
    const cj = store.create(cronJob());
    runtime.advance(30_000);
    assert.deepEqual(jobNames(store), [], 'the controller wakes 100 ms after the schedule time');
    runtime.advance(100);
    assert.deepEqual(jobNames(store), [nameAt(1)]);
    const job = jobs(store)[0]!;
    assert.equal(nameAt(1), 'hello-28401121');
    assert.equal(meta(job).creationTimestamp, '2024-01-01T00:01:00Z');
    assert.deepEqual(meta(job).annotations, { 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2024-01-01T00:01:00Z' });
    assert.equal(meta(job).labels.app, 'hello');
    assert.deepEqual(meta(job).ownerReferences, [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: meta(cj).uid, controller: true, blockOwnerDeletion: true }]);
    const created = String(createdVersion.get(nameAt(1)));
    assert.deepEqual(status(getCron(store)), {
      active: [{ kind: 'Job', namespace: 'default', name: nameAt(1), uid: meta(job).uid, apiVersion: 'batch/v1', resourceVersion: created }],
      lastScheduleTime: '2024-01-01T00:01:00Z',
    });
    assert.deepEqual(events(store, 'SuccessfulCreate'), [`Normal SuccessfulCreate: Created job ${nameAt(1)}`]);
    assert.equal(store.list(PODS).length, 1, 'the Job controller ran its Pod');
  });

  it('notices finished Jobs: SawCompletedJob, out of status.active, lastSuccessfulTime', () => {
    const { store, runtime } = newCluster(20_000);
    store.create(cronJob());
    runtime.advance(MINUTE + 30_000);
    const s = status(getCron(store));
    assert.equal(s.active, undefined);
    assert.equal(s.lastScheduleTime, '2024-01-01T00:01:00Z');
    assert.equal(s.lastSuccessfulTime, '2024-01-01T00:01:20Z');
    assert.deepEqual(events(store, 'SawCompletedJob'), [`Normal SawCompletedJob: Saw completed job: ${nameAt(1)}, condition: Complete`]);
  });

  it('keeps successfulJobsHistoryLimit finished Jobs, deleting the oldest (and their Pods)', () => {
    const { store, runtime } = newCluster(20_000);
    store.create(cronJob({ successfulJobsHistoryLimit: 2 }));
    runtime.advance(5 * MINUTE + 30_000);
    assert.deepEqual(jobNames(store), [nameAt(4), nameAt(5)]);
    assert.deepEqual(events(store, 'SuccessfulDelete'), [1, 2, 3].map((n) => `Normal SuccessfulDelete: Deleted job ${nameAt(n)}`));
    assert.equal(store.list(PODS).length, 2);
  });

  it('Allow runs Jobs side by side; Forbid skips a start while one runs; Replace deletes the running one', () => {
    const allow = newCluster(null);
    allow.store.create(cronJob());
    allow.runtime.advance(3 * MINUTE + 1000);
    assert.deepEqual(jobNames(allow.store), [nameAt(1), nameAt(2), nameAt(3)]);
    assert.equal(status(getCron(allow.store)).active.length, 3);

    const forbid = newCluster(null);
    forbid.store.create(cronJob({ concurrencyPolicy: 'Forbid' }));
    forbid.runtime.advance(3 * MINUTE + 1000);
    assert.deepEqual(jobNames(forbid.store), [nameAt(1)]);
    assert.deepEqual(events(forbid.store, 'JobAlreadyActive'), ['Normal JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid']);
    assert.equal(forbid.store.list(EVENTS).find((e) => e.reason === 'JobAlreadyActive')!.count, 2);

    const replace = newCluster(null);
    replace.store.create(cronJob({ concurrencyPolicy: 'Replace' }));
    replace.runtime.advance(3 * MINUTE + 1000);
    assert.deepEqual(jobNames(replace.store), [nameAt(3)]);
    assert.deepEqual(status(getCron(replace.store)).active.map((ref) => ref.name), [nameAt(3)]);
    assert.deepEqual(events(replace.store, 'SuccessfulDelete'), [1, 2].map((n) => `Normal SuccessfulDelete: Deleted job ${nameAt(n)}`));
    assert.equal(replace.store.list(PODS).length, 1);
  });

  it('creates nothing while suspended, and starts again when resumed', () => {
    const { store, runtime } = newCluster();
    store.create(cronJob({ suspend: true }));
    runtime.advance(5 * MINUTE);
    assert.deepEqual(jobNames(store), []);
    store.patch(CRONJOBS, 'default', 'hello', { spec: { suspend: false } });
    runtime.advance(MINUTE + 1000);
    // The missed minutes are not replayed: only the most recent one runs.
    assert.deepEqual(jobNames(store), [nameAt(5), nameAt(6)]);
  });

  it('after a long gap, runs only the most recent missed time and warns past 100 misses', () => {
    const { store, clock } = newCluster();
    store.create(cronJob());
    clock.advance(3 * 60 * MINUTE + 30_000);
    const runtime = new ControllerRuntime(store, clock, [createCronJobController()]);
    runtime.resyncAll();
    runtime.advance(0);
    assert.deepEqual(jobNames(store), [nameAt(180)]);
    assert.equal(status(getCron(store)).lastScheduleTime, '2024-01-01T03:00:00Z');
    assert.deepEqual(events(store, 'TooManyMissedTimes'), ['Warning TooManyMissedTimes: too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew']);
  });

  it('with startingDeadlineSeconds, skips what is too late and waits for the next time', () => {
    const { store, clock } = newCluster();
    store.create(cronJob({ startingDeadlineSeconds: 10 }));
    clock.advance(3 * 60 * MINUTE + 30_000);
    const runtime = new ControllerRuntime(store, clock, [createCronJobController()]);
    runtime.resyncAll();
    runtime.advance(0);
    assert.deepEqual(jobNames(store), []);
    assert.deepEqual(events(store, 'TooManyMissedTimes'), []);
    runtime.advance(30_100);
    assert.deepEqual(jobNames(store), [nameAt(181)]);
  });

  it('reads the schedule in spec.timeZone and stamps the Job with the zone offset', () => {
    const { store, runtime } = newCluster();
    store.create(cronJob({ schedule: '0 9 * * *', timeZone: 'Europe/Paris' }));
    runtime.advance(8 * 60 * MINUTE + 1000);
    assert.deepEqual(jobNames(store), [nameAt(480)]);
    assert.equal(meta(jobs(store)[0]!).annotations['batch.kubernetes.io/cronjob-scheduled-timestamp'], '2024-01-01T09:00:00+01:00');
  });

  it('warns about an unknown time zone and a schedule that never fires', () => {
    const { store, runtime } = newCluster();
    store.create(cronJob({ timeZone: 'Mars/Olympus' }));
    store.create(cronJob({ schedule: '0 0 30 2 *' }, 'never'));
    runtime.advance(2 * MINUTE);
    assert.deepEqual(jobNames(store), []);
    assert.deepEqual(events(store, 'UnknownTimeZone'), ['Warning UnknownTimeZone: invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus']);
    assert.deepEqual(events(store, 'InvalidSchedule'), ['Warning InvalidSchedule: invalid schedule: 0 0 30 2 * : time difference between two schedules is less than 1 second']);
  });

  it('drops an active Job that went missing', () => {
    const { store, runtime } = newCluster(null);
    store.create(cronJob({ schedule: '0 * * * *' }));
    runtime.advance(60 * MINUTE + 1000);
    assert.equal(status(getCron(store)).active.length, 1);
    store.delete(JOBS, 'default', nameAt(60));
    runtime.advance(1000);
    assert.equal(status(getCron(store)).active, undefined);
    assert.deepEqual(events(store, 'MissingJob'), [`Normal MissingJob: Active job went missing: ${nameAt(60)}`]);
  });

  it('settles between schedule times (it sleeps until the next one)', () => {
    const { store, runtime } = newCluster(5000);
    store.create(cronJob({ schedule: '*/10 * * * *' }));
    const result = runtime.advance(60 * MINUTE + 1000);
    assert.ok(result.steps < 400, `${result.steps} reconciles for an hour`);
    assert.deepEqual(jobNames(store), [30, 40, 50, 60].map((n) => nameAt(n)), 'the last three successful Jobs and the one running');
  });
});
