/**
 * The pod-template-hash: the suffix of a Deployment's ReplicaSet names and the label that
 * keeps the Pods of two revisions apart (`web-7d4b9c8f5`, `pod-template-hash=7d4b9c8f5`).
 *
 * Mirrors kube-controller-manager's controller.ComputeHash: FNV-32a of the pod template,
 * then of the Deployment's status.collisionCount (when set) as 8 little-endian bytes, the
 * decimal sum rendered with apimachinery's rand.SafeEncodeString. Upstream feeds FNV with a
 * go-spew dump of the Go struct; the simulator feeds it the template's canonical JSON
 * (sorted keys), so the hashes have the real shape and stability (same template, same
 * hash; any change, a new hash) without being byte-identical to a real cluster's.
 */
import { utf8 } from '../../bytes';
import { goJson, isJsonObject, deepEqual, type JsonObject } from '../../store/json';

export { utf8 };

/** The label (and selector key) a Deployment adds to its ReplicaSets and their Pods. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** rand.SafeEncodeString's alphabet: no vowels, no look-alikes, so no accidental words. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const FNV_OFFSET_32 = 0x811c9dc5;
const FNV_PRIME_32 = 0x01000193;

/** FNV-1a, 32 bits, over bytes; `seed` continues a previous sum (hash.Hash's Write). */
export function fnv32a(bytes: ArrayLike<number>, seed: number = FNV_OFFSET_32): number {
  let hash = seed >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i]! & 0xff;
    hash = Math.imul(hash, FNV_PRIME_32) >>> 0;
  }
  return hash >>> 0;
}


/** Mirrors rand.SafeEncodeString: each character mapped into the safe alphabet by its code. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (const char of text) out += SAFE_ALPHABET[char.codePointAt(0)! % SAFE_ALPHABET.length];
  return out;
}

/**
 * The pod-template-hash of a template (as stored, defaults applied) and the Deployment's
 * status.collisionCount. Mirrors controller.ComputeHash (see the file comment).
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let sum = fnv32a(utf8(goJson(template ?? {})));
  if (collisionCount !== undefined) {
    // binary.LittleEndian.PutUint32 into an 8-byte buffer: four bytes of count, four zeros.
    const count = collisionCount >>> 0;
    sum = fnv32a([count & 0xff, (count >>> 8) & 0xff, (count >>> 16) & 0xff, (count >>> 24) & 0xff, 0, 0, 0, 0], sum);
  }
  return safeEncodeString(String(sum));
}

/** A template without the hash label, and with empty maps dropped (Semantic.DeepEqual: nil equals empty). */
function withoutHash(template: unknown): unknown {
  if (!isJsonObject(template)) return template;
  const metadata = isJsonObject(template.metadata) ? { ...template.metadata } : {};
  const labels = isJsonObject(metadata.labels) ? { ...metadata.labels } : {};
  delete labels[POD_TEMPLATE_HASH_LABEL];
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  else delete metadata.labels;
  if (isJsonObject(metadata.annotations) && Object.keys(metadata.annotations).length === 0) delete metadata.annotations;
  const out: JsonObject = { ...template };
  if (Object.keys(metadata).length > 0) out.metadata = metadata;
  else delete out.metadata;
  return out;
}

/**
 * Mirrors deploymentutil.EqualIgnoreHash: two pod templates are the same revision when they
 * are equal once the pod-template-hash label is ignored.
 */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return deepEqual(withoutHash(a), withoutHash(b));
}
