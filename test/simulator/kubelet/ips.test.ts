import * as assert from 'node:assert/strict';
import { PodIPAllocator, podRange } from '../../../simulator/src/kubelet/ips';

describe('kubelet: host-local IP allocation', () => {
  it('reserves the network and gateway addresses of the range', () => {
    const range = podRange('10.244.1.0/24')!;
    assert.equal(range.last - range.first + 1, 253);
    assert.equal(podRange('10.244.1.7/24')!.first, podRange('10.244.1.0/24')!.first);
    assert.equal(podRange('nonsense'), undefined);
  });

  it('allocates round robin, does not reuse a freed address at once, and fails when full', () => {
    const ips = new PodIPAllocator();
    const take = (owner: string) => {
      const result = ips.allocate('n', '10.0.0.0/29', owner);
      return result.ok ? result.ip : result.error;
    };
    assert.deepEqual(['a', 'b', 'c'].map(take), ['10.0.0.2', '10.0.0.3', '10.0.0.4']);
    assert.equal(take('a'), '10.0.0.2', 'the same owner keeps its address');
    ips.release('b');
    assert.equal(take('d'), '10.0.0.5');
    assert.equal(take('e'), '10.0.0.6');
    assert.equal(take('f'), '10.0.0.3', 'wraps around to the freed address');
    assert.equal(take('g'), 'failed to allocate for range 0: no IP addresses available in range set: 10.0.0.1-10.0.0.6');
  });

  it('adopts addresses Pods already hold', () => {
    const ips = new PodIPAllocator();
    ips.adopt('n', '10.0.0.0/24', 'old', '10.0.0.9');
    const next = ips.allocate('n', '10.0.0.0/24', 'new');
    assert.deepEqual(next, { ok: true, ip: '10.0.0.10' });
  });
});
