import * as assert from 'node:assert/strict';
import { ManualClock, formatTimestamp } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createReplicaSetController } from '../../../simulator/src/controllers/replicaset';
import { self, splitKey, type Controller } from '../../../simulator/src/controllers/types';

const PODS = kindInfo('v1', 'Pod')!;
const REPLICA_SETS = kindInfo('apps/v1', 'ReplicaSet')!;
const EVENTS = kindInfo('v1', 'Event')!;
type Obj = Record<string, unknown>;
interface Container {
  name: string;
  image: string;
}
interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
}
interface Meta {
  name: string;
  namespace?: string;
  uid?: string;
  generateName?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Obj[];
}
interface Spec {
  replicas?: number;
  nodeName?: string;
  paused?: boolean;
  containers?: Container[];
  selector?: unknown;
  template?: { metadata?: Meta; spec?: { containers?: Container[] } };
}
interface Status {
  phase?: string;
  conditions?: Condition[];
  [field: string]: unknown;
}
const meta = (object: KubeObject): Meta => object.metadata as Meta;
const spec = (object: KubeObject) => (object.spec ?? {}) as Spec;
const status = (object: KubeObject): Status => (object.status ?? {}) as Status;

/**
 * A stand-in kubelet: binds a new Pod to a node, then after `readyAfterMs` marks it Running
 * and Ready, unless `stuck` says it never gets ready.
 */
function kubelet(options: { readyAfterMs?: number; stuck?: (pod: KubeObject) => boolean } = {}): Controller {
  const delay = options.readyAfterMs ?? 1000;
  return {
    name: 'kubelet',
    triggers: [self(PODS)],
    reconcile(key, reader) {
      const { namespace, name } = splitKey(key);
      const pod = reader.get(PODS, namespace, name);
      if (!pod || meta(pod).deletionTimestamp) return { actions: [] };
      if (!spec(pod).nodeName) return { actions: [{ type: 'bind', namespace, name, node: `node-${name.charCodeAt(name.length - 1) % 3}` }] };
      if (status(pod).phase === 'Running' || options.stuck?.(pod)) return { actions: [] };
      const due = Date.parse(meta(pod).creationTimestamp as string) + delay;
      if (reader.now() < due) return { actions: [], requeueAfter: due - reader.now() };
      const now = formatTimestamp(reader.now());
      const conditions = [{ type: 'Ready', status: 'True', lastTransitionTime: now }];
      const containerStatuses = spec(pod).containers!.map((c) => ({ name: c.name, image: c.image, imageID: `${String(c.image)}@sha256:0`, ready: true, restartCount: 0, started: true, state: { running: { startedAt: now } } }));
      return { actions: [{ type: 'updateStatus', object: { ...pod, status: { ...status(pod), phase: 'Running', conditions, containerStatuses } } }] };
    },
  };
}

function newCluster(seed = 1, controllers: Controller[] = [kubelet()], options: { gracefulPodDeletion?: boolean } = {}) {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(seed), gracefulPodDeletion: options.gracefulPodDeletion ?? false });
  const runtime = new ControllerRuntime(store, clock, [createReplicaSetController(), ...controllers]);
  return { clock, store, runtime };
}

const replicaSet = (replicas: number, extra: Obj = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-7d4b9c8f5', namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web', tier: 'front' }, annotations: { note: 'from the template' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
    ...extra,
  },
});

const bare = (name: string, labels: Record<string, string> = { app: 'web', tier: 'front' }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels },
  spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] },
});

const podNames = (store: ObjectStore): string[] => store.list(PODS).map((pod) => String(meta(pod).name));
const events = (store: ObjectStore, reason: string): string[] => store.list(EVENTS).filter((event) => event.reason === reason).map((event) => String(event.message));
const scaleTo = (store: ObjectStore, replicas: number): void => void store.patch(REPLICA_SETS, 'default', 'web-7d4b9c8f5', { spec: { replicas } });

describe('simulator/controllers: ReplicaSet', () => {
  it('creates Pods from the template, named after the ReplicaSet and controlled by it', () => {
    const { store, runtime } = newCluster();
    const rs = store.create(replicaSet(3));
    runtime.runUntilSettled();
    const pods = store.list(PODS);
    assert.equal(pods.length, 3);
    for (const pod of pods) {
      assert.match(String(meta(pod).name), /^web-7d4b9c8f5-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      assert.equal(meta(pod).generateName, 'web-7d4b9c8f5-');
      assert.deepEqual(meta(pod).labels, { app: 'web', tier: 'front' });
      assert.deepEqual(meta(pod).annotations, { note: 'from the template' });
      assert.deepEqual(meta(pod).ownerReferences, [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c8f5', uid: meta(rs).uid, controller: true, blockOwnerDeletion: true }]);
    }
    assert.deepEqual(events(store, 'SuccessfulCreate').sort(), podNames(store).map((name) => `Created pod: ${name}`));
    const event = store.list(EVENTS).find((candidate) => candidate.reason === 'SuccessfulCreate')!;
    assert.deepEqual([event.type, (event.source as Obj).component, (event.involvedObject as Obj).kind], ['Normal', 'replicaset-controller', 'ReplicaSet']);
  });

  it('reports replicas, fullyLabeledReplicas, readyReplicas, availableReplicas and observedGeneration', () => {
    const { store, runtime } = newCluster();
    store.create(replicaSet(3));
    runtime.advance(100);
    assert.deepEqual(status(store.get(REPLICA_SETS, 'default', 'web-7d4b9c8f5')), { replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    runtime.runUntilSettled();
    assert.deepEqual(status(store.get(REPLICA_SETS, 'default', 'web-7d4b9c8f5')), { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it('omits zero counts but always reports replicas, as the API does', () => {
    const { store, runtime } = newCluster();
    store.create(replicaSet(2));
    runtime.runUntilSettled();
    scaleTo(store, 0);
    runtime.runUntilSettled();
    assert.deepEqual(status(store.get(REPLICA_SETS, 'default', 'web-7d4b9c8f5')), { replicas: 0, observedGeneration: 2 });
    assert.deepEqual(podNames(store), []);
  });

  it('deletes the surplus, unscheduled and not-ready Pods before running ones, and says so', () => {
    // No kubelet: the Pods stay as this test makes them.
    const { store, runtime, clock } = newCluster(3, []);
    store.create(replicaSet(4));
    runtime.runUntilSettled();
    const [a, b, c, d] = podNames(store);
    const set = (name: string, nodeName: string | undefined, ready: boolean) => {
      if (nodeName) store.bindPod('default', name, nodeName);
      const pod = store.get(PODS, 'default', name);
      const conditions = [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: formatTimestamp(clock.now()) }];
      store.updateStatus({ ...pod, status: { ...status(pod), phase: nodeName ? 'Running' : 'Pending', conditions } });
    };
    set(a!, 'node-1', true);
    set(b!, 'node-2', true);
    set(c!, 'node-1', false);
    set(d!, undefined, false);
    runtime.runUntilSettled();
    scaleTo(store, 2);
    runtime.runUntilSettled();
    assert.deepEqual(podNames(store), [a, b]);
    assert.deepEqual(events(store, 'SuccessfulDelete').sort(), [`Deleted pod: ${c}`, `Deleted pod: ${d}`].sort());
  });

  it('among equally ready Pods, deletes the most recently ready one first', () => {
    const { store, runtime, clock } = newCluster(5, [kubelet({ readyAfterMs: 0 })]);
    store.create(replicaSet(1));
    runtime.runUntilSettled();
    const first = podNames(store)[0]!;
    clock.advance(3_600_000);
    scaleTo(store, 2);
    runtime.runUntilSettled();
    const second = podNames(store).find((name) => name !== first)!;
    clock.advance(60_000);
    scaleTo(store, 1);
    runtime.runUntilSettled();
    assert.deepEqual(podNames(store), [first]);
    assert.ok(events(store, 'SuccessfulDelete').includes(`Deleted pod: ${second}`));
  });

  it('adopts matching orphans instead of creating Pods for them', () => {
    const { store, runtime } = newCluster();
    store.create(bare('handmade'));
    const rs = store.create(replicaSet(2));
    runtime.runUntilSettled();
    const pods = store.list(PODS);
    assert.equal(pods.length, 2);
    const adopted = store.get(PODS, 'default', 'handmade');
    assert.deepEqual(meta(adopted).ownerReferences, [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c8f5', uid: meta(rs).uid, controller: true, blockOwnerDeletion: true }]);
    assert.equal(events(store, 'SuccessfulCreate').length, 1);
  });

  it('adopts an orphan created later and deletes the surplus it makes', () => {
    const { store, runtime } = newCluster();
    store.create(replicaSet(2));
    runtime.runUntilSettled();
    store.create(bare('intruder'));
    runtime.runUntilSettled();
    // The intruder is not scheduled yet when the ReplicaSet counts 3: it is the one to go.
    assert.equal(store.list(PODS).length, 2);
    assert.deepEqual(events(store, 'SuccessfulDelete'), ['Deleted pod: intruder']);
  });

  it('leaves alone Pods whose labels do not match and Pods another controller owns', () => {
    const { store, runtime } = newCluster();
    store.create(bare('other', { app: 'db' }));
    store.create({ ...bare('owned'), metadata: { ...(bare('owned').metadata as Obj), ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid: 'u-1', controller: true }] } });
    store.create(replicaSet(1));
    runtime.runUntilSettled();
    assert.equal(meta(store.get(PODS, 'default', 'other')).ownerReferences, undefined);
    assert.equal(meta(store.get(PODS, 'default', 'owned')).ownerReferences?.[0]?.uid, 'u-1');
    assert.equal(store.list(PODS).length, 3);
  });

  it('releases a Pod relabelled out of its selector, and replaces it', () => {
    const { store, runtime } = newCluster();
    store.create(replicaSet(1));
    runtime.runUntilSettled();
    const [name] = podNames(store);
    store.patch(PODS, 'default', name!, { metadata: { labels: { app: 'debug' } } });
    runtime.runUntilSettled();
    assert.equal(meta(store.get(PODS, 'default', name!)).ownerReferences, undefined);
    assert.equal(store.list(PODS, { labelSelector: 'app=web' }).length, 1);
  });

  it('counts Pods available only after minReadySeconds, and looks again then', () => {
    const { store, runtime } = newCluster(1, [kubelet({ readyAfterMs: 0 })]);
    store.create(replicaSet(2, { minReadySeconds: 10 }));
    runtime.advance(1000);
    const rs = () => status(store.get(REPLICA_SETS, 'default', 'web-7d4b9c8f5'));
    assert.equal(rs().readyReplicas, 2);
    assert.equal(rs().availableReplicas, undefined);
    runtime.advance(9000);
    assert.equal(rs().availableReplicas, undefined, 'still within minReadySeconds');
    runtime.advance(2000);
    assert.equal(rs().availableReplicas, 2);
  });

  it('does not count Terminating Pods and replaces them at once', () => {
    const { store, runtime } = newCluster(1, [kubelet()], { gracefulPodDeletion: true });
    store.create(replicaSet(2));
    runtime.runUntilSettled();
    const [victim] = podNames(store);
    store.delete(PODS, 'default', victim!);
    runtime.runUntilSettled();
    const active = store.list(PODS).filter((pod) => !meta(pod).deletionTimestamp);
    assert.equal(active.length, 2);
    assert.ok(meta(store.get(PODS, 'default', victim!)).deletionTimestamp, 'still Terminating');
    assert.equal(status(store.get(REPLICA_SETS, 'default', 'web-7d4b9c8f5')).replicas, 2);
  });

  it('gives the same Pod names for the same seed, other names for another seed', () => {
    const run = (seed: number) => {
      const { store, runtime } = newCluster(seed);
      store.create(replicaSet(3));
      runtime.runUntilSettled();
      return podNames(store);
    };
    assert.deepEqual(run(42), run(42));
    assert.notDeepEqual(run(42), run(43));
  });

  it('creates Pods again when they are deleted, and stops with the ReplicaSet', () => {
    const { store, runtime } = newCluster();
    store.create(replicaSet(2));
    runtime.runUntilSettled();
    for (const name of podNames(store)) store.delete(PODS, 'default', name);
    runtime.runUntilSettled();
    assert.equal(store.list(PODS).length, 2);
    store.delete(REPLICA_SETS, 'default', 'web-7d4b9c8f5');
    runtime.runUntilSettled();
    assert.deepEqual(podNames(store), [], 'the garbage collector took the Pods');
    assert.deepEqual(runtime.errors, []);
  });
});
