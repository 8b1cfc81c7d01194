/**
 * `kubectl expose`: the expected texts were taken from the real kubectl (v1.35 binary
 * against `atelier serve`; expose.go prints the same in v1.30).
 */
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import { kubectl, testCluster } from './support';

const SERVICES = kindInfo('v1', 'Service')!;
const ENDPOINTS = kindInfo('v1', 'Endpoints')!;

const TWO_PORTS =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: two}\nspec:\n  selector:\n    matchLabels: {app: two}\n    matchExpressions: [{key: tier, operator: In, values: [a, b]}]\n' +
  '  template:\n    metadata: {labels: {app: two, tier: a}}\n    spec:\n      containers:\n      - {name: c, image: nginx, ports: [{containerPort: 80}]}\n---\n' +
  'apiVersion: v1\nkind: Pod\nmetadata: {name: multi, labels: {x: "z"}}\nspec:\n  containers:\n  - {name: c, image: nginx, ports: [{containerPort: 80, name: http}, {containerPort: 53, protocol: UDP}]}\n';

describe('simulator/kubectl/commands: expose', () => {
  it("creates a Service with the Deployment's matchLabels, port and labels, whose endpoints are its Pods", () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx --replicas=2 --port=80');
    assert.deepEqual(kubectl(cluster, 'expose deployment web --port=8080 --target-port=80'), { stdout: 'service/web exposed\n', stderr: '', exitCode: 0 });
    const service = cluster.store.get(SERVICES, 'default', 'web');
    assert.deepEqual((service.metadata as { labels: unknown }).labels, { app: 'web' });
    const spec = service.spec as { selector: unknown; ports: unknown; type: string };
    assert.deepEqual(spec.selector, { app: 'web' });
    assert.deepEqual(spec.ports, [{ port: 8080, protocol: 'TCP', targetPort: 80 }]);
    assert.equal(spec.type, 'ClusterIP');
    const subsets = (cluster.store.get(ENDPOINTS, 'default', 'web').subsets ?? []) as { addresses?: unknown[] }[];
    assert.equal(subsets[0]?.addresses?.length, 2);
  });

  it('prints the Service kubectl builds with --dry-run=client -o yaml (port found by introspection)', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx --port=80');
    assert.equal(
      kubectl(cluster, 'expose deploy/web --type=NodePort --name=web-np --dry-run=client -o yaml').stdout,
      'apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    app: web\n  name: web-np\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    app: web\n  type: NodePort\nstatus:\n  loadBalancer: {}\n',
    );
    assert.equal(cluster.store.find(SERVICES, 'default', 'web-np'), undefined);
    assert.equal(kubectl(cluster, 'expose deployment web --dry-run=server').stdout, 'service/web exposed (server dry run)\n');
    assert.equal(kubectl(cluster, 'expose deployment web --name=w2 -o name').stdout, 'service/w2\n');
  });

  it("exposes a Pod with its labels, naming each port when there are several", () => {
    const cluster = testCluster();
    kubectl(cluster, 'apply -f two.yaml', { 'two.yaml': TWO_PORTS });
    assert.match(
      kubectl(cluster, 'expose pod multi --dry-run=client -o yaml').stdout,
      /\nspec:\n {2}ports:\n {2}- name: port-1\n {4}port: 80\n {4}protocol: TCP\n {4}targetPort: 80\n {2}- name: port-2\n {4}port: 53\n {4}protocol: UDP\n {4}targetPort: 53\n {2}selector:\n {4}x: z\n/,
    );
    assert.match(kubectl(cluster, 'expose pod multi --port=8080 --selector=a=b --dry-run=client -o yaml').stdout, /\n {2}ports:\n {2}- port: 8080\n {4}protocol: TCP\n {4}targetPort: 8080\n {2}selector:\n {4}a: b\n/);
  });

  it("gives kubectl's errors: no port, matchExpressions, unknown kind or name, a kind it cannot expose", () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment noport --image=nginx');
    kubectl(cluster, 'apply -f two.yaml', { 'two.yaml': TWO_PORTS });
    const noPort = kubectl(cluster, 'expose deployment noport');
    assert.equal(noPort.exitCode, 1);
    assert.match(noPort.stderr, /^error: couldn't find port via --port flag or introspection\n💡 /);
    assert.match(
      kubectl(cluster, 'expose deployment two --port=80').stderr,
      /^error: couldn't retrieve selectors via --selector flag or introspection: couldn't convert expressions - "\[\{Key:tier Operator:In Values:\[a b\]\}\]" to map-based selector format\n💡 /,
    );
    assert.match(kubectl(cluster, 'expose deployment nope --port=80').stderr, /^Error from server \(NotFound\): deployments\.apps "nope" not found\n💡 /);
    assert.match(kubectl(cluster, 'expose foo web --port=80').stderr, /^error: the server doesn't have a resource type "foo"\n💡 /);
    assert.match(kubectl(cluster, 'expose configmap kube-root-ca.crt --port=80').stderr, /^error: cannot expose a ConfigMap\n💡 /);
    assert.match(kubectl(cluster, 'expose').stderr, /^error: You must provide one or more resources by argument or filename\.\n/);
    assert.match(kubectl(cluster, 'expose deployment').stderr, /^error: resource\(s\) were provided, but no name was specified\n💡 /);
    assert.match(kubectl(cluster, 'expose deployment noport --port=abc').stderr, /^error: strconv\.Atoi: parsing "abc": invalid syntax\n💡 /);
    assert.match(kubectl(cluster, 'expose deployment noport --port=80 --type=Bad').stderr, /^The Service "noport" is invalid: spec\.type: Unsupported value: "Bad": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n/);
    assert.deepEqual(cluster.store.list(SERVICES, { namespace: 'default' }).map((s) => (s.metadata as { name: string }).name), ['kubernetes']);
  });
});
