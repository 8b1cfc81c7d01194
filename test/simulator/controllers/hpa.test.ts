import * as assert from 'node:assert/strict';
import { ManualClock, formatTimestamp } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { StatusError } from '../../../simulator/src/api/errors';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createDeploymentController } from '../../../simulator/src/controllers/deployment';
import { createReplicaSetController } from '../../../simulator/src/controllers/replicaset';
import { autoscaleError, autoscaleObject, createHpaController, setLoad } from '../../../simulator/src/controllers/hpa';
import { createScheduler } from '../../../simulator/src/scheduler/scheduler';
import { defaultNodes } from '../../../simulator/src/scheduler/nodes';
import { createKubelet } from '../../../simulator/src/kubelet/kubelet';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const HPAS = kindInfo('autoscaling/v2', 'HorizontalPodAutoscaler')!;
const PODS = kindInfo('v1', 'Pod')!;
const EVENTS = kindInfo('v1', 'Event')!;
type Obj = Record<string, unknown>;
interface MetricStatus {
  type: string;
  resource?: { name: string; current: { averageValue?: string; averageUtilization?: number } };
}
interface HpaStatus {
  currentReplicas?: number;
  desiredReplicas?: number;
  lastScaleTime?: string;
  currentMetrics: MetricStatus[];
  conditions?: { type: string; status: string; reason: string; message: string }[];
}

const START = Date.UTC(2024, 0, 1);

function newCluster(seed = 1) {
  const clock = new ManualClock(START);
  const store = new ObjectStore({ clock, random: createRandom(seed), gracefulPodDeletion: true });
  const runtime = new ControllerRuntime(store, clock, [createDeploymentController(), createReplicaSetController(), createScheduler(), createKubelet(), createHpaController()]);
  for (const node of defaultNodes(undefined, { now: clock.now() })) store.create(node);
  return { clock, store, runtime };
}

/** The Deployment of the HorizontalPodAutoscaler walkthrough. */
function phpApache(resources: Obj | null = { limits: { cpu: '500m' }, requests: { cpu: '200m' } }, name = 'php-apache'): KubeObject {
  const container: Obj = { name, image: 'registry.k8s.io/hpa-example', ports: [{ containerPort: 80 }] };
  if (resources) container.resources = resources;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { selector: { matchLabels: { run: name } }, template: { metadata: { labels: { run: name } }, spec: { containers: [container] } } },
  };
}

function hpa(spec: Obj = {}, name = 'php-apache', apiVersion = 'autoscaling/v2'): KubeObject {
  const base: Obj = { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' }, minReplicas: 1, maxReplicas: 10 };
  if (apiVersion === 'autoscaling/v2') base.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }];
  return { apiVersion, kind: 'HorizontalPodAutoscaler', metadata: { name, namespace: 'default' }, spec: { ...base, ...spec } };
}

const hpaStatus = (store: ObjectStore, name = 'php-apache'): HpaStatus => (store.get(HPAS, 'default', name).status ?? {}) as HpaStatus;
const replicas = (store: ObjectStore, name = 'php-apache'): number => (store.get(DEPLOYMENTS, 'default', name).spec as Obj).replicas as number;
const conditions = (store: ObjectStore, name = 'php-apache'): string[] =>
  (hpaStatus(store, name).conditions ?? []).map((c) => `${c.type} ${c.status} ${c.reason}: ${c.message}`);
const events = (store: ObjectStore, reason?: string): string[] =>
  store
    .list(EVENTS)
    .filter((e) => (e.source as { component?: string }).component === 'horizontal-pod-autoscaler' && (reason === undefined || e.reason === reason))
    .map((e) => `${String(e.type)} ${String(e.reason)}: ${String(e.message)}`);
const since = (clock: ManualClock): number => (clock.now() - START) / 1000;

describe('simulator/controllers: HorizontalPodAutoscaler', () => {
  it('syncs every 15 s, the first time 15 s after creation, when the new Pod has no metrics yet', () => {
    const { store, runtime } = newCluster();
    store.create(phpApache());
    store.create(hpa());
    runtime.advance(14_000);
    assert.equal(hpaStatus(store).desiredReplicas, undefined, 'not synced yet');
    runtime.advance(1000);
    const message = 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API';
    assert.deepEqual(events(store), [
      `Warning FailedGetResourceMetric: ${message}`,
      `Warning FailedComputeMetricsReplicas: invalid metrics (1 invalid out of 1), first error is: ${message}`,
    ]);
    assert.deepEqual(conditions(store), [
      "AbleToScale True SucceededGetScale: the HPA controller was able to get the target's current scale",
      `ScalingActive False FailedGetResourceMetric: the HPA was unable to compute the replica count: ${message}`,
    ]);
    assert.deepEqual(hpaStatus(store).currentMetrics, [{ type: '' }]);
    assert.equal(hpaStatus(store).currentReplicas, 1);
  });

  it('reports an idle target like `kubectl describe hpa` shows it: at minReplicas, ScalingLimited TooFewReplicas', () => {
    const { store, runtime } = newCluster();
    store.create(phpApache());
    store.create(hpa());
    runtime.advance(6 * 60_000);
    const status = hpaStatus(store);
    assert.equal(status.currentReplicas, 1);
    assert.equal(status.desiredReplicas, 1);
    assert.equal(status.lastScaleTime, undefined);
    assert.deepEqual(status.currentMetrics, [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '1m', averageUtilization: 0 } } }]);
    assert.deepEqual(conditions(store), [
      'AbleToScale True ReadyForNewScale: recommended size matches current size',
      'ScalingActive True ValidMetricFound: the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
      'ScalingLimited True TooFewReplicas: the desired replica count is less than the minimum replica count',
    ]);
  });

  it('scales up under load (at most ×2 or 4 per step), settles where the load is shared, and scales down 5 minutes after it stops', () => {
    const { store, runtime, clock } = newCluster();
    store.create(phpApache());
    store.create(hpa());
    runtime.advance(6 * 60_000);
    // Three Pods' worth of traffic: one Pod alone is capped at its 500m limit, 250% of its request.
    setLoad(store, { kind: 'deployment', namespace: 'default', name: 'php-apache' }, 300);
    runtime.advance(15_000);
    assert.equal(replicas(store), 4);
    assert.deepEqual(hpaStatus(store).currentMetrics[0]!.resource!.current, { averageValue: '500m', averageUtilization: 250 });
    assert.deepEqual(conditions(store)[2], 'ScalingLimited True ScaleUpLimit: the desired replica count is increasing faster than the maximum scale rate');
    runtime.advance(3 * 60_000);
    assert.equal(replicas(store), 6, '600m shared by 6 Pods is 50% of their request');
    assert.equal(hpaStatus(store).currentMetrics[0]!.resource!.current.averageUtilization, 50);
    assert.equal(store.list(PODS).filter((p) => (p.status as Obj).phase === 'Running').length, 6);
    const sizes = events(store, 'SuccessfulRescale');
    assert.equal(sizes[0], 'Normal SuccessfulRescale: New size: 4; reason: cpu resource utilization (percentage of request) above target');
    assert.equal(sizes.at(-1), 'Normal SuccessfulRescale: New size: 6; reason: cpu resource utilization (percentage of request) above target');

    setLoad(store, { kind: 'deployment', namespace: 'default', name: 'php-apache' }, 0);
    const off = since(clock);
    runtime.advance(290_000);
    assert.equal(replicas(store), 6, 'the 300 s stabilization window holds the scale-down');
    assert.match(conditions(store)[0]!, /^AbleToScale True ScaleDownStabilized: recent recommendations were higher than current one, applying the highest recent recommendation$/);
    runtime.advance(30_000);
    assert.equal(replicas(store), 1);
    assert.deepEqual(events(store, 'SuccessfulRescale').at(-1), 'Normal SuccessfulRescale: New size: 1; reason: All metrics below target');
    const scaledDownAt = (Date.parse(String(hpaStatus(store).lastScaleTime)) - START) / 1000;
    assert.ok(scaledDownAt - off >= 300, `scaled down ${scaledDownAt - off} s after the load stopped`);
    assert.equal(formatTimestamp(Date.parse(String(hpaStatus(store).lastScaleTime))), String(hpaStatus(store).lastScaleTime));
  }).timeout(60_000);

  it('cannot compute utilization without requests: FailedGetResourceMetric names the container and the Pod', () => {
    const { store, runtime } = newCluster();
    store.create(phpApache(null));
    store.create(hpa());
    runtime.advance(60_000);
    const [failed] = events(store, 'FailedGetResourceMetric').filter((e) => e.includes('missing request'));
    assert.match(failed!, /^Warning FailedGetResourceMetric: failed to get cpu utilization: missing request for cpu in container php-apache of Pod php-apache-[a-z0-9]+-[a-z0-9]{5}$/);
    assert.match(conditions(store)[1]!, /^ScalingActive False FailedGetResourceMetric: the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container php-apache of Pod php-apache-/);
    assert.ok(events(store, 'FailedComputeMetricsReplicas').some((e) => e.includes('invalid metrics (1 invalid out of 1), first error is: failed to get cpu utilization: missing request for cpu')));
    assert.equal(replicas(store), 1);
  });

  it('reports a missing target: FailedGetScale, AbleToScale False', () => {
    const { store, runtime } = newCluster();
    store.create(hpa({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'nope' } }));
    runtime.advance(15_000);
    assert.deepEqual(events(store), ['Warning FailedGetScale: deployments/scale.apps "nope" not found']);
    assert.deepEqual(conditions(store), [`AbleToScale False FailedGetScale: the HPA controller was unable to get the target's current scale: deployments/scale.apps "nope" not found`]);
  });

  it('brings the target back within minReplicas..maxReplicas first', () => {
    const { store, runtime } = newCluster();
    store.create(phpApache());
    store.create(hpa({ minReplicas: 3 }));
    runtime.advance(15_000);
    assert.equal(replicas(store), 3);
    assert.deepEqual(events(store, 'SuccessfulRescale'), ['Normal SuccessfulRescale: New size: 3; reason: Current number of replicas below Spec.MinReplicas']);
  });

  it('follows spec.behavior: one more Pod per minute at most', () => {
    const { store, runtime } = newCluster();
    store.create(phpApache());
    store.create(hpa({ behavior: { scaleUp: { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } } }));
    runtime.advance(60_000);
    setLoad(store, { kind: 'deployment', namespace: 'default', name: 'php-apache' }, 500);
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      runtime.advance(60_000);
      seen.push(replicas(store));
    }
    assert.deepEqual(seen, [2, 3, 4, 5]);
    assert.equal(conditions(store)[2], 'ScalingLimited True ScaleUpLimit: the desired replica count is increasing faster than the maximum scale rate');
  }).timeout(60_000);

  it('scales on memory utilization with a memory load', () => {
    const { store, runtime } = newCluster();
    store.create(phpApache({ requests: { cpu: '100m', memory: '64Mi' } }));
    store.create(hpa({ metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } }] }));
    runtime.advance(60_000);
    assert.equal(replicas(store), 1);
    setLoad(store, { kind: 'Deployment', namespace: 'default', name: 'php-apache' }, 150, { resource: 'memory' });
    runtime.advance(15_000);
    // 96Mi of load plus what Apache holds, over a 64Mi request: about 167%, twice the target and more.
    const current = hpaStatus(store).currentMetrics[0]!.resource!.current;
    assert.ok(current.averageUtilization! > 160 && current.averageUtilization! < 180, JSON.stringify(current));
    assert.equal(replicas(store), 3);
    assert.deepEqual(events(store, 'SuccessfulRescale'), ['Normal SuccessfulRescale: New size: 3; reason: memory resource utilization (percentage of request) above target']);
  });

  it('reads an autoscaling/v1 HPA (targetCPUUtilizationPercentage) and writes its v1 status', () => {
    const { store, runtime } = newCluster();
    store.create(phpApache());
    store.create(hpa({ targetCPUUtilizationPercentage: 50 }, 'php-apache', 'autoscaling/v1'));
    runtime.advance(60_000);
    setLoad(store, { kind: 'deploy', namespace: 'default', name: 'php-apache' }, 100);
    runtime.advance(15_000);
    assert.equal(replicas(store), 2);
    const status = store.get(kindInfo('autoscaling/v1', 'HorizontalPodAutoscaler')!, 'default', 'php-apache').status as Obj;
    assert.deepEqual(Object.keys(status), ['lastScaleTime', 'currentReplicas', 'desiredReplicas', 'currentCPUUtilizationPercentage']);
    assert.equal(status.currentCPUUtilizationPercentage, 100);
  });

  it('setLoad refuses what is not a workload and names what does not exist', () => {
    const { store } = newCluster();
    assert.throws(() => setLoad(store, { kind: 'deployment', name: 'nope' }, 50), (error: unknown) => error instanceof StatusError && error.message === 'deployments.apps "nope" not found');
    assert.throws(() => setLoad(store, { kind: 'service', name: 'web' }, 50), /cannot put a load on service/);
    store.create(phpApache());
    const patched = setLoad(store, { kind: 'deployment', name: 'php-apache' }, 80);
    assert.deepEqual((patched.metadata as Obj).annotations, { 'atelier.dev/cpu-load': '80', 'atelier.dev/cpu-load-pods': '1' });
    const cleared = setLoad(store, { kind: 'deployment', name: 'php-apache' }, 0);
    assert.deepEqual(Object.keys(((cleared.metadata as Obj).annotations ?? {}) as Obj), []);
  });

  it('builds what `kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10` sends, which then scales', () => {
    const target = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache', namespace: 'default' };
    assert.equal(autoscaleError({ target, max: 0 }), '--max=MAXPODS is required and must be at least 1, max: 0');
    assert.equal(autoscaleError({ target, max: 2, min: 3 }), '--max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 3');
    assert.deepEqual(autoscaleObject({ target, max: 5 }).spec, { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' }, maxReplicas: 5 });
    const { store, runtime } = newCluster();
    store.create(phpApache());
    const created = store.create(autoscaleObject({ target, max: 10, min: 1, cpuPercent: 50 }));
    assert.deepEqual((created.spec as Obj).metrics, [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
    const defaulted = store.create(autoscaleObject({ target, max: 3, name: 'other' }), { dryRun: true });
    assert.deepEqual((defaulted.spec as Obj).minReplicas, 1, 'the API server defaults minReplicas');
    assert.deepEqual((defaulted.spec as Obj).metrics, [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
    runtime.advance(60_000);
    setLoad(store, { kind: 'deployment', name: 'php-apache' }, 100);
    runtime.advance(15_000);
    assert.equal(replicas(store), 2);
  });

  it('refuses to act when two HPAs control the same Pods: AmbiguousSelector', () => {
    const { store, runtime } = newCluster();
    store.create(phpApache());
    store.create(hpa());
    store.create(hpa({ metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 60 } } }] }, 'php-apache-memory'));
    runtime.advance(60_000);
    const message = 'pods by selector run=php-apache are controlled by multiple HPAs: [default/php-apache default/php-apache-memory]';
    assert.ok(events(store, 'AmbiguousSelector').includes(`Warning AmbiguousSelector: ${message}`));
    assert.ok(events(store, 'FailedComputeMetricsReplicas').includes(`Warning FailedComputeMetricsReplicas: ${message}`));
    assert.equal(conditions(store)[1], `ScalingActive False AmbiguousSelector: ${message}`);
    assert.equal(hpaStatus(store).currentMetrics, null);
  });

  it('gives the same bytes for the same seed', () => {
    const run = (): string => {
      const { store, runtime } = newCluster(4);
      store.create(phpApache());
      store.create(hpa());
      runtime.advance(60_000);
      setLoad(store, { kind: 'deployment', name: 'php-apache' }, 300);
      runtime.advance(120_000);
      return JSON.stringify([store.list(HPAS), store.list(EVENTS), store.list(DEPLOYMENTS)]);
    };
    assert.equal(run(), run());
  });
});
