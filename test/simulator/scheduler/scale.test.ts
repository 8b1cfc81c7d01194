import * as assert from 'node:assert/strict';
import type { KubeObject } from '../../../simulator/src/store/store';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { ObjectStore } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { SchedulerCache } from '../../../simulator/src/scheduler/cache';
import { readPod } from '../../../simulator/src/scheduler/filters';
import { schedulePod } from '../../../simulator/src/scheduler/algorithm';
import { createScheduler } from '../../../simulator/src/scheduler/scheduler';
import { makeNodes } from '../../../simulator/src/scheduler/nodes';

const replica = (deployment: number, index: number, nodeName?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `web-${deployment}-${index}`, namespace: 'default', generation: 1, labels: { app: `web-${deployment}` } },
  spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
  status: { phase: 'Running' },
});

// The scheduler at scale: what it must do (one pass per Pod, even spreading, no reaction to
// status writes). How fast it does it is measured by `npm run bench`, not asserted here.
describe('simulator/scheduler: at scale', () => {
  it('places 3,000 replicas on 100 Nodes in one pass each, evenly (the settle benchmark’s share)', () => {
    const cache = new SchedulerCache();
    for (const node of makeNodes(100, { cpu: '32', memory: '128Gi' })) cache.upsertNode(node);
    for (let d = 0; d < 1000; d++) {
      for (let r = 0; r < 3; r++) {
        const pod = replica(d, r);
        const result = schedulePod(readPod(pod), cache.nodeList());
        assert.equal(result.outcome, 'scheduled');
        if (result.outcome === 'scheduled') cache.upsertPod({ ...pod, spec: { ...(pod.spec as object), nodeName: result.node } });
      }
    }
    const counts = cache.nodeList().map((node) => node.podCount);
    // Scores are whole percents: Nodes a few Pods apart can tie, and ties go to the first name.
    assert.ok(Math.max(...counts) - Math.min(...counts) <= 4, `from ${Math.min(...counts)} to ${Math.max(...counts)} Pods per Node`);
  });

  it('holds 30,000 bound Pods on 1,000 Nodes and still places new Pods', () => {
    const cache = new SchedulerCache();
    for (const node of makeNodes(1000, { cpu: '64', memory: '256Gi', pods: 110 })) cache.upsertNode(node);
    for (let i = 0; i < 30_000; i++) cache.upsertPod(replica(i, 0, `node-${(i % 1000) + 1}`));
    for (let i = 0; i < 300; i++) assert.equal(schedulePod(readPod(replica(100_000 + i, 0)), cache.nodeList()).outcome, 'scheduled');
    assert.equal(cache.node('node-1')!.podCount, 30);
  });

  it('reconciles each of 600 Pods once, ignoring the kubelet-like status writes', () => {
    const clock = new ManualClock();
    const store = new ObjectStore({ clock, random: createRandom(3) });
    for (const node of makeNodes(20, { cpu: '16', memory: '64Gi' })) store.create(node);
    const runtime = new ControllerRuntime(store, clock, [createScheduler()]);
    for (let d = 0; d < 200; d++) for (let r = 0; r < 3; r++) store.create(replica(d, r));
    const result = runtime.runUntilSettled();
    assert.equal(result.steps, 600, 'one reconcile per Pod');
  });
});
