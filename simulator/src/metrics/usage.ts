/**
 * What metrics-server serves (metrics.k8s.io, what `kubectl top` and the
 * HorizontalPodAutoscaler read): per-container CPU (millicores) and working-set memory
 * (bytes), from the kubelet's usage model (kubelet/usage.ts) plus the load put on
 * workloads (load.ts). metrics-server scrapes the kubelets every 15 s and needs two scrapes
 * of a container to compute its CPU rate, so a container shows up 15 to 30 s after it
 * started; the values are those of the last scrape.
 */
import { kindInfo } from '../api/catalog';
import { integerValue, milliValue, parseQuantity } from '../api/quantity';
import { readerOf, type StateReader } from '../kubelet/replay';
import { podUsage as kubeletUsage } from '../kubelet/usage';
import { text } from '../kubelet/util';
import { compareStrings, isJsonObject, type JsonObject } from '../store/json';
import type { KubeObject, ObjectStore } from '../store/store';
import { loadOverlay, type LoadOverlay } from './load';

const PODS = kindInfo('v1', 'Pod')!;
const NODES = kindInfo('v1', 'Node')!;
const MI = 1024 * 1024;
/** metrics-server's --metric-resolution. */
export const METRIC_RESOLUTION_MS = 15_000;

/** What the node itself uses besides its Pods (kubelet, containerd, system daemons; the control plane's components). */
const SYSTEM_USAGE = { controlPlane: { cpuMillis: 120, memoryBytes: 700 * MI }, worker: { cpuMillis: 25, memoryBytes: 180 * MI } };

export interface ContainerMetrics {
  name: string;
  cpuMillis: number;
  memoryBytes: number;
}

export interface PodMetrics {
  namespace: string;
  name: string;
  node: string;
  /** The scrape the values come from (epoch ms). */
  timestamp: number;
  /** The interval the CPU rate was computed over. */
  windowMs: number;
  containers: ContainerMetrics[];
}

export interface NodeMetrics {
  name: string;
  timestamp: number;
  cpuMillis: number;
  memoryBytes: number;
  /** status.allocatable (what `kubectl top node` divides by). */
  allocatableCpuMillis: number;
  allocatableMemoryBytes: number;
  capacityCpuMillis: number;
  capacityMemoryBytes: number;
}

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
const list = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);

/** The last scrape at or before `now`. */
export const lastScrape = (now: number): number => Math.floor(now / METRIC_RESOLUTION_MS) * METRIC_RESOLUTION_MS;

function limit(container: JsonObject | undefined, resource: 'memory'): number | undefined {
  const value = obj(obj(container?.resources).limits)[resource];
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const parsed = parseQuantity(value);
  return parsed.ok ? Number(integerValue(parsed.quantity)) : undefined;
}

/**
 * The metrics of one Pod at `now`, or undefined when metrics-server has none for it (not
 * running, or started less than two scrapes ago).
 */
export function metricsOfPod(reader: StateReader, pod: KubeObject, now: number, overlay: LoadOverlay): PodMetrics | undefined {
  const timestamp = lastScrape(now);
  const running = [...list(obj(pod.status).initContainerStatuses), ...list(obj(pod.status).containerStatuses)]
    .map((status) => obj(obj(status.state).running).startedAt)
    .filter((startedAt): startedAt is string => typeof startedAt === 'string');
  if (running.length === 0 || running.some((startedAt) => Date.parse(startedAt) > timestamp - METRIC_RESOLUTION_MS)) return undefined;
  const usage = kubeletUsage(reader, pod, { now: timestamp, extraCpuMillis: (p, container) => overlay.extra(p, container, 'cpu') });
  if (usage.length === 0) return undefined;
  const specs = [...list(obj(pod.spec).initContainers), ...list(obj(pod.spec).containers)];
  const containers = usage.map(({ name, cpuMillis, memoryBytes }) => {
    let memory = memoryBytes + overlay.extra(pod, name, 'memory');
    const cap = limit(specs.find((c) => c.name === name), 'memory');
    if (cap !== undefined) memory = Math.min(memory, cap);
    return { name, cpuMillis, memoryBytes: Math.round(memory) };
  });
  const meta = obj(pod.metadata);
  return { namespace: text(meta.namespace) || 'default', name: text(meta.name), node: text(obj(pod.spec).nodeName), timestamp, windowMs: METRIC_RESOLUTION_MS, containers };
}

/**
 * metrics-server's PodMetrics list: every Pod with metrics in the namespace (every namespace
 * when empty), optionally filtered by a label selector, by namespace then name.
 */
export function podMetrics(reader: StateReader, now: number, options: { namespace?: string; labelSelector?: string } = {}): PodMetrics[] {
  const overlay = loadOverlay(reader, options.namespace || undefined);
  const out: PodMetrics[] = [];
  for (const pod of reader.list(PODS, { namespace: options.namespace ?? '', labelSelector: options.labelSelector })) {
    const metrics = metricsOfPod(reader, pod, now, overlay);
    if (metrics) out.push(metrics);
  }
  return out;
}

/** `kubectl top pods`'s data: the Pods' usage at `now`, load included. */
export function podUsage(store: ObjectStore, now: number, options: { namespace?: string; labelSelector?: string } = {}): PodMetrics[] {
  return podMetrics(readerOf(store), now, options);
}

function quantity(value: unknown, milli: boolean): number {
  const parsed = parseQuantity(typeof value === 'number' ? value : typeof value === 'string' ? value : '0');
  if (!parsed.ok) return 0;
  return Number(milli ? milliValue(parsed.quantity) : integerValue(parsed.quantity));
}

/** `kubectl top nodes`'s data: each Node's own usage plus its Pods', and what it can allocate. */
export function nodeUsage(store: ObjectStore, now: number): NodeMetrics[] {
  const reader = readerOf(store);
  const byNode = new Map<string, { cpu: number; memory: number }>();
  for (const pod of podMetrics(reader, now)) {
    const total = byNode.get(pod.node) ?? { cpu: 0, memory: 0 };
    for (const c of pod.containers) {
      total.cpu += c.cpuMillis;
      total.memory += c.memoryBytes;
    }
    byNode.set(pod.node, total);
  }
  return store
    .list(NODES)
    .map((node) => {
      const name = String(obj(node.metadata).name);
      const controlPlane = 'node-role.kubernetes.io/control-plane' in obj(obj(node.metadata).labels);
      const system = controlPlane ? SYSTEM_USAGE.controlPlane : SYSTEM_USAGE.worker;
      const pods = byNode.get(name) ?? { cpu: 0, memory: 0 };
      const status = obj(node.status);
      return {
        name,
        timestamp: lastScrape(now),
        cpuMillis: system.cpuMillis + pods.cpu,
        memoryBytes: system.memoryBytes + pods.memory,
        allocatableCpuMillis: quantity(obj(status.allocatable).cpu, true),
        allocatableMemoryBytes: quantity(obj(status.allocatable).memory, false),
        capacityCpuMillis: quantity(obj(status.capacity).cpu, true),
        capacityMemoryBytes: quantity(obj(status.capacity).memory, false),
      };
    })
    .sort((a, b) => compareStrings(a.name, b.name));
}
