/**
 * `kubectl replace`: the expected texts were taken from the real kubectl (v1.35 binary
 * against `atelier serve`; replace.go prints the same in v1.30, but for delete's
 * `deleted` line, which v1.34+ completes with `from default namespace`).
 */
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import type { Cluster } from '../../../../simulator/src/cluster';
import { runKubectl } from '../../../../simulator/src/kubectl/commands/index';
import { kubectl, testCluster } from './support';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;

const deployment = (replicas: number, extra = ''): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n${extra}spec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.25\n`;

const FILES = {
  'web.yaml': deployment(1),
  'web2.yaml': deployment(2),
  'stale.yaml': deployment(2, '  resourceVersion: "1"\n'),
  'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers:\n  - name: c\n    image: nginx:1.25\n',
};

const replace = (cluster: Cluster, ...args: string[]) => runKubectl(cluster, ['replace', ...args], { files: FILES });
const replicas = (cluster: Cluster): unknown => (cluster.store.get(DEPLOYMENTS, 'default', 'web').spec as { replicas: unknown }).replicas;
const uid = (cluster: Cluster): unknown => (cluster.store.get(DEPLOYMENTS, 'default', 'web').metadata as { uid: unknown }).uid;

function withWeb(): Cluster {
  const cluster = testCluster();
  kubectl(cluster, 'create -f web.yaml', FILES);
  return cluster;
}

describe('simulator/kubectl/commands: replace', () => {
  it('replaces the whole object, keeping its uid', () => {
    const cluster = withWeb();
    const before = uid(cluster);
    assert.deepEqual(replace(cluster, '-f', 'web2.yaml'), { stdout: 'deployment.apps/web replaced\n', stderr: '', exitCode: 0 });
    assert.equal(replicas(cluster), 2);
    assert.equal(uid(cluster), before);
    assert.equal(replace(cluster, '-f', 'web.yaml', '-o', 'name').stdout, 'deployment.apps/web\n');
    assert.match(replace(cluster, '-f', 'web2.yaml', '-o', 'yaml').stdout, /^ {2}replicas: 2$/m);
  });

  it('changes nothing in a dry run, and says so', () => {
    const cluster = withWeb();
    assert.equal(replace(cluster, '-f', 'web2.yaml', '--dry-run=client').stdout, 'deployment.apps/web replaced (dry run)\n');
    assert.equal(replace(cluster, '-f', 'web2.yaml', '--dry-run=server').stdout, 'deployment.apps/web replaced (server dry run)\n');
    assert.equal(replicas(cluster), 1);
  });

  it('with --force, deletes then creates (a new uid), and creates what did not exist', () => {
    const cluster = withWeb();
    const before = uid(cluster);
    assert.deepEqual(replace(cluster, '-f', 'web2.yaml', '--force'), { stdout: 'deployment.apps "web" deleted\ndeployment.apps/web replaced\n', stderr: '', exitCode: 0 });
    assert.notEqual(uid(cluster), before);
    assert.equal(replicas(cluster), 2);
    assert.equal(replace(cluster, '-f', 'pod.yaml', '--force').stdout, 'pod/solo replaced\n');
    // A Pod ends gracefully: kubectl waits (in simulated time) until it is gone before creating it again.
    assert.equal(replace(cluster, '-f', 'pod.yaml', '--force').stdout, 'pod "solo" deleted\npod/solo replaced\n');
    assert.equal(replace(cluster, '-f', 'web2.yaml', '--force', '-o', 'name').stdout, 'deployment.apps/web\ndeployment.apps/web\n');
  });

  it("gives kubectl's and the API server's errors, each with a French hint", () => {
    const cluster = testCluster();
    const expectError = (args: string[], first: string) => {
      const result = replace(cluster, ...args);
      assert.equal(result.exitCode, 1);
      const lines = result.stderr.split('\n');
      assert.equal(lines[0], first);
      assert.ok(lines.some((line) => line.startsWith('💡 ')), result.stderr);
    };
    expectError(['-f', 'web.yaml'], 'Error from server (NotFound): error when replacing "web.yaml": deployments.apps "web" not found');
    expectError([], 'error: must specify one of -f and -k');
    expectError(['deployment', 'web'], 'error: must specify one of -f and -k');
    expectError(['-f', 'nope.yaml'], 'error: the path "nope.yaml" does not exist');
    expectError(['-f', 'web.yaml', '--grace-period=3'], 'error: --grace-period must have --force specified');
    expectError(['-f', 'web.yaml', '--force', '--dry-run=client'], 'error: --dry-run can not be used when --force is set');
    kubectl(cluster, 'create -f web.yaml', FILES);
    kubectl(cluster, 'scale deployment web --replicas=3');
    expectError(['-f', 'stale.yaml'], 'Error from server (Conflict): error when replacing "stale.yaml": Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again');
    assert.equal(replicas(cluster), 3);
  });
});
