import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { readerOf } from '../../../simulator/src/kubelet/replay';
import { httpRequest, parseUrl } from '../../../simulator/src/network/http';
import type { Cluster } from '../../../simulator/src/cluster';
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
    const { body } = get(monitored(), 'prom', 9090, `/api/v1/query?query=${encodeURIComponent('sum by (pod) (rate(container_cpu_usage_seconds_total{pod="busy"}[5m]))')}`);
    const result = (JSON.parse(body) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } }).data.result;
    assert.deepEqual(result.map((one) => [one.metric, one.value[1]]), [[{ pod: 'busy' }, '0.5']]);
  });

  it('Prometheus refuses what it cannot parse with a bad_data error', () => {
    const { status, body } = get(monitored(), 'prom', 9090, `/api/v1/query?query=${encodeURIComponent('rate(up)')}`);
    assert.equal(status, 400);
    assert.deepEqual(JSON.parse(body), { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:1: parse error: expected type range vector in call to function "rate", got instant vector' });
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
