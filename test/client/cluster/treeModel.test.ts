import * as assert from 'node:assert/strict';
import type { Cluster } from '../../../simulator/src/cluster';
import { kindInfo } from '../../../simulator/src/api/catalog';
import type { KubeObject } from '../../../simulator/src/store/store';
import { buildClusterTree, changedIds, ClusterTreeModel, indexTree, type TreeNode } from '../../../client/src/cluster/treeModel';
import { addPod, bareCluster, crashLoopStatus, deployment, ownedPod, runningStatus } from '../support/cluster';
import { l10n } from '../support/l10n';
import { ClusterService } from '../../../client/src/cluster/service';

const RS = 'ns/default/workloads/deployment/web/replicaset/web-abc';

/** A Deployment with its ReplicaSet and three Pods (ready, crash-looping, unschedulable), and a Pod of its own. */
function scenario(): { cluster: Cluster; replicaSet: KubeObject } {
  const cluster = bareCluster();
  const service = new ClusterService({ initial: cluster, schedule: (callback) => callback() });
  service.applyText(deployment('web', 3), 'web.yaml');
  const owner = cluster.store.get(kindInfo('apps/v1', 'Deployment')!, 'default', 'web');
  const ownerMeta = owner.metadata as { uid: string };
  const replicaSet = cluster.store.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-abc',
      namespace: 'default',
      annotations: { 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: ownerMeta.uid, controller: true }],
    },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  });
  addPod(cluster, ownedPod('web-abc-1', replicaSet, 'worker-1', runningStatus(true)));
  addPod(cluster, ownedPod('web-abc-2', replicaSet, 'worker-2', crashLoopStatus(4)));
  addPod(
    cluster,
    ownedPod('web-abc-3', replicaSet, undefined, {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' }],
    }),
  );
  addPod(cluster, ownedPod('solo', undefined, 'worker-1', runningStatus(true)));
  return { cluster, replicaSet };
}

const tree = (cluster: Cluster): TreeNode[] => buildClusterTree(cluster.store, cluster.clock.now(), l10n);
const find = (roots: TreeNode[], id: string): TreeNode => {
  const node = indexTree(roots).nodes.get(id);
  assert.ok(node, `no node ${id}; ids: ${[...indexTree(roots).nodes.keys()].join(', ')}`);
  return node;
};
const labels = (nodes: readonly TreeNode[]) => nodes.map((node) => node.label);

describe('client/cluster/treeModel: the "Cluster simulé" tree', () => {
  it('starts with the nodes, then default, then the other namespaces', () => {
    const cluster = bareCluster();
    cluster.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    const roots = tree(cluster);
    // A fresh cluster also has the default StorageClass and the bootstrap ClusterRoles.
    assert.deepEqual(labels(roots), ['Nœuds', 'default', 'dev', 'kube-node-lease', 'kube-public', 'kube-system', 'Stockage du cluster', 'Accès au cluster']);
    assert.deepEqual(labels(roots[0]!.children), ['control-plane', 'worker-1', 'worker-2']);
    assert.equal(roots[0]!.children[1]!.state, 'ready');
    assert.equal(roots[0]!.children[1]!.description, 'Ready · 0 Pods');
    assert.equal(roots[2]!.description, 'vide');
  });

  it('shows Deployments → ReplicaSets → Pods, and Pods without owner on their own', () => {
    const roots = tree(scenario().cluster);
    const workloads = find(roots, 'ns/default/workloads');
    assert.equal(workloads.label, 'Charges de travail');
    assert.deepEqual(labels(workloads.children), ['web', 'solo']);
    const web = find(roots, 'ns/default/workloads/deployment/web');
    assert.equal(web.description, '0/3 prêts');
    assert.equal(web.state, 'progressing');
    assert.equal(web.contextValue, 'resource.Deployment');
    assert.deepEqual(web.resource, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default' });
    assert.deepEqual(labels(find(roots, RS).children), ['web-abc-1', 'web-abc-2', 'web-abc-3']);
  });

  it('gives each Pod its state at a glance, in kubectl words', () => {
    const roots = tree(scenario().cluster);
    const [ready, crashing, pending] = find(roots, RS).children;
    assert.deepEqual([ready?.state, ready?.description], ['ready', 'Running']);
    assert.deepEqual([crashing?.state, crashing?.description], ['failing', 'CrashLoopBackOff (4)']);
    assert.match(crashing?.tooltip ?? '', /^Pod default\/web-abc-2\n/);
    assert.match(crashing?.tooltip ?? '', /Redémarrages : 4/);
    assert.match(crashing?.tooltip ?? '', /back-off 40s restarting failed container=web/);
    assert.deepEqual([pending?.state, pending?.description], ['failing', 'Pending']);
    assert.match(pending?.tooltip ?? '', /0\/3 nodes are available: 3 Insufficient cpu\./);
  });

  it('colours groups by what is worst inside them, never green', () => {
    const roots = tree(scenario().cluster);
    assert.equal(find(roots, 'ns/default').state, 'failing');
    assert.equal(find(roots, 'ns/default/workloads').state, 'failing');
    assert.equal(find(roots, 'ns/kube-system').state, 'neutral');
  });

  it('lists each node\'s Pods, and those waiting for a node apart', () => {
    const roots = tree(scenario().cluster);
    assert.deepEqual(labels(find(roots, 'nodes/worker-1').children), ['default/solo', 'default/web-abc-1']);
    assert.equal(find(roots, 'nodes/worker-1').description, 'Ready · 2 Pods');
    const waiting = find(roots, 'nodes/~pending');
    assert.equal(waiting.label, 'En attente de placement');
    assert.deepEqual(labels(waiting.children), ['default/web-abc-3']);
  });

  it('puts each kind in its group, and cluster-level objects at the end', () => {
    const cluster = bareCluster();
    new ClusterService({ initial: cluster }).applyText(
      [
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: "1", b: "2"}',
        'apiVersion: v1\nkind: Secret\nmetadata: {name: password}\nstringData: {p: x}',
        'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}',
        'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot}',
        'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: example.com/fast',
      ].join('\n---\n'),
      'all.yaml',
    );
    const roots = tree(cluster);
    assert.deepEqual(labels(find(roots, 'ns/default').children), ['Réseau', 'Configuration', 'Accès']);
    assert.ok(labels(find(roots, 'ns/default/network').children).includes('web'));
    assert.deepEqual(labels(find(roots, 'ns/default/config').children), ['settings', 'password']);
    assert.equal(find(roots, 'ns/default/config/configmap/settings').description, '2 clés');
    assert.deepEqual(labels(roots.slice(-2)), ['Stockage du cluster', 'Accès au cluster']);
    assert.equal(find(roots, 'cluster/storage/storageclass/fast').description, 'example.com/fast');
    assert.ok(find(roots, 'cluster/storage/storageclass/standard'));
  });

  it('tells what only the learner can move on: a cordoned node, a Service that no Pod matches', () => {
    const cluster = bareCluster();
    const worker = cluster.store.get(kindInfo('v1', 'Node')!, '', 'worker-2');
    cluster.store.update({ ...worker, spec: { ...(worker.spec as object), unschedulable: true } });
    new ClusterService({ initial: cluster }).applyText('apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}', 'svc.yaml');
    cluster.store.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' } });
    let roots = tree(cluster);
    const cordoned = find(roots, 'nodes/worker-2');
    assert.deepEqual([cordoned.state, cordoned.steady, cordoned.description], ['progressing', true, 'Ready,SchedulingDisabled · 0 Pods']);
    const lonely = find(roots, 'ns/default/network/service/web');
    assert.deepEqual([lonely.state, lonely.steady], ['progressing', true]);
    assert.match(lonely.tooltip, /Aucun Pod ne porte les labels app=web/);
    // A Pod with the labels, not ready yet: the Service only has to wait.
    addPod(cluster, ownedPod('web-1', undefined, 'worker-1', runningStatus(false)));
    roots = tree(cluster);
    const waiting = find(roots, 'ns/default/network/service/web');
    assert.deepEqual([waiting.state, waiting.steady], ['progressing', undefined]);
    assert.doesNotMatch(waiting.tooltip, /Aucun Pod ne porte/);
  });

  it('marks groups and namespaces as summing up their children', () => {
    const roots = tree(scenario().cluster);
    assert.equal(find(roots, 'ns/default').rollup, true);
    assert.equal(find(roots, 'ns/default/workloads').rollup, true);
    assert.equal(find(roots, 'nodes').rollup, true);
    assert.equal(find(roots, 'ns/default/workloads/deployment/web').rollup, undefined);
  });

  it('keeps the same ids from one build to the next', () => {
    const { cluster } = scenario();
    assert.deepEqual([...indexTree(tree(cluster)).nodes.keys()], [...indexTree(tree(cluster)).nodes.keys()]);
  });
});

describe('client/cluster/treeModel: what to refresh', () => {
  it('refreshes nothing when nothing changed', () => {
    const { cluster } = scenario();
    assert.deepEqual(changedIds(tree(cluster), tree(cluster)), []);
  });

  it('refreshes only the nodes of an object whose description changed', () => {
    const { cluster } = scenario();
    const before = tree(cluster);
    const pods = kindInfo('v1', 'Pod')!;
    const pod = cluster.store.get(pods, 'default', 'web-abc-2');
    cluster.store.updateStatus({ ...pod, status: crashLoopStatus(5) });
    assert.deepEqual(changedIds(before, tree(cluster)), ['nodes/worker-2/default/pod/web-abc-2', `${RS}/pod/web-abc-2`]);
  });

  it('refreshes the parent when a child comes or goes', () => {
    const { cluster, replicaSet } = scenario();
    const before = tree(cluster);
    addPod(cluster, ownedPod('web-abc-4', replicaSet, 'worker-2', runningStatus(true)));
    assert.deepEqual(changedIds(before, tree(cluster)), ['nodes/worker-2', RS]);
  });

  it('refreshes everything when the top level changes (a new namespace)', () => {
    const { cluster } = scenario();
    const before = tree(cluster);
    cluster.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    assert.equal(changedIds(before, tree(cluster)), undefined);
  });

  it('keeps the last build for the view and the item commands', () => {
    const { cluster } = scenario();
    const model = new ClusterTreeModel(() => ({ store: cluster.store, now: cluster.clock.now() }), l10n);
    assert.equal(model.node(RS)?.label, 'web-abc');
    assert.equal(model.parent(RS), 'ns/default/workloads/deployment/web');
    assert.deepEqual(model.rebuild(), []);
  });
});
