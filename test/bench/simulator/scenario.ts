/**
 * The simulated cluster's benchmark scenarios (issue 5's figures), as plain functions a
 * probe process runs: build a cluster on N nodes, apply Deployments, settle, and check
 * the end state honestly (every Pod Running with its Ready condition True).
 */
import { performance } from 'node:perf_hooks';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { createCluster, type Cluster } from '../../../simulator/src/cluster';
import { defaultControllers } from '../../../simulator/src/controllers/index';
import { createKubelet } from '../../../simulator/src/kubelet/kubelet';
import { makeNodes } from '../../../simulator/src/scheduler/nodes';
import type { KubeObject } from '../../../simulator/src/store/store';

const PODS = kindInfo('v1', 'Pod')!;

/** The Deployment `web-<i>` of the benchmarks: 3 nginx replicas (what `npm run bench` applies). */
export function benchDeployment(i: number, replicas = 3, image = 'nginx:1.27'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `web-${i}` },
    spec: {
      replicas,
      selector: { matchLabels: { app: `web-${i}` } },
      template: {
        metadata: { labels: { app: `web-${i}` } },
        spec: { containers: [{ name: 'web', image, ports: [{ containerPort: 80 }] }] },
      },
    },
  };
}

/**
 * The cluster's default controllers; the kubelet is added when the list does not run one
 * yet (`withKubelet` tells which), since Pods only become Running and Ready through it.
 */
export function benchControllers(): { controllers: ReturnType<typeof defaultControllers>; kubeletAdded: boolean } {
  const controllers = defaultControllers();
  if (controllers.some((controller) => controller.name === 'kubelet')) return { controllers, kubeletAdded: false };
  return { controllers: [...controllers, createKubelet()], kubeletAdded: true };
}

/** A cluster of `nodes` worker Nodes (4 CPUs, 8 GiB, 110 Pods each), settled. */
export function benchCluster(nodes: number, seed = 1): { cluster: Cluster; kubeletAdded: boolean } {
  const { controllers, kubeletAdded } = benchControllers();
  return { cluster: createCluster({ seed, nodes: makeNodes(nodes), controllers }), kubeletAdded };
}

function isRunningAndReady(pod: KubeObject): boolean {
  const status = (pod.status ?? {}) as { phase?: string; conditions?: { type?: string; status?: string }[] };
  return status.phase === 'Running' && (status.conditions ?? []).some((condition) => condition.type === 'Ready' && condition.status === 'True');
}

/**
 * Throws unless the cluster holds exactly `expected` Pods, all Running and Ready; the
 * message names a few of the others and what they are at.
 */
export function checkAllRunningAndReady(cluster: Cluster, expected: number): void {
  const pods = cluster.store.list(PODS);
  const late = pods.filter((pod) => !isRunningAndReady(pod));
  if (pods.length === expected && late.length === 0) return;
  const sample = late.slice(0, 3).map((pod) => {
    const meta = pod.metadata as { namespace?: string; name?: string };
    const status = (pod.status ?? {}) as { phase?: string };
    return `${meta.namespace}/${meta.name} (${status.phase ?? 'no phase'})`;
  });
  throw new Error(`expected ${expected} Pods Running and Ready, found ${pods.length} Pods of which ${late.length} are not${sample.length ? `: ${sample.join(', ')}` : ''}`);
}

export interface SettleFigures {
  /** createCluster with the Nodes, settled. */
  createMs: number;
  /** Every Deployment applied (kubectl apply, one object at a time), nothing settled yet. */
  applyMs: number;
  /** From the last apply until nothing is left to do. */
  settleMs: number;
  /** Reconcile calls the settle took. */
  steps: number;
  /** Simulated milliseconds the settle took. */
  simulatedMs: number;
  pods: number;
  kubeletAdded: boolean;
}

/** `deployments` Deployments of `replicas` Pods on `nodes` Nodes: applied, settled, checked. */
export function settleScenario(nodes: number, deployments: number, replicas = 3): SettleFigures & { cluster: Cluster } {
  let start = performance.now();
  const { cluster, kubeletAdded } = benchCluster(nodes);
  const createMs = performance.now() - start;
  start = performance.now();
  for (let i = 0; i < deployments; i++) cluster.apply(benchDeployment(i, replicas));
  const applyMs = performance.now() - start;
  start = performance.now();
  const result = cluster.settle({ maxSimulatedMs: 30 * 60_000 });
  const settleMs = performance.now() - start;
  if (!result.settled) throw new Error(`the cluster did not settle (${result.steps} steps, ${result.elapsedMs} simulated ms)`);
  checkAllRunningAndReady(cluster, deployments * replicas);
  return { cluster, createMs, applyMs, settleMs, steps: result.steps, simulatedMs: result.elapsedMs, pods: deployments * replicas, kubeletAdded };
}

/** The p-th percentile (0-100) of samples, by the nearest-rank method. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/**
 * Times `count` single applies on a cluster as it is (each one a kubectl apply of one
 * object, not settled): every other one creates a Deployment `bench-<first + i>`, the
 * others change the image of one of the `existing` Deployments `web-<n>` (configured).
 */
export function timeApplies(cluster: Cluster, count: number, existing: number, first = 0): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const manifest = i % 2 === 0 ? benchDeployment(first + i) : benchDeployment(i % existing, 3, `nginx:1.27.${first + i}`);
    if (i % 2 === 0) (manifest.metadata as { name: string }).name = `bench-${first + i}`;
    const start = performance.now();
    cluster.apply(manifest);
    times.push(performance.now() - start);
  }
  return times;
}
