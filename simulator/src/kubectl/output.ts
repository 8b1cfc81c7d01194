/**
 * `kubectl get -o yaml|json|name`: the object as the API server returned it, without
 * `metadata.managedFields` (kubectl hides them unless `--show-managed-fields`); several
 * objects are wrapped in a `v1/List` with an empty resourceVersion, as kubectl does.
 */
import { toJson } from './json';
import { toYaml } from './yaml';
import { obj, str, type Json } from './fields';

export type OutputFormat = 'yaml' | 'json' | 'name';

/** The object without managedFields (a shallow copy; the input is not changed). */
function withoutManagedFields(object: Json): Json {
  const metadata = obj(object.metadata);
  if (!('managedFields' in metadata)) return object;
  const { managedFields: _hidden, ...rest } = metadata;
  return { ...object, metadata: rest };
}

/** `deployment.apps/web`, `pod/web-1`: kubectl's name printer (lower-case kind, then group). */
export function resourceName(object: Json): string {
  const apiVersion = str(object.apiVersion);
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return `${str(object.kind).toLowerCase()}${group === '' ? '' : `.${group}`}/${str(obj(object.metadata).name)}`;
}

/** One object in `-o yaml`, `-o json` or `-o name`. */
export function printObject(object: Json, format: OutputFormat): string {
  if (format === 'name') return `${resourceName(object)}\n`;
  const shown = withoutManagedFields(object);
  return format === 'yaml' ? toYaml(shown) : toJson(shown);
}

/**
 * What `kubectl get <kind>` prints with `-o yaml|json|name` for a list (even of one item,
 * or none): `kind: List`; `-o name` prints one line per object.
 */
export function printList(objects: readonly Json[], format: OutputFormat): string {
  if (format === 'name') return objects.map((object) => `${resourceName(object)}\n`).join('');
  const list = { apiVersion: 'v1', items: objects.map(withoutManagedFields), kind: 'List', metadata: { resourceVersion: '' } };
  return format === 'yaml' ? toYaml(list) : toJson(list);
}
