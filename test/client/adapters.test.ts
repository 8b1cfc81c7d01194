// The stand-in for `vscode` first: the adapters below require it when they load.
import { fakeDocument, Uri, vscode } from './support/vscode';
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../simulator/src/api/catalog';
import type { StateFs } from '../../client/src/cluster/persistence';
import { ClusterTreeModel } from '../../client/src/cluster/treeModel';
import { applyFile, applyFolder, applySelection } from '../../client/src/commands/applyFile';
import { exportCluster, importCluster, resetCluster } from '../../client/src/commands/clusterState';
import { deleteFile } from '../../client/src/commands/deleteFile';
import { COMMAND_IDS } from '../../client/src/commands/ids';
import { registerCommands } from '../../client/src/commands/index';
import { deleteResource, showResource } from '../../client/src/commands/resource';
import type { AtelierContext } from '../../client/src/context';
import { syncInventory } from '../../client/src/inventorySync';
import { openClusterState, persistCluster } from '../../client/src/state';
import { ClusterTreeProvider } from '../../client/src/views/clusterTree';
import { EventsProvider } from '../../client/src/views/eventsView';
import { bareService, deployment, service } from './support/cluster';
import { l10n } from './support/l10n';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;

/** A context as activate() builds it, over a bare cluster, with an output channel that records. */
function context() {
  vscode.reset();
  const cluster = bareService();
  const tree = new ClusterTreeModel(() => ({ store: cluster.cluster.store, now: cluster.cluster.clock.now() }), l10n);
  cluster.onDidChange(() => tree.rebuild());
  const lines: string[] = [];
  const log = (level: string) => (text: string) => void lines.push(`${level} ${text}`);
  const output = { info: log('info'), warn: log('warn'), error: log('error'), show: () => void lines.push('show') };
  const extension = { subscriptions: [] as { dispose(): unknown }[], storageUri: Uri.file('/storage'), globalStorageUri: Uri.file('/global') };
  const time = { paused: false, speed: 1, pause: () => Promise.resolve(), resume: () => Promise.resolve() };
  const ctx = { extension, output, cluster, tree, time } as unknown as AtelierContext;
  return { ctx, cluster, lines, extension };
}

describe('client commands (vscode stubbed at the edge)', () => {
  it('applies the file clicked in the explorer and reports in the output and a notification', async () => {
    const { ctx, lines } = context();
    vscode.files.set('/ws/web.yaml', `${deployment('web')}---\n${service('web')}`);
    const report = await applyFile(ctx)(Uri.file('/ws/web.yaml'));
    assert.deepEqual(report?.results.map((r) => r.text), ['deployment.apps/web created', 'service/web created']);
    assert.deepEqual(lines, ['info kubectl apply -f web.yaml', 'info deployment.apps/web created', 'info service/web created']);
    assert.deepEqual(vscode.window.shown.map((s) => [s.severity, s.message]), [['info', 'web.yaml : deployment.apps/web created, service/web created']]);
  });

  it("applies the active editor's text, saved or not", async () => {
    const { ctx, cluster } = context();
    const uri = Uri.file('/ws/web.yaml');
    vscode.files.set('/ws/web.yaml', deployment('old'));
    const document = fakeDocument(uri, deployment('new'));
    vscode.workspace.textDocuments.push(document);
    vscode.window.activeTextEditor = { document, selections: [] };
    await applyFile(ctx)();
    assert.ok(cluster.cluster.store.find(DEPLOYMENTS, 'default', 'new'));
    assert.equal(cluster.cluster.store.find(DEPLOYMENTS, 'default', 'old'), undefined);
  });

  it('says what to do when there is nothing to apply', async () => {
    const { ctx } = context();
    assert.equal(await applyFile(ctx)(), undefined);
    assert.equal(vscode.window.shown[0]?.severity, 'warning');
  });

  it('applies a folder as kubectl apply -f DIR: its manifests in name order, not its subfolders', async () => {
    const { ctx } = context();
    vscode.files.set('/ws/k8s/b.yml', service('b'));
    vscode.files.set('/ws/k8s/a.yaml', deployment('a'));
    vscode.files.set('/ws/k8s/notes.txt', 'not a manifest');
    vscode.files.set('/ws/k8s/sub/c.yaml', deployment('c'));
    const report = await applyFolder(ctx)(Uri.file('/ws/k8s'));
    assert.deepEqual(report?.sources, ['k8s/a.yaml', 'k8s/b.yml']);
    assert.deepEqual(report?.results.map((r) => r.text), ['deployment.apps/a created', 'service/b created']);
    // The same folder chosen in the explorer with "Appliquer le fichier" works too.
    const again = await applyFile(ctx)(Uri.file('/ws/k8s'), [Uri.file('/ws/k8s')]);
    assert.deepEqual(again?.results.map((r) => r.text), ['deployment.apps/a unchanged', 'service/b unchanged']);
  });

  it("applies the selection, with the file's line numbers in errors", async () => {
    const { ctx, lines } = context();
    const text = `${service('ok')}---\n${deployment('bad', -1)}`;
    const document = fakeDocument(Uri.file('/ws/web.yaml'), text);
    vscode.window.activeTextEditor = { document, selections: [{ isEmpty: false, start: { line: 11 }, end: { line: 30 } }] };
    const report = await applySelection(ctx)();
    assert.deepEqual(report?.results.map((r) => [r.outcome, r.line]), [['failed', 12]]);
    assert.match(lines.at(-1) ?? '', /\(web\.yaml, ligne 12\)$/);
    assert.equal(vscode.window.shown[0]?.severity, 'error');
  });

  it('deletes what a file declares', async () => {
    const { ctx, cluster } = context();
    vscode.files.set('/ws/web.yaml', deployment('web'));
    await applyFile(ctx)(Uri.file('/ws/web.yaml'));
    const report = await deleteFile(ctx)(Uri.file('/ws/web.yaml'));
    assert.deepEqual(report?.results.map((r) => r.text), ['deployment.apps "web" deleted']);
    assert.equal(cluster.cluster.store.find(DEPLOYMENTS, 'default', 'web'), undefined);
  });

  it('shows and deletes the object behind a tree item', async () => {
    const { ctx, cluster, lines } = context();
    cluster.applyText(deployment('web'), 'web.yaml');
    const id = 'ns/default/workloads/deployment/web';
    const document = (await showResource(ctx)(id)) as unknown as { languageId: string; getText(): string };
    assert.equal(document.languageId, 'yaml');
    assert.match(document.getText(), /^apiVersion: apps\/v1\nkind: Deployment\n/);
    assert.equal(deleteResource(ctx)(id)?.text, 'deployment.apps "web" deleted');
    assert.deepEqual(lines.slice(-2), ['info kubectl delete deployment web -n default', 'info deployment.apps "web" deleted']);
    assert.equal(await showResource(ctx)(id), undefined);
  });

  it('exports the cluster and imports it back after a confirmation', async () => {
    const { ctx, cluster } = context();
    cluster.applyText(deployment('web'), 'web.yaml');
    const file = Uri.file('/ws/cluster.yaml');
    await exportCluster(ctx)(file);
    const saved = cluster.save();
    assert.match(vscode.files.get('/ws/cluster.yaml') ?? '', /format: atelier-kubernetes\/cluster-v1/);
    cluster.reset();
    vscode.window.answers.push(undefined);
    assert.equal(await importCluster(ctx)(file), false, 'cancelled: nothing replaced');
    assert.equal(cluster.cluster.store.find(DEPLOYMENTS, 'default', 'web'), undefined);
    vscode.window.answers.push('Remplacer');
    assert.equal(await importCluster(ctx)(file), true);
    assert.deepEqual(cluster.save(), saved);
  });

  it('explains in French why a file cannot be imported', async () => {
    const { ctx } = context();
    vscode.files.set('/ws/web.yaml', deployment('web'));
    vscode.window.answers.push('Remplacer');
    assert.equal(await importCluster(ctx)(Uri.file('/ws/web.yaml')), false);
    const error = vscode.window.shown.find((shown) => shown.severity === 'error');
    assert.match(error?.message ?? '', /^web\.yaml n'a pas été importé : not a cluster export .* — Ce fichier n'est pas un export de cluster/);
  });

  it('resets the cluster only once confirmed', async () => {
    const { ctx, cluster } = context();
    cluster.applyText(deployment('web'), 'web.yaml');
    vscode.window.answers.push(undefined);
    assert.equal(await resetCluster(ctx)(), false);
    assert.ok(cluster.cluster.store.find(DEPLOYMENTS, 'default', 'web'));
    vscode.window.answers.push('Réinitialiser');
    assert.equal(await resetCluster(ctx)(), true);
    assert.equal(cluster.cluster.store.find(DEPLOYMENTS, 'default', 'web'), undefined);
  });

  it('registers every command of the table, each disposable kept by the extension', () => {
    const { ctx, extension } = context();
    registerCommands(ctx);
    assert.deepEqual([...vscode.commands.registered.keys()].sort(), Object.values(COMMAND_IDS).sort());
    assert.equal(extension.subscriptions.length, Object.values(COMMAND_IDS).length);
  });
});

describe('client views (vscode stubbed at the edge)', () => {
  it('draws tree nodes with themed colours and refreshes only what changed', () => {
    const { cluster } = context();
    const model = new ClusterTreeModel(() => ({ store: cluster.cluster.store, now: cluster.cluster.clock.now() }), l10n);
    const provider = new ClusterTreeProvider(model);
    const fired: unknown[] = [];
    provider.onDidChangeTreeData((ids) => fired.push(ids));
    const node = provider.getTreeItem('nodes/worker-1') as unknown as { id: string; collapsibleState: number; iconPath: { id: string; color?: { id: string } } };
    assert.deepEqual([node.id, node.iconPath.id, node.iconPath.color?.id, node.collapsibleState], ['nodes/worker-1', 'vm', 'testing.iconPassed', vscode.TreeItemCollapsibleState.None]);
    provider.refresh();
    assert.deepEqual(fired, [], 'nothing changed, nothing redrawn');
    cluster.applyText(deployment('web', 2), 'web.yaml');
    provider.refresh();
    assert.deepEqual(fired, [['ns/default']]);
    const web = provider.getTreeItem('ns/default/workloads/deployment/web') as unknown as { iconPath: { color?: { id: string } }; description: string; contextValue: string };
    assert.deepEqual([web.iconPath.color?.id, web.description, web.contextValue], ['charts.yellow', '0/2 prêts', 'resource.Deployment']);
    assert.equal(provider.getParent('ns/default/workloads/deployment/web'), 'ns/default/workloads');
  });

  it('redraws the events only when they changed', () => {
    let events = [{ id: 'default/a', warning: true, label: 'BackOff · pod/web', description: 'x', tooltip: 'x' }];
    const provider = new EventsProvider(() => events);
    assert.deepEqual(provider.getChildren(), ['default/a']);
    assert.equal(provider.warnings, 1);
    assert.equal(provider.refresh(), false);
    events = [];
    assert.equal(provider.refresh(), true);
    assert.deepEqual(provider.getChildren(), []);
  });
});

describe('client state and inventory wiring (vscode stubbed at the edge)', () => {
  /** Files in memory. */
  const memoryFs = (files: Map<string, string>): StateFs => ({
    readFile: (file) => files.get(file),
    writeFile: (file, text) => void files.set(file, text),
    rename(from, to) {
      files.set(to, files.get(from)!);
      files.delete(from);
    },
    exists: (file) => files.has(file),
    mkdir: () => undefined,
  });

  it('reports a corrupt state file, keeps it aside and starts a new cluster', () => {
    const { extension, lines } = context();
    const files = new Map([['/storage/cluster.json', '{ broken']]);
    const state = openClusterState(extension as never, { info: () => undefined, error: (text: string) => lines.push(text) } as never, memoryFs(files));
    assert.equal(state.initial, undefined);
    assert.equal(state.writable, true);
    assert.equal(files.get('/storage/cluster.json.corrupt-1'), '{ broken');
    assert.match(vscode.window.shown[0]?.message ?? '', /illisible .* gardé de côté dans \/storage\/cluster\.json\.corrupt-1/);
    assert.match(lines[0] ?? '', /does not load/);
  });

  it('saves the cluster when VS Code closes, and restores it at the next start', () => {
    const { extension, cluster, ctx } = context();
    const files = new Map<string, string>();
    const state = openClusterState(extension as never, ctx.output, memoryFs(files));
    persistCluster(extension as never, ctx.output, cluster, state);
    cluster.applyText(deployment('web'), 'web.yaml');
    for (const disposable of extension.subscriptions) disposable.dispose();
    assert.ok(files.has('/storage/cluster.json'));
    const restored = openClusterState(extension as never, ctx.output, memoryFs(files));
    assert.ok(restored.initial?.store.find(DEPLOYMENTS, 'default', 'web'));
  });

  it("sends the language server the cluster's inventory", async () => {
    const { ctx, cluster } = context();
    const sent: { resources: { kind: string; name: string }[]; images: string[] }[] = [];
    const sync = syncInventory(ctx, (inventory) => (sent.push(inventory), Promise.resolve()));
    cluster.applyText(deployment('web'), 'web.yaml');
    sync.resend();
    await Promise.resolve();
    assert.equal(sent.length, 1);
    assert.ok(sent[0]?.resources.some((resource) => resource.kind === 'Deployment' && resource.name === 'web'));
    assert.ok(sent[0]?.images.includes('nginx'));
    for (const disposable of ctx.extension.subscriptions) disposable.dispose();
  });
});
