/**
 * `kubectl patch`: the expected texts were taken from the real kubectl (v1.35 binary
 * against `atelier serve`; patch.go prints the same in v1.30).
 */
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import type { Cluster } from '../../../../simulator/src/cluster';
import { runKubectl } from '../../../../simulator/src/kubectl/commands/index';
import { kubectl, testCluster } from './support';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;

const patch = (cluster: Cluster, ...args: string[]) => runKubectl(cluster, ['patch', ...args]);
const replicas = (cluster: Cluster): unknown => (cluster.store.get(DEPLOYMENTS, 'default', 'web').spec as { replicas: unknown }).replicas;

function withWeb(): Cluster {
  const cluster = testCluster();
  kubectl(cluster, 'create deployment web --image=nginx:1.25');
  return cluster;
}

describe('simulator/kubectl/commands: patch', () => {
  it('applies a strategic merge patch (JSON or YAML), then says (no change) for the same one', () => {
    const cluster = withWeb();
    assert.deepEqual(patch(cluster, 'deployment', 'web', '-p', '{"spec":{"replicas":3}}'), { stdout: 'deployment.apps/web patched\n', stderr: '', exitCode: 0 });
    assert.equal(replicas(cluster), 3);
    assert.equal(patch(cluster, 'deploy/web', '-p', '{"spec":{"replicas":3}}').stdout, 'deployment.apps/web patched (no change)\n');
    assert.equal(patch(cluster, 'deployment', 'web', '-p', 'spec: {replicas: 2}').stdout, 'deployment.apps/web patched\n');
    assert.equal(replicas(cluster), 2);
  });

  it('merges containers by name (strategic) and replaces lists with --type=merge', () => {
    const cluster = withWeb();
    patch(cluster, 'deployment', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}');
    const containers = () => (cluster.store.get(DEPLOYMENTS, 'default', 'web').spec as { template: { spec: { containers: { name: string; image: string }[] } } }).template.spec.containers;
    assert.deepEqual(containers().map((c) => `${c.name}=${c.image}`), ['nginx=nginx:1.27']);
    assert.equal(patch(cluster, 'deployment', 'web', '--type=merge', '-p', '{"metadata":{"labels":{"tier":"front"}}}').stdout, 'deployment.apps/web patched\n');
    assert.deepEqual((cluster.store.get(DEPLOYMENTS, 'default', 'web').metadata as { labels: unknown }).labels, { app: 'web', tier: 'front' });
  });

  it('applies a JSON patch with --type=json', () => {
    const cluster = withWeb();
    assert.equal(patch(cluster, 'deployment', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":4}]').stdout, 'deployment.apps/web patched\n');
    assert.equal(replicas(cluster), 4);
  });

  it('patches the scale and status subresources', () => {
    const cluster = withWeb();
    assert.equal(patch(cluster, 'deployment', 'web', '--subresource=scale', '-p', '{"spec":{"replicas":2}}').stdout, 'scale.autoscaling/web patched\n');
    assert.equal(replicas(cluster), 2);
    assert.equal(patch(cluster, 'deployment', 'web', '--subresource=status', '-p', '{"status":{"observedGeneration":99}}').stdout, 'deployment.apps/web patched\n');
  });

  it('changes nothing in a dry run, and prints no dry-run suffix (as patch.go)', () => {
    const cluster = withWeb();
    assert.equal(patch(cluster, 'deployment', 'web', '-p', '{"spec":{"replicas":5}}', '--dry-run=client').stdout, 'deployment.apps/web patched\n');
    assert.equal(patch(cluster, 'deployment', 'web', '-p', '{"spec":{"replicas":5}}', '--dry-run=server').stdout, 'deployment.apps/web patched\n');
    assert.equal(replicas(cluster), 1);
    assert.match(patch(cluster, 'deployment', 'web', '-p', '{"spec":{"replicas":5}}', '--dry-run=client', '-o', 'yaml').stdout, /^ {2}replicas: 5$/m);
  });

  it("gives kubectl's and the API server's errors, each with a French hint", () => {
    const cluster = withWeb();
    const expectError = (args: string[], first: string | RegExp) => {
      const result = patch(cluster, ...args);
      assert.equal(result.exitCode, 1);
      const lines = result.stderr.split('\n');
      if (typeof first === 'string') assert.equal(lines[0], first);
      else assert.match(lines[0]!, first);
      assert.ok(lines.some((line) => line.startsWith('💡 ')), result.stderr);
    };
    expectError(['deployment', 'web'], 'error: must specify --patch or --patch-file containing the contents of the patch');
    expectError(['deployment', 'web', '--type=bad', '-p', '{}'], 'error: --type must be one of [json merge strategic], not "bad"');
    expectError(['deployment', 'nope', '-p', '{}'], 'Error from server (NotFound): deployments.apps "nope" not found');
    expectError(['foo', 'web', '-p', '{}'], 'error: the server doesn\'t have a resource type "foo"');
    expectError(['deployment', 'web', '-p', '{"spec":'], 'Error from server (BadRequest): unexpected end of JSON input');
    expectError(['deployment', 'web', '-p', '{"spec":}'], "Error from server (BadRequest): invalid character '}' looking for beginning of value");
    expectError(['deployment', 'web', '-p', 'spec: {replicas'], /^error: unable to parse "spec: \{replicas": yaml: /);
    expectError(['deployment', 'web', '--type=json', '-p', '{"op":"replace"}'], 'Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch');
    expectError(['deployment', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/nope/x","value":4}]'], 'The request is invalid: the server rejected our request due to an error in our request');
    expectError(['deployment', 'web', '-p', '{"spec":{"replicas":-1}}'], 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    assert.equal(replicas(cluster), 1);
  });
});
