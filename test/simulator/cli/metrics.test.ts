import * as assert from 'node:assert/strict';
import { runCli, type CliInfo } from '../../../simulator/cli/run';
import type { CliFileSystem } from '../../../simulator/cli/state';

/** A disk in memory. */
class MemoryDisk implements CliFileSystem {
  readonly files = new Map<string, string>();

  readFile(file: string): string | undefined {
    return this.files.get(file);
  }

  readDir(): undefined {
    return undefined;
  }

  writeFileAtomic(file: string, text: string): void {
    this.files.set(file, text);
  }
}

const info = (disk: MemoryDisk): CliInfo => ({ atelierVersion: '1.2.3', kubernetesVersion: 'v1.30.0', files: disk });

describe('simulator/cli: atelier metrics', () => {
  it('prints the cluster metrics in the Prometheus text format', () => {
    const disk = new MemoryDisk();
    const result = runCli(['metrics'], info(disk));
    assert.equal(result.exitCode, 0);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^# HELP kube_namespace_status_phase /m);
    assert.match(result.stdout, /^kube_node_status_condition\{node="[^"]+",condition="Ready",status="true"\} 1$/m);
  });

  it('is listed in the usage, and takes no argument', () => {
    const disk = new MemoryDisk();
    assert.match(runCli(['help'], info(disk)).stdout, /^ {2}metrics +affiche les métriques du cluster/m);
    const refused = runCli(['metrics', 'extra'], info(disk));
    assert.equal(refused.exitCode, 2);
    assert.match(refused.stderr, /metrics ne prend pas d'argument/);
  });
});
