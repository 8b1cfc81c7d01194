/**
 * The scheduler's cache (kube-scheduler `internal/cache`): one NodeInfo per Node with what
 * the Pods bound to it already request, kept up to date from the watch, so that placing a
 * Pod costs one pass over the Nodes and never a list of every Pod. Pods in a terminal phase
 * free their Node (the scheduler's informer lists `status.phase!=Succeeded,!=Failed`);
 * Pods being deleted still hold it until they are gone.
 */
import { isJsonObject, type JsonObject } from '../store/json';
import { keyOf } from '../controllers/types';
import { readTaints, type NodeLabels, type Taint } from './affinity';
import { amountsOf, hostPortsOf, podRequests, type Amounts, type HostPort } from './resources';

export interface NodeInfo extends NodeLabels {
  taints: Taint[];
  unschedulable: boolean;
  /** status.allocatable; `pods` is the number of Pods the Node accepts. */
  allocatable: Amounts;
  /** The sum of the bound Pods' requests. */
  requested: Amounts;
  /** The same with 100m / 200Mi for containers without a request (for scoring). */
  nonZeroCpu: number;
  nonZeroMemory: number;
  podCount: number;
  /** `protocol/port` -> count, and `ip/protocol/port` -> count, for NodePorts. */
  portsAnyIp: Map<string, number>;
  portsByIp: Map<string, number>;
}

/** What a bound Pod takes from its Node. */
export interface PodUsage {
  node: string;
  requests: Amounts;
  nonZeroCpu: number;
  nonZeroMemory: number;
  ports: HostPort[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const objectAt = (object: JsonObject, field: string): JsonObject => (isJsonObject(object[field]) ? object[field] : {});

/** Where a Pod takes room: its Node while it is bound and not finished. */
function placeOf(pod: JsonObject): string | undefined {
  const node = text(objectAt(pod, 'spec').nodeName);
  const phase = objectAt(pod, 'status').phase;
  return node === '' || phase === 'Succeeded' || phase === 'Failed' ? undefined : node;
}

function usageOf(pod: JsonObject): PodUsage | undefined {
  const node = placeOf(pod);
  if (node === undefined) return undefined;
  const nonZero = podRequests(pod, true);
  return { node, requests: podRequests(pod), nonZeroCpu: nonZero.get('cpu') ?? 0, nonZeroMemory: nonZero.get('memory') ?? 0, ports: hostPortsOf(pod) };
}

function sameUsage(a: PodUsage, b: PodUsage): boolean {
  if (a.node !== b.node || a.nonZeroCpu !== b.nonZeroCpu || a.nonZeroMemory !== b.nonZeroMemory || a.requests.size !== b.requests.size) return false;
  for (const [name, value] of a.requests) if (b.requests.get(name) !== value) return false;
  return JSON.stringify(a.ports) === JSON.stringify(b.ports);
}

const bump = (map: Map<string, number>, key: string, by: number): void => {
  const next = (map.get(key) ?? 0) + by;
  if (next === 0) map.delete(key);
  else map.set(key, next);
};

/** Adds (sign 1) or removes (sign -1) a Pod's usage from its Node. */
function account(info: NodeInfo, usage: PodUsage, sign: 1 | -1): void {
  for (const [name, value] of usage.requests) bump(info.requested, name, sign * value);
  info.nonZeroCpu += sign * usage.nonZeroCpu;
  info.nonZeroMemory += sign * usage.nonZeroMemory;
  info.podCount += sign;
  for (const port of usage.ports) {
    bump(info.portsAnyIp, `${port.protocol}/${port.port}`, sign);
    bump(info.portsByIp, `${port.ip}/${port.protocol}/${port.port}`, sign);
  }
}

/** The scheduling-relevant part of a Node, to tell a heartbeat from a change that matters. */
function nodeFingerprint(node: JsonObject): string {
  const spec = isJsonObject(node.spec) ? node.spec : {};
  const status = isJsonObject(node.status) ? node.status : {};
  const meta = isJsonObject(node.metadata) ? node.metadata : {};
  return JSON.stringify([meta.labels, spec.taints, spec.unschedulable, status.allocatable]);
}

export type NodeChange = 'added' | 'changed' | 'unchanged';

export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfo>();
  private readonly fingerprints = new Map<string, string>();
  private readonly usage = new Map<string, PodUsage>();
  private sorted: NodeInfo[] | undefined;

  /** Forgets everything (before a full relist). */
  clear(): void {
    this.nodes.clear();
    this.fingerprints.clear();
    this.usage.clear();
    this.sorted = undefined;
  }

  /** The Nodes, by name (the order the scheduler walks them in). */
  nodeList(): readonly NodeInfo[] {
    if (!this.sorted) this.sorted = [...this.nodes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return this.sorted;
  }

  node(name: string): NodeInfo | undefined {
    return this.nodes.get(name);
  }

  upsertNode(node: JsonObject): NodeChange {
    const meta = isJsonObject(node.metadata) ? node.metadata : {};
    const name = text(meta.name);
    const fingerprint = nodeFingerprint(node);
    const previous = this.fingerprints.get(name);
    if (previous === fingerprint) return 'unchanged';
    this.fingerprints.set(name, fingerprint);
    const spec = isJsonObject(node.spec) ? node.spec : {};
    const status = isJsonObject(node.status) ? node.status : {};
    const labels: Record<string, string> = {};
    if (isJsonObject(meta.labels)) for (const [key, value] of Object.entries(meta.labels)) labels[key] = String(value);
    const info: NodeInfo = {
      name,
      labels,
      taints: readTaints(spec.taints),
      unschedulable: spec.unschedulable === true,
      allocatable: amountsOf(status.allocatable),
      requested: new Map(),
      nonZeroCpu: 0,
      nonZeroMemory: 0,
      podCount: 0,
      portsAnyIp: new Map(),
      portsByIp: new Map(),
    };
    const old = this.nodes.get(name);
    if (old) {
      // Same Pods, new Node fields: carry the accounting over.
      Object.assign(info, { requested: old.requested, nonZeroCpu: old.nonZeroCpu, nonZeroMemory: old.nonZeroMemory, podCount: old.podCount });
      Object.assign(info, { portsAnyIp: old.portsAnyIp, portsByIp: old.portsByIp });
    } else {
      for (const usage of this.usage.values()) if (usage.node === name) account(info, usage, 1);
    }
    this.nodes.set(name, info);
    this.sorted = undefined;
    return previous === undefined ? 'added' : 'changed';
  }

  removeNode(name: string): void {
    this.nodes.delete(name);
    this.fingerprints.delete(name);
    this.sorted = undefined;
  }

  /**
   * Records a Pod as it now is. Returns true when it freed room on a Node (it finished,
   * moved or asks for less), which is when Pods waiting for room deserve another try.
   */
  upsertPod(pod: JsonObject): boolean {
    const key = keyOf(pod);
    const old = this.usage.get(key);
    // The kubelet's many status writes: same Node, still running. A bound Pod's requests and
    // host ports cannot change in v1.30 (in-place resize is alpha, off by default).
    if (old && old.node === placeOf(pod)) return false;
    const next = usageOf(pod);
    if (old && next && sameUsage(old, next)) return false;
    if (old) {
      const info = this.nodes.get(old.node);
      if (info) account(info, old, -1);
      this.usage.delete(key);
    }
    if (next) {
      const info = this.nodes.get(next.node);
      if (info) account(info, next, 1);
      this.usage.set(key, next);
    }
    return old !== undefined;
  }

  /** Forgets a deleted Pod; true when it held room on a Node. */
  removePod(key: string): boolean {
    const old = this.usage.get(key);
    if (!old) return false;
    const info = this.nodes.get(old.node);
    if (info) account(info, old, -1);
    this.usage.delete(key);
    return true;
  }
}
