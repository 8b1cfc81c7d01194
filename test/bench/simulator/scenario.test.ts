/**
 * The benchmark scenarios check what they claim: a small version of the 1,000-Deployment
 * run ends with every Pod Running and Ready, and the check refuses anything less.
 */
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { benchCluster, benchDeployment, checkAllRunningAndReady, percentile, settleScenario, timeApplies } from './scenario';

const PODS = kindInfo('v1', 'Pod')!;

describe('bench/simulator scenarios', () => {
  it('settles 10 Deployments × 3 on 3 Nodes with every Pod Running and Ready', () => {
    const figures = settleScenario(3, 10);
    assert.equal(figures.pods, 30);
    assert.equal(figures.cluster.store.list(PODS).length, 30);
    assert.ok(figures.steps > 0);
  });

  it('refuses a cluster whose Pods are not all Running and Ready', () => {
    const { cluster } = benchCluster(2);
    cluster.apply(benchDeployment(0, 2));
    // Not settled: the Pods do not even exist yet.
    assert.throws(() => checkAllRunningAndReady(cluster, 2), /expected 2 Pods Running and Ready, found 0 Pods/);
    cluster.settle();
    checkAllRunningAndReady(cluster, 2);
    // A Pod whose Ready condition is False does not count, even Running.
    const [pod] = cluster.store.list(PODS);
    const status = pod!.status as { conditions: { type: string; status: string }[] };
    for (const condition of status.conditions) if (condition.type === 'Ready') condition.status = 'False';
    cluster.store.updateStatus(pod!);
    assert.throws(() => checkAllRunningAndReady(cluster, 2), /of which 1 are not/);
  });

  it('times single applies, creating and changing Deployments', () => {
    const { cluster } = benchCluster(1);
    cluster.apply(benchDeployment(0));
    cluster.apply(benchDeployment(1));
    const times = timeApplies(cluster, 4, 2, 10);
    assert.equal(times.length, 4);
    const deployments = cluster.store.list(kindInfo('apps/v1', 'Deployment')!);
    const images = deployments.map((d) => `${(d.metadata as { name: string }).name} ${JSON.stringify(d.spec).match(/nginx:[0-9.]+/)![0]}`);
    assert.deepEqual(images, ['bench-10 nginx:1.27', 'bench-12 nginx:1.27', 'web-0 nginx:1.27', 'web-1 nginx:1.27.13']);
  });

  it('takes percentiles by nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.equal(percentile(samples, 50), 50);
    assert.equal(percentile(samples, 99), 99);
    assert.equal(percentile([3], 99), 3);
  });
});
