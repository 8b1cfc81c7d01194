/**
 * Small helpers shared by the defaulters. A defaulter works on the private deep copy made
 * by `applyDefaults`, so it may fill fields in place, as upstream's `SetDefaults_*`
 * functions do on the decoded object.
 *
 * Go's decoding gives two kinds of "unset": a nil pointer (`replicas`, `suspend`), which
 * only absence or `null` produces, and a zero value (`""`, `0`) for plain fields
 * (`dnsPolicy`, a probe's `timeoutSeconds`), which an explicit `""` or `0` produces too.
 * `setIfNil` and `setIfZero` keep that difference, so `replicas: 0` stays 0 while
 * `timeoutSeconds: 0` becomes 1, as on a real API server.
 */

/** A decoded JSON object. */
export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A deep copy of a decoded JSON value (objects, arrays and scalars). */
export function deepCopy<T>(value: T): T {
  return copyValue(value) as T;
}

function copyValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyValue(value[i]);
    return out;
  }
  const out: Obj = {};
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) out[key] = copyValue((value as Obj)[key]);
  return out;
}

/** The object at `key`, or undefined when absent, null or not an object. */
export function objAt(parent: Obj | undefined, key: string): Obj | undefined {
  const value = parent?.[key];
  return isObj(value) ? value : undefined;
}

/**
 * The object at `key`, created empty when absent or null, like the zero value of an
 * embedded Go struct (`spec.strategy`). Undefined if something that is not an object
 * sits there: validation will report it, defaulting must not hide it.
 */
export function ensureObj(parent: Obj | undefined, key: string): Obj | undefined {
  if (parent === undefined) return undefined;
  const value = parent[key];
  if (value === undefined || value === null) {
    const created: Obj = {};
    parent[key] = created;
    return created;
  }
  return isObj(value) ? value : undefined;
}

/** The object items of the array at `key` (other items are left to validation). */
export function objsAt(parent: Obj | undefined, key: string): Obj[] {
  const value = parent?.[key];
  return Array.isArray(value) ? value.filter(isObj) : [];
}

/** Whether Go would see a nil pointer, map or slice here. */
export function isNil(value: unknown): boolean {
  return value === undefined || value === null;
}

/** Defaults a pointer field: only absence or `null` count as unset. */
export function setIfNil(target: Obj | undefined, key: string, value: unknown): void {
  if (target !== undefined && isNil(target[key])) target[key] = value;
}

/** Defaults a plain string or integer field: `""` and `0` count as unset, as in Go. */
export function setIfZero(target: Obj | undefined, key: string, value: unknown): void {
  if (target === undefined) return;
  const current = target[key];
  if (isNil(current) || current === '' || current === 0) target[key] = value;
}

/** Whether a map or slice is empty in Go's sense (`len(x) == 0`): absent, null or empty. */
export function isEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (isObj(value)) return Object.keys(value).length === 0;
  return isNil(value);
}

/** Structural equality of two decoded JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isObj(a) && isObj(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return false;
}
