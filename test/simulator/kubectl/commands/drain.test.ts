/**
 * `kubectl cordon|uncordon|drain --dry-run`: the lines kubectl v1.30 prints
 * (k8s.io/kubectl/pkg/cmd/drain/drain.go, k8s.io/kubectl/pkg/drain/drain.go), checked
 * against the kubectl binary where no cluster state is involved, and a store left exactly
 * as it was.
 */
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import type { Cluster } from '../../../../simulator/src/cluster';
import type { KubeObject } from '../../../../simulator/src/store/store';
import { kubectl, testCluster } from './support';

const NODES = kindInfo('v1', 'Node')!;
const PODS = kindInfo('v1', 'Pod')!;
const PDBS = kindInfo('policy/v1', 'PodDisruptionBudget')!;

type Meta = { name: string; namespace?: string; resourceVersion: string };
const metaOf = (object: KubeObject): Meta => object.metadata as Meta;

/** The store's revision and every Node's, Pod's and budget's resourceVersion. */
function versions(cluster: Cluster): string[] {
  const objects = [...cluster.store.list(NODES), ...cluster.store.list(PODS), ...cluster.store.list(PDBS)];
  return [cluster.store.resourceVersion(), ...objects.map((object) => `${String(object.kind)} ${metaOf(object).namespace ?? ''}/${metaOf(object).name} ${metaOf(object).resourceVersion}`)];
}

/** stderr without the French lines that follow kubectl's own. */
const withoutHints = (stderr: string): string => stderr.split('\n').filter((line) => !line.startsWith('💡')).join('\n');

/** The names of the Pods on a Node, in the order kubectl lists them. */
const podsOn = (cluster: Cluster, node: string): string[] => cluster.store.list(PODS, { fieldSelector: `spec.nodeName=${node}` }).map((pod) => metaOf(pod).name);

/** Four web Pods, two on each worker (seed 1), and a Pod no controller recreates on worker-1. */
function withWorkloads(): Cluster {
  const cluster = testCluster();
  kubectl(cluster, 'create deployment web --image=nginx:1.27 --replicas=4');
  cluster.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'lonely', namespace: 'default' }, spec: { nodeName: 'worker-1', containers: [{ name: 'app', image: 'nginx:1.27' }] } });
  cluster.settle();
  assert.equal(podsOn(cluster, 'worker-1').length, 3, 'the fixture puts two web Pods and lonely on worker-1');
  return cluster;
}

function withBudget(cluster: Cluster, minAvailable: number): void {
  cluster.store.create({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb', namespace: 'default' }, spec: { minAvailable, selector: { matchLabels: { app: 'web' } } } });
  cluster.settle();
}

describe('simulator/kubectl/commands: cordon and uncordon --dry-run', () => {
  it('prints the line with the dry run suffix and changes nothing', () => {
    const cluster = testCluster();
    const before = versions(cluster);
    assert.deepEqual(kubectl(cluster, 'cordon worker-1 --dry-run=client'), { stdout: 'node/worker-1 cordoned (dry run)\n', stderr: '', exitCode: 0 });
    assert.deepEqual(kubectl(cluster, 'cordon worker-1 --dry-run=server'), { stdout: 'node/worker-1 cordoned (server dry run)\n', stderr: '', exitCode: 0 });
    assert.deepEqual(kubectl(cluster, 'uncordon worker-1 --dry-run=server'), { stdout: 'node/worker-1 already uncordoned (server dry run)\n', stderr: '', exitCode: 0 });
    assert.deepEqual(versions(cluster), before);
    assert.match(kubectl(cluster, 'get nodes worker-1').stdout, /worker-1\s+Ready\s/);
  });

  it('says "already" with the suffix too (the printer adds it to every operation)', () => {
    const cluster = testCluster();
    kubectl(cluster, 'cordon worker-2');
    const before = versions(cluster);
    assert.equal(kubectl(cluster, 'cordon worker-2 --dry-run=client').stdout, 'node/worker-2 already cordoned (dry run)\n');
    assert.equal(kubectl(cluster, 'cordon worker-2 --dry-run=server').stdout, 'node/worker-2 already cordoned (server dry run)\n');
    assert.equal(kubectl(cluster, 'uncordon worker-2 --dry-run=client').stdout, 'node/worker-2 uncordoned (dry run)\n');
    assert.deepEqual(versions(cluster), before);
  });

  it('takes a bare --dry-run as client, with the deprecation warning, and refuses other values', () => {
    const cluster = testCluster();
    assert.deepEqual(kubectl(cluster, 'cordon worker-1 --dry-run'), {
      stdout: 'node/worker-1 cordoned (dry run)\n',
      stderr: 'Warning: --dry-run is deprecated and can be replaced with --dry-run=client.\n',
      exitCode: 0,
    });
    const bogus = kubectl(cluster, 'drain worker-1 --dry-run=maybe');
    assert.equal(bogus.stdout, '');
    assert.match(bogus.stderr, /^error: Invalid dry-run value \(maybe\)\. Must be "none", "server", or "client"\.\n/);
    assert.equal(bogus.exitCode, 1);
  });

  it('lets the API server check a server dry run: a user who may not patch Nodes gets kubectl’s error, and the command goes on', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27 --replicas=4');
    const reader = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: node-reader}
rules:
- {apiGroups: [""], resources: ["nodes", "pods"], verbs: ["get", "list"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: jane-reads-nodes}
subjects: [{kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}]
roleRef: {kind: ClusterRole, name: node-reader, apiGroup: rbac.authorization.k8s.io}
`;
    assert.equal(kubectl(cluster, 'apply -f rbac.yaml', { 'rbac.yaml': reader }).exitCode, 0);
    assert.deepEqual(kubectl(cluster, 'cordon worker-1 --dry-run=client --as jane'), { stdout: 'node/worker-1 cordoned (dry run)\n', stderr: '', exitCode: 0 });
    const server = kubectl(cluster, 'cordon worker-1 --dry-run=server --as jane');
    assert.equal(server.stdout, '');
    assert.equal(withoutHints(server.stderr), 'error: unable to cordon node "worker-1": nodes "worker-1" is forbidden: User "jane" cannot patch resource "nodes" in API group "" at the cluster scope\n');
    assert.match(server.stderr, /\n💡 Accès refusé \(403\)/);
    assert.equal(server.exitCode, 0, 'RunCordonOrUncordon prints the error and returns no error');
    const [first, second] = podsOn(cluster, 'worker-1');
    const refused = (name: string): string => `error when evicting pods/"${name}" -n "default": pods "${name}" is forbidden: User "jane" cannot create resource "pods/eviction" in API group "" in the namespace "default"`;
    const drain = kubectl(cluster, 'drain worker-1 --dry-run=server --as jane');
    assert.deepEqual(withoutHints(drain.stderr).split('\n').slice(-3), [refused(first!), refused(second!), '']);
    assert.match(drain.stderr, /💡 Le serveur a refusé une requête faute de droits \(RBAC\)/);
    assert.equal(kubectl(cluster, 'drain worker-1 --dry-run=client --as jane').exitCode, 0, 'the client dry run only reads');
  });
});

describe('simulator/kubectl/commands: drain --dry-run=client', () => {
  it('cordons and lists the Pods it would evict, with the warnings, and changes nothing', () => {
    const cluster = withWorkloads();
    const before = versions(cluster);
    const result = kubectl(cluster, 'drain worker-1 --dry-run=client --force');
    const evictions = podsOn(cluster, 'worker-1').map((name) => `evicting pod default/${name} (dry run)\n`);
    assert.deepEqual(result, {
      stdout: `node/worker-1 cordoned (dry run)\n${evictions.join('')}node/worker-1 drained (dry run)\n`,
      stderr: 'Warning: deleting Pods that declare no controller: default/lonely\n',
      exitCode: 0,
    });
    assert.deepEqual(versions(cluster), before);
  });

  it('refuses what a real drain refuses, with the same errors', () => {
    const cluster = withWorkloads();
    const before = versions(cluster);
    const result = kubectl(cluster, 'drain worker-1 --dry-run=client');
    const reason = 'cannot delete Pods declare no controller (use --force to override): default/lonely';
    assert.equal(result.stdout, 'node/worker-1 cordoned (dry run)\n');
    assert.equal(
      withoutHints(result.stderr),
      `error: unable to drain node "worker-1" due to error: ${reason}, continuing command...\nThere are pending nodes to be drained:\n worker-1\n${reason}\n`,
    );
    assert.equal(result.exitCode, 1);
    assert.deepEqual(versions(cluster), before);
  });

  it('prints every cordon line first, then drains each Node in turn (RunDrain)', () => {
    const cluster = withWorkloads();
    const lines = kubectl(cluster, 'drain worker-1 worker-2 --dry-run=client --force').stdout.split('\n');
    assert.deepEqual(lines.slice(0, 2), ['node/worker-1 cordoned (dry run)', 'node/worker-2 cordoned (dry run)']);
    assert.deepEqual(lines.filter((line) => line.includes('drained')), ['node/worker-1 drained (dry run)', 'node/worker-2 drained (dry run)']);
    assert.equal(lines.indexOf('node/worker-1 drained (dry run)'), 5, 'after the three Pods of worker-1');
  });

  it('lists the Pods with "evicting" even with --disable-eviction, as kubectl does', () => {
    const cluster = withWorkloads();
    assert.equal(kubectl(cluster, 'drain worker-2 --dry-run=client --disable-eviction').stdout.match(/^evicting pod default\/web-\S+ \(dry run\)$/gm)?.length, 2);
  });

  it('fails on an unknown Node before printing anything', () => {
    const result = kubectl(withWorkloads(), 'drain worker-1 worker-9 --dry-run=client --force');
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^Error from server \(NotFound\): nodes "worker-9" not found\n/);
  });
});

describe('simulator/kubectl/commands: drain --dry-run=server', () => {
  it('sends each eviction as a dry run: a budget with one disruption left lets them all through, and is left as it was', () => {
    const cluster = withWorkloads();
    withBudget(cluster, 3);
    assert.equal((cluster.store.get(PDBS, 'default', 'web-pdb').status as { disruptionsAllowed: number }).disruptionsAllowed, 1);
    const before = versions(cluster);
    const result = kubectl(cluster, 'drain worker-1 --dry-run=server --force');
    const evictions = podsOn(cluster, 'worker-1').map((name) => `evicting pod default/${name} (server dry run)\n`);
    assert.deepEqual(result, {
      stdout: `node/worker-1 cordoned (server dry run)\n${evictions.join('')}node/worker-1 drained (server dry run)\n`,
      stderr: 'Warning: deleting Pods that declare no controller: default/lonely\n',
      exitCode: 0,
    });
    assert.deepEqual(versions(cluster), before);
  });

  it('retries what the budget refuses every 5 s until --timeout, then lists the pending Pods', () => {
    const cluster = withWorkloads();
    withBudget(cluster, 4);
    const before = versions(cluster).slice(1);
    const [lonely, a, b] = podsOn(cluster, 'worker-1');
    assert.equal(lonely, 'lonely');
    const result = kubectl(cluster, 'drain worker-1 --dry-run=server --force --timeout=7s');
    const evicting = (name: string): string => `evicting pod default/${name} (server dry run)\n`;
    assert.equal(result.stdout, `node/worker-1 cordoned (server dry run)\n${evicting('lonely')}${evicting(a!)}${evicting(b!)}${evicting(a!)}${evicting(b!)}${evicting(a!)}${evicting(b!)}`);
    const refused = (name: string): string => `error when evicting pods/"${name}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`;
    const timedOut = (name: string): string => `error when evicting pods/"${name}" -n "default": global timeout reached: 7s`;
    const message = `[${timedOut(a!)}, ${timedOut(b!)}]`;
    assert.equal(
      withoutHints(result.stderr),
      'Warning: deleting Pods that declare no controller: default/lonely\n' +
        `${refused(a!)}${refused(b!)}${refused(a!)}${refused(b!)}` +
        `There are pending pods in node "worker-1" when an error occurred: ${message}\npod/lonely\npod/${a}\npod/${b}\n` +
        `error: unable to drain node "worker-1" due to error: ${message}, continuing command...\n` +
        `There are pending nodes to be drained:\n worker-1\n${timedOut(a!)}\n${timedOut(b!)}\n`,
    );
    assert.match(result.stderr, /💡 Le PodDisruptionBudget n'a pas permis/);
    assert.equal(result.exitCode, 1);
    assert.deepEqual(versions(cluster).slice(1), before, 'the Pods, the Nodes and the budget are unchanged');
  });

  it('with --disable-eviction, waits (as kubectl v1.30 does) for Pods a dry-run DELETE never removes', () => {
    const cluster = withWorkloads();
    const before = versions(cluster).slice(1);
    const result = kubectl(cluster, 'drain worker-2 --dry-run=server --disable-eviction --timeout=3s');
    const [a, b] = podsOn(cluster, 'worker-2');
    assert.equal(result.stdout, 'node/worker-2 cordoned (server dry run)\n');
    assert.equal(
      withoutHints(result.stderr),
      `There are pending pods in node "worker-2" when an error occurred: context deadline exceeded\npod/${a}\npod/${b}\n` +
        'error: unable to drain node "worker-2" due to error: context deadline exceeded, continuing command...\n' +
        'There are pending nodes to be drained:\n worker-2\nerror: context deadline exceeded\n',
    );
    assert.equal(result.exitCode, 1);
    assert.deepEqual(versions(cluster).slice(1), before);
    const forever = kubectl(cluster, 'drain worker-2 --dry-run=server --disable-eviction');
    assert.equal(forever.exitCode, 1);
    assert.match(forever.stderr, /^💡 Avec --dry-run=server et --disable-eviction, kubectl v1\.30 supprime les Pods « pour de faux »/);
  });
});

/** A user who may read Nodes and Pods and evict Pods, but not patch Nodes. */
const EVICTOR = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: evictor}
rules:
- {apiGroups: [""], resources: ["nodes", "pods"], verbs: ["get", "list"]}
- {apiGroups: [""], resources: ["pods/eviction"], verbs: ["create"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: jane-evicts}
subjects: [{kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}]
roleRef: {kind: ClusterRole, name: evictor, apiGroup: rbac.authorization.k8s.io}
`;

const unmanaged = 'cannot delete Pods declare no controller (use --force to override): default/lonely';

describe('simulator/kubectl/commands: drain (for real)', () => {
  it('puts several refusals in brackets on the "unable to drain" line, and one a line at the end', () => {
    const cluster = withWorkloads();
    cluster.store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'scratch', namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid: 'u', controller: true }] },
      spec: { nodeName: 'worker-1', containers: [{ name: 'app', image: 'nginx:1.27' }], volumes: [{ name: 'tmp', emptyDir: {} }] },
    });
    const before = podsOn(cluster, 'worker-1');
    const result = kubectl(cluster, 'drain worker-1');
    const local = 'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch';
    assert.equal(result.stdout, 'node/worker-1 cordoned\n');
    assert.equal(
      withoutHints(result.stderr),
      `error: unable to drain node "worker-1" due to error: [${unmanaged}, ${local}], continuing command...\nThere are pending nodes to be drained:\n worker-1\n${unmanaged}\n${local}\n`,
    );
    assert.equal(result.exitCode, 1);
    assert.deepEqual(podsOn(cluster, 'worker-1'), before, 'nothing evicted');
  });

  it('lists the Pods left on the Node when evictions fail at --timeout', () => {
    const cluster = withWorkloads();
    withBudget(cluster, 4);
    const [lonely, a, b] = podsOn(cluster, 'worker-1');
    assert.equal(lonely, 'lonely');
    const result = kubectl(cluster, 'drain worker-1 --force --timeout=7s');
    const evicting = (name: string): string => `evicting pod default/${name}\n`;
    assert.equal(result.stdout, `node/worker-1 cordoned\n${evicting('lonely')}${evicting(a!)}${evicting(b!)}pod/lonely evicted\n${evicting(a!)}${evicting(b!)}${evicting(a!)}${evicting(b!)}`);
    const refused = (name: string): string => `error when evicting pods/"${name}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`;
    const timedOut = (name: string): string => `error when evicting pods/"${name}" -n "default": global timeout reached: 7s`;
    const message = `[${timedOut(a!)}, ${timedOut(b!)}]`;
    assert.equal(
      withoutHints(result.stderr),
      'Warning: deleting Pods that declare no controller: default/lonely\n' +
        `${refused(a!)}${refused(b!)}${refused(a!)}${refused(b!)}` +
        `There are pending pods in node "worker-1" when an error occurred: ${message}\npod/${a}\npod/${b}\n` +
        `error: unable to drain node "worker-1" due to error: ${message}, continuing command...\n` +
        `There are pending nodes to be drained:\n worker-1\n${timedOut(a!)}\n${timedOut(b!)}\n`,
    );
    assert.equal(result.exitCode, 1);
    assert.deepEqual(podsOn(cluster, 'worker-1'), [a, b], 'lonely went, the budget kept the others');
  });

  it('cordons every Node first, drains each in turn, and names the Nodes left once at the end', () => {
    const cluster = withWorkloads();
    withBudget(cluster, 4);
    const [a, b] = podsOn(cluster, 'worker-2');
    const result = kubectl(cluster, 'drain worker-1 worker-2 --timeout=3s');
    const timedOut = (name: string): string => `error when evicting pods/"${name}" -n "default": global timeout reached: 3s`;
    assert.equal(result.stdout, `node/worker-1 cordoned\nnode/worker-2 cordoned\nevicting pod default/${a}\nevicting pod default/${b}\nevicting pod default/${a}\nevicting pod default/${b}\n`);
    const lines = withoutHints(result.stderr).split('\n');
    assert.deepEqual(lines.slice(0, 1), [`error: unable to drain node "worker-1" due to error: ${unmanaged}, continuing command...`]);
    assert.deepEqual(lines.slice(-6), ['There are pending nodes to be drained:', ' worker-1', ' worker-2', unmanaged, `[${timedOut(a!)}, ${timedOut(b!)}]`, '']);
    assert.equal(lines.filter((line) => line === 'There are pending nodes to be drained:').length, 1);
    assert.equal(result.exitCode, 1);
    assert.equal(cluster.store.list(NODES).filter((node) => (node.spec as { unschedulable?: boolean }).unschedulable === true).length, 2);
  });

  it('goes on after a refused cordon, and succeeds, as kubectl does', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27 --replicas=4');
    assert.equal(kubectl(cluster, 'apply -f rbac.yaml', { 'rbac.yaml': EVICTOR }).exitCode, 0);
    const forbidden = 'error: unable to cordon node "worker-1": nodes "worker-1" is forbidden: User "jane" cannot patch resource "nodes" in API group "" at the cluster scope';
    const cordon = kubectl(cluster, 'cordon worker-1 --as jane');
    assert.deepEqual({ ...cordon, stderr: withoutHints(cordon.stderr) }, { stdout: '', stderr: `${forbidden}\n`, exitCode: 0 });
    assert.match(cordon.stderr, /\n💡 Accès refusé \(403\)/);
    const uncordon = kubectl(cluster, 'uncordon worker-1 --as jane');
    assert.deepEqual(uncordon, { stdout: 'node/worker-1 already uncordoned\n', stderr: '', exitCode: 0 }, 'nothing to patch, nothing refused');
    const [a, b] = podsOn(cluster, 'worker-1');
    const drain = kubectl(cluster, 'drain worker-1 --as jane');
    assert.equal(withoutHints(drain.stderr), `${forbidden}\n`);
    const lines = drain.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 2), [`evicting pod default/${a}`, `evicting pod default/${b}`]);
    assert.deepEqual(lines.slice(-2), ['node/worker-1 drained', '']);
    assert.equal(drain.exitCode, 0);
    assert.equal((cluster.store.get(NODES, '', 'worker-1').spec as { unschedulable?: boolean }).unschedulable, undefined, 'still schedulable');
  });

  it('reads every Node before cordoning any', () => {
    const cluster = testCluster();
    const result = kubectl(cluster, 'cordon worker-1 worker-9');
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^Error from server \(NotFound\): nodes "worker-9" not found\n/);
    assert.equal(result.exitCode, 1);
    assert.equal((cluster.store.get(NODES, '', 'worker-1').spec as { unschedulable?: boolean }).unschedulable, undefined);
    assert.equal(kubectl(cluster, 'drain worker-1 worker-9').stdout, '');
  });
});
