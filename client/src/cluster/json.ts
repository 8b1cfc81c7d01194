/** Reading decoded Kubernetes objects without casts everywhere: absent or mistyped fields read as empty. */

export type Json = Record<string, unknown>;

export const isObj = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
export const obj = (value: unknown): Json => (isObj(value) ? value : {});
export const arr = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObj) : []);
export const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');
export const num = (value: unknown, fallback = 0): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/** `object.a.b.c`, or undefined. */
export function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) current = isObj(current) ? current[key] : undefined;
  return current;
}

export const meta = (object: Json): Json => obj(object.metadata);
export const nameOf = (object: Json): string => str(meta(object).name);
export const namespaceOf = (object: Json): string => str(meta(object).namespace);
export const uidOf = (object: Json): string => str(meta(object).uid);

/** The uid of the object's controller (ownerReferences[controller=true]), or ''. */
export function controllerUid(object: Json): string {
  const refs = arr(meta(object).ownerReferences);
  const ref = refs.find((r) => r.controller === true) ?? refs[0];
  return ref ? str(ref.uid) : '';
}

/** The condition of this type, if reported. */
export const condition = (object: Json, type: string): Json | undefined => arr(at(object, 'status.conditions')).find((c) => str(c.type) === type);
