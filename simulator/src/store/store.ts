/**
 * The simulated API server's object store: create, get, list, update, patch, status
 * updates, delete and watch for every served kind, with what kube-apiserver adds on each
 * write (uid, resourceVersion, generation, creationTimestamp, generated names), its
 * defaulting and validation, its admission checks on namespaces, optimistic concurrency,
 * and its errors (apimachinery's texts). Objects are plain JSON; whatever goes in or
 * comes out is a copy, so no caller can change the store behind its back.
 */
import { formatTimestamp, type Clock } from '../clock';
import type { Random } from '../random';
import { kindInfo, type KindInfo } from '../api/catalog';
import { StatusError, alreadyExists, invalidError, notFound } from '../api/errors';
import { applyDefaultsInPlace, applyJobSelector } from '../api/defaults/index';
import { invalid, required } from '../api/validation/finding';
import { Deleter, type DeleteOptions } from './deletion';
import { clone, deepEqual, isJsonObject, mergePatch, scalarText, shallowCopy, type JsonObject } from './json';
import { matchesFields, parseFieldSelector } from './fields';
import { Registry, metadataOf, type Entry, type WatchListener, type WatchOptions } from './registry';
import { check, checkPrecondition, ensureMetadata, placeIn, requireVerb, resolveKind } from './requests';
import { badRequest, matchesLabels, parseLabelSelector } from './selectors';
import { bumpsGeneration, prepareForCreate, prepareForUpdate, resetStatusForCreate, tracksGeneration } from './strategy';

export type KubeObject = JsonObject;
export { resolveKind } from './requests';
export type { DeleteOptions, PropagationPolicy } from './deletion';
export type { WatchEvent, WatchEventType, WatchListener, WatchOptions } from './registry';

/** The namespaces a fresh cluster has, in the order the API server creates them. */
export const INITIAL_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export interface StoreOptions {
  clock: Clock;
  random: Random;
  /** Namespaces created at start (default INITIAL_NAMESPACES). */
  namespaces?: readonly string[];
  /**
   * Delete scheduled Pods gracefully by default (Terminating for terminationGracePeriodSeconds,
   * until the kubelet deletes them with grace 0), as a real cluster does. Off by default:
   * without a kubelet, nothing would ever finish the deletion.
   */
  gracefulPodDeletion?: boolean;
  hooks?: WriteHooks;
}

/**
 * What the API server does on writes besides defaulting and validation, for kinds that
 * need cluster-wide state: the Service REST storage allocates cluster IPs and node ports.
 * The cluster plugs its allocators in here; the store stays ignorant of them.
 */
export interface WriteHooks {
  /** On create, once the object is valid and its name free; may throw a StatusError. */
  beforeCreate?(info: KindInfo, object: KubeObject, options: WriteOptions): KubeObject;
  /** On update, before validation (it may restore server-set fields a PUT left out). */
  beforeUpdate?(info: KindInfo, object: KubeObject, old: KubeObject, options: WriteOptions): KubeObject;
  /** After an update that was refused, so allocators can drop what they reserved. */
  afterFailedUpdate?(info: KindInfo): void;
}

export interface WriteOptions {
  /** Server-side dry run: everything is checked and the result returned, nothing is stored. */
  dryRun?: boolean;
  /**
   * The object comes from the simulator's own components (the event recorder), built
   * valid by construction: it is defaulted but not validated again, on create and on
   * update. Saves most of the cost of recording thousands of events; never used for what
   * learners send.
   */
  trusted?: boolean;
}

/** The writes of ObjectStore without the copy of their result (see ObjectStore.uncopied). */
export interface UncopiedWrites {
  create(input: KubeObject, options?: WriteOptions): void;
  update(input: KubeObject, options?: WriteOptions): void;
  updateStatus(input: KubeObject): void;
  patch(info: KindInfo, namespace: string, name: string, patch: unknown, options?: WriteOptions): void;
  bindPod(namespace: string, name: string, nodeName: string): void;
}

export interface ListOptions {
  /** Only this namespace (namespaced kinds); absent or '' lists all namespaces. */
  namespace?: string;
  /** `kubectl -l` syntax: `app=web,tier in (front,back)`. */
  labelSelector?: string;
  /** `kubectl --field-selector` syntax: `status.phase=Running,spec.nodeName=node-1`. */
  fieldSelector?: string;
}

const NAMESPACES = kindInfo('v1', 'Namespace')!;
const JOBS = kindInfo('batch/v1', 'Job')!;
const PODS = kindInfo('v1', 'Pod')!;
/** SimpleNameGenerator: base truncated so that base + 5 random characters fits 63. */
const MAX_GENERATED_BASE = 58;

export class ObjectStore {
  readonly clock: Clock;
  readonly random: Random;
  /** @internal The raw state, shared with snapshot.ts. */
  readonly registry = new Registry();
  private readonly deleter: Deleter;
  /** Allocation hooks (set by the cluster). */
  hooks: WriteHooks;

  constructor(options: StoreOptions) {
    this.hooks = options.hooks ?? {};
    this.clock = options.clock;
    this.random = options.random;
    this.deleter = new Deleter(this.registry, this.clock, options.gracefulPodDeletion ?? false);
    for (const name of options.namespaces ?? INITIAL_NAMESPACES) this.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }

  /**
   * @internal The writes without the copy of their result, for the controller runtime,
   * which discards it: the same checks, the same stored objects, the same events.
   */
  readonly uncopied: UncopiedWrites = {
    create: (input, options) => void this.createObject(input, options ?? {}),
    update: (input, options) => void this.updateObject(input, options ?? {}),
    updateStatus: (input) => void this.updateStatusObject(input),
    patch: (info, namespace, name, patch, options) => void this.patchObject(info, namespace, name, patch, options ?? {}),
    bindPod: (namespace, name, nodeName) => void this.bindPodObject(namespace, name, nodeName),
  };

  /** Creates an object (kind from its apiVersion and kind); returns it as stored. */
  create(input: KubeObject, options: WriteOptions = {}): KubeObject {
    return clone(this.createObject(input, options));
  }

  /** create(), returning the stored object itself (callers copy it before handing it out). */
  private createObject(input: KubeObject, options: WriteOptions): KubeObject {
    const info = resolveKind(input, 'create');
    let object = clone(input);
    const meta = ensureMetadata(object);
    const namespace = placeIn(info, meta);
    for (const field of ['resourceVersion', 'generation', 'deletionTimestamp', 'deletionGracePeriodSeconds']) delete meta[field];
    // Mirrors rest.BeforeCreate: system fields first, then the generated name.
    meta.uid = this.random.uid();
    meta.creationTimestamp = this.timestamp();
    resetStatusForCreate(info, object);
    // Admission sees the request before a name is generated (admission.extractResourceName).
    const requested = (typeof meta.name === 'string' && meta.name) || (typeof meta.generateName === 'string' && meta.generateName) || 'Unknown';
    if (!meta.name && typeof meta.generateName === 'string' && meta.generateName !== '') {
      meta.name = this.generateName(info, namespace, meta.generateName);
    }
    // The copy is the store's own: defaults are filled in place.
    object = applyDefaultsInPlace(object, info);
    if (info === JOBS) object = applyJobSelector(object, String(meta.uid));
    prepareForCreate(info, object);
    const name = metadataOf(object).name;
    // Validated once, as stored; the errors come in the API server's order: the body does
    // not decode (400), then admission (namespace missing or Terminating), then invalid (422).
    const findings = options.trusted ? [] : check(info, object, undefined);
    if (info.namespaced) this.admitToNamespace(info, requested, namespace);
    if (findings.length > 0) throw invalidError(info, typeof name === 'string' ? name : '', findings);
    if (typeof name !== 'string' || name === '') {
      throw invalidError(info, '', [required({ code: 'name-required', path: ['metadata', 'name'], fr: "Il faut un nom : metadata.name (ou metadata.generateName pour un nom généré)." }, 'name or generateName is required')]);
    }
    if (this.registry.get(info, namespace, name)) throw alreadyExists(info, name);
    if (this.hooks.beforeCreate) object = this.hooks.beforeCreate(info, object, options);
    const stored = metadataOf(object);
    if (tracksGeneration(info)) stored.generation = 1;
    if (options.dryRun) return object;
    stored.resourceVersion = this.registry.nextResourceVersion();
    this.registry.put(info, object);
    return object;
  }

  /** The object, or a NotFound error (`deployments.apps "web" not found`). */
  get(info: KindInfo, namespace: string, name: string): KubeObject {
    requireVerb(info, 'get');
    const object = this.registry.get(info, info.namespaced ? namespace : '', name);
    if (!object) throw notFound(info, name);
    return clone(object);
  }

  /** The object, or undefined when there is none. */
  find(info: KindInfo, namespace: string, name: string): KubeObject | undefined {
    const object = this.registry.get(info, info.namespaced ? namespace : '', name);
    return object && clone(object);
  }

  /**
   * find() without the copy: the stored object itself, which the caller must only read
   * (stored objects are never changed in place, so it stays what it was when read).
   */
  peek(info: KindInfo, namespace: string, name: string): Readonly<KubeObject> | undefined {
    return this.registry.get(info, info.namespaced ? namespace : '', name);
  }

  /** The objects of a kind, by namespace then name, filtered by label and field selectors. */
  list(info: KindInfo, options: ListOptions = {}): KubeObject[] {
    return this.select(info, options).map(clone);
  }

  /**
   * list() without the copies, for presentation (`kubectl get` tables): the stored objects
   * themselves, which the caller must only read. Copying 30,000 Pods costs more than
   * printing them.
   */
  view(info: KindInfo, options: ListOptions = {}): readonly Readonly<KubeObject>[] {
    return this.select(info, options);
  }

  private select(info: KindInfo, options: ListOptions): KubeObject[] {
    requireVerb(info, 'list');
    const labels = options.labelSelector ? parseLabelSelector(options.labelSelector) : [];
    const fields = options.fieldSelector ? parseFieldSelector(options.fieldSelector, info) : [];
    const namespace = info.namespaced && options.namespace ? options.namespace : undefined;
    const objects = this.registry.list(info, namespace);
    if (labels.length === 0 && fields.length === 0) return objects;
    return objects.filter((object) => {
      const objectLabels = metadataOf(object).labels;
      if (labels.length > 0 && !matchesLabels(labels, isJsonObject(objectLabels) ? (objectLabels as Record<string, string>) : undefined)) return false;
      return matchesFields(fields, object, info);
    });
  }

  /**
   * Replaces an object (PUT). With metadata.resourceVersion, the write only succeeds if
   * nobody wrote since (409 Conflict otherwise). Status is kept: see updateStatus.
   */
  update(input: KubeObject, options: WriteOptions = {}): KubeObject {
    return clone(this.updateObject(input, options));
  }

  private updateObject(input: KubeObject, options: WriteOptions): KubeObject {
    const info = resolveKind(input, 'update');
    const object = clone(input);
    const meta = ensureMetadata(object);
    const namespace = placeIn(info, meta);
    const name = typeof meta.name === 'string' ? meta.name : '';
    const old = this.registry.get(info, namespace, name);
    if (!old) {
      check(info, object, undefined, false);
      throw notFound(info, name);
    }
    return this.commit({ info, namespace, name, object: old }, object, options);
  }

  /** Applies a JSON merge patch (RFC 7386, `kubectl patch --type merge`) to a stored object. */
  patch(info: KindInfo, namespace: string, name: string, patch: unknown, options: WriteOptions = {}): KubeObject {
    return clone(this.patchObject(info, namespace, name, patch, options));
  }

  private patchObject(info: KindInfo, namespace: string, name: string, patch: unknown, options: WriteOptions): KubeObject {
    requireVerb(info, 'patch');
    const ns = info.namespaced ? namespace : '';
    const old = this.registry.get(info, ns, name);
    if (!old) throw notFound(info, name);
    if (!isJsonObject(patch)) throw badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}', 'Un patch de fusion JSON doit être un objet.');
    // mergePatch shares what the patch does not touch: patch a copy, never the stored object.
    const merged = mergePatch(clone(old), patch) as KubeObject;
    merged.apiVersion = old.apiVersion;
    merged.kind = old.kind;
    const meta = ensureMetadata(merged);
    if (meta.name !== name) throw badRequest(`the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`, "Un patch ne peut pas renommer un objet.");
    if (info.namespaced && meta.namespace !== ns) throw badRequest('the namespace of the provided object does not match the namespace sent on the request', "Un patch ne peut pas changer le namespace d'un objet.");
    return this.commit({ info, namespace: ns, name, object: old }, merged, options);
  }

  /**
   * POST pods/NAME/binding, what the scheduler does: sets spec.nodeName of an unbound Pod.
   * Like the binding subresource, the Pod is not validated again.
   */
  bindPod(namespace: string, name: string, nodeName: string): KubeObject {
    return clone(this.bindPodObject(namespace, name, nodeName));
  }

  private bindPodObject(namespace: string, name: string, nodeName: string): KubeObject {
    const old = this.registry.get(PODS, namespace, name);
    if (!old) throw notFound(PODS, name);
    const spec = (isJsonObject(old.spec) ? old.spec : {});
    const current = spec.nodeName;
    if (typeof current === 'string' && current !== '') {
      // Mirrors the binding REST storage's assignPod conflict.
      throw new StatusError(
        'Conflict',
        409,
        `Operation cannot be fulfilled on pods/binding ${JSON.stringify(name)}: pod ${name} is already assigned to node ${JSON.stringify(current)}`,
        `Le Pod ${name} est déjà placé sur le nœud ${current} : un Pod ne change jamais de nœud.`,
      );
    }
    if (metadataOf(old).deletionTimestamp !== undefined) {
      throw new StatusError('Conflict', 409, `Operation cannot be fulfilled on pods/binding ${JSON.stringify(name)}: pod ${name} is being deleted, cannot be assigned to a host`, `Le Pod ${name} est en cours de suppression : il ne peut plus être placé.`);
    }
    // Stored objects are never changed in place, so the new version shares what it does not change.
    const next = shallowCopy(old);
    const nextSpec = (next.spec = shallowCopy(spec));
    nextSpec.nodeName = nodeName;
    const nextMeta = (next.metadata = shallowCopy(metadataOf(old)));
    nextMeta.resourceVersion = this.registry.nextResourceVersion();
    this.registry.put(PODS, next);
    return next;
  }

  /**
   * Writes only the status (the `/status` subresource controllers use): the rest of the
   * object is kept, the generation does not move, the spec is not validated again.
   */
  updateStatus(input: KubeObject): KubeObject {
    return clone(this.updateStatusObject(input));
  }

  private updateStatusObject(input: KubeObject): KubeObject {
    const info = resolveKind(input, 'update');
    const meta = isJsonObject(input.metadata) ? input.metadata : {};
    const namespace = info.namespaced ? scalarText(meta.namespace ?? 'default') : '';
    const name = scalarText(meta.name ?? '');
    const old = this.registry.get(info, namespace, name);
    if (!old) throw notFound(info, name);
    checkPrecondition(info, meta.resourceVersion, old);
    if (deepEqual(input.status, old.status)) return old;
    // Stored objects are never changed in place, so the new version shares what it does not change.
    const next = shallowCopy(old);
    const nextMeta = (next.metadata = shallowCopy(metadataOf(old)));
    nextMeta.resourceVersion = this.registry.nextResourceVersion();
    if (input.status === undefined) delete next.status;
    else next.status = clone(input.status);
    this.registry.put(info, next);
    return next;
  }

  /**
   * Deletes an object: its dependents follow (Background), go first (Foreground) or stay
   * (Orphan). Returns the object as last seen, or as marked when finalizers or a Pod's
   * grace period delay the removal.
   */
  delete(info: KindInfo, namespace: string, name: string, options: DeleteOptions = {}): KubeObject {
    requireVerb(info, 'delete');
    const ns = info.namespaced ? namespace : '';
    const object = this.registry.get(info, ns, name);
    if (!object) throw notFound(info, name);
    return this.deleter.delete({ info, namespace: ns, name, object }, options);
  }

  /**
   * Calls `listener` for every change (ADDED, MODIFIED, DELETED), synchronously and in
   * commit order, optionally for one resource or one namespace. Returns the unsubscribe.
   */
  watch(listener: WatchListener, options: WatchOptions = {}): () => void {
    return this.registry.watch(listener, options);
  }

  /** The last resourceVersion handed out (what a list's metadata.resourceVersion says). */
  resourceVersion(): string {
    return String(this.registry.currentRevision);
  }

  private commit(old: Entry, object: KubeObject, options: WriteOptions): KubeObject {
    const { info } = old;
    const meta = metadataOf(object);
    const oldMeta = metadataOf(old.object);
    const precondition = meta.resourceVersion;
    const uid = meta.uid;
    // Mirrors rest.BeforeUpdate: what the server owns comes from the stored object.
    for (const field of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds']) {
      if (oldMeta[field] === undefined) delete meta[field];
      else meta[field] = oldMeta[field];
    }
    prepareForUpdate(info, object, old.object);
    // `object` is the store's own copy: defaults are filled in place.
    let next = applyDefaultsInPlace(object, info);
    try {
      if (this.hooks.beforeUpdate) next = this.hooks.beforeUpdate(info, next, old.object, options);
      return this.commitChecked(old, next, precondition, uid, options);
    } catch (error) {
      this.hooks.afterFailedUpdate?.(info);
      throw error;
    }
  }

  private commitChecked(old: Entry, next: KubeObject, precondition: unknown, uid: unknown, options: WriteOptions): KubeObject {
    const { info } = old;
    const oldMeta = metadataOf(old.object);
    const findings = options.trusted ? [] : check(info, next, old.object);
    checkPrecondition(info, precondition, old.object);
    if (uid !== undefined && uid !== oldMeta.uid) {
      const fr = "metadata.uid est attribué par le serveur et ne change jamais : retire-le de ton manifeste.";
      findings.unshift(invalid({ code: 'immutable', path: ['metadata', 'uid'], fr }, uid, 'field is immutable'));
    }
    if (findings.length > 0) throw invalidError(info, old.name, findings);
    const nextMeta = metadataOf(next);
    // Mirrors rest.BeforeUpdate: a client cannot set the generation; kinds without one keep none.
    if (tracksGeneration(info)) nextMeta.generation = Number(oldMeta.generation ?? 1) + (bumpsGeneration(info, old.object, next) ? 1 : 0);
    else delete nextMeta.generation;
    nextMeta.resourceVersion = oldMeta.resourceVersion;
    // A write that changes nothing is not written: no new resourceVersion, no event.
    if (deepEqual(next, old.object)) return old.object;
    if (options.dryRun) return next;
    nextMeta.resourceVersion = this.registry.nextResourceVersion();
    this.registry.put(info, next);
    const removed = this.deleter.finalizeIfReady({ ...old, object: next });
    return removed ?? next;
  }

  private lastTimestamp: { second: number; text: string } = { second: NaN, text: '' };

  /** formatTimestamp(now), kept while the clock stays within the same second (thousands of writes share it). */
  private timestamp(): string {
    const second = Math.floor(this.clock.now() / 1000);
    if (second !== this.lastTimestamp.second) this.lastTimestamp = { second, text: formatTimestamp(second * 1000) };
    return this.lastTimestamp.text;
  }

  /** Mirrors the NamespaceLifecycle admission plugin. */
  private admitToNamespace(info: KindInfo, name: string, namespace: string): void {
    const object = this.registry.get(NAMESPACES, '', namespace);
    if (!object) throw notFound(NAMESPACES, namespace);
    if (metadataOf(object).deletionTimestamp === undefined) return;
    const subject = info.group === '' ? info.resource : `${info.resource}.${info.group}`;
    throw new StatusError(
      'Forbidden',
      403,
      `${subject} ${JSON.stringify(name)} is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      `Le namespace « ${namespace} » est en cours de suppression (Terminating) : on ne peut plus rien y créer. Attends qu'il ait disparu, ou choisis un autre namespace.`,
      [{ type: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }],
    );
  }

  /** generateName + 5 random characters, retried on a collision (RetryGenerateName, on in v1.30). */
  private generateName(info: KindInfo, namespace: string, base: string): string {
    const prefix = base.length > MAX_GENERATED_BASE ? base.slice(0, MAX_GENERATED_BASE) : base;
    let name = prefix + this.random.nameSuffix();
    for (let attempt = 1; attempt < 8 && this.registry.get(info, namespace, name); attempt++) name = prefix + this.random.nameSuffix();
    return name;
  }
}
