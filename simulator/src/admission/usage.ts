/**
 * What an object costs in quota: the evaluators of kube-apiserver's quota registry
 * (pkg/quota/v1/evaluator/core, v1.30). Pods count `pods`, their requests and limits
 * (`requests.cpu`, `limits.memory`...) while they are not terminal; Services count
 * `services`, `services.nodeports` and `services.loadbalancers`; claims `persistentvolumeclaims`
 * and `requests.storage` (also per storage class); every kind counts `count/<resource>.<group>`,
 * and ConfigMaps, Secrets, ReplicationControllers and ResourceQuotas their legacy names too.
 * Quota scopes (Terminating, NotTerminating, BestEffort, NotBestEffort, PriorityClass)
 * select Pods only.
 */
import type { KindInfo } from '../api/catalog';
import { isJsonObject, type JsonObject } from '../store/json';
import { addLists, count, quantityOf, resourceList, type ResourceList } from './resources';

type Obj = JsonObject;
const objAt = (object: unknown, field: string): Obj => (isJsonObject(object) && isJsonObject(object[field]) ? object[field] : {});
const listAt = (object: unknown, field: string): Obj[] => {
  const value = isJsonObject(object) ? object[field] : undefined;
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
};

/** `count/deployments.apps`, `count/pods`: the object-count name of a resource. */
export const objectCountName = (info: Pick<KindInfo, 'group' | 'resource'>): string => (info.group === '' ? `count/${info.resource}` : `count/${info.resource}.${info.group}`);

/** The legacy object-count names (ResourceConfigMaps, ResourceSecrets...), by core resource. */
const LEGACY_COUNTS: Readonly<Record<string, string>> = {
  configmaps: 'configmaps',
  secrets: 'secrets',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
};

const POD_STANDARD = new Set([
  'pods', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage',
]);
const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';

const isPods = (info: Pick<KindInfo, 'group' | 'resource'>): boolean => info.group === '' && info.resource === 'pods';
const isServices = (info: Pick<KindInfo, 'group' | 'resource'>): boolean => info.group === '' && info.resource === 'services';
const isClaims = (info: Pick<KindInfo, 'group' | 'resource'>): boolean => info.group === '' && info.resource === 'persistentvolumeclaims';

/** helper.IsExtendedResourceName: a qualified name outside kubernetes.io (`nvidia.com/gpu`). */
const isExtended = (name: string): boolean => name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.');

/** The names of `hard` an evaluator for `info` tracks (evaluator.MatchingResources). */
export function matchingResources(info: Pick<KindInfo, 'group' | 'resource'>, hard: Iterable<string>): string[] {
  const out: string[] = [];
  const countName = objectCountName(info);
  for (const name of hard) {
    if (name === countName) out.push(name);
    else if (info.group === '' && LEGACY_COUNTS[info.resource] === name) out.push(name);
    else if (isPods(info) && (POD_STANDARD.has(name) || name.startsWith('hugepages-') || name.startsWith('requests.hugepages-') || (name.startsWith('requests.') && isExtended(name.slice(9))))) out.push(name);
    else if (isServices(info) && (name === 'services' || name === 'services.nodeports' || name === 'services.loadbalancers')) out.push(name);
    else if (isClaims(info) && (name === 'persistentvolumeclaims' || name === 'requests.storage' || name.includes(STORAGE_CLASS_SUFFIX))) out.push(name);
  }
  return out;
}

/** resourcehelper.PodRequests / PodLimits (v1.30): containers and sidecars summed, init containers as a floor, overhead added. */
export function podResources(pod: Obj, field: 'requests' | 'limits'): ResourceList {
  const spec = objAt(pod, 'spec');
  let total: ResourceList = new Map();
  for (const container of listAt(spec, 'containers')) total = addLists(total, resourceList(objAt(objAt(container, 'resources'), field)));
  let sidecars: ResourceList = new Map();
  const peak: ResourceList = new Map();
  const raise = (candidate: ResourceList): void => {
    for (const [name, quantity] of candidate) if (!peak.has(name) || quantity.nanos > peak.get(name)!.nanos) peak.set(name, quantity);
  };
  for (const container of listAt(spec, 'initContainers')) {
    const own = resourceList(objAt(objAt(container, 'resources'), field));
    if (container.restartPolicy === 'Always') {
      total = addLists(total, own);
      sidecars = addLists(sidecars, own);
      raise(sidecars);
    } else {
      raise(addLists(own, sidecars));
    }
  }
  for (const [name, quantity] of peak) if (!total.has(name) || quantity.nanos > total.get(name)!.nanos) total.set(name, quantity);
  const overhead = resourceList(spec.overhead);
  for (const [name, quantity] of overhead) {
    if (field === 'limits' && !total.has(name)) continue;
    total = addLists(total, new Map([[name, quantity]]));
  }
  return total;
}

/** podComputeUsageHelper: what requests and limits count as. */
export function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const out: ResourceList = new Map([['pods', count(1)]]);
  for (const resource of ['cpu', 'memory', 'ephemeral-storage']) {
    const request = requests.get(resource);
    if (request) {
      out.set(resource, request);
      out.set(`requests.${resource}`, request);
    }
    const limit = limits.get(resource);
    if (limit) out.set(`limits.${resource}`, limit);
  }
  for (const [name, request] of requests) {
    if (name.startsWith('hugepages-')) {
      out.set(name, request);
      out.set(`requests.${name}`, request);
    }
    if (isExtended(name)) out.set(`requests.${name}`, request);
  }
  return out;
}

/** QuotaV1Pod: terminal Pods, and Pods stuck terminating past their grace period, cost nothing. */
export function podCounts(pod: Obj, now: number): boolean {
  const phase = objAt(pod, 'status').phase;
  if (phase === 'Failed' || phase === 'Succeeded') return false;
  const meta = objAt(pod, 'metadata');
  if (typeof meta.deletionTimestamp === 'string' && typeof meta.deletionGracePeriodSeconds === 'number') {
    const deletion = Date.parse(meta.deletionTimestamp);
    if (now > deletion + meta.deletionGracePeriodSeconds * 1000) return false;
  }
  return true;
}

/** The claim's class: spec.storageClassName, else the beta annotation. */
function claimClass(claim: Obj): string {
  const name = objAt(claim, 'spec').storageClassName;
  if (typeof name === 'string') return name;
  const annotation = objAt(objAt(claim, 'metadata'), 'annotations')['volume.beta.kubernetes.io/storage-class'];
  return typeof annotation === 'string' ? annotation : '';
}

/** What one object of `info` costs (evaluator.Usage). */
export function usageOf(info: Pick<KindInfo, 'group' | 'resource'>, object: Obj, now: number): ResourceList {
  let out: ResourceList = new Map([[objectCountName(info), count(1)]]);
  if (info.group === '' && LEGACY_COUNTS[info.resource]) out.set(LEGACY_COUNTS[info.resource]!, count(1));
  if (isPods(info)) {
    if (podCounts(object, now)) out = addLists(out, computeUsage(podResources(object, 'requests'), podResources(object, 'limits')));
  } else if (isServices(info)) {
    const spec = objAt(object, 'spec');
    const ports = listAt(spec, 'ports').length;
    out.set('services', count(1));
    let nodePorts = 0;
    if (spec.type === 'NodePort') nodePorts = ports;
    if (spec.type === 'LoadBalancer') {
      if (spec.allocateLoadBalancerNodePorts !== false) nodePorts = ports;
      out.set('services.loadbalancers', count(1));
    } else {
      out.set('services.loadbalancers', count(0));
    }
    out.set('services.nodeports', count(nodePorts));
  } else if (isClaims(info)) {
    out.set('persistentvolumeclaims', count(1));
    const storage = quantityOf(objAt(objAt(objAt(object, 'spec'), 'resources'), 'requests').storage);
    const className = claimClass(object);
    if (className !== '') out.set(`${className}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`, count(1));
    if (storage) {
      out.set('requests.storage', storage);
      if (className !== '') out.set(`${className}${STORAGE_CLASS_SUFFIX}requests.storage`, storage);
    }
  }
  return out;
}

/** qos.GetPodQOS() === BestEffort: no container asks for or caps cpu or memory. */
function isBestEffort(pod: Obj): boolean {
  const spec = objAt(pod, 'spec');
  for (const container of [...listAt(spec, 'containers'), ...listAt(spec, 'initContainers')]) {
    const resources = objAt(container, 'resources');
    for (const field of ['requests', 'limits']) {
      const list = objAt(resources, field);
      if (list.cpu !== undefined || list.memory !== undefined) return false;
    }
  }
  return true;
}

function podMatchesScope(pod: Obj, scope: string, operator = 'Exists', values: readonly unknown[] = []): boolean {
  const spec = objAt(pod, 'spec');
  switch (scope) {
    case 'Terminating':
      return typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds >= 0;
    case 'NotTerminating':
      return !(typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds >= 0);
    case 'BestEffort':
      return isBestEffort(pod);
    case 'NotBestEffort':
      return !isBestEffort(pod);
    case 'PriorityClass': {
      const name = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
      if (operator === 'Exists') return name !== '';
      if (operator === 'DoesNotExist') return name === '';
      const listed = values.includes(name);
      return operator === 'In' ? listed : !listed;
    }
    default:
      return false;
  }
}

/**
 * evaluator.Matches: the quota tracks something of this kind, and the object is in all
 * of its scopes (a scoped quota only ever matches Pods).
 */
export function quotaMatches(quota: Obj, info: Pick<KindInfo, 'group' | 'resource'>, object: Obj, hard: Iterable<string>): boolean {
  if (matchingResources(info, hard).length === 0) return false;
  const spec = objAt(quota, 'spec');
  const scopes = Array.isArray(spec.scopes) ? spec.scopes.filter((s): s is string => typeof s === 'string') : [];
  const expressions = listAt(objAt(spec, 'scopeSelector'), 'matchExpressions');
  if (scopes.length === 0 && expressions.length === 0) return true;
  if (!isPods(info)) return false;
  if (!scopes.every((scope) => podMatchesScope(object, scope))) return false;
  return expressions.every((e) => podMatchesScope(object, String(e.scopeName), String(e.operator), Array.isArray(e.values) ? e.values : []));
}
