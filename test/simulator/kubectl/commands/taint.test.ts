/**
 * `kubectl taint`: the expected texts were taken from the real kubectl (v1.35 binary
 * against `atelier serve`).
 */
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import type { Cluster } from '../../../../simulator/src/cluster';
import { kubectl, testCluster } from './support';

const NODES = kindInfo('v1', 'Node')!;
const PODS = kindInfo('v1', 'Pod')!;

const taints = (cluster: Cluster, node = 'worker-2'): unknown => (cluster.store.get(NODES, '', node).spec as { taints?: unknown }).taints;

describe('simulator/kubectl/commands: taint', () => {
  it('adds, refuses to overwrite without --overwrite, modifies, then removes a taint', () => {
    const cluster = testCluster();
    assert.deepEqual(kubectl(cluster, 'taint nodes worker-2 dedicated=gpu:NoSchedule'), { stdout: 'node/worker-2 tainted\n', stderr: '', exitCode: 0 });
    assert.deepEqual(taints(cluster), [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
    const again = kubectl(cluster, 'taint nodes worker-2 dedicated=cpu:NoSchedule');
    assert.equal(again.exitCode, 1);
    assert.match(again.stderr, /^error: node worker-2 already has dedicated taint\(s\) with same effect\(s\) and --overwrite is false\n💡 .*--overwrite/);
    assert.equal(kubectl(cluster, 'taint nodes worker-2 dedicated=cpu:NoSchedule --overwrite').stdout, 'node/worker-2 modified\n');
    assert.deepEqual(taints(cluster), [{ key: 'dedicated', value: 'cpu', effect: 'NoSchedule' }]);
    assert.equal(kubectl(cluster, 'taint node worker-2 dedicated:NoSchedule-').stdout, 'node/worker-2 untainted\n');
    assert.equal(taints(cluster), undefined);
    assert.match(kubectl(cluster, 'taint nodes worker-2 dedicated:NoSchedule-').stderr, /^error: taint "dedicated:NoSchedule" not found\n💡 /);
  });

  it('removes every effect of a key with KEY-, and taints all nodes with --all', () => {
    const cluster = testCluster();
    kubectl(cluster, 'taint nodes worker-1 a:NoExecute');
    kubectl(cluster, 'taint nodes worker-1 a=b:NoSchedule');
    assert.equal(kubectl(cluster, 'taint nodes worker-1 a-').stdout, 'node/worker-1 untainted\n');
    assert.equal(taints(cluster, 'worker-1'), undefined);
    assert.equal(kubectl(cluster, 'taint nodes --all e=f:PreferNoSchedule').stdout, 'node/control-plane tainted\nnode/worker-1 tainted\nnode/worker-2 tainted\n');
  });

  it('keeps new Pods off tainted nodes (the scheduler reads the taints)', () => {
    const cluster = testCluster();
    kubectl(cluster, 'taint nodes worker-1 dedicated=gpu:NoSchedule');
    kubectl(cluster, 'create deployment web --image=nginx --replicas=4');
    const nodes = cluster.store.list(PODS, { namespace: 'default' }).map((pod) => (pod.spec as { nodeName?: string }).nodeName);
    assert.equal(nodes.length, 4);
    assert.ok(nodes.every((node) => node === 'worker-2'), String(nodes));
  });

  it('changes nothing in a dry run', () => {
    const cluster = testCluster();
    assert.equal(kubectl(cluster, 'taint node worker-2 x=y:PreferNoSchedule --dry-run=client').stdout, 'node/worker-2 tainted\n');
    assert.equal(kubectl(cluster, 'taint node worker-2 x=y:PreferNoSchedule --dry-run=server').stdout, 'node/worker-2 tainted\n');
    assert.equal(taints(cluster), undefined);
  });

  it("gives kubectl's errors for bad specs, other kinds and missing names", () => {
    const cluster = testCluster();
    const first = (line: string): string => {
      const result = kubectl(cluster, line);
      assert.equal(result.exitCode, 1);
      assert.match(result.stderr, /\n💡 /);
      return result.stderr.split('\n').slice(0, 2).join('\n');
    };
    assert.equal(first('taint nodes worker-2 foo=bar:Bad'), "error: invalid taint effect: Bad, unsupported taint effect\nSee 'kubectl taint -h' for help and examples");
    assert.match(first('taint nodes worker-2 foo=bar'), /^error: invalid taint spec: foo=bar, name part must consist of alphanumeric characters/);
    assert.equal(first('taint nodes worker-2 a=b:NoSchedule a=c:NoSchedule'), "error: duplicated taints with the same key and effect: {a c NoSchedule <nil>}\nSee 'kubectl taint -h' for help and examples");
    assert.match(first('taint nodes worker-2'), /^error: at least one taint update is required\n/);
    assert.match(first('taint'), /^error: one or more resources must be specified as <resource> <name>\n/);
    assert.match(first('taint nodes nope a=b:NoSchedule'), /^Error from server \(NotFound\): nodes "nope" not found\n/);
    assert.match(first('taint pods x a=b:NoSchedule'), /^error: invalid resource type pods, only node types are supported\n/);
    assert.match(first('taint nodes worker-2 a=b:NoSchedule a-'), /^error: can not both modify and remove the following taint\(s\) in the same command: a=\n/);
    assert.equal(taints(cluster), undefined);
  });
});
