import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject, type StoreOptions, type WatchEvent } from '../../../simulator/src/store/store';

const POD = kindInfo('v1', 'Pod')!;
const CONFIGMAP = kindInfo('v1', 'ConfigMap')!;
const NAMESPACE = kindInfo('v1', 'Namespace')!;
const DEPLOYMENT = kindInfo('apps/v1', 'Deployment')!;
const REPLICASET = kindInfo('apps/v1', 'ReplicaSet')!;

type Meta = Record<string, unknown>;
const meta = (object: KubeObject) => object.metadata as Meta;

function newStore(options: Partial<StoreOptions> = {}) {
  return new ObjectStore({ clock: new ManualClock(), random: createRandom(3), ...options });
}

function recorder(store: ObjectStore): string[] {
  const seen: string[] = [];
  store.watch((event: WatchEvent) => {
    const m = meta(event.object);
    const where = typeof m.namespace === 'string' ? `${m.namespace}/` : '';
    seen.push(`${event.type} ${String(event.object.kind)} ${where}${String(m.name)}`);
  });
  return seen;
}

const ownerRef = (owner: KubeObject) => ({
  apiVersion: owner.apiVersion,
  kind: owner.kind,
  name: meta(owner).name,
  uid: meta(owner).uid,
  controller: true,
  blockOwnerDeletion: true,
});

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };

/** A Deployment owning a ReplicaSet owning two Pods, as the controllers would leave them. */
function workload(store: ObjectStore, namespace = 'default') {
  const deployment = store.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template },
  });
  const replicaSet = store.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-7d4b9', namespace, ownerReferences: [ownerRef(deployment)] },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template },
  });
  const pods = ['web-7d4b9-aaaaa', 'web-7d4b9-bbbbb'].map((name) =>
    store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: { app: 'web' }, ownerReferences: [ownerRef(replicaSet)] }, spec: template.spec }),
  );
  return { deployment, replicaSet, pods };
}

const names = (objects: KubeObject[]) => objects.map((o) => String(meta(o).name));

describe('simulator/store: namespaces', () => {
  it('lets kube-node-lease and created namespaces be deleted, not default, kube-system, kube-public', () => {
    const store = newStore();
    for (const name of ['default', 'kube-system', 'kube-public']) assert.throws(() => store.delete(NAMESPACE, '', name), { reason: 'Forbidden' });
    store.delete(NAMESPACE, '', 'kube-node-lease');
    assert.deepEqual(names(store.list(NAMESPACE)), ['default', 'kube-public', 'kube-system']);
  });

  it('deleting a namespace turns it Terminating, deletes its content, then the namespace', () => {
    const store = newStore();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' } });
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'elsewhere', namespace: 'default' } });
    const events = recorder(store);
    store.delete(NAMESPACE, '', 'shop');
    assert.deepEqual(events, ['MODIFIED Namespace shop', 'DELETED ConfigMap shop/settings', 'MODIFIED Namespace shop', 'DELETED Namespace shop']);
    assert.equal(store.find(NAMESPACE, '', 'shop'), undefined);
    assert.deepEqual(names(store.list(CONFIGMAP)), ['elsewhere']);
  });

  it('keeps a namespace Terminating while content with finalizers remains, and finishes when they are removed', () => {
    const store = newStore();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: 'shop', finalizers: ['example.com/hold'] } });
    const answer = store.delete(NAMESPACE, '', 'shop');
    assert.equal((answer.status as Meta).phase, 'Terminating');
    const held = store.get(CONFIGMAP, 'shop', 'held');
    assert.ok(meta(held).deletionTimestamp, 'the content is being deleted');
    assert.equal((store.get(NAMESPACE, '', 'shop').status as Meta).phase, 'Terminating');
    assert.throws(() => store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }), { reason: 'AlreadyExists' });
    store.update({ ...held, metadata: { ...meta(held), finalizers: [] } });
    assert.equal(store.find(CONFIGMAP, 'shop', 'held'), undefined);
    assert.equal(store.find(NAMESPACE, '', 'shop'), undefined);
  });

  it('keeps the namespace phase and spec.finalizers out of reach of a plain update', () => {
    const store = newStore();
    const ns = store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    const updated = store.update({ ...ns, spec: { finalizers: [] }, status: { phase: 'Terminating' } });
    assert.deepEqual(updated.spec, { finalizers: ['kubernetes'] });
    assert.deepEqual(updated.status, { phase: 'Active' });
  });
});

describe('simulator/store: ownerReferences and garbage collection', () => {
  it('Background (default): deleting the owner deletes its dependents, recursively', () => {
    const store = newStore();
    workload(store);
    const events = recorder(store);
    store.delete(DEPLOYMENT, 'default', 'web');
    assert.deepEqual(events, [
      'DELETED Deployment default/web',
      'DELETED ReplicaSet default/web-7d4b9',
      'DELETED Pod default/web-7d4b9-aaaaa',
      'DELETED Pod default/web-7d4b9-bbbbb',
    ]);
    assert.deepEqual(store.list(POD), []);
  });

  it('Foreground: the owner is marked, its dependents go first, then the owner', () => {
    const store = newStore();
    workload(store);
    const events = recorder(store);
    store.delete(DEPLOYMENT, 'default', 'web', { propagationPolicy: 'Foreground' });
    assert.deepEqual(events, [
      'MODIFIED Deployment default/web',
      'MODIFIED ReplicaSet default/web-7d4b9',
      'DELETED Pod default/web-7d4b9-aaaaa',
      'DELETED Pod default/web-7d4b9-bbbbb',
      'MODIFIED ReplicaSet default/web-7d4b9',
      'DELETED ReplicaSet default/web-7d4b9',
      'MODIFIED Deployment default/web',
      'DELETED Deployment default/web',
    ]);
    assert.deepEqual(store.list(REPLICASET), []);
  });

  it('Foreground marks the owner with deletionTimestamp and the foregroundDeletion finalizer while it waits', () => {
    const store = newStore();
    workload(store);
    const marked: KubeObject[] = [];
    store.watch((event) => event.type === 'MODIFIED' && marked.push(event.object), { info: DEPLOYMENT });
    store.delete(DEPLOYMENT, 'default', 'web', { propagationPolicy: 'Foreground' });
    assert.deepEqual(meta(marked[0]!).finalizers, ['foregroundDeletion']);
    assert.equal(meta(marked[0]!).deletionTimestamp, '2024-01-01T00:00:00Z');
  });

  it('Orphan: dependents stay, without the ownerReference to the deleted owner', () => {
    const store = newStore();
    workload(store);
    store.delete(DEPLOYMENT, 'default', 'web', { propagationPolicy: 'Orphan' });
    const replicaSet = store.get(REPLICASET, 'default', 'web-7d4b9');
    assert.equal(meta(replicaSet).ownerReferences, undefined);
    assert.equal(store.list(POD).length, 2);
  });

  it('a dependent with another owner left only loses the dangling reference', () => {
    const store = newStore();
    const first = store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'first', namespace: 'default' } });
    const second = store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'second', namespace: 'default' } });
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shared', namespace: 'default', ownerReferences: [ownerRef(first), ownerRef(second)] } });
    store.delete(CONFIGMAP, 'default', 'first');
    const shared = store.get(CONFIGMAP, 'default', 'shared');
    assert.deepEqual((meta(shared).ownerReferences as Meta[]).map((ref) => ref.name), ['second']);
    store.delete(CONFIGMAP, 'default', 'second');
    assert.equal(store.find(CONFIGMAP, 'default', 'shared'), undefined);
  });

  it('an object with finalizers is only marked; removing the last finalizer deletes it and its dependents', () => {
    const clock = new ManualClock();
    const store = newStore({ clock });
    const owner = store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default', finalizers: ['example.com/cleanup'] } });
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'child', namespace: 'default', ownerReferences: [ownerRef(owner)] } });
    clock.advance(5_000);
    const marked = store.delete(CONFIGMAP, 'default', 'owner');
    assert.equal(meta(marked).deletionTimestamp, '2024-01-01T00:00:05Z');
    assert.equal(meta(marked).deletionGracePeriodSeconds, 0);
    assert.ok(store.find(CONFIGMAP, 'default', 'child'), 'dependents wait for the owner to be gone');
    const again = store.delete(CONFIGMAP, 'default', 'owner');
    assert.equal(meta(again).resourceVersion, meta(marked).resourceVersion, 'deleting again changes nothing');
    store.patch(CONFIGMAP, 'default', 'owner', { metadata: { finalizers: null } });
    assert.equal(store.find(CONFIGMAP, 'default', 'owner'), undefined);
    assert.equal(store.find(CONFIGMAP, 'default', 'child'), undefined);
  });
});

describe('simulator/store: Pod deletion grace period', () => {
  const scheduled = (name: string, extra: Meta = {}): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName: 'node-1', containers: [{ name: 'web', image: 'nginx' }], ...extra },
  });

  it('removes Pods at once by default: no kubelet is needed to finish', () => {
    const store = newStore();
    store.create(scheduled('p'));
    store.delete(POD, 'default', 'p');
    assert.equal(store.find(POD, 'default', 'p'), undefined);
  });

  it('with gracefulPodDeletion, a scheduled Pod is Terminating for terminationGracePeriodSeconds until deleted with grace 0', () => {
    const store = newStore({ gracefulPodDeletion: true });
    store.create(scheduled('p', { terminationGracePeriodSeconds: 10 }));
    const marked = store.delete(POD, 'default', 'p');
    assert.equal(meta(marked).deletionTimestamp, '2024-01-01T00:00:10Z');
    assert.equal(meta(marked).deletionGracePeriodSeconds, 10);
    assert.ok(store.find(POD, 'default', 'p'));
    store.delete(POD, 'default', 'p', { gracePeriodSeconds: 0 });
    assert.equal(store.find(POD, 'default', 'p'), undefined);
  });

  const immediate: [string, KubeObject][] = [
    ['an unscheduled Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }],
    ['a Pod deleted with gracePeriodSeconds 0', scheduled('p')],
  ];
  for (const [title, object] of immediate) {
    it(`removes ${title} at once even with gracefulPodDeletion`, () => {
      const store = newStore({ gracefulPodDeletion: true });
      store.create(object);
      store.delete(POD, 'default', 'p', { gracePeriodSeconds: 0 });
      assert.equal(store.find(POD, 'default', 'p'), undefined);
    });
  }

  it('honours an explicit grace period without gracefulPodDeletion', () => {
    const store = newStore();
    store.create(scheduled('p'));
    assert.equal(meta(store.delete(POD, 'default', 'p', { gracePeriodSeconds: 30 })).deletionGracePeriodSeconds, 30);
  });
});
