// Bundled and run in a fresh Node process (with --expose-gc) by index.ts: one scenario of
// the simulated cluster's benchmarks, checked, timed, printed as one JSON line.
//   settle NODES DEPLOYMENTS  apply and settle, then time single applies on the result
//   held NODES DEPLOYMENTS    the same cluster held: heap after a full GC, `kubectl get pods -A`
import { performance } from 'node:perf_hooks';
import { runKubectl } from '../../../simulator/src/kubectl/commands/index';
import { percentile, settleScenario, timeApplies } from './scenario';

export interface SettleProbe {
  createMs: number;
  applyMs: number;
  settleMs: number;
  steps: number;
  simulatedMs: number;
  pods: number;
  kubeletAdded: boolean;
  /** Objects in the store when the single applies were timed. */
  objects: number;
  applyP50Ms: number;
  applyP99Ms: number;
}

export interface HeldProbe {
  pods: number;
  objects: number;
  settleMs: number;
  /** process.memoryUsage().heapUsed after a full GC, in MiB. */
  heapMiB: number;
  /** `kubectl get pods -A`: the first run, then the median of the next ones. */
  getFirstMs: number;
  getMedianMs: number;
  getLines: number;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the probe with node --expose-gc');
  gc();
  gc();
}

function settle(nodes: number, deployments: number): SettleProbe {
  const { cluster, ...figures } = settleScenario(nodes, deployments);
  const objects = cluster.store.registry.entries().length;
  // Warm the apply path on other objects first, as the JIT would be in a long session.
  timeApplies(cluster, 50, deployments);
  const times = timeApplies(cluster, 1000, deployments, 50);
  return { ...figures, objects, applyP50Ms: percentile(times, 50), applyP99Ms: percentile(times, 99) };
}

function held(nodes: number, deployments: number): HeldProbe {
  const { cluster, settleMs, pods } = settleScenario(nodes, deployments);
  const objects = cluster.store.registry.entries().length;
  collectGarbage();
  const heapMiB = process.memoryUsage().heapUsed / 1024 / 1024;
  const times: number[] = [];
  let lines = 0;
  for (let i = 0; i < 6; i++) {
    const start = performance.now();
    const result = runKubectl(cluster, ['get', 'pods', '-A'], { settle: false });
    times.push(performance.now() - start);
    if (result.exitCode !== 0) throw new Error(`kubectl get pods -A failed: ${result.stderr}`);
    lines = result.stdout.split('\n').length - 1;
  }
  if (lines !== pods + 1) throw new Error(`kubectl get pods -A printed ${lines} lines for ${pods} Pods`);
  return { pods, objects, settleMs, heapMiB, getFirstMs: times[0]!, getMedianMs: percentile(times.slice(1), 50), getLines: lines };
}

const [scenario, nodes, deployments] = process.argv.slice(2);
const result = scenario === 'held' ? held(Number(nodes), Number(deployments)) : settle(Number(nodes), Number(deployments));
console.log(JSON.stringify(result));
