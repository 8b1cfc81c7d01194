import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { createCluster, type Cluster } from '../../../simulator/src/cluster';
import { tolerationSeconds } from '../../../simulator/src/controllers/tainteviction';
import { runKubectl } from '../../../simulator/src/kubectl/commands/index';
import { setNodeHealth } from '../../../simulator/src/scheduler/nodeops';
import type { KubeObject } from '../../../simulator/src/store/store';

const PODS = kindInfo('v1', 'Pod')!;
const NODES = kindInfo('v1', 'Node')!;
const EVENTS = kindInfo('v1', 'Event')!;
const ENDPOINTS = kindInfo('v1', 'Endpoints')!;
type Obj = Record<string, unknown>;

const meta = (o: KubeObject): Obj => o.metadata as Obj;
const nodeOf = (pod: KubeObject): string => String((pod.spec as Obj).nodeName);
const ready = (pod: KubeObject): string | undefined => ((pod.status as { conditions?: Obj[] }).conditions ?? []).find((c) => c.type === 'Ready')?.status as string | undefined;

function withWeb(replicas = 4, seed = 21): Cluster {
  const cluster = createCluster({ seed });
  cluster.store.create({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
  });
  cluster.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  cluster.settle();
  return cluster;
}

const webPods = (cluster: Cluster): KubeObject[] => cluster.store.list(PODS, { labelSelector: 'app=web' });
const running = (cluster: Cluster): KubeObject[] => webPods(cluster).filter((p) => meta(p).deletionTimestamp === undefined);

describe('controllers: node failure and taint-based eviction', () => {
  it('taints a failed Node unreachable (NoSchedule and NoExecute) and marks its Pods not ready', () => {
    const cluster = withWeb();
    const onWorker1 = webPods(cluster).filter((p) => nodeOf(p) === 'worker-1');
    assert.ok(onWorker1.length > 0, 'some Pods run on worker-1');
    setNodeHealth(cluster.store, 'worker-1', false, cluster.clock.now());
    cluster.advance(1000);
    const taints = ((cluster.store.get(NODES, '', 'worker-1').spec as Obj).taints as Obj[]).map((t) => `${String(t.key)}:${String(t.effect)}`);
    assert.deepEqual(taints, ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    for (const pod of webPods(cluster).filter((p) => nodeOf(p) === 'worker-1')) assert.equal(ready(pod), 'False');
    const subsets = (cluster.store.get(ENDPOINTS, 'default', 'web').subsets ?? []) as { addresses?: Obj[]; notReadyAddresses?: Obj[] }[];
    assert.equal(subsets.flatMap((s) => s.addresses ?? []).length, 4 - onWorker1.length, 'the Service keeps only the Pods of healthy Nodes');
    const events = cluster.store.list(EVENTS).map((e) => `${String(e.reason)} ${String((e.source as Obj).component)}: ${String(e.message)}`);
    assert.ok(events.includes('NodeNotReady node-controller: Node worker-1 status is now: NodeNotReady'));
    assert.ok(events.includes('NodeNotReady node-controller: Node is not ready'));
  });

  it('evicts the Pods after their 300 s toleration, and the ReplicaSet recreates them on healthy Nodes', () => {
    const cluster = withWeb();
    const victims = webPods(cluster).filter((p) => nodeOf(p) === 'worker-1').map((p) => String(meta(p).name));
    setNodeHealth(cluster.store, 'worker-1', false, cluster.clock.now());
    cluster.advance(290_000);
    assert.equal(running(cluster).length, 4, 'still tolerated after 290 s');
    assert.ok(running(cluster).some((p) => nodeOf(p) === 'worker-1'));
    cluster.advance(20_000);
    const alive = running(cluster);
    assert.equal(alive.length, 4);
    assert.ok(alive.every((p) => nodeOf(p) !== 'worker-1'), 'every running Pod is on another Node');
    const evictions = cluster.store.list(EVENTS).filter((e) => e.reason === 'TaintManagerEviction');
    assert.deepEqual(evictions.map((e) => e.message).sort(), victims.map((name) => `Marking for deletion Pod default/${name}`).sort());
    assert.equal((evictions[0]!.source as Obj).component, 'taint-eviction-controller');
    // The failed kubelet never confirms: the old Pods stay Terminating, with their DisruptionTarget.
    for (const name of victims) {
      const pod = cluster.store.get(PODS, 'default', name);
      assert.notEqual(meta(pod).deletionTimestamp, undefined);
      const target = ((pod.status as { conditions: Obj[] }).conditions).find((c) => c.type === 'DisruptionTarget');
      assert.deepEqual([target?.reason, target?.message], ['DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint']);
    }
    const table = runKubectl(cluster, ['get', 'pods']).stdout;
    assert.equal(table.split('\n').filter((line) => / Terminating /.test(line)).length, victims.length);
  });

  it('finishes the deletions and removes the taints when the Node comes back', () => {
    const cluster = withWeb();
    setNodeHealth(cluster.store, 'worker-1', false, cluster.clock.now());
    cluster.advance(310_000);
    setNodeHealth(cluster.store, 'worker-1', true, cluster.clock.now());
    cluster.advance(60_000);
    assert.equal((cluster.store.get(NODES, '', 'worker-1').spec as Obj).taints, undefined);
    assert.equal(webPods(cluster).length, 4, 'the Terminating Pods are gone');
    assert.ok(cluster.store.list(EVENTS).some((e) => e.reason === 'NodeReady' && e.message === 'Node worker-1 status is now: NodeReady'));
  });

  it('cancels a scheduled eviction when the Node recovers in time', () => {
    const cluster = withWeb();
    const before = webPods(cluster).map((p) => String(meta(p).name)).sort();
    setNodeHealth(cluster.store, 'worker-1', false, cluster.clock.now());
    cluster.advance(60_000);
    setNodeHealth(cluster.store, 'worker-1', true, cluster.clock.now());
    cluster.advance(400_000);
    assert.deepEqual(webPods(cluster).map((p) => String(meta(p).name)).sort(), before);
    const messages = cluster.store.list(EVENTS).filter((e) => e.reason === 'TaintManagerEviction').map((e) => String(e.message));
    assert.ok(messages.length > 0 && messages.every((m) => m.startsWith('Cancelling deletion of Pod default/web-')));
  });

  it('computes the toleration a Pod has: none, forever, or the shortest seconds', () => {
    const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
    assert.equal(tolerationSeconds([unreachable], []), undefined);
    assert.equal(tolerationSeconds([unreachable], [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }]), -1);
    assert.equal(tolerationSeconds([unreachable], [{ operator: 'Exists', tolerationSeconds: 60 }, { key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 10 }]), 60);
    assert.equal(tolerationSeconds([unreachable, { key: 'x', value: 'y', effect: 'NoExecute' }], [{ operator: 'Exists', tolerationSeconds: 30 }]), 30);
  });
});
