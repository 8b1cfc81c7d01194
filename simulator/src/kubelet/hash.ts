/**
 * Deterministic "randomness" for the kubelet. Every delay, container ID and digest is
 * derived from a stable key (the Pod's uid, which the seeded Random produced, plus the
 * container and the attempt), never drawn from a shared stream: a reconcile that runs
 * twice, or a kubelet rebuilt after a load, gets the very same numbers (STYLE.md, habit 5).
 */

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`. */
export function fnv32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A float in [0, 1) tied to `key`. */
export function unit(key: string): number {
  // One mulberry32 round over the FNV hash spreads close keys apart.
  let t = (fnv32(key) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
}

/** An integer in [min, max] tied to `key`. */
export function between(key: string, min: number, max: number): number {
  return min + Math.floor(unit(key) * (max - min + 1));
}

/** `length` lowercase hex digits tied to `key` (container IDs, sha256 digests). */
export function hexDigits(key: string, length = 64): string {
  const seed = fnv32(key);
  let out = '';
  for (let block = 0; out.length < length; block++) out += unit(`${block}:${seed}:${key.length}`).toString(16).slice(2, 10).padEnd(8, '0');
  return out.slice(0, length);
}
