// The stand-in for `vscode` first: the commands require it when they load.
import { Uri, vscode } from '../support/vscode';
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ClusterService, type ObjectRef } from '../../../client/src/cluster/service';
import { ClusterTreeModel } from '../../../client/src/cluster/treeModel';
import { cordonNode, drainNode, failNode, readyStatus, recoverNode, uncordonNode } from '../../../client/src/commands/nodes';
import { describe as describeCommand, logs } from '../../../client/src/commands/objects';
import type { CommandContext } from '../../../client/src/commands/services';
import { exec, openTerminal } from '../../../client/src/commands/terminal';
import { loadWorkload, rolloutHistory, rolloutRestart, rolloutUndo, scale } from '../../../client/src/commands/workloads';
import type { SessionTerminal } from '../../../client/src/terminal/kubectlTerminal';
import { documentPath, documentText, ObjectDocuments, parseDocumentPath, type ObjectDocument } from '../../../client/src/views/describeDocument';
import { l10n } from '../support/l10n';
import { plain, podNames, runningCluster } from '../terminal/fixtures';
import { Screen } from '../terminal/screen';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const NODES = kindInfo('v1', 'Node')!;
const WEB: ObjectRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default' };
const WORKER: ObjectRef = { apiVersion: 'v1', kind: 'Node', name: 'worker-1' };

/** What the fake VS Code recorded: documents opened, quick picks offered, terminals created. */
interface Recorded {
  opened: string[];
  picks: unknown[][];
  pick: (items: unknown[]) => unknown;
  terminals: { name: string; pty: SessionTerminal; shown: boolean }[];
}

/** The few VS Code APIs these commands use beyond the shared stand-in, installed for one suite. */
function installFakes(): { recorded: Recorded; restore: () => void } {
  const recorded: Recorded = { opened: [], picks: [], pick: () => undefined, terminals: [] };
  const window = vscode.window as unknown as Record<string, unknown>;
  const workspace = vscode.workspace as unknown as Record<string, unknown>;
  const uri = Uri as unknown as Record<string, unknown>;
  const saved = { openTextDocument: workspace.openTextDocument, showTextDocument: window.showTextDocument };
  Object.assign(window, {
    showQuickPick: (items: unknown[]) => {
      recorded.picks.push(items);
      return Promise.resolve(recorded.pick(items));
    },
    showInputBox: () => Promise.resolve(undefined),
    terminals: recorded.terminals,
    createTerminal: (options: { name: string; pty: SessionTerminal }) => {
      const terminal = { name: options.name, pty: options.pty, shown: false, show: () => void (terminal.shown = true) };
      recorded.terminals.push(terminal);
      return terminal;
    },
    showTextDocument: (document: { uri: Uri }) => Promise.resolve({ document: { ...document, lineCount: 1, lineAt: () => ({ range: {} }) }, revealRange: () => undefined }),
  });
  Object.assign(workspace, {
    openTextDocument: (target: Uri) => {
      recorded.opened.push(target.toString());
      return Promise.resolve({ uri: target });
    },
  });
  uri.from = (parts: { scheme: string; path: string }) => Uri.parse(`${parts.scheme}:${parts.path}`);
  return {
    recorded,
    restore: () => {
      for (const key of ['showQuickPick', 'showInputBox', 'terminals', 'createTerminal']) delete window[key];
      window.showTextDocument = saved.showTextDocument;
      workspace.openTextDocument = saved.openTextDocument;
      delete uri.from;
    },
  };
}

function context(): { ctx: CommandContext; service: ClusterService; lines: string[] } {
  vscode.reset();
  const service = new ClusterService({ initial: runningCluster(), schedule: (callback) => callback() });
  const tree = new ClusterTreeModel(() => ({ store: service.cluster.store, now: service.cluster.clock.now() }), l10n);
  const lines: string[] = [];
  const output = { info: (text: string) => lines.push(`info ${text}`), error: (text: string) => lines.push(`error ${text}`) };
  const ctx = { extension: { subscriptions: [] }, output, cluster: service, tree, time: {} } as unknown as CommandContext;
  return { ctx, service, lines };
}

describe('object documents (describe, YAML, logs, history)', () => {
  const cluster = runningCluster();
  const doc = (view: ObjectDocument['view'], extra: Partial<ObjectDocument> = {}): ObjectDocument => ({ view, info: DEPLOYMENTS, namespace: 'default', name: 'web', ...extra });

  it('names each document by a path that reads back', () => {
    assert.equal(documentPath(doc('describe')), '/describe/deployments.apps/default/web.txt');
    const logsDoc: ObjectDocument = { view: 'logs', info: kindInfo('v1', 'Pod')!, namespace: 'default', name: 'web-1', container: 'web' };
    assert.equal(documentPath(logsDoc), '/logs/pods/default/web-1/web.log');
    assert.deepEqual(parseDocumentPath(documentPath(logsDoc)), logsDoc);
    assert.deepEqual(parseDocumentPath('/yaml/nodes/_/worker-1.yaml'), { view: 'yaml', info: NODES, namespace: '', name: 'worker-1' });
    assert.equal(parseDocumentPath('/nope/pods/default/x.txt'), undefined);
  });

  it("holds kubectl's describe, get -o yaml, logs and rollout history texts", () => {
    assert.match(documentText(cluster, doc('describe')), /^Name:\s+web\nNamespace:\s+default\n/);
    assert.match(documentText(cluster, doc('yaml')), /^apiVersion: apps\/v1\nkind: Deployment\n/);
    const pod = podNames(cluster, 'web')[0]!;
    const log = documentText(cluster, { view: 'logs', info: kindInfo('v1', 'Pod')!, namespace: 'default', name: pod, container: 'web' });
    assert.match(log, new RegExp(`^# kubectl logs pods/${pod} -c web -n default\\n`));
    assert.match(log, /Configuration complete; ready for start up/);
    assert.match(documentText(cluster, doc('history', { revision: 1 })), /deployment.apps\/web with revision #1\nPod Template:/);
  });

  it('says what kubectl says when the object is gone', () => {
    assert.equal(documentText(cluster, doc('describe', { name: 'gone' })), 'Error from server (NotFound): deployments.apps "gone" not found\n💡 Aucun objet deployments ne s\'appelle « gone » ici (vérifie le nom et le namespace).\n');
  });

  it('refreshes the open documents of its scheme (the logs alone on the timer)', () => {
    const documents = new ObjectDocuments(() => cluster);
    const fired: string[] = [];
    documents.onDidChange((uri) => fired.push(uri.toString()));
    const uris = [Uri.parse('atelier-k8s:/describe/deployments.apps/default/web.txt'), Uri.parse('atelier-k8s:/logs/pods/default/p/web.log'), Uri.file('/ws/web.yaml')];
    const open = uris as unknown as Parameters<ObjectDocuments['refresh']>[0];
    documents.refresh(open);
    assert.deepEqual(fired, ['atelier-k8s:/describe/deployments.apps/default/web.txt', 'atelier-k8s:/logs/pods/default/p/web.log']);
    documents.refresh(open, true);
    assert.deepEqual(fired.slice(2), ['atelier-k8s:/logs/pods/default/p/web.log']);
    assert.match(documents.provideTextDocumentContent(open[0]!), /^Name:\s+web/);
  });
});

describe('object commands (vscode stubbed at the edge)', () => {
  let fakes: ReturnType<typeof installFakes>;
  beforeEach(() => (fakes = installFakes()));
  afterEach(() => fakes.restore());

  it('describes an object in a document of the atelier-k8s scheme', async () => {
    const { ctx } = context();
    await describeCommand(ctx)(WEB);
    assert.deepEqual(fakes.recorded.opened, ['atelier-k8s:/describe/deployments.apps/default/web.txt']);
  });

  it("opens a Pod's logs, asking for the container only when there are several", async () => {
    const { ctx, service } = context();
    const pod = podNames(service.cluster, 'web')[0]!;
    await logs(ctx)({ apiVersion: 'v1', kind: 'Pod', name: pod, namespace: 'default' });
    assert.deepEqual(fakes.recorded.opened, [`atelier-k8s:/logs/pods/default/${pod}/web.log`]);
    assert.equal(fakes.recorded.picks.length, 0);
  });

  it('scales a Deployment and says kubectl\'s line', async () => {
    const { ctx, service, lines } = context();
    await scale(ctx)(WEB, 4);
    assert.equal((service.cluster.store.get(DEPLOYMENTS, 'default', 'web').spec as { replicas: number }).replicas, 4);
    assert.deepEqual(lines, ['info kubectl scale deployments.apps/web --replicas=4 -n default', 'info deployment.apps/web scaled']);
    assert.deepEqual(vscode.window.shown.map((s) => s.message), ['deployment.apps/web scaled']);
  });

  it('restarts, lists the revisions with their change-cause, and undoes to the one chosen', async () => {
    const { ctx, service } = context();
    await rolloutRestart(ctx)(WEB);
    assert.match(vscode.window.shown[0]!.message, /^deployment.apps\/web restarted$/);
    service.cluster.advance(60_000);
    fakes.recorded.pick = (items) => items[items.length - 1];
    await rolloutHistory(ctx)(WEB);
    const offered = fakes.recorded.picks[0] as { label: string; description: string; detail: string }[];
    assert.deepEqual(offered.map((item) => [item.label, item.description, item.detail]), [
      ['Révision 2', '<none> (actuelle)', 'nginx:1.27'],
      ['Révision 1', '<none>', 'nginx:1.27'],
    ]);
    assert.deepEqual(fakes.recorded.opened, ['atelier-k8s:/history/deployments.apps/default/web/1.txt']);
    await rolloutUndo(ctx)(WEB);
    assert.deepEqual((fakes.recorded.picks[1] as { label: string }[]).map((item) => item.label), ['Révision 1']);
    assert.equal(vscode.window.shown.at(-1)?.message, 'deployment.apps/web rolled back');
  });

  it('puts a CPU load on a workload, chosen among 0, 50, 80, 100 and 200 %, and takes it off', async () => {
    const { ctx, service } = context();
    const annotations = (): Record<string, string> => ((service.cluster.store.get(DEPLOYMENTS, 'default', 'web').metadata as { annotations?: Record<string, string> }).annotations ?? {});
    fakes.recorded.pick = (items) => items[2];
    assert.equal(await loadWorkload(ctx)(WEB), 80);
    assert.deepEqual((fakes.recorded.picks[0] as { label: string }[]).map((item) => item.label), ['0 %', '50 %', '80 %', '100 %', '200 %']);
    assert.equal(annotations()['atelier.dev/cpu-load'], '80');
    assert.equal(annotations()['atelier.dev/cpu-load-pods'], '2');
    await loadWorkload(ctx)(WEB, 0);
    assert.equal(annotations()['atelier.dev/cpu-load'], undefined);
  });

  it('cordons, uncordons and drains a node (after a confirmation)', async () => {
    const { ctx, service } = context();
    await cordonNode(ctx)(WORKER);
    assert.equal((service.cluster.store.get(NODES, '', 'worker-1').spec as { unschedulable?: boolean }).unschedulable, true);
    await uncordonNode(ctx)(WORKER);
    assert.equal((service.cluster.store.get(NODES, '', 'worker-1').spec as { unschedulable?: boolean }).unschedulable, undefined);
    assert.equal(await drainNode(ctx)(WORKER), undefined, 'not without a confirmation');
    vscode.window.answers.push('Vider');
    const result = await drainNode(ctx)(WORKER);
    assert.equal(result?.exitCode, 0);
    assert.match(result?.stdout ?? '', /^node\/worker-1 cordoned\n(evicting pod default\/\S+\n)+/);
    service.cluster.advance(60_000);
    const pods = service.cluster.store.list(kindInfo('v1', 'Pod')!, { namespace: 'default' });
    assert.ok(pods.every((pod) => (pod.spec as { nodeName?: string }).nodeName !== 'worker-1'));
  });

  it('fails a node (Ready=Unknown, tainted unreachable) and brings it back', async () => {
    const { ctx, service } = context();
    await failNode(ctx)(WORKER);
    service.cluster.settle({ maxSimulatedMs: 0 });
    const failed = service.cluster.store.get(NODES, '', 'worker-1');
    assert.equal(readyStatus(failed), 'Unknown');
    assert.ok(((failed.spec as { taints?: { key: string }[] }).taints ?? []).some((taint) => taint.key === 'node.kubernetes.io/unreachable'));
    await recoverNode(ctx)(WORKER);
    service.cluster.settle({ maxSimulatedMs: 0 });
    const back = service.cluster.store.get(NODES, '', 'worker-1');
    assert.equal(readyStatus(back), 'True');
    assert.equal((back.spec as { taints?: unknown }).taints, undefined);
  });

  it('opens the kubectl terminal once, and a shell in a container in its own terminal', async () => {
    const { ctx } = context();
    openTerminal(ctx)();
    openTerminal(ctx)();
    assert.deepEqual(fakes.recorded.terminals.map((t) => [t.name, t.shown]), [['Atelier : terminal kubectl', true]]);
    await exec(ctx)(WEB);
    const shell = fakes.recorded.terminals[1]!;
    assert.match(shell.name, /^web-\S+ \(web\)$/);
    const screen = new Screen();
    shell.pty.onDidWrite((data) => screen.write(data));
    shell.pty.open();
    shell.pty.handleInput('cat /etc/config/greeting\r');
    await shell.pty.whenIdle();
    assert.match(plain(screen.text), /^kubectl exec -it web-\S+ -c web -- sh \(dans le cluster simulé ; « exit » ferme le terminal\)\n# cat \/etc\/config\/greeting\nbonjour#$/, "cat prints the key as is: the prompt follows on its line");
  });
});
