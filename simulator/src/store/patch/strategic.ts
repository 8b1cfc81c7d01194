/**
 * The API server's side of a strategic merge patch (apimachinery
 * strategicpatch.StrategicMergePatch, v1.30): what `kubectl apply`, `edit`, `set image`
 * and `rollout restart` send. Maps merge key by key (`null` deletes); lists of objects
 * with a patch merge key merge item by item, lists of scalars with the merge strategy
 * are sets, the other lists are replaced. The directives kubectl writes are honoured:
 * `$patch: replace|delete|merge`, `$retainKeys`, `$setElementOrder/LIST` and
 * `$deleteFromPrimitiveList/LIST`. The merge keys are the simulator's (PATCH_META, the
 * struct tags of k8s.io/api), found by walking the kind's schema.
 */
import { definition, resolve, type SchemaNode } from '../../api/schemas';
import { clone, isJsonObject, scalarText, type JsonObject } from '../json';
import { badRequest } from '../selectors';
import { PATCH_META, type PatchMeta } from '../threeway';

interface TypeRef {
  node: SchemaNode;
  name?: string;
}

const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVES = '$deleteFromPrimitiveList/';

/** The type of `parent[key]` (the item type for a list) and its patch metadata. */
function field(parent: TypeRef | undefined, key: string): { type?: TypeRef; meta?: PatchMeta } {
  if (!parent) return {};
  const meta = parent.name ? PATCH_META[parent.name]?.[key] : undefined;
  const property = parent.node.properties && Object.hasOwn(parent.node.properties, key) ? parent.node.properties[key] : undefined;
  // A map's values (labels, data...) are typed by additionalProperties.
  const child = property ?? (isJsonObject(parent.node.additionalProperties) ? (parent.node.additionalProperties) : undefined);
  if (!child) return { meta };
  let type: TypeRef = resolve(child);
  if (type.node.items) type = resolve(type.node.items);
  return { type, meta };
}

/** Removes the directives from a value the patch adds as is. */
function withoutDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => !(isJsonObject(item) && Object.keys(item).length === 1 && '$patch' in item)).map(withoutDirectives);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('$')) continue;
    out[key] = withoutDirectives(item);
  }
  return out;
}

/** Applies a strategic merge patch to an object of the kind `definitionName` (`apps.v1.Deployment`). */
export function strategicMergePatch(original: JsonObject, patch: unknown, definitionName: string): JsonObject {
  if (!isJsonObject(patch)) throw badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}', 'Un patch « strategic merge » est un objet JSON.');
  const root = definition(definitionName);
  return mergeMap(original, patch, root && { node: root, name: definitionName }) ?? {};
}

function mergeMap(original: JsonObject, patch: JsonObject, type: TypeRef | undefined): JsonObject | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return withoutDirectives(patch) as JsonObject;
  if (directive !== undefined && directive !== 'merge') throw badRequest(`Unknown patch type: ${scalarText(directive)} in map: ${JSON.stringify(patch)}`, '$patch accepte replace, delete ou merge.');
  const out: JsonObject = { ...original };
  if (patch.$retainKeys !== undefined) {
    if (!Array.isArray(patch.$retainKeys)) throw badRequest('invalid retainKeys directive: must be a list', '$retainKeys attend une liste de clés.');
    const keep = new Set(patch.$retainKeys.map(scalarText));
    for (const key of Object.keys(out)) if (!keep.has(key)) delete out[key];
  }
  for (const [key, value] of Object.entries(patch)) {
    if (!key.startsWith(DELETE_PRIMITIVES)) continue;
    const list = key.slice(DELETE_PRIMITIVES.length);
    const remove = new Set((Array.isArray(value) ? value : []).map(scalarText));
    if (Array.isArray(out[list])) out[list] = (out[list] as unknown[]).filter((item) => !remove.has(scalarText(item)));
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete out[key];
      continue;
    }
    const { type: child, meta } = field(type, key);
    const current = out[key];
    if (isJsonObject(value)) {
      const merged = mergeMap(isJsonObject(current) ? current : {}, value, child);
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    } else if (Array.isArray(value) && meta && (meta.mergeKey || meta.mergeScalars)) {
      out[key] = mergeList(Array.isArray(current) ? current : [], value, child, meta);
    } else {
      out[key] = withoutDirectives(clone(value));
    }
  }
  for (const [key, value] of Object.entries(patch)) {
    if (!key.startsWith(SET_ORDER) || !Array.isArray(value)) continue;
    const list = key.slice(SET_ORDER.length);
    const meta = field(type, list).meta;
    if (Array.isArray(out[list])) out[list] = reorder(out[list] as unknown[], value, identity(meta));
  }
  return out;
}

type KeyOf = (item: unknown) => string | undefined;

function identity(meta: PatchMeta | undefined): KeyOf {
  const mergeKey = meta?.mergeKey;
  if (mergeKey) return (item) => (isJsonObject(item) && item[mergeKey] !== undefined && item[mergeKey] !== null ? scalarText(item[mergeKey]) : undefined);
  return (item) => (item !== null && typeof item !== 'object' ? scalarText(item) : undefined);
}

function mergeList(original: unknown[], patch: unknown[], itemType: TypeRef | undefined, meta: PatchMeta): unknown[] {
  if (patch.some((item) => isJsonObject(item) && item.$patch === 'replace')) return withoutDirectives(patch) as unknown[];
  const keyOf = identity(meta);
  const out = [...original];
  for (const item of patch) {
    const key = keyOf(item);
    const index = key === undefined ? -1 : out.findIndex((existing) => keyOf(existing) === key);
    if (isJsonObject(item) && item.$patch === 'delete') {
      if (index >= 0) out.splice(index, 1);
      continue;
    }
    if (meta.mergeScalars) {
      if (index < 0) out.push(clone(item));
      continue;
    }
    if (key === undefined) throw badRequest(`map: ${JSON.stringify(item)} does not contain declared merge key: ${meta.mergeKey ?? ''}`, `Chaque élément de cette liste doit avoir sa clé « ${meta.mergeKey ?? ''} ».`);
    if (index >= 0 && isJsonObject(out[index]) && isJsonObject(item)) out[index] = mergeMap(out[index], item, itemType) ?? out[index];
    else if (index >= 0) out[index] = withoutDirectives(clone(item));
    else out.push(withoutDirectives(clone(item)));
  }
  return out;
}

/**
 * `$setElementOrder`: the listed items in the listed order, the others (only the server
 * has them) slotted back where they were (strategicpatch's mergeSortedSlice).
 */
function reorder(items: unknown[], order: unknown[], keyOf: KeyOf): unknown[] {
  const wanted = order.map(keyOf);
  const rank = new Map(wanted.map((key, index) => [key, index] as const));
  const listed = items.filter((item) => rank.has(keyOf(item))).sort((a, b) => rank.get(keyOf(a))! - rank.get(keyOf(b))!);
  const others = items.filter((item) => !rank.has(keyOf(item)));
  const position = new Map(items.map((item, index) => [item, index] as const));
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < others.length || j < listed.length) {
    if (i >= others.length) out.push(listed[j++]);
    else if (j >= listed.length) out.push(others[i++]);
    else if (position.get(others[i])! < position.get(listed[j])!) out.push(others[i++]);
    else out.push(listed[j++]);
  }
  return out;
}
