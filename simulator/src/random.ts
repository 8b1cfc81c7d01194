/**
 * Seeded randomness for the simulated cluster: uids and generated name
 * suffixes come from here, never from Math.random, so that one seed gives one
 * cluster, byte for byte (STYLE.md, habit 5).
 */

/**
 * The alphabet of generated name suffixes. Mirrors apimachinery's
 * `util/rand.String`: no vowels (no accidental words) and no look-alike
 * characters (0/o, 1/l), which is why Pods are named like `web-7d4b9-xk2pq`.
 */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A deterministic source of random numbers. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, bound). */
  int(bound: number): number;
  /** `length` characters of NAME_SUFFIX_ALPHABET, as `generateName` uses. */
  nameSuffix(length?: number): string;
  /** A version-4-shaped UUID, the form Kubernetes gives `metadata.uid`. */
  uid(): string;
  /**
   * The generator's whole internal state, for saving a cluster: `createRandom(state)`
   * continues the very same sequence from this point.
   */
  state(): number;
}

/**
 * Creates a Random from a seed. The generator is mulberry32: tiny, fast and
 * well distributed for simulation purposes (not for cryptography). Its state is
 * one 32-bit integer, so a saved `state()` is also a valid seed that resumes it.
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) {
    throw new RangeError(`seed: expected an integer, got ${seed}`);
  }
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const int = (bound: number): number => {
    if (!Number.isInteger(bound) || bound <= 0 || bound > 2 ** 32) {
      throw new RangeError(`bound: expected an integer in [1, 2^32], got ${bound}`);
    }
    return Math.floor((nextUint32() / 2 ** 32) * bound);
  };
  const hex = (digits: number): string => {
    let out = '';
    for (let i = 0; i < digits; i++) out += int(16).toString(16);
    return out;
  };
  return {
    next: () => nextUint32() / 2 ** 32,
    int,
    nameSuffix(length = 5) {
      let out = '';
      for (let i = 0; i < length; i++) out += NAME_SUFFIX_ALPHABET[int(NAME_SUFFIX_ALPHABET.length)];
      return out;
    },
    uid() {
      // xxxxxxxx-xxxx-4xxx-Nxxx-xxxxxxxxxxxx where N is 8, 9, a or b (RFC 4122 variant).
      const variant = (8 + int(4)).toString(16);
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
    },
    state: () => state,
  };
}
