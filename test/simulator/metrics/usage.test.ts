import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { formatTopNodes, formatTopPods, nodeUsage, podUsage, setLoad, type ContainerMetrics, type PodMetrics } from '../../../simulator/src/metrics/index';
import { Harness } from '../kubelet/harness';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
type Obj = Record<string, unknown>;

const cpuOf = (h: Harness, name: string): number => podUsage(h.store, h.clock.now()).find((p: PodMetrics) => p.name === name)!.containers.reduce((sum: number, c: ContainerMetrics) => sum + c.cpuMillis, 0);

/** A Deployment object whose selector picks `app: web` (no controller runs: the Pods are made by hand). */
function webDeployment(h: Harness, replicas: number): void {
  h.store.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  });
}

const web = (limits?: Record<string, string>) => [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '200m', memory: '64Mi' }, ...(limits ? { limits } : {}) } }];

describe('simulator/metrics: metrics-server usage and kubectl top', () => {
  it('has no metrics for a container until metrics-server scraped it twice', () => {
    const h = new Harness();
    h.pod('web', web());
    h.advance(5000);
    assert.deepEqual(podUsage(h.store, h.clock.now()), []);
    h.advance(30_000);
    const [pod] = podUsage(h.store, h.clock.now());
    assert.equal(pod!.name, 'web');
    assert.equal(pod!.node, 'node-1');
    assert.equal(pod!.timestamp % 15_000, 0, 'the values come from the last 15 s scrape');
    assert.ok(pod!.containers[0]!.cpuMillis <= 2);
  });

  it('prints `kubectl top pod` (and --containers, -A, --sum) with kubectl columns and units', () => {
    const h = new Harness();
    h.pod('web', web());
    h.pod('db', [{ name: 'redis', image: 'redis:7.4' }], { labels: { app: 'db' } });
    h.advance(60_000);
    const pods = podUsage(h.store, h.clock.now());
    const table = formatTopPods(pods);
    const lines = table.split('\n');
    assert.equal(lines[0], 'NAME   CPU(cores)   MEMORY(bytes)   ');
    assert.match(lines[1]!, /^db {5}\d+m +\d+Mi +$/);
    assert.match(lines[2]!, /^web {4}\d+m +\d+Mi +$/);
    assert.match(formatTopPods(pods, { containers: true }).split('\n')[0]!, /^POD +NAME +CPU\(cores\) +MEMORY\(bytes\)/);
    assert.match(formatTopPods(pods, { allNamespaces: true }).split('\n')[1]!, /^default +db +\d+m/);
    const sum = formatTopPods(pods, { sum: true }).trimEnd().split('\n');
    assert.match(sum.at(-2)!, /^ +________ +________ +$/);
    assert.match(sum.at(-1)!, /^ +\d+m +\d+Mi$/);
    assert.equal(formatTopPods(pods, { noHeaders: true }).split('\n').length, 3);
  });

  it('prints `kubectl top node`: the node uses some CPU and memory of its own; percentages of the allocatable', () => {
    const h = new Harness();
    h.pod('web', web());
    h.advance(60_000);
    const [node] = nodeUsage(h.store, h.clock.now());
    assert.equal(node!.name, 'node-1');
    assert.equal(node!.allocatableCpuMillis, 4000);
    assert.ok(node!.cpuMillis >= 25 && node!.memoryBytes > 180 * 1024 * 1024);
    const lines = formatTopNodes([node!]).split('\n');
    assert.equal(lines[0], 'NAME     CPU(cores)   CPU%   MEMORY(bytes)   MEMORY%   ');
    assert.match(lines[1]!, new RegExp(`^node-1   ${node!.cpuMillis}m +${Math.floor((node!.cpuMillis * 100) / 4000)}% +${Math.floor(node!.memoryBytes / 1048576)}Mi +${Math.floor((node!.memoryBytes * 100) / (8 * 1024 ** 3))}% +$`));
  });

  it('shares a workload load among its ready Pods: fixed traffic, more Pods each get less', () => {
    const h = new Harness();
    webDeployment(h, 2);
    h.pod('web-1', web(), { labels: { app: 'web' } });
    h.pod('web-2', web(), { labels: { app: 'web' } });
    h.pod('other', web(), { labels: { app: 'other' } });
    h.advance(60_000);
    const idle = cpuOf(h, 'web-1');
    setLoad(h.store, { kind: 'Deployment', namespace: 'default', name: 'web' }, 80);
    assert.deepEqual((h.store.get(DEPLOYMENTS, 'default', 'web').metadata as Obj).annotations, { 'atelier.dev/cpu-load': '80', 'atelier.dev/cpu-load-pods': '2' });
    // Two Pods at 80% of 200m: 160m each.
    assert.equal(cpuOf(h, 'web-1') - idle, 160);
    assert.ok(cpuOf(h, 'other') <= 2, 'a Pod of another workload gets none');
    h.pod('web-3', web(), { labels: { app: 'web' } });
    h.pod('web-4', web(), { labels: { app: 'web' } });
    h.advance(60_000);
    // The same traffic (2 × 160m) over 4 Pods.
    assert.equal(cpuOf(h, 'web-1') - idle, 80);
    assert.equal(podUsage(h.store, h.clock.now()).filter((p: PodMetrics) => p.name.startsWith('web-')).length, 4);
  });

  it('caps a CPU load at the CPU limit, and a memory load at the memory limit', () => {
    const h = new Harness();
    webDeployment(h, 1);
    h.pod('web-1', web({ cpu: '300m', memory: '100Mi' }), { labels: { app: 'web' } });
    h.advance(60_000);
    setLoad(h.store, { kind: 'deployment', namespace: 'default', name: 'web' }, 400);
    setLoad(h.store, { kind: 'deployment', namespace: 'default', name: 'web' }, 400, { resource: 'memory' });
    const [pod] = podUsage(h.store, h.clock.now());
    assert.equal(pod!.containers[0]!.cpuMillis, 300);
    assert.equal(pod!.containers[0]!.memoryBytes, 100 * 1024 * 1024);
  });

  it('is a pure function of the state and the time', () => {
    const h = new Harness();
    h.pod('web', web());
    h.advance(60_000);
    const now = h.clock.now();
    assert.deepEqual(podUsage(h.store, now), podUsage(h.store, now));
    assert.deepEqual(nodeUsage(h.store, now), nodeUsage(h.store, now));
  });
});
