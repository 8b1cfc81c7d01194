/**
 * Which Pods `kubectl drain` may remove (k8s.io/kubectl/pkg/drain/filters.go, v1.30): the
 * filters in kubectl's order (DaemonSet, mirror Pod, local storage, unreplicated), their
 * warnings and the errors that stop a drain before anything is evicted.
 */
import { isJsonObject, type JsonObject } from '../store/json';
import type { KubeObject } from '../store/store';

export interface DrainFilterOptions {
  /** --ignore-daemonsets */
  ignoreDaemonSets?: boolean;
  /** --delete-emptydir-data */
  deleteEmptyDirData?: boolean;
  /** --force: also delete Pods that no controller recreates. */
  force?: boolean;
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
function verdictFor(pod: KubeObject, options: DrainFilterOptions): Verdict {
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
 * GetPodsForDeletion: the Pods to remove and the warning kubectl prints (`deleting Pods that
 * declare no controller: default/lonely; ...`), or the errors that stop the drain, one per
 * reason (`cannot delete Pods declare no controller (use --force to override): default/lonely`):
 * kubectl aggregates them, `[a, b]` when there are several.
 */
export function podsToDrain(pods: readonly KubeObject[], options: DrainFilterOptions): { pods: KubeObject[]; warning?: string; errors?: string[] } {
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
  if (fatals.length > 0) return { pods: [], errors: grouped(fatals).map(([reason, list]) => `cannot delete ${reason}: ${list}`) };
  const warning = warnings.length > 0 ? grouped(warnings).map(([reason, list]) => `${reason}: ${list}`).join('; ') : undefined;
  return warning ? { pods: toEvict, warning } : { pods: toEvict };
}
