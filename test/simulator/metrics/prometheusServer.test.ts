import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { readerOf } from '../../../simulator/src/kubelet/replay';
import { httpRequest, parseUrl } from '../../../simulator/src/network/http';
import type { Cluster } from '../../../simulator/src/cluster';
import { podUsage, setLoad } from '../../../simulator/src/metrics/index';
import { kubectl, testCluster } from '../kubectl/commands/support';

const PODS = kindInfo('v1', 'Pod')!;

const MONITORING = `apiVersion: v1
kind: Pod
metadata: {name: ksm}
spec:
  containers: [{name: ksm, image: 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0'}]
---
apiVersion: v1
kind: Pod
metadata: {name: prom}
spec:
  containers: [{name: prom, image: 'prom/prometheus:v2.54.1'}]
---
apiVersion: v1
kind: Pod
metadata: {name: busy}
spec:
  containers: [{name: loop, image: 'busybox:1.36', command: [sh, -c, 'while true; do :; done'], resources: {limits: {cpu: 500m}}}]
`;

/** GET http://<pod IP>:<port><path> from the busy Pod: status and body. */
function get(cluster: Cluster, pod: string, port: number, path: string): { status: number; body: string } {
  const reader = readerOf(cluster.store);
  const ip = String((cluster.store.get(PODS, 'default', pod).status as { podIP: string }).podIP);
  const from = cluster.store.get(PODS, 'default', 'busy');
  const outcome = httpRequest(reader, cluster.clock.now(), { pod: from, namespace: 'default' }, parseUrl(`http://${ip}:${port}${path}`)!);
  assert.ok(outcome.ok, JSON.stringify(outcome));
  return { status: outcome.answer.status, body: outcome.answer.body };
}

function monitored(): Cluster {
  const cluster = testCluster();
  assert.equal(kubectl(cluster, 'apply -f monitoring.yaml', { 'monitoring.yaml': MONITORING }).exitCode, 0);
  cluster.advance(120_000);
  return cluster;
}

describe('monitoring images: kube-state-metrics and Prometheus serve the simulated cluster', () => {
  it('kube-state-metrics serves the cluster objects on :8080/metrics', () => {
    const { status, body } = get(monitored(), 'ksm', 8080, '/metrics');
    assert.equal(status, 200);
    assert.match(body, /^# HELP kube_pod_status_phase /m);
    assert.match(body, /^kube_pod_status_phase\{namespace="default",pod="busy",uid="[-0-9a-f]+",phase="Running"\} 1$/m);
  });

  it('Prometheus answers an instant query with the query API JSON, labels sorted, job and instance added', () => {
    const cluster = monitored();
    const { status, body } = get(cluster, 'prom', 9090, `/api/v1/query?query=${encodeURIComponent('kube_pod_status_phase{pod="busy",phase="Running"}')}`);
    assert.equal(status, 200);
    const answer = JSON.parse(body) as { status: string; data: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] } };
    assert.equal(answer.status, 'success');
    assert.equal(answer.data.resultType, 'vector');
    const [series] = answer.data.result;
    const ksmIP = String((cluster.store.get(PODS, 'default', 'ksm').status as { podIP: string }).podIP);
    assert.deepEqual(Object.keys(series!.metric), ['__name__', 'instance', 'job', 'namespace', 'phase', 'pod', 'uid']);
    assert.equal(series!.metric.instance, `${ksmIP}:8080`);
    assert.deepEqual(series!.value, [cluster.clock.now() / 1000, '1']);
  });

  it('Prometheus sums and rates: the busy loop uses its half CPU', () => {
    const cluster = monitored();
    // rate() needs a window full of scraped samples: ten minutes of history for a [5m] range.
    cluster.advance(600_000);
    const { body } = get(cluster, 'prom', 9090, `/api/v1/query?query=${encodeURIComponent('sum by (pod) (rate(container_cpu_usage_seconds_total{pod="busy"}[5m]))')}`);
    const result = (JSON.parse(body) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } }).data.result;
    assert.deepEqual(result.map((one) => one.metric), [{ pod: 'busy' }]);
    assert.ok(Math.abs(Number(result[0]!.value[1]) - 0.5) < 1e-9, result[0]!.value[1]);
  });

  it('Prometheus refuses what it cannot parse with a bad_data error', () => {
    const { status, body } = get(monitored(), 'prom', 9090, `/api/v1/query?query=${encodeURIComponent('rate(up)')}`);
    assert.equal(status, 400);
    assert.deepEqual(JSON.parse(body), { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:6: parse error: expected type range vector in call to function "rate", got instant vector' });
  });

  it('Prometheus federates the matching series, and keeps its own /metrics', () => {
    const cluster = monitored();
    const { body } = get(cluster, 'prom', 9090, '/federate?match%5B%5D=up');
    assert.match(body, /^# TYPE up untyped\nup\{instance="localhost:9090",job="prometheus"\} 1 \d+\n/);
    assert.match(get(cluster, 'prom', 9090, '/metrics').body, /^# HELP prometheus_build_info/);
  });

  it('holds no kube_* series without a kube-state-metrics container', () => {
    const cluster = monitored();
    kubectl(cluster, 'delete pod ksm');
    cluster.advance(60_000);
    const { body } = get(cluster, 'prom', 9090, `/api/v1/query?query=${encodeURIComponent('kube_pod_status_phase')}`);
    assert.deepEqual(JSON.parse(body), { status: 'success', data: { resultType: 'vector', result: [] } });
  });
});

describe('the simulated Prometheus scrapes every 15 s of simulated time', () => {
  const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: 'nginx:1.27', resources: {requests: {cpu: 200m}}}]
`;

  it('rate() over a Deployment under load answers the load', () => {
    const cluster = monitored();
    assert.equal(kubectl(cluster, 'apply -f web.yaml', { 'web.yaml': WEB }).exitCode, 0);
    cluster.advance(60_000);
    // Each of the 2 Pods at 50 % of its 200m request: 0.1 core on top of nginx's own use.
    setLoad(cluster.store, { kind: 'deployment', name: 'web' }, 50);
    cluster.advance(600_000);
    const { status, body } = get(cluster, 'prom', 9090, `/api/v1/query?query=${encodeURIComponent('rate(container_cpu_usage_seconds_total{pod=~"web-.*"}[5m])')}`);
    assert.equal(status, 200);
    const result = (JSON.parse(body) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } }).data.result;
    const usage = podUsage(cluster.store, cluster.clock.now(), { labelSelector: 'app=web' });
    assert.equal(result.length, 2);
    for (const one of result) {
      const pod = usage.find((metrics) => metrics.name === one.metric.pod)!;
      const cores = pod.containers[0]!.cpuMillis / 1000;
      assert.ok(cores >= 0.1, `${cores}`);
      assert.ok(Math.abs(Number(one.value[1]) - cores) < 1e-6, `${one.metric.pod}: rate ${one.value[1]}, usage ${cores}`);
      assert.equal(one.metric.__name__, undefined);
    }
  });

  it('holds only what was scraped since Prometheus runs, 15 s apart', () => {
    const cluster = monitored();
    const now = cluster.clock.now();
    const { body } = get(cluster, 'prom', 9090, `/api/v1/query_range?query=up%7Bjob%3D%22prometheus%22%7D&start=${(now - 600_000) / 1000}&end=${now / 1000}&step=15`);
    const [series] = (JSON.parse(body) as { data: { result: { values: [number, string][] }[] } }).data.result;
    const times = series!.values.map(([t]) => t * 1000);
    // Nothing before the Prometheus Pod ran (the cluster's first two minutes at most).
    assert.ok(times[0]! > now - 120_000, `${times[0]}`);
    assert.ok(times.every((t, i) => i === 0 || t - times[i - 1]! === 15_000));
  });
});
