/**
 * The contract between controllers and the runtime (STYLE.md, habit 4): a controller is a
 * level-triggered reconciler. Given a key and a read-only view of the store, it returns the
 * writes it wants (actions) and, optionally, when to look again. It never writes itself and
 * never mutates what the reader hands it: those are the stored objects themselves, shared
 * (as client-go's listers share their cache); a controller that needs to change one works
 * on its own copy, as upstream's `DeepCopy()` before an update. The unit tests check this
 * (checkControllerReads in runtime.ts).
 */
import type { KindInfo } from '../api/catalog';
import type { Random } from '../random';
import type { DeleteOptions, KubeObject, ListOptions, WatchEvent } from '../store/store';

/** Read-only access to the cluster's state, plus simulated time. */
export interface Reader {
  get(info: KindInfo, namespace: string, name: string): KubeObject | undefined;
  list(info: KindInfo, options?: ListOptions): KubeObject[];
  /** Simulated milliseconds since the epoch. */
  now(): number;
  /** The cluster's seeded randomness (pod IPs, suffixes): the same seed gives the same cluster. */
  random: Random;
}

/** An Event to record, as the real components record them (client-go's EventRecorder). */
export interface EventInput {
  /** The object the event is about. */
  involved: KubeObject;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** The reporting component: `deployment-controller`, `default-scheduler`, `kubelet`... */
  component: string;
  /** The node, for kubelet events. */
  host?: string;
}

export type Action =
  | {
      type: 'create';
      object: KubeObject;
      /**
       * When the API server refuses the object (a quota, a LimitRange): the actions to
       * apply instead (a FailedCreate event, a status); the reconcile then stops there and
       * counts as failed, retried with back-off, as a controller returning the error does.
       */
      onError?: (error: unknown) => Action[];
    }
  /** Replaces the object; its metadata.resourceVersion guards against lost updates (409). */
  | { type: 'update'; object: KubeObject }
  /** Writes status only (the status subresource): no generation bump, no spec change. */
  | { type: 'updateStatus'; object: KubeObject }
  /** JSON merge patch (RFC 7386). */
  | { type: 'patch'; info: KindInfo; namespace: string; name: string; patch: unknown }
  | { type: 'delete'; info: KindInfo; namespace: string; name: string; options?: DeleteOptions }
  /** The Pod binding subresource: assigns a node to an unbound Pod. */
  | { type: 'bind'; namespace: string; name: string; node: string }
  | { type: 'event'; event: EventInput };

export interface ReconcileResult {
  actions: Action[];
  /** Look at this key again after this many simulated milliseconds. */
  requeueAfter?: number;
}

/** Maps a change of some kind to the keys a controller must reconcile. */
export interface Trigger {
  info: KindInfo;
  keys(event: WatchEvent): string[];
}

export interface Controller {
  /** `deployment-controller`, `replicaset-controller`, `scheduler`, `kubelet`... */
  name: string;
  triggers: Trigger[];
  reconcile(key: string, reader: Reader): ReconcileResult;
}

/** The usual key: `namespace/name`, or `name` for cluster-scoped objects. */
export function keyOf(object: KubeObject): string {
  const metadata = (object.metadata ?? {}) as { namespace?: string; name?: string };
  return metadata.namespace ? `${metadata.namespace}/${metadata.name ?? ''}` : (metadata.name ?? '');
}

/** Splits a `namespace/name` key (cluster-scoped keys have an empty namespace). */
export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash === -1 ? { namespace: '', name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** A trigger that reconciles the changed object itself. */
export function self(info: KindInfo): Trigger {
  return { info, keys: (event) => [keyOf(event.object)] };
}

/**
 * For a kind that governs its namespace (a PodDisruptionBudget, a ResourceQuota): `self`
 * reconciles the changed object and keeps the kind's names per namespace; `from(other)`
 * reconciles every one of them in the namespace of a changed object of another kind.
 */
export function namespaceFanOut(info: KindInfo): { self: Trigger; from(other: KindInfo): Trigger } {
  const byNamespace = new Map<string, Set<string>>();
  return {
    self: {
      info,
      keys(event) {
        const { namespace, name } = splitKey(keyOf(event.object));
        const names = byNamespace.get(namespace) ?? new Set<string>();
        if (event.type === 'DELETED') names.delete(name);
        else names.add(name);
        if (names.size === 0) byNamespace.delete(namespace);
        else byNamespace.set(namespace, names);
        return [keyOf(event.object)];
      },
    },
    from: (other) => ({
      info: other,
      keys(event) {
        const metadata = event.object.metadata as { namespace?: unknown } | undefined;
        const namespace = typeof metadata?.namespace === 'string' ? metadata.namespace : '';
        const names = byNamespace.get(namespace);
        return names ? [...names].map((name) => `${namespace}/${name}`) : [];
      },
    }),
  };
}

/** A trigger that reconciles the owners (of kind `ownerKind`) of the changed object. */
export function owners(info: KindInfo, ownerKind: string): Trigger {
  return {
    info,
    keys: (event) => {
      const metadata = (event.object.metadata ?? {}) as { namespace?: string; ownerReferences?: { kind?: string; name?: string }[] };
      return (metadata.ownerReferences ?? [])
        .filter((owner) => owner.kind === ownerKind && typeof owner.name === 'string')
        .map((owner) => (metadata.namespace ? `${metadata.namespace}/${owner.name!}` : owner.name!));
    },
  };
}
