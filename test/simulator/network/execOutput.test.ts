import * as assert from 'node:assert/strict';
import type { Cluster } from '../../../simulator/src/cluster';
import { runKubectl } from '../../../simulator/src/kubectl/commands/index';
import { interactiveExec } from '../../../simulator/src/kubectl/commands/exec';
import { columns } from '../../../simulator/src/network/shell/ls';
import { NETWORK, podNames, runningCluster } from './fixtures';

/** `kubectl ARGS`: its stdout, `<Now>` for `ls -l`'s time stamps. */
const stdout = (cluster: Cluster, ...args: string[]): string => runKubectl(cluster, args).stdout.replace(/\w{3} [ \d]\d \d\d:\d\d/g, '<Now>');

const OVERRIDE = `apiVersion: v1
kind: Pod
metadata:
  name: envy
spec:
  containers:
    - name: main
      image: nginx:1.27
      env:
        - name: WEB_SERVICE_HOST
          value: mine
        - name: HOME
          value: /home/app
`;

describe('network: what kubectl exec prints, as a real container does', () => {
  let cluster: Cluster;
  before(() => {
    cluster = runningCluster(`${NETWORK}---\n${OVERRIDE}`);
  });

  describe('ls', () => {
    it('prints one name per line when stdout is not a terminal (no -t), in coreutils and busybox', () => {
      assert.equal(stdout(cluster, 'exec', 'deploy/web', '--', 'ls', '/etc/config'), 'app.properties\ngreeting\n');
      assert.equal(stdout(cluster, 'exec', 'client', '--', 'ls', '/'), 'bin\ndev\netc\nhome\nproc\nroot\nrun\nsbin\nsys\ntmp\nusr\nvar\n');
    });

    it('prints columns on a terminal (-t, the interactive shell), and one per line with -1', () => {
      assert.equal(stdout(cluster, 'exec', '-t', 'deploy/web', '--', 'ls', '/etc/config'), 'app.properties  greeting\n');
      assert.equal(stdout(cluster, 'exec', '-t', 'deploy/web', '--', 'ls', '-1', '/etc/config'), 'app.properties\ngreeting\n');
      const shell = interactiveExec(() => cluster, ['exec', '-it', 'deploy/web', '--', 'sh']);
      assert.ok(shell);
      assert.equal(shell.shell.runLine('ls /etc/config').output, 'app.properties  greeting\n');
    });

    it("fills GNU's columns down then across, each as wide as its longest name (debian's `ls /` on 80 columns)", () => {
      const root = ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];
      assert.deepEqual(columns(root, true), ['bin   dev  home  lib64  mnt  proc  run   srv  tmp  var', 'boot  etc  lib   media  opt  root  sbin  sys  usr']);
    });

    it("gives busybox's columns the longest name's width", () => {
      const root = ['bin', 'dev', 'etc', 'home', 'lib', 'lib64', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'];
      assert.deepEqual(columns(root, false), ['bin    etc    lib    proc   sys    usr', 'dev    home   lib64  root   tmp    var']);
    });

    it('shows the dot entries with -a, and the long format of coreutils (-la) and of busybox (-l)', () => {
      assert.equal(stdout(cluster, 'exec', 'deploy/web', '--', 'ls', '-a', '/etc/config'), '.\n..\napp.properties\ngreeting\n');
      assert.equal(
        stdout(cluster, 'exec', 'deploy/web', '--', 'ls', '-la', '/etc/config'),
        'total 16\ndrwxr-xr-x 2 root root 4096 <Now> .\ndrwxr-xr-x 2 root root 4096 <Now> ..\n-rw-r--r-- 1 root root   18 <Now> app.properties\n-rw-r--r-- 1 root root    7 <Now> greeting\n',
      );
      const busybox = interactiveExec(() => cluster, ['exec', '-it', 'client', '--', 'sh']);
      assert.ok(busybox);
      busybox.shell.runLine('echo tick > /tmp/a; touch /tmp/empty');
      const listing = busybox.shell.runLine('ls -l /tmp').output.replace(/\w{3} [ \d]\d \d\d:\d\d/g, '<Now>');
      assert.equal(listing, 'total 4\n-rw-r--r--    1 root     root             5 <Now> a\n-rw-r--r--    1 root     root             0 <Now> empty\n');
    });

    it('lists the files named first, then the folders under their names', () => {
      assert.equal(stdout(cluster, 'exec', 'deploy/web', '--', 'ls', '/etc/config', '/etc/hostname'), '/etc/hostname\n\n/etc/config:\napp.properties\ngreeting\n');
    });
  });

  describe('cat', () => {
    it("prints a file's bytes: a ConfigMap key without a final newline prints without one", () => {
      assert.equal(stdout(cluster, 'exec', 'deploy/web', '--', 'cat', '/etc/config/greeting'), 'bonjour');
      assert.equal(stdout(cluster, 'exec', 'deploy/web', '--', 'cat', '/etc/config/app.properties'), 'color=blue\nsize=3\n');
      assert.equal(stdout(cluster, 'exec', 'deploy/web', '--', 'cat', '/etc/config/greeting', '/etc/config/greeting'), 'bonjourbonjour');
      assert.equal(stdout(cluster, 'exec', 'deploy/web', '--', 'sh', '-c', 'cat /etc/config/greeting'), 'bonjour');
    });

    it('leaves the prompt on the same line in the interactive shell', () => {
      const opened = interactiveExec(() => cluster, ['exec', '-it', 'deploy/web', '--', 'sh']);
      assert.ok(opened);
      assert.equal(opened.shell.runLine('cat /etc/config/greeting').output + opened.shell.prompt(), 'bonjour# ');
    });

    it('still goes through the shell for pipes and substitutions', () => {
      assert.equal(stdout(cluster, 'exec', 'deploy/web', '--', 'sh', '-c', 'cat /etc/config/greeting | grep -c bon'), '1\n');
      assert.equal(stdout(cluster, 'exec', 'deploy/web', '--', 'sh', '-c', 'echo "[$(cat /etc/config/greeting)]"'), '[bonjour]\n');
    });

    it('says what GNU cat and busybox cat say of a folder', () => {
      const gnu = runKubectl(cluster, ['exec', 'deploy/web', '--', 'cat', '/etc']);
      assert.deepEqual([gnu.stdout, gnu.exitCode], ['cat: /etc: Is a directory\n', 1]);
      assert.equal(runKubectl(cluster, ['exec', 'client', '--', 'cat', '/etc']).stdout, 'cat: read error: Is a directory\n');
    });
  });

  describe('environment', () => {
    it("orders env as containerd does: PATH, HOSTNAME, the kubelet's variables, HOME last", () => {
      const pod = podNames(cluster, 'web')[0]!;
      const lines = runKubectl(cluster, ['exec', pod, '--', 'env']).stdout.split('\n');
      assert.deepEqual(lines.slice(0, 2), ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `HOSTNAME=${pod}`]);
      assert.deepEqual(lines.slice(-2), ['HOME=/root', '']);
      assert.ok(lines.indexOf('KUBERNETES_SERVICE_HOST=10.96.0.1') > lines.indexOf('GREETING=bonjour'));
      assert.equal(lines.includes('TERM=xterm'), false, 'no terminal, no TERM');
      assert.deepEqual(runKubectl(cluster, ['exec', '-t', pod, '--', 'env']).stdout.split('\n').slice(-3), ['TERM=xterm', 'HOME=/root', '']);
    });

    it("keeps the container's own variables over the Service ones, and its HOME", () => {
      const env = stdout(cluster, 'exec', 'envy', '--', 'env');
      assert.match(env, /^WEB_SERVICE_HOST=mine$/m);
      assert.match(env, /^WEB_SERVICE_PORT=80$/m);
      assert.match(env, /^HOME=\/home\/app$/m);
      assert.doesNotMatch(env, /^HOME=\/root$/m);
    });

    it('prints one variable with printenv and echo, and the Pod name with hostname', () => {
      assert.equal(stdout(cluster, 'exec', 'deploy/web', '--', 'printenv', 'GREETING'), 'bonjour\n');
      assert.equal(stdout(cluster, 'exec', 'client', '--', 'sh', '-c', 'echo $KUBERNETES_SERVICE_PORT'), '443\n');
      assert.equal(stdout(cluster, 'exec', 'client', '--', 'hostname'), 'client\n');
      assert.equal(stdout(cluster, 'exec', 'envy', '--', 'hostname'), 'envy\n');
    });

    it('fails printenv of a variable that is not set, as coreutils does (exit status 1)', () => {
      const missing = runKubectl(cluster, ['exec', 'client', '--', 'printenv', 'NOT_SET']);
      assert.equal(missing.stdout, '');
      assert.equal(missing.exitCode, 1);
      assert.match(missing.stderr, /command terminated with exit code 1/);
      assert.equal(runKubectl(cluster, ['exec', 'client', '--', 'printenv', 'KUBERNETES_SERVICE_PORT']).exitCode, 0);
    });
  });
});
