import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import type { Cluster } from '../../../../simulator/src/cluster';
import { runKubectl } from '../../../../simulator/src/kubectl/commands/index';
import { kubectl, testCluster } from './support';

const PODS = kindInfo('v1', 'Pod')!;
const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;

const runningPods = (cluster: Cluster, selector: string): number =>
  cluster.store.list(PODS, { namespace: 'default', labelSelector: selector }).filter((pod) => (pod.status as { phase?: string }).phase === 'Running').length;

describe('simulator/kubectl/commands: create', () => {
  it('creates a Deployment as kubectl builds it: app label, container named after the image', () => {
    const cluster = testCluster();
    assert.equal(kubectl(cluster, 'create deployment web --image=nginx:1.27 --replicas=2 --port=80').stdout, 'deployment.apps/web created\n');
    const deployment = cluster.store.get(DEPLOYMENTS, 'default', 'web');
    assert.deepEqual((deployment.metadata as { labels: unknown }).labels, { app: 'web' });
    const spec = deployment.spec as { replicas: number; selector: unknown; template: { spec: { containers: { name: string; image: string; ports: unknown }[] } } };
    assert.equal(spec.replicas, 2);
    assert.deepEqual(spec.selector, { matchLabels: { app: 'web' } });
    assert.deepEqual(spec.template.spec.containers.map((c) => [c.name, c.image, c.ports]), [['nginx', 'nginx:1.27', [{ containerPort: 80, protocol: 'TCP' }]]]);
    assert.equal(runningPods(cluster, 'app=web'), 2);
  });

  it('prints the object without creating it with --dry-run=client -o yaml', () => {
    const cluster = testCluster();
    const result = kubectl(cluster, 'create deployment web --image=nginx --dry-run=client -o yaml');
    // Like kubectl, the printed object carries a namespace only when -n was given.
    assert.match(result.stdout, /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n {2}labels:\n {4}app: web\n {2}name: web\nspec:\n {2}replicas: 1\n/);
    assert.match(kubectl(cluster, 'create deployment web --image=nginx --dry-run=client -o yaml -n default').stdout, /\n {2}name: web\n {2}namespace: default\n/);
    assert.equal(cluster.store.find(DEPLOYMENTS, 'default', 'web'), undefined);
  });

  it('requires --image and one name, as kubectl does', () => {
    assert.equal(kubectl(testCluster(), 'create deployment web').stderr.split('\n')[0], 'error: required flag(s) "image" not set');
    assert.equal(kubectl(testCluster(), 'create namespace a b').stderr.split('\n')[0], 'error: exactly one NAME is required, got 2');
    assert.equal(kubectl(testCluster(), 'create foo').stderr.split('\n').slice(0, 2).join('\n'), "error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples");
  });

  it('creates ConfigMaps and generic Secrets from literals (secrets in base64)', () => {
    const cluster = testCluster();
    assert.equal(kubectl(cluster, 'create configmap settings --from-literal=mode=prod --from-literal=level=3').stdout, 'configmap/settings created\n');
    assert.equal(kubectl(cluster, 'create secret generic db --from-literal=password=s3cr3t!é').stdout, 'secret/db created\n');
    assert.match(kubectl(cluster, 'get cm settings -o yaml').stdout, /^data:\n {2}level: "3"\n {2}mode: prod\n/m);
    const secret = kubectl(cluster, 'get secret db -o json').stdout;
    assert.equal((JSON.parse(secret) as { data: { password: string }; type: string }).data.password, Buffer.from('s3cr3t!é').toString('base64'));
    assert.equal((JSON.parse(secret) as { type: string }).type, 'Opaque');
    assert.equal(kubectl(cluster, 'create configmap bad --from-literal=novalue').stderr.split('\n')[0], 'error: invalid literal source novalue, expected key=value');
  });

  it('reads --from-file from the files the caller read', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create configmap site --from-file=conf/nginx.conf --from-file=index=conf/index.html', { 'conf/nginx.conf': 'server {}\n', 'conf/index.html': '<h1>Salut</h1>' });
    assert.match(kubectl(cluster, 'get cm site -o yaml').stdout, /^data:\n {2}index: <h1>Salut<\/h1>\n {2}nginx\.conf: \|\n {4}server \{\}\n/m);
  });

  it('creates from files, and says AlreadyExists for an object that is there', () => {
    const cluster = testCluster();
    const files = { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n' };
    assert.equal(kubectl(cluster, 'create -f cm.yaml', files).stdout, 'configmap/cm created\n');
    assert.match(kubectl(cluster, 'create -f cm.yaml', files).stderr, /^Error from server \(AlreadyExists\): error when creating "cm\.yaml": configmaps "cm" already exists\n💡 /);
  });
});

describe('simulator/kubectl/commands: scale and delete', () => {
  it('scales a Deployment and the cluster follows', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27');
    assert.equal(kubectl(cluster, 'scale deployment web --replicas=3').stdout, 'deployment.apps/web scaled\n');
    assert.equal(runningPods(cluster, 'app=web'), 3);
    assert.equal(kubectl(cluster, 'scale deploy/web --replicas=1').stdout, 'deployment.apps/web scaled\n');
    assert.equal(cluster.store.list(PODS, { namespace: 'default' }).length, 1);
  });

  it("checks --replicas and --current-replicas as kubectl does", () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27 --replicas=2');
    assert.equal(kubectl(cluster, 'scale deploy web').stderr.split('\n')[0], 'error: required flag(s) "replicas" not set');
    assert.equal(kubectl(cluster, 'scale deploy web --replicas=-2').stderr.split('\n')[0], 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    assert.equal(kubectl(cluster, 'scale deploy web --replicas=3 --current-replicas=1').stderr.split('\n')[0], 'error: Expected replicas to be 1, was 2');
    assert.match(kubectl(cluster, 'scale deploy nope --replicas=3').stderr, /^Error from server \(NotFound\): deployments\.apps "nope" not found\n/);
  });

  it('deletes by name and by label; the ReplicaSet brings deleted Pods back', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27 --replicas=2');
    const before = cluster.store.list(PODS, { namespace: 'default' }).map((pod) => (pod.metadata as { name: string }).name);
    const result = kubectl(cluster, 'delete pods -l app=web');
    assert.equal(result.stdout, before.map((name) => `pod "${name}" deleted\n`).join(''));
    const after = cluster.store.list(PODS, { namespace: 'default' }).map((pod) => (pod.metadata as { name: string }).name);
    assert.equal(after.length, 2);
    assert.ok(after.every((name) => !before.includes(name)));
    assert.equal(kubectl(cluster, 'delete deploy web').stdout, 'deployment.apps "web" deleted\n');
    assert.equal(cluster.store.list(PODS, { namespace: 'default' }).length, 0, 'the dependents follow (background propagation)');
  });

  it("prints delete's errors and its stdout `No resources found`", () => {
    const cluster = testCluster();
    assert.match(kubectl(cluster, 'delete').stderr, /^error: You must provide one or more resources by argument or filename\.\nExample resource specifications include:\n {3}'-f rsrc\.yaml'/);
    assert.equal(kubectl(cluster, 'delete pods').stderr.split('\n')[0], 'error: resource(s) were provided, but no name was specified');
    assert.equal(kubectl(cluster, 'delete pods --all -l a=b').stderr.split('\n')[0], "error: setting 'all' parameter but found a non empty selector. ");
    assert.deepEqual(kubectl(cluster, 'delete pods -l app=none'), { stdout: 'No resources found\n', stderr: '', exitCode: 0 });
    assert.match(kubectl(cluster, 'delete deploy web').stderr, /^Error from server \(NotFound\): deployments\.apps "web" not found\n/);
  });

  it('deletes what files describe', () => {
    const cluster = testCluster();
    const files = { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n' };
    kubectl(cluster, 'apply -f cm.yaml', files);
    assert.equal(kubectl(cluster, 'delete -f cm.yaml', files).stdout, 'configmap "cm" deleted\n');
  });
});

describe('simulator/kubectl/commands: rollout and set image', () => {
  it('rolls out a new image, shows the history, and rolls back', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.26 --replicas=2');
    assert.equal(kubectl(cluster, 'set image deployment/web nginx=nginx:1.27').stdout, 'deployment.apps/web image updated\n');
    assert.equal(kubectl(cluster, 'rollout status deployment/web').stdout, 'deployment "web" successfully rolled out\n');
    assert.equal(kubectl(cluster, 'rollout history deployment/web').stdout, 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    assert.equal(kubectl(cluster, 'rollout undo deployment/web').stdout, 'deployment.apps/web rolled back\n');
    const images = cluster.store.list(PODS, { namespace: 'default' }).map((pod) => (pod.spec as { containers: { image: string }[] }).containers[0]!.image);
    assert.deepEqual(images, ['nginx:1.26', 'nginx:1.26']);
    assert.equal(kubectl(cluster, 'rollout undo deployment/web --to-revision=3').stdout, 'deployment.apps/web skipped rollback (current template already matches revision 3)\n');
  });

  it('watches a rollout that is not done: each new state, then success, as simulated time passes', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.26 --replicas=3');
    // Change the image without letting the cluster settle: the rollout has not started.
    assert.equal(runKubectl(cluster, ['set', 'image', 'deploy/web', 'nginx=nginx:1.27'], { settle: false }).stdout, 'deployment.apps/web image updated\n');
    const started = cluster.clock.now();
    const lines = kubectl(cluster, 'rollout status deploy/web').stdout.trim().split('\n');
    assert.equal(lines[0], 'Waiting for deployment spec update to be observed...');
    assert.ok(lines.slice(1, -1).every((line) => line.startsWith('Waiting for deployment "web" rollout to finish: ')));
    assert.ok(lines.length > 2);
    assert.equal(lines.at(-1), 'deployment "web" successfully rolled out');
    assert.ok(cluster.clock.now() > started, 'time passed while watching');
  });

  it('stops watching at the progress deadline with kubectl\'s error', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27 --replicas=2');
    runKubectl(cluster, ['set', 'image', 'deploy/web', 'nginx=nginx:no-such-tag'], { settle: false });
    const result = kubectl(cluster, 'rollout status deploy/web');
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /^error: deployment "web" exceeded its progress deadline\n💡 /);
    assert.equal(kubectl(cluster, 'rollout status deploy/web --watch=false').stderr.split('\n')[0], 'error: deployment "web" exceeded its progress deadline');
  });

  it('pauses and resumes, with kubectl errors for a repeated pause', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27');
    assert.equal(kubectl(cluster, 'rollout pause deployment/web').stdout, 'deployment.apps/web paused\n');
    assert.match(kubectl(cluster, 'rollout pause deployment/web').stderr, /^error: deployments\.apps "web" is already paused\n💡 /);
    assert.match(kubectl(cluster, 'rollout restart deployment/web').stderr, /^error: deployments\.apps "web" can't restart paused deployment \(run rollout resume first\)\n/);
    assert.equal(kubectl(cluster, 'rollout resume deployment/web').stdout, 'deployment.apps/web resumed\n');
    assert.equal(kubectl(cluster, 'rollout restart deployment/web').stdout, 'deployment.apps/web restarted\n');
  });

  it('reports an unknown container name and a missing resource', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27');
    assert.match(kubectl(cluster, 'set image deploy/web web=nginx:1.28').stderr, /^error: unable to find container named "web"\n💡 /);
    assert.equal(kubectl(cluster, 'rollout status').stderr.split('\n')[0], 'error: required resource not specified');
  });
});

describe('simulator/kubectl/commands: label and annotate', () => {
  it('adds, refuses to overwrite without --overwrite, overwrites, and removes', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27');
    assert.equal(kubectl(cluster, 'label deploy web tier=front').stdout, 'deployment.apps/web labeled\n');
    assert.equal(kubectl(cluster, 'label deploy web tier=back').stderr.split('\n')[0], "error: 'tier' already has a value (front), and --overwrite is false");
    assert.equal(kubectl(cluster, 'label deploy web tier=back --overwrite').stdout, 'deployment.apps/web labeled\n');
    assert.equal(kubectl(cluster, 'label deploy web tier=back --overwrite').stdout, 'deployment.apps/web not labeled\n');
    assert.equal(kubectl(cluster, 'label deploy web tier-').stdout, 'deployment.apps/web unlabeled\n');
    assert.deepEqual((cluster.store.get(DEPLOYMENTS, 'default', 'web').metadata as { labels: unknown }).labels, { app: 'web' });
    assert.equal(kubectl(cluster, 'annotate deploy web note=ok').stdout, 'deployment.apps/web annotated\n');
    assert.equal(kubectl(cluster, 'label deploy web').stderr.split('\n')[0], 'error: at least one label update is required');
  });
});
