import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { StatusError } from '../../../simulator/src/api/errors';
import { evictPod } from '../../../simulator/src/admission/eviction';
import { createCluster, type Cluster } from '../../../simulator/src/cluster';
import { runKubectl } from '../../../simulator/src/kubectl/commands/index';
import { goDuration } from '../../../simulator/src/scheduler/nodeops';
import type { KubeObject } from '../../../simulator/src/store/store';

const PODS = kindInfo('v1', 'Pod')!;
const PDBS = kindInfo('policy/v1', 'PodDisruptionBudget')!;
type Obj = Record<string, unknown>;

const meta = (o: KubeObject): Obj => o.metadata as Obj;
const nodeOf = (pod: KubeObject): string => String((pod.spec as Obj).nodeName);

function withWeb(budget: Obj, replicas = 3, seed = 2): Cluster {
  const cluster = createCluster({ seed });
  cluster.store.create({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
  });
  cluster.store.create({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, ...budget } });
  cluster.settle();
  return cluster;
}

const pdbStatus = (cluster: Cluster): Obj => cluster.store.get(PDBS, 'default', 'web-pdb').status as Obj;
const webPods = (cluster: Cluster): KubeObject[] => cluster.store.list(PODS, { labelSelector: 'app=web' });

describe('controllers: disruption (PodDisruptionBudget status)', () => {
  it('counts healthy, desired and expected Pods from minAvailable', () => {
    const status = pdbStatus(withWeb({ minAvailable: 2 }));
    assert.deepEqual({ ...status, conditions: undefined }, { observedGeneration: 1, disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, conditions: undefined });
    const [condition] = status.conditions as Obj[];
    assert.deepEqual({ ...condition, lastTransitionTime: undefined }, { type: 'DisruptionAllowed', status: 'True', observedGeneration: 1, lastTransitionTime: undefined, reason: 'SufficientPods', message: '' });
  });

  it('takes the expected count from the Deployment’s scale for maxUnavailable and percentages', () => {
    assert.deepEqual([pdbStatus(withWeb({ maxUnavailable: 1 }, 4)).desiredHealthy, pdbStatus(withWeb({ maxUnavailable: 1 }, 4)).disruptionsAllowed], [3, 1]);
    const percent = pdbStatus(withWeb({ minAvailable: '50%' }, 3));
    assert.deepEqual([percent.expectedPods, percent.desiredHealthy, percent.disruptionsAllowed], [3, 2, 1]);
  });

  it('allows no disruption when too few Pods are ready, and prints it in kubectl get pdb', () => {
    const cluster = withWeb({ minAvailable: 3 });
    const status = pdbStatus(cluster);
    assert.equal(status.disruptionsAllowed, 0);
    assert.equal((status.conditions as Obj[])[0]!.reason, 'InsufficientPods');
    assert.match(runKubectl(cluster, ['get', 'pdb']).stdout, /^NAME {6}MIN AVAILABLE {3}MAX UNAVAILABLE {3}ALLOWED DISRUPTIONS {3}AGE\nweb-pdb {3}3 {15}N\/A {15}0 {21}\S+\n$/);
  });
});

describe('the Eviction API', () => {
  it('evicts while the budget allows it, taking the disruption from its status', () => {
    const cluster = withWeb({ minAvailable: 2 });
    const [first, second] = webPods(cluster);
    evictPod(cluster.store, 'default', String(meta(first!).name));
    const status = pdbStatus(cluster);
    assert.equal(status.disruptionsAllowed, 0);
    assert.deepEqual(Object.keys(status.disruptedPods as Obj), [String(meta(first!).name)]);
    const evicted = cluster.store.get(PODS, 'default', String(meta(first!).name));
    assert.ok(((evicted.status as { conditions: Obj[] }).conditions).some((c) => c.type === 'DisruptionTarget' && c.reason === 'EvictionByEvictionAPI'));
    assert.throws(
      () => evictPod(cluster.store, 'default', String(meta(second!).name)),
      (error: unknown) =>
        error instanceof StatusError && error.code === 429 && error.reason === 'TooManyRequests' &&
        error.message === "Cannot evict pod as it would violate the pod's disruption budget." &&
        // The API server only took the disruption; the controller has not recounted yet.
        error.causes[0]!.message === 'The disruption budget web-pdb needs 2 healthy pods and has 3 currently',
    );
  });

  it('refuses a Pod two budgets select', () => {
    const cluster = withWeb({ minAvailable: 1 });
    cluster.store.create({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'other', namespace: 'default' }, spec: { maxUnavailable: 1, selector: {} } });
    cluster.settle();
    assert.throws(() => evictPod(cluster.store, 'default', String(meta(webPods(cluster)[0]!).name)), /This pod has more than one PodDisruptionBudget, which the eviction subresource does not support\./);
  });
});

describe('kubectl drain with a PodDisruptionBudget', () => {
  it('retries refused evictions every 5 s until the replacements are ready, then drains', () => {
    const cluster = withWeb({ minAvailable: 2 });
    const onWorker1 = webPods(cluster).filter((p) => nodeOf(p) === 'worker-1').map((p) => String(meta(p).name)).sort();
    assert.equal(onWorker1.length, 2, 'the fixture puts two Pods on worker-1');
    const result = runKubectl(cluster, ['drain', 'worker-1', '--ignore-daemonsets', '--timeout=2m']);
    assert.equal(result.exitCode, 0);
    const [a, b] = onWorker1;
    const lines = result.stdout.trim().split('\n');
    assert.deepEqual(lines.slice(0, 3), ['node/worker-1 cordoned', `evicting pod default/${a}`, `evicting pod default/${b}`]);
    assert.equal(lines.at(-1), 'node/worker-1 drained');
    assert.ok(lines.includes(`pod/${a} evicted`) && lines.includes(`pod/${b} evicted`));
    assert.match(result.stderr, new RegExp(`^error when evicting pods/"${b}" -n "default" \\(will retry after 5s\\): Cannot evict pod as it would violate the pod's disruption budget\\.$`, 'm'));
    assert.ok(webPods(cluster).every((p) => nodeOf(p) !== 'worker-1'));
  });

  it('gives up at --timeout with kubectl’s errors when the budget never allows it', () => {
    const cluster = withWeb({ minAvailable: 3 });
    const victim = webPods(cluster).find((p) => nodeOf(p) === 'worker-1')!;
    const name = String(meta(victim).name);
    const result = runKubectl(cluster, ['drain', 'worker-1', '--timeout=20s']);
    assert.equal(result.exitCode, 1);
    const errors = result.stderr.split('\n').filter((line) => !line.startsWith('💡'));
    assert.equal(errors.filter((line) => line.includes('(will retry after 5s)')).length >= 4, true);
    const timeout = `error when evicting pods/"${name}" -n "default": global timeout reached: 20s`;
    assert.ok(errors.some((line) => line.startsWith('error: unable to drain node "worker-1" due to error: ') && line.endsWith(', continuing command...')));
    assert.ok(errors.includes('There are pending nodes to be drained:'));
    assert.ok(errors.includes(' worker-1'));
    assert.ok(errors.includes(timeout));
    assert.doesNotMatch(result.stdout, /drained/);
    assert.ok(cluster.store.find(PODS, 'default', name), 'the protected Pod is still there');
  });

  it('stops a drain without --timeout after a bounded wait, with a hint', () => {
    const cluster = withWeb({ minAvailable: 3 });
    const result = runKubectl(cluster, ['drain', 'worker-1']);
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /💡 Sans --timeout, kubectl drain réessaierait indéfiniment/);
  });

  it('prints Go durations', () => {
    assert.deepEqual([5000, 20_000, 60_000, 90_000, 7_200_000, 500].map(goDuration), ['5s', '20s', '1m0s', '1m30s', '2h0m0s', '500ms']);
  });
});
