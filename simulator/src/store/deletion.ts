/**
 * Deletion as kube-apiserver and kube-controller-manager carry it out together:
 * finalizers and graceful Pod termination (an object first gets a deletionTimestamp),
 * propagation policies, the garbage collector following ownerReferences, and the
 * namespace controller emptying a Terminating namespace. The simulation settles at
 * once: what a real cluster does over seconds happens within the call, in a canonical
 * order, unless a finalizer or a Pod's grace period says to wait (then the removal
 * completes when the last finalizer goes, or when the kubelet deletes with grace 0).
 */
import type { Clock } from '../clock';
import { formatTimestamp } from '../clock';
import { kindInfo, type KindInfo } from '../api/catalog';
import { forbiddenError } from '../api/errors';
import { clone, isJsonObject, type JsonObject } from './json';
import { metadataOf, ownerUids, type Entry, type Registry } from './registry';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  /** What happens to dependents (ownerReferences): Background (default), Foreground or Orphan. */
  propagationPolicy?: PropagationPolicy;
  /**
   * For Pods: seconds the kubelet gets to stop the containers. A scheduled, still running
   * Pod deleted with a positive grace period is only marked (Terminating) until deleted
   * again with 0. Unset: the Pod's terminationGracePeriodSeconds when the store was built
   * with `gracefulPodDeletion`, else 0 (removed at once, no kubelet needed).
   */
  gracePeriodSeconds?: number;
  /** Server-side dry run: answer as if deleted, change nothing. */
  dryRun?: boolean;
}

/** Namespaces the NamespaceLifecycle admission plugin refuses to delete. */
export const IMMORTAL_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public']);

const FOREGROUND_FINALIZER = 'foregroundDeletion';
const ORPHAN_FINALIZER = 'orphan';
const NAMESPACES = kindInfo('v1', 'Namespace')!;

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

export class Deleter {
  constructor(
    private readonly registry: Registry,
    private readonly clock: Clock,
    private readonly gracefulPods: boolean,
  ) {}

  /** Deletes one stored entry; returns its state afterwards (marked, or as last seen). */
  delete(entry: Entry, options: DeleteOptions = {}): JsonObject {
    const { info, object } = entry;
    const meta = metadataOf(object);
    if (info.group === '' && info.resource === 'namespaces') return this.terminateNamespace(entry, options);
    if (options.dryRun) return clone(object);
    if (meta.deletionTimestamp !== undefined) {
      // Already being deleted: only cutting a Pod's grace period short changes anything.
      if (options.gracePeriodSeconds === 0 && Number(meta.deletionGracePeriodSeconds ?? 0) > 0) {
        const next = this.rewrite(entry, (m) => {
          m.deletionTimestamp = formatTimestamp(this.clock.now());
          m.deletionGracePeriodSeconds = 0;
        });
        return this.finalizeIfReady({ ...entry, object: next }) ?? clone(next);
      }
      return clone(object);
    }
    const uid = String(meta.uid);
    const policy = options.propagationPolicy ?? 'Background';
    if (policy === 'Orphan') this.orphanDependents(uid);
    const finalizers = stringList(meta.finalizers);
    if (policy === 'Foreground' && this.registry.dependentsOf(uid).length > 0) {
      // Mirrors the garbage collector's foreground deletion: the owner waits, marked with
      // the foregroundDeletion finalizer, until its dependents are gone.
      this.mark(entry, 0, [...finalizers, FOREGROUND_FINALIZER]);
      for (const listed of this.registry.dependentsOf(uid)) {
        const dependent = this.fresh(listed);
        if (!dependent) continue;
        const others = ownerUids(dependent.object).filter((owner) => owner !== uid && this.registry.hasUid(owner));
        if (others.length > 0) this.dropOwner(dependent, uid);
        else this.delete(dependent, { propagationPolicy: 'Foreground' });
      }
      const current = this.registry.byUidEntry(uid);
      return clone(current?.object ?? object);
    }
    const grace = this.gracePeriod(info, object, options);
    if (grace > 0 || finalizers.length > 0) return clone(this.mark(entry, grace, finalizers));
    return this.removeNow(entry);
  }

  /**
   * After an update: an object being deleted whose finalizers are all gone (and whose grace
   * period is over) is removed now. Returns its last state if it was removed.
   */
  finalizeIfReady(entry: Entry): JsonObject | undefined {
    const meta = metadataOf(entry.object);
    if (meta.deletionTimestamp === undefined || stringList(meta.finalizers).length > 0) return undefined;
    if (Number(meta.deletionGracePeriodSeconds ?? 0) > 0) return undefined;
    if (entry.info.group === '' && entry.info.resource === 'namespaces' && this.registry.hasContent(entry.name)) return undefined;
    return this.removeNow(entry);
  }

  private gracePeriod(info: KindInfo, object: JsonObject, options: DeleteOptions): number {
    if (info.group !== '' || info.resource !== 'pods') return 0;
    if (options.gracePeriodSeconds === undefined && !this.gracefulPods) return 0;
    const spec = isJsonObject(object.spec) ? object.spec : {};
    const phase = isJsonObject(object.status) ? object.status.phase : undefined;
    // Mirrors the pod strategy's CheckGracefulDelete: an unscheduled or finished Pod has no
    // kubelet to wait for.
    if (typeof spec.nodeName !== 'string' || spec.nodeName === '' || phase === 'Succeeded' || phase === 'Failed') return 0;
    const grace = options.gracePeriodSeconds ?? (typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30);
    return Math.max(0, grace);
  }

  /** Sets deletionTimestamp (now + grace) and the finalizers: the object is now being deleted. */
  private mark(entry: Entry, grace: number, finalizers: string[]): JsonObject {
    return this.rewrite(entry, (meta) => {
      meta.deletionTimestamp = formatTimestamp(this.clock.now() + grace * 1000);
      meta.deletionGracePeriodSeconds = grace;
      if (finalizers.length > 0) meta.finalizers = finalizers;
    });
  }

  /** Stores a changed copy of an entry's object under a new resourceVersion. */
  private rewrite(entry: Entry, change: (meta: JsonObject, object: JsonObject) => void): JsonObject {
    const next = clone(entry.object);
    const meta = isJsonObject(next.metadata) ? next.metadata : (next.metadata = {});
    change(meta, next);
    meta.resourceVersion = this.registry.nextResourceVersion();
    this.registry.put(entry.info, next);
    return next;
  }

  private removeNow(entry: Entry): JsonObject {
    const last = clone(entry.object);
    metadataOf(last).resourceVersion = this.registry.nextResourceVersion();
    this.registry.remove(entry.info, entry.namespace, entry.name, last);
    this.afterRemoval(entry.info, last);
    return last;
  }

  /** The garbage collector and the namespace controller reacting to a removal. */
  private afterRemoval(info: KindInfo, removed: JsonObject): void {
    const meta = metadataOf(removed);
    const uid = String(meta.uid);
    for (const listed of this.registry.dependentsOf(uid)) {
      // Earlier cascades may have changed or removed it: work on what is stored now.
      const dependent = this.fresh(listed);
      if (!dependent) continue;
      const owners = ownerUids(dependent.object);
      const solid = owners.filter((owner) => this.registry.hasUid(owner));
      if (solid.length === 0) {
        // Mirrors the garbage collector: no owner left, so the dependent goes too, with the
        // policy its own finalizers ask for.
        const finalizers = stringList(metadataOf(dependent.object).finalizers);
        const policy = finalizers.includes(ORPHAN_FINALIZER) ? 'Orphan' : finalizers.includes(FOREGROUND_FINALIZER) ? 'Foreground' : 'Background';
        this.delete(dependent, { propagationPolicy: policy });
      } else if (solid.length < owners.length) {
        this.rewrite(dependent, (m) => (m.ownerReferences = (m.ownerReferences as unknown[]).filter((ref) => isJsonObject(ref) && solid.includes(String(ref.uid)))));
      }
    }
    for (const owner of ownerUids(removed)) this.releaseForegroundOwner(owner);
    if (info.namespaced && typeof meta.namespace === 'string') this.finalizeNamespace(meta.namespace);
  }

  /** A foreground-deleting owner whose last dependent just went is removed in turn. */
  private releaseForegroundOwner(uid: string): void {
    const owner = this.registry.byUidEntry(uid);
    if (!owner || this.registry.dependentsOf(uid).length > 0) return;
    const finalizers = stringList(metadataOf(owner.object).finalizers);
    if (metadataOf(owner.object).deletionTimestamp === undefined || !finalizers.includes(FOREGROUND_FINALIZER)) return;
    const next = this.rewrite(owner, (meta) => {
      const rest = finalizers.filter((finalizer) => finalizer !== FOREGROUND_FINALIZER);
      if (rest.length > 0) meta.finalizers = rest;
      else delete meta.finalizers;
    });
    this.finalizeIfReady({ ...owner, object: next });
  }

  /** Mirrors the orphan finalizer: dependents lose their ownerReference to the owner. */
  private orphanDependents(uid: string): void {
    for (const dependent of this.registry.dependentsOf(uid)) this.dropOwner(dependent, uid);
  }

  /** The entry as stored now (undefined once removed). */
  private fresh(entry: Entry): Entry | undefined {
    return this.registry.byUidEntry(String(metadataOf(entry.object).uid));
  }

  private dropOwner(dependent: Entry, uid: string): void {
    this.rewrite(dependent, (meta) => {
      const refs = (meta.ownerReferences as unknown[]).filter((ref) => !isJsonObject(ref) || ref.uid !== uid);
      if (refs.length > 0) meta.ownerReferences = refs;
      else delete meta.ownerReferences;
    });
  }

  /**
   * Deleting a namespace: it turns Terminating (new content is refused), everything in it
   * is deleted, then the namespace itself goes once it is empty.
   */
  private terminateNamespace(entry: Entry, options: DeleteOptions): JsonObject {
    if (IMMORTAL_NAMESPACES.has(entry.name)) {
      throw forbiddenError(NAMESPACES, entry.name, 'this namespace may not be deleted', `Le namespace « ${entry.name} » fait partie du cluster lui-même : Kubernetes refuse de le supprimer.`);
    }
    if (options.dryRun || metadataOf(entry.object).deletionTimestamp !== undefined) return clone(entry.object);
    const marked = this.rewrite(entry, (meta, object) => {
      meta.deletionTimestamp = formatTimestamp(this.clock.now());
      meta.deletionGracePeriodSeconds = 0;
      object.status = { ...(isJsonObject(object.status) ? object.status : {}), phase: 'Terminating' };
    });
    for (const content of this.registry.entries((info) => info.namespaced, entry.name)) {
      const current = this.fresh(content);
      if (current && metadataOf(current.object).deletionTimestamp === undefined) this.delete(current, { propagationPolicy: 'Background' });
    }
    this.finalizeNamespace(entry.name);
    return clone(this.registry.get(NAMESPACES, '', entry.name) ?? marked);
  }

  /** The namespace controller's last step: an empty Terminating namespace is removed. */
  private finalizeNamespace(name: string): void {
    const object = this.registry.get(NAMESPACES, '', name);
    if (!object || metadataOf(object).deletionTimestamp === undefined || this.registry.hasContent(name)) return;
    let entry: Entry = { info: NAMESPACES, namespace: '', name, object };
    const spec = isJsonObject(object.spec) ? object.spec : {};
    if (stringList(spec.finalizers).length > 0) {
      // What the namespace controller does through /finalize once the content is gone.
      entry = { ...entry, object: this.rewrite(entry, (_meta, next) => (next.spec = { ...spec, finalizers: [] })) };
    }
    this.finalizeIfReady(entry);
  }
}
