/**
 * Who controls what, kept up to date from the watch (what client-go's informers and
 * kube-controller-manager's ControllerRefManager give the workload controllers): the objects
 * of one kind grouped by their controller's uid, and the orphans of each namespace. A
 * ReplicaSet then finds its Pods without scanning every Pod of its namespace, which keeps
 * a cluster of thousands of Pods fast. One index per controller instance, filled by its
 * triggers (resyncAll replays every object, so a loaded cluster rebuilds it).
 */
import type { WatchEvent } from '../../store/store';
import { deepEqual, isJsonObject, type JsonObject } from '../../store/json';
import { labelSelectorRequirements, matchesLabels, type LabelRequirement } from '../../store/selectors';
import { isBeingDeleted, labelsOf, metaOf, namespaceOf, specOf, text } from './pods';

/** The ownerReference with controller: true, if any. */
export interface ControllerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
}

/** Mirrors metav1.GetControllerOf. */
export function controllerOf(object: JsonObject): ControllerRef | undefined {
  const refs = metaOf(object).ownerReferences;
  if (!Array.isArray(refs)) return undefined;
  const ref = refs.find((candidate) => isJsonObject(candidate) && candidate.controller === true) as JsonObject | undefined;
  if (!ref) return undefined;
  return { apiVersion: text(ref.apiVersion), kind: text(ref.kind), name: text(ref.name), uid: text(ref.uid) };
}

/** Mirrors metav1.NewControllerRef: what a controller writes into what it creates or adopts. */
export function newControllerRef(owner: JsonObject): JsonObject {
  const meta = metaOf(owner);
  return { apiVersion: String(owner.apiVersion), kind: String(owner.kind), name: String(meta.name), uid: String(meta.uid), controller: true, blockOwnerDeletion: true };
}

const key = (namespace: string, name: string): string => `${namespace}\u0000${name}`;

export class OwnershipIndex {
  /** namespace + owner uid -> names */
  private readonly byOwner = new Map<string, Set<string>>();
  /** namespace + owner uid -> the names, sorted (dropped when the set changes) */
  private readonly sorted = new Map<string, readonly string[]>();
  /** namespace -> name -> labels of the objects without a controller */
  private readonly orphans = new Map<string, Map<string, Record<string, string>>>();
  /** namespace + name -> controller (undefined for an orphan) */
  private readonly current = new Map<string, ControllerRef | undefined>();

  /** Records a watch event; returns the controller the object had before and has now. */
  observe(event: WatchEvent): { before: ControllerRef | undefined; after: ControllerRef | undefined } {
    const meta = metaOf(event.object);
    const namespace = text(meta.namespace);
    const name = text(meta.name);
    const id = key(namespace, name);
    const known = this.current.has(id);
    const before = known ? this.current.get(id) : undefined;
    if (event.type === 'DELETED') {
      if (known) this.forget(namespace, before, name);
      this.current.delete(id);
      return { before, after: undefined };
    }
    const after = controllerOf(event.object);
    // Most events (status changes) keep the controller: nothing moves.
    if (!known || before?.uid !== after?.uid) {
      if (known) this.forget(namespace, before, name);
      this.current.set(id, after);
      if (after) {
        const ownerKey = key(namespace, after.uid);
        let set = this.byOwner.get(ownerKey);
        if (!set) this.byOwner.set(ownerKey, (set = new Set()));
        set.add(name);
        this.sorted.delete(ownerKey);
      }
    }
    if (!after) {
      // An orphan's labels decide who may adopt it: kept up to date.
      let byName = this.orphans.get(namespace);
      if (!byName) this.orphans.set(namespace, (byName = new Map<string, Record<string, string>>()));
      byName.set(name, { ...labelsOf(event.object) });
    }
    return { before, after };
  }

  private forget(namespace: string, ref: ControllerRef | undefined, name: string): void {
    if (ref) this.sorted.delete(key(namespace, ref.uid));
    const bucket = ref ? this.byOwner.get(key(namespace, ref.uid)) : this.orphans.get(namespace);
    bucket?.delete(name);
    if (bucket?.size === 0) {
      if (ref) this.byOwner.delete(key(namespace, ref.uid));
      else this.orphans.delete(namespace);
    }
  }

  /** Names of the objects whose controller has this uid, sorted (a shared list: read only). */
  ownedBy(namespace: string, uid: string): readonly string[] {
    const ownerKey = key(namespace, uid);
    let names = this.sorted.get(ownerKey);
    if (!names) {
      const set = this.byOwner.get(ownerKey);
      if (!set) return [];
      this.sorted.set(ownerKey, (names = [...set].sort()));
    }
    return names;
  }

  /** Names of the objects of the namespace without a controller (whose labels match `selector`, if given), sorted. */
  orphansIn(namespace: string, selector?: readonly LabelRequirement[]): string[] {
    const out: string[] = [];
    for (const [name, labels] of this.orphans.get(namespace) ?? []) if (!selector || matchesLabels(selector, labels)) out.push(name);
    return out.sort();
  }

  /** The controller of a known object. */
  controllerOf(namespace: string, name: string): ControllerRef | undefined {
    return this.current.get(key(namespace, name));
  }
}

/**
 * Mirrors ControllerRefManager.Claim*: of the candidates (owned by `owner`, or orphans),
 * those matching the selector are claimed; orphans are adopted (unless the owner or the
 * object is being deleted) and owned objects that no longer match are released. Returns
 * what the owner now controls and the merge patches that adopt or release.
 */
export function claim(
  owner: JsonObject,
  candidates: readonly JsonObject[],
  selector: readonly LabelRequirement[],
): { claimed: JsonObject[]; adopt: { name: string; patch: JsonObject }[]; release: { name: string; patch: JsonObject }[] } {
  const uid = String(metaOf(owner).uid);
  const claimed: JsonObject[] = [];
  const adopt: { name: string; patch: JsonObject }[] = [];
  const release: { name: string; patch: JsonObject }[] = [];
  const ownerGone = isBeingDeleted(owner);
  for (const object of candidates) {
    const ref = controllerOf(object);
    const matches = matchesLabels(selector, labelsOf(object));
    const refs = Array.isArray(metaOf(object).ownerReferences) ? (metaOf(object).ownerReferences as JsonObject[]) : [];
    const name = String(metaOf(object).name);
    if (ref?.uid === uid) {
      // Owned and matching: claimed, even while the owner is being deleted (no write needed).
      if (matches) claimed.push(object);
      else if (!ownerGone) {
        const kept = refs.filter((candidate) => candidate.uid !== uid);
        release.push({ name, patch: { metadata: { ownerReferences: kept.length > 0 ? kept : null, uid: metaOf(object).uid } } });
      }
    } else if (ref === undefined && matches && !ownerGone && !isBeingDeleted(object)) {
      const adopted = { ...object, metadata: { ...metaOf(object), ownerReferences: [...refs, newControllerRef(owner)] } };
      adopt.push({ name, patch: { metadata: { ownerReferences: [...refs, newControllerRef(owner)], uid: metaOf(object).uid } } });
      claimed.push(adopted);
    }
  }
  return { claimed, adopt, release };
}

interface CachedSelector {
  raw: unknown;
  requirements: LabelRequirement[];
}

/**
 * The parsed `spec.selector` of every object of a kind (Deployments, ReplicaSets), kept from
 * the watch: a reconcile does not parse it again, and an orphan finds who may adopt it.
 */
export class SelectorCache {
  private readonly byNamespace = new Map<string, Map<string, CachedSelector>>();

  observe(event: WatchEvent): void {
    const namespace = namespaceOf(event.object);
    const name = text(metaOf(event.object).name);
    let byName = this.byNamespace.get(namespace);
    if (!byName) this.byNamespace.set(namespace, (byName = new Map<string, CachedSelector>()));
    if (event.type === 'DELETED') {
      byName.delete(name);
      return;
    }
    const raw = specOf(event.object).selector;
    if (deepEqual(byName.get(name)?.raw, raw)) return;
    const requirements = parseSelector(raw);
    if (requirements) byName.set(name, { raw, requirements });
    else byName.delete(name);
  }

  /** The requirements of an object's selector (parsed now if the cache does not have this one). */
  of(object: JsonObject): LabelRequirement[] | undefined {
    const raw = specOf(object).selector;
    const cached = this.byNamespace.get(text(metaOf(object).namespace))?.get(text(metaOf(object).name));
    return cached && deepEqual(cached.raw, raw) ? cached.requirements : parseSelector(raw);
  }

  /** Names of the objects of the namespace whose selector matches these labels. */
  matching(namespace: string, labels: Record<string, string>): string[] {
    const out: string[] = [];
    for (const [name, { requirements }] of this.byNamespace.get(namespace) ?? []) if (matchesLabels(requirements, labels)) out.push(name);
    return out;
  }
}

/** metav1.LabelSelectorAsSelector; undefined when absent or when it does not convert. */
function parseSelector(raw: unknown): LabelRequirement[] | undefined {
  try {
    return labelSelectorRequirements(raw);
  } catch {
    return undefined;
  }
}

/**
 * The keys a workload controller reconciles when a Pod changes, as upstream's updatePod
 * handlers (ReplicaSet, StatefulSet, DaemonSet, Job) decide them: the previous and the
 * new controlling owner of kind `ownerKind` look again, and an orphan is offered to every
 * owner whose selector matches it. `orphanKeys` adds a controller's own keys for orphans.
 */
export function podEventKeys(
  event: WatchEvent,
  pods: OwnershipIndex,
  selectors: SelectorCache,
  ownerKind: string,
  orphanKeys?: (event: WatchEvent, namespace: string) => string[],
): string[] {
  const { before, after } = pods.observe(event);
  const namespace = namespaceOf(event.object);
  const keys = new Set<string>();
  for (const ref of [before, after]) if (ref?.kind === ownerKind) keys.add(`${namespace}/${ref.name}`);
  if (!after && event.type !== 'DELETED') {
    for (const name of selectors.matching(namespace, labelsOf(event.object))) keys.add(`${namespace}/${name}`);
    for (const key of orphanKeys?.(event, namespace) ?? []) keys.add(key);
  }
  return [...keys];
}
