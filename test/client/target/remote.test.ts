// The stand-in for `vscode` first: the target's documents load the views' module.
import { Uri, vscode } from '../support/vscode';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { createCluster } from '../../../simulator/src/cluster';
import { startFacade, type Facade } from '../../../simulator/serve/facade';
import { defaultNodes } from '../../../simulator/src/scheduler/nodes';
import { ClusterTreeModel } from '../../../client/src/cluster/treeModel';
import { COMMAND_IDS } from '../../../client/src/commands/ids';
import { COMMANDS } from '../../../client/src/commands/index';
import type { CommandContext } from '../../../client/src/commands/services';
import type { Report } from '../../../client/src/cluster/service';
import { applyRemote } from '../../../client/src/target/apply';
import { kubeconfigPaths, KubeconfigProblem, listContexts, loadKubeconfig } from '../../../client/src/target/kubeconfig';
import { TargetService } from '../../../client/src/target/service';
import { documentText, type ObjectDocument } from '../../../client/src/views/describeDocument';
import { bareCluster, bareService, deployment } from '../support/cluster';
import { l10n } from '../support/l10n';
import { serveCluster, unreachableKubeconfig, until } from './support';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const PODS = kindInfo('v1', 'Pod')!;
const CONFIGMAPS = kindInfo('v1', 'ConfigMap')!;

describe('client target: a cluster that cannot be reached', () => {
  it('shows a single error item, in French with the connection error', async () => {
    const { file, server, cleanup } = await unreachableKubeconfig();
    const target = new TargetService({ cluster: bareService(), l10n, kubeconfig: () => loadKubeconfig([file]), mirror: { schedule: (callback) => setImmediate(callback), retryMs: 20, maxRetryMs: 40 } });
    try {
      await target.select('kind-gone');
      const tree = new ClusterTreeModel(() => target.view(), l10n);
      assert.equal(tree.roots.length, 1);
      const [item] = tree.roots;
      assert.equal(item?.state, 'failing');
      assert.equal(item?.description, `The connection to the server ${server.slice('https://'.length)} was refused - did you specify the right host or port?`);
      assert.match(item?.label ?? '', /^Le serveur d'API du contexte « kind-gone » \(https:\/\/127\.0\.0\.1:\d+\) ne répond pas : le cluster est-il démarré \?/);
      // Applying there fails the same way, for every object, without a crash.
      vscode.reset();
      const ctx = { extension: { subscriptions: [] }, output: { info: () => undefined, warn: () => undefined, error: () => undefined, show: () => undefined }, cluster: bareService(), tree, time: {}, target } as unknown as CommandContext;
      vscode.files.set('/ws/web.yaml', `${deployment('a')}---\n${deployment('b')}`);
      vscode.window.answers.push('Appliquer');
      const report = (await (COMMANDS[COMMAND_IDS.applyFile](ctx) as (uri: Uri) => Promise<Report>)(Uri.file('/ws/web.yaml')));
      assert.deepEqual(report.results.map((r) => r.outcome), ['failed', 'failed']);
      assert.equal(report.results[1]?.text, item?.description);
      assert.equal(vscode.window.shown[1]?.severity, 'error');
    } finally {
      await target.close();
      cleanup();
    }
  });

  it('keeps trying, and shows the cluster once its API server answers', async () => {
    const { file, port, token, cleanup } = await unreachableKubeconfig();
    const target = new TargetService({ cluster: bareService(), l10n, kubeconfig: () => loadKubeconfig([file]), mirror: { schedule: (callback) => setImmediate(callback), retryMs: 20, maxRetryMs: 40 } });
    let facade: Facade | undefined;
    try {
      await target.select('kind-gone');
      assert.equal(target.view().roots?.[0]?.state, 'failing');
      // The cluster starts (kind create cluster...) where the kubeconfig says.
      facade = await startFacade({ cluster: bareCluster(), port, token, ticker: false });
      const tree = new ClusterTreeModel(() => target.view(), l10n);
      await until(() => {
        tree.rebuild();
        return tree.node('nodes/worker-1');
      }, 'the nodes of the cluster');
      assert.equal(target.view().roots, undefined);
      assert.equal(target.remote?.mirror.problem, undefined);
    } finally {
      await target.close();
      await facade?.close();
      cleanup();
    }
  });

  it('says when the credentials are refused (an expired token)', async () => {
    const { file, port, cleanup } = await unreachableKubeconfig();
    const facade = await startFacade({ cluster: bareCluster(), port, token: 'a-newer-token', ticker: false });
    const target = new TargetService({ cluster: bareService(), l10n, kubeconfig: () => loadKubeconfig([file]), mirror: { schedule: (callback) => setImmediate(callback), retryMs: 20, maxRetryMs: 40 } });
    try {
      await target.select('kind-gone');
      const [item, ...others] = target.view().roots ?? [];
      assert.equal(others.length, 0);
      assert.equal(item?.description, 'error: You must be logged in to the server (Unauthorized)');
      assert.match(item?.label ?? '', /jeton/);
    } finally {
      await target.close();
      await facade.close();
      cleanup();
    }
  });

  it('refuses a context the kubeconfig does not have', async () => {
    const { file, cleanup } = await unreachableKubeconfig();
    const target = new TargetService({ cluster: bareService(), l10n, kubeconfig: () => loadKubeconfig([file]) });
    try {
      await assert.rejects(target.select('kind-other'), (error: unknown) => error instanceof KubeconfigProblem && error.message === 'error: no context exists with the name: "kind-other"');
      assert.equal(target.remote, undefined);
    } finally {
      await target.close();
      cleanup();
    }
  });
});

describe('client target: the kubeconfig files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'atelier-kubeconfig-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const config = (context: string, server: string, current = context): string =>
    `apiVersion: v1\nkind: Config\nclusters:\n- name: ${context}\n  cluster:\n    server: ${server}\nusers:\n- name: ${context}\n  user:\n    token: t\ncontexts:\n- name: ${context}\n  context:\n    cluster: ${context}\n    user: ${context}\ncurrent-context: ${current}\n`;

  it('reads KUBECONFIG like kubectl: every file, the first to name an entry wins, missing files skipped', () => {
    writeFileSync(path.join(dir, 'a'), config('kind-atelier', 'https://127.0.0.1:6443'));
    writeFileSync(path.join(dir, 'b'), `${config('kind-atelier', 'https://10.0.0.1:6443')}`.replace(/kind-atelier/g, 'k3s') + '');
    writeFileSync(path.join(dir, 'c'), config('kind-atelier', 'https://10.9.9.9:6443'));
    const paths = kubeconfigPaths({ KUBECONFIG: ['a', 'missing', 'b', 'c'].map((f) => path.join(dir, f)).join(path.delimiter) }, '/home/nobody');
    const loaded = loadKubeconfig(paths);
    assert.equal(loaded.files.length, 3);
    assert.deepEqual(listContexts(loaded.config).map((c) => [c.name, c.server]), [
      ['kind-atelier', 'https://127.0.0.1:6443'],
      ['k3s', 'https://10.0.0.1:6443'],
    ]);
    assert.equal(loaded.config.getCurrentContext(), 'kind-atelier');
    assert.deepEqual(kubeconfigPaths({}, '/home/ada'), [path.join('/home/ada', '.kube', 'config')]);
  });

  it('tells which file cannot be read', () => {
    writeFileSync(path.join(dir, 'broken'), 'clusters: [\n');
    assert.throws(() => loadKubeconfig([path.join(dir, 'broken')]), (error: unknown) => error instanceof KubeconfigProblem && error.message.startsWith(`error loading config file "${path.join(dir, 'broken')}"`));
    assert.deepEqual(listContexts(loadKubeconfig([path.join(dir, 'none')]).config), []);
  });
});

describe('client target: documents of a real cluster', () => {
  it('describes, prints and shows the logs of what runs there, as for the simulated cluster', async () => {
    const cluster = createCluster({ seed: 1, nodes: defaultNodes() });
    const remote = await serveCluster(cluster);
    const target = remote.target();
    try {
      await target.select('atelier');
      const report = await applyRemote(target.remote!.client, [{ source: 'web.yaml', text: `${deployment('web', 1)}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: dev\n` }]);
      assert.deepEqual(report.results.map((r) => r.text), ['deployment.apps/web created', 'configmap/settings created']);
      // Time passes on the "real" cluster: the Pod starts, and the mirror follows.
      cluster.advance(60_000);
      const pod = await until(() => target.view().store.list(PODS).find((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running'), 'a running Pod in the mirror');
      const podName = (pod.metadata as { name: string }).name;
      const doc = (view: ObjectDocument['view'], info = DEPLOYMENTS, name = 'web'): ObjectDocument => ({ view, info, namespace: 'default', name, ...(view === 'history' ? { revision: 1 } : {}) });

      const configMap = doc('describe', CONFIGMAPS, 'settings');
      assert.equal(await target.documentText(configMap), documentText(cluster, configMap));
      assert.match((await target.documentText(doc('describe'))) ?? '', /^Name:\s+web\nNamespace:\s+default\n[\s\S]*Replicas:\s+1 desired \| 1 updated \| 1 total \| 1 available/);
      assert.match((await target.documentText(doc('yaml'))) ?? '', /^apiVersion: apps\/v1\nkind: Deployment\n/);
      assert.match((await target.documentText(doc('history'))) ?? '', /^deployment\.apps\/web with revision #1\nPod Template:\n/);
      const logs = (await target.documentText(doc('logs', PODS, podName))) ?? '';
      assert.equal(logs.split('\n')[0], `# kubectl logs pods/${podName} -c web -n default --tail=2000`);
      assert.equal(logs.slice(logs.indexOf('\n') + 1), (await target.remote!.client.request('GET', `/api/v1/namespaces/default/pods/${podName}/log`, { accept: '*/*' })).text);
      // A Pod that is gone: kubectl's error, and the French under it.
      assert.match((await target.documentText(doc('describe', PODS, 'ghost'))) ?? '', /^Error from server \(NotFound\): pods "ghost" not found\n💡 /);
      // The simulated cluster behind the target has none of it.
      await target.select('');
      assert.equal(target.documentText(configMap), undefined);
    } finally {
      await remote.close();
    }
  });
});
