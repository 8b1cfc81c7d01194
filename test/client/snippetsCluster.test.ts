/**
 * The snippets on the simulated cluster: each whole manifest, expanded with its defaults,
 * is applied by `kubectl apply -f` to a fresh cluster and reaches the state a learner
 * expects (Pods ready, Job complete, CronJob run…); all of them applied together make one
 * coherent application; each fragment, typed in a Deployment, gives a Deployment that
 * becomes ready.
 */
import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { kindInfo } from '../../simulator/src/api/catalog';
import { createCluster, type Cluster } from '../../simulator/src/cluster';
import { runKubectl } from '../../simulator/src/kubectl/commands/index';
import type { KubeObject } from '../../simulator/src/store/store';
import { expandSnippet, HOST_NAME, loadSnippets, trialsOf, type LoadedSnippet } from './support/snippets';

const snippets = loadSnippets();
const manifests = snippets.filter((s) => /^apiVersion: /.test(expandSnippet(s.body)));
const fragments = snippets.filter((s) => !manifests.includes(s));

type Obj = KubeObject & { metadata: { name: string; namespace?: string } };

const objectsOf = (text: string): Obj[] => parseAllDocuments(text).flatMap((document) => (Array.isArray(document) ? [] : [document.toJS() as Obj]));

/** The stored object behind a manifest (the default namespace for namespaced kinds). */
function stored(cluster: Cluster, object: Obj): KubeObject | undefined {
  const info = kindInfo(String(object.apiVersion), String(object.kind));
  assert.ok(info, `${String(object.apiVersion)}/${String(object.kind)}`);
  return cluster.store.find(info, object.metadata.namespace ?? 'default', object.metadata.name);
}

const field = (object: KubeObject | undefined, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), object);
const conditionTrue = (object: KubeObject | undefined, type: string): boolean =>
  ((field(object, 'status.conditions') as { type?: string; status?: string }[] | undefined) ?? []).some((c) => c.type === type && c.status === 'True');

/**
 * What "it works" means for each kind, as `kubectl get` would show it; undefined when it
 * holds, else what is still missing. Kinds without a state of their own only need to exist.
 */
function unmet(object: KubeObject | undefined): string | undefined {
  if (!object) return 'not stored';
  const replicas = Number(field(object, 'spec.replicas') ?? 1);
  switch (object.kind) {
    case 'Pod':
      return field(object, 'status.phase') === 'Running' && conditionTrue(object, 'Ready') ? undefined : `phase ${String(field(object, 'status.phase'))}, not ready`;
    case 'Deployment':
    case 'StatefulSet':
      return field(object, 'status.readyReplicas') === replicas && field(object, 'status.updatedReplicas') === replicas ? undefined : `${String(field(object, 'status.readyReplicas'))}/${replicas} ready`;
    case 'DaemonSet': {
      const desired = Number(field(object, 'status.desiredNumberScheduled') ?? 0);
      return desired > 0 && field(object, 'status.numberReady') === desired ? undefined : `${String(field(object, 'status.numberReady'))}/${desired} ready`;
    }
    case 'Job':
      return conditionTrue(object, 'Complete') ? undefined : 'not complete';
    case 'CronJob':
      return field(object, 'status.lastSuccessfulTime') ? undefined : 'no successful run';
    case 'Service':
      if (field(object, 'spec.type') === 'LoadBalancer') return (field(object, 'status.loadBalancer.ingress') as unknown[] | undefined)?.length ? undefined : 'no external IP';
      return field(object, 'spec.clusterIP') ? undefined : 'no cluster IP';
    case 'PersistentVolume':
      return field(object, 'status.phase') === 'Available' ? undefined : `phase ${String(field(object, 'status.phase'))}`;
    case 'Namespace':
      return field(object, 'status.phase') === 'Active' ? undefined : `phase ${String(field(object, 'status.phase'))}`;
    default:
      return undefined;
  }
}

/** Lets simulated time pass (10 s at a time, 15 minutes at most) until `check` holds; returns its last answer. */
function settleUntil(cluster: Cluster, check: () => string | undefined): string | undefined {
  for (let waited = 0; waited < 15 * 60_000; waited += 10_000) {
    if (check() === undefined) return undefined;
    cluster.advance(10_000);
  }
  return check();
}

/** `kubectl apply -f` of the files, in order; asserts that every object went in. */
function apply(cluster: Cluster, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const result = runKubectl(cluster, ['apply', '-f', name], { files: { [name]: text } });
    assert.equal(result.stderr, '', `${name}:\n${text}`);
    assert.equal(result.exitCode, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, objectsOf(text).length, result.stdout);
    for (const line of lines) assert.match(line, /^[a-z0-9.]+\/[a-z0-9-]+ created$/);
  }
}

const expanded = (s: LoadedSnippet): string => expandSnippet(s.body);
const byPrefix = (prefix: string): LoadedSnippet => {
  const found = snippets.find((s) => s.prefixes.includes(prefix));
  assert.ok(found, prefix);
  return found;
};

describe('snippets on the simulated cluster', function () {
  this.timeout(60_000);

  for (const s of manifests) {
    it(`${s.name}: applies to a fresh cluster and does its job`, () => {
      const cluster = createCluster();
      apply(cluster, { 'snippet.yaml': expanded(s) });
      const objects = objectsOf(expanded(s));
      const check = (): string | undefined =>
        objects.map((object) => [object, unmet(stored(cluster, object))] as const).map(([object, missing]) => missing && `${String(object.kind)}/${object.metadata.name}: ${missing}`).find(Boolean);
      assert.equal(settleUntil(cluster, check), undefined);
    });
  }

  it('StatefulSet: each replica gets its own bound volume', () => {
    const cluster = createCluster();
    apply(cluster, { 'sts.yaml': expanded(byPrefix('k8s-statefulset')) });
    const claims = kindInfo('v1', 'PersistentVolumeClaim')!;
    const bound = (): string | undefined => {
      const phases = ['0', '1', '2'].map((ordinal) => field(cluster.store.find(claims, 'default', `donnees-ma-base-${ordinal}`), 'status.phase'));
      return phases.every((phase) => phase === 'Bound') ? undefined : `claims: ${phases.join(', ')}`;
    };
    assert.equal(settleUntil(cluster, bound), undefined);
  });

  it('all applied together: one application the Services, the Ingress and the HPA find', () => {
    const cluster = createCluster();
    const text = manifests.map(expanded).join('\n---\n');
    apply(cluster, { 'tout.yaml': text });
    const endpoints = kindInfo('v1', 'Endpoints')!;
    const addresses = (name: string): number =>
      ((field(cluster.store.find(endpoints, 'default', name), 'subsets') as { addresses?: unknown[] }[] | undefined) ?? []).reduce((count, subset) => count + (subset.addresses?.length ?? 0), 0);
    const check = (): string | undefined => {
      const missing = objectsOf(text).map((object) => [object, unmet(stored(cluster, object))] as const).find(([, why]) => why);
      if (missing) return `${String(missing[0].kind)}/${missing[0].metadata.name}: ${missing[1]}`;
      for (const service of ['mon-service', 'mon-service-nodeport', 'mon-service-lb', 'mon-service-headless']) if (addresses(service) === 0) return `${service}: no endpoints`;
      return undefined;
    };
    assert.equal(settleUntil(cluster, check), undefined);
    const hpa = cluster.store.find(kindInfo('autoscaling/v2', 'HorizontalPodAutoscaler')!, 'default', 'mon-application');
    assert.ok(conditionTrue(hpa, 'AbleToScale'), JSON.stringify(field(hpa, 'status')));
  });

  for (const s of fragments) {
    it(`${s.name}: typed in a Deployment, the Deployment becomes ready`, () => {
      for (const { label, host } of trialsOf(s, fragments)) {
        const cluster = createCluster();
        // What the fragments refer to by default: the ConfigMap, Secret and PVC snippets.
        const needed = ['k8s-configmap', 'k8s-secret', 'k8s-pvc'].map((prefix) => expanded(byPrefix(prefix))).join('---\n');
        apply(cluster, { 'dependances.yaml': needed, 'hote.yaml': host });
        const deployment = (): KubeObject | undefined => cluster.store.find(kindInfo('apps/v1', 'Deployment')!, 'default', HOST_NAME);
        assert.equal(settleUntil(cluster, () => unmet(deployment())), undefined, `${label}:\n${host}`);
      }
    });
  }
});
