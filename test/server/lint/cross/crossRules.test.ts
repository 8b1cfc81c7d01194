import * as assert from 'node:assert/strict';
import { kindInfo, type KindInfo } from '../../../../simulator/src/api/catalog';
import { CHAPTERS } from '../../../../simulator/src/api/chapters';
import { CROSS_RULES } from '../../../../server/src/lint/crossRules';
import type { LintRule } from '../../../../server/src/lint/rule';
import { ResourceIndex, type KnownResource } from '../../../../server/src/workspace/resources';

type Obj = Record<string, unknown>;

const CHAPTER_OF: Record<string, string> = {
  'service-selector-no-match': 'ressources',
  'service-target-port-undeclared': 'ressources',
  'ingress-backend-unknown': 'avance',
  'reference-missing': 'ressources',
  'hpa-no-cpu-requests': 'quotidien',
  'statefulset-service-not-headless': 'avance',
  'rolebinding-role-missing': 'rbac',
  'clusterrolebinding-cluster-admin': 'rbac',
};

// One rich object per kind the rules read: each rule finds something in them as they are.
const pod = {
  serviceAccountName: 'robot',
  imagePullSecrets: [{ name: 'regcred' }],
  containers: [{ name: 'app', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }], env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'conf', key: 'a' } } }], envFrom: [{ secretRef: { name: 's' } }] }],
  initContainers: [{ name: 'side', image: 'envoy', restartPolicy: 'Always', ports: [{ containerPort: 9090 }] }],
  volumes: [{ name: 'v', configMap: { name: 'conf', items: [{ key: 'b', path: 'b' }] } }, { name: 'p', persistentVolumeClaim: { claimName: 'data' } }, { name: 'j', projected: { sources: [{ secret: { name: 's' } }] } }],
};
const FIXTURES: Obj[] = [
  { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' }, spec: { serviceName: 'web', selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: pod }, volumeClaimTemplates: [{ metadata: { name: 'd' }, spec: { storageClassName: 'fast' } }] } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'a', port: 80, targetPort: 'nope' }, { name: 'b', port: 81 }] } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'lonely' }, spec: { selector: { app: 'nobody' }, ports: [{ port: 80 }] } },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec: { defaultBackend: { service: { name: 'web', port: { number: 8080 } } }, tls: [{ secretName: 'tls' }], rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'other', port: { name: 'x' } } } }] } }] } },
  { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec: { scaleTargetRef: { kind: 'StatefulSet', name: 'web' }, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization' } } }] } },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'b' }, subjects: [{ kind: 'ServiceAccount', name: 'robot' }], roleRef: { kind: 'ClusterRole', name: 'cluster-admin' } },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b' }, roleRef: { kind: 'Role', name: 'missing' } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { storageClassName: 'fast' } },
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'slow' } },
  { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'l' }, spec: { limits: [{ type: 'Pod', max: { cpu: 1 } }] } },
];

const WRONG: unknown[] = [null, 'x', 0, true, [], {}, [null, 1]];

/** Every path of an object, depth first. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...paths(item, [...prefix, index])]);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...paths(item, [...prefix, key])]);
  return [];
}

function replaced(object: Obj, path: (string | number)[], value: unknown): Obj {
  const copy = structuredClone(object);
  let node = copy as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

function indexOf(objects: readonly Obj[]): ResourceIndex {
  const index = new ResourceIndex();
  const resources: KnownResource[] = objects.map((object, i) => ({ apiVersion: String(object.apiVersion), kind: String(object.kind), name: (object.metadata as { name?: string } | undefined)?.name ?? `o${i}`, source: 'workspace', object }));
  index.setFile('file:///work/all.yaml', resources);
  return index;
}

function run(rule: LintRule, object: Obj, resources: ResourceIndex): unknown {
  const info = kindInfo(String(object.apiVersion), String(object.kind)) as KindInfo;
  return rule.check(object, { info, resources });
}

describe('lint/cross rules', () => {
  it('exports the eight rules under their fixed ids', () => {
    assert.deepEqual(CROSS_RULES.map((rule) => rule.id).sort(), Object.keys(CHAPTER_OF).sort());
  });

  for (const rule of CROSS_RULES) {
    it(`${rule.id}: chapter, kinds, warning severity and a French description`, () => {
      assert.equal(rule.chapter, CHAPTER_OF[rule.id]);
      assert.ok(CHAPTERS.some((chapter) => chapter.id === rule.chapter));
      assert.equal(rule.severity, 'warning');
      assert.ok(rule.kinds !== '*' && rule.kinds.length > 0);
      for (const kind of rule.kinds) assert.ok(['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'autoscaling/v2', 'rbac.authorization.k8s.io/v1'].some((version) => kindInfo(version, kind)), kind);
      assert.match(rule.description, /^Signale .+\.$/);
    });
  }

  it('each rule finds something in the rich fixtures (so the robustness runs below reach the code)', () => {
    const resources = indexOf(FIXTURES);
    for (const rule of CROSS_RULES) {
      const found = FIXTURES.filter((object) => rule.kinds.includes(String(object.kind))).flatMap((object) => run(rule, object, resources) as unknown[]);
      assert.ok(found.length > 0, rule.id);
    }
  });

  it('never throws on a checked object with a wrong type anywhere', () => {
    const resources = indexOf(FIXTURES);
    for (const rule of CROSS_RULES) {
      for (const object of FIXTURES.filter((candidate) => rule.kinds.includes(String(candidate.kind)))) {
        for (const path of paths(object)) {
          if (path[0] === 'kind' || path[0] === 'apiVersion') continue;
          for (const value of WRONG) assert.ok(Array.isArray(run(rule, replaced(object, path, value), resources)), `${rule.id} ${path.join('.')}`);
        }
      }
    }
  });

  it('never throws on known resources that are not objects at all', () => {
    for (const value of WRONG) {
      const resources = new ResourceIndex();
      const kinds = ['Service', 'Deployment', 'StatefulSet', 'Pod', 'LimitRange', 'ConfigMap', 'Secret', 'StorageClass', 'Role', 'ClusterRole'];
      resources.setCluster(kinds.map((kind) => ({ apiVersion: 'v1', kind, name: 'web', source: 'cluster', object: value as Obj })));
      for (const rule of CROSS_RULES) {
        for (const object of FIXTURES.filter((candidate) => rule.kinds.includes(String(candidate.kind)))) assert.ok(Array.isArray(run(rule, object, resources)), rule.id);
      }
    }
  });

  it('never throws on known resources with a wrong type anywhere', () => {
    for (const [index, other] of FIXTURES.entries()) {
      for (const path of paths(other)) {
        for (const value of WRONG) {
          const objects = FIXTURES.map((object, i) => (i === index ? replaced(object, path, value) : object));
          const resources = indexOf(objects);
          for (const rule of CROSS_RULES) {
            for (const object of FIXTURES.filter((candidate) => rule.kinds.includes(String(candidate.kind)))) {
              assert.ok(Array.isArray(run(rule, object, resources)), `${rule.id} with ${String(other.kind)} ${path.join('.')}`);
            }
          }
        }
      }
    }
  });
});
