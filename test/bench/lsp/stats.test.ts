import * as assert from 'node:assert/strict';
import { formatTable, ratio, stats } from './stats';

describe('bench: latency statistics and the side-by-side table', () => {
  it('takes the median and the nearest-rank p95 (the 19th of 20 samples)', () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i); // 20, 19, ... 1: unsorted on purpose
    assert.deepEqual(stats(samples), { runs: 20, median: 10.5, p95: 19 });
    assert.deepEqual(stats([5, 1, 3]), { runs: 3, median: 3, p95: 5 });
  });

  it('prints one row per metric, with the ratio of medians, and says why a side has no figure', () => {
    const table = formatTable([
      { metric: 'hover', ours: stats([1, 2, 3]), theirs: stats([4, 8, 12]) },
      { metric: 'completion', ours: 'not announced', theirs: stats([10, 20, 30]) },
    ]);
    const lines = table.split('\n');
    assert.match(lines[0]!, /^\| metric +\| +ours median \| ours p95 \| yaml-ls median \| yaml-ls p95 \| ratio \(ours\/theirs\) \|$/);
    assert.match(lines[2]!, /^\| hover \(3 runs\) +\| +2\.0 ms \| +3\.0 ms \| +8\.0 ms \| +12\.0 ms \| +0\.25× \|$/);
    assert.match(lines[3]!, /^\| completion \(3 runs\) +\| not announced \| +\| +20\.0 ms \| +30\.0 ms \| +n\/a \|$/);
    assert.equal(ratio({ metric: 'x', ours: 'n/a', theirs: stats([1]) }), undefined);
  });
});
