import * as assert from 'node:assert/strict';
import { NAME_SUFFIX_ALPHABET, createRandom } from '../../simulator/src/random';

const draw = (seed: number) => {
  const random = createRandom(seed);
  return [random.uid(), random.nameSuffix(), random.int(1000), random.next()];
};

describe('simulator/random', () => {
  it('gives the same sequence for the same seed', () => {
    assert.deepEqual(draw(42), draw(42));
  });

  it('gives another sequence for another seed', () => {
    assert.notDeepEqual(draw(42), draw(43));
  });

  it('makes uids shaped like Kubernetes metadata.uid (UUID version 4)', () => {
    const random = createRandom(7);
    const uids = Array.from({ length: 200 }, () => random.uid());
    for (const uid of uids) assert.match(uid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(new Set(uids).size, uids.length);
  });

  it('makes name suffixes from the apimachinery alphabet only', () => {
    const random = createRandom(1);
    const suffixes = Array.from({ length: 200 }, () => random.nameSuffix());
    for (const suffix of suffixes) {
      assert.equal(suffix.length, 5);
      for (const char of suffix) assert.ok(NAME_SUFFIX_ALPHABET.includes(char), `${char} in ${suffix}`);
    }
    assert.equal(random.nameSuffix(10).length, 10);
  });

  it('keeps int() within its bound and spreads it over the whole range', () => {
    const random = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const n = random.int(10);
      assert.ok(Number.isInteger(n) && n >= 0 && n < 10, String(n));
      seen.add(n);
    }
    assert.equal(seen.size, 10);
  });

  it('rejects seeds and bounds that are not integers', () => {
    assert.throws(() => createRandom(1.5), RangeError);
    assert.throws(() => createRandom(1).int(0), RangeError);
    assert.throws(() => createRandom(1).int(2.5), RangeError);
  });
});
