/**
 * `kubectl describe node` (describeNode and describeNodeResource in
 * k8s.io/kubectl/pkg/describe, v1.30): conditions, addresses, capacity, system info, the
 * non-terminated pods with their requests and limits as a share of allocatable, and the
 * allocated totals.
 */
import { formatQuantity, integerValue, milliValue, parseQuantity, type Quantity } from '../../api/quantity';
import { compareStrings } from '../../store/json';
import { rfc1123z, since } from '../age';
import { arr, at, bool, meta, nameOf, obj, str, strs, type Json } from '../fields';
import { type DescribeWriter, writeAnnotations, writeEvents, writeLabels, writeTaints } from './writer';

type ResourceList = Map<string, Quantity>;

function toQuantity(value: unknown): Quantity | undefined {
  const parsed = parseQuantity(str(value));
  return parsed.ok ? parsed.quantity : undefined;
}

function addInto(target: ResourceList, source: unknown, max = false): void {
  for (const [name, value] of Object.entries(obj(source))) {
    const q = toQuantity(value);
    if (!q) continue;
    const current = target.get(name);
    if (!current) target.set(name, { ...q });
    else if (!max) target.set(name, { nanos: current.nanos + q.nanos, format: current.format });
    else if (q.nanos > current.nanos) target.set(name, { ...q });
  }
}

/** resourcehelper.PodRequestsAndLimits: containers and sidecars summed, init containers as a floor. */
export function podRequestsAndLimits(pod: Json): { requests: ResourceList; limits: ResourceList } {
  const requests: ResourceList = new Map();
  const limits: ResourceList = new Map();
  const inits = arr(at(pod, 'spec.initContainers'));
  for (const c of [...arr(at(pod, 'spec.containers')), ...inits.filter((i) => str(i.restartPolicy) === 'Always')]) {
    addInto(requests, at(c, 'resources.requests'));
    addInto(limits, at(c, 'resources.limits'));
  }
  for (const c of inits.filter((i) => str(i.restartPolicy) !== 'Always')) {
    addInto(requests, at(c, 'resources.requests'), true);
    addInto(limits, at(c, 'resources.limits'), true);
  }
  addInto(requests, at(pod, 'spec.overhead'));
  for (const name of limits.keys()) addInto(limits, { [name]: formatQuantity(toQuantity(obj(at(pod, 'spec.overhead'))[name] ?? '0')!) });
  return { requests, limits };
}

const ZERO: Quantity = { nanos: 0n, format: 'DecimalSI' };
const text = (q: Quantity | undefined): string => formatQuantity(q ?? ZERO);
/** int64(float64(a) / float64(b) * 100), 0 when b is 0. */
const percent = (a: bigint, b: bigint): number => (b === 0n ? 0 : Math.trunc((Number(a) / Number(b)) * 100));

function describeNodeResources(w: DescribeWriter, node: Json, pods: readonly Json[], now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatableSource = Object.keys(obj(at(node, 'status.allocatable'))).length > 0 ? at(node, 'status.allocatable') : at(node, 'status.capacity');
  const allocatable: ResourceList = new Map();
  addInto(allocatable, allocatableSource);
  const cpu = milliValue(allocatable.get('cpu') ?? ZERO);
  const memory = integerValue(allocatable.get('memory') ?? ZERO);
  const storage = integerValue(allocatable.get('ephemeral-storage') ?? ZERO);
  const totalRequests: ResourceList = new Map();
  const totalLimits: ResourceList = new Map();
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    const [cr, cl, mr, ml] = [requests.get('cpu'), limits.get('cpu'), requests.get('memory'), limits.get('memory')];
    w.write(
      1,
      `${str(meta(pod).namespace)}\t${nameOf(pod)}\t\t${text(cr)} (${percent(milliValue(cr ?? ZERO), cpu)}%)\t${text(cl)} (${percent(milliValue(cl ?? ZERO), cpu)}%)\t` +
        `${text(mr)} (${percent(integerValue(mr ?? ZERO), memory)}%)\t${text(ml)} (${percent(integerValue(ml ?? ZERO), memory)}%)\t${since(meta(pod).creationTimestamp, now)}\n`,
    );
    for (const [name, q] of requests) addInto(totalRequests, { [name]: formatQuantity(q) });
    for (const [name, q] of limits) addInto(totalLimits, { [name]: formatQuantity(q) });
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const row = (name: string, total: bigint, value: (q: Quantity) => bigint): void => {
    const [r, l] = [totalRequests.get(name), totalLimits.get(name)];
    w.write(1, `${name}\t${text(r)} (${percent(value(r ?? ZERO), total)}%)\t${text(l)} (${percent(value(l ?? ZERO), total)}%)\n`);
  };
  row('cpu', cpu, milliValue);
  row('memory', memory, integerValue);
  row('ephemeral-storage', storage, integerValue);
  const hugePages = [...allocatable.keys()].filter((name) => name.startsWith('hugepages-')).sort(compareStrings);
  for (const name of hugePages) row(name, integerValue(allocatable.get(name)!), integerValue);
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);
  const extended = [...allocatable.keys()].filter((name) => !standard.has(name) && !name.startsWith('hugepages-')).sort(compareStrings);
  for (const name of extended) w.write(1, `${name}\t${text(totalRequests.get(name))}\t${text(totalLimits.get(name))}\n`);
}

/** findNodeRoles, as the describe line prints it. */
function roles(node: Json): string {
  const set = new Set<string>();
  for (const [key, value] of Object.entries(obj(meta(node).labels))) {
    if (key.startsWith('node-role.kubernetes.io/') && key.length > 'node-role.kubernetes.io/'.length) set.add(key.slice('node-role.kubernetes.io/'.length));
    else if (key === 'kubernetes.io/role' && str(value) !== '') set.add(str(value));
  }
  return set.size === 0 ? '<none>' : [...set].sort(compareStrings).join(',');
}

/** `pods`: the node's non-terminated pods; `lease`: its Lease in kube-node-lease, if any. */
export function describeNode(w: DescribeWriter, node: Json, pods: readonly Json[], lease: Json | undefined, events: readonly Json[] | undefined, now: number): void {
  const spec = obj(node.spec);
  const status = obj(node.status);
  w.write(0, `Name:\t${nameOf(node)}\n`);
  w.write(0, `Roles:\t${roles(node)}\n`);
  writeLabels(w, 'Labels', meta(node).labels);
  writeAnnotations(w, 'Annotations', meta(node).annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta(node).creationTimestamp)}\n`);
  writeTaints(w, 'Taints', spec.taints);
  w.write(0, `Unschedulable:\t${bool(spec.unschedulable)}\n`);
  if (lease) {
    w.write(0, 'Lease:\n');
    const leaseSpec = obj(lease.spec);
    w.write(1, `HolderIdentity:\t${leaseSpec.holderIdentity === undefined ? '<unset>' : str(leaseSpec.holderIdentity)}\n`);
    w.write(1, `AcquireTime:\t${leaseSpec.acquireTime ? rfc1123z(leaseSpec.acquireTime) : '<unset>'}\n`);
    w.write(1, `RenewTime:\t${leaseSpec.renewTime ? rfc1123z(leaseSpec.renewTime) : '<unset>'}\n`);
  } else {
    w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${nameOf(node)}" not found\n`);
  }
  const conditions = arr(status.conditions);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(1, `${str(c.type)} \t${str(c.status)} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${str(c.reason)} \t${str(c.message)}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const address of arr(status.addresses)) w.write(1, `${str(address.type)}:\t${str(address.address)}\n`);
  for (const [key, title] of [['capacity', 'Capacity'], ['allocatable', 'Allocatable']] as const) {
    const list = obj(status[key]);
    if (Object.keys(list).length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const name of Object.keys(list).sort(compareStrings)) w.write(0, `  ${name}:\t${text(toQuantity(list[name]))}\n`);
  }
  const info = obj(status.nodeInfo);
  w.write(0, 'System Info:\n');
  const systemInfo: [string, string][] = [
    ['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion'],
  ];
  for (const [title, key] of systemInfo) w.write(0, `  ${title}:\t${str(info[key])}\n`);
  if (str(spec.podCIDR) !== '') w.write(0, `PodCIDR:\t${str(spec.podCIDR)}\n`);
  if (strs(spec.podCIDRs).length > 0) w.write(0, `PodCIDRs:\t${strs(spec.podCIDRs).join(',')}\n`);
  if (str(spec.providerID) !== '') w.write(0, `ProviderID:\t${str(spec.providerID)}\n`);
  describeNodeResources(w, node, pods, now);
  writeEvents(w, events, now);
}
