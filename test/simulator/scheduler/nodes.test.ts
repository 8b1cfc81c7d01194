import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { defaultNodes, makeNodes } from '../../../simulator/src/scheduler/nodes';
import { cordon, uncordon } from '../../../simulator/src/scheduler/nodeops';
import { drain } from '../../../simulator/src/scheduler/drain';
import { createNodeLifecycleController } from '../../../simulator/src/scheduler/lifecycle';

const NODE = kindInfo('v1', 'Node')!;
const POD = kindInfo('v1', 'Pod')!;
const EVENT = kindInfo('v1', 'Event')!;

type NodeView = {
  metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> };
  spec: { podCIDR: string; taints?: { key: string; effect: string; timeAdded?: string }[]; unschedulable?: boolean };
  status: {
    capacity: Record<string, string>;
    allocatable: Record<string, string>;
    conditions: { type: string; status: string; reason: string; message: string }[];
    addresses: { type: string; address: string }[];
    nodeInfo: Record<string, string>;
  };
};
const view = (node: KubeObject) => node as unknown as NodeView;

function newStore(nodes: KubeObject[] = defaultNodes()) {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(7) });
  for (const node of nodes) store.create(node);
  return { clock, store };
}

describe('simulator/scheduler: default Nodes', () => {
  it('registers one control plane and two workers, as kubeadm labels and taints them', () => {
    const { store } = newStore();
    const nodes = store.list(NODE).map(view);
    assert.deepEqual(
      nodes.map((n) => n.metadata.name),
      ['control-plane', 'worker-1', 'worker-2'],
    );
    const [controlPlane, worker] = nodes;
    assert.deepEqual(controlPlane!.spec.taints, [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }]);
    assert.equal(controlPlane!.metadata.labels['node-role.kubernetes.io/control-plane'], '');
    assert.equal(worker!.spec.taints, undefined);
    assert.equal(worker!.metadata.labels['node-role.kubernetes.io/control-plane'], undefined);
    assert.deepEqual(
      { hostname: worker!.metadata.labels['kubernetes.io/hostname'], os: worker!.metadata.labels['kubernetes.io/os'], arch: worker!.metadata.labels['kubernetes.io/arch'] },
      { hostname: 'worker-1', os: 'linux', arch: 'amd64' },
    );
    assert.deepEqual(
      nodes.map((n) => [n.spec.podCIDR, n.status.addresses[0]!.address]),
      [
        ['10.244.0.0/24', '172.18.0.2'],
        ['10.244.1.0/24', '172.18.0.3'],
        ['10.244.2.0/24', '172.18.0.4'],
      ],
    );
  });

  it('reports capacity, allocatable (minus the eviction thresholds), conditions and node info', () => {
    const worker = view(newStore().store.get(NODE, '', 'worker-1'));
    assert.deepEqual(worker.status.capacity, { cpu: '4', 'ephemeral-storage': '101430960Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8141208Ki', pods: '110' });
    assert.deepEqual(worker.status.allocatable, { cpu: '4', 'ephemeral-storage': '93478772736', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8038808Ki', pods: '110' });
    assert.deepEqual(
      worker.status.conditions.map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`),
      [
        'MemoryPressure=False KubeletHasSufficientMemory: kubelet has sufficient memory available',
        'DiskPressure=False KubeletHasNoDiskPressure: kubelet has no disk pressure',
        'PIDPressure=False KubeletHasSufficientPID: kubelet has sufficient PID available',
        'Ready=True KubeletReady: kubelet is posting ready status',
      ],
    );
    assert.equal(worker.status.nodeInfo.kubeletVersion, 'v1.30.0');
    assert.match(worker.status.nodeInfo.containerRuntimeVersion!, /^containerd:\/\/1\.7\.\d+$/);
    assert.deepEqual([worker.status.nodeInfo.operatingSystem, worker.status.nodeInfo.architecture], ['linux', 'amd64']);
    assert.match(worker.status.nodeInfo.systemUUID!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is the same every time, and different Nodes get different ids', () => {
    assert.deepEqual(defaultNodes(), defaultNodes());
    const ids = defaultNodes().map((n) => view(n).status.nodeInfo.machineID);
    assert.equal(new Set(ids).size, 3);
  });

  it('makes many benchmark Nodes with the given size', () => {
    const nodes = makeNodes(300, { cpu: '8', memory: '32Gi', pods: 250 }).map(view);
    assert.equal(nodes.length, 300);
    assert.deepEqual([nodes[0]!.metadata.name, nodes[299]!.metadata.name], ['node-1', 'node-300']);
    assert.deepEqual(nodes[0]!.status.allocatable, nodes[0]!.status.capacity);
    assert.equal(nodes[0]!.status.allocatable.memory, '32Gi');
    assert.equal(nodes[256]!.spec.podCIDR, '10.245.0.0/24');
    assert.equal(new Set(nodes.map((n) => n.spec.podCIDR)).size, 300);
  });
});

describe('simulator/scheduler: cordon, uncordon, drain', () => {
  it('cordons and uncordons with kubectl’s messages', () => {
    const { store } = newStore();
    assert.deepEqual(cordon(store, 'worker-1'), { changed: true, message: 'node/worker-1 cordoned' });
    assert.equal(view(store.get(NODE, '', 'worker-1')).spec.unschedulable, true);
    assert.deepEqual(cordon(store, 'worker-1'), { changed: false, message: 'node/worker-1 already cordoned' });
    assert.deepEqual(uncordon(store, 'worker-1'), { changed: true, message: 'node/worker-1 uncordoned' });
    assert.equal(view(store.get(NODE, '', 'worker-1')).spec.unschedulable, undefined);
    assert.deepEqual(uncordon(store, 'worker-1'), { changed: false, message: 'node/worker-1 already uncordoned' });
    assert.throws(() => cordon(store, 'worker-9'), /nodes "worker-9" not found/);
  });

  const bound = (name: string, extra: Record<string, unknown> = {}, owner?: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: owner, name: 'x', uid: 'u', controller: true }] } : {}) },
    spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx' }], ...extra },
  });

  it('refuses to drain Pods nobody recreates, or DaemonSet Pods, unless told, and then evicts nothing', () => {
    const { store } = newStore();
    store.create(bound('lonely'));
    store.create(bound('agent', {}, 'DaemonSet'));
    store.create(bound('web', {}, 'ReplicaSet'));
    const result = drain(store, ['worker-1']);
    assert.equal(result.drained, false);
    assert.deepEqual(result.output, ['node/worker-1 cordoned']);
    const daemonSet = 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent';
    const unmanaged = 'cannot delete Pods declare no controller (use --force to override): default/lonely';
    // utilerrors.Aggregate in brackets on the `unable to drain` line, then cmdutil.CheckErr's one error a line.
    assert.deepEqual(result.errors, [
      `error: unable to drain node "worker-1" due to error: [${daemonSet}, ${unmanaged}], continuing command...`,
      'There are pending nodes to be drained:',
      ' worker-1',
      daemonSet,
      unmanaged,
    ]);
    assert.equal(store.list(POD).length, 3);
  });

  it('drains with --ignore-daemonsets --force: warns, evicts the rest, leaves DaemonSet Pods', () => {
    const { store } = newStore();
    store.create(bound('lonely'));
    store.create(bound('agent', {}, 'DaemonSet'));
    store.create(bound('cache', { volumes: [{ name: 'tmp', emptyDir: {} }] }, 'ReplicaSet'));
    store.create(bound('elsewhere', { nodeName: 'worker-2' }));
    assert.equal(drain(store, ['worker-1'], { ignoreDaemonSets: true, force: true }).drained, false, 'the emptyDir needs --delete-emptydir-data');
    const result = drain(store, ['worker-1'], { ignoreDaemonSets: true, force: true, deleteEmptyDirData: true });
    assert.deepEqual(result.errors, ['Warning: deleting Pods that declare no controller: default/lonely; ignoring DaemonSet-managed Pods: default/agent']);
    assert.deepEqual(result.output, ['node/worker-1 already cordoned', 'evicting pod default/cache', 'evicting pod default/lonely', 'pod/cache evicted', 'pod/lonely evicted', 'node/worker-1 drained']);
    assert.deepEqual(
      store.list(POD).map((p) => (p.metadata as { name: string }).name),
      ['agent', 'elsewhere'],
    );
  });
});

describe('simulator/scheduler: node lifecycle taints', () => {
  function withController() {
    const { clock, store } = newStore();
    const runtime = new ControllerRuntime(store, clock, [createNodeLifecycleController()]);
    return { clock, store, runtime };
  }

  it('taints a cordoned Node node.kubernetes.io/unschedulable:NoSchedule, with the kubelet’s event, and removes it on uncordon', () => {
    const { clock, store, runtime } = withController();
    runtime.resyncAll();
    runtime.runUntilSettled();
    assert.equal(view(store.get(NODE, '', 'worker-1')).spec.taints, undefined, 'nothing to do on healthy Nodes');
    clock.advance(5000);
    cordon(store, 'worker-1');
    runtime.runUntilSettled();
    assert.deepEqual(view(store.get(NODE, '', 'worker-1')).spec.taints, [{ effect: 'NoSchedule', key: 'node.kubernetes.io/unschedulable', timeAdded: '2024-01-01T00:00:05Z' }]);
    cordon(store, 'control-plane');
    runtime.runUntilSettled();
    assert.deepEqual(
      view(store.get(NODE, '', 'control-plane')).spec.taints!.map((t) => t.key),
      ['node-role.kubernetes.io/control-plane', 'node.kubernetes.io/unschedulable'],
    );
    uncordon(store, 'worker-1');
    runtime.runUntilSettled();
    assert.equal(view(store.get(NODE, '', 'worker-1')).spec.taints, undefined);
    const events = store.list(EVENT).map((e) => `${String(e.reason)}: ${String(e.message)} (${String((e.source as { component: string }).component)})`);
    assert.deepEqual(events.sort(), [
      'NodeNotSchedulable: Node control-plane status is now: NodeNotSchedulable (kubelet)',
      'NodeNotSchedulable: Node worker-1 status is now: NodeNotSchedulable (kubelet)',
      'NodeSchedulable: Node worker-1 status is now: NodeSchedulable (kubelet)',
    ]);
  });

  it('taints a NotReady Node node.kubernetes.io/not-ready, NoSchedule and NoExecute', () => {
    const { store, runtime } = withController();
    const node = store.get(NODE, '', 'worker-2');
    const status = node.status as { conditions: { type: string; status: string }[] };
    status.conditions = status.conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' } : c));
    store.updateStatus(node);
    runtime.runUntilSettled();
    assert.deepEqual(
      view(store.get(NODE, '', 'worker-2')).spec.taints!.map((t) => `${t.key}:${t.effect}`),
      ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute'],
    );
  });
});
