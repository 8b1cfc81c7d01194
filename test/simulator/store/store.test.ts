import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, INITIAL_NAMESPACES, type KubeObject } from '../../../simulator/src/store/store';

const POD = kindInfo('v1', 'Pod')!;
const CONFIGMAP = kindInfo('v1', 'ConfigMap')!;
const DEPLOYMENT = kindInfo('apps/v1', 'Deployment')!;
const NAMESPACE = kindInfo('v1', 'Namespace')!;
const NODE = kindInfo('v1', 'Node')!;

function newStore(clock = new ManualClock()) {
  return new ObjectStore({ clock, random: createRandom(42) });
}

const configMap = (name: string, namespace = 'default', data: Record<string, string> = { a: '1' }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace },
  data,
});

const pod = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] },
  ...extra,
});

const deployment = (replicas = 2): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
  },
});

const service = (): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
});

const endpointSlice = (): KubeObject => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'web-abc12', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
  addressType: 'IPv4',
  endpoints: [{ addresses: ['10.244.0.5'] }],
  ports: [{ name: '', port: 80, protocol: 'TCP' }],
});

const meta = (object: KubeObject) => object.metadata as Record<string, unknown>;
/** Typed access to the few spec fields read below. */
type WorkloadSpec = { selector?: unknown; template: { metadata: { labels: Record<string, string> }; spec: { containers: { name: string }[] } } };
const workloadSpec = (object: KubeObject) => object.spec as WorkloadSpec;

describe('simulator/store: object store CRUD', () => {
  it('starts with the four namespaces of a fresh cluster, Active with the kubernetes finalizer', () => {
    const store = newStore();
    const namespaces = store.list(NAMESPACE);
    assert.deepEqual(namespaces.map((ns) => meta(ns).name), [...INITIAL_NAMESPACES].sort());
    for (const ns of namespaces) {
      assert.deepEqual(ns.status, { phase: 'Active' });
      assert.deepEqual(ns.spec, { finalizers: ['kubernetes'] });
    }
  });

  it('fills uid, resourceVersion and creationTimestamp on create', () => {
    const clock = new ManualClock(Date.UTC(2024, 4, 17, 9, 30, 12, 700));
    const store = newStore(clock);
    const created = store.create(configMap('settings'));
    assert.match(String(meta(created).uid), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(meta(created).resourceVersion, '5');
    assert.equal(meta(created).creationTimestamp, '2024-05-17T09:30:12Z');
  });

  it('hands out one resourceVersion counter for every resource, as strings', () => {
    const store = newStore();
    const versions = [store.create(configMap('a')), store.create(pod('p')), store.create(configMap('b'))].map((o) => meta(o).resourceVersion);
    assert.deepEqual(versions, ['5', '6', '7']);
    assert.equal(store.resourceVersion(), '7');
  });

  it('applies the API server defaults on create', () => {
    const store = newStore();
    const created = store.create(deployment());
    const spec = created.spec as Record<string, unknown>;
    assert.equal(spec.revisionHistoryLimit, 10);
    assert.deepEqual(spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
  });

  it('puts a namespaced object that names no namespace in default, and drops the namespace of a cluster-scoped one', () => {
    const store = newStore();
    const withoutNamespace = store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    assert.equal(meta(withoutNamespace).namespace, 'default');
    const node = store.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', namespace: 'default' } });
    assert.equal(meta(node).namespace, undefined);
    assert.equal(meta(store.get(NODE, 'anything', 'node-1')).name, 'node-1');
  });

  it('starts a Pod Pending with its QoS class, and ignores a status sent on create', () => {
    const store = newStore();
    const created = store.create(pod('p', { status: { phase: 'Running' } }));
    assert.deepEqual(created.status, { phase: 'Pending', qosClass: 'BestEffort' });
  });

  const qosCases: [string, Record<string, unknown>, string][] = [
    ['no requests nor limits', {}, 'BestEffort'],
    ['limits on cpu and memory only (requests default to them)', { limits: { cpu: '500m', memory: '128Mi' } }, 'Guaranteed'],
    ['requests equal to limits', { requests: { cpu: '0.5', memory: '128Mi' }, limits: { cpu: '500m', memory: '128Mi' } }, 'Guaranteed'],
    ['requests below limits', { requests: { cpu: '100m' }, limits: { cpu: '500m', memory: '128Mi' } }, 'Burstable'],
    ['a request alone', { requests: { memory: '64Mi' } }, 'Burstable'],
  ];
  for (const [title, resources, expected] of qosCases) {
    it(`classes a Pod with ${title} as ${expected}`, () => {
      const store = newStore();
      const created = store.create(pod('p', { spec: { containers: [{ name: 'web', image: 'nginx', resources }] } }));
      assert.equal((created.status as Record<string, unknown>).qosClass, expected);
    });
  }

  it('generates a name from generateName with five characters of the apimachinery alphabet', () => {
    const store = newStore();
    const created = store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'web-', namespace: 'default' } });
    assert.match(String(meta(created).name), /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.deepEqual(store.get(CONFIGMAP, 'default', String(meta(created).name)), created);
  });

  it('truncates a long generateName to 58 characters before the suffix', () => {
    const store = newStore();
    const created = store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'x'.repeat(70), namespace: 'default' } });
    assert.equal(String(meta(created).name).length, 63);
  });

  it('returns copies: changing what get, list or create returned does not change the store', () => {
    const store = newStore();
    const input = configMap('settings');
    const created = store.create(input);
    (input.data as Record<string, string>).a = 'changed input';
    (created.data as Record<string, string>).a = 'changed result';
    (store.get(CONFIGMAP, 'default', 'settings').data as Record<string, string>).a = 'changed get';
    (store.list(CONFIGMAP)[0]!.data as Record<string, string>).a = 'changed list';
    assert.deepEqual(store.get(CONFIGMAP, 'default', 'settings').data, { a: '1' });
  });

  it('lists by namespace then name, in one namespace or all', () => {
    const store = newStore();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } });
    for (const [name, ns] of [['b', 'default'], ['a', 'default'], ['c', 'apps'], ['a', 'apps']] as const) store.create(configMap(name, ns));
    const key = (o: KubeObject) => `${String(meta(o).namespace)}/${String(meta(o).name)}`;
    assert.deepEqual(store.list(CONFIGMAP).map(key), ['apps/a', 'apps/c', 'default/a', 'default/b']);
    assert.deepEqual(store.list(CONFIGMAP, { namespace: 'default' }).map(key), ['default/a', 'default/b']);
    assert.deepEqual(store.list(CONFIGMAP, { namespace: 'elsewhere' }), []);
  });

  it('filters a list with label and field selectors', () => {
    const store = newStore();
    store.create(pod('web-1'));
    store.create({ ...pod('db-1'), metadata: { name: 'db-1', namespace: 'default', labels: { app: 'db' } } });
    assert.deepEqual(store.list(POD, { labelSelector: 'app=web' }).map((o) => meta(o).name), ['web-1']);
    assert.deepEqual(store.list(POD, { fieldSelector: 'metadata.name!=web-1' }).map((o) => meta(o).name), ['db-1']);
    assert.deepEqual(store.list(POD, { labelSelector: 'app in (web,db)', fieldSelector: 'status.phase=Pending' }).length, 2);
  });

  it('find answers undefined instead of NotFound', () => {
    const store = newStore();
    assert.equal(store.find(CONFIGMAP, 'default', 'nope'), undefined);
    store.create(configMap('here'));
    assert.equal(meta(store.find(CONFIGMAP, 'default', 'here')!).name, 'here');
  });

  it('bumps the generation on a spec change, not on a metadata change', () => {
    const store = newStore();
    const created = store.create(deployment(2));
    const labelled = store.update({ ...created, metadata: { ...meta(created), labels: { team: 'a' } } });
    assert.equal(meta(labelled).generation, 1);
    const scaled = store.update({ ...labelled, spec: { ...(labelled.spec as object), replicas: 5 } });
    assert.equal(meta(scaled).generation, 2);
    assert.equal(Number(meta(scaled).resourceVersion) > Number(meta(labelled).resourceVersion), true);
  });

  it('gives a Pod no generation (v1.30), on create and update, whatever the client sends', () => {
    const store = newStore();
    const created = store.create(pod('web', { metadata: { name: 'web', namespace: 'default', generation: 5 } }));
    assert.equal(meta(created).generation, undefined);
    const changed = store.update({ ...created, metadata: { ...meta(created), generation: 7 }, spec: { ...(created.spec as object), activeDeadlineSeconds: 60 } });
    assert.equal(meta(changed).generation, undefined);
    assert.equal((changed.spec as Record<string, unknown>).activeDeadlineSeconds, 60);
  });

  it('gives a ConfigMap no generation (v1.30), on create and update, whatever the client sends', () => {
    const store = newStore();
    const created = store.create({ ...configMap('settings'), metadata: { name: 'settings', namespace: 'default', generation: 3 } });
    assert.equal(meta(created).generation, undefined);
    const changed = store.update({ ...created, metadata: { ...meta(created), generation: 4 }, data: { a: '2' } });
    assert.equal(meta(changed).generation, undefined);
    assert.deepEqual(changed.data, { a: '2' });
  });

  it('gives a Service no generation, even when its spec changes', () => {
    const store = newStore();
    const created = store.create(service());
    assert.equal(meta(created).generation, undefined);
    const changed = store.update({ ...created, spec: { ...(created.spec as object), ports: [{ port: 8080, targetPort: 80 }] } });
    assert.equal((changed.spec as { ports: { port: number }[] }).ports[0]!.port, 8080);
    assert.equal(meta(changed).generation, undefined);
  });

  it('starts a Deployment at generation 1 whatever the client sends, and keeps it on a labels-only update', () => {
    const store = newStore();
    const created = store.create({ ...deployment(), metadata: { name: 'web', namespace: 'default', generation: 9 } });
    assert.equal(meta(created).generation, 1);
    const labelled = store.update({ ...created, metadata: { ...meta(created), generation: 7, labels: { team: 'a' } } });
    assert.equal(meta(labelled).generation, 1);
    const scaled = store.update({ ...labelled, spec: { ...(labelled.spec as object), replicas: 4 } });
    assert.equal(meta(scaled).generation, 2);
  });

  it('bumps an EndpointSlice\'s generation on a labels change too (its strategy counts them)', () => {
    const store = newStore();
    const created = store.create(endpointSlice());
    assert.equal(meta(created).generation, 1);
    const labelled = store.update({ ...created, metadata: { ...meta(created), labels: { 'kubernetes.io/service-name': 'web', team: 'a' } } });
    assert.equal(meta(labelled).generation, 2);
    const annotated = store.update({ ...labelled, metadata: { ...meta(labelled), annotations: { note: 'x' } } });
    assert.equal(meta(annotated).generation, 2);
  });

  it('gives a PriorityClass generation 1, which its updates never bump', () => {
    const store = newStore();
    const created = store.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
    assert.equal(meta(created).generation, 1);
    const described = store.update({ ...created, description: 'Pour les Pods critiques' });
    assert.equal(described.description, 'Pour les Pods critiques');
    assert.equal(meta(described).generation, 1);
  });

  it('keeps uid and creationTimestamp on update, whatever the client sends', () => {
    const clock = new ManualClock();
    const store = newStore(clock);
    const created = store.create(configMap('settings'));
    clock.advance(60_000);
    const { uid: _uid, creationTimestamp: _created, ...rest } = meta(created);
    const updated = store.update({ ...created, metadata: rest, data: { a: '2' } });
    assert.equal(meta(updated).uid, meta(created).uid);
    assert.equal(meta(updated).creationTimestamp, meta(created).creationTimestamp);
  });

  it('keeps the status on update: only updateStatus writes it, without bumping the generation', () => {
    const store = newStore();
    const created = store.create(deployment());
    const withStatus = store.updateStatus({ ...created, status: { replicas: 2, readyReplicas: 1 } });
    assert.deepEqual(withStatus.status, { replicas: 2, readyReplicas: 1 });
    assert.equal(meta(withStatus).generation, 1);
    const updated = store.update({ ...withStatus, status: { replicas: 99 }, spec: { ...(withStatus.spec as object), replicas: 3 } });
    assert.deepEqual(updated.status, { replicas: 2, readyReplicas: 1 });
    assert.equal(meta(updated).generation, 2);
  });

  it('updateStatus leaves the spec as stored', () => {
    const store = newStore();
    const created = store.create(deployment(2));
    const next = store.updateStatus({ ...created, spec: { replicas: 100 }, status: { replicas: 2 } });
    assert.equal((next.spec as Record<string, unknown>).replicas, 2);
  });

  it('writes nothing for an update that changes nothing (same resourceVersion)', () => {
    const store = newStore();
    const created = store.create(configMap('settings'));
    const again = store.update(created);
    assert.equal(meta(again).resourceVersion, meta(created).resourceVersion);
    const sameStatus = store.updateStatus(store.create(pod('p')));
    assert.equal(meta(store.updateStatus(sameStatus)).resourceVersion, meta(sameStatus).resourceVersion);
  });

  const patchCases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['adds a key', { data: { b: '2' } }, { a: '1', b: '2' }],
    ['replaces a value', { data: { a: 'x' } }, { a: 'x' }],
    ['deletes a key with null', { data: { a: null, c: '3' } }, { c: '3' }],
  ];
  for (const [title, patch, expected] of patchCases) {
    it(`merge patch ${title}`, () => {
      const store = newStore();
      store.create(configMap('settings'));
      assert.deepEqual(store.patch(CONFIGMAP, 'default', 'settings', patch).data, expected);
    });
  }

  it('merge patch replaces lists whole (RFC 7386)', () => {
    const store = newStore();
    store.create(deployment());
    const patched = store.patch(DEPLOYMENT, 'default', 'web', { spec: { template: { spec: { containers: [{ name: 'other', image: 'redis' }] } } } });
    const containers = workloadSpec(patched).template.spec.containers.map((c) => c.name);
    assert.deepEqual(containers, ['other']);
  });

  it('dry runs check and answer without storing', () => {
    const store = newStore();
    const answer = store.create(configMap('ghost'), { dryRun: true });
    assert.equal(meta(answer).name, 'ghost');
    assert.equal(store.find(CONFIGMAP, 'default', 'ghost'), undefined);
    store.create(configMap('real'));
    store.update({ ...configMap('real'), data: { a: 'dry' } }, { dryRun: true });
    assert.deepEqual(store.get(CONFIGMAP, 'default', 'real').data, { a: '1' });
    store.delete(CONFIGMAP, 'default', 'real', { dryRun: true });
    assert.ok(store.find(CONFIGMAP, 'default', 'real'));
  });

  it('deletes an object and returns it as last seen', () => {
    const store = newStore();
    store.create(configMap('settings'));
    const deleted = store.delete(CONFIGMAP, 'default', 'settings');
    assert.equal(meta(deleted).name, 'settings');
    assert.equal(store.find(CONFIGMAP, 'default', 'settings'), undefined);
  });

  it('fills the Job selector and labels from its uid, as the job strategy does', () => {
    const store = newStore();
    const job = store.create({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi', namespace: 'default' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } },
    });
    const uid = meta(job).uid;
    assert.deepEqual(workloadSpec(job).selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    assert.equal(workloadSpec(job).template.metadata.labels['job-name'], 'pi');
  });
});
