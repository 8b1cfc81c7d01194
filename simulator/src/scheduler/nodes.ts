/**
 * The Nodes of a fresh simulated cluster, as a kubeadm cluster registers them (kubelet
 * v1.30 with containerd): one control-plane Node carrying kubeadm's NoSchedule taint and
 * its role label, then the workers. Every field a learner meets in `kubectl get nodes -o
 * wide` or `kubectl describe node` is there: labels, annotations, pod CIDR, capacity and
 * allocatable, the four kubelet conditions, addresses, daemon endpoint and node info.
 * Nothing here is random: a Node's ids are derived from its name.
 */
import { formatTimestamp } from '../clock';
import { formatQuantity, parseQuantity } from '../api/quantity';
import type { KubeObject } from '../store/store';

/** kubeadm's taint and label on control-plane Nodes (since v1.24/v1.25). */
export const CONTROL_PLANE_ROLE = 'node-role.kubernetes.io/control-plane';

/** The simulated kubelet's version, shown in the VERSION column of `kubectl get nodes`. */
export const KUBELET_VERSION = 'v1.30.0';

export interface NodeCount {
  controlPlanes: number;
  workers: number;
}

export interface NodeSize {
  /** `4`, `2500m` */
  cpu: string;
  /** Capacity, as the kubelet reads it from /proc/meminfo (`8141208Ki`). */
  memory: string;
  /** Pods per Node (the kubelet's maxPods, 110 by default). */
  pods: number;
}

export interface NodeOptions {
  /** Simulated epoch milliseconds for the conditions' timestamps (default 2024-01-01T00:00:00Z). */
  now?: number;
  size?: Partial<NodeSize>;
}

/** A VM with 4 CPUs and 8 GiB, like the ones kubeadm tutorials use. */
export const DEFAULT_NODE_SIZE: NodeSize = { cpu: '4', memory: '8141208Ki', pods: 110 };

/** The kubelet's default hard eviction threshold memory.available<100Mi, in nano-units. */
const EVICTION_HARD_MEMORY = 100n * 1024n * 1024n * 10n ** 9n;

/** The root disk (~97 GiB) every default Node reports as ephemeral-storage. */
const EPHEMERAL_STORAGE_KI = 101430960;

/**
 * The Nodes of a new cluster: `control-plane` (then `control-plane-2`, ...) and `worker-1`,
 * `worker-2`, ... in registration order, which also gives their pod CIDRs (10.244.0.0/24
 * for the first) and InternalIPs (172.18.0.2 for the first).
 */
export function defaultNodes(count: NodeCount = { controlPlanes: 1, workers: 2 }, options: NodeOptions = {}): KubeObject[] {
  const size = { ...DEFAULT_NODE_SIZE, ...options.size };
  const nodes: KubeObject[] = [];
  for (let i = 1; i <= count.controlPlanes; i++) {
    nodes.push(makeNode(i === 1 ? 'control-plane' : `control-plane-${i}`, nodes.length, size, options.now, true));
  }
  for (let i = 1; i <= count.workers; i++) nodes.push(makeNode(`worker-${i}`, nodes.length, size, options.now, false));
  return nodes;
}

/**
 * `n` identical worker Nodes named `node-1` ... `node-n`, for benchmarks and large
 * scenarios (100 or 1,000 Nodes). Their allocatable equals the given capacity.
 */
export function makeNodes(n: number, size: Partial<NodeSize> = {}, options: Pick<NodeOptions, 'now'> = {}): KubeObject[] {
  const full = { ...DEFAULT_NODE_SIZE, ...size };
  const nodes: KubeObject[] = [];
  for (let i = 0; i < n; i++) {
    const node = makeNode(`node-${i + 1}`, i, full, options.now, false);
    const status = node.status as { allocatable: Record<string, string>; capacity: Record<string, string> };
    status.allocatable = { ...status.capacity };
    nodes.push(node);
  }
  return nodes;
}

/** One Node, the `index`-th to register (it decides the pod CIDR and the IP). */
function makeNode(name: string, index: number, size: NodeSize, now: number | undefined, controlPlane: boolean): KubeObject {
  const time = formatTimestamp(now ?? Date.UTC(2024, 0, 1));
  const cidr = podCidr(index);
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  if (controlPlane) {
    // kubeadm's mark-control-plane phase: the role label, and out of external load balancers.
    labels[CONTROL_PLANE_ROLE] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const spec: Record<string, unknown> = { podCIDR: cidr, podCIDRs: [cidr] };
  if (controlPlane) spec.taints = [{ effect: 'NoSchedule', key: CONTROL_PLANE_ROLE }];
  const condition = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: time,
    lastTransitionTime: time,
    message,
    reason,
    status,
    type,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
    status: {
      addresses: [
        { address: internalIp(index), type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: allocatable(size),
      capacity: capacity(size),
      // The kubelet's order: the three pressures, then Ready.
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuidFrom(`${name}/boot`),
        containerRuntimeVersion: 'containerd://1.7.15',
        kernelVersion: '5.15.0-105-generic',
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        machineID: hexFrom(`${name}/machine`, 32),
        operatingSystem: 'linux',
        osImage: 'Ubuntu 22.04.4 LTS',
        systemUUID: uuidFrom(`${name}/system`),
      },
    },
  };
}

function capacity(size: NodeSize): Record<string, string> {
  return {
    cpu: size.cpu,
    'ephemeral-storage': `${EPHEMERAL_STORAGE_KI}Ki`,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: size.memory,
    pods: String(size.pods),
  };
}

/**
 * Mirrors the kubelet's allocatable: capacity minus the hard eviction thresholds kubeadm
 * leaves at their defaults (memory.available<100Mi, nodefs.available<10%), no reservations.
 */
function allocatable(size: NodeSize): Record<string, string> {
  const memory = parseQuantity(size.memory);
  const storageBytes = EPHEMERAL_STORAGE_KI * 1024;
  return {
    cpu: size.cpu,
    'ephemeral-storage': String(storageBytes - Math.floor(storageBytes * 0.1)),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: memory.ok ? formatQuantity({ nanos: memory.quantity.nanos - EVICTION_HARD_MEMORY, format: 'BinarySI' }) : size.memory,
    pods: String(size.pods),
  };
}

/** The `index`-th /24 of the cluster CIDR 10.244.0.0/16 (past 256 Nodes, the next /16s). */
function podCidr(index: number): string {
  return `10.${244 + Math.floor(index / 256)}.${index % 256}.0/24`;
}

/** Node addresses on the cluster's bridge network, from 172.18.0.2 on. */
function internalIp(index: number): string {
  const host = index + 2;
  return `172.18.${Math.floor(host / 256)}.${host % 256}`;
}

/** FNV-1a, 32 bits: enough to give each Node stable, distinct-looking ids. */
function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

function hexFrom(text: string, digits: number): string {
  let out = '';
  for (let round = 0; out.length < digits; round++) out += fnv1a(text, round).toString(16).padStart(8, '0');
  return out.slice(0, digits);
}

function uuidFrom(text: string): string {
  const hex = hexFrom(text, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
