/**
 * `kubectl run`: the expected texts were taken from the real kubectl (v1.35 binary against
 * `atelier serve`; run.go prints the same in v1.30).
 */
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import { runKubectl } from '../../../../simulator/src/kubectl/commands/index';
import { kubectl, testCluster } from './support';

const PODS = kindInfo('v1', 'Pod')!;

describe('simulator/kubectl/commands: run', () => {
  it('creates a Pod labelled run=NAME that ends up Running', () => {
    const cluster = testCluster();
    const result = kubectl(cluster, 'run web --image=nginx:1.27 --port=80');
    assert.deepEqual(result, { stdout: 'pod/web created\n', stderr: '', exitCode: 0 });
    const pod = cluster.store.get(PODS, 'default', 'web');
    assert.deepEqual((pod.metadata as { labels: unknown }).labels, { run: 'web' });
    assert.equal((pod.status as { phase: string }).phase, 'Running');
    assert.equal(kubectl(cluster, 'run web --image=nginx').stderr.split('\n')[0], 'Error from server (AlreadyExists): pods "web" already exists');
  });

  it('prints the Pod kubectl builds with --dry-run=client -o yaml, without creating it', () => {
    const cluster = testCluster();
    const result = runKubectl(cluster, ['run', 'web', '--image=nginx', '--port=80', '--labels=a=b,c=d', '--env=A=1', '--env=B=2', '--restart=Never', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '10']);
    assert.equal(
      result.stdout,
      'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    a: b\n    c: d\n  name: web\nspec:\n  containers:\n  - args:\n    - sleep\n    - "10"\n    env:\n    - name: A\n      value: "1"\n    - name: B\n      value: "2"\n    image: nginx\n    name: web\n    ports:\n    - containerPort: 80\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Never\nstatus: {}\n',
    );
    assert.equal(cluster.store.find(PODS, 'default', 'web'), undefined);
  });

  it('puts the words after -- in command with --command', () => {
    const result = runKubectl(testCluster(), ['run', 'web', '--image=busybox', '--command', '--dry-run=client', '-o', 'yaml', '--', 'sh', '-c', 'echo hi']);
    assert.match(result.stdout, /^ {2}containers:\n {2}- command:\n {4}- sh\n {4}- -c\n {4}- echo hi\n {4}image: busybox\n/m);
  });

  it('says (dry run) and (server dry run)', () => {
    const cluster = testCluster();
    assert.equal(kubectl(cluster, 'run web --image=nginx --dry-run=client').stdout, 'pod/web created (dry run)\n');
    assert.equal(kubectl(cluster, 'run web --image=nginx --dry-run=server').stdout, 'pod/web created (server dry run)\n');
    assert.equal(cluster.store.find(PODS, 'default', 'web'), undefined);
  });

  it("gives kubectl's errors for missing or bad flags, with a French hint", () => {
    const cluster = testCluster();
    const noImage = kubectl(cluster, 'run web');
    assert.equal(noImage.exitCode, 1);
    assert.match(noImage.stderr, /^error: required flag\(s\) "image" not set\n💡 /);
    assert.match(kubectl(cluster, 'run --image=nginx').stderr, /^error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n💡 /);
    assert.match(kubectl(cluster, 'run web --image=nginx --restart=Bad').stderr, /^error: invalid restart policy: Bad\nSee 'kubectl run -h' for help and examples\n💡 /);
    assert.match(kubectl(cluster, 'run web --image=nginx --env=BAD').stderr, /^error: invalid env: BAD\n💡 /);
    assert.match(kubectl(cluster, 'run web --image=nginx --labels=bad').stderr, /^error: unexpected label spec: bad\n💡 /);
    assert.match(kubectl(cluster, 'run web --image=nginx --port=abc').stderr, /^error: strconv.Atoi: parsing "abc": invalid syntax\n💡 /);
    assert.match(kubectl(cluster, 'run web --image=nginx --rm').stderr, /^error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n/);
    assert.equal(cluster.store.find(PODS, 'default', 'web'), undefined);
  });

  it('refuses -it (no TTY in the simulated cluster) before creating anything', () => {
    const cluster = testCluster();
    const result = kubectl(cluster, 'run debug --image=busybox --rm -it');
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /^error: "kubectl run" with -i, -t, --attach or --rm is not available in the simulated cluster.*\n💡 .*TTY/);
    assert.equal(cluster.store.find(PODS, 'default', 'debug'), undefined);
  });
});
