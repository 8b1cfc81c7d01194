/**
 * The simulated cluster's benchmarks (issue 5's figures), each sample a fresh Node process
 * running probe.ts: 1,000 Deployments × 3 replicas on 100 Nodes applied and settled with
 * every Pod Running and Ready; single applies with more than 10,000 objects stored; and
 * 1,000 Nodes holding 30,000 Pods (heap, `kubectl get pods -A`). Returns the table.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from '../../support/dist';
import { formatMeasures, type Measure } from '../measure';
import type { HeldProbe, SettleProbe } from './probe';

export interface SimulatorBenchOptions {
  /** Fresh processes for the 1,000-Deployment scenario (default 5). */
  runs?: number;
  /** Fresh processes for the 30,000-Pod scenario, about a minute each (default 1; 0 skips it). */
  heldRuns?: number;
}

/** Median, min and max of samples (one per process). */
export function summarize(name: string, samples: readonly number[]): Measure {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { name, runs: sorted.length, median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

async function bundleProbe(): Promise<string> {
  const outfile = join(ROOT, 'out', 'bench', 'simulatorProbe.js');
  mkdirSync(join(ROOT, 'out', 'bench'), { recursive: true });
  await esbuild.build({ entryPoints: [join(ROOT, 'test/bench/simulator/probe.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
  return outfile;
}

function probe<T>(file: string, args: string[]): T {
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', file, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`simulator probe ${args.join(' ')} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as T;
}

const verdict = (value: number, limit: number): string => (value <= limit ? 'ok' : 'OVER');

/** Runs the scenarios and returns the table of medians, then each figure against its target. */
export async function simulatorBenchmarks(options: SimulatorBenchOptions = {}): Promise<string> {
  const file = await bundleProbe();
  const settles: SettleProbe[] = [];
  for (let i = 0; i < (options.runs ?? 5); i++) settles.push(probe<SettleProbe>(file, ['settle', '100', '1000']));
  const helds: HeldProbe[] = [];
  for (let i = 0; i < (options.heldRuns ?? 1); i++) helds.push(probe<HeldProbe>(file, ['held', '1000', '10000']));

  const total = settles.map((s) => s.applyMs + s.settleMs);
  const measures: Measure[] = [
    summarize('simulator: createCluster, 100 Nodes', settles.map((s) => s.createMs)),
    summarize('simulator: apply 1,000 Deployments × 3 (not settled)', settles.map((s) => s.applyMs)),
    summarize('simulator: settle until 3,000 Pods Running and Ready', settles.map((s) => s.settleMs)),
    summarize('simulator: apply + settle, 1,000 Deployments × 3 on 100 Nodes', total),
    summarize(`simulator: one apply, ${settles[0]?.objects ?? 0} objects stored: p50`, settles.map((s) => s.applyP50Ms)),
    summarize(`simulator: one apply, ${settles[0]?.objects ?? 0} objects stored: p99`, settles.map((s) => s.applyP99Ms)),
  ];
  if (helds.length > 0) {
    measures.push(
      summarize(`simulator: 1,000 Nodes, ${helds[0]!.pods} Pods: settle`, helds.map((h) => h.settleMs)),
      summarize(`simulator: 1,000 Nodes, ${helds[0]!.pods} Pods: kubectl get pods -A, first`, helds.map((h) => h.getFirstMs)),
      summarize(`simulator: 1,000 Nodes, ${helds[0]!.pods} Pods: kubectl get pods -A, warm`, helds.map((h) => h.getMedianMs)),
    );
  }
  const median = (values: number[]): number => summarize('', values).median;
  const totalMs = median(total);
  const lines = [
    formatMeasures(measures),
    '',
    `simulator targets (issue 5), medians:${settles.some((s) => s.kubeletAdded) ? ' [kubelet added: not yet in defaultControllers()]' : ''}`,
    `  apply + settle 3,000 Pods   ${totalMs.toFixed(0).padStart(6)} ms  ≤ 5000 ms  ${verdict(totalMs, 5000)}  (${((3000 / totalMs) * 1000).toFixed(0)} pods/s, ≥ 600)`,
    `  one apply p99               ${median(settles.map((s) => s.applyP99Ms)).toFixed(2).padStart(6)} ms  ≤ 5 ms     ${verdict(median(settles.map((s) => s.applyP99Ms)), 5)}`,
  ];
  if (helds.length > 0) {
    const heap = median(helds.map((h) => h.heapMiB));
    const get = median(helds.map((h) => h.getFirstMs));
    lines.push(
      `  heap, 30,000 Pods held      ${heap.toFixed(0).padStart(6)} MiB ≤ 1024 MiB ${verdict(heap, 1024)}  (${helds[0]!.objects} objects)`,
      `  get pods -A, first run      ${get.toFixed(0).padStart(6)} ms  ≤ 1000 ms  ${verdict(get, 1000)}`,
    );
  }
  return lines.join('\n');
}
