// The stand-in for `vscode` first: the modules below require it when they load.
import { vscode } from '../support/vscode';
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { kindInfo } from '../../../simulator/src/api/catalog';
import type { Cluster } from '../../../simulator/src/cluster';
import { portForward, stopPortForward } from '../../../client/src/commands/portForward';
import type { CommandContext } from '../../../client/src/commands/services';
import { PortForwards, registerPortForwardStatus } from '../../../client/src/portForward';
import { l10n } from '../support/l10n';
import { podNames, runningCluster } from '../terminal/fixtures';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const SERVICES = kindInfo('v1', 'Service')!;
const PODS = kindInfo('v1', 'Pod')!;

/** GET http://127.0.0.1:port/path: status, headers and body, or the connection's error code. */
function get(port: number, path = '/'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

describe('port-forward: a real local port on the simulated containers', () => {
  let cluster: Cluster;
  let forwards: PortForwards;
  beforeEach(() => {
    cluster = runningCluster();
    forwards = new PortForwards(() => cluster, l10n);
  });
  afterEach(() => forwards.dispose());

  it("serves nginx's welcome page on 127.0.0.1, and nginx's 404 elsewhere", async () => {
    const forward = await forwards.start({ namespace: 'default', info: DEPLOYMENTS, name: 'web', remote: 80, local: 0 });
    assert.ok(forward.local > 0);
    assert.equal(forward.url, `http://127.0.0.1:${forward.local}/`);
    assert.equal(forward.pod, podNames(cluster, 'web')[0]);
    const page = await get(forward.local);
    assert.ok('status' in page);
    assert.equal(page.status, 200);
    assert.equal(page.headers.server, 'nginx/1.27.3');
    assert.match(page.body, /<title>Welcome to nginx!<\/title>/);
    const missing = await get(forward.local, '/missing');
    assert.ok('status' in missing && missing.status === 404 && missing.body.includes('404 Not Found'));
  });

  it('closes the port when stopped or disposed', async () => {
    const forward = await forwards.start({ namespace: 'default', info: DEPLOYMENTS, name: 'web', remote: 80, local: 0 });
    forwards.dispose();
    assert.deepEqual(await get(forward.local), { error: 'ECONNREFUSED' });
    assert.deepEqual(forwards.list, []);
  });

  it("forwards a Service's port to its targetPort on one of its Pods", async () => {
    const forward = await forwards.start({ namespace: 'default', info: SERVICES, name: 'who', remote: 8080, local: 0 });
    assert.equal(forward.podPort, 80);
    const page = await get(forward.local, '/hello');
    assert.ok('body' in page);
    assert.match(page.body, new RegExp(`^Hostname: ${forward.pod}\\n`));
    assert.match(page.body, /^GET \/hello HTTP\/1\.1$/m);
  });

  it("refuses what kubectl refuses: no such object, a Pod that does not run, a port taken", async () => {
    await assert.rejects(forwards.start({ namespace: 'default', info: PODS, name: 'nope', remote: 80, local: 0 }), { message: 'Error from server (NotFound): pods "nope" not found' });
    cluster.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'waiting', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    await assert.rejects(forwards.start({ namespace: 'default', info: PODS, name: 'waiting', remote: 80, local: 0 }), { message: 'error: unable to forward port because pod is not running. Current status=Pending' });
    const first = await forwards.start({ namespace: 'default', info: DEPLOYMENTS, name: 'web', remote: 80, local: 0 });
    await assert.rejects(forwards.start({ namespace: 'default', info: DEPLOYMENTS, name: 'web', remote: 80, local: first.local }), /address already in use/);
  });

  it('explains in French when the Pod it follows goes away', async () => {
    const forward = await forwards.start({ namespace: 'default', info: DEPLOYMENTS, name: 'web', remote: 80, local: 0 });
    cluster.store.delete(PODS, 'default', forward.pod, { gracePeriodSeconds: 0 });
    const page = await get(forward.local);
    assert.ok('status' in page);
    assert.equal(page.status, 502);
    assert.match(page.body, new RegExp(`Le Pod ${forward.pod} n'existe plus`));
  });

  describe('its commands and status-bar entry (vscode stubbed at the edge)', () => {
    const saved = { ...vscode.window, executeCommand: vscode.commands.executeCommand };
    const item = { text: '', tooltip: '', shown: false, show: () => void (item.shown = true), hide: () => void (item.shown = false), dispose: () => undefined };
    const contextKeys: unknown[][] = [];
    before(() => {
      Object.assign(vscode.window, { createStatusBarItem: () => item });
      vscode.commands.executeCommand = (...args: unknown[]) => {
        contextKeys.push(args);
        return Promise.resolve(undefined);
      };
    });
    after(() => {
      delete (vscode.window as Partial<typeof saved> & { createStatusBarItem?: unknown }).createStatusBarItem;
      vscode.commands.executeCommand = saved.executeCommand;
    });

    it('starts a forward from an object, tells its URL, lists it in the status bar and stops it', async () => {
      vscode.reset();
      const extension = { subscriptions: [] as { dispose(): unknown }[] };
      const output = { info: () => undefined, error: () => undefined };
      const ctx = { extension, output, cluster: { cluster, find: () => cluster.store.find(DEPLOYMENTS, 'default', 'web') }, forwards } as unknown as CommandContext;
      registerPortForwardStatus(ctx, forwards);
      assert.equal(item.shown, false);
      const forward = await portForward(ctx)({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default' });
      assert.ok(forward);
      assert.match(vscode.window.shown[0]!.message, /^http:\/\/127\.0\.0\.1:\d+\/ redirigé vers deployment\/web \(pod\/web-\S+, port 80\)\.$/);
      assert.equal(item.shown, true);
      assert.equal(item.text, `$(plug) 127.0.0.1:${forward.local}`);
      assert.deepEqual(contextKeys.at(-1), ['setContext', 'atelierKubernetes.portForwarding', true]);
      assert.equal((await stopPortForward(ctx)())?.id, forward.id);
      assert.equal(item.shown, false);
      assert.deepEqual(contextKeys.at(-1), ['setContext', 'atelierKubernetes.portForwarding', false]);
      assert.deepEqual(await get(forward.local), { error: 'ECONNREFUSED' });
    });
  });
});
