import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import { kubectl, testCluster } from './support';

const HPAS = kindInfo('autoscaling/v2', 'HorizontalPodAutoscaler')!;

describe('kubectl autoscale', () => {
  it('creates an autoscaling/v2 HorizontalPodAutoscaler named after the Deployment', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27');
    const result = kubectl(cluster, 'autoscale deployment web --min=2 --max=10 --cpu-percent=80');
    assert.deepEqual([result.stdout, result.stderr, result.exitCode], ['horizontalpodautoscaler.autoscaling/web autoscaled\n', '', 0]);
    const hpa = cluster.store.get(HPAS, 'default', 'web');
    assert.deepEqual(hpa.spec, {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    });
    assert.match(kubectl(cluster, 'get hpa').stdout, /^web +Deployment\/web +cpu: \S+\/80% +2 +10 +2 +/m);
  });

  it('accepts TYPE/NAME, --name and a client dry run', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27');
    assert.equal(kubectl(cluster, 'autoscale deployment/web --max=3 --name=front --dry-run=client').stdout, 'horizontalpodautoscaler.autoscaling/front created (dry run)\n');
    assert.equal(cluster.store.find(HPAS, 'default', 'front'), undefined);
    assert.equal(kubectl(cluster, 'autoscale deployment/web --max=3 --name=front --dry-run=server').stdout, 'horizontalpodautoscaler.autoscaling/front autoscaled (server dry run)\n');
    assert.equal(kubectl(cluster, 'autoscale deployment/web --max=3 -o name').stdout, 'horizontalpodautoscaler.autoscaling/web\n');
  });

  it('answers kubectl’s errors', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27');
    const cases: [string, string][] = [
      ['autoscale deployment web', 'error: required flag(s) "max" not set'],
      ['autoscale deployment web --max=0', 'error: --max=MAXPODS is required and must be at least 1, max: 0'],
      ['autoscale deployment web --min=5 --max=2', 'error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 5'],
      ['autoscale deployment nope --max=3', 'Error from server (NotFound): deployments.apps "nope" not found'],
      ['autoscale service kubernetes --max=3', 'error: cannot autoscale a Service: could not find scale subresource for /v1, Resource=services in discovery information'],
    ];
    for (const [line, error] of cases) {
      const result = kubectl(cluster, line);
      assert.equal(result.exitCode, 1, line);
      assert.equal(result.stderr.split('\n')[0], error, line);
      assert.match(result.stderr, /\n💡 /, line);
    }
    kubectl(cluster, 'autoscale deployment web --max=3');
    assert.equal(kubectl(cluster, 'autoscale deployment web --max=3').stderr.split('\n')[0], 'Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "web" already exists');
  });
});
