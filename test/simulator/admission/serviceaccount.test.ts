import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { StatusError } from '../../../simulator/src/api/errors';
import type { Cluster } from '../../../simulator/src/cluster';
import type { KubeObject } from '../../../simulator/src/store/store';
import { kubectl, testCluster } from '../kubectl/commands/support';

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

function refusal(cluster: Cluster, object: KubeObject): StatusError {
  try {
    cluster.store.create(object);
  } catch (error) {
    assert.ok(error instanceof StatusError, String(error));
    return error;
  }
  assert.fail('the create was accepted');
}

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
