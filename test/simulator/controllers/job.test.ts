import * as assert from 'node:assert/strict';
import { ManualClock, formatTimestamp } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createJobController, createTtlAfterFinishedController } from '../../../simulator/src/controllers/job';
import { self, splitKey, type Controller } from '../../../simulator/src/controllers/types';
import { createKubelet } from '../../../simulator/src/kubelet/kubelet';
import { node } from '../kubelet/harness';

const PODS = kindInfo('v1', 'Pod')!;
const JOBS = kindInfo('batch/v1', 'Job')!;
const EVENTS = kindInfo('v1', 'Event')!;
type Obj = Record<string, unknown>;
interface Meta {
  name: string;
  generateName?: string;
  uid?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: unknown[];
  creationTimestamp?: string;
  deletionTimestamp?: string;
}
interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastProbeTime?: string;
  lastTransitionTime?: string;
}
interface Status {
  phase?: string;
  startTime?: string;
  completionTime?: string;
  conditions: Condition[];
  active?: number;
  succeeded?: number;
  failed?: number;
  completedIndexes?: string;
  [field: string]: unknown;
}
interface PodSpec {
  nodeName?: string;
  hostname?: string;
  containers: { name: string; image: string; env?: unknown[] }[];
}

const START = Date.UTC(2024, 0, 1);
const meta = (object: KubeObject): Meta => object.metadata as Meta;
const status = (object: KubeObject): Status => (object.status ?? {}) as Status;
const podSpec = (object: KubeObject): PodSpec => object.spec as PodSpec;

type Outcome = { phase: 'Succeeded' | 'Failed'; afterMs: number } | undefined;

/**
 * A stand-in kubelet: binds a Pod, runs it at once (Running, Ready), then after the
 * outcome's delay ends it Succeeded (exit 0) or Failed (exit 1); no outcome: it runs on.
 */
function kubelet(outcome: (pod: KubeObject) => Outcome): Controller {
  return {
    name: 'kubelet',
    triggers: [self(PODS)],
    reconcile(key, reader) {
      const { namespace, name } = splitKey(key);
      const pod = reader.get(PODS, namespace, name);
      if (!pod || meta(pod).deletionTimestamp) return { actions: [] };
      const phase = status(pod).phase;
      if (phase === 'Succeeded' || phase === 'Failed') return { actions: [] };
      const now = formatTimestamp(reader.now());
      const spec = podSpec(pod);
      if (!spec.nodeName) return { actions: [{ type: 'bind', namespace, name, node: 'node-1' }] };
      const images = spec.containers.map((c) => ({ name: c.name, image: c.image, imageID: `${c.image}@sha256:0` }));
      if (phase !== 'Running') {
        const containerStatuses = images.map((c) => ({ ...c, ready: true, restartCount: 0, started: true, state: { running: { startedAt: now } } }));
        return { actions: [{ type: 'updateStatus', object: { ...pod, status: { phase: 'Running', startTime: now, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }], containerStatuses } } }] };
      }
      const end = outcome(pod);
      if (!end) return { actions: [] };
      const startedAt = String(status(pod).startTime);
      const due = Date.parse(startedAt) + end.afterMs;
      if (reader.now() < due) return { actions: [], requeueAfter: due - reader.now() };
      const exitCode = end.phase === 'Succeeded' ? 0 : 1;
      const reason = exitCode === 0 ? 'Completed' : 'Error';
      const containerStatuses = images.map((c) => ({ ...c, ready: false, restartCount: 0, started: false, state: { terminated: { exitCode, reason, startedAt, finishedAt: now } } }));
      const conditions = [{ type: 'Ready', status: 'False', reason: 'PodCompleted', lastTransitionTime: now }];
      return { actions: [{ type: 'updateStatus', object: { ...pod, status: { phase: end.phase, startTime: startedAt, conditions, containerStatuses } } }] };
    },
  };
}

const succeedAfter = (afterMs: number) => (): Outcome => ({ phase: 'Succeeded', afterMs });

function newCluster(outcome: (pod: KubeObject) => Outcome = succeedAfter(5000), seed = 1, extra: Controller[] = []) {
  const clock = new ManualClock(START);
  const store = new ObjectStore({ clock, random: createRandom(seed), gracefulPodDeletion: false });
  const runtime = new ControllerRuntime(store, clock, [createJobController(), createTtlAfterFinishedController(), kubelet(outcome), ...extra]);
  return { clock, store, runtime };
}

function job(name: string, spec: Obj = {}, command = ['sh', '-c', 'echo done']): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: name, image: 'busybox:1.36', command }] } } },
  };
}

const getJob = (store: ObjectStore, name: string): KubeObject => store.get(JOBS, 'default', name);
const pods = (store: ObjectStore): KubeObject[] => store.list(PODS);
const events = (store: ObjectStore, reason?: string): string[] =>
  store
    .list(EVENTS)
    .filter((e) => reason === undefined || e.reason === reason)
    .map((e) => `${String(e.type)} ${String(e.reason)}: ${String(e.message)}`);
const offsets = (objects: KubeObject[]): number[] => objects.map((o) => (Date.parse(String(meta(o).creationTimestamp)) - START) / 1000).sort((a, b) => a - b);

describe('simulator/controllers: Job', () => {
  it('creates a Pod named after the Job, labelled, tracked by the finalizer and controlled by the Job', () => {
    const { store, runtime } = newCluster(() => undefined);
    const created = store.create(job('pi'));
    runtime.runUntilSettled();
    const [pod] = pods(store);
    assert.ok(pod);
    const uid = String(meta(created).uid);
    assert.match(String(meta(pod).name), /^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.equal(meta(pod).generateName, 'pi-');
    assert.deepEqual(meta(pod).labels, {
      'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi',
    });
    assert.deepEqual(meta(pod).finalizers, ['batch.kubernetes.io/job-tracking']);
    assert.deepEqual(meta(pod).ownerReferences, [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid, controller: true, blockOwnerDeletion: true }]);
    assert.deepEqual(events(store), [`Normal SuccessfulCreate: Created pod: ${String(meta(pod).name)}`]);
    const event = store.list(EVENTS)[0]!;
    assert.equal((event.source as { component?: string }).component, 'job-controller');
    assert.deepEqual(status(getJob(store, 'pi')), { startTime: '2024-01-01T00:00:00Z', active: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 1 });
  });

  it('completes once its Pod succeeded: Complete condition, completionTime, counters, event, finalizer removed', () => {
    const { store, runtime } = newCluster(succeedAfter(7000));
    store.create(job('pi'));
    runtime.runUntilSettled();
    assert.deepEqual(status(getJob(store, 'pi')), {
      conditions: [{ type: 'Complete', status: 'True', lastProbeTime: '2024-01-01T00:00:07Z', lastTransitionTime: '2024-01-01T00:00:07Z' }],
      startTime: '2024-01-01T00:00:00Z',
      completionTime: '2024-01-01T00:00:07Z',
      succeeded: 1,
      terminating: 0,
      uncountedTerminatedPods: {},
      ready: 0,
    });
    const [pod] = pods(store);
    assert.equal(status(pod!).phase, 'Succeeded');
    assert.equal(meta(pod!).finalizers, undefined);
    assert.deepEqual(events(store, 'Completed'), ['Normal Completed: Job completed']);
  });

  it('runs completions with at most parallelism Pods at a time', () => {
    const { store, runtime } = newCluster(succeedAfter(10_000));
    let peak = 0;
    store.watch(() => {
      peak = Math.max(peak, pods(store).filter((p) => status(p).phase !== 'Succeeded').length);
    });
    store.create(job('batch', { completions: 5, parallelism: 2 }));
    runtime.runUntilSettled();
    assert.equal(peak, 2);
    assert.equal(pods(store).length, 5);
    assert.deepEqual(offsets(pods(store)), [0, 0, 10, 10, 20]);
    assert.equal(status(getJob(store, 'batch')).succeeded, 5);
    assert.equal(status(getJob(store, 'batch')).completionTime, '2024-01-01T00:00:30Z');
  });

  it('with no completions (a work queue), stops creating Pods after the first success and completes when all are done', () => {
    const durations = [4000, 9000, 12_000];
    let next = 0;
    const assigned = new Map<string, number>();
    const { store, runtime } = newCluster((pod) => {
      const name = String(meta(pod).name);
      if (!assigned.has(name)) assigned.set(name, durations[next++ % durations.length]!);
      return { phase: 'Succeeded', afterMs: assigned.get(name)! };
    });
    store.create(job('queue', { parallelism: 3 }));
    runtime.runUntilSettled();
    assert.equal(pods(store).length, 3);
    const s = status(getJob(store, 'queue'));
    assert.equal(s.succeeded, 3);
    assert.equal(s.completionTime, '2024-01-01T00:00:12Z');
  });

  it('gives each Pod of an Indexed Job its completion index: name, annotation, label, hostname, environment', () => {
    const { store, runtime } = newCluster(() => undefined);
    store.create(job('idx', { completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    runtime.runUntilSettled();
    const byIndex = pods(store).sort((a, b) => String(meta(a).name).localeCompare(String(meta(b).name)));
    assert.equal(byIndex.length, 3);
    byIndex.forEach((pod, index) => {
      assert.match(String(meta(pod).name), new RegExp(`^idx-${index}-[a-z0-9]{5}$`));
      assert.equal(meta(pod).generateName, `idx-${index}-`);
      assert.equal(meta(pod).annotations['batch.kubernetes.io/job-completion-index'], String(index));
      assert.equal(meta(pod).labels['batch.kubernetes.io/job-completion-index'], String(index));
      assert.equal(podSpec(pod).hostname, `idx-${index}`);
      assert.deepEqual(podSpec(pod).containers[0]!.env, [
        { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
      ]);
    });
  });

  it('reports the completed indexes as intervals and replaces a failed index', () => {
    const { store, runtime } = newCluster((pod) => {
      const index = meta(pod).annotations['batch.kubernetes.io/job-completion-index'];
      const first = Date.parse(String(meta(pod).creationTimestamp)) === START;
      return index === '2' && first ? { phase: 'Failed', afterMs: 3000 } : { phase: 'Succeeded', afterMs: 2000 };
    });
    store.create(job('idx', { completions: 4, parallelism: 4, completionMode: 'Indexed' }));
    runtime.advance(5000);
    assert.equal(status(getJob(store, 'idx')).completedIndexes, '0-1,3');
    assert.equal(status(getJob(store, 'idx')).failed, 1);
    runtime.runUntilSettled();
    const s = status(getJob(store, 'idx'));
    assert.equal(s.completedIndexes, '0-3');
    assert.equal(s.succeeded, 4);
    assert.equal(pods(store).filter((p) => meta(p).annotations['batch.kubernetes.io/job-completion-index'] === '2').length, 2);
    // The replacement waited the 10 s back-off after the failure at 3 s.
    assert.deepEqual(offsets(pods(store)), [0, 0, 0, 0, 13]);
  });

  it('waits 10 s, then 20 s between failed Pods, and fails past backoffLimit with BackoffLimitExceeded', () => {
    const { store, runtime } = newCluster(() => ({ phase: 'Failed', afterMs: 1000 }));
    store.create(job('flaky', { backoffLimit: 2 }, ['sh', '-c', 'exit 1']));
    runtime.runUntilSettled();
    assert.deepEqual(offsets(pods(store)), [0, 11, 32]);
    const s = status(getJob(store, 'flaky'));
    assert.deepEqual(s.conditions, [
      { type: 'Failed', status: 'True', lastProbeTime: '2024-01-01T00:00:33Z', lastTransitionTime: '2024-01-01T00:00:33Z', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' },
    ]);
    assert.equal(s.failed, 3);
    assert.equal(s.completionTime, undefined);
    assert.equal(s.active, undefined);
    assert.deepEqual(events(store, 'BackoffLimitExceeded'), ['Warning BackoffLimitExceeded: Job has reached the specified backoff limit']);
    assert.ok(pods(store).every((p) => meta(p).finalizers === undefined && status(p).phase === 'Failed'));
  });

  it('caps the back-off at 6 minutes', () => {
    const { store, runtime } = newCluster(() => ({ phase: 'Failed', afterMs: 1000 }));
    store.create(job('flaky', { backoffLimit: 7 }, ['sh', '-c', 'exit 1']));
    runtime.runUntilSettled({ maxSimulatedMs: 3_600_000 });
    const gaps = offsets(pods(store)).slice(1).map((t, i, all) => t - (i === 0 ? 0 : all[i - 1]!) - 1);
    assert.deepEqual(gaps, [10, 20, 40, 80, 160, 320, 360]);
  });

  it('fails past activeDeadlineSeconds with DeadlineExceeded, deleting the Pods that still run', () => {
    const { store, runtime } = newCluster(() => undefined);
    store.create(job('slow', { activeDeadlineSeconds: 30 }, ['sleep', '3600']));
    runtime.runUntilSettled();
    const s = status(getJob(store, 'slow'));
    assert.equal(s.conditions[0]!.reason, 'DeadlineExceeded');
    assert.equal(s.conditions[0]!.message, 'Job was active longer than specified deadline');
    assert.equal(s.conditions[0]!.lastTransitionTime, '2024-01-01T00:00:30Z');
    assert.equal(s.failed, 1);
    assert.equal(pods(store).length, 0);
    assert.equal(events(store, 'SuccessfulDelete').length, 1);
    assert.match(events(store, 'SuccessfulDelete')[0]!, /^Normal SuccessfulDelete: Deleted pod: slow-[a-z0-9]{5}$/);
    assert.deepEqual(events(store, 'DeadlineExceeded'), ['Warning DeadlineExceeded: Job was active longer than specified deadline']);
  });

  it('counts a deleted Pod as failed and replaces it', () => {
    const { store, runtime } = newCluster(() => undefined);
    store.create(job('web'));
    runtime.runUntilSettled();
    const first = String(meta(pods(store)[0]!).name);
    store.delete(PODS, 'default', first);
    runtime.runUntilSettled();
    assert.equal(store.find(PODS, 'default', first), undefined, 'the finalizer went, so did the Pod');
    assert.equal(pods(store).length, 1);
    assert.equal(status(getJob(store, 'web')).failed, 1);
    assert.equal(status(getJob(store, 'web')).active, 1);
  });

  it('deletes a finished Job after ttlSecondsAfterFinished, Pods first (Foreground)', () => {
    const { store, runtime } = newCluster(succeedAfter(5000));
    store.create(job('once', { ttlSecondsAfterFinished: 60 }));
    runtime.advance(64_000);
    assert.ok(store.find(JOBS, 'default', 'once'));
    runtime.advance(1000);
    assert.equal(store.find(JOBS, 'default', 'once'), undefined);
    assert.equal(pods(store).length, 0);
  });

  it('does not run a suspended Job; resuming it starts the Pods and the clock', () => {
    const { store, runtime, clock } = newCluster(() => undefined);
    store.create(job('later', { suspend: true }));
    runtime.runUntilSettled();
    assert.equal(pods(store).length, 0);
    const s = status(getJob(store, 'later'));
    assert.equal(s.startTime, undefined);
    assert.deepEqual(s.conditions.map((c) => [c.type, c.status, c.reason, c.message]), [['Suspended', 'True', 'JobSuspended', 'Job suspended']]);
    clock.advance(60_000);
    store.patch(JOBS, 'default', 'later', { spec: { suspend: false } });
    runtime.runUntilSettled();
    assert.equal(pods(store).length, 1);
    const resumed = status(getJob(store, 'later'));
    assert.equal(resumed.startTime, '2024-01-01T00:01:00Z');
    assert.deepEqual(resumed.conditions.map((c) => [c.type, c.status, c.reason, c.message]), [['Suspended', 'False', 'JobResumed', 'Job resumed']]);
    assert.deepEqual(events(store).filter((e) => /Suspended|Resumed/.test(e)), ['Normal Suspended: Job suspended', 'Normal Resumed: Job resumed']);
  });

  it('suspending a running Job deletes its active Pods', () => {
    const { store, runtime } = newCluster(() => undefined);
    store.create(job('web', { parallelism: 2, completions: 4 }));
    runtime.runUntilSettled();
    assert.equal(pods(store).length, 2);
    store.patch(JOBS, 'default', 'web', { spec: { suspend: true } });
    runtime.runUntilSettled();
    assert.equal(pods(store).length, 0);
    assert.equal(events(store, 'SuccessfulDelete').length, 2);
    assert.equal(status(getJob(store, 'web')).active, undefined);
  });

  it('lets the Pods of a deleted Job go (no finalizer keeps them Terminating)', () => {
    const { store, runtime } = newCluster(() => undefined);
    store.create(job('web', { parallelism: 3, completions: 3 }));
    runtime.runUntilSettled();
    assert.equal(pods(store).length, 3);
    store.delete(JOBS, 'default', 'web');
    runtime.runUntilSettled();
    assert.equal(pods(store).length, 0);
  });

  it('gives the same bytes for the same seed', () => {
    const run = (seed: number): string => {
      const { store, runtime } = newCluster(() => ({ phase: 'Failed', afterMs: 2000 }), seed);
      store.create(job('a', { backoffLimit: 2, completions: 2, parallelism: 2 }));
      runtime.runUntilSettled();
      return JSON.stringify([store.list(PODS), store.list(JOBS), store.list(EVENTS)]);
    };
    assert.equal(run(5), run(5));
    assert.notEqual(run(5), run(6));
  });

  it('with the real kubelet: busybox echo completes, a failing command exhausts its backoffLimit', () => {
    const clock = new ManualClock(START);
    const store = new ObjectStore({ clock, random: createRandom(3), gracefulPodDeletion: true });
    const runtime = new ControllerRuntime(store, clock, [createJobController(), createKubelet(), bind()]);
    store.create(node('node-1', 1));
    store.create(job('hello', {}, ['sh', '-c', 'echo Hello from the Kubernetes cluster']));
    store.create(job('broken', { backoffLimit: 1 }, ['sh', '-c', 'exit 3']));
    runtime.runUntilSettled({ maxSimulatedMs: 600_000 });
    assert.equal(status(getJob(store, 'hello')).succeeded, 1);
    assert.equal(status(getJob(store, 'hello')).conditions[0]!.type, 'Complete');
    assert.equal(status(getJob(store, 'broken')).failed, 2);
    assert.equal(status(getJob(store, 'broken')).conditions[0]!.reason, 'BackoffLimitExceeded');
    assert.deepEqual(runtime.errors, []);
  });
});

/** A stand-in scheduler: binds every Pod to node-1. */
function bind(): Controller {
  return {
    name: 'scheduler',
    triggers: [self(PODS)],
    reconcile(key, reader) {
      const { namespace, name } = splitKey(key);
      const pod = reader.get(PODS, namespace, name);
      if (!pod || podSpec(pod).nodeName || meta(pod).deletionTimestamp) return { actions: [] };
      return { actions: [{ type: 'bind', namespace, name, node: 'node-1' }] };
    },
  };
}
