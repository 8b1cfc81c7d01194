// The stand-in for `vscode` first: the commands require it when they load.
import { Uri, vscode } from '../support/vscode';
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ClusterTreeModel } from '../../../client/src/cluster/treeModel';
import { COMMAND_IDS, SETTINGS } from '../../../client/src/commands/ids';
import { COMMANDS } from '../../../client/src/commands/index';
import type { CommandContext } from '../../../client/src/commands/services';
import type { Report } from '../../../client/src/cluster/service';
import type { TargetService } from '../../../client/src/target/service';
import { bareCluster, deployment, service } from '../support/cluster';
import { l10n } from '../support/l10n';
import { serveCluster, type RemoteCluster } from './support';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const SERVICES = kindInfo('v1', 'Service')!;
const WEB = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default' };
const NODE = { apiVersion: 'v1', kind: 'Node', name: 'worker-1' };

/** What a command handler is, once built from the table. */
const command = (ctx: CommandContext, id: (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS]) => COMMANDS[id](ctx) as (...args: unknown[]) => Promise<unknown>;

/** The settings the choose command writes, recorded. */
const updates: [string, unknown, unknown][] = [];
const settings = new Map<string, unknown>();
const extra = {
  getConfiguration: () => ({
    get: (key: string, fallback: unknown) => settings.get(key) ?? fallback,
    update: (key: string, value: unknown, scope: unknown) => {
      updates.push([key, value, scope]);
      settings.set(key, value);
      return Promise.resolve();
    },
  }),
};

describe('client target: commands on a real cluster', () => {
  let remote: RemoteCluster;
  let target: TargetService;
  let ctx: CommandContext;
  let lines: string[];

  before(() => {
    Object.assign(vscode.workspace, { getConfiguration: extra.getConfiguration });
  });

  beforeEach(async () => {
    vscode.reset();
    updates.length = 0;
    settings.clear();
    remote = await serveCluster(bareCluster());
    target = remote.target();
    lines = [];
    const log = (level: string) => (text: string) => void lines.push(`${level} ${text}`);
    const output = { info: log('info'), warn: log('warn'), error: log('error'), show: () => undefined };
    const tree = new ClusterTreeModel(() => target.view(), l10n);
    // The simulated cluster behind the target (another one than the "real" cluster).
    const cluster = (target as unknown as { options: { cluster: CommandContext['cluster'] } }).options.cluster;
    ctx = { extension: { subscriptions: [] }, output, cluster, tree, time: {}, target } as unknown as CommandContext;
  });

  afterEach(() => remote?.close());

  it('refuses, with a message, what would change the real cluster', async () => {
    remote.cluster.store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } });
    await target.select('atelier');
    const attempts: [typeof COMMAND_IDS[keyof typeof COMMAND_IDS], unknown[]][] = [
      [COMMAND_IDS.scale, [WEB, 5]],
      [COMMAND_IDS.rolloutRestart, [WEB]],
      [COMMAND_IDS.rolloutUndo, [WEB, 1]],
      [COMMAND_IDS.deleteResource, ['ns/default/workloads/deployment/web']],
      [COMMAND_IDS.cordonNode, [NODE]],
      [COMMAND_IDS.drainNode, [NODE]],
      [COMMAND_IDS.failNode, [NODE]],
      [COMMAND_IDS.loadWorkload, [WEB, 80]],
      [COMMAND_IDS.resetCluster, []],
      [COMMAND_IDS.importCluster, [Uri.file('/ws/state.yaml')]],
    ];
    for (const [id, args] of attempts) assert.equal(await command(ctx, id)(...args), undefined, id);
    assert.equal(vscode.window.shown.length, attempts.length);
    for (const shown of vscode.window.shown) {
      assert.equal(shown.severity, 'warning');
      assert.match(shown.message, /modifierait le cluster réel « atelier » : l'Atelier ne fait que le lire/);
    }
    assert.match(vscode.window.shown[0]!.message, /^« kubectl scale »/);
    const live = remote.cluster.store.get(DEPLOYMENTS, 'default', 'web');
    assert.equal((live.spec as { replicas: number }).replicas, 2);
    assert.equal((live.metadata as { generation: number }).generation, 1);
  });

  it('refuses exec and port-forward, which only the simulated cluster offers', async () => {
    await target.select('atelier');
    assert.equal(await command(ctx, COMMAND_IDS.exec)(WEB), undefined);
    assert.equal(await command(ctx, COMMAND_IDS.portForward)(WEB), undefined);
    assert.deepEqual(
      vscode.window.shown.map((s) => s.message),
      [
        "« kubectl exec » n'est proposé que sur le cluster simulé : sur le cluster réel « atelier », lance-le dans un terminal avec le vrai kubectl.",
        "« kubectl port-forward » n'est proposé que sur le cluster simulé : sur le cluster réel « atelier », lance-le dans un terminal avec le vrai kubectl.",
      ],
    );
  });

  it('applies a file after a confirmation naming the context, object by object in kubectl words', async () => {
    await target.select('atelier');
    vscode.files.set('/ws/web.yaml', `${deployment('web')}---\n${service('web')}`);
    vscode.window.answers.push('Appliquer');
    const report = (await command(ctx, COMMAND_IDS.applyFile)(Uri.file('/ws/web.yaml'))) as Report;
    const question = vscode.window.shown[0]!;
    assert.equal(question.message, 'Appliquer 2 objets au cluster réel « atelier » ?');
    assert.deepEqual(question.items[1], 'Appliquer');
    assert.equal((question.items[0] as { modal: boolean }).modal, true);
    assert.match((question.items[0] as { detail: string }).detail, /^deployment\.apps\/web, service\/web\n/);
    assert.deepEqual(report.results.map((r) => r.text), ['deployment.apps/web created', 'service/web created']);
    assert.deepEqual(vscode.window.shown[1]?.message, 'web.yaml : deployment.apps/web created, service/web created');
    assert.ok(lines.includes('info kubectl apply -f web.yaml'));
    // On the real cluster, with the Atelier as its field manager; the simulated one is left alone.
    assert.ok(remote.cluster.store.find(DEPLOYMENTS, 'default', 'web'));
    assert.ok(remote.cluster.store.find(SERVICES, 'default', 'web'));
    assert.equal(ctx.cluster.cluster.store.find(DEPLOYMENTS, 'default', 'web'), undefined);
    // The same file again changes nothing; a changed one is configured.
    vscode.window.answers.push('Appliquer');
    const again = (await command(ctx, COMMAND_IDS.applyFile)(Uri.file('/ws/web.yaml'))) as Report;
    assert.deepEqual(again.results.map((r) => r.outcome), ['unchanged', 'unchanged']);
    vscode.files.set('/ws/web.yaml', deployment('web', 3));
    vscode.window.answers.push('Appliquer');
    const changed = (await command(ctx, COMMAND_IDS.applyFile)(Uri.file('/ws/web.yaml'))) as Report;
    assert.deepEqual(changed.results.map((r) => r.text), ['deployment.apps/web configured']);
    assert.equal((remote.cluster.store.get(DEPLOYMENTS, 'default', 'web').spec as { replicas: number }).replicas, 3);
  });

  it('applies nothing when the confirmation is declined', async () => {
    await target.select('atelier');
    vscode.files.set('/ws/web.yaml', deployment('web'));
    assert.equal(await command(ctx, COMMAND_IDS.applyFile)(Uri.file('/ws/web.yaml')), undefined);
    assert.equal(vscode.window.shown[0]?.message, 'Appliquer 1 objet au cluster réel « atelier » ?');
    assert.equal(remote.cluster.store.find(DEPLOYMENTS, 'default', 'web'), undefined);
  });

  it("reports the server's refusal with its own text and a French explanation", async () => {
    await target.select('atelier');
    vscode.files.set('/ws/web.yaml', deployment('web').replace('  name: web\n', '  name: web\n  namespace: nowhere\n'));
    vscode.window.answers.push('Appliquer');
    const report = (await command(ctx, COMMAND_IDS.applyFile)(Uri.file('/ws/web.yaml'))) as Report;
    const [result] = report.results;
    assert.equal(result?.outcome, 'failed');
    assert.equal(result?.text, 'Error from server (NotFound): error when creating "web.yaml": namespaces "nowhere" not found');
    assert.ok(result?.fr);
    assert.equal(vscode.window.shown[1]?.severity, 'error');
  });

  it('deletes what a file declares after a confirmation', async () => {
    remote.cluster.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    await target.select('atelier');
    vscode.files.set('/ws/web.yaml', `${deployment('web')}---\n${service('web')}`);
    vscode.window.answers.push('Supprimer');
    const report = (await command(ctx, COMMAND_IDS.deleteFile)(Uri.file('/ws/web.yaml'))) as Report;
    assert.equal(vscode.window.shown[0]?.message, 'Supprimer 2 objets du cluster réel « atelier » ?');
    assert.deepEqual(report.results.map((r) => r.text), ['Error from server (NotFound): error when deleting "web.yaml": deployments.apps "web" not found', 'service "web" deleted']);
    assert.equal(remote.cluster.store.find(SERVICES, 'default', 'web'), undefined);
  });

  it('still applies to the simulated cluster, without asking, once it is the target again', async () => {
    await target.select('atelier');
    await command(ctx, COMMAND_IDS.chooseTarget)('');
    vscode.files.set('/ws/web.yaml', deployment('web'));
    const report = (await command(ctx, COMMAND_IDS.applyFile)(Uri.file('/ws/web.yaml'))) as Report;
    assert.deepEqual(report.results.map((r) => r.text), ['deployment.apps/web created']);
    assert.deepEqual(vscode.window.shown.map((s) => s.severity), ['info']);
    assert.ok(ctx.cluster.cluster.store.find(DEPLOYMENTS, 'default', 'web'));
    assert.equal(remote.cluster.store.find(DEPLOYMENTS, 'default', 'web'), undefined);
  });

  it('chooses the target in a quick pick and remembers it for the workspace', async () => {
    let offered: { label: string; context: string }[] = [];
    Object.assign(vscode.window, {
      showQuickPick: (items: { label: string; context: string }[]) => {
        offered = items;
        return Promise.resolve(items.find((item) => item.context === 'jane'));
      },
    });
    assert.equal(await command(ctx, COMMAND_IDS.chooseTarget)(), 'jane');
    assert.deepEqual(offered.map((item) => item.label), ['$(check) $(beaker) Cluster simulé', '$(cloud) atelier', '$(cloud) jane']);
    assert.equal(target.remote?.context, 'jane');
    // `false` is the workspace's settings.
    assert.deepEqual(updates, [[SETTINGS.target, 'jane', false]]);
    // jane may list nothing here: said once, in one notification.
    const warnings = vscode.window.shown.filter((s) => s.severity === 'warning');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!.message, /^Cluster « jane » : ton compte ne peut pas lister namespaces, nodes, /);
  });
});
