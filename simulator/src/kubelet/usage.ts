/**
 * Resource usage as the kubelet's summary API reports it (what metrics-server serves to
 * `kubectl top` and the HorizontalPodAutoscaler): CPU in millicores and memory (working
 * set) in bytes for each running container. It comes from the image's program (an idle
 * server, a busy loop, stress's allocations), with a small, stable, per-container
 * variation; CPU is capped by the CPU limit. Pure: the same state gives the same numbers.
 */
import { integerValue, milliValue, parseQuantity } from '../api/quantity';
import type { JsonObject } from '../store/json';
import { between } from './hash';
import { replay, type StateReader } from './replay';
import { list, obj, text } from './util';

export interface ContainerUsage {
  name: string;
  cpuMillis: number;
  memoryBytes: number;
}

export interface UsageOptions {
  /** Simulated now (epoch ms). */
  now: number;
  /** Extra CPU per container (a load generator hitting the Pod), before the limit caps it. */
  extraCpuMillis?: (pod: JsonObject, container: string) => number;
}


function limit(container: JsonObject | undefined, resource: 'cpu' | 'memory'): number | undefined {
  const value = obj(obj(container?.resources).limits)[resource];
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const parsed = parseQuantity(value);
  if (!parsed.ok) return undefined;
  return Number(resource === 'cpu' ? milliValue(parsed.quantity) : integerValue(parsed.quantity));
}

/** The usage of each running container of the Pod (none for a Pod that is not running). */
export function podUsage(reader: StateReader, pod: JsonObject, options: UsageOptions): ContainerUsage[] {
  const status = obj(pod.status);
  const uid = text(obj(pod.metadata).uid);
  const specs = [...list(obj(pod.spec).initContainers), ...list(obj(pod.spec).containers)];
  const out: ContainerUsage[] = [];
  for (const entry of [...list(status.initContainerStatuses), ...list(status.containerStatuses)]) {
    const running = obj(obj(entry.state).running);
    if (typeof running.startedAt !== 'string') continue;
    const name = String(entry.name);
    const replayed = replay(reader, pod, name, text(entry.image), Date.parse(running.startedAt), Number(entry.restartCount ?? 0));
    if (!replayed) continue;
    const { plan } = replayed;
    const spec = specs.find((c) => c.name === name);
    const daemon = plan.daemon && plan.daemon.at <= options.now ? plan.daemon : undefined;
    let cpu = plan.busySince !== undefined && plan.busySince <= options.now ? 1000 : daemon ? plan.cpuMillis : 0;
    const memory = daemon ? plan.memoryBytes : 450 * 1024;
    // A steady per-container spread: two replicas never show exactly the same numbers.
    if (cpu > 0 && cpu < 1000) cpu += between(`${uid}:${name}:cpu`, 0, Math.max(1, Math.round(cpu / 3)));
    cpu += options.extraCpuMillis?.(pod, name) ?? 0;
    const cpuLimit = limit(spec, 'cpu');
    if (cpuLimit !== undefined) cpu = Math.min(cpu, cpuLimit);
    const spread = 1 + between(`${uid}:${name}:memory`, 0, 80) / 1000;
    out.push({ name, cpuMillis: Math.round(cpu), memoryBytes: Math.round(memory * spread) });
  }
  return out;
}

/** What the node's own daemons use (kubelet, containerd, kube-proxy, the CNI), before any Pod. */
export const NODE_SYSTEM_USAGE = { cpuMillis: 45, memoryBytes: 380 * 1024 * 1024 };

/**
 * The usage of every node (`kubectl top nodes`): the system's share plus the Pods running
 * there, in one pass over the Pods.
 */
export function usageByNode(reader: StateReader, pods: readonly JsonObject[], options: UsageOptions): Map<string, { cpuMillis: number; memoryBytes: number }> {
  const out = new Map<string, { cpuMillis: number; memoryBytes: number }>();
  for (const pod of pods) {
    const node = text(obj(pod.spec).nodeName);
    if (node === '') continue;
    const total = out.get(node) ?? { ...NODE_SYSTEM_USAGE };
    for (const usage of podUsage(reader, pod, options)) {
      total.cpuMillis += usage.cpuMillis;
      total.memoryBytes += usage.memoryBytes;
    }
    out.set(node, total);
  }
  return out;
}
