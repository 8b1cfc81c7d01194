/**
 * `kubectl cordon`, `uncordon` and `drain` against the simulated API server, with
 * kubectl v1.30's lines of output (k8s.io/kubectl/pkg/drain). They write to the store the
 * way kubectl writes to the API: a patch of spec.unschedulable, then one eviction per Pod.
 * An unknown Node throws the store's NotFound (`nodes "worker-9" not found`).
 */
import { kindInfo } from '../api/catalog';
import { isJsonObject, type JsonObject } from '../store/json';
import type { ObjectStore, KubeObject } from '../store/store';

const NODE = kindInfo('v1', 'Node')!;
const POD = kindInfo('v1', 'Pod')!;

export interface CordonResult {
  /** False when the Node already was in the wanted state. */
  changed: boolean;
  /** `node/worker-1 cordoned`, `node/worker-1 already uncordoned`... */
  message: string;
}

function setUnschedulable(store: ObjectStore, name: string, desired: boolean): CordonResult {
  const node = store.get(NODE, '', name);
  const spec = isJsonObject(node.spec) ? node.spec : {};
  const verb = desired ? 'cordoned' : 'uncordoned';
  if ((spec.unschedulable === true) === desired) return { changed: false, message: `node/${name} already ${verb}` };
  // kubectl's two-way merge patch: `false` is omitted from the Node, hence null.
  store.patch(NODE, '', name, { spec: { unschedulable: desired ? true : null } });
  return { changed: true, message: `node/${name} ${verb}` };
}

/** `kubectl cordon NODE`: no new Pod will be scheduled there. */
export function cordon(store: ObjectStore, name: string): CordonResult {
  return setUnschedulable(store, name, true);
}

/** `kubectl uncordon NODE`. */
export function uncordon(store: ObjectStore, name: string): CordonResult {
  return setUnschedulable(store, name, false);
}

export interface DrainOptions {
  /** --ignore-daemonsets */
  ignoreDaemonSets?: boolean;
  /** --delete-emptydir-data */
  deleteEmptyDirData?: boolean;
  /** --force: also delete Pods that no controller recreates. */
  force?: boolean;
}

export interface DrainResult {
  /** True when every Pod that had to go was evicted. */
  drained: boolean;
  /** What kubectl prints on stdout, in order. */
  output: string[];
  /** What it prints on stderr (warnings, then the error). */
  errors: string[];
  /** The evicted Pods, `namespace/name`. */
  evicted: string[];
}

type Verdict = { delete: boolean; warning?: string; fatal?: string };

// The messages of k8s.io/kubectl/pkg/drain/filters.go.
const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const UNMANAGED_FATAL = 'Pods declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

const objectAt = (object: JsonObject, field: string): JsonObject => (isJsonObject(object[field]) ? object[field] : {});

function controllerOf(pod: KubeObject): JsonObject | undefined {
  const refs = objectAt(pod, 'metadata').ownerReferences;
  return Array.isArray(refs) ? refs.filter(isJsonObject).find((ref) => ref.controller === true) : undefined;
}

/** Mirrors the drain filters, in kubectl's order: DaemonSet, mirror Pod, local storage, unreplicated. */
function verdictFor(pod: KubeObject, options: DrainOptions): Verdict {
  const controller = controllerOf(pod);
  const phase = objectAt(pod, 'status').phase;
  const finished = phase === 'Succeeded' || phase === 'Failed';
  if (controller?.kind === 'DaemonSet') {
    return options.ignoreDaemonSets ? { delete: false, warning: DAEMONSET_WARNING } : { delete: false, fatal: DAEMONSET_FATAL };
  }
  const annotations = objectAt(objectAt(pod, 'metadata'), 'annotations');
  if (typeof annotations['kubernetes.io/config.mirror'] === 'string') return { delete: false };
  const volumes = objectAt(pod, 'spec').volumes;
  const localStorage = Array.isArray(volumes) && volumes.some((volume) => isJsonObject(volume) && volume.emptyDir !== undefined);
  if (localStorage && !finished && !options.deleteEmptyDirData) return { delete: false, fatal: LOCAL_STORAGE_FATAL };
  // Only the last filter's warning survives (GetPodsForDeletion keeps the final status):
  // deleting a managed Pod with an emptyDir prints nothing.
  if (!controller && !finished) return options.force ? { delete: true, warning: UNMANAGED_WARNING } : { delete: false, fatal: UNMANAGED_FATAL };
  return { delete: true };
}

/** Groups `namespace/name` by message, messages sorted (kubectl iterates a Go map). */
function grouped(entries: [string, string][]): [string, string][] {
  const byMessage = new Map<string, string[]>();
  for (const [message, pod] of entries) byMessage.set(message, [...(byMessage.get(message) ?? []), pod]);
  return [...byMessage.keys()].sort().map((message) => [message, byMessage.get(message)!.join(', ')]);
}

/**
 * `kubectl drain NODE`: cordons the Node, then evicts its Pods unless one of them may not
 * go (then nothing is evicted and the error says which Pods, as kubectl does).
 * PodDisruptionBudgets are not checked.
 */
export function drain(store: ObjectStore, name: string, options: DrainOptions = {}): DrainResult {
  const output = [cordon(store, name).message];
  const pods = store.list(POD, { fieldSelector: `spec.nodeName=${name}` });
  const warnings: [string, string][] = [];
  const fatals: [string, string][] = [];
  const toEvict: KubeObject[] = [];
  for (const pod of pods) {
    const meta = objectAt(pod, 'metadata');
    const id = `${String(meta.namespace)}/${String(meta.name)}`;
    const verdict = verdictFor(pod, options);
    if (verdict.fatal) fatals.push([verdict.fatal, id]);
    if (verdict.warning) warnings.push([verdict.warning, id]);
    if (verdict.delete) toEvict.push(pod);
  }
  if (fatals.length > 0) {
    const message = grouped(fatals)
      .map(([reason, list]) => `cannot delete ${reason}: ${list}`)
      .join(', ');
    return {
      drained: false,
      output,
      errors: [`error: unable to drain node "${name}" due to error: ${message}, continuing command...`, 'There are pending nodes to be drained:', ` ${name}`, message],
      evicted: [],
    };
  }
  const errors = warnings.length > 0 ? [`Warning: ${grouped(warnings).map(([reason, list]) => `${reason}: ${list}`).join('; ')}`] : [];
  const evicted: string[] = [];
  for (const pod of toEvict) {
    const meta = objectAt(pod, 'metadata');
    output.push(`evicting pod ${String(meta.namespace)}/${String(meta.name)}`);
  }
  for (const pod of toEvict) {
    const meta = objectAt(pod, 'metadata');
    store.delete(POD, String(meta.namespace), String(meta.name));
    evicted.push(`${String(meta.namespace)}/${String(meta.name)}`);
    output.push(`pod/${String(meta.name)} evicted`);
  }
  output.push(`node/${name} drained`);
  return { drained: true, output, errors, evicted };
}
