import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import type { Cluster } from '../../../simulator/src/cluster';
import { readerOf } from '../../../simulator/src/kubelet/replay';
import { runKubectl } from '../../../simulator/src/kubectl/commands/index';
import { traceUrl } from '../../../simulator/src/network/route';
import { CLIENT_NO_EGRESS, NETWORK, podNames, runningCluster, WEB_POLICY } from './fixtures';

/** What `kubectl exec client -- ARGS` prints: stdout, then stderr. */
function inClient(cluster: Cluster, ...args: string[]): string {
  const result = runKubectl(cluster, ['exec', 'client', '--', ...args]);
  return result.stdout + result.stderr;
}

const apply = (cluster: Cluster, yaml: string): void => {
  const result = runKubectl(cluster, ['apply', '-f', 'policy.yaml'], { files: { 'policy.yaml': yaml } });
  assert.equal(result.exitCode, 0, result.stderr);
};

/** ingress-nginx's own pages (server_tokens off). */
const nginxPage = (title: string): string => `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

describe('network: HTTP through the simulated cluster', () => {
  describe('the ingress controller (a node address, ports 80 and 443)', () => {
    let cluster: Cluster;
    before(() => {
      cluster = runningCluster(NETWORK);
    });

    it('routes by Host header and path to the Service, and proxies the answer', () => {
      assert.match(inClient(cluster, 'curl', '-s', '-H', 'Host: web.example.com', 'http://172.18.0.2/'), /<title>Welcome to nginx!<\/title>/);
      const who = inClient(cluster, 'curl', '-s', '-H', 'Host: web.example.com', 'http://172.18.0.2/who/x');
      assert.match(who, /^Hostname: who-/);
      assert.match(who, /^GET \/who\/x HTTP\/1\.1\nHost: web\.example\.com\n/m);
      assert.match(who, /^X-Forwarded-For: 10\.244\.\d+\.\d+\nX-Forwarded-Host: web\.example\.com\nX-Forwarded-Port: 80\nX-Forwarded-Proto: http\n/m);
    });

    it('takes --resolve as curl does, and sends its own Server header', () => {
      assert.match(inClient(cluster, 'curl', '-sI', '--resolve', 'web.example.com:80:172.18.0.3', 'http://web.example.com/'), /^HTTP\/1\.1 200 OK\nServer: nginx\nContent-Type: text\/html\n/);
    });

    it("answers ingress-nginx's 404 page when no rule matches", () => {
      assert.equal(inClient(cluster, 'curl', '-s', 'http://172.18.0.2/'), nginxPage('404 Not Found'));
      assert.equal(inClient(cluster, 'curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', '-H', 'Host: other.example.com', 'http://172.18.0.2/'), '404\n');
    });

    it('serves HTTPS with its fake certificate: curl refuses it without -k', () => {
      assert.match(inClient(cluster, 'curl', '-s', '-H', 'Host: web.example.com', 'https://172.18.0.2/'), /^curl: \(60\) SSL certificate problem: self-signed certificate\n/);
      assert.match(inClient(cluster, 'curl', '-sk', '-H', 'Host: web.example.com', 'https://172.18.0.2/who'), /^X-Forwarded-Proto: https$/m);
    });

    it('answers 503 when the Service has no ready endpoint', () => {
      assert.equal(runKubectl(cluster, ['scale', 'deployment', 'who', '--replicas=0']).exitCode, 0);
      cluster.advance(60_000);
      assert.equal(inClient(cluster, 'curl', '-s', '-H', 'Host: web.example.com', 'http://172.18.0.2/who'), nginxPage('503 Service Temporarily Unavailable'));
    });
  });

  describe('NetworkPolicies', () => {
    let cluster: Cluster;
    before(() => {
      cluster = runningCluster(NETWORK);
      apply(cluster, WEB_POLICY);
    });

    it("drops what the destination's ingress rules do not allow: curl and wget time out", () => {
      assert.equal(inClient(cluster, 'curl', '-s', 'web'), "curl: (28) Failed to connect to web port 80 after 130004 ms: Couldn't connect to server\ncommand terminated with exit code 28\n");
      assert.equal(inClient(cluster, 'curl', '-s', '--connect-timeout', '2', 'web'), 'curl: (28) Failed to connect to web port 80 after 2002 ms: Timeout was reached\ncommand terminated with exit code 28\n');
      assert.equal(inClient(cluster, 'wget', '-qO-', '-T', '2', 'web'), 'wget: download timed out\ncommand terminated with exit code 1\n');
      assert.match(inClient(cluster, 'wget', '-qO-', 'web'), /^wget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Connection timed out\n/);
    });

    it('leaves the Pods no policy selects alone', () => {
      assert.match(inClient(cluster, 'curl', '-s', 'who:8080'), /^Hostname: who-/);
    });

    it('lets in the Pods the rule selects, on the named port', () => {
      assert.equal(runKubectl(cluster, ['label', 'pod', 'client', 'access=true']).exitCode, 0);
      assert.match(inClient(cluster, 'curl', '-s', 'web'), /Welcome to nginx!/);
      assert.equal(runKubectl(cluster, ['label', 'pod', 'client', 'access-']).exitCode, 0);
    });

    it('keeps the ingress controller out too: 504 from ingress-nginx', () => {
      assert.equal(inClient(cluster, 'curl', '-s', '-H', 'Host: web.example.com', 'http://172.18.0.2/'), nginxPage('504 Gateway Time-out'));
    });

    it('leaves a Pod without DNS when its egress policy forgets kube-dns', () => {
      apply(cluster, CLIENT_NO_EGRESS);
      assert.equal(inClient(cluster, 'curl', '-s', 'who:8080'), 'curl: (6) Could not resolve host: who\ncommand terminated with exit code 6\n');
      assert.equal(inClient(cluster, 'nslookup', 'who'), ';; connection timed out; no servers could be reached\n\ncommand terminated with exit code 1\n');
      const whoIP = runKubectl(cluster, ['get', 'svc', 'who', '-o', 'jsonpath={.spec.clusterIP}']).stdout;
      assert.match(inClient(cluster, 'curl', '-s', `${whoIP}:8080`), /^curl: \(28\) Failed to connect/);
    });
  });

  describe('the route a URL takes', () => {
    let cluster: Cluster;
    before(() => {
      cluster = runningCluster(NETWORK);
    });

    it('tells the Ingress rule, the Service and the Pod an outside request reaches', () => {
      const reader = readerOf(cluster.store);
      const trace = traceUrl(reader, cluster.clock.now(), 'http://localhost/who', undefined, { host: 'web.example.com' });
      assert.ok(trace);
      const [who] = podNames(cluster, 'who').filter((name) => trace.lines.some((line) => line.includes(name)));
      assert.ok(who);
      assert.deepEqual(trace.lines.slice(0, 3), ["Contrôleur d'Ingress ingress-nginx (127.0.0.1)", 'Ingress default/web : hôte web.example.com, chemin /who (Prefix)', 'Service default/who, port 8080']);
      assert.match(trace.lines[3]!, new RegExp(`^Pod default/${who} \\(10\\.244\\.\\d+\\.\\d+\\), port 80$`));
      assert.equal(trace.lines[4], 'Réponse : 200 OK');
    });

    it('tells the name resolved and the policy that stopped a Pod', () => {
      apply(cluster, WEB_POLICY);
      const reader = readerOf(cluster.store);
      const pod = reader.get(kindInfo('v1', 'Pod')!, 'default', 'client');
      const trace = traceUrl(reader, cluster.clock.now(), 'web', { pod, namespace: 'default' });
      assert.ok(trace);
      assert.match(trace.lines[0]!, /^DNS : web → 10\.\d+\.\d+\.\d+$/);
      assert.equal(trace.lines[1], 'Service default/web, port 80');
      assert.match(trace.lines[2]!, /^Pod default\/web-[a-z0-9]+-[a-z0-9]+ \(10\.244\.\d+\.\d+\), port 80$/);
      assert.deepEqual(trace.lines.slice(3), [
        "Bloqué par la NetworkPolicy default/web-access (entrée du Pod de destination) : aucune de ses règles ne laisse passer.",
        'Échec : délai dépassé (les paquets sont perdus : NetworkPolicy ou adresse inconnue).',
      ]);
    });
  });
});
