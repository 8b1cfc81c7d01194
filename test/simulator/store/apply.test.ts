import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { apply, ApplyError, LAST_APPLIED_ANNOTATION, objectReference } from '../../../simulator/src/store/apply';
import { threeWayMerge } from '../../../simulator/src/store/threeway';

const DEPLOYMENT = kindInfo('apps/v1', 'Deployment')!;
const SERVICE = kindInfo('v1', 'Service')!;
const CONFIGMAP = kindInfo('v1', 'ConfigMap')!;

type Labels = Record<string, string>;
type Meta = { name?: string; namespace?: string; generateName?: string; labels?: Labels; annotations?: Labels; resourceVersion?: string; generation?: number };
type Port = { containerPort?: number; port?: number; targetPort?: number; name?: string; protocol?: string; nodePort?: number };
type Container = { name: string; image: string; ports?: Port[]; env?: { name: string; value?: string }[]; args?: string[]; imagePullPolicy?: string };
type Volume = { name: string; emptyDir?: Labels; configMap?: { name: string } };
type Spec = {
  replicas?: number;
  replica?: number;
  minReadySeconds?: number;
  strategy?: { type: string; rollingUpdate?: Labels };
  selector?: Record<string, unknown>;
  type?: string;
  ports?: Port[];
  template?: { metadata: Meta; spec: { containers: Container[]; volumes?: Volume[] } };
};
/** The shape of the manifests used here: typed, so that tests read fields without casts. */
type Manifest = { apiVersion: string; kind: string; metadata: Meta; data?: Labels; spec?: Spec };

const typed = (object: KubeObject) => object as unknown as Manifest;
const meta = (object: KubeObject): Meta => typed(object).metadata;
const spec = (object: KubeObject): Spec => typed(object).spec!;
const podSpec = (object: KubeObject) => spec(object).template!.spec;

function newStore() {
  return new ObjectStore({ clock: new ManualClock(), random: createRandom(5) });
}

/** A Deployment manifest; `change` edits a fresh copy. */
type WebManifest = Manifest & { metadata: Meta & { labels: Labels }; spec: Spec & { template: NonNullable<Spec['template']> } };
/** The manifest's first container, for the edits below. */
const first = (d: WebManifest): Container => d.spec.template.spec.containers[0]!;

function web(change: (d: WebManifest) => void = () => {}): WebManifest {
  const manifest: WebManifest = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx:1.25',
              ports: [{ containerPort: 80, name: 'http' }],
              env: [
                { name: 'MODE', value: 'prod' },
                { name: 'LOG', value: 'info' },
              ],
            },
          ],
        },
      },
    },
  };
  change(manifest);
  return manifest;
}

const container = (object: KubeObject, index = 0): Container => podSpec(object).containers[index]!;

describe('simulator/store: kubectl apply', () => {
  it('creates an absent object and records the manifest as kubectl does (sorted compact JSON, namespace, empty annotations, newline)', () => {
    const store = newStore();
    const result = apply(store, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { b: '2', a: '1' } });
    assert.equal(result.action, 'created');
    assert.equal(result.text, 'configmap/settings created');
    assert.equal(
      meta(result.object).annotations?.[LAST_APPLIED_ANNOTATION],
      '{"apiVersion":"v1","data":{"a":"1","b":"2"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"settings","namespace":"default"}}\n',
    );
  });

  it('keeps the manifest annotations in the recorded configuration, escaping < > & like Go', () => {
    const store = newStore();
    const result = apply(store, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', annotations: { note: 'a<b & c>d' } } });
    assert.equal(meta(result.object).annotations?.note, 'a<b & c>d');
    assert.equal(
      meta(result.object).annotations?.[LAST_APPLIED_ANNOTATION],
      '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{"note":"a\\u003cb \\u0026 c\\u003ed"},"name":"x","namespace":"default"}}\n',
    );
  });

  it('answers unchanged when the manifest has not changed, without writing', () => {
    const store = newStore();
    const first = apply(store, web());
    const second = apply(store, web());
    assert.equal(second.action, 'unchanged');
    assert.equal(second.text, 'deployment.apps/web unchanged');
    assert.equal(meta(second.object).resourceVersion, meta(first.object).resourceVersion);
  });

  it('answers configured when the manifest changed, and bumps the generation', () => {
    const store = newStore();
    apply(store, web());
    const result = apply(store, web((d) => (d.spec.replicas = 3)));
    assert.equal(result.text, 'deployment.apps/web configured');
    assert.equal(spec(result.object).replicas, 3);
    assert.equal(meta(result.object).generation, 2);
  });

  it('deletes a field removed from the manifest since the last apply', () => {
    const store = newStore();
    apply(store, web((d) => (d.spec.minReadySeconds = 5)));
    const result = apply(store, web());
    assert.equal(spec(result.object).minReadySeconds, undefined);
  });

  it('keeps what others set: a scale, a label, the API server defaults', () => {
    const store = newStore();
    apply(store, web((d) => delete d.spec.replicas));
    store.patch(DEPLOYMENT, 'default', 'web', { spec: { replicas: 5 }, metadata: { labels: { team: 'shop' } } });
    const result = apply(store, web((d) => delete d.spec.replicas));
    assert.equal(result.action, 'unchanged');
    assert.equal(spec(result.object).replicas, 5);
    assert.deepEqual(meta(result.object).labels, { app: 'web', team: 'shop' });
    assert.equal(container(result.object).imagePullPolicy, 'IfNotPresent');
  });

  it('lets the manifest win over a live change of a field it sets', () => {
    const store = newStore();
    apply(store, web());
    store.patch(DEPLOYMENT, 'default', 'web', { spec: { replicas: 5 } });
    assert.equal(spec(apply(store, web()).object).replicas, 2);
  });

  it('deletes a label removed from the manifest but keeps labels others added', () => {
    const store = newStore();
    apply(store, web((d) => (d.metadata.labels.tier = 'front')));
    store.patch(DEPLOYMENT, 'default', 'web', { metadata: { labels: { team: 'shop' } } });
    assert.deepEqual(meta(apply(store, web()).object).labels, { app: 'web', team: 'shop' });
  });

  it('merges containers by name: a container removed from the manifest goes, one added by someone else stays', () => {
    const store = newStore();
    apply(store, web((d) => d.spec.template.spec.containers.push({ name: 'sidecar', image: 'busybox' })));
    const live = store.get(DEPLOYMENT, 'default', 'web');
    podSpec(live).containers.push({ name: 'injected', image: 'envoy' });
    store.update(live);
    const result = apply(store, web());
    assert.deepEqual(
      podSpec(result.object).containers.map((c) => c.name),
      ['web', 'injected'],
    );
  });

  it('merges env by name: removed variables go, variables set by others stay in their place', () => {
    const store = newStore();
    apply(store, web());
    const live = store.get(DEPLOYMENT, 'default', 'web');
    container(live).env!.splice(1, 0, { name: 'ADDED', value: 'by kubectl set env' });
    store.update(live);
    const result = apply(store, web((d) => (first(d).env = [{ name: 'LOG', value: 'debug' }])));
    assert.deepEqual(container(result.object).env, [
      { name: 'ADDED', value: 'by kubectl set env' },
      { name: 'LOG', value: 'debug' },
    ]);
  });

  it('follows the manifest order for reordered items', () => {
    const store = newStore();
    apply(store, web());
    const result = apply(store, web((d) => first(d).env!.reverse()));
    assert.deepEqual(container(result.object).env!.map((e) => e.name), ['LOG', 'MODE']);
  });

  it('merges container ports by containerPort, keeping the defaulted protocol', () => {
    const store = newStore();
    apply(store, web());
    const result = apply(store, web((d) => (first(d).ports![0]!.name = 'web')));
    assert.deepEqual(container(result.object).ports, [{ containerPort: 80, name: 'web', protocol: 'TCP' }]);
  });

  it('merges Service ports by port, keeping what the server filled in', () => {
    const store = newStore();
    const service = (name: string): Manifest => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, name }] },
    });
    apply(store, service('http'));
    store.patch(SERVICE, 'default', 'web', { spec: { ports: [{ port: 80, targetPort: 8080, name: 'http', protocol: 'TCP', nodePort: 30080 }] } });
    const result = apply(store, service('web'));
    assert.equal(result.text, 'service/web configured');
    assert.deepEqual(spec(result.object).ports, [{ port: 80, targetPort: 8080, name: 'web', protocol: 'TCP', nodePort: 30080 }]);
  });

  it('replaces lists without a merge key (args) whole', () => {
    const store = newStore();
    apply(store, web((d) => (first(d).args = ['--a', '--b'])));
    const result = apply(store, web((d) => (first(d).args = ['--c'])));
    assert.deepEqual(container(result.object).args, ['--c']);
  });

  it('drops the defaulted rollingUpdate when the strategy becomes Recreate (retainKeys)', () => {
    const store = newStore();
    apply(store, web());
    const result = apply(store, web((d) => (d.spec.strategy = { type: 'Recreate' })));
    assert.deepEqual(spec(result.object).strategy, { type: 'Recreate' });
  });

  it('replaces a volume source kept under the same name (retainKeys)', () => {
    const store = newStore();
    const withVolume = (volume: Omit<Volume, 'name'>) =>
      web((d) => {
        d.spec.template.spec.volumes = [{ name: 'data', ...volume }];
      });
    apply(store, withVolume({ emptyDir: {} }));
    const result = apply(store, withVolume({ configMap: { name: 'settings' } }));
    const volumes = podSpec(result.object).volumes!;
    assert.equal(volumes[0]?.emptyDir, undefined);
    assert.equal(volumes[0]?.configMap?.name, 'settings');
  });

  it('warns, as kubectl does, when the live object was not created by apply, then records the annotation', () => {
    const store = newStore();
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'legacy', namespace: 'default' }, data: { a: '1', old: 'x' } });
    const result = apply(store, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'legacy' }, data: { a: '2' } });
    assert.equal(result.action, 'configured');
    assert.equal(
      result.warning,
      'Warning: resource configmaps/legacy is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.',
    );
    assert.deepEqual(result.object.data, { a: '2', old: 'x' }, 'without a previous configuration nothing is deleted');
    assert.ok(meta(result.object).annotations?.[LAST_APPLIED_ANNOTATION]);
    assert.equal(apply(store, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'legacy' }, data: { a: '2' } }).warning, undefined);
  });

  it('puts a manifest without namespace in the namespace given, like kubectl -n', () => {
    const store = newStore();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    apply(store, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, { namespace: 'shop' });
    assert.ok(store.find(CONFIGMAP, 'shop', 'x'));
  });

  it('server dry run reports without storing', () => {
    const store = newStore();
    const result = apply(store, web(), { dryRun: true });
    assert.equal(result.text, 'deployment.apps/web created (server dry run)');
    assert.equal(store.find(DEPLOYMENT, 'default', 'web'), undefined);
  });

  it('refuses generateName as kubectl does', () => {
    assert.throws(() => apply(newStore(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'web-' } }), (error: unknown) => {
      assert.ok(error instanceof ApplyError);
      assert.equal(error.message, 'from web-: cannot use generate name with apply');
      return true;
    });
  });

  it('surfaces the API server errors (validation, unknown kinds)', () => {
    assert.throws(() => apply(newStore(), web((d) => (d.spec.replica = 3))), { reason: 'BadRequest' });
    assert.throws(() => apply(newStore(), { apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'x' } }), { reason: 'NotFound' });
  });

  const references: [string, string, string][] = [
    ['v1', 'Pod', 'pod/web'],
    ['v1', 'Service', 'service/web'],
    ['v1', 'Namespace', 'namespace/web'],
    ['apps/v1', 'Deployment', 'deployment.apps/web'],
    ['autoscaling/v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscaler.autoscaling/web'],
    ['networking.k8s.io/v1', 'NetworkPolicy', 'networkpolicy.networking.k8s.io/web'],
  ];
  for (const [apiVersion, kind, expected] of references) {
    it(`names a ${kind} ${expected} in its report`, () => {
      assert.equal(objectReference(kindInfo(apiVersion, kind)!, 'web'), expected);
    });
  }
});

describe('simulator/store: three-way merge', () => {
  type Obj = Record<string, unknown>;
  const cases: { title: string; original?: Obj; modified: Obj; current: Obj; expected: Obj }[] = [
    {
      title: 'adds what the manifest adds',
      original: { data: { a: '1' } },
      modified: { data: { a: '1', b: '2' } },
      current: { data: { a: '1' } },
      expected: { data: { a: '1', b: '2' } },
    },
    {
      title: 'deletes what the manifest stopped setting',
      original: { data: { a: '1', b: '2' } },
      modified: { data: { a: '1' } },
      current: { data: { a: '1', b: '2', c: 'live' } },
      expected: { data: { a: '1', c: 'live' } },
    },
    {
      title: 'deletes a field set to null in the manifest',
      original: { data: { a: '1' } },
      modified: { data: { a: null } },
      current: { data: { a: '1', c: 'live' } },
      expected: { data: { c: 'live' } },
    },
    {
      title: 'deletes nothing without an original',
      modified: { data: { a: '2' } },
      current: { data: { a: '1', b: '2' } },
      expected: { data: { a: '2', b: '2' } },
    },
    {
      title: 'deletes a whole map the manifest dropped',
      original: { data: { a: '1' }, binaryData: { x: 'eA==' } },
      modified: { data: { a: '1' } },
      current: { data: { a: '1' }, binaryData: { x: 'eA==' } },
      expected: { data: { a: '1' } },
    },
  ];
  for (const { title, original, modified, current, expected } of cases) {
    it(title, () => {
      assert.deepEqual(threeWayMerge(original, modified, current, 'core.v1.ConfigMap'), expected);
    });
  }

  it('merges finalizers as a set', () => {
    const merged = threeWayMerge(
      { metadata: { finalizers: ['a/x', 'b/y'] } },
      { metadata: { finalizers: ['a/x', 'c/z'] } },
      { metadata: { finalizers: ['a/x', 'b/y', 'live/w'] } },
      'core.v1.ConfigMap',
    );
    assert.deepEqual(merged, { metadata: { finalizers: ['a/x', 'c/z', 'live/w'] } });
  });

  it('merges ownerReferences by uid', () => {
    const merged = threeWayMerge(
      undefined,
      { metadata: { ownerReferences: [{ uid: 'u1', name: 'new-name' }] } },
      { metadata: { ownerReferences: [{ uid: 'u1', name: 'old', controller: true }, { uid: 'u2', name: 'other' }] } },
      'core.v1.ConfigMap',
    );
    assert.deepEqual(merged, { metadata: { ownerReferences: [{ uid: 'u1', name: 'new-name', controller: true }, { uid: 'u2', name: 'other' }] } });
  });
});
