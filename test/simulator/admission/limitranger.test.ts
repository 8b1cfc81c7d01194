import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { StatusError } from '../../../simulator/src/api/errors';
import { createCluster, type Cluster } from '../../../simulator/src/cluster';
import type { KubeObject } from '../../../simulator/src/store/store';

const PODS = kindInfo('v1', 'Pod')!;
type Obj = Record<string, unknown>;

function clusterWith(...objects: KubeObject[]): Cluster {
  const cluster = createCluster({ seed: 11 });
  for (const object of objects) cluster.store.create(object);
  return cluster;
}

const limitRange = (limits: Obj[], name = 'limits'): KubeObject => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name, namespace: 'default' }, spec: { limits } });

function pod(name: string, containers: Obj[], extra: Obj = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers, ...extra } };
}
const container = (name: string, resources?: Obj): Obj => ({ name, image: 'nginx:1.27', ...(resources ? { resources } : {}) });

/** The StatusError a create throws. */
function refusal(cluster: Cluster, object: KubeObject): StatusError {
  try {
    cluster.store.create(object);
  } catch (error) {
    assert.ok(error instanceof StatusError, String(error));
    return error;
  }
  assert.fail('the create was accepted');
}

describe('admission: LimitRanger', () => {
  const defaults = limitRange([{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }]);

  it('fills in the default requests and limits of containers that set none, and says so in an annotation', () => {
    const cluster = clusterWith(defaults);
    const created = cluster.store.create(pod('web', [container('app'), container('sidecar', { requests: { cpu: '50m' } })]));
    const containers = (created.spec as { containers: { resources: Obj }[] }).containers;
    assert.deepEqual(containers[0]!.resources, { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } });
    assert.deepEqual(containers[1]!.resources, { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '50m', memory: '128Mi' } });
    assert.equal(
      (created.metadata as { annotations: Record<string, string> }).annotations['kubernetes.io/limit-ranger'],
      'LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app; memory request for container sidecar; cpu, memory limit for container sidecar',
    );
  });

  it('leaves alone a Pod that sets everything (no annotation)', () => {
    const cluster = clusterWith(defaults);
    const full = { requests: { cpu: '200m', memory: '64Mi' }, limits: { cpu: '200m', memory: '64Mi' } };
    const created = cluster.store.create(pod('web', [container('app', full)]));
    assert.equal((created.metadata as Obj).annotations, undefined);
  });

  it('refuses requests under min and limits over max with the plugin’s texts', () => {
    const cluster = clusterWith(limitRange([{ type: 'Container', min: { cpu: '100m' }, max: { cpu: '1', memory: '1Gi' } }]));
    const low = refusal(cluster, pod('low', [container('app', { requests: { cpu: '50m' }, limits: { cpu: '500m', memory: '128Mi' } })]));
    assert.equal(low.reason, 'Forbidden');
    assert.equal(low.code, 403);
    assert.equal(low.message, 'pods "low" is forbidden: minimum cpu usage per Container is 100m, but request is 50m');
    const high = refusal(cluster, pod('high', [container('app', { requests: { cpu: '200m' }, limits: { cpu: '500m', memory: '2Gi' } })]));
    assert.equal(high.message, 'pods "high" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi');
    assert.match(high.fr, /LimitRange/);
  });

  it('lists every broken bound of a LimitRange, like utilerrors.Aggregate (Pod items get no defaults)', () => {
    const cluster = clusterWith(limitRange([{ type: 'Pod', max: { cpu: '1', memory: '1Gi' } }]));
    const none = refusal(cluster, pod('none', [container('app')]));
    assert.equal(none.message, 'pods "none" is forbidden: [maximum cpu usage per Pod is 1.  No limit is specified, maximum memory usage per Pod is 1Gi.  No limit is specified]');
  });

  it('checks maxLimitRequestRatio, and Pod-level min on the whole Pod', () => {
    const cluster = clusterWith(limitRange([{ type: 'Container', maxLimitRequestRatio: { cpu: '2' } }, { type: 'Pod', max: { memory: '300Mi' } }]));
    const ratio = refusal(cluster, pod('ratio', [container('app', { requests: { cpu: '100m' }, limits: { cpu: '500m', memory: '100Mi' } })]));
    assert.equal(ratio.message, 'pods "ratio" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 5.000000');
    const big = refusal(cluster, pod('big', [container('a', { limits: { cpu: '100m', memory: '200Mi' } }), container('b', { limits: { cpu: '100m', memory: '200Mi' } })]));
    assert.equal(big.message, 'pods "big" is forbidden: maximum memory usage per Pod is 300Mi, but limit is 400Mi');
  });

  it('names Pods to be generated by their prefix, as on a real cluster', () => {
    const cluster = clusterWith(limitRange([{ type: 'Container', min: { cpu: '100m' } }]));
    const error = refusal(cluster, { ...pod('', [container('app', { requests: { cpu: '10m' } })]), metadata: { generateName: 'web-5d8f9c7b6d-', namespace: 'default' } });
    assert.equal(error.message, 'pods "web-5d8f9c7b6d-" is forbidden: minimum cpu usage per Container is 100m, but request is 10m');
  });

  it('holds claims to the PersistentVolumeClaim items', () => {
    const cluster = clusterWith(limitRange([{ type: 'PersistentVolumeClaim', min: { storage: '1Gi' }, max: { storage: '5Gi' } }]));
    const claim = (name: string, storage: string): KubeObject => ({
      apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } },
    });
    assert.equal(refusal(cluster, claim('small', '500Mi')).message, 'persistentvolumeclaims "small" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi');
    assert.equal(refusal(cluster, claim('large', '10Gi')).message, 'persistentvolumeclaims "large" is forbidden: maximum storage usage per PersistentVolumeClaim is 5Gi, but request is 10Gi');
    const ok = cluster.store.create(claim('ok', '2Gi'));
    assert.equal((ok.spec as Obj).storageClassName, 'standard', 'DefaultStorageClass gave it the default class');
  });

  it('reports the same refusal through kubectl, then a Deployment’s Pods get the defaults', () => {
    const cluster = clusterWith(defaults);
    cluster.store.create({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container('app')] } } },
    });
    cluster.settle();
    const [created] = cluster.store.list(PODS, { labelSelector: 'app=web' });
    assert.ok(created);
    assert.match(String((created.metadata as { annotations: Record<string, string> }).annotations['kubernetes.io/limit-ranger']), /^LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app$/);
  });
});

describe('admission: DefaultTolerationSeconds', () => {
  it('adds the not-ready and unreachable NoExecute tolerations for 300 s to every new Pod', () => {
    const cluster = clusterWith();
    const created = cluster.store.create(pod('web', [container('app')]));
    assert.deepEqual((created.spec as Obj).tolerations, [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  it('keeps a Pod’s own toleration for a key and adds only the other one', () => {
    const cluster = clusterWith();
    const own = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 };
    const created = cluster.store.create(pod('web', [container('app')], { tolerations: [own] }));
    assert.deepEqual((created.spec as Obj).tolerations, [own, { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]);
    const all = cluster.store.create(pod('all', [container('app')], { tolerations: [{ operator: 'Exists' }] }));
    assert.deepEqual((all.spec as Obj).tolerations, [{ operator: 'Exists' }]);
  });
});
