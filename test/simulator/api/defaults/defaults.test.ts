import * as assert from 'node:assert/strict';
import { KINDS, kindInfo, type KindInfo } from '../../../../simulator/src/api/catalog';
import { applyDefaults, hasDefaults } from '../../../../simulator/src/api/defaults/index';
import type { KubeObject } from '../../../../simulator/src/api/validation/rule';

/** The catalogue entry of a served kind (fails the test if it is not served). */
export function info(apiVersion: string, kind: string): KindInfo {
  const found = kindInfo(apiVersion, kind);
  assert.ok(found, `${apiVersion}/${kind} is not in the catalogue`);
  return found;
}

/**
 * The value at a path such as `spec.template.spec.containers[0].imagePullPolicy`;
 * keys with dots go in quotes: `metadata.labels['kubernetes.io/metadata.name']`.
 */
export function at(object: unknown, path: string): unknown {
  let value = object;
  for (const [, key, index, quoted] of path.matchAll(/([^.[\]']+)|\[(\d+)\]|\['([^']+)'\]/g)) {
    if (value === null || typeof value !== 'object') return undefined;
    const step = key ?? quoted ?? Number(index);
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

/** One row: a manifest, and the value expected at each path after defaulting (undefined: absent). */
export interface DefaultsCase {
  name: string;
  input: KubeObject;
  expect: Record<string, unknown>;
}

/** One `it` per row: the defaulted object has each expected value at its path. */
export function runTable(apiVersion: string, kind: string, cases: readonly DefaultsCase[]): void {
  for (const { name, input, expect } of cases) {
    it(name, () => {
      const output = applyDefaults({ apiVersion, kind, ...input }, info(apiVersion, kind));
      for (const [path, value] of Object.entries(expect)) assert.deepEqual(at(output, path), value, path);
    });
  }
}

const container = (image: string): KubeObject => ({
  name: 'app',
  image,
  ports: [{ containerPort: 8080 }],
  env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
  livenessProbe: { httpGet: { port: 8080 } },
  readinessProbe: { grpc: { port: 9090 } },
  resources: { limits: { cpu: '500m' } },
});
const podSpec = (): KubeObject => ({
  containers: [container('nginx')],
  initContainers: [container('busybox:1.36')],
  volumes: [
    { name: 'scratch' },
    { name: 'config', configMap: { name: 'app' } },
    { name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
    { name: 'data', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } } },
  ],
});
const template = (): KubeObject => ({ metadata: { labels: { app: 'web' } }, spec: podSpec() });
const selector = { matchLabels: { app: 'web' } };

/** A manifest of every course kind, each with something to default. */
const FIXTURES: readonly [string, string, KubeObject][] = [
  ['v1', 'Pod', { metadata: { name: 'web' }, spec: { ...podSpec(), hostNetwork: true } }],
  ['apps/v1', 'Deployment', { metadata: { name: 'web' }, spec: { selector, template: template() } }],
  ['apps/v1', 'ReplicaSet', { metadata: { name: 'web' }, spec: { selector, template: template() } }],
  ['apps/v1', 'StatefulSet', { metadata: { name: 'db' }, spec: { selector, serviceName: 'db', template: template(), volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: {} }] } }],
  ['apps/v1', 'DaemonSet', { metadata: { name: 'agent' }, spec: { selector, template: template() } }],
  ['batch/v1', 'Job', { metadata: { name: 'pi' }, spec: { template: template(), podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } } }],
  ['batch/v1', 'CronJob', { metadata: { name: 'tick' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: template() } } } }],
  ['v1', 'Service', { metadata: { name: 'web' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] } }],
  ['v1', 'Endpoints', { metadata: { name: 'web' }, subsets: [{ addresses: [{ ip: '10.244.0.5' }], ports: [{ port: 80 }] }] }],
  ['networking.k8s.io/v1', 'Ingress', { metadata: { name: 'web' }, spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } } } }],
  ['networking.k8s.io/v1', 'IngressClass', { metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx', parameters: { kind: 'Params', name: 'p' } } }],
  ['networking.k8s.io/v1', 'NetworkPolicy', { metadata: { name: 'deny' }, spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } }],
  ['v1', 'ConfigMap', { metadata: { name: 'app' }, data: { key: 'value' } }],
  ['v1', 'Secret', { metadata: { name: 'app' }, stringData: { password: 's3cr3t' } }],
  ['v1', 'Namespace', { metadata: { name: 'shop' } }],
  ['v1', 'Node', { metadata: { name: 'node-1' }, status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' } } }],
  ['v1', 'Event', { metadata: { name: 'web.1' }, involvedObject: { kind: 'Pod', name: 'web' }, reason: 'Started' }],
  ['v1', 'PersistentVolume', { metadata: { name: 'pv' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } } }],
  ['v1', 'PersistentVolumeClaim', { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
  ['storage.k8s.io/v1', 'StorageClass', { metadata: { name: 'standard' }, provisioner: 'rancher.io/local-path' }],
  ['v1', 'ServiceAccount', { metadata: { name: 'app' } }],
  ['rbac.authorization.k8s.io/v1', 'Role', { metadata: { name: 'reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] }],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole', { metadata: { name: 'reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] }],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding', { metadata: { name: 'read' }, roleRef: { kind: 'Role', name: 'reader' }, subjects: [{ kind: 'User', name: 'alice' }] }],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', { metadata: { name: 'read' }, roleRef: { kind: 'ClusterRole', name: 'reader' }, subjects: [{ kind: 'Group', name: 'devs' }] }],
  ['autoscaling/v2', 'HorizontalPodAutoscaler', { metadata: { name: 'web' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, behavior: {} } }],
  ['v1', 'LimitRange', { metadata: { name: 'limits' }, spec: { limits: [{ type: 'Container', max: { cpu: '1' }, min: { memory: '64Mi' } }] } }],
  ['v1', 'ResourceQuota', { metadata: { name: 'quota' }, spec: { hard: { pods: '10' } } }],
  ['policy/v1', 'PodDisruptionBudget', { metadata: { name: 'web' }, spec: { minAvailable: 1, selector } }],
];

describe('simulator/api/defaults', () => {
  it('has a fixture for every course kind, each served by the catalogue', () => {
    assert.equal(new Set(FIXTURES.map(([, kind]) => kind)).size, 29);
    for (const [apiVersion, kind] of FIXTURES) info(apiVersion, kind);
  });

  for (const [apiVersion, kind, manifest] of FIXTURES) {
    describe(kind, () => {
      const object = { apiVersion, kind, ...manifest };

      it('returns a new object and leaves its input untouched', () => {
        const before = structuredClone(object);
        const output = applyDefaults(object, info(apiVersion, kind));
        assert.deepEqual(object, before);
        assert.notEqual(output, object);
      });

      it('is idempotent', () => {
        const once = applyDefaults(object, info(apiVersion, kind));
        const snapshot = structuredClone(once);
        assert.deepEqual(applyDefaults(once, info(apiVersion, kind)), snapshot);
        assert.deepEqual(once, snapshot, 'the second pass must not modify the first result either');
      });
    });
  }

  it('shares nothing with its input: editing the output leaves the input alone', () => {
    const [, , deployment] = FIXTURES[1]!;
    const output = applyDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', ...deployment }, info('apps/v1', 'Deployment'));
    (at(output, 'spec.template.metadata.labels') as Record<string, string>).app = 'changed';
    (at(output, 'spec.template.spec.containers') as unknown[]).length = 0;
    assert.equal(at(deployment, 'spec.template.metadata.labels.app'), 'web');
    assert.equal((at(deployment, 'spec.template.spec.containers') as unknown[]).length, 1);
  });

  it('copies the kinds that have no defaults unchanged', () => {
    for (const [apiVersion, kind] of [['v1', 'ConfigMap'], ['v1', 'ServiceAccount'], ['policy/v1', 'PodDisruptionBudget'], ['networking.k8s.io/v1', 'Ingress'], ['rbac.authorization.k8s.io/v1', 'Role']] as const) {
      const [, , manifest] = FIXTURES.find(([v, k]) => v === apiVersion && k === kind)!;
      const object = { apiVersion, kind, ...manifest };
      assert.deepEqual(applyDefaults(object, info(apiVersion, kind)), object, kind);
      assert.equal(hasDefaults(info(apiVersion, kind)), false, kind);
    }
  });

  it('copies an object of a kind outside the course', () => {
    const lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'x' }, spec: {} };
    assert.deepEqual(applyDefaults(lease, KINDS.find((k) => k.kind === 'Lease')!), lease);
  });
});
