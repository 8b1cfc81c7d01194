/**
 * Services' addresses, as the API server's Service REST storage allocates them on create
 * and update (pkg/registry/core/service/storage/alloc.go, strategy.go, v1.30): the cluster
 * IP from the service CIDR, node ports for NodePort and LoadBalancer Services, the health
 * check node port, none for ExternalName and headless Services. The allocators' state is
 * derived from the stored Services (ServiceAllocations.fromServices), so it survives a
 * save and load. The LoadBalancer's external IP comes later, from service-lb.ts.
 */
import type { Random } from '../random';
import { kindInfo } from '../api/catalog';
import { StatusError, invalidError } from '../api/errors';
import { invalid, type PathSegment } from '../api/validation/finding';
import { clone, deepEqual, isJsonObject, type JsonObject } from '../store/json';
import type { KubeObject } from '../store/store';
import { AllocationTransaction, ClusterIPRange, DNS_SERVICE_IP, KUBERNETES_SERVICE_IP, NodePortRange, isIPv6, parseIPv4 } from './ipam';

export { createServiceLbController, LOAD_BALANCER_PROVISIONING_MS } from './service-lb';

const SERVICES = kindInfo('v1', 'Service')!;

/** The cluster's allocated cluster IPs and node ports. */
export class ServiceAllocations {
  readonly clusterIPs = new ClusterIPRange();
  readonly nodePorts = new NodePortRange();

  /** The allocations the stored Services hold (at start, or after loading a saved cluster). */
  static fromServices(services: Iterable<KubeObject>): ServiceAllocations {
    const allocations = new ServiceAllocations();
    for (const service of services) allocations.reserve(service);
    return allocations;
  }

  /** Marks a stored Service's addresses as taken. */
  reserve(service: KubeObject): void {
    const spec = specOf(service);
    for (const ip of clusterIPsOf(spec)) this.clusterIPs.allocate(ip);
    for (const port of nodePortsOf(spec)) this.nodePorts.allocate(port);
  }
}

export interface AllocateOptions {
  /** The stored Service, on update. */
  old?: KubeObject;
  /** Server-side dry run: the answer shows the addresses, nothing is kept. */
  dryRun?: boolean;
}

/**
 * The Service as the API server stores it, with its addresses: on create the requested or
 * a random free cluster IP and node ports; on update what the client left out is kept
 * (patchAllocatedValues), what the new type no longer needs is dropped and released
 * (dropTypeDependentFields). Call it after defaulting and before validation. Throws the API
 * server's errors (`spec.ports[0].nodePort: Invalid value: 30080: provided port is already
 * allocated`); nothing changes in `allocations` then.
 */
export function allocateServiceAddresses(service: KubeObject, allocations: ServiceAllocations, random: Random, options: AllocateOptions = {}): KubeObject {
  const next = clone(service);
  const spec = isJsonObject(next.spec) ? next.spec : (next.spec = {});
  const name = str(isJsonObject(next.metadata) ? next.metadata.name : undefined);
  const oldSpec = options.old ? specOf(options.old) : undefined;
  const txn = new AllocationTransaction(allocations, random);
  try {
    if (oldSpec) {
      dropTypeDependentFields(next, spec, oldSpec);
      patchAllocatedValues(spec, oldSpec);
    }
    normalizeClusterIPs(spec, oldSpec);
    checkIPFamilies(name, spec);
    if (oldSpec) checkPrimaryClusterIP(name, spec, oldSpec);
    allocateClusterIPs(name, spec, oldSpec, txn);
    allocateNodePorts(name, spec, oldSpec, txn);
  } catch (error) {
    txn.revert();
    throw error;
  }
  if (options.dryRun) txn.revert();
  else txn.commit();
  // A Service always shows `status: {loadBalancer: {}}` (a Go struct, never omitted).
  if (!isJsonObject(next.status)) next.status = { loadBalancer: {} };
  return next;
}

/** Frees a deleted Service's cluster IP and node ports. */
export function releaseServiceAddresses(service: KubeObject, allocations: ServiceAllocations): void {
  const spec = specOf(service);
  for (const ip of clusterIPsOf(spec)) allocations.clusterIPs.release(ip);
  for (const port of nodePortsOf(spec)) allocations.nodePorts.release(port);
}

// ---------------------------------------------------------------------------------------

const specOf = (service: KubeObject): JsonObject => (isJsonObject(service.spec) ? service.spec : {});
const typeOf = (spec: JsonObject): string => (typeof spec.type === 'string' && spec.type !== '' ? spec.type : 'ClusterIP');
const portsOf = (spec: JsonObject): JsonObject[] => (Array.isArray(spec.ports) ? spec.ports.filter(isJsonObject) : []);
const numberOf = (value: unknown): number => (typeof value === 'number' ? value : 0);
const needsClusterIP = (spec: JsonObject): boolean => typeOf(spec) !== 'ExternalName';
const needsNodePort = (spec: JsonObject): boolean => typeOf(spec) === 'NodePort' || typeOf(spec) === 'LoadBalancer';
const needsHealthCheck = (spec: JsonObject): boolean => typeOf(spec) === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
const externallyAccessible = (spec: JsonObject): boolean =>
  needsNodePort(spec) || (typeOf(spec) === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The addresses a Service holds: its cluster IPs (not `None`). */
function clusterIPsOf(spec: JsonObject): string[] {
  if (!needsClusterIP(spec)) return [];
  const ips = listOf(spec.clusterIPs);
  if (ips.length === 0 && typeof spec.clusterIP === 'string') ips.push(spec.clusterIP);
  return ips.filter((ip) => ip !== '' && ip !== 'None');
}

/** Its node ports, health check node port included. */
function nodePortsOf(spec: JsonObject): number[] {
  const ports = portsOf(spec).map((port) => numberOf(port.nodePort));
  ports.push(numberOf(spec.healthCheckNodePort));
  return [...new Set(ports.filter((port) => port > 0))];
}

function invalidService(name: string, path: PathSegment[], value: unknown, detail: string, fr: string): StatusError {
  return invalidError(SERVICES, name, [invalid({ code: 'service-allocation', path, fr }, value, detail)]);
}

/** errors.NewInternalError, what the API server answers when a range is exhausted. */
function internalError(message: string, fr: string): StatusError {
  return new StatusError('InternalError', 500, `Internal error occurred: ${message}`, fr);
}

/** Mirrors the Service strategy's dropTypeDependentFields (on update only). */
function dropTypeDependentFields(service: KubeObject, spec: JsonObject, old: JsonObject): void {
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if (deepEqual(listOf(old.clusterIPs), listOf(spec.clusterIPs)) && old.clusterIP === spec.clusterIP) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (deepEqual(old.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if (old.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(spec) && deepEqual(portNumbers(old), portNumbers(spec))) {
    for (const port of portsOf(spec)) delete port.nodePort;
  }
  if (needsHealthCheck(old) && !needsHealthCheck(spec) && old.healthCheckNodePort === spec.healthCheckNodePort) delete spec.healthCheckNodePort;
  if (typeOf(old) === 'LoadBalancer' && typeOf(spec) !== 'LoadBalancer') {
    if (old.allocateLoadBalancerNodePorts !== undefined && old.allocateLoadBalancerNodePorts === spec.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (old.loadBalancerClass !== undefined && old.loadBalancerClass === spec.loadBalancerClass) delete spec.loadBalancerClass;
    // The status is the load-balancer controller's, but a stale external IP must not stay.
    service.status = { ...(isJsonObject(service.status) ? service.status : {}), loadBalancer: {} };
  }
  if (externallyAccessible(old) && !externallyAccessible(spec) && old.externalTrafficPolicy === spec.externalTrafficPolicy) delete spec.externalTrafficPolicy;
}

function portNumbers(spec: JsonObject): number[] {
  return portsOf(spec).map((port) => numberOf(port.nodePort));
}

/** Mirrors patchAllocatedValues: what a client left out of a PUT keeps its allocated value. */
function patchAllocatedValues(spec: JsonObject, old: JsonObject): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if ((spec.clusterIP ?? '') === '' && old.clusterIP !== undefined) spec.clusterIP = old.clusterIP;
    if (listOf(spec.clusterIPs).length === 0 && listOf(old.clusterIPs).length > 0) spec.clusterIPs = clone(old.clusterIPs);
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const newPorts = new Set(portNumbers(spec));
    const byName = new Map(portsOf(old).map((port) => [str(port.name), numberOf(port.nodePort)]));
    for (const port of portsOf(spec)) {
      if (numberOf(port.nodePort) !== 0) continue;
      const previous = byName.get(str(port.name)) ?? 0;
      if (previous !== 0 && !newPorts.has(previous)) port.nodePort = previous;
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(spec) && numberOf(spec.healthCheckNodePort) === 0 && old.healthCheckNodePort !== undefined) {
    spec.healthCheckNodePort = old.healthCheckNodePort;
  }
}

/** Mirrors normalizeClusterIPs: clusterIP and clusterIPs move together. */
function normalizeClusterIPs(spec: JsonObject, old: JsonObject | undefined): void {
  if (!old) {
    // An old client sets only clusterIP.
    if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && listOf(spec.clusterIPs).length === 0) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  const oldIPs = listOf(old.clusterIPs);
  if (oldIPs.length > 0 && listOf(spec.clusterIPs).length === 0 && old.clusterIP === spec.clusterIP) spec.clusterIPs = [...oldIPs];
  if (old.clusterIP !== spec.clusterIP && deepEqual(oldIPs, listOf(spec.clusterIPs))) {
    if ((spec.clusterIP ?? '') === '') delete spec.clusterIPs;
    else spec.clusterIPs = [spec.clusterIP];
  }
}

const IP_FR = "Le cluster simulé est en IPv4 seulement, avec la plage de Services 10.96.0.0/12 : donne une adresse de cette plage, ou omets clusterIP pour qu'une adresse libre soit choisie.";

/** Mirrors initIPFamilyFields' checks for a single-stack IPv4 cluster. */
function checkIPFamilies(name: string, spec: JsonObject): void {
  if (!needsClusterIP(spec)) return;
  const ips = listOf(spec.clusterIPs);
  ips.forEach((ip, index) => {
    if (index === 0 && ip === 'None') return;
    if (parseIPv4(ip) === undefined && !isIPv6(ip)) {
      throw invalidService(name, ['spec', 'clusterIPs', index], ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)', IP_FR);
    }
  });
  const v6 = ips.findIndex(isIPv6);
  if (v6 >= 0) throw invalidService(name, ['spec', 'clusterIPs', v6], ips, 'IPv6 is not configured on this cluster', IP_FR);
  if (spec.clusterIP === 'None' && Object.keys(isJsonObject(spec.selector) ? spec.selector : {}).length === 0) return;
  if (spec.ipFamilyPolicy === 'RequireDualStack') {
    throw invalidService(name, ['spec', 'ipFamilyPolicy'], spec.ipFamilyPolicy, 'this cluster is not configured for dual-stack services', 'Ce cluster est en IPv4 seulement : ipFamilyPolicy RequireDualStack ne peut pas être satisfaite (SingleStack ou PreferDualStack).');
  }
  const families = listOf(spec.ipFamilies);
  const family = families.findIndex((item) => item !== 'IPv4');
  if (family >= 0) throw invalidService(name, ['spec', 'ipFamilies', family], families[family], 'not configured on this cluster', IP_FR);
}

/** Mirrors validateUpgradeDowngradeClusterIPs: the primary cluster IP is immutable. */
function checkPrimaryClusterIP(name: string, spec: JsonObject, old: JsonObject): void {
  if (!needsClusterIP(old) || !needsClusterIP(spec)) return;
  const before = listOf(old.clusterIPs);
  const after = listOf(spec.clusterIPs);
  if (before.length > 0 && after.length > 0 && before[0] !== after[0]) {
    throw invalidService(name, ['spec', 'clusterIPs', 0], after, 'may not change once set', "L'adresse clusterIP d'un Service ne change plus une fois attribuée : supprime et recrée le Service pour en changer.");
  }
}

function allocateClusterIPs(name: string, spec: JsonObject, old: JsonObject | undefined, txn: AllocationTransaction): void {
  if (!needsClusterIP(spec)) {
    if (old) for (const ip of clusterIPsOf(old)) txn.releaseIPLater(ip);
    return;
  }
  // On update, only a Service coming from ExternalName gets new addresses.
  if (old && needsClusterIP(old)) return;
  const ips = listOf(spec.clusterIPs);
  if (ips[0] === 'None') return;
  const requested = ips[0] ?? '';
  if (requested !== '') {
    if (!txn.allocateIP(requested)) {
      throw invalidService(name, ['spec', 'clusterIPs'], ips, `failed to allocate IP ${requested}: ${txn.ipError(requested)}`, `L'adresse ${requested} est déjà prise par un autre Service, ou hors de la plage 10.96.0.0/12. Omets clusterIP pour qu'une adresse libre soit choisie.`);
    }
    spec.clusterIP = requested;
    return;
  }
  const ip = txn.nextIP();
  if (ip === undefined) throw internalError('failed to allocate a serviceIP: range is full', 'Toutes les adresses de Services sont prises.');
  spec.clusterIP = ip;
  spec.clusterIPs = [ip];
}

const NODE_PORT_FR = 'Ce nodePort est déjà utilisé par un autre Service du cluster (un nodePort est ouvert sur tous les nœuds, il est donc unique). Choisis-en un autre entre 30000 et 32767, ou omets-le : Kubernetes en choisira un libre.';

function nodePortError(name: string, index: number, port: number, txn: AllocationTransaction): StatusError {
  return invalidService(name, ['spec', 'ports', index, 'nodePort'], port, txn.portError(port), NODE_PORT_FR);
}

/** Mirrors initNodePorts (create) and updateNodePorts (update), then the health check node port. */
function allocateNodePorts(name: string, spec: JsonObject, old: JsonObject | undefined, txn: AllocationTransaction): void {
  const ports = portsOf(spec);
  if (old && needsNodePort(old) && !needsNodePort(spec)) for (const port of portNumbers(old).filter((p) => p > 0)) txn.releasePortLater(port);
  if (needsNodePort(spec)) {
    // A LoadBalancer may opt out of node ports; requested ones are still honoured.
    const allocateAll = typeOf(spec) === 'NodePort' || spec.allocateLoadBalancerNodePorts !== false;
    const previous = new Set(old && needsNodePort(old) ? portNumbers(old) : []);
    const byPortNumber = new Map<number, number>();
    const taken = new Set<number>();
    ports.forEach((port, index) => {
      const requested = numberOf(port.nodePort);
      if (requested === 0 && !allocateAll) return;
      if (requested !== 0) {
        if (!previous.has(requested) && !taken.has(requested) && !txn.allocatePort(requested)) throw nodePortError(name, index, requested, txn);
        taken.add(requested);
        byPortNumber.set(numberOf(port.port), requested);
        return;
      }
      // On create, two ports with the same number (53/UDP, 53/TCP) share one node port.
      const shared = old ? undefined : byPortNumber.get(numberOf(port.port));
      const assigned = shared ?? txn.nextPort();
      if (assigned === undefined) throw internalError('failed to allocate a nodePort: range is full', 'Tous les nodePorts (30000-32767) sont pris.');
      port.nodePort = assigned;
      taken.add(assigned);
      byPortNumber.set(numberOf(port.port), assigned);
    });
    for (const port of previous) if (port > 0 && !taken.has(port)) txn.releasePortLater(port);
  }
  const hadHealthCheck = old !== undefined && needsHealthCheck(old);
  if (hadHealthCheck && !needsHealthCheck(spec) && numberOf(old.healthCheckNodePort) > 0) txn.releasePortLater(numberOf(old.healthCheckNodePort));
  if (needsHealthCheck(spec) && !hadHealthCheck) {
    const requested = numberOf(spec.healthCheckNodePort);
    if (requested !== 0 && !txn.allocatePort(requested)) {
      throw internalError(`failed to allocate requested HealthCheck NodePort ${requested}: ${txn.portError(requested)}`, NODE_PORT_FR);
    }
    const assigned = requested !== 0 ? requested : txn.nextPort();
    if (assigned === undefined) throw internalError('failed to allocate a HealthCheck NodePort 0: range is full', 'Tous les nodePorts (30000-32767) sont pris.');
    spec.healthCheckNodePort = assigned;
  }
}

/**
 * The Services a fresh cluster has, as kubeadm and kind create them, and the Endpoints of
 * `default/kubernetes` (the API server keeps them, pointing at the control plane's
 * InternalIP). Create them in this order at cluster start.
 */
export function systemServices(options: { controlPlaneIP: string; apiServerPort?: number }): KubeObject[] {
  const apiServerPort = options.apiServerPort ?? 6443;
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { type: 'ClusterIP', clusterIP: KUBERNETES_SERVICE_IP, clusterIPs: [KUBERNETES_SERVICE_IP], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: apiServerPort }], sessionAffinity: 'None' },
    },
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: options.controlPlaneIP }], ports: [{ name: 'https', port: apiServerPort, protocol: 'TCP' }] }],
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kube-dns',
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
        annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
      },
      spec: {
        type: 'ClusterIP',
        clusterIP: DNS_SERVICE_IP,
        clusterIPs: [DNS_SERVICE_IP],
        selector: { 'k8s-app': 'kube-dns' },
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
    },
  ];
}
