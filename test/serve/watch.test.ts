/**
 * Watches through the facade: the stream itself (initial ADDED events, live changes,
 * replay from a resourceVersion, selectors), @kubernetes/client-node listing and
 * watching, and the real kubectl's `rollout status` waiting while simulated time passes.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Cluster } from '../../simulator/src/cluster';
import { kindInfo } from '../../simulator/src/api/catalog';
import { startFacade, type Facade } from '../../simulator/serve/facade';
import { call, stream } from './support/http';
import { FIXTURES, newCluster, startHarness } from './support/harness';
import { kubectlProblem, realKubectl } from './support/kubectl';

const PODS = '/api/v1/namespaces/default/pods';
const POD_INFO = kindInfo('v1', 'Pod')!;
const pod = (name: string, labels: Record<string, string> = { app: 'web' }) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } });
const event = (line: string): { type: string; name: string; rv: string } => {
  const parsed = JSON.parse(line) as { type: string; object: { metadata: { name?: string; resourceVersion: string } } };
  return { type: parsed.type, name: parsed.object.metadata.name ?? '', rv: parsed.object.metadata.resourceVersion };
};

describe('serve: watches', function () {
  this.timeout(60_000);
  let cluster: Cluster;
  let facade: Facade;

  beforeEach(async () => {
    cluster = newCluster();
    facade = await startFacade({ cluster, ticker: { paused: true } });
  });

  afterEach(async () => {
    await facade.close();
  });

  it('streams the objects that exist, then the changes', async () => {
    await call(facade, 'POST', PODS, { body: pod('first') });
    const watch = stream(facade, `${PODS}?watch=true`);
    await watch.until((lines) => lines.length >= 1);
    await call(facade, 'POST', PODS, { body: pod('second') });
    await call(facade, 'DELETE', `${PODS}/first`, { body: { gracePeriodSeconds: 0 } });
    const lines = await watch.until((received) => received.some((line) => event(line).type === 'DELETED'));
    watch.close();
    const events = lines.map(event).filter((item) => item.name === 'first' || item.name === 'second');
    assert.deepEqual(events[0], { ...events[0]!, type: 'ADDED', name: 'first' });
    assert.ok(events.some((item) => item.type === 'ADDED' && item.name === 'second'));
    assert.equal(events[events.length - 1]!.type, 'DELETED');
  });

  it('replays what happened since a resourceVersion, deletions included', async () => {
    await call(facade, 'POST', PODS, { body: pod('old') });
    const list = (await call(facade, 'GET', PODS)).json();
    const rv = (list.metadata as { resourceVersion: string }).resourceVersion;
    await call(facade, 'POST', PODS, { body: pod('new') });
    cluster.store.delete(POD_INFO, 'default', 'old', { gracePeriodSeconds: 0 });
    const watch = stream(facade, `${PODS}?watch=true&resourceVersion=${rv}`);
    const lines = await watch.until((received) => received.some((line) => event(line).type === 'DELETED'));
    watch.close();
    const events = lines.map(event);
    assert.ok(!events.some((item) => item.type === 'ADDED' && item.name === 'old'), 'old was listed already');
    assert.ok(events.some((item) => item.type === 'ADDED' && item.name === 'new'));
    const deleted = events.find((item) => item.type === 'DELETED')!;
    assert.equal(deleted.name, 'old');
    assert.match(deleted.rv, /^\d+\.\d+$/);
  });

  it('sends DELETED when an object stops matching the label selector', async () => {
    await call(facade, 'POST', PODS, { body: pod('one') });
    const watch = stream(facade, `${PODS}?watch=true&labelSelector=app%3Dweb`);
    await watch.until((lines) => lines.length >= 1);
    await call(facade, 'PATCH', `${PODS}/one`, { headers: { 'Content-Type': 'application/merge-patch+json' }, body: { metadata: { labels: { app: 'db' } } } });
    const lines = await watch.until((received) => received.some((line) => event(line).type === 'DELETED'));
    watch.close();
    assert.deepEqual(lines.map(event).map((item) => item.type), ['ADDED', 'DELETED']);
  });

  it('ends the initial events with a bookmark for watch-list clients', async () => {
    await call(facade, 'POST', PODS, { body: pod('one') });
    const watch = stream(facade, `${PODS}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true`);
    const lines = await watch.until((received) => received.some((line) => event(line).type === 'BOOKMARK'));
    watch.close();
    const bookmark = JSON.parse(lines[lines.length - 1]!) as { object: { metadata: { annotations: Record<string, string> } } };
    assert.equal(bookmark.object.metadata.annotations['k8s.io/initial-events-end'], 'true');
  });

  it('follows a container log as simulated time passes, until the pod goes', async () => {
    const ticking = { ...pod('ticker'), spec: { containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'while true; do echo tick; sleep 1; done'] }] } };
    await call(facade, 'POST', PODS, { body: ticking });
    cluster.settle({ maxSimulatedMs: 60_000 });
    const follow = stream(facade, `${PODS}/ticker/log?follow=true`);
    const before = (await follow.until((lines) => lines.length >= 1)).length;
    cluster.advance(5000);
    const after = await follow.until((lines) => lines.length >= before + 5);
    assert.ok(after.every((line) => line === 'tick'));
    cluster.store.delete(POD_INFO, 'default', 'ticker', { gracePeriodSeconds: 0 });
    await follow.ended;
  });

  it('lets @kubernetes/client-node list and watch', async () => {
    const k8s = await import('@kubernetes/client-node');
    const config = new k8s.KubeConfig();
    config.loadFromString(facade.kubeconfig());
    const core = config.makeApiClient(k8s.CoreV1Api);
    await core.createNamespacedPod({ namespace: 'default', body: pod('listed') });
    const pods = await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=web' });
    assert.deepEqual(pods.items.map((item) => item.metadata?.name), ['listed']);
    const seen: string[] = [];
    let notify: () => void = () => undefined;
    const modified = new Promise<void>((resolve) => (notify = resolve));
    const watcher = new k8s.Watch(config);
    const controller = await watcher.watch(
      PODS,
      { resourceVersion: pods.metadata?.resourceVersion },
      (type: string, object: { metadata?: { name?: string } }) => {
        seen.push(`${type} ${object.metadata?.name ?? ''}`);
        if (type === 'ADDED' && object.metadata?.name === 'watched') notify();
      },
      () => undefined,
    );
    await core.createNamespacedPod({ namespace: 'default', body: pod('watched') });
    await modified;
    controller.abort();
    assert.ok(seen.includes('ADDED watched'));
    assert.ok(!seen.includes('ADDED listed'), 'the watch starts after the list');
  });

  it('lets the real kubectl wait for a rollout while simulated time passes', async function () {
    const binary = realKubectl();
    if (!binary) {
      console.warn(`    (kubectl v1.35 unavailable: ${kubectlProblem})`);
      this.skip();
    }
    // Writes settle nothing ahead: the Pods come up only as the test moves time.
    const harness = await startHarness(binary, newCluster(), { settleMs: 0 });
    try {
      assert.equal((await harness.real(['apply', '-f', join(FIXTURES, 'app', 'deployment.yaml')])).exitCode, 0);
      let done = false;
      const status = harness.real(['rollout', 'status', 'deployment/web', '--timeout=60s']).finally(() => (done = true));
      // Time moves only once kubectl watches, one simulated second per turn of the event loop.
      while (!done && harness.facade.openStreams === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      for (let step = 0; step < 600 && !done; step++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        harness.cluster.advance(1000);
      }
      const result = await status;
      assert.equal(result.exitCode, 0, result.stderr);
      assert.match(result.stdout, /^Waiting for deployment "web" rollout to finish: /);
      assert.match(result.stdout, /deployment "web" successfully rolled out\n$/);
    } finally {
      await harness.close();
    }
  });
});
