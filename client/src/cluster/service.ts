/**
 * The simulated cluster as the extension sees it: one owner for the Cluster (which the
 * reset and import commands replace), `kubectl apply -f` and `kubectl delete -f` of a text
 * with a result per object, time, and one coalesced change notification however many
 * objects a step wrote. No `vscode` here: the views and commands adapt this.
 */
import { createCluster, loadCluster, type Cluster, type ClusterSnapshot } from '../../../simulator/src/cluster';
import { kindInfo, type KindInfo } from '../../../simulator/src/api/catalog';
import { objectReference } from '../../../simulator/src/store/apply';
import { defaultNodes } from '../../../simulator/src/scheduler/nodes';
import type { KubeObject } from '../../../simulator/src/store/store';
import { problemOf } from './errors';
import { declaredObjects, type DeclaredObject } from '../../../simulator/src/kubectl/commands/manifests';
import { snapshotFromYaml, snapshotToYaml } from './stateYaml';

export type Outcome = 'created' | 'configured' | 'unchanged' | 'deleted' | 'failed';

/** What happened to one object (or one document that declared none). */
export interface ObjectResult {
  source: string;
  /** 1-based line of the document in its source (0 when there is no source). */
  line: number;
  /** `deployment.apps/web`, or '' when the document named no object. */
  reference: string;
  outcome: Outcome;
  /** kubectl's own line: `deployment.apps/web created`, `service "web" deleted`, or the error. */
  text: string;
  /** The French explanation of a failure. */
  fr?: string;
  /** kubectl's warning (an object not created by apply). */
  warning?: string;
}

export interface Report {
  operation: 'apply' | 'delete';
  /** The files (or selection, or folder files) in the order they were read. */
  sources: string[];
  results: ObjectResult[];
}

/** A text to apply or delete, named as kubectl would name its file. */
export interface SourceText {
  source: string;
  text: string;
  /** Added to line numbers (a selection starting further down its file). */
  lineOffset?: number;
}

/** Identifies one object of the cluster (a tree item, a command argument). */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface ClusterChange {
  /** The whole cluster was replaced (reset, import). */
  replaced: boolean;
}

export type ChangeListener = (change: ClusterChange) => void;

export interface ClusterServiceOptions {
  /** A fresh cluster (first start, reset). */
  create?: () => Cluster;
  /** A cluster from a snapshot (import). */
  load?: (snapshot: ClusterSnapshot) => Cluster;
  /** The cluster to start with (restored from the state file); default create(). */
  initial?: Cluster;
  /**
   * Simulated time an apply may take to settle. 0 (default) runs only what is due now:
   * the rest happens as simulated time runs, so the learner sees Pods come up.
   */
  settleMs?: number;
  /** Runs a callback after the current synchronous work (default queueMicrotask). */
  schedule?: (callback: () => void) => void;
}

/** The seed of every cluster the extension creates: the same clicks give the same cluster. */
export const DEFAULT_SEED = 1;

/** A new cluster with the default nodes (one control plane, two workers). */
export function newCluster(): Cluster {
  return createCluster({ seed: DEFAULT_SEED, nodes: defaultNodes() });
}

/** `deployment.apps "web"`: how kubectl delete names an object. */
function deletedName(info: Pick<KindInfo, 'group' | 'kind'>, name: string): string {
  return `${info.kind.toLowerCase()}${info.group === '' ? '' : `.${info.group}`} ${JSON.stringify(name)}`;
}

function metadataOf(object: KubeObject): { name: string; namespace: string } {
  const meta = (object.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  return {
    name: typeof meta.name === 'string' ? meta.name : '',
    namespace: typeof meta.namespace === 'string' ? meta.namespace : '',
  };
}

export class ClusterService {
  private current: Cluster;
  private unwatch: () => void;
  private readonly listeners = new Set<ChangeListener>();
  private pending: ClusterChange | undefined;
  private depth = 0;
  private readonly create: () => Cluster;
  private readonly load: (snapshot: ClusterSnapshot) => Cluster;
  private readonly settleMs: number;
  private readonly schedule: (callback: () => void) => void;

  constructor(options: ClusterServiceOptions = {}) {
    this.create = options.create ?? newCluster;
    this.load = options.load ?? ((snapshot) => loadCluster(snapshot));
    this.settleMs = options.settleMs ?? 0;
    this.schedule = options.schedule ?? queueMicrotask;
    this.current = options.initial ?? this.create();
    this.unwatch = this.watch(this.current);
  }

  /** The cluster now; read it each time (reset and import replace it). */
  get cluster(): Cluster {
    return this.current;
  }

  /** Calls `listener` once per burst of changes; returns the unsubscribe. */
  onDidChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `kubectl apply -f` of one text: every object in order, none stops the others. */
  applyText(text: string, source: string, lineOffset = 0): Report {
    return this.applyAll([{ source, text, lineOffset }]);
  }

  /** `kubectl apply -f` of several files (a folder), then one settle. */
  applyAll(sources: readonly SourceText[]): Report {
    return this.batch(() => {
      const results = sources.flatMap(({ source, text, lineOffset }) => declaredObjects(text, source, lineOffset).map((declared) => this.applyOne(declared)));
      this.settle();
      return { operation: 'apply', sources: sources.map((s) => s.source), results };
    });
  }

  /** `kubectl delete -f` of one text: every object it declares, in order. */
  deleteText(text: string, source: string, lineOffset = 0): Report {
    return this.deleteAll([{ source, text, lineOffset }]);
  }

  /** `kubectl delete -f` of several files. */
  deleteAll(sources: readonly SourceText[]): Report {
    return this.batch(() => {
      const results = sources.flatMap(({ source, text, lineOffset }) =>
        declaredObjects(text, source, lineOffset).map((declared) => {
          if (!declared.object || !declared.info) return failed(declared, '', declared.problem!);
          return this.deleteOne(declared.info, declared.object, declared.source, declared.line);
        }),
      );
      this.settle();
      return { operation: 'delete', sources: sources.map((s) => s.source), results };
    });
  }

  /** `kubectl delete KIND NAME`, from a tree item. */
  deleteObject(ref: ObjectRef): ObjectResult {
    return this.batch(() => {
      const info = kindInfo(ref.apiVersion, ref.kind);
      if (!info) {
        return { source: '', line: 0, reference: '', outcome: 'failed' as const, text: `error: the server doesn't have a resource type "${ref.kind}"`, fr: `Le cluster ne connaît pas le type ${ref.kind}.` };
      }
      const object = { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) } };
      const result = this.deleteOne(info, object, '', 0);
      this.settle();
      return result;
    });
  }

  /** The object as stored, or undefined. */
  find(ref: ObjectRef): KubeObject | undefined {
    const info = kindInfo(ref.apiVersion, ref.kind);
    return info && this.current.store.find(info, ref.namespace ?? '', ref.name);
  }

  /** Lets `ms` of simulated time pass (the ticker calls this). */
  tick(ms: number): void {
    if (ms > 0) this.batch(() => this.current.advance(ms));
  }

  /** Throws everything away: a new cluster, as on the first start. */
  reset(): void {
    this.replace(this.create());
  }

  /** The cluster as plain JSON, for the state file. */
  save(): ClusterSnapshot {
    return this.current.save();
  }

  /** Replaces the cluster by a saved one (throws what loadCluster throws; nothing changes then). */
  restore(snapshot: ClusterSnapshot): void {
    const next = this.load(snapshot);
    this.batch(() => {
      this.replace(next);
      this.settle();
    });
  }

  /** The cluster's whole state as YAML (see stateYaml.ts). */
  exportYaml(): string {
    return snapshotToYaml(this.save());
  }

  /** Replaces the cluster by an exported one; throws StateFormatError (or loadCluster's error) and changes nothing when it cannot. */
  importYaml(text: string): void {
    this.restore(snapshotFromYaml(text));
  }

  dispose(): void {
    this.unwatch();
    this.current.runtime.dispose();
    this.listeners.clear();
  }

  /** The store's changes and the Docker engine's (its images and containers are saved and checked too). */
  private watch(cluster: Cluster): () => void {
    const store = cluster.store.watch(() => this.note(false));
    const docker = cluster.docker.watch(() => this.note(false));
    return () => (store(), docker());
  }

  private replace(next: Cluster): void {
    this.unwatch();
    this.current.runtime.dispose();
    this.current = next;
    this.unwatch = this.watch(next);
    this.note(true);
    if (this.depth === 0) this.flush();
  }

  private settle(): void {
    this.current.settle({ maxSimulatedMs: this.settleMs });
  }

  private applyOne(declared: DeclaredObject): ObjectResult {
    const { object, info, source, line } = declared;
    if (!object || !info) return failed(declared, '', declared.problem!);
    const { name, namespace } = metadataOf(object);
    const reference = name === '' ? '' : objectReference(info, name);
    const existed = name !== '' && this.current.store.find(info, info.namespaced ? namespace || 'default' : '', name) !== undefined;
    try {
      const result = this.current.apply(object);
      return { source, line, reference, outcome: result.action, text: result.text, ...(result.warning ? { warning: result.warning } : {}) };
    } catch (error) {
      return failed(declared, reference, problemOf(error, existed ? 'patching' : 'creating', source, info, name));
    }
  }

  private deleteOne(info: KindInfo, object: KubeObject, source: string, line: number): ObjectResult {
    const { name, namespace } = metadataOf(object);
    const reference = name === '' ? '' : objectReference(info, name);
    if (name === '') return { source, line, reference, outcome: 'failed', text: 'error: resource name may not be empty', fr: 'Il manque metadata.name : kubectl ne sait pas quel objet supprimer.' };
    try {
      this.current.store.delete(info, info.namespaced ? namespace || 'default' : '', name);
      return { source, line, reference, outcome: 'deleted', text: `${deletedName(info, name)} deleted` };
    } catch (error) {
      const problem = source === '' ? problemWithoutSource(error, info, name) : problemOf(error, 'deleting', source, info, name);
      return { source, line, reference, outcome: 'failed', text: problem.message, fr: problem.fr };
    }
  }

  private note(replaced: boolean): void {
    if (this.pending) {
      this.pending.replaced ||= replaced;
      return;
    }
    this.pending = { replaced };
    if (this.depth === 0) this.schedule(() => this.flush());
  }

  private batch<T>(work: () => T): T {
    this.depth++;
    try {
      return work();
    } finally {
      this.depth--;
      if (this.depth === 0) this.flush();
    }
  }

  private flush(): void {
    const change = this.pending;
    this.pending = undefined;
    if (!change) return;
    for (const listener of [...this.listeners]) listener(change);
  }
}

function failed(declared: DeclaredObject, reference: string, problem: { message: string; fr: string }): ObjectResult {
  return { source: declared.source, line: declared.line, reference, outcome: 'failed', text: problem.message, fr: problem.fr };
}

/** `kubectl delete deployment web` (no file): `Error from server (NotFound): deployments.apps "web" not found`. */
function problemWithoutSource(error: unknown, info: KindInfo, name: string): { message: string; fr: string } {
  const problem = problemOf(error, 'deleting', '', info, name);
  return { ...problem, message: problem.message.replace(/error when deleting "": /, '') };
}

/** How many objects went in (created, configured, unchanged, deleted) and how many failed. */
export function countOutcomes(report: Report): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { created: 0, configured: 0, unchanged: 0, deleted: 0, failed: 0 };
  for (const result of report.results) counts[result.outcome]++;
  return counts;
}
