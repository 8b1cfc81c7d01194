/**
 * Names in the simulated cluster, resolved as CoreDNS answers them: `web`, `web.default`,
 * `web.default.svc`, `web.default.svc.cluster.local` with the Pod's search list
 * (`NAMESPACE.svc.cluster.local svc.cluster.local cluster.local`), a Service's ClusterIP,
 * a headless Service's ready Pods; an address to the Service, Pod or node that holds it.
 * A Pod asks kube-dns (10.96.0.10, UDP 53): an egress NetworkPolicy that forgets DNS
 * leaves it without any name. Pure: reads the store.
 */
import { kindInfo } from '../api/catalog';
import { DNS_SERVICE_IP } from '../controllers/ipam';
import type { StateReader } from '../kubelet/replay';
import { list, obj, text } from '../kubelet/util';
import type { JsonObject } from '../store/json';
import { connectionAllowed } from './policy';

const PODS = kindInfo('v1', 'Pod')!;
const SERVICES = kindInfo('v1', 'Service')!;
const ENDPOINTS = kindInfo('v1', 'Endpoints')!;
const NODES = kindInfo('v1', 'Node')!;

export const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Where a name or address leads. */
export type Destination = { ip: string } & ({ pod: JsonObject } | { service: JsonObject } | { node: JsonObject } | { nowhere: true });

/**
 * CoreDNS as a NetworkPolicy sees it: the Pods behind kube-system/kube-dns (kubeadm's
 * `k8s-app: kube-dns` label). The simulated cluster answers DNS without running them, so
 * a stand-in Pod carries their namespace, labels and ports.
 */
export function dnsServerPod(reader: StateReader): JsonObject {
  const real = reader.list(PODS, { namespace: 'kube-system', labelSelector: 'k8s-app=kube-dns' })[0];
  if (real) return real;
  return {
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: { containers: [{ name: 'coredns', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }, { name: 'metrics', containerPort: 9153, protocol: 'TCP' }] }] },
    status: { podIP: '10.244.0.2' },
  };
}

/** True when the Pod may ask kube-dns (UDP 53): no egress policy in the way. */
export function canResolve(reader: StateReader, from: JsonObject | undefined): boolean {
  return !from || connectionAllowed(reader, { pod: from }, { pod: dnsServerPod(reader) }, 53, 'UDP');
}

/** The DNS server a Pod's resolv.conf names. */
export const DNS_SERVER = DNS_SERVICE_IP;

/**
 * The Service a DNS name stands for, with the Pod's search list (`NAMESPACE.svc.cluster.local
 * svc.cluster.local cluster.local`): NAME, NAME.NAMESPACE, NAME.NAMESPACE.svc, the full name.
 */
function serviceName(host: string, namespace: string): [name: string, namespace: string] | undefined {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const short = /^(.+)\.svc\.cluster\.local$/.exec(labels.join('.'))?.[1]?.split('.') ?? (labels[2] === 'svc' && labels.length === 3 ? labels.slice(0, 2) : labels);
  if (short.length > 2 || short[0] === '') return undefined;
  return [short[0]!, short[1] ?? namespace];
}

/** What `nslookup NAME` answers from a Pod of `namespace`: the full name and its addresses, or undefined (NXDOMAIN). */
export function lookup(reader: StateReader, host: string, namespace: string): { name: string; addresses: string[] } | undefined {
  if (IPV4.test(host)) return { name: host, addresses: [host] };
  const named = serviceName(host, namespace);
  const service = named && reader.get(SERVICES, named[1], named[0]);
  if (!named || !service) return undefined;
  const clusterIP = text(obj(service.spec).clusterIP);
  const addresses =
    clusterIP === 'None'
      ? list(obj(reader.get(ENDPOINTS, named[1], named[0])).subsets).flatMap((subset) => list(subset.addresses).map((address) => text(address.ip)))
      : clusterIP === ''
        ? []
        : [clusterIP];
  return addresses.length === 0 ? undefined : { name: `${named[0]}.${named[1]}.svc.cluster.local`, addresses };
}

/** What holds `ip`: a Service's ClusterIP, a Pod, a node; nothing otherwise (packets go nowhere). */
export function addressOf(reader: StateReader, ip: string): Destination {
  const service = reader.list(SERVICES).find((s) => text(obj(s.spec).clusterIP) === ip);
  if (service) return { ip, service };
  const pod = reader.list(PODS).find((p) => text(obj(p.status).podIP) === ip);
  if (pod) return { ip, pod };
  const node = reader.list(NODES).find((n) => list(obj(n.status).addresses).some((a) => text(a.address) === ip));
  return node ? { ip, node } : { ip, nowhere: true };
}

/** Resolves `host` from a Pod of `namespace` (its resolv.conf search list), or undefined (NXDOMAIN). */
export function resolve(reader: StateReader, host: string, namespace: string, from: JsonObject | undefined, pick: (count: number) => number): Destination | undefined {
  if (host === 'localhost' || host === '127.0.0.1') return from ? { ip: '127.0.0.1', pod: from } : { ip: '127.0.0.1', nowhere: true };
  if (IPV4.test(host)) return addressOf(reader, host);
  const named = serviceName(host, namespace);
  if (!named) return undefined;
  const [name, ns] = named;
  const service = reader.get(SERVICES, ns, name);
  if (!service) return undefined;
  const clusterIP = text(obj(service.spec).clusterIP);
  if (clusterIP !== 'None') return clusterIP === '' ? undefined : { ip: clusterIP, service };
  // A headless Service: the name resolves to its ready Pods' addresses.
  const addresses = list(obj(reader.get(ENDPOINTS, ns, name)).subsets).flatMap((subset) => list(subset.addresses));
  if (addresses.length === 0) return undefined;
  const address = addresses[pick(addresses.length) % addresses.length]!;
  const pod = reader.get(PODS, ns, text(obj(address.targetRef).name));
  return pod ? { ip: text(address.ip), pod } : undefined;
}
