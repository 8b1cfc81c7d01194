import * as assert from 'node:assert/strict';
import { Harness, PODS, container, status } from './harness';

describe('kubelet: deletion and pod IPs', () => {
  it('stops the containers of a deleted Pod (Killing), then removes it with grace 0', () => {
    const h = new Harness();
    h.pod('web', [{ name: 'web', image: 'nginx:1.27' }]);
    h.settle();
    h.store.delete(PODS, 'default', 'web');
    const marked = h.get('web').metadata as { deletionTimestamp?: string; deletionGracePeriodSeconds?: number };
    assert.equal(marked.deletionGracePeriodSeconds, 30);
    h.advance(1000);
    // nginx stops on its stop signal at once: the Pod goes well before its 30 s.
    assert.equal(h.find('web'), undefined);
    assert.ok(h.events('web').includes('Killing: Stopping container web'));
  });

  it('waits out the grace period for a process that ignores SIGTERM (sleep as PID 1)', () => {
    const h = new Harness();
    h.pod('sleeper', [{ name: 's', image: 'busybox:1.36', command: ['sleep', '3600'] }], { terminationGracePeriodSeconds: 10 });
    h.settle();
    h.store.delete(PODS, 'default', 'sleeper');
    h.advance(9000);
    assert.ok(h.find('sleeper'), 'still Terminating');
    assert.equal(container(h.get('sleeper')).state.running !== undefined, true);
    h.advance(1500);
    assert.equal(h.find('sleeper'), undefined);
  });

  it('cuts the grace period short with --grace-period=0 (force)', () => {
    const h = new Harness();
    h.pod('sleeper', [{ name: 's', image: 'busybox:1.36', command: ['sleep', '3600'] }]);
    h.settle();
    h.store.delete(PODS, 'default', 'sleeper', { gracePeriodSeconds: 0 });
    assert.equal(h.find('sleeper'), undefined);
    h.settle();
    assert.equal(h.runtime.errors.length, 0);
  });

  it('gives each Pod on a node its own IP from the node podCIDR, .2 first, round robin, deterministic', () => {
    const run = () => {
      const h = new Harness({ nodes: 2 });
      for (let i = 0; i < 4; i++) h.pod(`p${i}`, [{ name: 'c', image: 'nginx:1.27' }], { node: `node-${(i % 2) + 1}` });
      h.settle();
      h.store.delete(PODS, 'default', 'p0', { gracePeriodSeconds: 0 });
      h.settle();
      h.pod('p4', [{ name: 'c', image: 'nginx:1.27' }], { node: 'node-1' });
      h.settle();
      return [0, 1, 2, 3, 4].map((i) => (i === 0 ? undefined : status(h.get(`p${i}`)).podIP));
    };
    const ips = run();
    assert.deepEqual(ips, [undefined, '10.244.2.2', '10.244.1.3', '10.244.2.3', '10.244.1.4']);
    assert.deepEqual(run(), ips);
  });

  it('uses the node IP for hostNetwork Pods', () => {
    const h = new Harness();
    h.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'host' }, spec: { hostNetwork: true, nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    h.settle();
    assert.equal(status(h.get('host')).podIP, '172.18.0.2');
  });
});
