/**
 * A facade on a cluster, its kubeconfig in a temporary folder, and the two kubectls to
 * compare: the real one (through the facade) and the built-in one (runKubectl, on a
 * cluster directly). Simulated time does not tick by itself here: the ticker is paused,
 * so what both print depends on the cluster only.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cluster } from '../../../simulator/src/cluster';
import { createCluster } from '../../../simulator/src/cluster';
import { runKubectl, SETTLE_MS } from '../../../simulator/src/kubectl/commands/index';
import { defaultNodes } from '../../../simulator/src/scheduler/nodes';
import { startFacade, type Facade, type FacadeOptions } from '../../../simulator/serve/facade';
import { runReal, type RunResult } from './kubectl';

export const FIXTURES = join(__dirname, '../fixtures');

export interface Harness {
  facade: Facade;
  cluster: Cluster;
  /** The temporary HOME of the real kubectl (its kubeconfig and discovery cache). */
  dir: string;
  /** The real kubectl against the facade. */
  real(args: readonly string[]): Promise<RunResult>;
  close(): Promise<void>;
}

/** A cluster as the CLI makes one: seed 1, the default nodes. */
export const newCluster = (): Cluster => createCluster({ seed: 1, nodes: defaultNodes() });

/**
 * Starts a facade over `cluster`. Writes settle like the built-in kubectl's (SETTLE_MS of
 * simulated time), so that both see a cluster that has caught up.
 */
export async function startHarness(binary: string, cluster: Cluster, options: Partial<FacadeOptions> = {}): Promise<Harness> {
  const facade = await startFacade({ cluster, settleMs: SETTLE_MS, ticker: { paused: true }, ...options });
  const dir = mkdtempSync(join(tmpdir(), 'atelier-serve-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, facade.kubeconfig(), { mode: 0o600 });
  const env = { KUBECONFIG: kubeconfig, HOME: dir, KUBECACHEDIR: join(dir, 'cache'), TZ: 'UTC' };
  return {
    facade,
    cluster,
    dir,
    real: (args) => runReal(binary, args, env),
    async close() {
      await facade.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The files `-f PATH` names, read as the CLI reads them (a folder: its files, by name). */
export function filesOf(path: string): Record<string, string> {
  if (statSync(path).isFile()) return { [path]: readFileSync(path, 'utf8') };
  const files: Record<string, string> = {};
  for (const name of readdirSync(path).sort()) files[`${path.replace(/\/+$/, '')}/${name}`] = readFileSync(join(path, name), 'utf8');
  return files;
}

/** The built-in kubectl on `cluster`, reading what `-f` names from disk. */
export function builtIn(cluster: Cluster, args: readonly string[], files: Record<string, string> = {}): RunResult {
  return runKubectl(cluster, args, { files });
}

/** stderr without the built-in kubectl's French hints (the real one has none). */
export const withoutHints = (stderr: string): string =>
  stderr
    .split('\n')
    .filter((line) => !line.startsWith('💡'))
    .join('\n');
