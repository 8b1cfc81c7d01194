/**
 * A read-only copy of a real cluster in an ObjectStore, kept up to date by
 * @kubernetes/client-node informers (list, then watch from the list's resourceVersion,
 * relisting when the server says it is too old): the kinds the tree shows, Nodes,
 * Namespaces and Events. The views, describe and the status bar then read it exactly as
 * they read the simulated cluster's store. A kind the user may not list across all
 * namespaces is followed namespace by namespace; what stays Forbidden is skipped and
 * reported (once, by the caller). A watch that breaks starts again after a back-off.
 */
import { ListWatch } from '@kubernetes/client-node';
import { kindInfo, type KindInfo } from '../../../simulator/src/api/catalog';
import { createRandom } from '../../../simulator/src/random';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { REAL_TIMERS, type Timers } from '../cluster/debounce';
import type { RemoteClient } from './remote';
import { connectionFailure, RemoteError, statusFailure } from './remoteErrors';

/** [apiVersion, kind] of what is mirrored: the tree's kinds (cluster/treeModel.ts), Nodes, Namespaces, Events. */
const MIRRORED: readonly (readonly [string, string])[] = [
  ['v1', 'Namespace'],
  ['v1', 'Node'],
  ['v1', 'Pod'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
  ['apps/v1', 'StatefulSet'],
  ['apps/v1', 'DaemonSet'],
  ['batch/v1', 'Job'],
  ['batch/v1', 'CronJob'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  ['v1', 'Service'],
  ['v1', 'Endpoints'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['v1', 'PersistentVolumeClaim'],
  ['v1', 'PersistentVolume'],
  ['storage.k8s.io/v1', 'StorageClass'],
  ['v1', 'ServiceAccount'],
  ['rbac.authorization.k8s.io/v1', 'Role'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
  ['v1', 'Event'],
];

export const MIRRORED_KINDS: readonly KindInfo[] = MIRRORED.map(([apiVersion, kind]) => kindInfo(apiVersion, kind)!);

/** What could not be listed: the resource, its namespace ('' for all), and the server's refusal. */
export interface Skipped {
  resource: string;
  namespace: string;
  error: RemoteError;
}

export interface MirrorOptions {
  /** Coalesces change notifications (default: 100 ms after the first change). */
  schedule?: (callback: () => void) => void;
  /** The first wait before a broken watch starts again, doubled up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  timers?: Timers;
}

type List = Awaited<ReturnType<RemoteClient['list']>>;

/** kubectl hides managedFields by default (`--show-managed-fields`): the mirror does not keep them. */
function withoutManagedFields(object: KubeObject, info: KindInfo): KubeObject {
  const metadata = { ...((object.metadata ?? {}) as Record<string, unknown>) };
  delete metadata.managedFields;
  return { ...object, apiVersion: info.apiVersion, kind: info.kind, metadata };
}

export class Mirror {
  /** The copy of the cluster; written only by the informers. */
  readonly store = new ObjectStore({ clock: { now: () => Date.now() }, random: createRandom(1), namespaces: [] });
  /** What the user may not list (Forbidden), or what the server does not serve. */
  readonly skipped: Skipped[] = [];
  /** The last time the server could not be reached (cleared by the next answer). */
  problem: RemoteError | undefined;
  /** Resolves once every kind has been listed once (or refused). */
  readonly ready: Promise<void>;

  private readonly informers: ListWatch<KubeObject>[] = [];
  private readonly handles = new Set<unknown>();
  /** Informers still listing or connecting: they stop once started (see run()). */
  private readonly starting = new Set<Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private readonly schedule: (callback: () => void) => void;
  private readonly timers: Timers;
  private readonly unwatch: () => void;
  private pending = false;
  private stopped = false;

  constructor(
    readonly client: RemoteClient,
    private readonly options: MirrorOptions = {},
  ) {
    this.timers = options.timers ?? REAL_TIMERS;
    this.schedule = options.schedule ?? ((callback) => void this.later(callback, 100));
    this.unwatch = this.store.watch(() => this.changed());
    this.ready = this.start();
  }

  /** Calls `listener` once per burst of changes (objects, or the problem); returns the unsubscribe. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops every informer; the store keeps what it had. */
  dispose(): void {
    this.stopped = true;
    for (const handle of this.handles) this.timers.clearTimeout(handle);
    this.handles.clear();
    for (const informer of this.informers) void informer.stop();
    this.unwatch();
    this.listeners.clear();
  }

  /** dispose(), then waits for the informers that were still connecting: no request of the mirror is left open. */
  async close(): Promise<void> {
    this.dispose();
    await this.ready;
    while (this.starting.size > 0) await Promise.all([...this.starting]);
  }

  private async start(retry = this.options.retryMs ?? 1000): Promise<void> {
    const namespaces = await this.probe(MIRRORED_KINDS[0]!, '');
    if (this.stopped) return;
    if (namespaces instanceof RemoteError && namespaces.code !== 403) {
      // Nothing answered: try again later (the tree shows the problem meanwhile).
      if (!namespaces.unreachable) this.setProblem(namespaces);
      this.later(() => void this.start(Math.min(retry * 2, this.options.maxRetryMs ?? 30_000)), retry);
      return;
    }
    let names = [this.client.namespace];
    if (namespaces instanceof RemoteError) this.skip(MIRRORED_KINDS[0]!, '', namespaces);
    else {
      names = namespaces.items.map((item) => String((item.metadata as { name?: unknown }).name));
      this.follow(MIRRORED_KINDS[0]!, '', namespaces);
    }
    await Promise.all(MIRRORED_KINDS.slice(1).map((info) => this.mirrorKind(info, names)));
  }

  /** Follows a kind across all namespaces, else in each namespace the user may list. */
  private async mirrorKind(info: KindInfo, namespaces: readonly string[]): Promise<void> {
    const all = await this.probe(info, '');
    if (!(all instanceof RemoteError)) return this.follow(info, '', all);
    if (all.unreachable) return;
    if (all.code !== 403 || !info.namespaced) return this.skip(info, '', all);
    await Promise.all(
      namespaces.map(async (namespace) => {
        const one = await this.probe(info, namespace);
        if (!(one instanceof RemoteError)) this.follow(info, namespace, one);
        else if (!one.unreachable) this.skip(info, namespace, one);
      }),
    );
  }

  /** The first list of a kind, or why there is none (an unreachable server is also the mirror's problem). */
  private async probe(info: KindInfo, namespace: string): Promise<List | RemoteError> {
    try {
      const list = await this.client.list(info, namespace);
      this.answered();
      return list;
    } catch (error) {
      const remote = this.asRemote(error);
      if (remote.unreachable) this.setProblem(remote);
      return remote;
    }
  }

  private skip(info: KindInfo, namespace: string, error: RemoteError): void {
    this.skipped.push({ resource: info.group === '' ? info.resource : `${info.resource}.${info.group}`, namespace, error });
  }

  /** An informer over one list: its objects go to the store as they come and go. */
  private follow(info: KindInfo, namespace: string, first: List): void {
    if (this.stopped) return;
    let initial: List | undefined = first;
    const list = async (): Promise<List> => {
      const given = initial;
      initial = undefined;
      const result = given ?? (await this.client.list(info, namespace));
      this.answered();
      return result;
    };
    const path = this.client.resourcePath(info, namespace);
    const informer = new ListWatch<KubeObject>(path, this.client.watcher(), list, false);
    const keyOf = (object: KubeObject): [string, string] => {
      const meta = (object.metadata ?? {}) as { name?: unknown; namespace?: unknown };
      return [typeof meta.namespace === 'string' ? meta.namespace : '', String(meta.name)];
    };
    let delay = this.options.retryMs ?? 1000;
    const put = (object: KubeObject): void => {
      delay = this.options.retryMs ?? 1000;
      this.answered();
      this.store.registry.put(info, withoutManagedFields(object, info));
    };
    informer.on('add', put);
    informer.on('update', put);
    informer.on('delete', (object) => {
      const [ns, name] = keyOf(object);
      this.store.registry.remove(info, info.namespaced ? ns : '', name, withoutManagedFields(object, info));
    });
    informer.on('error', (error: unknown) => {
      if (this.stopped) return;
      const remote = this.asRemote(error);
      if (remote.unreachable) this.setProblem(remote);
      this.later(() => this.run(informer), delay);
      delay = Math.min(delay * 2, this.options.maxRetryMs ?? 30_000);
    });
    this.informers.push(informer);
    this.run(informer);
  }

  /**
   * Starts an informer. ListWatch.stop() aborts only a watch already open: one stopped
   * while it was still listing or connecting is stopped again once it has started.
   */
  private run(informer: ListWatch<KubeObject>): void {
    const started: Promise<void> = informer
      .start()
      .then(() => (this.stopped ? informer.stop() : undefined))
      .catch(() => undefined)
      .finally(() => this.starting.delete(started));
    this.starting.add(started);
  }

  private asRemote(error: unknown): RemoteError {
    if (error instanceof RemoteError) return error;
    const code = (error as { statusCode?: unknown; code?: unknown } | undefined)?.statusCode;
    if (typeof code === 'number') return statusFailure(code, '', this.client.context);
    return connectionFailure(error, this.client.server, this.client.context);
  }

  private answered(): void {
    if (this.problem) this.setProblem(undefined);
  }

  private setProblem(problem: RemoteError | undefined): void {
    this.problem = problem;
    this.changed();
  }

  private later(callback: () => void, ms: number): void {
    if (this.stopped) return;
    const handle = this.timers.setTimeout(() => {
      this.handles.delete(handle);
      if (!this.stopped) callback();
    }, ms);
    this.handles.add(handle);
  }

  private changed(): void {
    if (this.pending || this.stopped) return;
    this.pending = true;
    this.schedule(() => {
      this.pending = false;
      if (this.stopped) return;
      for (const listener of [...this.listeners]) listener();
    });
  }
}
