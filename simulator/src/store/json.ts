/**
 * Plain-JSON helpers for the object store: objects live as decoded JSON, so copying,
 * comparing and encoding them is all the store ever does with values. The clone is a
 * hand-written walk rather than structuredClone: the simulator has no DOM or Node types,
 * and for small API objects a direct walk is faster.
 */

/** A Kubernetes object as decoded from a manifest: a plain JSON object. */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A deep copy of a JSON value (objects, arrays, strings, numbers, booleans, null). */
export function clone<T>(value: T): T {
  return cloneValue(value) as T;
}

// The hottest function of the simulator (every read and write copies): scalars are copied
// inline rather than through a call, and `hasOwnProperty.call` is cheaper than Object.hasOwn.
function cloneValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const length = value.length;
    const out = new Array<unknown>(length);
    for (let i = 0; i < length; i++) {
      const item: unknown = value[i];
      out[i] = item !== null && typeof item === 'object' ? cloneValue(item) : item;
    }
    return out;
  }
  const out: JsonObject = {};
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const item = (value as JsonObject)[key];
    if (item === undefined) continue;
    out[key] = item !== null && typeof item === 'object' ? cloneValue(item) : item;
  }
  return out;
}

/**
 * A copy of an object's own members, sharing their values: what a new version of a stored
 * object is made of when only some members change (the others are never changed in place).
 * A loop, because object spread at a call site that sees every kind is much slower.
 */
export function shallowCopy(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key) && value[key] !== undefined) out[key] = value[key];
  }
  return out;
}

/** The error a read-only view throws when someone tries to change it. */
export class ReadOnlyViolation extends TypeError {}

const views = new WeakMap<object, object>();

/**
 * A view of a JSON value that throws ReadOnlyViolation on any change (set, delete,
 * defineProperty, an array's push or sort), naming the path changed. Unlike
 * Object.freeze, it also throws in sloppy-mode code. What strict reads hand out.
 */
export function readOnlyView<T>(value: T, path = ''): T {
  if (value === null || typeof value !== 'object') return value;
  const cached = views.get(value);
  if (cached) return cached as T;
  const refuse = (property: string | symbol): never => {
    throw new ReadOnlyViolation(`read-only object changed at ${path}${path ? '.' : ''}${String(property)}`);
  };
  const view = new Proxy(value, {
    get: (target, property, receiver) => {
      const item: unknown = Reflect.get(target, property, receiver);
      return typeof property === 'string' && item !== null && typeof item === 'object' ? readOnlyView(item, `${path}${path ? '.' : ''}${property}`) : item;
    },
    set: (_target, property) => refuse(property),
    deleteProperty: (_target, property) => refuse(property),
    defineProperty: (_target, property) => refuse(property),
    setPrototypeOf: () => refuse('__proto__'),
  });
  views.set(value, view);
  return view;
}

/** Deep equality of two JSON values; key order does not matter, absent equals undefined. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as JsonObject;
  const right = b as JsonObject;
  let count = 0;
  for (const key in left) {
    if (!Object.hasOwn(left, key) || left[key] === undefined) continue;
    count++;
    if (!deepEqual(left[key], right[key])) return false;
  }
  for (const key in right) {
    if (Object.hasOwn(right, key) && right[key] !== undefined) count--;
  }
  return count === 0;
}

const GO_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
const GO_ESCAPED = /[<>&\u2028\u2029]/;
const GO_ESCAPED_ALL = /[<>&\u2028\u2029]/g;

/**
 * Encodes a JSON value the way Go's encoding/json does for a `map[string]interface{}`:
 * compact, object keys sorted, and `<`, `>`, `&`, U+2028, U+2029 escaped (json.Marshal's
 * HTML-safe default). kubectl writes `last-applied-configuration` this way, so a learner
 * comparing the annotation with a real cluster's sees the same text.
 */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    const text = JSON.stringify(value);
    return GO_ESCAPED.test(text) ? text.replace(GO_ESCAPED_ALL, (char) => GO_ESCAPES[char]!) : text;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + goJson(value[i]);
    return `${out}]`;
  }
  const object = value as JsonObject;
  const keys: string[] = [];
  for (const key in object) if (Object.prototype.hasOwnProperty.call(object, key) && object[key] !== undefined) keys.push(key);
  keys.sort(compareStrings);
  let out = '{';
  for (let i = 0; i < keys.length; i++) out += `${i > 0 ? ',' : ''}${goJson(keys[i])}:${goJson(object[keys[i]!])}`;
  return `${out}}`;
}

/** A scalar as Go's `%v` prints it (strings bare); objects and arrays as JSON. */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

/** Byte-wise string order (Go's sort.Strings for ASCII), independent of locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Applies a JSON merge patch (RFC 7386) to `target` and returns a new value: objects
 * merge recursively, `null` deletes a key, anything else (arrays included) replaces.
 * This is `kubectl patch --type merge`.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return clone(patch);
  const out: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}
