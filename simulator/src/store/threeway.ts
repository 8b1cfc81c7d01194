/**
 * kubectl's client-side apply merge: the three-way strategic merge of
 * `original` (the last-applied configuration), `modified` (the manifest being applied)
 * and `current` (the live object), as apimachinery's
 * `strategicpatch.CreateThreeWayMergePatch` computes the patch and the API server applies
 * it. Computed directly as the merged object rather than as a patch: fields removed from
 * the manifest since the last apply are deleted, fields others set (controllers,
 * defaults) are kept, lists with a patch merge key are merged item by item.
 */
import { definition, resolve, type SchemaNode } from '../api/schemas';
import { clone, isJsonObject, scalarText, type JsonObject } from './json';

/** A field's strategic-merge metadata: the `patchMergeKey` / `patchStrategy` tags of k8s.io/api. */
export interface PatchMeta {
  /** Lists of objects merged by this key (`patchStrategy:"merge"`). */
  mergeKey?: string;
  /** Lists of scalars merged as sets (`patchStrategy:"merge"` without a key: finalizers). */
  mergeScalars?: boolean;
  /** `retainKeys`: keys of the live value that the manifest does not set are dropped. */
  retainKeys?: boolean;
}

const byName: PatchMeta = { mergeKey: 'name' };
const byType: PatchMeta = { mergeKey: 'type' };
const conditions = { conditions: byType };
const CONTAINER: Readonly<Record<string, PatchMeta>> = {
  ports: { mergeKey: 'containerPort' },
  env: byName,
  volumeMounts: { mergeKey: 'mountPath' },
  volumeDevices: { mergeKey: 'devicePath' },
};

/**
 * Mirrors the tags of k8s.io/api v1.30, keyed by schema definition then property. Lists
 * not listed here (tolerations, args, rules, subsets...) are atomic: the manifest's list
 * replaces the live one.
 */
export const PATCH_META: Readonly<Record<string, Readonly<Record<string, PatchMeta>>>> = {
  'meta.v1.ObjectMeta': { ownerReferences: { mergeKey: 'uid' }, finalizers: { mergeScalars: true } },
  'core.v1.PodSpec': {
    volumes: { mergeKey: 'name', retainKeys: true },
    initContainers: byName,
    containers: byName,
    ephemeralContainers: byName,
    imagePullSecrets: byName,
    hostAliases: { mergeKey: 'ip' },
    topologySpreadConstraints: { mergeKey: 'topologyKey' },
    resourceClaims: { mergeKey: 'name', retainKeys: true },
    schedulingGates: byName,
  },
  'core.v1.Container': CONTAINER,
  'core.v1.EphemeralContainer': CONTAINER,
  'core.v1.ServiceSpec': { ports: { mergeKey: 'port' } },
  'core.v1.ServiceAccount': { secrets: byName },
  'core.v1.NodeSpec': { podCIDRs: { mergeScalars: true } },
  'core.v1.NodeStatus': { conditions: byType, addresses: byType },
  'core.v1.PodStatus': { conditions: byType, podIPs: { mergeKey: 'ip' } },
  'core.v1.NamespaceStatus': conditions,
  'core.v1.PersistentVolumeClaimStatus': conditions,
  'core.v1.ReplicationControllerStatus': conditions,
  'core.v1.ServiceStatus': conditions,
  'apps.v1.DeploymentSpec': { strategy: { retainKeys: true } },
  'apps.v1.DeploymentStatus': conditions,
  'apps.v1.ReplicaSetStatus': conditions,
  'apps.v1.StatefulSetStatus': conditions,
  'apps.v1.DaemonSetStatus': conditions,
  'batch.v1.JobStatus': conditions,
  'policy.v1.PodDisruptionBudgetStatus': conditions,
  'autoscaling.v2.HorizontalPodAutoscalerStatus': conditions,
};

/** Where in the schema a value is: the node and, when it is one, the definition's name. */
interface TypeRef {
  node: SchemaNode;
  name?: string;
}

/** The type of `parent[key]` (the item type for a list) and the field's patch metadata. */
function field(parent: TypeRef | undefined, key: string): { type?: TypeRef; meta?: PatchMeta } {
  if (!parent) return {};
  const meta = parent.name ? PATCH_META[parent.name]?.[key] : undefined;
  const property = parent.node.properties && Object.hasOwn(parent.node.properties, key) ? parent.node.properties[key] : undefined;
  if (!property) return { meta };
  let type: TypeRef = resolve(property);
  if (type.node.items) type = resolve(type.node.items);
  return { type, meta };
}

/**
 * The object kubectl apply leaves on the server. `original` is undefined when the live
 * object has no last-applied annotation (nothing is then deleted); `definitionName` is
 * the kind's schema definition (`apps.v1.Deployment`), which gives the merge keys.
 */
export function threeWayMerge(original: JsonObject | undefined, modified: JsonObject, current: JsonObject, definitionName: string): JsonObject {
  const root = definition(definitionName);
  return mergeMaps(original, modified, current, root && { node: root, name: definitionName }, false);
}

function mergeMaps(original: JsonObject | undefined, modified: JsonObject, current: JsonObject, type: TypeRef | undefined, retainKeys: boolean): JsonObject {
  const out: JsonObject = { ...current };
  if (original) {
    for (const key of Object.keys(original)) if (!Object.hasOwn(modified, key)) delete out[key];
  }
  for (const [key, value] of Object.entries(modified)) {
    if (value === null || value === undefined) {
      delete out[key];
      continue;
    }
    const live = current[key];
    const before = original?.[key];
    const { type: childType, meta } = field(type, key);
    if (isJsonObject(value) && isJsonObject(live)) {
      out[key] = mergeMaps(isJsonObject(before) ? before : undefined, value, live, childType, meta?.retainKeys ?? false);
    } else if (Array.isArray(value) && Array.isArray(live) && meta && (meta.mergeKey || meta.mergeScalars)) {
      out[key] = mergeLists(Array.isArray(before) ? before : undefined, value, live, childType, meta);
    } else {
      out[key] = clone(value);
    }
  }
  if (retainKeys) {
    // The $retainKeys directive: only what the manifest sets survives (e.g. a Deployment
    // switching to `type: Recreate` loses its defaulted rollingUpdate).
    const keep = new Set(Object.keys(modified).filter((key) => modified[key] !== null && modified[key] !== undefined));
    if (keep.size > 0) for (const key of Object.keys(out)) if (!keep.has(key)) delete out[key];
  }
  return out;
}

/** A list item's identity: its merge key's value (`%v` in Go), or the scalar itself. */
type KeyOf = (item: unknown) => string | undefined;

function mergeLists(original: unknown[] | undefined, modified: unknown[], current: unknown[], itemType: TypeRef | undefined, meta: PatchMeta): unknown[] {
  const mergeKey = meta.mergeKey;
  const keyOf: KeyOf = mergeKey
    ? (item) => (isJsonObject(item) && item[mergeKey] !== undefined && item[mergeKey] !== null ? scalarText(item[mergeKey]) : undefined)
    : (item) => (item !== null && typeof item !== 'object' ? `${typeof item}:${scalarText(item)}` : undefined);
  // Without a usable key the patch could not be computed either: the manifest's list wins
  // and validation reports what is wrong with it.
  if ([modified, current, original ?? []].some((list) => list.some((item) => keyOf(item) === undefined))) return clone(modified);
  const inModified = new Set(modified.map(keyOf));
  const deleted = new Set((original ?? []).map(keyOf).filter((key) => !inModified.has(key)));
  const originalByKey = new Map((original ?? []).map((item) => [keyOf(item), item] as const));
  const currentByKey = new Map(current.map((item) => [keyOf(item), item] as const));
  const patchItems: unknown[] = [];
  const seen = new Set<string>();
  for (const item of modified) {
    const key = keyOf(item)!;
    if (seen.has(key)) continue;
    seen.add(key);
    const live = currentByKey.get(key);
    const before = originalByKey.get(key);
    if (mergeKey && isJsonObject(item) && isJsonObject(live)) {
      patchItems.push(mergeMaps(isJsonObject(before) ? before : undefined, item, live, itemType, meta.retainKeys ?? false));
    } else {
      patchItems.push(clone(item));
    }
  }
  const serverOnly = current.filter((item) => !inModified.has(keyOf(item)) && !deleted.has(keyOf(item)));
  return mergeSortedSlice(serverOnly, patchItems, current, keyOf);
}

/**
 * strategicpatch's mergeSortedSlice: the manifest's items in the manifest's order, with
 * the items only the server has slotted back where they were in the live list.
 */
function mergeSortedSlice(serverOnly: unknown[], patchItems: unknown[], live: unknown[], keyOf: KeyOf): unknown[] {
  const position = new Map(live.map((item, index) => [keyOf(item), index] as const));
  const indexOf = (item: unknown): number => position.get(keyOf(item)) ?? -1;
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < patchItems.length) {
    if (i >= serverOnly.length) out.push(patchItems[j++]);
    else if (j >= patchItems.length) out.push(serverOnly[i++]);
    else {
      const left = indexOf(serverOnly[i]);
      const right = indexOf(patchItems[j]);
      if (left >= 0 && right >= 0 && left < right) out.push(serverOnly[i++]);
      else out.push(patchItems[j++]);
    }
  }
  return out;
}
