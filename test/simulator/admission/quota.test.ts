import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { createCluster, type Cluster } from '../../../simulator/src/cluster';
import { runKubectl } from '../../../simulator/src/kubectl/commands/index';
import type { KubeObject } from '../../../simulator/src/store/store';
import { refusal } from './refusal';

const QUOTAS = kindInfo('v1', 'ResourceQuota')!;
const PODS = kindInfo('v1', 'Pod')!;
const REPLICA_SETS = kindInfo('apps/v1', 'ReplicaSet')!;
const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const EVENTS = kindInfo('v1', 'Event')!;
type Obj = Record<string, unknown>;

const quota = (hard: Record<string, string>, name = 'compute-quota', extra: Obj = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace: 'default' }, spec: { hard, ...extra },
});
const pod = (name: string, resources: Obj = {}, extra: Obj = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources }], ...extra },
});
const deployment = (name: string, replicas: number, resources: Obj): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources }] } } },
});
const cpu = (request: string, limit = request): Obj => ({ requests: { cpu: request }, limits: { cpu: limit } });

function clusterWith(...objects: KubeObject[]): Cluster {
  const cluster = createCluster({ seed: 12 });
  for (const object of objects) cluster.store.create(object);
  cluster.settle();
  return cluster;
}

const status = (cluster: Cluster, name = 'compute-quota'): { hard: Obj; used: Obj } => cluster.store.get(QUOTAS, 'default', name).status as { hard: Obj; used: Obj };

describe('admission: ResourceQuota', () => {
  it('refuses what would go past hard, with the used and limited amounts', () => {
    const cluster = clusterWith(quota({ 'requests.cpu': '2', 'limits.cpu': '4' }));
    for (const name of ['a', 'b', 'c']) cluster.store.create(pod(name, cpu('500m')));
    const error = refusal(cluster, pod('d', cpu('1')));
    assert.equal(error.reason, 'Forbidden');
    assert.equal(error.message, 'pods "d" is forbidden: exceeded quota: compute-quota, requested: requests.cpu=1, used: requests.cpu=1500m, limited: requests.cpu=2');
    assert.match(error.fr, /compute-quota/);
    cluster.store.create(pod('e', cpu('500m')));
  });

  it('names every exceeded resource, sorted', () => {
    const cluster = clusterWith(quota({ 'requests.cpu': '1', 'requests.memory': '100Mi', pods: '5' }));
    const error = refusal(cluster, pod('big', { requests: { cpu: '2', memory: '1Gi' } }));
    assert.equal(error.message, 'pods "big" is forbidden: exceeded quota: compute-quota, requested: requests.cpu=2,requests.memory=1Gi, used: requests.cpu=0,requests.memory=0, limited: requests.cpu=1,requests.memory=100Mi');
  });

  it('wants cpu and memory stated by every container when the quota limits them', () => {
    const cluster = clusterWith(quota({ 'requests.cpu': '2', 'limits.cpu': '4' }, 'q'));
    const error = refusal(cluster, pod('naked'));
    assert.equal(error.message, 'pods "naked" is forbidden: failed quota: q: must specify limits.cpu for: app; requests.cpu for: app');
    assert.match(error.fr, /resources\.requests/);
  });

  it('counts objects: count/deployments.apps, services and node ports, configmaps', () => {
    const cluster = clusterWith(quota({ 'count/deployments.apps': '1', services: '5', 'services.nodeports': '1', configmaps: '2' }, 'objects'));
    cluster.store.create(deployment('one', 0, {}));
    assert.equal(refusal(cluster, deployment('two', 0, {})).message, 'deployments.apps "two" is forbidden: exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1');
    const nodePort = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } });
    cluster.store.create(nodePort('np1'));
    assert.equal(refusal(cluster, nodePort('np2')).message, 'services "np2" is forbidden: exceeded quota: objects, requested: services.nodeports=1, used: services.nodeports=1, limited: services.nodeports=1');
    cluster.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'plain', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
    cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } });
    cluster.settle();
    // kube-root-ca.crt, published in every namespace, counts too.
    assert.equal(refusal(cluster, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'default' } }).message, 'configmaps "b" is forbidden: exceeded quota: objects, requested: configmaps=1, used: configmaps=2, limited: configmaps=2');
  });

  it('applies a scoped quota only to the Pods in its scope (BestEffort)', () => {
    const cluster = clusterWith(quota({ pods: '1' }, 'besteffort', { scopes: ['BestEffort'] }));
    cluster.store.create(pod('first'));
    assert.equal(refusal(cluster, pod('second')).message, 'pods "second" is forbidden: exceeded quota: besteffort, requested: pods=1, used: pods=1, limited: pods=1');
    cluster.store.create(pod('guaranteed', cpu('100m')));
  });

  it('does not count finished Pods, nor what a dry run creates', () => {
    const cluster = clusterWith(quota({ pods: '1' }, 'pods'));
    cluster.store.create(pod('job', {}, { restartPolicy: 'Never' }), { dryRun: true });
    const done = cluster.store.create(pod('done', {}, { restartPolicy: 'Never' }));
    cluster.store.updateStatus({ ...done, status: { phase: 'Succeeded' } });
    cluster.store.create(pod('running'));
  });
});

describe('controllers: resourcequota', () => {
  it('publishes status.hard and status.used, which kubectl get quota prints', () => {
    const cluster = clusterWith(quota({ 'requests.cpu': '2', 'requests.memory': '1Gi', 'limits.cpu': '4', pods: '10' }));
    cluster.store.create(pod('a', { requests: { cpu: '500m', memory: '128Mi' }, limits: { cpu: '1' } }));
    cluster.store.create(pod('b', { requests: { cpu: '250m', memory: '128Mi' }, limits: { cpu: '1' } }));
    cluster.settle();
    assert.deepEqual(status(cluster), {
      hard: { 'limits.cpu': '4', pods: '10', 'requests.cpu': '2', 'requests.memory': '1Gi' },
      used: { 'limits.cpu': '2', pods: '2', 'requests.cpu': '750m', 'requests.memory': '256Mi' },
    });
    const get = runKubectl(cluster, ['get', 'quota']);
    assert.match(get.stdout.split('\n')[0]!, /^NAME {12}AGE {3}REQUEST {3,}LIMIT$/);
    assert.match(get.stdout, /^compute-quota {3}\S+ +pods: 2\/10, requests\.cpu: 750m\/2, requests\.memory: 256Mi\/1Gi {3}limits\.cpu: 2\/4$/m);
    cluster.store.delete(PODS, 'default', 'a', { gracePeriodSeconds: 0 });
    cluster.settle();
    assert.equal(status(cluster).used['requests.cpu'], '250m');
  });

  it('lets a ReplicaSet report FailedCreate and ReplicaFailure when the quota is full, then recover', () => {
    const cluster = clusterWith(quota({ 'requests.cpu': '1', 'limits.cpu': '2' }));
    cluster.store.create(deployment('web', 3, cpu('400m')));
    cluster.settle({ maxSimulatedMs: 30_000 });
    assert.equal(cluster.store.list(PODS, { labelSelector: 'app=web' }).length, 2);
    const [rs] = cluster.store.list(REPLICA_SETS);
    const rsName = String((rs!.metadata as Obj).name);
    const failed = cluster.store.list(EVENTS).filter((e) => e.reason === 'FailedCreate');
    assert.ok(failed.length > 0);
    assert.equal(failed[0]!.type, 'Warning');
    assert.equal((failed[0]!.source as Obj).component, 'replicaset-controller');
    assert.equal(failed[0]!.message, `Error creating: pods "${rsName}-" is forbidden: exceeded quota: compute-quota, requested: requests.cpu=400m, used: requests.cpu=800m, limited: requests.cpu=1`);
    const condition = ((rs!.status as Obj).conditions as Obj[]).find((c) => c.type === 'ReplicaFailure');
    assert.deepEqual({ ...condition, lastTransitionTime: undefined }, {
      type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', lastTransitionTime: undefined,
      message: `pods "${rsName}-" is forbidden: exceeded quota: compute-quota, requested: requests.cpu=400m, used: requests.cpu=800m, limited: requests.cpu=1`,
    });
    const deploymentConditions = (cluster.store.get(DEPLOYMENTS, 'default', 'web').status as { conditions: Obj[] }).conditions;
    assert.ok(deploymentConditions.some((c) => c.type === 'ReplicaFailure' && c.reason === 'FailedCreate'));
    // More room: the retries (with back-off) succeed and the failure goes away.
    cluster.store.patch(QUOTAS, 'default', 'compute-quota', { spec: { hard: { 'requests.cpu': '2' } } });
    cluster.advance(120_000);
    assert.equal(cluster.store.list(PODS, { labelSelector: 'app=web' }).length, 3);
    const after = cluster.store.get(REPLICA_SETS, 'default', rsName).status as Obj;
    assert.equal(((after.conditions as Obj[] | undefined) ?? []).some((c) => c.type === 'ReplicaFailure'), false);
  });
});
