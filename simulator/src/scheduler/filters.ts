/**
 * The Filter plugins of kube-scheduler's default profile (v1.30) that the simulator models,
 * in the profile's order: NodeUnschedulable, TaintToleration, NodeAffinity, NodePorts,
 * NodeResourcesFit, VolumeBinding (volumes.ts). The first plugin that rejects a Node decides
 * its status, as RunFilterPlugins stops there; NodeResourcesFit reports every resource that is short.
 */
import { isJsonObject, type JsonObject } from '../store/json';
import { keyOf } from '../controllers/types';
import { firstUntolerated, matchesRequired, readPlacement, toleratesAny, type PodPlacement } from './affinity';
import type { NodeInfo } from './cache';
import { REASONS } from './messages';
import { hostPortsOf, isScalarResource, podRequests, type Amounts, type HostPort } from './resources';
import { podVolumesOf, volumeBinding, type PodVolumes } from './volumes';

/**
 * Unschedulable: preemption might help. UnschedulableAndUnresolvable: it cannot (the
 * preemption message then says `Preemption is not helpful for scheduling`).
 */
export type StatusCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface FilterStatus {
  code: StatusCode;
  /** The plugin that rejected the Node. */
  plugin: string;
  reasons: string[];
}

/** The Pod as the scheduler reads it once per attempt. */
export interface PodInfo {
  key: string;
  namespace: string;
  name: string;
  uid: string;
  placement: PodPlacement;
  requests: Amounts;
  /** The requests NodeResourcesFit checks, in its order: cpu, memory, ephemeral-storage, scalars. */
  checked: readonly (readonly [string, number])[];
  nonZeroCpu: number;
  nonZeroMemory: number;
  ports: HostPort[];
  /** spec.preemptionPolicy (`PreemptLowerPriority` unless `Never`). */
  preemptionPolicy: string;
  /** The Pod's claims, when withVolumeBinding looked at them (VolumeBinding's PreFilter state). */
  volumes?: PodVolumes;
}

const BASIC_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

export function readPod(pod: JsonObject): PodInfo {
  const meta = isJsonObject(pod.metadata) ? pod.metadata : {};
  const spec = isJsonObject(pod.spec) ? pod.spec : {};
  const nonZero = podRequests(pod, true);
  const requests = podRequests(pod);
  // A zero request never fails a Node: leave it out.
  const checked: [string, number][] = [];
  for (const name of BASIC_RESOURCES) if ((requests.get(name) ?? 0) > 0) checked.push([name, requests.get(name)!]);
  for (const [name, amount] of requests) if (amount > 0 && isScalarResource(name)) checked.push([name, amount]);
  return {
    key: keyOf(pod),
    namespace: typeof meta.namespace === 'string' ? meta.namespace : 'default',
    name: typeof meta.name === 'string' ? meta.name : '',
    uid: typeof meta.uid === 'string' ? meta.uid : '',
    placement: readPlacement(spec),
    requests,
    checked,
    nonZeroCpu: nonZero.get('cpu') ?? 0,
    nonZeroMemory: nonZero.get('memory') ?? 0,
    ports: hostPortsOf(pod),
    preemptionPolicy: typeof spec.preemptionPolicy === 'string' ? spec.preemptionPolicy : 'PreemptLowerPriority',
    volumes: podVolumesOf(pod),
  };
}

// The filters run for every Node of every attempt: no closures, no allocation on success.

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' };
const REJECT_EFFECTS = ['NoSchedule', 'NoExecute'];

/** Mirrors NodeUnschedulable: a cordoned Node, unless the Pod tolerates its taint. */
function nodeUnschedulable(pod: PodInfo, node: NodeInfo): FilterStatus | undefined {
  if (!node.unschedulable || toleratesAny(pod.placement.tolerations, UNSCHEDULABLE_TAINT)) return undefined;
  return { plugin: 'NodeUnschedulable', code: 'UnschedulableAndUnresolvable', reasons: [REASONS.unschedulable] };
}

/** Mirrors TaintToleration's Filter: NoSchedule and NoExecute taints must be tolerated. */
function taintToleration(pod: PodInfo, node: NodeInfo): FilterStatus | undefined {
  if (node.taints.length === 0) return undefined;
  const taint = firstUntolerated(node.taints, pod.placement.tolerations, REJECT_EFFECTS);
  if (!taint) return undefined;
  return { plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: [REASONS.untoleratedTaint(taint.key, taint.value)] };
}

/** Mirrors NodeAffinity's Filter: spec.nodeSelector and the required node affinity. */
function nodeAffinity(pod: PodInfo, node: NodeInfo): FilterStatus | undefined {
  if (matchesRequired(pod.placement, node)) return undefined;
  return { plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', reasons: [REASONS.nodeAffinity] };
}

/** Mirrors NodePorts: a host port (protocol, port) already taken on that IP, or on 0.0.0.0. */
function nodePorts(pod: PodInfo, node: NodeInfo): FilterStatus | undefined {
  for (const port of pod.ports) {
    const pp = `${port.protocol}/${port.port}`;
    const taken = port.ip === '0.0.0.0' ? node.portsAnyIp.has(pp) : node.portsByIp.has(`0.0.0.0/${pp}`) || node.portsByIp.has(`${port.ip}/${pp}`);
    if (taken) return { plugin: 'NodePorts', code: 'Unschedulable', reasons: [REASONS.nodePorts] };
  }
  return undefined;
}

/** Mirrors NodeResourcesFit's fitsRequest: the pod count, then each requested resource. */
function nodeResourcesFit(pod: PodInfo, node: NodeInfo): FilterStatus | undefined {
  let reasons: string[] | undefined;
  if (node.podCount + 1 > (node.allocatable.get('pods') ?? 0)) reasons = [REASONS.tooManyPods];
  for (const [name, want] of pod.checked) {
    if (want > (node.allocatable.get(name) ?? 0) - (node.requested.get(name) ?? 0)) (reasons ??= []).push(REASONS.insufficient(name));
  }
  return reasons ? { plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons } : undefined;
}

/** Runs the filters on one Node: undefined when the Pod fits, else the first rejection. */
export function runFilters(pod: PodInfo, node: NodeInfo): FilterStatus | undefined {
  return nodeUnschedulable(pod, node) ?? taintToleration(pod, node) ?? nodeAffinity(pod, node) ?? nodePorts(pod, node) ?? nodeResourcesFit(pod, node) ?? volumeBinding(pod, node);
}
