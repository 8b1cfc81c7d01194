import * as assert from 'node:assert/strict';
import type { KubeObject } from '../../../simulator/src/store/store';
import { podRequests, amountOf, isScalarResource } from '../../../simulator/src/scheduler/resources';
import { matchesRequired, readPlacement, readTerm, requiredNodeNames, termMatches, tolerates } from '../../../simulator/src/scheduler/affinity';
import { SchedulerCache, type NodeInfo } from '../../../simulator/src/scheduler/cache';
import { readPod, runFilters } from '../../../simulator/src/scheduler/filters';
import { balancedAllocationScore, leastAllocatedScore, scoreNodes, selectHost } from '../../../simulator/src/scheduler/score';
import { numFeasibleNodesToFind, schedulePod } from '../../../simulator/src/scheduler/algorithm';
import { defaultNodes, makeNodes } from '../../../simulator/src/scheduler/nodes';

type Container = Record<string, unknown>;
const container = (name: string, requests?: Record<string, string>, extra: Container = {}): Container => ({ name, image: 'busybox', ...(requests ? { resources: { requests } } : {}), ...extra });
const pod = (spec: Record<string, unknown>, name = 'p'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec });
const asObject = (amounts: Map<string, number>) => Object.fromEntries([...amounts].sort());

/** The cached NodeInfos of some Node objects, with Pods bound to them. */
function infos(nodes: KubeObject[], pods: KubeObject[] = []): NodeInfo[] {
  const cache = new SchedulerCache();
  for (const node of nodes) cache.upsertNode(node);
  for (const p of pods) cache.upsertPod(p);
  return [...cache.nodeList()];
}

describe('simulator/scheduler: requests', () => {
  it('reads quantities as the scheduler counts them: millicores for cpu, whole units otherwise', () => {
    assert.equal(amountOf('cpu', '1.5'), 1500);
    assert.equal(amountOf('cpu', '250m'), 250);
    assert.equal(amountOf('memory', '128Mi'), 134217728);
    assert.equal(amountOf('memory', '1G'), 1e9);
    assert.equal(amountOf('memory', 'lots'), 0);
  });

  it('sums the containers, and takes the largest init container when it is larger', () => {
    const spec = {
      containers: [container('a', { cpu: '100m', memory: '64Mi' }), container('b', { cpu: '200m' })],
      initContainers: [container('migrate', { cpu: '1', memory: '32Mi' })],
    };
    assert.deepEqual(asObject(podRequests(pod(spec))), { cpu: 1000, memory: 64 * 2 ** 20 });
  });

  it('adds sidecars (restartPolicy: Always init containers) to both the sum and the init peaks', () => {
    const spec = {
      containers: [container('app', { cpu: '500m' })],
      initContainers: [container('proxy', { cpu: '200m' }, { restartPolicy: 'Always' }), container('setup', { cpu: '600m' })],
    };
    // Running: app + proxy = 700m; while `setup` runs: proxy + setup = 800m.
    assert.equal(podRequests(pod(spec)).get('cpu'), 800);
  });

  it('adds the overhead, and with nonZero counts 100m / 200Mi for missing requests only', () => {
    const spec = { containers: [container('a'), container('b', { cpu: '0' })], overhead: { cpu: '10m' } };
    assert.deepEqual(asObject(podRequests(pod(spec))), { cpu: 10 });
    assert.deepEqual(asObject(podRequests(pod(spec), true)), { cpu: 110, memory: 2 * 200 * 2 ** 20 });
  });

  it('knows which resources are scalar (extended, huge pages)', () => {
    assert.deepEqual(['nvidia.com/gpu', 'hugepages-2Mi', 'cpu', 'kubernetes.io/foo', 'requests.cpu'].map(isScalarResource), [true, true, false, false, false]);
  });
});

describe('simulator/scheduler: tolerations and node affinity', () => {
  const taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
  it('tolerates as Toleration.ToleratesTaint does', () => {
    const t = (key: string, operator: string, value: string, effect: string) => tolerates({ key, operator, value, effect }, taint);
    assert.equal(t('dedicated', 'Equal', 'gpu', 'NoSchedule'), true);
    assert.equal(t('dedicated', '', 'gpu', ''), true, 'empty operator is Equal, empty effect matches all');
    assert.equal(t('dedicated', 'Equal', 'cpu', 'NoSchedule'), false);
    assert.equal(t('dedicated', 'Exists', '', 'NoExecute'), false);
    assert.equal(t('', 'Exists', '', ''), true, 'an empty key with Exists tolerates everything');
    assert.equal(t('other', 'Exists', '', ''), false);
  });

  it('matches node selector terms with every operator', () => {
    const node = { name: 'n1', labels: { zone: 'a', gen: '5', ssd: '' } };
    const term = (key: string, operator: string, values?: string[]) => termMatches(readTerm({ matchExpressions: [{ key, operator, values }] }), node);
    assert.deepEqual(
      [term('zone', 'In', ['a', 'b']), term('zone', 'NotIn', ['a']), term('missing', 'NotIn', ['a']), term('ssd', 'Exists'), term('ssd', 'DoesNotExist'), term('gen', 'Gt', ['4']), term('gen', 'Lt', ['4']), term('zone', 'Gt', ['1'])],
      [true, false, true, true, false, true, false, false],
    );
    assert.equal(termMatches(readTerm({}), node), false, 'an empty term matches nothing');
    assert.equal(termMatches(readTerm({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }), node), true);
    assert.equal(term('zone', 'Bogus', ['a']), false, 'a term that does not parse is ignored');
  });

  it('requires the nodeSelector and any one of the required terms', () => {
    const placement = readPlacement({
      nodeSelector: { zone: 'a' },
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'gen', operator: 'In', values: ['4'] }] }, { matchExpressions: [{ key: 'gen', operator: 'In', values: ['5'] }] }] } } },
    });
    assert.equal(matchesRequired(placement, { name: 'x', labels: { zone: 'a', gen: '5' } }), true);
    assert.equal(matchesRequired(placement, { name: 'x', labels: { zone: 'b', gen: '5' } }), false);
    assert.equal(matchesRequired(placement, { name: 'x', labels: { zone: 'a', gen: '6' } }), false);
  });

  it('finds the Node names a DaemonSet Pod is pinned to (NodeAffinity PreFilter)', () => {
    const pinned = (values: string[][]) =>
      requiredNodeNames(readPlacement({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: values.map((v) => ({ matchFields: [{ key: 'metadata.name', operator: 'In', values: v }] })) } } } }));
    assert.deepEqual([...pinned([['worker-1']])!], ['worker-1']);
    assert.deepEqual([...pinned([['a'], ['b']])!].sort(), ['a', 'b']);
    assert.equal(requiredNodeNames(readPlacement({})), undefined);
  });
});

describe('simulator/scheduler: filters', () => {
  const [controlPlane, worker] = infos(defaultNodes({ controlPlanes: 1, workers: 1 }));
  it('rejects in upstream order: a cordoned, tainted Node reports the cordon', () => {
    const cache = new SchedulerCache();
    const node = defaultNodes({ controlPlanes: 1, workers: 0 })[0]!;
    cache.upsertNode({ ...node, spec: { ...(node.spec as object), unschedulable: true } });
    assert.deepEqual(runFilters(readPod(pod({ containers: [container('a')] })), cache.nodeList()[0]!), { plugin: 'NodeUnschedulable', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] });
    assert.equal(runFilters(readPod(pod({ containers: [container('a')] })), controlPlane!)!.plugin, 'TaintToleration');
    assert.equal(runFilters(readPod(pod({ containers: [container('a')] })), worker!), undefined);
  });

  it('refuses a host port already taken on the Node', () => {
    const withPort = (name: string, hostPort: number, hostIP?: string) =>
      pod({ nodeName: 'worker-1', containers: [container('a', undefined, { ports: [{ containerPort: 80, hostPort, ...(hostIP ? { hostIP } : {}) }] })] }, name);
    const [, busy] = infos(defaultNodes({ controlPlanes: 1, workers: 1 }), [withPort('x', 8080, '10.0.0.1')]);
    assert.equal(runFilters(readPod(withPort('y', 8080)), busy!)!.reasons[0], "node(s) didn't have free ports for the requested pod ports");
    assert.equal(runFilters(readPod(withPort('y', 8080, '10.0.0.2')), busy!), undefined, 'another IP is free');
    assert.equal(runFilters(readPod(withPort('y', 8081)), busy!), undefined);
  });

  it('checks extended resources the Node does not have', () => {
    const status = runFilters(readPod(pod({ containers: [container('a', { 'nvidia.com/gpu': '1' })] })), worker!);
    assert.deepEqual(status?.reasons, ['Insufficient nvidia.com/gpu']);
  });

  it('lists Nodes left out by the PreFilter as such', () => {
    const nodes = infos(defaultNodes({ controlPlanes: 1, workers: 2 }));
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }] }] } } };
    const result = schedulePod(readPod(pod({ affinity, containers: [container('a', { cpu: '10' })] })), nodes);
    assert.deepEqual(result, {
      outcome: 'unschedulable',
      processed: 1,
      message:
        '0/3 nodes are available: 1 Insufficient cpu, 2 node is filtered out by the prefilter result. ' +
        'preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    });
  });
});

describe('simulator/scheduler: scores', () => {
  it('LeastAllocated: the free share of cpu and memory once the Pod is placed, averaged', () => {
    const [node] = infos(makeNodes(1, { cpu: '4', memory: '4Gi' }));
    const p = readPod(pod({ containers: [container('a', { cpu: '1', memory: '1Gi' })] }));
    assert.equal(leastAllocatedScore(p, node!), 75);
    const empty = readPod(pod({ containers: [container('a')] }));
    // 100m of 4000m -> 97; 200Mi of 4Gi -> 95; (97 + 95) / 2 = 96.
    assert.equal(leastAllocatedScore(empty, node!), 96);
  });

  it('BalancedAllocation: 100 when cpu and memory are used in the same proportion', () => {
    const [node] = infos(makeNodes(1, { cpu: '4', memory: '4Gi' }));
    assert.equal(balancedAllocationScore(readPod(pod({ containers: [container('a', { cpu: '1', memory: '1Gi' })] })), node!), 100);
    assert.equal(balancedAllocationScore(readPod(pod({ containers: [container('a', { cpu: '2' })] })), node!), 75);
  });

  it('weighs the plugins and breaks ties by Node name', () => {
    const nodes = infos(makeNodes(3));
    const p = readPod(pod({ containers: [container('a')] }));
    const scores = scoreNodes(p, nodes);
    assert.equal(new Set(scores.map((s) => s.score)).size, 1);
    // TaintToleration (3 x 100) + NodeAffinity (2 x 0) + LeastAllocated + BalancedAllocation.
    assert.equal(scores[0]!.score, 300 + leastAllocatedScore(p, nodes[0]!) + balancedAllocationScore(p, nodes[0]!));
    assert.equal(selectHost(p, nodes), 'node-1');
  });

  it('avoids PreferNoSchedule taints the Pod does not tolerate', () => {
    const [a, b] = makeNodes(2);
    (a!.spec as Record<string, unknown>).taints = [{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }];
    const nodes = infos([a!, b!]);
    assert.equal(selectHost(readPod(pod({ containers: [container('a')] })), nodes), 'node-2');
    const tolerant = pod({ containers: [container('a')], tolerations: [{ key: 'spot', operator: 'Exists' }] });
    assert.equal(selectHost(readPod(tolerant), nodes), 'node-1');
  });

  it('looks at every Node below 100, then at an adaptive share (420 of 1,000)', () => {
    assert.deepEqual([3, 99, 100, 150, 1000, 5000].map(numFeasibleNodesToFind), [3, 99, 100, 100, 420, 500]);
  });
});
