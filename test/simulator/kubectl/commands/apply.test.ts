import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import { kubectl, testCluster } from './support';

const DEPLOYMENT = (replicas: number, image = 'nginx:1.27'): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

const PODS = kindInfo('v1', 'Pod')!;

describe('simulator/kubectl/commands/apply', () => {
  it('applies every document of a file in order and lets the cluster settle: the Pods run', () => {
    const cluster = testCluster();
    const result = kubectl(cluster, 'apply -f web.yaml', { 'web.yaml': `${DEPLOYMENT(3)}---\n${SERVICE}` });
    assert.equal(result.stdout, 'deployment.apps/web created\nservice/web created\n');
    assert.equal(result.exitCode, 0);
    const pods = cluster.store.list(PODS, { namespace: 'default', labelSelector: 'app=web' });
    assert.equal(pods.length, 3);
    assert.ok(pods.every((pod) => (pod.status as { phase?: string }).phase === 'Running'));
  });

  it('says configured, then unchanged, as the file changes or not', () => {
    const cluster = testCluster();
    kubectl(cluster, 'apply -f web.yaml', { 'web.yaml': DEPLOYMENT(1) });
    assert.equal(kubectl(cluster, 'apply -f web.yaml', { 'web.yaml': DEPLOYMENT(2) }).stdout, 'deployment.apps/web configured\n');
    assert.equal(kubectl(cluster, 'apply -f web.yaml', { 'web.yaml': DEPLOYMENT(2) }).stdout, 'deployment.apps/web unchanged\n');
  });

  it("applies a folder's YAML and JSON files in lexical order, ignoring other files and subfolders without -R", () => {
    const files = {
      'k8s/b-service.yaml': SERVICE,
      'k8s/a-deploy.yml': DEPLOYMENT(1),
      'k8s/README.md': '# not a manifest',
      'k8s/extra/cm.json': '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}}',
    };
    assert.equal(kubectl(testCluster(), 'apply -f k8s', files).stdout, 'deployment.apps/web created\nservice/web created\n');
    assert.equal(kubectl(testCluster(), 'apply -R -f k8s/', files).stdout, 'deployment.apps/web created\nservice/web created\nconfigmap/cm created\n');
  });

  it('flattens a List', () => {
    const list = `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: ConfigMap, metadata: {name: one}}
- {apiVersion: v1, kind: ConfigMap, metadata: {name: two}}
`;
    assert.equal(kubectl(testCluster(), 'apply -f list.yaml', { 'list.yaml': list }).stdout, 'configmap/one created\nconfigmap/two created\n');
  });

  it('applies what it can and reports the other documents after, the file named in each error', () => {
    const files = {
      'mixed.yaml': `apiVersion: apps/v1
kind: Deploymnet
metadata: {name: x}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replica: 2
`,
    };
    const result = kubectl(testCluster(), 'apply -f mixed.yaml', files);
    assert.equal(result.exitCode, 1);
    assert.equal(result.stdout, 'configmap/cm created\n');
    const errors = result.stderr.split('\n').filter((line) => !line.startsWith('💡'));
    assert.deepEqual(errors, [
      'resource mapping not found for name: "x" namespace: "" from "mixed.yaml": no matches for kind "Deploymnet" in version "apps/v1"',
      'ensure CRDs are installed first',
      'Error from server (BadRequest): error when creating "mixed.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"',
      '',
    ]);
  });

  it('rewords a single Invalid error as kubectl does', () => {
    const result = kubectl(testCluster(), 'apply -f web.yaml', { 'web.yaml': DEPLOYMENT(-1) });
    assert.match(result.stderr, /^The Deployment "web" is invalid: spec\.replicas: Invalid value: -1: must be greater than or equal to 0\n💡 /);
  });

  it('refuses a manifest whose namespace contradicts -n', () => {
    const file = { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, namespace: prod}\n' };
    const result = kubectl(testCluster(), 'apply -f cm.yaml -n dev', file);
    assert.match(result.stderr, /^error: the namespace from the provided object "prod" does not match the namespace "dev"\. You must pass '--namespace=prod' to perform this operation\.\n/);
  });

  it('reports a missing file, a YAML syntax error, no objects, and no -f', () => {
    assert.match(kubectl(testCluster(), 'apply -f nope.yaml').stderr, /^error: the path "nope\.yaml" does not exist\n/);
    assert.match(kubectl(testCluster(), 'apply -f bad.yaml', { 'bad.yaml': 'kind: ConfigMap\nmetadata:\n  name: [x\n' }).stderr, /^error: error parsing bad\.yaml: error converting YAML to JSON: yaml: line \d+: /);
    assert.match(kubectl(testCluster(), 'apply -f empty.yaml', { 'empty.yaml': '# nothing\n---\n' }).stderr, /^error: no objects passed to apply\n/);
    assert.match(kubectl(testCluster(), 'apply').stderr, /^error: must specify one of -f and -k\n/);
  });

  it('changes nothing in a dry run and says so', () => {
    const cluster = testCluster();
    assert.equal(kubectl(cluster, 'apply -f web.yaml --dry-run=server', { 'web.yaml': DEPLOYMENT(1) }).stdout, 'deployment.apps/web created (server dry run)\n');
    assert.equal(kubectl(cluster, 'apply -f web.yaml --dry-run=client', { 'web.yaml': DEPLOYMENT(1) }).stdout, 'deployment.apps/web created (dry run)\n');
    assert.equal(kubectl(cluster, 'get deployments').stderr, 'No resources found in default namespace.\n');
  });
});
