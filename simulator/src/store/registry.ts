/**
 * The store's raw state, what etcd is to kube-apiserver: objects keyed by resource,
 * namespace and name, a uid index, the ownerReferences graph (for garbage collection),
 * the resourceVersion counter and the watchers. No validation happens here; ObjectStore
 * decides what may be written. Every iteration is in a canonical order (resource,
 * namespace, name), never in insertion order, so that a restored store behaves exactly
 * like the one it was saved from.
 */
import type { KindInfo } from '../api/catalog';
import { clone, compareStrings, isJsonObject, type JsonObject } from './json';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  /** A copy: listeners may keep or change it freely. */
  object: JsonObject;
}

export type WatchListener = (event: WatchEvent) => void;

export interface WatchOptions {
  /** Only this resource (by group and resource name). */
  info?: Pick<KindInfo, 'group' | 'resource'>;
  /** Only these resources: the others' events are not even copied for this listener. */
  resources?: readonly Pick<KindInfo, 'group' | 'resource'>[];
  /** Only this namespace. */
  namespace?: string;
  /**
   * The stored object itself rather than a copy: for a listener that only reads (the
   * controller runtime), since copying every event cost a tenth of a settle.
   */
  shared?: boolean;
}

/** Where an object lives. */
export interface Entry {
  info: KindInfo;
  namespace: string;
  name: string;
  object: JsonObject;
}

interface Table {
  info: KindInfo;
  namespaces: Map<string, Map<string, JsonObject>>;
  /** Sorted names per namespace, rebuilt lazily after an insertion or a removal. */
  sorted: Map<string, string[]>;
}

interface Watcher {
  listener: WatchListener;
  options: WatchOptions;
  /** options.resources as group -> resource names. */
  accepted?: Map<string, Set<string>>;
}

interface Pending {
  type: WatchEventType;
  info: KindInfo;
  object: JsonObject;
}

export const resourceKey = (info: Pick<KindInfo, 'group' | 'resource'>): string => `${info.group}/${info.resource}`;

export function metadataOf(object: JsonObject): JsonObject {
  return isJsonObject(object.metadata) ? object.metadata : {};
}

/** The uids an object's ownerReferences point to. */
export function ownerUids(object: JsonObject): string[] {
  const refs = metadataOf(object).ownerReferences;
  const uids: string[] = [];
  if (!Array.isArray(refs)) return uids;
  for (const ref of refs) if (isJsonObject(ref) && typeof ref.uid === 'string') uids.push(ref.uid);
  return uids;
}

export class Registry {
  private readonly tables = new Map<string, Table>();
  /** The same tables by group, then resource: lookups need not build a key string. */
  private readonly byGroup = new Map<string, Map<string, Table>>();
  private readonly byUid = new Map<string, { key: string; namespace: string; name: string }>();
  /** owner uid -> dependent uids */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly watchers: Watcher[] = [];
  private readonly queue: Pending[] = [];
  private dispatching = false;
  private revision = 0;

  /** Sets the counter when loading a saved state (snapshot.ts). */
  restoreRevision(revision: number): void {
    this.revision = revision;
  }

  /** The last resourceVersion handed out. */
  get currentRevision(): number {
    return this.revision;
  }

  /** A new resourceVersion: one counter for every resource, like etcd's revision. */
  nextResourceVersion(): string {
    this.revision += 1;
    return String(this.revision);
  }

  /** The stored object itself (not a copy: callers inside the store must not leak it). */
  get(info: Pick<KindInfo, 'group' | 'resource'>, namespace: string, name: string): JsonObject | undefined {
    return this.tableOf(info)?.namespaces.get(namespace)?.get(name);
  }

  private tableOf(info: Pick<KindInfo, 'group' | 'resource'>): Table | undefined {
    return this.byGroup.get(info.group)?.get(info.resource);
  }

  /** The entry of the object with this uid, if it still exists. */
  byUidEntry(uid: string): Entry | undefined {
    const location = this.byUid.get(uid);
    if (!location) return undefined;
    const table = this.tables.get(location.key)!;
    const object = table.namespaces.get(location.namespace)?.get(location.name);
    return object && { info: table.info, namespace: location.namespace, name: location.name, object };
  }

  hasUid(uid: string): boolean {
    return this.byUid.has(uid);
  }

  /** Inserts or replaces an object (already complete: uid, resourceVersion...) and notifies watchers. */
  put(info: KindInfo, object: JsonObject, notify = true): void {
    const meta = metadataOf(object);
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
    const name = String(meta.name);
    const key = resourceKey(info);
    let table = this.tableOf(info);
    if (!table) {
      table = { info, namespaces: new Map(), sorted: new Map() };
      this.tables.set(key, table);
      let group = this.byGroup.get(info.group);
      if (!group) this.byGroup.set(info.group, (group = new Map<string, Table>()));
      group.set(info.resource, table);
    }
    let names = table.namespaces.get(namespace);
    if (!names) table.namespaces.set(namespace, (names = new Map<string, JsonObject>()));
    const old = names.get(name);
    names.set(name, object);
    if (!old) table.sorted.delete(namespace);
    // Most writes keep the uid and the owners (a status, a binding): the indexes stay as they are.
    else if (sameLinks(old, object)) return this.emitIf(notify, 'MODIFIED', info, object);
    else this.unlink(old);
    this.link(object, key, namespace, name);
    this.emitIf(notify, old ? 'MODIFIED' : 'ADDED', info, object);
  }

  private emitIf(notify: boolean, type: WatchEventType, info: KindInfo, object: JsonObject): void {
    if (notify) this.emit(type, info, object);
  }

  /** Removes an object and notifies watchers with its last state. */
  remove(info: KindInfo, namespace: string, name: string, lastState?: JsonObject): JsonObject | undefined {
    const table = this.tableOf(info);
    const names = table?.namespaces.get(namespace);
    const object = names?.get(name);
    if (!table || !names || !object) return undefined;
    names.delete(name);
    if (names.size === 0) table.namespaces.delete(namespace);
    table.sorted.delete(namespace);
    this.unlink(object);
    this.emit('DELETED', info, lastState ?? object);
    return lastState ?? object;
  }

  private link(object: JsonObject, key: string, namespace: string, name: string): void {
    const uid = metadataOf(object).uid;
    if (typeof uid !== 'string') return;
    this.byUid.set(uid, { key, namespace, name });
    for (const owner of ownerUids(object)) {
      let set = this.dependents.get(owner);
      if (!set) this.dependents.set(owner, (set = new Set()));
      set.add(uid);
    }
  }

  private unlink(object: JsonObject): void {
    const uid = metadataOf(object).uid;
    if (typeof uid !== 'string') return;
    this.byUid.delete(uid);
    for (const owner of ownerUids(object)) {
      const set = this.dependents.get(owner);
      set?.delete(uid);
      if (set?.size === 0) this.dependents.delete(owner);
    }
  }

  /** The objects whose ownerReferences name this uid, in canonical order. */
  dependentsOf(uid: string): Entry[] {
    const uids = this.dependents.get(uid);
    if (!uids) return [];
    return sortEntries([...uids].flatMap((dependent) => this.byUidEntry(dependent) ?? []));
  }

  private sortedNames(table: Table, namespace: string): string[] {
    let names = table.sorted.get(namespace);
    if (!names) {
      names = [...(table.namespaces.get(namespace)?.keys() ?? [])].sort(compareStrings);
      table.sorted.set(namespace, names);
    }
    return names;
  }

  /** The stored objects of a resource, by namespace then name (etcd key order). */
  list(info: Pick<KindInfo, 'group' | 'resource'>, namespace?: string): JsonObject[] {
    const table = this.tableOf(info);
    if (!table) return [];
    const namespaces = namespace !== undefined ? [namespace] : [...table.namespaces.keys()].sort(compareStrings);
    const out: JsonObject[] = [];
    for (const ns of namespaces) {
      const names = table.namespaces.get(ns);
      if (!names) continue;
      for (const name of this.sortedNames(table, ns)) out.push(names.get(name)!);
    }
    return out;
  }

  /** Every entry, resources sorted by group/resource, then namespace, then name. */
  entries(filter?: (info: KindInfo) => boolean, namespace?: string): Entry[] {
    const out: Entry[] = [];
    for (const key of [...this.tables.keys()].sort(compareStrings)) {
      const table = this.tables.get(key)!;
      if (filter && !filter(table.info)) continue;
      const namespaces = namespace !== undefined ? [namespace] : [...table.namespaces.keys()].sort(compareStrings);
      for (const ns of namespaces) {
        const names = table.namespaces.get(ns);
        if (!names) continue;
        for (const name of this.sortedNames(table, ns)) out.push({ info: table.info, namespace: ns, name, object: names.get(name)! });
      }
    }
    return out;
  }

  /** True when at least one namespaced object lives in `namespace`. */
  hasContent(namespace: string): boolean {
    for (const table of this.tables.values()) {
      if (table.info.namespaced && (table.namespaces.get(namespace)?.size ?? 0) > 0) return true;
    }
    return false;
  }

  watch(listener: WatchListener, options: WatchOptions = {}): () => void {
    const watcher: Watcher = { listener, options };
    if (options.resources) {
      const accepted = new Map<string, Set<string>>();
      for (const { group, resource } of options.resources) {
        let names = accepted.get(group);
        if (!names) accepted.set(group, (names = new Set()));
        names.add(resource);
      }
      watcher.accepted = accepted;
    }
    this.watchers.push(watcher);
    return () => {
      const index = this.watchers.indexOf(watcher);
      if (index >= 0) this.watchers.splice(index, 1);
    };
  }

  /**
   * Queues an event and, unless a delivery is already running (a listener writing to
   * the store), delivers the queue: every listener sees every event in commit order.
   */
  private emit(type: WatchEventType, info: KindInfo, object: JsonObject): void {
    if (this.watchers.length === 0 && !this.dispatching) return;
    // Stored objects are never changed in place (every write stores a new object), so the
    // queue may hold them; each listener gets its own copy.
    this.queue.push({ type, info, object });
    if (this.dispatching) return;
    this.dispatching = true;
    // A listener writing to the store only appends to the queue, which is read by index;
    // an event leaves the queue before its listeners are called, as with shift().
    let delivered = 0;
    try {
      while (delivered < this.queue.length) {
        const event = this.queue[delivered++]!;
        const namespace = metadataOf(event.object).namespace ?? '';
        const { group, resource } = event.info;
        // The listeners of the moment: one subscribing or unsubscribing while called changes nothing here.
        const watchers = this.watchers.length === 1 ? this.watchers : [...this.watchers];
        const count = watchers.length;
        for (let index = 0; index < count && index < watchers.length; index++) {
          const { listener, options, accepted } = watchers[index]!;
          if (options.info && (options.info.group !== group || options.info.resource !== resource)) continue;
          if (accepted && accepted.get(group)?.has(resource) !== true) continue;
          if (options.namespace !== undefined && options.namespace !== namespace) continue;
          listener({ type: event.type, object: options.shared ? event.object : clone(event.object) });
        }
      }
    } finally {
      this.queue.splice(0, delivered);
      this.dispatching = false;
    }
  }
}

/** True when two versions of an object have the same uid and the same owners (same index entries). */
function sameLinks(old: JsonObject, next: JsonObject): boolean {
  const before = metadataOf(old);
  const after = metadataOf(next);
  if (before.uid !== after.uid) return false;
  if (before.ownerReferences === after.ownerReferences) return true;
  const a = ownerUids(old);
  const b = ownerUids(next);
  return a.length === b.length && a.every((uid, index) => uid === b[index]);
}

/** Canonical order of entries: resource, namespace, name. */
export function sortEntries(entries: Entry[]): Entry[] {
  return entries.sort(
    (a, b) => compareStrings(resourceKey(a.info), resourceKey(b.info)) || compareStrings(a.namespace, b.namespace) || compareStrings(a.name, b.name),
  );
}
