import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import type { Cluster } from '../../../simulator/src/cluster';
import type { KubeObject } from '../../../simulator/src/store/store';
import { kubectl, testCluster } from '../kubectl/commands/support';
import { refusal } from './refusal';

const PODS = kindInfo('v1', 'Pod')!;
const EVENTS = kindInfo('v1', 'Event')!;
const SERVICE_ACCOUNTS = kindInfo('v1', 'ServiceAccount')!;
type Obj = Record<string, unknown>;

const pod = (name: string, spec: Obj = {}, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...spec },
});

const template = (spec: Obj): Obj => ({ metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...spec } });
const selector = { matchLabels: { app: 'api' } };

/** The messages of the Warning events of one reason, about objects of `kind`. */
function warnings(cluster: Cluster, reason: string, kind: string): string[] {
  return cluster.store
    .list(EVENTS)
    .filter((event) => event.reason === reason && (event.involvedObject as Obj).kind === kind)
    .map((event) => String(event.message));
}

describe('admission: ServiceAccount', () => {
  it('refuses a Pod naming a ServiceAccount that does not exist, with the plugin text', () => {
    const cluster = testCluster();
    const error = refusal(cluster, pod('web', { serviceAccountName: 'robot' }));
    assert.equal(error.reason, 'Forbidden');
    assert.equal(error.message, 'pods "web" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found');
  });

  it('gives a Pod the default ServiceAccount, and the ServiceAccount imagePullSecrets', () => {
    const cluster = testCluster();
    const spec = cluster.store.create(pod('web')).spec as Obj;
    assert.equal(spec.serviceAccountName, 'default');
    assert.equal(spec.serviceAccount, 'default');
    cluster.store.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot', namespace: 'default' }, imagePullSecrets: [{ name: 'registry' }] });
    assert.deepEqual((cluster.store.create(pod('bot', { serviceAccountName: 'robot' })).spec as Obj).imagePullSecrets, [{ name: 'registry' }]);
  });

  it('admits a Namespace and a Pod applied together: the default ServiceAccount is there in time', () => {
    const cluster = testCluster();
    const file = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n';
    const result = kubectl(cluster, 'apply -f all.yaml', { 'all.yaml': file });
    assert.equal(result.stdout, 'namespace/shop created\npod/web created\n');
    assert.ok(cluster.store.find(SERVICE_ACCOUNTS, 'shop', 'default'));
  });

  it('makes a ReplicaSet report FailedCreate until the ServiceAccount exists, then its Pods appear', () => {
    const cluster = testCluster();
    cluster.store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'default' }, spec: { replicas: 2, selector, template: template({ serviceAccountName: 'robot' }) } });
    cluster.settle();
    assert.equal(cluster.store.list(PODS, { labelSelector: 'app=api' }).length, 0);
    const [message] = warnings(cluster, 'FailedCreate', 'ReplicaSet');
    assert.match(message!, /^Error creating: pods "api-[a-z0-9]+-" is forbidden: error looking up service account default\/robot: serviceaccount "robot" not found$/);
    assert.equal(kubectl(cluster, 'create serviceaccount robot').stdout, 'serviceaccount/robot created\n');
    cluster.advance(5 * 60_000);
    assert.equal(cluster.store.list(PODS, { labelSelector: 'app=api' }).length, 2);
  });

  it('makes a DaemonSet and a Job report FailedCreate as RealPodControl does', () => {
    const cluster = testCluster();
    cluster.store.create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { selector, template: template({ serviceAccountName: 'robot' }) } });
    cluster.store.create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once', namespace: 'default' }, spec: { template: { spec: { restartPolicy: 'Never', serviceAccountName: 'robot', containers: [{ name: 'c', image: 'busybox:1.36' }] } } } });
    cluster.settle();
    assert.match(warnings(cluster, 'FailedCreate', 'DaemonSet')[0]!, /^Error creating: pods "agent-" is forbidden: error looking up service account default\/robot/);
    assert.match(warnings(cluster, 'FailedCreate', 'Job')[0]!, /^Error creating: pods "once-" is forbidden: error looking up service account default\/robot/);
  });
});

describe('admission: ServiceAccount token volume', () => {
  const MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';
  /** TokenVolumeSource, as `kubectl get pod -o yaml` shows it on a v1.30 cluster. */
  const PROJECTED = {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ],
  };
  const specOf = (object: KubeObject): Obj => object.spec as Obj;
  const containersOf = (spec: Obj, list = 'containers'): Obj[] => spec[list] as Obj[];

  it('mounts a projected kube-api-access-xxxxx volume read-only in every container and init container', () => {
    const cluster = testCluster();
    const spec = specOf(cluster.store.create(pod('web', { initContainers: [{ name: 'init', image: 'busybox:1.36' }], containers: [{ name: 'a', image: 'nginx:1.27' }, { name: 'b', image: 'nginx:1.27', volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }] }], volumes: [{ name: 'tmp', emptyDir: {} }] })));
    const volumes = spec.volumes as Obj[];
    assert.equal(volumes.length, 2);
    assert.equal(volumes[0]!.name, 'tmp');
    const name = String(volumes[1]!.name);
    assert.match(name, /^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.deepEqual(volumes[1], { name, projected: PROJECTED });
    const token = { mountPath: MOUNT, name, readOnly: true };
    assert.deepEqual(containersOf(spec, 'initContainers')[0]!.volumeMounts, [token]);
    assert.deepEqual(containersOf(spec)[0]!.volumeMounts, [token]);
    assert.deepEqual(containersOf(spec)[1]!.volumeMounts, [{ name: 'tmp', mountPath: '/tmp' }, token]);
  });

  it('names the volume from the seeded randomness: the same seed gives the same name', () => {
    const names = [testCluster(), testCluster()].map((cluster) => (specOf(cluster.store.create(pod('web'))).volumes as Obj[])[0]!.name);
    assert.equal(names[0], names[1]);
  });

  it('mounts nothing when the Pod, or else its ServiceAccount, says automountServiceAccountToken: false', () => {
    const cluster = testCluster();
    const off = specOf(cluster.store.create(pod('off', { automountServiceAccountToken: false })));
    assert.equal(off.volumes, undefined);
    assert.equal(containersOf(off)[0]!.volumeMounts, undefined);
    cluster.store.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'quiet', namespace: 'default' }, automountServiceAccountToken: false });
    assert.equal(specOf(cluster.store.create(pod('quiet', { serviceAccountName: 'quiet' }))).volumes, undefined);
    // The Pod's own choice wins over its ServiceAccount's.
    const on = specOf(cluster.store.create(pod('on', { serviceAccountName: 'quiet', automountServiceAccountToken: true })));
    assert.equal((on.volumes as Obj[]).length, 1);
  });

  it('leaves alone a container that already mounts something at the token path, and reuses a kube-api-access- volume', () => {
    const cluster = testCluster();
    const own = { name: 'mine', mountPath: MOUNT };
    const spec = specOf(cluster.store.create(pod('web', {
      containers: [{ name: 'a', image: 'nginx:1.27', volumeMounts: [own] }, { name: 'b', image: 'nginx:1.27' }],
      volumes: [{ name: 'mine', emptyDir: {} }, { name: 'kube-api-access-own12', emptyDir: {} }],
    })));
    assert.deepEqual(containersOf(spec)[0]!.volumeMounts, [own]);
    assert.deepEqual(containersOf(spec)[1]!.volumeMounts, [{ mountPath: MOUNT, name: 'kube-api-access-own12', readOnly: true }]);
    assert.deepEqual((spec.volumes as Obj[]).map((volume) => volume.name), ['mine', 'kube-api-access-own12']);
  });

  it('keeps the volume and mounts through updates of the Pod (kubectl label, kubectl apply)', () => {
    const cluster = testCluster();
    const file = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n';
    assert.equal(kubectl(cluster, 'apply -f pod.yaml', { 'pod.yaml': file }).stdout, 'pod/web created\n');
    const before = specOf(cluster.store.get(PODS, 'default', 'web'));
    assert.equal(kubectl(cluster, 'label pod web tier=front').stdout, 'pod/web labeled\n');
    const changed = file.replace('nginx:1.27', 'nginx:1.28');
    assert.equal(kubectl(cluster, 'apply -f pod.yaml', { 'pod.yaml': changed }).stdout, 'pod/web configured\n');
    const after = specOf(cluster.store.get(PODS, 'default', 'web'));
    assert.equal(containersOf(after)[0]!.image, 'nginx:1.28');
    assert.deepEqual(after.volumes, before.volumes);
    assert.deepEqual(containersOf(after)[0]!.volumeMounts, containersOf(before)[0]!.volumeMounts);
  });

  it('gives the containers token, ca.crt and namespace to read at the mount path, and nothing without the volume', () => {
    const cluster = testCluster();
    cluster.store.create(pod('web', { containers: [{ name: 'web', image: 'busybox:1.36', command: ['sleep', '3600'] }] }));
    cluster.store.create(pod('off', { automountServiceAccountToken: false, containers: [{ name: 'web', image: 'busybox:1.36', command: ['sleep', '3600'] }] }));
    cluster.advance(60_000);
    assert.equal(kubectl(cluster, `exec web -- ls -1 ${MOUNT}`).stdout, 'ca.crt\nnamespace\ntoken\n');
    // The simulated shell is line-based: it ends what it prints with a newline, which the file lacks.
    assert.equal(kubectl(cluster, `exec web -- cat ${MOUNT}/namespace`).stdout.trimEnd(), 'default');
    assert.match(kubectl(cluster, `exec web -- cat ${MOUNT}/ca.crt`).stdout, /^-----BEGIN CERTIFICATE-----\nMII/);
    assert.notEqual(kubectl(cluster, `exec off -- ls ${MOUNT}`).exitCode, 0);
  });

  it('shows the mount and the volume in kubectl describe pod as kubectl v1.30 does', () => {
    const cluster = testCluster();
    const name = String((specOf(cluster.store.create(pod('web'))).volumes as Obj[])[0]!.name);
    const text = kubectl(cluster, 'describe pod web').stdout;
    assert.ok(text.includes(`    Mounts:\n      ${MOUNT} from ${name} (ro)\n`), text);
    assert.ok(
      text.includes(
        `Volumes:\n  ${name}:\n` +
          '    Type:                    Projected (a volume that contains injected data from multiple sources)\n' +
          '    TokenExpirationSeconds:  3607\n' +
          '    ConfigMapName:           kube-root-ca.crt\n' +
          '    ConfigMapOptional:       <nil>\n' +
          '    DownwardAPI:             true\n',
      ),
      text,
    );
  });
});

describe('StatefulSet whose template mounts an undeclared volume', () => {
  const mounts = { containers: [{ name: 'db', image: 'nginx:1.27', volumeMounts: [{ name: 'x', mountPath: '/x' }] }] };

  it('is accepted (its PodSpec is not validated), and its controller reports the Pod refusal', () => {
    const cluster = testCluster();
    cluster.store.create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'default' }, spec: { serviceName: 'db', replicas: 1, selector, template: template(mounts) } });
    cluster.settle();
    assert.deepEqual([...new Set(warnings(cluster, 'FailedCreate', 'StatefulSet'))], [
      'create Pod db-0 in StatefulSet db failed error: Pod "db-0" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "x"',
    ]);
  });

  it('is refused at once in a Deployment, whose template is validated', () => {
    const cluster = testCluster();
    const error = refusal(cluster, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'db', namespace: 'default' }, spec: { selector, template: template(mounts) } });
    assert.equal(error.message, 'Deployment.apps "db" is invalid: spec.template.spec.containers[0].volumeMounts[0].name: Not found: "x"');
  });
});
