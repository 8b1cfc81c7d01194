import * as assert from 'node:assert/strict';
import { ManualClock, formatTimestamp } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createDaemonSetController } from '../../../simulator/src/controllers/daemonset';
import { computeHash } from '../../../simulator/src/controllers/deployment/hash';
import { createScheduler } from '../../../simulator/src/scheduler/scheduler';
import { defaultNodes, makeNodes } from '../../../simulator/src/scheduler/nodes';
import { self, splitKey, type Controller } from '../../../simulator/src/controllers/types';
import { createCluster, loadCluster } from '../../../simulator/src/cluster';
import { defaultControllers } from '../../../simulator/src/controllers/index';

const PODS = kindInfo('v1', 'Pod')!;
const NODES = kindInfo('v1', 'Node')!;
const DAEMON_SETS = kindInfo('apps/v1', 'DaemonSet')!;
const REVISIONS = kindInfo('apps/v1', 'ControllerRevision')!;
const EVENTS = kindInfo('v1', 'Event')!;

type Obj = Record<string, unknown>;
interface Meta {
  name: string;
  uid: string;
  generateName?: string;
  resourceVersion: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  ownerReferences?: { uid: string }[];
}
interface Pod {
  metadata: Meta;
  spec: {
    nodeName?: string;
    containers: { image: string }[];
    tolerations?: Obj[];
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: { matchFields: { values: string[] }[] }[] } } };
  };
  status: { phase: string };
}
interface DaemonSetStatus {
  desiredNumberScheduled: number;
  currentNumberScheduled: number;
  numberMisscheduled: number;
  numberReady: number;
  observedGeneration?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberUnavailable?: number;
}
interface DaemonSetView {
  metadata: Meta;
  spec: { template: Obj };
  status: DaemonSetStatus;
}
interface Revision {
  metadata: Meta;
  revision: number;
  data: { spec: { template: { $patch: string } } };
}
interface Event {
  reason: string;
  message: string;
  involvedObject: { kind: string };
  source: { component: string };
  metadata: Meta;
}
/** A typed view of a stored object (a test reads what it knows is there). */
const as = <T>(object: unknown): T => object as T;

/**
 * A stand-in kubelet: a bound Pod becomes Running and Ready `readyAfterMs` after it was
 * bound (unless `stuck` says otherwise); a terminating Pod is removed `stopAfterMs` later.
 */
function kubelet(options: { readyAfterMs?: number; stopAfterMs?: number; stuck?: (pod: Pod) => boolean } = {}): Controller {
  const readyAfter = options.readyAfterMs ?? 1000;
  const stopAfter = options.stopAfterMs ?? 2000;
  const boundAt = new Map<string, number>();
  return {
    name: 'kubelet',
    triggers: [self(PODS)],
    reconcile(key, reader) {
      const { namespace, name } = splitKey(key);
      const pod = as<Pod | undefined>(reader.get(PODS, namespace, name));
      if (!pod?.spec.nodeName) return { actions: [] };
      const uid = String(pod.metadata.uid);
      if (!boundAt.has(uid)) boundAt.set(uid, reader.now());
      if (pod.metadata.deletionTimestamp) {
        const due = Date.parse(pod.metadata.deletionTimestamp) - Number(pod.metadata.deletionGracePeriodSeconds) * 1000 + stopAfter;
        if (reader.now() < due) return { actions: [], requeueAfter: due - reader.now() };
        return { actions: [{ type: 'delete', info: PODS, namespace, name, options: { gracePeriodSeconds: 0 } }] };
      }
      if (pod.status.phase !== 'Pending' || options.stuck?.(pod)) return { actions: [] };
      const due = boundAt.get(uid)! + readyAfter;
      if (reader.now() < due) return { actions: [], requeueAfter: due - reader.now() };
      const now = formatTimestamp(reader.now());
      const conditions = [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: now }];
      return { actions: [{ type: 'updateStatus', object: { ...as<KubeObject>(pod), status: { ...pod.status, phase: 'Running', conditions } } }] };
    },
  };
}

function newCluster(options: { seed?: number; kubelet?: Controller; nodes?: KubeObject[] } = {}) {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(options.seed ?? 1), gracefulPodDeletion: true });
  const runtime = new ControllerRuntime(store, clock, [createDaemonSetController(), createScheduler(), options.kubelet ?? kubelet()]);
  for (const node of options.nodes ?? defaultNodes(undefined, { now: clock.now() })) store.create(node);
  runtime.runUntilSettled();
  return { clock, store, runtime };
}

const daemonSet = (spec: Obj = {}, template: Obj = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'fluentd', namespace: 'kube-system' },
  spec: {
    selector: { matchLabels: { name: 'fluentd' } },
    template: { metadata: { labels: { name: 'fluentd' } }, spec: { containers: [{ name: 'fluentd', image: 'fluentd:v1.16' }], ...template } },
    ...spec,
  },
});

const get = (store: ObjectStore): DaemonSetView => as<DaemonSetView>(store.get(DAEMON_SETS, 'kube-system', 'fluentd'));
const pods = (store: ObjectStore): Pod[] => store.list(PODS, { namespace: 'kube-system' }).map((object) => as<Pod>(object));
const podNodes = (store: ObjectStore): string[] => pods(store).map((pod) => String(pod.spec.nodeName)).sort();
const allEvents = (store: ObjectStore): Event[] => store.list(EVENTS).map((object) => as<Event>(object));
const events = (store: ObjectStore, reason?: string): string[] =>
  allEvents(store)
    .filter((event) => event.involvedObject.kind === 'DaemonSet' && (reason === undefined || event.reason === reason))
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((event) => `${event.reason}: ${event.message}`);
const revisions = (store: ObjectStore): Revision[] => store.list(REVISIONS).map((object) => as<Revision>(object));
const setImage = (store: ObjectStore, image: string): void => void store.patch(DAEMON_SETS, 'kube-system', 'fluentd', { spec: { template: { spec: { containers: [{ name: 'fluentd', image }] } } } });
const node = (store: ObjectStore, name: string): { spec: Obj } => as<{ spec: Obj }>(store.get(NODES, '', name));

/** Records, in order, the Pods created (+node), told to terminate (~node) and gone (-node). */
function journal(store: ObjectStore): string[] {
  const lines: string[] = [];
  const terminating = new Set<string>();
  store.watch((event) => {
    if (event.object.kind !== 'Pod') return;
    const pod = as<Pod>(event.object);
    const target = pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]!.matchFields[0]!.values[0]!;
    if (event.type === 'ADDED') lines.push(`+${target}`);
    else if (event.type === 'DELETED') lines.push(`-${target}`);
    else if (pod.metadata.deletionTimestamp && !terminating.has(pod.metadata.uid)) {
      terminating.add(pod.metadata.uid);
      lines.push(`~${target}`);
    }
  });
  return lines;
}

describe('simulator/controllers: DaemonSet', () => {
  it('runs one Pod on each worker, none on the tainted control plane', () => {
    const { store, runtime } = newCluster();
    store.create(daemonSet());
    runtime.runUntilSettled();
    assert.deepEqual(podNodes(store), ['worker-1', 'worker-2']);
    const names = pods(store).map((pod) => pod.metadata.name);
    for (const name of names) assert.match(name, /^fluentd-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.deepEqual(events(store).sort(), names.map((name) => `SuccessfulCreate: Created pod: ${name}`).sort());
    assert.equal(allEvents(store).find((e) => e.involvedObject.kind === 'DaemonSet')!.source.component, 'daemonset-controller');
  });

  it('writes the status the real controller writes', () => {
    const { store, runtime } = newCluster();
    store.create(daemonSet());
    runtime.runUntilSettled();
    assert.deepEqual(get(store).status, {
      currentNumberScheduled: 2,
      numberMisscheduled: 0,
      desiredNumberScheduled: 2,
      numberReady: 2,
      observedGeneration: 1,
      updatedNumberScheduled: 2,
      numberAvailable: 2,
    });
  });

  it('counts unavailable Pods while they start', () => {
    const { store, runtime } = newCluster({ kubelet: kubelet({ stuck: () => true }) });
    store.create(daemonSet());
    runtime.runUntilSettled();
    const status = get(store).status;
    assert.equal(status.desiredNumberScheduled, 2);
    assert.equal(status.currentNumberScheduled, 2);
    assert.equal(status.numberReady, 0);
    assert.equal(status.numberAvailable, undefined);
    assert.equal(status.numberUnavailable, 2);
  });

  it('pins each Pod to its Node by affinity and adds the daemon tolerations and labels', () => {
    const { store, runtime } = newCluster();
    store.create(daemonSet({}, { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] }));
    runtime.runUntilSettled();
    const ds = get(store);
    const [revision] = revisions(store);
    const pod = pods(store).find((p) => p.spec.nodeName === 'worker-1')!;
    assert.equal(pod.metadata.generateName, 'fluentd-');
    assert.deepEqual(pod.metadata.labels, { name: 'fluentd', 'controller-revision-hash': revision!.metadata.labels!['controller-revision-hash'], 'pod-template-generation': '1' });
    assert.deepEqual(pod.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: ds.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    assert.deepEqual(pod.spec.affinity, { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }] }] } } });
    assert.deepEqual(pod.spec.tolerations, [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
  });

  it('keeps its template in a ControllerRevision fluentd-<hash>', () => {
    const { store, runtime } = newCluster();
    store.create(daemonSet());
    runtime.runUntilSettled();
    const ds = get(store);
    const [revision, ...others] = revisions(store);
    assert.equal(others.length, 0);
    const hash = computeHash(ds.spec.template);
    assert.equal(revision!.metadata.name, `fluentd-${hash}`);
    assert.deepEqual(revision!.metadata.labels, { name: 'fluentd', 'controller-revision-hash': hash });
    assert.equal(revision!.revision, 1);
    assert.equal(revision!.data.spec.template.$patch, 'replace');
    assert.equal(revision!.metadata.ownerReferences![0]!.uid, ds.metadata.uid);
  });

  it('runs on the control plane too when the template tolerates its taint', () => {
    const { store, runtime } = newCluster();
    store.create(daemonSet({}, { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }));
    runtime.runUntilSettled();
    assert.deepEqual(podNodes(store), ['control-plane', 'worker-1', 'worker-2']);
  });

  it('follows the nodeSelector as Node labels change', () => {
    const { store, runtime } = newCluster();
    store.create(daemonSet({}, { nodeSelector: { disk: 'ssd' } }));
    runtime.runUntilSettled();
    assert.deepEqual(podNodes(store), []);
    assert.equal(get(store).status.desiredNumberScheduled, 0);
    store.patch(NODES, '', 'worker-2', { metadata: { labels: { disk: 'ssd' } } });
    runtime.runUntilSettled();
    assert.deepEqual(podNodes(store), ['worker-2']);
    store.patch(NODES, '', 'worker-2', { metadata: { labels: { disk: null } } });
    runtime.runUntilSettled();
    assert.deepEqual(podNodes(store), []);
    assert.deepEqual(events(store, 'SuccessfulDelete').length, 1);
  });

  it('follows Nodes added and removed', () => {
    const { clock, store, runtime } = newCluster();
    store.create(daemonSet());
    runtime.runUntilSettled();
    const [extra] = makeNodes(3, {}, { now: clock.now() }).slice(2);
    store.create(extra!);
    runtime.runUntilSettled();
    assert.deepEqual(podNodes(store), ['node-3', 'worker-1', 'worker-2']);
    assert.equal(get(store).status.desiredNumberScheduled, 3);
    store.delete(NODES, '', 'node-3');
    runtime.runUntilSettled();
    assert.equal(get(store).status.desiredNumberScheduled, 2);
    assert.equal(get(store).status.currentNumberScheduled, 2);
  });

  it('leaves its Pod on a Node tainted NoSchedule (misscheduled) but removes it for NoExecute', () => {
    const { store, runtime } = newCluster();
    store.create(daemonSet());
    runtime.runUntilSettled();
    store.patch(NODES, '', 'worker-1', { spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } });
    runtime.runUntilSettled();
    assert.deepEqual(podNodes(store), ['worker-1', 'worker-2']);
    const status = get(store).status;
    assert.equal(status.desiredNumberScheduled, 1);
    assert.equal(status.numberMisscheduled, 1);
    store.patch(NODES, '', 'worker-1', { spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] } });
    runtime.runUntilSettled();
    assert.deepEqual(podNodes(store), ['worker-2']);
    assert.equal(get(store).status.numberMisscheduled, 0);
  });

  it('runs on a cordoned Node: daemon Pods tolerate node.kubernetes.io/unschedulable', () => {
    const { clock, store, runtime } = newCluster();
    const [extra] = makeNodes(3, {}, { now: clock.now() }).slice(2);
    store.create({ ...extra!, spec: { ...as<Obj>(extra!.spec), unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] } });
    store.create(daemonSet());
    runtime.runUntilSettled();
    assert.deepEqual(podNodes(store), ['node-3', 'worker-1', 'worker-2']);
    assert.equal(node(store, 'node-3').spec.unschedulable, true);
  });

  it('rolls a new template out Node by Node, one unavailable at a time', () => {
    const { store, runtime } = newCluster();
    store.create(daemonSet());
    runtime.runUntilSettled();
    const seen = journal(store);
    setImage(store, 'fluentd:v1.17');
    runtime.runUntilSettled();
    // The replacement waits until the old Pod is gone from its Node.
    assert.deepEqual(seen, ['~worker-1', '-worker-1', '+worker-1', '~worker-2', '-worker-2', '+worker-2']);
    assert.deepEqual(
      revisions(store)
        .map((r) => r.revision)
        .sort(),
      [1, 2],
    );
    for (const pod of pods(store)) {
      assert.equal(pod.spec.containers[0]!.image, 'fluentd:v1.17');
      assert.equal(pod.metadata.labels!['pod-template-generation'], '2');
      assert.equal(pod.metadata.labels!['controller-revision-hash'], computeHash(get(store).spec.template));
    }
    const status = get(store).status;
    assert.equal(status.updatedNumberScheduled, 2);
    assert.equal(status.observedGeneration, 2);
  });

  it('surges a new Pod beside the old one when maxSurge is set', () => {
    const { store, runtime } = newCluster();
    store.create(daemonSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
    runtime.runUntilSettled();
    const seen = journal(store);
    setImage(store, 'fluentd:v1.17');
    runtime.runUntilSettled();
    // The old Pod is deleted once its successor is available; a terminating Pod no longer counts against maxSurge.
    assert.deepEqual(seen, ['+worker-1', '~worker-1', '+worker-2', '~worker-2', '-worker-1', '-worker-2']);
  });

  it('waits for manual deletions under OnDelete', () => {
    const { store, runtime } = newCluster();
    store.create(daemonSet({ updateStrategy: { type: 'OnDelete' } }));
    runtime.runUntilSettled();
    setImage(store, 'fluentd:v1.17');
    runtime.runUntilSettled();
    assert.deepEqual(pods(store).map((pod) => pod.spec.containers[0]!.image), ['fluentd:v1.16', 'fluentd:v1.16']);
    assert.equal(get(store).status.updatedNumberScheduled, undefined);
    const victim = pods(store).find((pod) => pod.spec.nodeName === 'worker-2')!;
    store.delete(PODS, 'kube-system', victim.metadata.name);
    runtime.runUntilSettled();
    const images = pods(store).map((pod) => `${String(pod.spec.nodeName)}=${pod.spec.containers[0]!.image}`).sort();
    assert.deepEqual(images, ['worker-1=fluentd:v1.16', 'worker-2=fluentd:v1.17']);
    assert.equal(get(store).status.updatedNumberScheduled, 1);
  });

  it('deletes a failed daemon Pod with a warning, and replaces it', () => {
    const { store, runtime } = newCluster();
    store.create(daemonSet());
    runtime.runUntilSettled();
    const failed = pods(store).find((pod) => pod.spec.nodeName === 'worker-1')!;
    store.updateStatus({ ...as<KubeObject>(failed), status: { ...failed.status, phase: 'Failed' } });
    runtime.runUntilSettled();
    assert.deepEqual(events(store, 'FailedDaemonPod'), [`FailedDaemonPod: Found failed daemon pod kube-system/${failed.metadata.name} on node worker-1, will try to kill it`]);
    assert.deepEqual(podNodes(store), ['worker-1', 'worker-2']);
    assert.ok(!pods(store).some((pod) => pod.metadata.uid === failed.metadata.uid));
  });

  it('keeps up with 100 Nodes', () => {
    const { store, runtime } = newCluster({ nodes: makeNodes(100) });
    store.create(daemonSet());
    const result = runtime.runUntilSettled();
    assert.ok(result.settled);
    assert.equal(pods(store).length, 100);
    assert.equal(get(store).status.numberReady, 100);
  });

  it('gives the same cluster for the same seed', () => {
    const run = () => {
      const { store, runtime } = newCluster({ seed: 7 });
      store.create(daemonSet());
      runtime.runUntilSettled();
      setImage(store, 'fluentd:v1.17');
      runtime.runUntilSettled();
      return JSON.stringify([pods(store), store.list(REVISIONS), get(store)]);
    };
    assert.equal(run(), run());
  });

  describe('in a whole cluster (scheduler, kubelet, node lifecycle)', () => {
    const controllers = (): Controller[] => [...defaultControllers().filter((c) => c.name !== 'daemonset-controller'), createDaemonSetController()];

    it('converges, and picks up where it was after a save and load', () => {
      const cluster = createCluster({ seed: 5, controllers: controllers() });
      // An image the simulated kubelet knows (its catalogue has no fluentd).
      cluster.store.create(daemonSet({}, { containers: [{ name: 'agent', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }] }));
      // The kubelet keeps a check for when `sleep 3600` ends: settle for a minute.
      cluster.settle({ maxSimulatedMs: 60_000 });
      assert.deepEqual(podNodes(cluster.store), ['worker-1', 'worker-2']);
      assert.equal(get(cluster.store).status.numberReady, 2);
      const loaded = loadCluster(JSON.parse(JSON.stringify(cluster.save())) as ReturnType<typeof cluster.save>, { controllers: controllers() });
      loaded.settle({ maxSimulatedMs: 60_000 });
      assert.equal(pods(loaded.store).length, 2);
      loaded.store.create(makeNodes(1, {}, { now: loaded.clock.now() })[0]!);
      loaded.settle({ maxSimulatedMs: 60_000 });
      assert.deepEqual(podNodes(loaded.store), ['node-1', 'worker-1', 'worker-2']);
      assert.equal(get(loaded.store).status.numberReady, 3);
      assert.deepEqual(loaded.runtime.errors.filter((error) => error.controller === 'daemonset-controller'), []);
    });
  });
});
