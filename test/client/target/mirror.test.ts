// The stand-in for `vscode` first: the target's documents load the views' module.
import '../support/vscode';
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ClusterTreeModel } from '../../../client/src/cluster/treeModel';
import { buildEventList } from '../../../client/src/cluster/events';
import { summarize } from '../../../client/src/cluster/summary';
import type { TargetService } from '../../../client/src/target/service';
import { bareCluster } from '../support/cluster';
import { l10n } from '../support/l10n';
import { serveCluster, until, type RemoteCluster } from './support';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const PODS = kindInfo('v1', 'Pod')!;
const NODES = kindInfo('v1', 'Node')!;
const CONFIGMAPS = kindInfo('v1', 'ConfigMap')!;

const web = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } };

describe('client target: a real cluster mirrored through client-node', () => {
  let remote: RemoteCluster;
  let target: TargetService;

  beforeEach(async () => {
    remote = await serveCluster(bareCluster());
    target = remote.target();
  });

  afterEach(() => remote?.close());

  it('lists the contexts of the kubeconfig', () => {
    assert.deepEqual(
      target.contexts().map((c) => [c.name, c.server, c.namespace]),
      [
        ['atelier', remote.facade.url, undefined],
        ['jane', remote.facade.url, 'default'],
      ],
    );
  });

  it('fills the mirror with what the server lists, and the tree shows it', async () => {
    remote.cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { mode: 'dev' } });
    await target.select('atelier');
    assert.equal(target.remote?.context, 'atelier');
    const { store } = target.view();
    assert.deepEqual(store.list(NODES).map((node) => (node.metadata as { name: string }).name), remote.cluster.store.list(NODES).map((node) => (node.metadata as { name: string }).name));
    assert.equal((store.find(CONFIGMAPS, 'default', 'settings')?.data as { mode?: string }).mode, 'dev');
    // The objects keep the server's identity: uid and resourceVersion as served.
    assert.equal((store.find(CONFIGMAPS, 'default', 'settings')?.metadata as { uid: string }).uid, (remote.cluster.store.find(CONFIGMAPS, 'default', 'settings')?.metadata as { uid: string }).uid);
    const tree = new ClusterTreeModel(() => target.view(), l10n);
    assert.deepEqual(tree.roots.map((root) => root.id).slice(0, 2), ['nodes', 'ns/default']);
    assert.ok(tree.node('ns/default/config/configmap/settings'));
    assert.equal(summarize(store, Date.now(), l10n).nodes, 3);
  });

  it('follows what is created and deleted through the API server', async () => {
    await target.select('atelier');
    const tree = new ClusterTreeModel(() => target.view(), l10n);
    let changes = 0;
    target.onDidChange(() => {
      changes++;
      tree.rebuild();
    });
    const client = target.remote!.client;
    await client.json('POST', client.resourcePath(DEPLOYMENTS, 'default'), { body: JSON.stringify(web), contentType: 'application/json' });
    await until(() => tree.node('ns/default/workloads/deployment/web'), 'the Deployment in the tree');
    assert.ok(changes > 0);
    await client.request('DELETE', client.resourcePath(DEPLOYMENTS, 'default', 'web'));
    await until(() => !tree.node('ns/default/workloads/deployment/web'), 'the Deployment gone from the tree');
    assert.equal(target.view().store.find(DEPLOYMENTS, 'default', 'web'), undefined);
  });

  it('shows the events the cluster records', async () => {
    await target.select('atelier');
    remote.cluster.store.create({ apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.1', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' }, reason: 'BackOff', message: 'Back-off restarting failed container', type: 'Warning', count: 3 });
    // A write straight into the store reaches the facade's watchers as a change of the server.
    const events = await until(() => {
      const list = buildEventList(target.view().store, l10n);
      return list.length > 0 && list;
    }, 'the event');
    assert.deepEqual(events.map((event) => [event.label, event.warning]), [['BackOff · pod/web', true]]);
  });

  it('skips what the user may not list, namespace by namespace, and says so', async () => {
    // jane may read the Pods of `default`, nothing else.
    remote.cluster.store.create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'pod-reader', namespace: 'default' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }] });
    remote.cluster.store.create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'jane-reads-pods', namespace: 'default' }, subjects: [{ kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' }], roleRef: { kind: 'Role', name: 'pod-reader', apiGroup: 'rbac.authorization.k8s.io' } });
    remote.cluster.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    await target.select('jane');
    assert.ok(target.view().store.find(PODS, 'default', 'solo'));
    assert.equal(target.view().store.list(NODES).length, 0);
    const skipped = target.skipped().map((s) => `${s.resource}${s.namespace ? `@${s.namespace}` : ''}`);
    assert.ok(skipped.includes('namespaces'), skipped.join());
    assert.ok(skipped.includes('nodes'), skipped.join());
    assert.ok(skipped.includes('deployments.apps@default'), skipped.join());
    assert.ok(!skipped.some((s) => s.startsWith('pods')), skipped.join());
    const refusal = target.skipped().find((s) => s.resource === 'nodes')!.error;
    assert.equal(refusal.code, 403);
    assert.match(refusal.message, /nodes is forbidden: User "jane" cannot list resource "nodes"/);
    // Still no error item: the tree shows what could be read.
    assert.equal(target.view().roots, undefined);
  });

  it('goes back to the simulated cluster and stops following the real one', async () => {
    await target.select('atelier');
    const mirror = target.remote!.mirror;
    await target.select('');
    assert.equal(target.remote, undefined);
    remote.cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', namespace: 'default' } });
    // Another target, started after the write, sees it; the one left behind does not.
    const other = remote.target();
    await other.select('atelier');
    assert.ok(other.view().store.find(CONFIGMAPS, 'default', 'late'));
    assert.equal(mirror.store.find(CONFIGMAPS, 'default', 'late'), undefined);
    // The views read the simulated cluster again (its own nodes).
    assert.equal(target.view().store.list(NODES).length, 3);
    assert.equal(target.view().store.find(CONFIGMAPS, 'default', 'settings'), undefined);
  });
});
