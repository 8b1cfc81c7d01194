import * as assert from 'node:assert/strict';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createKubelet } from '../../../simulator/src/kubelet/kubelet';
import { EVENTS, Harness, NODES, PODS, container, reason, status } from './harness';

function scenario(seed: number): Harness {
  const h = new Harness({ seed, nodes: 3 });
  h.pod('web', [{ name: 'web', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 } } }], { node: 'node-1' });
  h.pod('bb', [{ name: 'bb', image: 'busybox:1.36' }], { node: 'node-2' });
  h.pod('typo', [{ name: 'c', image: 'nginxx' }], { node: 'node-3' });
  h.pod('db', [{ name: 'db', image: 'postgres:16' }], { node: 'node-1' });
  h.advance(120_000);
  return h;
}

describe('kubelet: determinism, restart over a saved state, scale', () => {
  it('gives the same bytes for the same seed and inputs', () => {
    const dump = (h: Harness) => JSON.stringify([h.store.list(PODS), h.store.list(EVENTS), h.store.list(NODES)]);
    assert.equal(dump(scenario(3)), dump(scenario(3)));
    assert.notEqual(dump(scenario(3)), dump(scenario(4)));
  });

  it('picks up running Pods without restarting them when a fresh kubelet starts over the same state', () => {
    const h = new Harness({ nodes: 1 });
    h.pod('web', [{ name: 'web', image: 'nginx:1.27', readinessProbe: { tcpSocket: { port: 80 } } }]);
    h.pod('bb', [{ name: 'bb', image: 'busybox:1.36' }]);
    h.advance(60_000);
    const before = container(h.get('web'));
    const bbRestarts = container(h.get('bb')).restartCount;
    h.runtime.dispose();
    const runtime = new ControllerRuntime(h.store, h.clock, [createKubelet()]);
    runtime.resyncAll();
    runtime.advance(60_000);
    const after = container(h.get('web'));
    assert.equal(after.containerID, before.containerID);
    assert.equal(after.restartCount, 0);
    assert.equal(after.ready, true);
    assert.ok(container(h.get('bb')).restartCount > bbRestarts, 'the crash loop goes on');
    h.pod('new', [{ name: 'c', image: 'nginx:1.27' }]);
    runtime.advance(10_000);
    const ips = ['web', 'bb', 'new'].map((name) => status(h.get(name)).podIP);
    assert.equal(new Set(ips).size, 3);
    assert.equal(runtime.errors.length, 0);
  });

  // How long this takes is measured by `npm run bench`, not asserted here (a loaded machine is no bug).
  it('runs 3,000 nginx Pods on 100 nodes: all Running and Ready, unique IPs, within 5 simulated minutes', () => {
    const h = new Harness({ nodes: 100 });
    for (let i = 0; i < 3000; i++) {
      h.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${i}` }, spec: { nodeName: `node-${(i % 100) + 1}`, containers: [{ name: 'web', image: 'nginx:1.27' }] } });
    }
    const result = h.runtime.runUntilSettled({ maxSimulatedMs: 300_000 });
    assert.equal(result.settled, true);
    const pods = h.store.list(PODS);
    assert.equal(pods.filter((pod) => reason(pod) === 'Running' && container(pod).ready).length, 3000);
    assert.equal(new Set(pods.map((pod) => status(pod).podIP)).size, 3000);
  }).timeout(120_000);
});
