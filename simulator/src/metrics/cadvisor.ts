/**
 * The kubelet's cAdvisor metrics (/metrics/cadvisor) for running containers:
 * container_cpu_usage_seconds_total (a counter) and container_memory_working_set_bytes, with
 * cAdvisor's labels (sorted by name, as client_golang writes them), the container's cgroup
 * (systemd driver, as kind runs it) and the scrape's timestamp. The CPU counter integrates
 * the current rate since the container started: a load changed meanwhile shows at once in
 * the whole counter, where a real one would only bend from then on.
 */
import { kindInfo } from '../api/catalog';
import type { StateReader } from '../kubelet/replay';
import { isJsonObject, type JsonObject } from '../store/json';
import { text } from '../kubelet/util';
import type { Family, Sample } from './exposition';
import { loadOverlay } from './load';
import { metricsOfPod } from './usage';

const PODS = kindInfo('v1', 'Pod')!;

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
const list = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);

/** The container's cgroup: `/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod<uid>.slice/cri-containerd-<id>.scope`. */
export function cgroupOf(pod: JsonObject, containerID: string): string {
  const uid = String(obj(pod.metadata).uid).replace(/-/g, '_');
  const qos = (text(obj(pod.status).qosClass) || 'BestEffort').toLowerCase();
  const scope = `cri-containerd-${containerID}.scope`;
  if (qos === 'guaranteed') return `/kubepods.slice/kubepods-pod${uid}.slice/${scope}`;
  return `/kubepods.slice/kubepods-${qos}.slice/kubepods-${qos}-pod${uid}.slice/${scope}`;
}

/** cAdvisor's families for every running container with metrics. */
export function cadvisorFamilies(reader: StateReader, now: number): Family[] {
  const overlay = loadOverlay(reader);
  const cpu: Sample[] = [];
  const memory: Sample[] = [];
  for (const pod of reader.list(PODS)) {
    const metrics = metricsOfPod(reader, pod, now, overlay);
    if (!metrics) continue;
    const statuses = [...list(obj(pod.status).initContainerStatuses), ...list(obj(pod.status).containerStatuses)];
    for (const container of metrics.containers) {
      const status = statuses.find((s) => s.name === container.name);
      const containerID = text(status?.containerID).replace(/^[a-z]+:\/\//, '');
      const startedAt = Date.parse(String(obj(obj(status?.state).running).startedAt));
      const labels = (extra: [string, string][]): [string, string][] => [
        ['container', container.name],
        ...extra,
        ['id', cgroupOf(pod, containerID)],
        ['image', text(status?.image)],
        ['name', containerID],
        ['namespace', metrics.namespace],
        ['pod', metrics.name],
      ];
      const seconds = (container.cpuMillis / 1000) * Math.max(0, (metrics.timestamp - startedAt) / 1000);
      cpu.push({ labels: labels([['cpu', 'total']]), value: Math.round(seconds * 1e6) / 1e6, timestamp: metrics.timestamp });
      memory.push({ labels: labels([]), value: container.memoryBytes, timestamp: metrics.timestamp });
    }
  }
  return [
    { name: 'container_cpu_usage_seconds_total', help: 'Cumulative cpu time consumed in seconds.', type: 'counter', samples: cpu },
    { name: 'container_memory_working_set_bytes', help: 'Current working set in bytes.', type: 'gauge', samples: memory },
  ];
}
