/**
 * ResourceQuota, the admission plugin and the usage its controller reports
 * (plugin/pkg/admission/resourcequota and pkg/controller/resourcequota, v1.30).
 *
 * On create, each quota of the namespace that tracks the kind (and whose scopes match the
 * object) first checks its constraints (a quota on cpu or memory wants every container to
 * say it: `failed quota: q: must specify limits.cpu for: app; requests.cpu for: app`),
 * then adds the object's usage to what the namespace uses and refuses what would go past
 * `hard`: `exceeded quota: q, requested: requests.cpu=500m, used: requests.cpu=1500m, limited: requests.cpu=2`.
 *
 * The real plugin adds to `status.used` and writes it back before the object is stored;
 * here the simulated API server is one process, so the namespace's usage is counted from
 * the stored objects at that moment: the same numbers, with no window where two creations
 * race past a quota. For the same reason a quota its controller has not seen yet is taken
 * at its `spec.hard` instead of answering `status unknown for quota`.
 */
import { KINDS, kindInfo, type KindInfo } from '../api/catalog';
import { compareStrings, isJsonObject, type JsonObject } from '../store/json';
import { ZERO, addLists, exceeded, mask, prettyPrint, removeZeros, resourceList, type ResourceList } from './resources';
import { computeUsage, matchingResources, quotaMatches, usageOf } from './usage';

type Obj = JsonObject;

/** Lists the objects of a kind in one namespace (the store's view: read only). */
export type NamespaceLister = (info: KindInfo, namespace: string) => readonly Readonly<Obj>[];

const PODS = kindInfo('v1', 'Pod')!;
const objAt = (object: unknown, field: string): Obj => (isJsonObject(object) && isJsonObject(object[field]) ? object[field] : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The quota's hard limits as its controller published them, else as its spec says. */
export function hardOf(quota: Obj): ResourceList {
  const published = objAt(quota, 'status').hard;
  return resourceList(isJsonObject(published) && Object.keys(published).length > 0 ? published : objAt(quota, 'spec').hard);
}

/** The kinds whose objects a quota with these names counts. */
function countedKinds(hard: Iterable<string>): KindInfo[] {
  const names = [...hard];
  return KINDS.filter((info) => info.preferred && info.namespaced && info.verbs.includes('list') && matchingResources(info, names).length > 0);
}

/**
 * What the namespace uses of each resource the quota limits (quota.CalculateUsage): every
 * tracked name starts at 0, then each matching object's usage is added.
 */
export function namespaceUsage(quota: Obj, list: NamespaceLister, now: number): ResourceList {
  const namespace = text(objAt(quota, 'metadata').namespace);
  const hardNames = [...hardOf(quota).keys()];
  let used: ResourceList = new Map();
  for (const info of countedKinds(hardNames)) {
    const tracked = matchingResources(info, hardNames);
    let total: ResourceList = new Map(tracked.map((name) => [name, ZERO]));
    for (const object of list(info, namespace)) {
      if (quotaMatches(quota, info, object, hardNames)) total = addLists(total, usageOf(info, object, now));
    }
    used = addLists(used, mask(total, tracked));
  }
  return used;
}

// Mirrors the pod evaluator's validationSet: quotas on these want every container to set them.
const VALIDATION_SET = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/** podEvaluator.Constraints: `must specify limits.cpu for: app; requests.cpu for: app,sidecar`. */
function podConstraints(pod: Obj, restricted: readonly string[]): string | undefined {
  const required = VALIDATION_SET.filter((name) => restricted.includes(name));
  if (required.length === 0) return undefined;
  const missing = new Map<string, Set<string>>();
  const spec = objAt(pod, 'spec');
  const containers = [spec.containers, spec.initContainers].flatMap((list): unknown[] => (Array.isArray(list) ? list : [])).filter(isJsonObject);
  for (const container of containers) {
    const resources = objAt(container, 'resources');
    const has = computeUsage(resourceList(resources.requests), resourceList(resources.limits));
    for (const name of required) {
      if (has.has(name)) continue;
      if (!missing.has(name)) missing.set(name, new Set());
      missing.get(name)!.add(String(container.name));
    }
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort(compareStrings).map((name) => `${name} for: ${[...missing.get(name)!].sort(compareStrings).join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

/**
 * Mirrors CheckRequest on create: the reason the object may not be created (what follows
 * `pods "web" is forbidden: `), or undefined when every quota lets it in.
 */
export function quotaRefusal(info: KindInfo, object: Obj, list: NamespaceLister, now: number): string | undefined {
  const namespace = text(objAt(object, 'metadata').namespace);
  const quotas = list(kindInfo('v1', 'ResourceQuota')!, namespace);
  if (quotas.length === 0) return undefined;
  const interesting: Obj[] = [];
  for (const quota of quotas) {
    const hardNames = [...hardOf(quota).keys()];
    if (!quotaMatches(quota, info, object, hardNames)) continue;
    const restricted = matchingResources(info, hardNames);
    if (info === PODS) {
      const constraint = podConstraints(object, restricted);
      if (constraint) return `failed quota: ${String(objAt(quota, 'metadata').name)}: ${constraint}`;
    }
    interesting.push(quota);
  }
  if (interesting.length === 0) return undefined;
  const delta = removeZeros(usageOf(info, object, now));
  if (delta.size === 0) return undefined;
  for (const quota of interesting) {
    const hard = hardOf(quota);
    const requested = mask(delta, hard.keys());
    const used = namespaceUsage(quota, list, now);
    const over = exceeded(mask(addLists(used, requested), requested.keys()), hard);
    if (over.length === 0) continue;
    const name = String(objAt(quota, 'metadata').name);
    return `exceeded quota: ${name}, requested: ${prettyPrint(mask(requested, over))}, used: ${prettyPrint(mask(used, over))}, limited: ${prettyPrint(mask(hard, over))}`;
  }
  return undefined;
}

