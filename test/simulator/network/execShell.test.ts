import * as assert from 'node:assert/strict';
import type { Cluster } from '../../../simulator/src/cluster';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { openExec, type ExecShell } from '../../../simulator/src/network/shell/execShell';
import { podNames, runningCluster, WEB } from './fixtures';

const PODS = kindInfo('v1', 'Pod')!;

/** An interactive shell in the first web Pod; `run` types a line. */
function shell(cluster: Cluster = runningCluster(), prefix = 'web') {
  const pod = podNames(cluster, prefix)[0]!;
  const opened = openExec(() => cluster, { namespace: 'default', pod, tty: true });
  assert.ok(opened.ok, opened.ok ? '' : opened.error);
  const sh: ExecShell = opened.shell;
  sh.enter(['sh']);
  return { sh, pod, cluster, run: (line: string) => sh.runLine(line).output };
}

describe('network: the exec shell in a simulated container', () => {
  describe('files', () => {
    it('shows a mounted ConfigMap as one file per key (ls, cat)', () => {
      const { run } = shell();
      assert.equal(run('ls /etc/config'), 'app.properties  greeting\n');
      assert.equal(run('cat /etc/config/greeting'), 'bonjour', 'the key has no final newline');
      assert.equal(run('cat /etc/config/app.properties'), 'color=blue\nsize=3\n');
    });

    it('shows a mounted Secret decoded', () => {
      const { run } = shell();
      assert.equal(run('cat /etc/secret/password'), 's3cr3t');
    });

    it("has the image's files and the kubelet's (nginx's page, /etc/hostname)", () => {
      const { run, pod } = shell();
      assert.match(run('cat /usr/share/nginx/html/index.html'), /<title>Welcome to nginx!<\/title>/);
      assert.equal(run('cat /etc/hostname'), `${pod}\n`);
      assert.match(run('ls /'), /\betc\b.*\busr\b/);
    });

    it('moves with cd, reads relative paths, lists with ls -l', () => {
      const { sh, run } = shell();
      assert.equal(run('cd /etc/config'), '');
      assert.equal(sh.prompt(), '# ');
      assert.equal(run('pwd'), '/etc/config\n');
      assert.equal(run('cat greeting'), 'bonjour');
      assert.match(run('ls -l'), /^total 8\n-rw-r--r-- 1 root root +18 \w{3} +\d+ \d\d:\d\d app.properties\n-rw-r--r-- 1 root root +7 .* greeting\n$/);
      assert.equal(run('cd /nowhere'), "sh: 1: cd: can't cd to /nowhere\n");
    });

    it('keeps what a line writes for the next lines', () => {
      const { run } = shell();
      assert.equal(run('echo salut > /tmp/note.txt'), '');
      assert.equal(run('cat /tmp/note.txt'), 'salut\n');
      assert.equal(run('ls /tmp'), 'note.txt\n');
      assert.equal(run('rm /tmp/note.txt'), '');
      assert.equal(run('ls /tmp'), '');
    });

    it('says what cat and ls say of a missing file', () => {
      const { run } = shell();
      assert.equal(run('cat /etc/config/nope'), 'cat: /etc/config/nope: No such file or directory\n');
      assert.equal(run('ls /nope'), "ls: cannot access '/nope': No such file or directory\n");
    });
  });

  it('has the environment the kubelet builds: valueFrom and envFrom resolved, Service variables', () => {
    const { run, pod } = shell();
    const env = run('env');
    assert.match(env, /^GREETING=bonjour$/m);
    assert.match(env, /^DB_PASSWORD=s3cr3t$/m);
    assert.match(env, new RegExp(`^POD_NAME=${pod}$`, 'm'));
    assert.match(env, /^CFG_greeting=bonjour$/m);
    assert.match(env, /^WEB_SERVICE_HOST=10\.\d+\.\d+\.\d+$/m);
    assert.match(env, /^KUBERNETES_SERVICE_PORT=443$/m);
    assert.match(env, /^HOSTNAME=web-/m);
    assert.equal(run('echo $GREETING | grep -c bon'), '1\n');
  });

  it('lists the processes, the container\'s main one as PID 1', () => {
    const { run } = shell();
    const lines = run('ps').split('\n');
    assert.match(lines[0]!, /PID\s+TTY\s+TIME\s+CMD/);
    assert.match(lines[1]!, /^\s+1 \?\s+00:00:00 nginx$/);
    assert.match(run('ps -ef'), /nginx: master process nginx -g daemon off;/);
  });

  describe('network', () => {
    it("curls a Service by name: nginx's welcome page, through an endpoint", () => {
      const { run } = shell();
      assert.equal(run('curl -s web'), '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n');
      assert.match(run('curl http://web.default.svc.cluster.local/missing'), /<title>404 Not Found<\/title>/);
      assert.equal(run("curl -s -o /dev/null -w '%{http_code}' web/missing"), '404\n');
      assert.match(run('curl -I web'), /^HTTP\/1\.1 200 OK\nServer: nginx\/1\.27\.3\nContent-Type: text\/html\nContent-Length: 121\n\n$/);
    });

    it("balances a Service's requests over its Pods (whoami says which one answered)", () => {
      const { run, cluster } = shell();
      const hosts = [run('curl -s who:8080'), run('curl -s who:8080')].map((body) => /^Hostname: (\S+)$/m.exec(body)?.[1]);
      assert.deepEqual(hosts.sort(), podNames(cluster, 'who'));
    });

    it("says what curl says when it cannot reach: no such name, no such port, no ready Pod", () => {
      const { run, cluster } = shell();
      assert.equal(run('curl nothing'), 'curl: (6) Could not resolve host: nothing\n');
      assert.equal(run('curl web:8080'), "curl: (7) Failed to connect to web port 8080 after 2 ms: Couldn't connect to server\n");
      assert.equal(run('curl -f web/missing'), 'curl: (22) The requested URL returned error: 404\n');
      cluster.store.patch(kindInfo('apps/v1', 'Deployment')!, 'default', 'who', { spec: { replicas: 0 } });
      cluster.advance(60_000);
      assert.equal(run('curl who:8080'), "curl: (7) Failed to connect to who port 8080 after 2 ms: Couldn't connect to server\n");
    });

    it('fetches with wget and resolves with nslookup', () => {
      const { run } = shell();
      assert.match(run('wget -qO- web'), /Welcome to nginx!/);
      assert.match(run('nslookup web'), /^Name:\tweb\.default\.svc\.cluster\.local\nAddress: 10\.\d+\.\d+\.\d+$/m);
      assert.match(run('nslookup nope'), /NXDOMAIN/);
    });

    it("serves what a ConfigMap mounted over nginx's folder holds", () => {
      const site = WEB.replace('mountPath: /etc/config', 'mountPath: /usr/share/nginx/html').replace('greeting: bonjour', 'greeting: bonjour\n  index.html: <h1>Bonjour</h1>');
      const { run } = shell(runningCluster(site));
      assert.equal(run('curl -s web'), '<h1>Bonjour</h1>\n');
      assert.match(run('curl -s web/50x.html'), /404 Not Found/);
    });
  });

  describe('its end', () => {
    it('ends on exit, with the code given', () => {
      const { sh } = shell();
      assert.deepEqual(sh.runLine('exit 2'), { output: '', exit: 2 });
    });

    it('ends as kubectl does when the Pod goes away', () => {
      const { sh, pod, cluster } = shell();
      cluster.store.delete(PODS, 'default', pod, { gracePeriodSeconds: 0 });
      cluster.advance(5_000);
      assert.deepEqual(sh.runLine('ls'), { output: 'command terminated with exit code 137\n', exit: 137 });
    });
  });

  it("refuses a Pod that does not exist, and a program the image does not have (containerd's text)", () => {
    const cluster = runningCluster();
    assert.deepEqual(openExec(() => cluster, { namespace: 'default', pod: 'nope' }), { ok: false, error: 'Error from server (NotFound): pods "nope" not found', exitCode: 1, notice: '', reason: 'pod-not-found' });
    const who = openExec(() => cluster, { namespace: 'default', pod: podNames(cluster, 'who')[0]! });
    assert.ok(who.ok);
    assert.equal(who.shell.canRun(['sh']), false);
    const result = who.shell.runCommand(['ls']);
    assert.ok('error' in result);
    assert.match(result.error, /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "ls": executable file not found in \$PATH: unknown$/);
    const bash = who.shell.runCommand(['/bin/bash']);
    assert.ok('error' in bash);
    assert.match(bash.error, /exec: "\/bin\/bash": stat \/bin\/bash: no such file or directory: unknown$/);
  });
});
