/**
 * Which cluster the views and commands show: the simulated one, or a context of the
 * learner's kubeconfig, read through a mirror (mirror.ts). The views read `view()` and
 * follow `onDidChange` whatever the target; the commands ask `remote` whether they talk
 * to a real cluster (read-only by default, see guard.ts). No `vscode` here, and no
 * client-node until a real cluster is asked for (loadConnection()).
 */
import type * as vscode from 'vscode';
import { kindInfo } from '../../../simulator/src/api/catalog';
import type { KubeObject, ObjectStore } from '../../../simulator/src/store/store';
import type { ChangeListener, ClusterService, ObjectRef } from '../cluster/service';
import type { TreeNode } from '../cluster/treeModel';
import type { ObjectDocument } from '../views/describeDocument';
import type * as Connection from './connection';
import { remoteDocumentText } from './documents';
import type { LoadedKubeconfig } from './kubeconfig';
import type { ContextInfo } from './kubeconfigFiles';
import type { Mirror, MirrorOptions, Skipped } from './mirror';
import type { RemoteClient } from './remote';
import { kubectlText } from './remoteErrors';

type L10n = Pick<typeof vscode.l10n, 't'>;

/**
 * The modules that need client-node (connection.ts), evaluated at the first call only.
 * esbuild bundles a `require` of a local ES module as a lazily initialised one, as it does
 * `await import()`; `require` keeps contexts() and select() synchronous up to their first
 * request, as they were, and runs under the tests' tsx/cjs (which leaves `import()` to
 * Node's ES loader, unable to load TypeScript).
 */
export function loadConnection(): typeof Connection {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
  return require('./connection') as typeof Connection;
}

/** What the views read: a store, the time of its ages, and ready-made roots when there is nothing to show but a state. */
export interface ClusterView {
  store: ObjectStore;
  now: number;
  roots?: TreeNode[];
}

/** A real cluster being shown. */
export interface RemoteTarget {
  context: string;
  client: RemoteClient;
  mirror: Mirror;
}

export interface TargetServiceOptions {
  cluster: ClusterService;
  l10n: L10n;
  /** Reads the kubeconfig (default: KUBECONFIG or ~/.kube/config). */
  kubeconfig?: () => LoadedKubeconfig;
  mirror?: MirrorOptions;
  /** Request timeout towards real API servers. */
  timeoutMs?: number;
}

export class TargetService {
  private current: RemoteTarget | undefined;
  private connecting = false;
  private readonly listeners = new Set<ChangeListener>();
  private unsubscribe: () => void = () => undefined;
  private readonly unwatchCluster: () => void;
  /** Mirrors left behind, until their last requests are over. */
  private readonly closing = new Set<Promise<void>>();

  constructor(private readonly options: TargetServiceOptions) {
    // The simulated cluster's changes count only while it is the target.
    this.unwatchCluster = options.cluster.onDidChange((change) => {
      if (!this.current) this.fire(change.replaced);
    });
  }

  /** The real cluster shown, or undefined for the simulated one. */
  get remote(): RemoteTarget | undefined {
    return this.current;
  }

  /** The contexts of the kubeconfig (throws KubeconfigProblem for a file that cannot be read). */
  contexts(): ContextInfo[] {
    const connection = loadConnection();
    return connection.listContexts(this.loadKubeconfig(connection).config);
  }

  /**
   * Shows the simulated cluster (undefined or '') or a context of the kubeconfig. Resolves
   * once the mirror listed everything once; throws KubeconfigProblem for an unknown context.
   */
  async select(context: string | undefined): Promise<void> {
    const next = context ? this.connect(loadConnection(), context) : undefined;
    this.unsubscribe();
    if (this.current) this.retire(this.current.mirror);
    this.current = next;
    this.connecting = next !== undefined;
    this.unsubscribe = next ? next.mirror.onDidChange(() => this.fire(false)) : () => undefined;
    this.fire(true);
    if (!next) return;
    await next.mirror.ready;
    if (this.current !== next) return;
    this.connecting = false;
    this.fire(false);
  }

  /** The store the views read now, and what the tree shows instead when the real cluster cannot be read. */
  view(): ClusterView {
    const remote = this.current;
    if (!remote) {
      const { store, clock } = this.options.cluster.cluster;
      return { store, now: clock.now() };
    }
    const { l10n } = this.options;
    const view: ClusterView = { store: remote.mirror.store, now: Date.now() };
    const problem = remote.mirror.problem;
    if (problem) {
      const text = kubectlText(problem);
      view.roots = [stateNode('target/problem', problem.fr, text, `${text}\n${problem.fr}`, 'failing', 'error')];
    } else if (this.connecting) {
      const label = l10n.t('Connexion au cluster « {0} »…', remote.context);
      view.roots = [stateNode('target/connecting', label, remote.client.server, label, 'progressing', 'loading~spin')];
    }
    return view;
  }

  /** Calls `listener` after each change of what the views show; returns the unsubscribe. */
  onDidChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The object as the target holds it, or undefined. */
  find(ref: ObjectRef): KubeObject | undefined {
    const info = kindInfo(ref.apiVersion, ref.kind);
    return info && this.view().store.find(info, info.namespaced ? (ref.namespace ?? 'default') : '', ref.name);
  }

  /** The text of a read-only document on the real cluster; undefined when the simulated one is shown. */
  documentText(doc: ObjectDocument): Promise<string> | undefined {
    return this.current && remoteDocumentText(this.current.mirror, doc);
  }

  /** What the real cluster did not let the mirror list, one line per refusal (empty on the simulated cluster). */
  skipped(): Skipped[] {
    return this.current?.mirror.skipped ?? [];
  }

  dispose(): void {
    this.unsubscribe();
    this.unwatchCluster();
    if (this.current) this.retire(this.current.mirror);
    this.current = undefined;
    this.listeners.clear();
  }

  /** dispose(), then waits until no request to a real cluster is left open. */
  async close(): Promise<void> {
    this.dispose();
    await Promise.all([...this.closing]);
  }

  /** Stops a mirror; close() waits for it until its last requests are over. */
  private retire(mirror: Mirror): void {
    const done: Promise<void> = mirror.close().finally(() => this.closing.delete(done));
    this.closing.add(done);
  }

  private loadKubeconfig(connection: typeof Connection): LoadedKubeconfig {
    return (this.options.kubeconfig ?? connection.loadKubeconfig)();
  }

  private connect(connection: typeof Connection, context: string): RemoteTarget {
    const client = new connection.RemoteClient(context, connection.configFor(this.loadKubeconfig(connection), context), this.options.timeoutMs);
    return { context, client, mirror: new connection.Mirror(client, this.options.mirror) };
  }

  private fire(replaced: boolean): void {
    for (const listener of [...this.listeners]) listener({ replaced });
  }
}

/** A single item standing for the whole tree: the connection on its way, or why the cluster cannot be read. */
function stateNode(id: string, label: string, description: string, tooltip: string, state: TreeNode['state'], icon: string): TreeNode {
  return { id, label, description, tooltip, state, icon, contextValue: 'target.state', expanded: false, children: [] };
}
