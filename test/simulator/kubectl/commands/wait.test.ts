/**
 * `kubectl wait`: the expected texts were taken from the real kubectl (v1.35 binary
 * against `atelier serve`; wait.go prints the same in v1.30). Waiting lets simulated time
 * pass, so these tests also check how far the clock moved.
 */
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import type { Cluster } from '../../../../simulator/src/cluster';
import { runKubectl } from '../../../../simulator/src/kubectl/commands/index';
import { kubectl, testCluster } from './support';

const wait = (cluster: Cluster, ...args: string[]) => runKubectl(cluster, ['wait', ...args]);
/** A write the controllers have not caught up with yet (the next command waits for them). */
const unsettled = (cluster: Cluster, line: string) => runKubectl(cluster, line.split(' '), { settle: false });

function withWeb(): Cluster {
  const cluster = testCluster();
  kubectl(cluster, 'create deployment web --image=nginx:1.25');
  return cluster;
}

describe('simulator/kubectl/commands: wait', () => {
  it('waits for a condition by letting simulated time pass, names compared case-insensitively', () => {
    const cluster = testCluster();
    unsettled(cluster, 'create deployment web --image=nginx:1.25');
    const start = cluster.clock.now();
    assert.deepEqual(wait(cluster, '--for=condition=available', 'deployment/web'), { stdout: 'deployment.apps/web condition met\n', stderr: '', exitCode: 0 });
    assert.ok(cluster.clock.now() > start, 'the clock moved until the Deployment was available');
    assert.ok(cluster.clock.now() - start < 30_000);
    const pod = kubectl(cluster, 'get pods -o name').stdout.trim();
    assert.equal(wait(cluster, '--for=condition=Ready', 'pod', '-l', 'app=web').stdout, `${pod} condition met\n`);
    assert.equal(wait(cluster, '--for=condition=Ready=TRUE', 'pods', '--all').stdout, `${pod} condition met\n`);
  });

  it('waits on a jsonpath, with or without a value', () => {
    const cluster = testCluster();
    unsettled(cluster, 'run solo --image=nginx:1.25');
    assert.equal(wait(cluster, '--for=jsonpath={.status.phase}=Running', 'pod/solo').stdout, 'pod/solo condition met\n');
    assert.equal(wait(cluster, '--for=jsonpath=.spec.containers[0].image=nginx:1.25', 'pod/solo').stdout, 'pod/solo condition met\n');
    assert.equal(wait(cluster, '--for=jsonpath={.status.conditions[?(@.type=="Ready")].status}=True', 'pod/solo').stdout, 'pod/solo condition met\n');
    assert.equal(wait(cluster, '--for=jsonpath={.metadata.labels}', 'pod/solo', '--timeout=0').stdout, 'pod/solo condition met\n');
    assert.equal(wait(cluster, '--for=jsonpath={.metadata.labels}', 'pod/solo', '-o', 'name').stdout, 'pod/solo\n');
  });

  it('prints "condition met" for --for=delete, and succeeds at once (printing nothing) when the object is gone', () => {
    const cluster = testCluster();
    kubectl(cluster, 'run solo --image=nginx:1.25');
    unsettled(cluster, 'delete pod solo');
    assert.ok(cluster.store.find(kubectlPods(), 'default', 'solo'), 'still terminating');
    assert.deepEqual(wait(cluster, '--for=Delete', 'pod/solo'), { stdout: 'pod/solo condition met\n', stderr: '', exitCode: 0 });
    assert.equal(cluster.store.find(kubectlPods(), 'default', 'solo'), undefined);
    const start = cluster.clock.now();
    assert.deepEqual(wait(cluster, '--for=delete', 'pod/solo'), { stdout: '', stderr: '', exitCode: 0 });
    assert.deepEqual(wait(cluster, '--for=delete', 'pod', '-l', 'app=nope'), { stdout: '', stderr: '', exitCode: 0 });
    assert.equal(cluster.clock.now(), start);
  });

  it('times out after --timeout of simulated time (30s by default), checks once with --timeout=0', () => {
    const cluster = withWeb();
    let start = cluster.clock.now();
    const result = wait(cluster, '--for=condition=Available=false', 'deployment/web');
    assert.deepEqual([result.stdout, result.stderr.split('\n')[0], result.exitCode], ['', 'error: timed out waiting for the condition on deployments/web', 1]);
    assert.match(result.stderr, /^💡 /m);
    assert.ok(cluster.clock.now() - start >= 30_000);
    start = cluster.clock.now();
    assert.equal(wait(cluster, '--for=condition=Progressing=false', 'deployment/web', '--timeout=2s').stderr.split('\n')[0], 'error: timed out waiting for the condition on deployments/web');
    assert.ok(cluster.clock.now() - start >= 2_000 && cluster.clock.now() - start < 30_000);
    start = cluster.clock.now();
    assert.equal(wait(cluster, '--for=condition=Available=false', 'deployment/web', '--timeout=0').stderr.split('\n')[0], 'error: condition not met for deployments/web');
    assert.equal(wait(cluster, '--for=delete', 'deployment/web', '--timeout=0').stderr.split('\n')[0], 'error: condition not met for deployments/web');
    assert.equal(cluster.clock.now(), start);
    // A negative timeout waits (up to a week): met at once here.
    assert.equal(wait(cluster, '--for=condition=Available', 'deployments', 'web', '--timeout=-1s').stdout, 'deployment.apps/web condition met\n');
  });

  it('goes on after an error and reports them all at the end, as the real kubectl', () => {
    const cluster = withWeb();
    const result = wait(cluster, '--for=condition=Available', 'deployment/nope', 'deployment/web');
    assert.equal(result.stdout, 'deployment.apps/web condition met\n');
    assert.equal(result.stderr.split('\n')[0], 'Error from server (NotFound): deployments.apps "nope" not found');
    const both = wait(cluster, '--for=condition=Ready', 'deployment/web', 'deployment/nope', '--timeout=1s');
    assert.deepEqual(both.stderr.split('\n').filter((line) => !line.startsWith('💡')), ['timed out waiting for the condition on deployments/web', 'Error from server (NotFound): deployments.apps "nope" not found', '']);
    assert.equal(both.exitCode, 1);
  });

  it("gives kubectl's errors for bad input, each with a French hint", () => {
    const cluster = withWeb();
    const expectError = (args: string[], first: string) => {
      const result = wait(cluster, ...args);
      assert.equal(result.exitCode, 1);
      const lines = result.stderr.split('\n');
      assert.equal(lines[0], first);
      assert.ok(lines.some((line) => line.startsWith('💡 ')), result.stderr);
    };
    expectError(['deployment/web'], 'error: unrecognized condition: ""');
    expectError(['--for=foo', 'deployment/web'], 'error: unrecognized condition: "foo"');
    expectError(['--for=condition=Ready'], 'error: You must provide one or more resources by argument or filename.');
    expectError(['--for=condition=Ready', 'pod'], 'error: resource(s) were provided, but no name was specified');
    expectError(['--for=condition=Ready', 'pod', '-l', 'app=nope'], 'error: no matching resources found');
    expectError(['--for=condition=Available', 'deployment/nope'], 'Error from server (NotFound): deployments.apps "nope" not found');
    expectError(['--for=jsonpath={.status.phase', 'deployment/web'], "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
    expectError(['--for=jsonpath={.status.phase}=', 'deployment/web'], "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    expectError(['--for=jsonpath=', 'deployment/web'], 'error: jsonpath expression cannot be empty');
    expectError(['--for=jsonpath={.status.phase}=a=b', 'deployment/web'], "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    expectError(['--for=jsonpath={.status}=x', 'deployment/web', '--timeout=0'], 'error: jsonpath leads to a nested object or list which is not supported');
    expectError(['--for=condition=Ready', 'deployment/web', '--timeout=x'], 'error: invalid argument "x" for "--timeout" flag: time: invalid duration "x"');
  });
});

/** The Pod kind. */
function kubectlPods() {
  return kindInfo('v1', 'Pod')!;
}
