/**
 * The LimitRanger admission plugin (plugin/pkg/admission/limitranger, v1.30). On Pod
 * creation it fills in the `default` limits and `defaultRequest` requests of the
 * namespace's LimitRanges for the containers that set none, and says so in the
 * `kubernetes.io/limit-ranger` annotation (`LimitRanger plugin set: cpu, memory request
 * for container app; cpu limit for container app`); then it refuses Pods and claims
 * outside `min`, `max` and `maxLimitRequestRatio` with its own texts
 * (`minimum cpu usage per Container is 100m, but request is 50m`).
 */
import { canonicalQuantity, formatQuantity, milliValue, type Quantity } from '../api/quantity';
import { compareStrings, isJsonObject, type JsonObject } from '../store/json';
import { quantityOf, resourceList, type ResourceList } from './resources';
import { podResources } from './usage';

type Obj = JsonObject;
const objAt = (object: unknown, field: string): Obj => (isJsonObject(object) && isJsonObject(object[field]) ? object[field] : {});
const listAt = (object: unknown, field: string): Obj[] => {
  const value = isJsonObject(object) ? object[field] : undefined;
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
};
const itemsOf = (range: Obj): Obj[] => listAt(objAt(range, 'spec'), 'limits');
const sortedKeys = (value: unknown): string[] => Object.keys(isJsonObject(value) ? value : {}).sort(compareStrings);

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

/** defaultContainerResourceRequirements: the Container items' defaults, later items winning. */
function containerDefaults(range: Obj): { requests: Obj; limits: Obj } {
  const requests: Obj = {};
  const limits: Obj = {};
  for (const item of itemsOf(range)) {
    if (item.type !== 'Container') continue;
    for (const [name, value] of Object.entries(objAt(item, 'defaultRequest'))) requests[name] = canonicalQuantity(value);
    for (const [name, value] of Object.entries(objAt(item, 'default'))) limits[name] = canonicalQuantity(value);
  }
  return { requests, limits };
}

/** mergeContainerResources: what it set, as the annotation words it. */
function mergeContainer(container: Obj, defaults: { requests: Obj; limits: Obj }, prefix: string, notes: string[]): void {
  const resources = (container.resources = isJsonObject(container.resources) ? { ...container.resources } : {});
  const limits = (resources.limits = { ...objAt(resources, 'limits') });
  const requests = (resources.requests = { ...objAt(resources, 'requests') });
  const setLimits = Object.keys(defaults.limits).filter((name) => !(name in limits));
  const setRequests = Object.keys(defaults.requests).filter((name) => !(name in requests));
  for (const name of setLimits) limits[name] = defaults.limits[name];
  for (const name of setRequests) requests[name] = defaults.requests[name];
  if (Object.keys(limits).length === 0) delete resources.limits;
  if (Object.keys(requests).length === 0) delete resources.requests;
  if (setRequests.length > 0) notes.push(`${setRequests.sort(compareStrings).join(', ')} request for ${prefix} ${String(container.name)}`);
  if (setLimits.length > 0) notes.push(`${setLimits.sort(compareStrings).join(', ')} limit for ${prefix} ${String(container.name)}`);
}

/**
 * PodMutateLimitFunc for each LimitRange, on the Pod (changed in place: the store's own
 * copy). Returns true when something was set.
 */
export function applyLimitRangeDefaults(pod: Obj, ranges: readonly Readonly<Obj>[]): boolean {
  let changed = false;
  for (const range of ranges) {
    const defaults = containerDefaults(range);
    if (Object.keys(defaults.requests).length === 0 && Object.keys(defaults.limits).length === 0) continue;
    const spec = (pod.spec = { ...objAt(pod, 'spec') });
    const notes: string[] = [];
    for (const [field, prefix] of [['containers', 'container'], ['initContainers', 'init container']] as const) {
      if (!Array.isArray(spec[field])) continue;
      spec[field] = listAt(spec, field).map((container) => {
        const copy = { ...container };
        mergeContainer(copy, defaults, prefix, notes);
        return copy;
      });
    }
    if (notes.length === 0) continue;
    const meta = (pod.metadata = { ...objAt(pod, 'metadata') });
    meta.annotations = { ...objAt(meta, 'annotations'), [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
    changed = true;
  }
  return changed;
}

const text = (quantity: Quantity): string => formatQuantity(quantity);
/** requestLimitEnforcedValues: compared in thousandths. */
const milli = (quantity: Quantity | undefined): bigint => (quantity ? milliValue(quantity) : 0n);

function minConstraint(type: string, name: string, enforced: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const request = requests.get(name);
  const limit = limits.get(name);
  if (!request) return `minimum ${name} usage per ${type} is ${text(enforced)}.  No request is specified`;
  if (milli(request) < milli(enforced)) return `minimum ${name} usage per ${type} is ${text(enforced)}, but request is ${text(request)}`;
  if (limit && milli(limit) < milli(enforced)) return `minimum ${name} usage per ${type} is ${text(enforced)}, but limit is ${text(limit)}`;
  return undefined;
}

function maxConstraint(type: string, name: string, enforced: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const request = requests.get(name);
  const limit = limits.get(name);
  if (!limit) return `maximum ${name} usage per ${type} is ${text(enforced)}.  No limit is specified`;
  if (milli(limit) > milli(enforced)) return `maximum ${name} usage per ${type} is ${text(enforced)}, but limit is ${text(limit)}`;
  if (request && milli(request) > milli(enforced)) return `maximum ${name} usage per ${type} is ${text(enforced)}, but request is ${text(request)}`;
  return undefined;
}

/** maxRequestConstraint: claims are held to max by what they request. */
function maxRequestConstraint(type: string, name: string, enforced: Quantity, requests: ResourceList): string | undefined {
  const request = requests.get(name);
  if (!request) return `maximum ${name} usage per ${type} is ${text(enforced)}.  No request is specified`;
  if (milli(request) > milli(enforced)) return `maximum ${name} usage per ${type} is ${text(enforced)}, but request is ${text(request)}`;
  return undefined;
}

function ratioConstraint(type: string, name: string, enforced: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const request = milli(requests.get(name));
  const limit = milli(limits.get(name));
  const head = `${name} max limit to request ratio per ${type} is ${text(enforced)}`;
  if (request === 0n) return `${head}, but no request is specified or request is 0`;
  if (limit === 0n) return `${head}, but no limit is specified or limit is 0`;
  const ratio = Number(limit) / Number(request);
  if (ratio * 1000 > Number(milli(enforced))) return `${head}, but provided ratio is ${ratio.toFixed(6)}`;
  return undefined;
}

/** min, max and maxLimitRequestRatio of one item against requests and limits, names sorted. */
function checkItem(item: Obj, requests: ResourceList, limits: ResourceList, errors: string[]): void {
  const type = String(item.type);
  const each = (field: string, check: (name: string, enforced: Quantity) => string | undefined): void => {
    for (const name of sortedKeys(item[field])) {
      const enforced = quantityOf(objAt(item, field)[name]);
      const error = enforced && check(name, enforced);
      if (error) errors.push(error);
    }
  };
  each('min', (name, enforced) => minConstraint(type, name, enforced, requests, limits));
  each('max', (name, enforced) => maxConstraint(type, name, enforced, requests, limits));
  each('maxLimitRequestRatio', (name, enforced) => ratioConstraint(type, name, enforced, requests, limits));
}

/** utilerrors.NewAggregate's text: one message alone, several deduplicated in brackets. */
function aggregate(errors: readonly string[]): string | undefined {
  const unique = [...new Set(errors)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** PodValidateLimitFunc: Container items per container (init ones too), Pod items on the Pod's totals. */
function podRefusal(pod: Obj, range: Obj): string | undefined {
  const errors: string[] = [];
  const spec = objAt(pod, 'spec');
  for (const item of itemsOf(range)) {
    if (item.type === 'Container') {
      for (const container of [...listAt(spec, 'containers'), ...listAt(spec, 'initContainers')]) {
        const resources = objAt(container, 'resources');
        checkItem(item, resourceList(resources.requests), resourceList(resources.limits), errors);
      }
    } else if (item.type === 'Pod') {
      checkItem(item, podResources(pod, 'requests'), podResources(pod, 'limits'), errors);
    }
  }
  return aggregate(errors);
}

/** PersistentVolumeClaimValidateLimitFunc: min and max on what the claim requests. */
function claimRefusal(claim: Obj, range: Obj): string | undefined {
  const errors: string[] = [];
  const requests = resourceList(objAt(objAt(objAt(claim, 'spec'), 'resources'), 'requests'));
  for (const item of itemsOf(range)) {
    if (item.type !== 'PersistentVolumeClaim') continue;
    const type = String(item.type);
    for (const name of sortedKeys(item.min)) {
      const enforced = quantityOf(objAt(item, 'min')[name]);
      const error = enforced && minConstraint(type, name, enforced, requests, new Map());
      if (error) errors.push(error);
    }
    for (const name of sortedKeys(item.max)) {
      const enforced = quantityOf(objAt(item, 'max')[name]);
      const error = enforced && maxRequestConstraint(type, name, enforced, requests);
      if (error) errors.push(error);
    }
  }
  return aggregate(errors);
}

/** The first LimitRange's refusal (what follows `pods "web" is forbidden: `), if any. */
export function limitRangeRefusal(kind: 'Pod' | 'PersistentVolumeClaim', object: Obj, ranges: readonly Readonly<Obj>[]): string | undefined {
  for (const range of ranges) {
    const refusal = kind === 'Pod' ? podRefusal(object, range) : claimRefusal(object, range);
    if (refusal) return refusal;
  }
  return undefined;
}
