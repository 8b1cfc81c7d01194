import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createScheduler, type SchedulerOptions } from '../../../simulator/src/scheduler/scheduler';
import { defaultNodes } from '../../../simulator/src/scheduler/nodes';

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

describe('simulator/scheduler: the default-scheduler controller', () => {
  it('binds a Pod to a worker, sets PodScheduled=True and records the Scheduled event', () => {
    const { store, runtime, pod, events } = cluster();
    store.create(podManifest('web'));
    runtime.runUntilSettled();
    const view = pod('web');
    assert.equal(view.spec.nodeName, 'worker-1');
    assert.deepEqual(scheduledCondition(view), { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2024-01-01T00:00:00Z' });
    assert.deepEqual(events(), [{ object: 'web', reason: 'Scheduled', message: 'Successfully assigned default/web to worker-1', count: 1, type: 'Normal' }]);
    const source = store.list(EVENT)[0]!.source as { component: string };
    assert.equal(source.component, 'default-scheduler');
  });

  it('never uses the control-plane Node unless the Pod tolerates its taint', () => {
    const { store, runtime, pod } = cluster();
    for (let i = 0; i < 6; i++) store.create(podManifest(`web-${i}`));
    store.create(podManifest('admin', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }], nodeSelector: { 'node-role.kubernetes.io/control-plane': '' } }));
    runtime.runUntilSettled();
    for (let i = 0; i < 6; i++) assert.match(pod(`web-${i}`).spec.nodeName!, /^worker-/);
    assert.equal(pod('admin').spec.nodeName, 'control-plane');
  });

  it('spreads the replicas of a workload over the workers (least allocated first)', () => {
    const { store, runtime, pod } = cluster();
    for (let i = 0; i < 4; i++) store.create(podManifest(`web-${i}`, {}, { cpu: '250m', memory: '64Mi' }));
    runtime.runUntilSettled();
    assert.deepEqual(
      [0, 1, 2, 3].map((i) => pod(`web-${i}`).spec.nodeName),
      ['worker-1', 'worker-2', 'worker-1', 'worker-2'],
    );
  });

  it('spreads Pods without requests too, counting 100m and 200Mi for each', () => {
    const { store, runtime, pod } = cluster();
    store.create(podManifest('big', {}, { cpu: '1', memory: '1Gi' }));
    runtime.runUntilSettled();
    store.create(podManifest('small'));
    runtime.runUntilSettled();
    assert.equal(pod('big').spec.nodeName, 'worker-1');
    assert.equal(pod('small').spec.nodeName, 'worker-2');
  });

  it('adds up what the bound Pods request: two 1.5-CPU Pods fit on a 4-CPU worker, a third does not', () => {
    const { store, runtime, pod, events } = cluster();
    for (let i = 1; i <= 6; i++) store.create(podManifest(`p${i}`, {}, { cpu: '1500m' }));
    runtime.runUntilSettled({ maxSimulatedMs: 1000 });
    const placed = [1, 2, 3, 4, 5, 6].map((i) => pod(`p${i}`).spec.nodeName ?? '-');
    assert.deepEqual(placed, ['worker-1', 'worker-2', 'worker-1', 'worker-2', '-', '-']);
    assert.equal(events('FailedScheduling').length, 2);
  });

  it('matches nodeSelector and required node affinity, and prefers what preferred affinity asks', () => {
    const { store, runtime, pod, events } = cluster();
    const worker2 = store.get(NODE, '', 'worker-2');
    store.update({ ...worker2, metadata: { ...(worker2.metadata as object), labels: { ...(worker2.metadata as { labels: object }).labels, disk: 'ssd', gen: '5' } } });
    store.create(podManifest('ssd', { nodeSelector: { disk: 'ssd' } }));
    store.create(podManifest('hdd', { nodeSelector: { disk: 'hdd' } }));
    const gt = { nodeSelectorTerms: [{ matchExpressions: [{ key: 'gen', operator: 'Gt', values: ['4'] }] }] };
    store.create(podManifest('recent', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: gt } } }));
    const preferred = [{ weight: 50, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } }];
    store.create(podManifest('likes-ssd', { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } } }));
    runtime.advance(0);
    assert.equal(pod('ssd').spec.nodeName, 'worker-2');
    assert.equal(pod('recent').spec.nodeName, 'worker-2');
    assert.equal(pod('likes-ssd').spec.nodeName, 'worker-2');
    assert.equal(pod('hdd').spec.nodeName, undefined);
    assert.equal(
      events('FailedScheduling')[0]!.message,
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. " +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('leaves alone Pods for another scheduler, Pods already bound and gated Pods', () => {
    const { store, runtime, pod, events } = cluster();
    store.create(podManifest('other', { schedulerName: 'my-scheduler' }));
    store.create(podManifest('pinned', { nodeName: 'control-plane' }));
    store.create(podManifest('gated', { schedulingGates: [{ name: 'example.com/wait' }] }));
    runtime.runUntilSettled();
    assert.equal(pod('other').spec.nodeName, undefined);
    assert.equal(pod('other').status.conditions, undefined);
    assert.equal(pod('pinned').spec.nodeName, 'control-plane');
    assert.equal(pod('gated').spec.nodeName, undefined);
    assert.deepEqual(
      { reason: scheduledCondition(pod('gated'))!.reason, message: scheduledCondition(pod('gated'))!.message },
      { reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' },
    );
    assert.deepEqual(events(), []);
    const gated = store.get(POD, 'default', 'gated');
    store.update({ ...gated, spec: { ...(gated.spec as object), schedulingGates: [] } });
    runtime.runUntilSettled();
    assert.equal(pod('gated').spec.nodeName, 'worker-1');
  });

  it('gives the same placements for the same inputs', () => {
    const run = () => {
      const { store, runtime } = cluster();
      for (let i = 0; i < 20; i++) store.create(podManifest(`p${i}`, {}, { cpu: `${100 + 37 * i}m`, memory: `${64 + 16 * i}Mi` }));
      runtime.runUntilSettled({ maxSimulatedMs: 0 });
      return store.list(POD).map((p) => `${String((p.metadata as { name: string }).name)}=${String((p.spec as { nodeName?: string }).nodeName)}`);
    };
    assert.deepEqual(run(), run());
  });
});
