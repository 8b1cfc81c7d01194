import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createScheduler, podBackoff, UNSCHEDULABLE_RETRY_MS, type SchedulerOptions } from '../../../simulator/src/scheduler/scheduler';
import { defaultNodes } from '../../../simulator/src/scheduler/nodes';
import { cordon, uncordon } from '../../../simulator/src/scheduler/nodeops';

const POD = kindInfo('v1', 'Pod')!;
const NODE = kindInfo('v1', 'Node')!;
const EVENT = kindInfo('v1', 'Event')!;

type Condition = { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string; lastProbeTime?: null };
type PodView = { spec: { nodeName?: string }; status: { phase: string; conditions?: Condition[] } };

/** A store with the default Nodes, and a runtime running only the scheduler. */
function cluster(nodes: KubeObject[] = defaultNodes(), options?: SchedulerOptions) {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(42) });
  for (const node of nodes) store.create(node);
  const scheduler = createScheduler(options);
  const runtime = new ControllerRuntime(store, clock, [scheduler]);
  const pod = (name: string) => store.get(POD, 'default', name) as unknown as PodView;
  const events = (reason?: string) =>
    store
      .list(EVENT)
      .filter((event) => reason === undefined || event.reason === reason)
      .map((event) => ({ object: String((event.involvedObject as { name: string }).name), reason: String(event.reason), message: String(event.message), count: Number(event.count), type: String(event.type) }));
  return { clock, store, scheduler, runtime, pod, events };
}

type PodSpec = Record<string, unknown>;
function podManifest(name: string, spec: PodSpec = {}, requests?: Record<string, string>, labels?: Record<string, string>): KubeObject {
  const container: Record<string, unknown> = { name: 'web', image: 'nginx:1.27' };
  if (requests) container.resources = { requests };
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [container], ...spec } };
}

const scheduledCondition = (view: PodView) => view.status.conditions?.find((c) => c.type === 'PodScheduled');

const FAT_POD_MESSAGE =
  '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
  'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';

describe('simulator/scheduler: Pods that fit nowhere', () => {
  it('leaves a Pod too big for every Node Pending with the FailedScheduling message and condition', () => {
    const { store, runtime, pod, events } = cluster();
    store.create(podManifest('fat', {}, { cpu: '5' }));
    runtime.runUntilSettled({ maxSimulatedMs: 1000 });
    const view = pod('fat');
    assert.equal(view.spec.nodeName, undefined);
    assert.equal(view.status.phase, 'Pending');
    assert.deepEqual(scheduledCondition(view), {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: '2024-01-01T00:00:00Z',
      reason: 'Unschedulable',
      message: FAT_POD_MESSAGE,
    });
    assert.deepEqual(events(), [{ object: 'fat', reason: 'FailedScheduling', message: FAT_POD_MESSAGE, count: 1, type: 'Warning' }]);
  });

  it('retries an unschedulable Pod every five minutes when nothing changes, and the recorder counts the repeats', () => {
    const { store, runtime, events } = cluster();
    store.create(podManifest('fat', {}, { cpu: '5' }));
    runtime.runUntilSettled({ maxSimulatedMs: 0 });
    runtime.advance(UNSCHEDULABLE_RETRY_MS - 1);
    assert.equal(events('FailedScheduling')[0]!.count, 1, 'no retry before five minutes');
    runtime.advance(1);
    assert.equal(events('FailedScheduling')[0]!.count, 2);
    runtime.advance(2 * UNSCHEDULABLE_RETRY_MS);
    assert.equal(events('FailedScheduling')[0]!.count, 4);
  });

  it('can leave the periodic retry out, so that settling does not move the clock for a Pod that cannot fit', () => {
    const { store, runtime, events, clock, pod } = cluster(defaultNodes(), { unschedulableRetryMs: null });
    store.create(podManifest('blocker', {}, { cpu: '3' }));
    store.create(podManifest('blocker-2', {}, { cpu: '3' }));
    store.create(podManifest('fat', {}, { cpu: '3' }));
    const start = clock.now();
    assert.equal(runtime.runUntilSettled().settled, true);
    assert.equal(clock.now(), start);
    runtime.advance(3 * UNSCHEDULABLE_RETRY_MS);
    assert.equal(events('FailedScheduling')[0]!.count, 1);
    store.delete(POD, 'default', 'blocker');
    runtime.runUntilSettled();
    assert.equal(pod('fat').spec.nodeName, 'worker-1');
  });

  it('does not retry because of its own status write', () => {
    const { store, runtime, events, scheduler } = cluster();
    store.create(podManifest('fat', {}, { cpu: '5' }));
    const result = runtime.advance(0);
    assert.equal(events('FailedScheduling')[0]!.count, 1);
    assert.equal(scheduler.waiting.get('default/fat')?.attempts, 1);
    assert.ok(result.steps <= 2, `steps: ${result.steps}`);
  });

  it('retries as soon as room is freed, but not before its back-off', () => {
    const { store, runtime, pod } = cluster();
    store.create(podManifest('a', {}, { cpu: '3' }));
    store.create(podManifest('b', {}, { cpu: '3' }));
    store.create(podManifest('c', {}, { cpu: '3' }));
    runtime.advance(0);
    assert.equal(pod('c').spec.nodeName, undefined);
    store.delete(POD, 'default', 'a');
    runtime.advance(podBackoff(1) - 1);
    assert.equal(pod('c').spec.nodeName, undefined, 'still backing off (1 s after the first failure)');
    runtime.advance(1);
    assert.equal(pod('c').spec.nodeName, 'worker-1');
  });

  it('frees the room of Pods that have finished (Succeeded or Failed)', () => {
    const { store, runtime, pod } = cluster();
    store.create(podManifest('job-1', {}, { cpu: '3' }));
    store.create(podManifest('job-2', {}, { cpu: '3' }));
    store.create(podManifest('next', {}, { cpu: '3' }));
    runtime.advance(0);
    const done = store.get(POD, 'default', 'job-1');
    store.updateStatus({ ...done, status: { ...(done.status as object), phase: 'Succeeded' } });
    runtime.advance(podBackoff(1));
    assert.equal(pod('next').spec.nodeName, 'worker-1');
  });

  it('backs off 1 s, 2 s, 4 s, 8 s, then 10 s between attempts', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6].map(podBackoff), [1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('says so when every worker is cordoned, and schedules again after uncordon', () => {
    const { store, runtime, pod, events } = cluster();
    cordon(store, 'worker-1');
    cordon(store, 'worker-2');
    store.create(podManifest('web'));
    runtime.advance(0);
    assert.equal(
      events('FailedScheduling')[0]!.message,
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. ' +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    uncordon(store, 'worker-2');
    runtime.advance(podBackoff(1));
    assert.equal(pod('web').spec.nodeName, 'worker-2');
    assert.equal(scheduledCondition(pod('web'))!.status, 'True');
  });

  it('retries when a Node is added, and ignores Node writes that change nothing it looks at', () => {
    const { store, runtime, pod, events } = cluster(defaultNodes({ controlPlanes: 1, workers: 0 }));
    store.create(podManifest('web'));
    runtime.advance(0);
    const node = store.get(NODE, '', 'control-plane');
    store.updateStatus({ ...node, status: { ...(node.status as object), conditions: [] } });
    runtime.advance(60_000);
    assert.equal(events('FailedScheduling')[0]!.count, 1, 'a status-only change does not requeue');
    for (const worker of defaultNodes({ controlPlanes: 0, workers: 1 })) store.create(worker);
    runtime.advance(0);
    assert.equal(pod('web').spec.nodeName, 'worker-1');
  });

  it('reports several short resources of one Node, and sorts the counts as text', () => {
    const { store, runtime, events } = cluster();
    store.create(podManifest('huge', {}, { cpu: '8', memory: '64Gi' }));
    runtime.advance(0);
    assert.equal(
      events('FailedScheduling')[0]!.message,
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu, 2 Insufficient memory. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('counts Pods against allocatable pods (Too many pods)', () => {
    const nodes = defaultNodes({ controlPlanes: 0, workers: 1 }, { size: { pods: 2 } });
    const { store, runtime, events, pod } = cluster(nodes);
    for (const name of ['a', 'b', 'c']) store.create(podManifest(name));
    runtime.advance(0);
    assert.equal(pod('c').spec.nodeName, undefined);
    assert.equal(events('FailedScheduling')[0]!.message, '0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
  });

  it('says when the Pod will not preempt (preemptionPolicy: Never)', () => {
    const { store, runtime, events } = cluster();
    store.create(podManifest('polite', { preemptionPolicy: 'Never' }, { cpu: '5' }));
    runtime.advance(0);
    assert.equal(
      events('FailedScheduling')[0]!.message,
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    );
  });

  it('with no Node at all: SchedulerError, retried after the back-off', () => {
    const { store, runtime, pod, events } = cluster([]);
    store.create(podManifest('web'));
    runtime.advance(0);
    assert.deepEqual(events('FailedScheduling').map((e) => e.message), ['no nodes available to schedule pods']);
    assert.equal(scheduledCondition(pod('web'))!.reason, 'SchedulerError');
    runtime.advance(podBackoff(1));
    assert.equal(events('FailedScheduling')[0]!.count, 2);
    for (const node of defaultNodes({ controlPlanes: 0, workers: 1 })) store.create(node);
    runtime.advance(podBackoff(2));
    assert.equal(pod('web').spec.nodeName, 'worker-1');
  });

  it('keeps the condition lastTransitionTime while the Pod stays unschedulable', () => {
    const { store, runtime, pod } = cluster();
    store.create(podManifest('fat', {}, { cpu: '5' }));
    runtime.advance(0);
    runtime.advance(UNSCHEDULABLE_RETRY_MS);
    assert.equal(scheduledCondition(pod('fat'))!.lastTransitionTime, '2024-01-01T00:00:00Z');
  });
});
