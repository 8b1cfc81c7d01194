/**
 * Service and Endpoints defaults. Besides SetDefaults_Service, a Service gets its IP
 * family fields from the registry's allocator on create; that part is pure too (it only
 * needs the cluster's families, here a single-stack IPv4 cluster as kind and minikube
 * run by default), so it is done here. The cluster IP and node ports themselves are
 * allocated by the store.
 */
import { ensureObj, isEmpty, isNil, objAt, objsAt, setIfNil, setIfZero, type Obj } from './util';

/** The families the simulated cluster serves, primary first. */
const CLUSTER_IP_FAMILIES: readonly ('IPv4' | 'IPv6')[] = ['IPv4'];

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
const CLIENT_IP_AFFINITY_SECONDS = 10_800;

/** Mirrors service.ExternallyAccessible (pkg/api/v1/service/util.go). */
function externallyAccessible(spec: Obj): boolean {
  return (
    spec.type === 'LoadBalancer' ||
    spec.type === 'NodePort' ||
    (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0)
  );
}

function isZeroTargetPort(value: unknown): boolean {
  return isNil(value) || value === 0 || value === '';
}

/**
 * Mirrors SetDefaults_Service (pkg/apis/core/v1/defaults.go) with v1.30's default gates
 * (LoadBalancerIPMode on).
 */
function defaultServiceSpec(service: Obj, spec: Obj): void {
  setIfZero(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const timeout = objAt(objAt(spec, 'sessionAffinityConfig'), 'clientIP')?.timeoutSeconds;
    if (isNil(timeout)) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: CLIENT_IP_AFFINITY_SECONDS } };
  }
  setIfZero(spec, 'type', 'ClusterIP');
  for (const port of objsAt(spec, 'ports')) {
    setIfZero(port, 'protocol', 'TCP');
    // No targetPort: traffic goes to the same port number on the pods.
    if (isZeroTargetPort(port.targetPort) && typeof port.port === 'number') port.targetPort = port.port;
  }
  if (externallyAccessible(spec)) setIfZero(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'ClusterIP' || spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    setIfNil(spec, 'internalTrafficPolicy', 'Cluster');
  }
  if (spec.type === 'LoadBalancer') {
    setIfNil(spec, 'allocateLoadBalancerNodePorts', true);
    for (const ingress of objsAt(objAt(objAt(service, 'status'), 'loadBalancer'), 'ingress')) {
      if (typeof ingress.ip === 'string' && ingress.ip !== '') setIfNil(ingress, 'ipMode', 'VIP');
    }
  }
}

function familyOf(ip: string): 'IPv4' | 'IPv6' {
  return ip.includes(':') ? 'IPv6' : 'IPv4';
}

/**
 * The IP family fields of a new Service. Mirrors NormalizeClusterIPs on create
 * (pkg/registry/core/service/strategy.go: a lone clusterIP fills clusterIPs) and
 * Allocators.initIPFamilyFields (pkg/registry/core/service/storage/alloc.go): policy
 * SingleStack unless the service is headless without selector (RequireDualStack, which a
 * single-stack cluster tolerates for those), families inferred from the cluster IPs or
 * else the cluster's primary family.
 */
function defaultIpFamilies(spec: Obj): void {
  if (spec.type === 'ExternalName') return;
  if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && isEmpty(spec.clusterIPs)) {
    spec.clusterIPs = [spec.clusterIP];
  }
  const headlessWithoutSelector = spec.clusterIP === 'None' && isEmpty(spec.selector);
  setIfNil(spec, 'ipFamilyPolicy', headlessWithoutSelector ? 'RequireDualStack' : 'SingleStack');
  if (!isNil(spec.ipFamilies) && !Array.isArray(spec.ipFamilies)) return;
  const families = Array.isArray(spec.ipFamilies) ? [...(spec.ipFamilies as unknown[])] : [];
  const clusterIPs = Array.isArray(spec.clusterIPs) ? (spec.clusterIPs as unknown[]) : [];
  for (const [i, ip] of clusterIPs.entries()) {
    if (typeof ip !== 'string' || ip === 'None') break;
    if (i >= families.length) families.push(familyOf(ip));
  }
  if (families.length === 0) families.push(CLUSTER_IP_FAMILIES[0] ?? 'IPv4');
  const wantsDual = spec.ipFamilyPolicy !== 'SingleStack' && families.length === 1;
  if (wantsDual && (headlessWithoutSelector || CLUSTER_IP_FAMILIES.length === 2)) {
    families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
  }
  spec.ipFamilies = families;
}

/** Defaults of a Service: SetDefaults_Service, then the allocator's IP family fields. */
export function defaultService(service: Obj): void {
  const spec = ensureObj(service, 'spec');
  if (spec === undefined) return;
  defaultServiceSpec(service, spec);
  defaultIpFamilies(spec);
}

/** Mirrors SetDefaults_Endpoints (pkg/apis/core/v1/defaults.go): ports default to TCP. */
export function defaultEndpoints(endpoints: Obj): void {
  for (const subset of objsAt(endpoints, 'subsets')) {
    for (const port of objsAt(subset, 'ports')) setIfZero(port, 'protocol', 'TCP');
  }
}
