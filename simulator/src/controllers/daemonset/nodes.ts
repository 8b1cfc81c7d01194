/**
 * Which Nodes a DaemonSet runs on (kube-controller-manager's daemon_controller.go
 * NodeShouldRunDaemonPod and daemon/util): the template's nodeName, nodeSelector and
 * required node affinity must accept the Node, and its taints must be tolerated, counting
 * the tolerations every daemon Pod gets (not-ready and unreachable NoExecute, the node
 * condition and unschedulable NoSchedule taints). The Nodes are kept from the watch: their
 * name, labels and taints are all this decision reads.
 */
import { clone, deepEqual, isJsonObject, type JsonObject } from '../../store/json';
import type { WatchEvent } from '../../store/store';
import { firstUntolerated, matchesRequired, readPlacement, readTaints, type PodPlacement, type Taint } from '../../scheduler/affinity';
import { labelsOf, nameOf, specOf, text } from '../deployment/pods';

/** What a daemon Pod's placement reads of a Node. */
export interface NodeEntry {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
}

/** The Nodes by name, from the watch. */
export class NodeCache {
  private readonly nodes = new Map<string, NodeEntry & { raw: unknown }>();

  /** Records a Node event; true when a DaemonSet may have to look again (added, deleted, labels or taints changed). */
  observe(event: WatchEvent): boolean {
    const name = nameOf(event.object);
    if (event.type === 'DELETED') return this.nodes.delete(name);
    const raw = [labelsOf(event.object), specOf(event.object).taints ?? null];
    const known = this.nodes.get(name);
    // Mirrors shouldIgnoreNodeUpdate: only labels and taints matter.
    if (known && deepEqual(known.raw, raw)) return false;
    this.nodes.set(name, { name, labels: { ...labelsOf(event.object) }, taints: readTaints(specOf(event.object).taints), raw: clone(raw) });
    return true;
  }

  /** Every known Node, by name. */
  list(): NodeEntry[] {
    return [...this.nodes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  has(name: string): boolean {
    return this.nodes.has(name);
  }
}

const toleration = (key: string, effect: string): JsonObject => ({ key, operator: 'Exists', effect });

/** Mirrors AddOrUpdateDaemonPodTolerations, in upstream's order. */
function daemonTolerations(hostNetwork: boolean): JsonObject[] {
  const list = [
    toleration('node.kubernetes.io/not-ready', 'NoExecute'),
    toleration('node.kubernetes.io/unreachable', 'NoExecute'),
    toleration('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    toleration('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    toleration('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    toleration('node.kubernetes.io/unschedulable', 'NoSchedule'),
  ];
  if (hostNetwork) list.push(toleration('node.kubernetes.io/network-unavailable', 'NoSchedule'));
  return list;
}

/** Toleration.MatchToleration: same key, operator, value and effect. */
const sameToleration = (a: JsonObject, b: JsonObject): boolean =>
  text(a.key) === text(b.key) && text(a.operator) === text(b.operator) && text(a.value) === text(b.value) && text(a.effect) === text(b.effect);

/**
 * A Pod spec with the daemon tolerations (v1helper.AddOrUpdateTolerationInPodSpec for each:
 * a matching toleration is replaced in place, otherwise the default is appended).
 */
export function withDaemonTolerations(spec: JsonObject): JsonObject {
  let tolerations = Array.isArray(spec.tolerations) ? (spec.tolerations as unknown[]).filter(isJsonObject) : [];
  for (const wanted of daemonTolerations(spec.hostNetwork === true)) {
    if (tolerations.some((existing) => sameToleration(existing, wanted))) tolerations = tolerations.map((existing) => (sameToleration(existing, wanted) ? wanted : existing));
    else tolerations = [...tolerations, wanted];
  }
  return { ...spec, tolerations };
}

/** What a DaemonSet's Pods ask of a Node, read once per sync. */
export interface DaemonPlacement {
  nodeName: string;
  placement: PodPlacement;
}

export function daemonPlacement(ds: JsonObject): DaemonPlacement {
  const template = isJsonObject(specOf(ds).template) ? (specOf(ds).template as JsonObject) : {};
  const spec = withDaemonTolerations(specOf(template));
  return { nodeName: text(spec.nodeName), placement: readPlacement(spec) };
}

/**
 * Mirrors NodeShouldRunDaemonPod: `shouldRun` when a new daemon Pod belongs on the Node;
 * `shouldContinueRunning` when an existing one may stay (a NoSchedule taint alone does not
 * evict it, an untolerated NoExecute taint does).
 */
export function nodeShouldRunDaemonPod(node: NodeEntry, daemon: DaemonPlacement): { shouldRun: boolean; shouldContinueRunning: boolean } {
  if (daemon.nodeName !== '' && daemon.nodeName !== node.name) return { shouldRun: false, shouldContinueRunning: false };
  if (!matchesRequired(daemon.placement, node)) return { shouldRun: false, shouldContinueRunning: false };
  if (firstUntolerated(node.taints, daemon.placement.tolerations, ['NoExecute', 'NoSchedule'])) {
    return { shouldRun: false, shouldContinueRunning: !firstUntolerated(node.taints, daemon.placement.tolerations, ['NoExecute']) };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}

/**
 * Mirrors ReplaceDaemonSetPodNodeNameNodeAffinity: the Pod requires exactly this Node, by
 * `matchFields: metadata.name In [node]`, which the scheduler then honours.
 */
export function withNodeAffinity(affinity: unknown, node: string): JsonObject {
  const base = isJsonObject(affinity) ? clone(affinity) : {};
  const nodeAffinity = isJsonObject(base.nodeAffinity) ? base.nodeAffinity : {};
  const required = isJsonObject(nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution) ? nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution : {};
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { ...required, nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] };
  base.nodeAffinity = nodeAffinity;
  return base;
}

/** Mirrors GetTargetNodeName: spec.nodeName, or for a Pod not scheduled yet, the Node its affinity names. */
export function targetNodeName(pod: JsonObject): string | undefined {
  const nodeName = text(specOf(pod).nodeName);
  if (nodeName !== '') return nodeName;
  const affinity = specOf(pod).affinity;
  const nodeAffinity = isJsonObject(affinity) && isJsonObject(affinity.nodeAffinity) ? affinity.nodeAffinity : {};
  const required = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution;
  const terms = isJsonObject(required) && Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms.filter(isJsonObject) : [];
  for (const term of terms) {
    for (const field of Array.isArray(term.matchFields) ? term.matchFields.filter(isJsonObject) : []) {
      if (field.key !== 'metadata.name' || field.operator !== 'In') continue;
      return Array.isArray(field.values) && field.values.length === 1 ? String(field.values[0]) : undefined;
    }
  }
  return undefined;
}
