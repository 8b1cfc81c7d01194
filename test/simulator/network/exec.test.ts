import * as assert from 'node:assert/strict';
import type { Cluster } from '../../../simulator/src/cluster';
import { runKubectl, type KubectlResult } from '../../../simulator/src/kubectl/commands/index';
import { interactiveExec } from '../../../simulator/src/kubectl/commands/exec';
import { NETWORK, podNames, runningCluster } from './fixtures';

const TWO_CONTAINERS = `apiVersion: v1
kind: Pod
metadata:
  name: duo
spec:
  initContainers:
    - name: prepare
      image: busybox:1.36
      command: [sh, -c, 'echo "<h1>Préparé</h1>" > /work/index.html']
      volumeMounts:
        - name: html
          mountPath: /work
  containers:
    - name: web
      image: nginx:1.27
      volumeMounts:
        - name: html
          mountPath: /usr/share/nginx/html
    - name: logger
      image: busybox:1.36
      command: [sh, -c, 'while true; do echo tick >> /data/ticks.log; sleep 10; done']
      volumeMounts:
        - name: html
          mountPath: /data
  volumes:
    - name: html
      emptyDir: {}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: once
          image: busybox:1.36
          command: [echo, fini]
`;

/** `kubectl ARGS` (words as a shell would split them). */
const kubectl = (cluster: Cluster, ...args: string[]): KubectlResult => runKubectl(cluster, args);
/** stderr without the French lines. */
const english = (stderr: string): string => stderr.replace(/^💡 .*\n/gm, '');

describe('network: kubectl exec', () => {
  let cluster: Cluster;
  before(() => {
    cluster = runningCluster(`${NETWORK}---\n${TWO_CONTAINERS}`);
  });

  it('runs the command in the container and prints its output', () => {
    assert.deepEqual(kubectl(cluster, 'exec', 'client', '--', 'cat', '/etc/hostname'), { stdout: 'client\n', stderr: '', exitCode: 0 });
    assert.deepEqual(kubectl(cluster, 'exec', 'deploy/web', '--', 'cat', '/etc/config/greeting'), { stdout: 'bonjour', stderr: '', exitCode: 0 });
    assert.equal(kubectl(cluster, 'exec', 'client', '--', 'sh', '-c', 'echo $HOSTNAME; env | grep -c ^WEB_SERVICE_HOST=').stdout, 'client\n1\n');
  });

  it("ends with the command's exit code, as `command terminated with exit code N`", () => {
    assert.deepEqual(kubectl(cluster, 'exec', 'client', '--', 'ls', '/nope'), { stdout: 'ls: /nope: No such file or directory\n', stderr: 'command terminated with exit code 1\n', exitCode: 1 });
    assert.deepEqual(kubectl(cluster, 'exec', 'client', '--', 'sh', '-c', 'exit 3'), { stdout: '', stderr: 'command terminated with exit code 3\n', exitCode: 3 });
  });

  it("reports containerd's error for a program the image does not have", () => {
    const result = kubectl(cluster, 'exec', 'client', '--', 'bash');
    assert.equal(result.exitCode, 1);
    assert.match(
      english(result.stderr),
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/,
    );
  });

  it("says which container it chose among several, before the command's output; -q keeps quiet", () => {
    assert.deepEqual(kubectl(cluster, 'exec', 'duo', '--', 'ls', '/usr/share/nginx/html'), { stdout: 'index.html\nticks.log\n', stderr: 'Defaulted container "web" out of: prepare (init), web, logger\n', exitCode: 0 });
    assert.equal(kubectl(cluster, 'exec', '-q', 'duo', '--', 'ls', '/usr/share/nginx/html').stderr, '');
    assert.deepEqual(kubectl(cluster, 'exec', 'duo', '-c', 'logger', '--', 'head', '-1', '/data/ticks.log'), { stdout: 'tick\n', stderr: '', exitCode: 0 });
  });

  it('shows in one container what the others wrote in a shared emptyDir (an init container prepares the site)', () => {
    assert.equal(kubectl(cluster, 'exec', '-q', 'duo', '--', 'curl', '-s', 'localhost').stdout, '<h1>Préparé</h1>\n');
    assert.match(kubectl(cluster, 'exec', '-q', 'duo', '--', 'cat', '/usr/share/nginx/html/ticks.log').stdout, /^(tick\n)+$/);
  });

  it("refuses as kubectl, the API server and the kubelet do", () => {
    const refusal = (...args: string[]): string => {
      const result = kubectl(cluster, ...args);
      assert.equal(result.exitCode, 1, args.join(' '));
      return english(result.stderr);
    };
    assert.equal(refusal('exec', 'nope', '--', 'ls'), 'Error from server (NotFound): pods "nope" not found\n');
    assert.equal(refusal('exec', 'client', '-c', 'nope', '--', 'ls'), 'Error from server (BadRequest): container nope is not valid for pod client\n');
    assert.equal(refusal('exec', 'duo', '-c', 'prepare', '--', 'ls'), 'error: unable to upgrade connection: container not found ("prepare")\n');
    const job = podNames(cluster, 'once')[0]!;
    assert.equal(refusal('exec', job, '--', 'ls'), 'error: cannot exec into a container in a completed pod; current phase is Succeeded\n');
  });

  it('checks its arguments as kubectl v1.30 does', () => {
    assert.equal(english(kubectl(cluster, 'exec').stderr), 'error: pod, type/name or --filename must be specified\n');
    assert.equal(english(kubectl(cluster, 'exec', 'client').stderr), 'error: you must specify at least one command for the container\n');
    assert.equal(english(kubectl(cluster, 'exec', 'client', '--').stderr), 'error: you must specify at least one command for the container\n');
    assert.equal(english(kubectl(cluster, 'exec', 'client', 'ls').stderr), "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
    assert.equal(english(kubectl(cluster, 'exec', 'client', '-c').stderr), "error: flag needs an argument: 'c' in -c\nSee 'kubectl exec --help' for usage.\n");
  });

  it('gives no input to a shell: -it says it has no terminal, and the shell ends at once', () => {
    const result = kubectl(cluster, 'exec', '-it', 'client', '--', 'sh');
    assert.equal(result.exitCode, 0);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^Unable to use a TTY - input is not a terminal or the right kind of file\n💡 /);
    assert.equal(runKubectl(cluster, ['exec', '-it', 'client', '--', 'sh'], { terminal: true }).stderr.startsWith('Unable'), false);
  });

  it('needs get on pods, then create on pods/exec, for another identity', () => {
    const result = kubectl(cluster, 'exec', '--as', 'jane', 'client', '--', 'ls');
    assert.equal(english(result.stderr), 'Error from server (Forbidden): pods "client" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "default"\n');
    const files = { 'rbac.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: pod-reader\nrules:\n  - apiGroups: [""]\n    resources: [pods]\n    verbs: [get, list]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: jane-reads\nsubjects:\n  - kind: User\n    name: jane\n    apiGroup: rbac.authorization.k8s.io\nroleRef:\n  kind: Role\n  name: pod-reader\n  apiGroup: rbac.authorization.k8s.io\n' };
    assert.equal(runKubectl(cluster, ['apply', '-f', 'rbac.yaml'], { files }).exitCode, 0);
    const reader = kubectl(cluster, 'exec', '--as', 'jane', 'client', '--', 'ls');
    assert.equal(english(reader.stderr), 'Error from server (Forbidden): pods "client" is forbidden: User "jane" cannot create resource "pods/exec" in API group "" in the namespace "default"\n');
  });

  it('opens an interactive shell for the editor terminal, and nothing for other lines', () => {
    const opened = interactiveExec(() => cluster, ['exec', '-it', 'duo', '-c', 'logger', '--', 'sh']);
    assert.ok(opened);
    assert.equal(opened.notice, '');
    assert.equal(opened.shell.runLine('head -1 /data/ticks.log').output, 'tick\n');
    assert.equal(interactiveExec(() => cluster, ['exec', 'client', '--', 'sh']), undefined, 'without -i');
    assert.equal(interactiveExec(() => cluster, ['exec', '-it', 'client', '--', 'sh', '-c', 'ls']), undefined, 'sh -c');
    assert.equal(interactiveExec(() => cluster, ['exec', '-it', 'nope', '--', 'sh']), undefined, 'no such Pod');
    assert.equal(interactiveExec(() => cluster, ['exec', '-it', 'client', '--', 'bash']), undefined, 'no bash in busybox');
    assert.equal(interactiveExec(() => cluster, ['-n', 'default', 'exec', '-it', 'duo', '--', 'sh'])?.notice, 'Defaulted container "web" out of: prepare (init), web, logger\n');
  });
});
