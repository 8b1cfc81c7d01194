import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { KINDS, kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { apply } from '../../../simulator/src/store/apply';
import { restore, snapshot, type StoreSnapshot } from '../../../simulator/src/store/snapshot';

type Meta = Record<string, unknown>;
const meta = (object: KubeObject) => object.metadata as Meta;
const POD = kindInfo('v1', 'Pod')!;
const NAMESPACE = kindInfo('v1', 'Namespace')!;
const CONFIGMAP = kindInfo('v1', 'ConfigMap')!;
const DEPLOYMENT = kindInfo('apps/v1', 'Deployment')!;

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };

/** A cluster with some history: applies, owners, generated names, statuses, deletions, finalizers. */
function busyCluster(seed = 2024): { store: ObjectStore; clock: ManualClock } {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(seed), gracefulPodDeletion: true });
  store.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', labels: { 'kubernetes.io/hostname': 'node-1' } }, status: { capacity: { cpu: '4', memory: '8Gi' } } });
  for (const ns of ['shop', 'blog', 'gone']) store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  for (const ns of ['default', 'shop', 'blog']) {
    clock.advance(1_000);
    const deployment = apply(store, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: ns }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template } }).object;
    const replicaSet = store.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { generateName: 'web-', namespace: ns, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: meta(deployment).uid, controller: true }] },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template },
    });
    for (let i = 0; i < 3; i++) {
      const pod = store.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { generateName: `${String(meta(replicaSet).name)}-`, namespace: ns, labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: meta(replicaSet).name, uid: meta(replicaSet).uid, controller: true }] },
        spec: { ...template.spec, nodeName: 'node-1' },
      });
      store.updateStatus({ ...pod, status: { phase: 'Running', podIP: `10.244.0.${i + 1}`, podIPs: [{ ip: `10.244.0.${i + 1}` }] } });
    }
    apply(store, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: ns }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: ns }, data: { mode: ns } });
  }
  clock.advance(5_000);
  apply(store, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 5, selector: { matchLabels: { app: 'web' } }, template } });
  const [victim] = store.list(POD, { namespace: 'blog' });
  store.delete(POD, 'blog', String(meta(victim!).name));
  store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: 'gone', finalizers: ['example.com/hold'] } });
  store.delete(NAMESPACE, '', 'gone');
  store.delete(DEPLOYMENT, 'default', 'web');
  return { store, clock };
}

/** Every object of every kind, as the store answers it. */
const everything = (store: ObjectStore) => KINDS.filter((info) => info.verbs.includes('list') && info.preferred).map((info) => store.list(info));

/** The same writes on any store: what happens after a restore must match what happens without one. */
function moreHistory(store: ObjectStore): unknown[] {
  const results: unknown[] = [];
  results.push(store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'later-', namespace: 'default' } }));
  results.push(apply(store, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'blog' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template } }));
  const held = store.get(CONFIGMAP, 'gone', 'held');
  results.push(store.update({ ...held, metadata: { ...meta(held), finalizers: [] } }));
  results.push(store.list(NAMESPACE));
  for (const pod of store.list(POD, { namespace: 'blog' })) results.push(store.delete(POD, 'blog', String(meta(pod).name), { gracePeriodSeconds: 0 }));
  results.push(store.resourceVersion());
  return results;
}

describe('simulator/store: snapshot and restore', () => {
  it('round-trips a busy cluster: the restored store answers every list the same', () => {
    const { store, clock } = busyCluster();
    const saved = snapshot(store);
    const restored = restore(JSON.parse(JSON.stringify(saved)) as StoreSnapshot, { clock });
    assert.deepEqual(everything(restored), everything(store));
    assert.equal(restored.resourceVersion(), store.resourceVersion());
    assert.equal(JSON.stringify(snapshot(restored)), JSON.stringify(saved));
  });

  it('holds the objects of a busy cluster: Running and Terminating pods, a Terminating namespace', () => {
    const { store } = busyCluster();
    const saved = snapshot(store);
    const restored = restore(saved, { clock: new ManualClock() });
    const pods = restored.list(POD);
    assert.equal(pods.length, 9);
    // Graceful deletion: the blog Pod deleted by hand, and the default Pods collected with
    // their Deployment, wait for a kubelet.
    assert.equal(pods.filter((pod) => meta(pod).deletionTimestamp !== undefined).length, 4);
    assert.equal(restored.list(kindInfo('apps/v1', 'ReplicaSet')!, { namespace: 'default' }).length, 0);
    assert.equal((restored.get(NAMESPACE, '', 'gone').status as Meta).phase, 'Terminating');
    assert.equal(saved.objects.length, new Set(saved.objects.map((o) => meta(o).uid)).size);
  });

  it('continues exactly as the saved store would: same uids, names, resourceVersions and cascades', () => {
    const { store, clock } = busyCluster();
    const restored = restore(snapshot(store), { clock });
    assert.deepEqual(moreHistory(restored), moreHistory(store));
    assert.equal(JSON.stringify(snapshot(restored)), JSON.stringify(snapshot(store)));
  });

  it('restores the garbage collector graph: deleting an owner after a restore still cascades', () => {
    const { store } = busyCluster();
    const restored = restore(snapshot(store), { clock: new ManualClock() });
    restored.delete(DEPLOYMENT, 'shop', 'web');
    assert.deepEqual(restored.list(POD, { namespace: 'shop' }), []);
  });

  it('sends no watch event for the loaded objects', () => {
    const { store } = busyCluster();
    const events: unknown[] = [];
    const restored = restore(snapshot(store), { clock: new ManualClock() });
    restored.watch((event) => events.push(event));
    assert.deepEqual(events, []);
  });

  it('refuses something that is not a snapshot', () => {
    assert.throws(() => restore({ objects: [] } as unknown as StoreSnapshot, { clock: new ManualClock() }), { reason: 'BadRequest' });
  });
});
