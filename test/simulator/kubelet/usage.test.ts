import * as assert from 'node:assert/strict';
import { podUsage } from '../../../simulator/src/kubelet/usage';
import { readerOf } from '../../../simulator/src/kubelet/logs';
import { Harness } from './harness';

describe('kubelet: resource usage', () => {
  it('reports small, stable numbers for an idle server, and nothing for a Pod that does not run', () => {
    const h = new Harness();
    h.pod('web', [{ name: 'web', image: 'nginx:1.27' }]);
    h.pod('typo', [{ name: 'web', image: 'nginxx' }]);
    h.settle();
    const usage = podUsage(readerOf(h.store), h.get('web'), { now: h.clock.now() });
    assert.equal(usage.length, 1);
    assert.ok(usage[0]!.cpuMillis <= 2);
    assert.ok(usage[0]!.memoryBytes > 3 * 1024 * 1024 && usage[0]!.memoryBytes < 5 * 1024 * 1024);
    h.advance(600_000);
    assert.deepEqual(podUsage(readerOf(h.store), h.get('web'), { now: h.clock.now() }), usage);
    assert.deepEqual(podUsage(readerOf(h.store), h.get('typo'), { now: h.clock.now() }), []);
  });

  it('burns a CPU in a loop without sleep, capped by the CPU limit; stress holds its memory', () => {
    const h = new Harness();
    h.pod('busy', [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'while true; do :; done'], resources: { limits: { cpu: '500m' } } }]);
    h.pod('stress', [{ name: 'c', image: 'polinux/stress', command: ['stress', '--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'] }]);
    h.settle();
    const busy = podUsage(readerOf(h.store), h.get('busy'), { now: h.clock.now() });
    assert.equal(busy[0]!.cpuMillis, 500);
    const stress = podUsage(readerOf(h.store), h.get('stress'), { now: h.clock.now() });
    assert.ok(stress[0]!.memoryBytes >= 150 * 1024 * 1024);
    const loaded = podUsage(readerOf(h.store), h.get('busy'), { now: h.clock.now(), extraCpuMillis: () => 300 });
    assert.equal(loaded[0]!.cpuMillis, 500);
  });
});
