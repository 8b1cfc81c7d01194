/**
 * NetworkPolicy decisions, following the networking.k8s.io/v1 API semantics (what Calico
 * or Cilium enforce; the API server stores policies, the network plugin applies them):
 *
 * - A Pod is isolated for ingress (egress) only if a policy of its namespace selects it
 *   (`podSelector`, `{}` = every Pod) and lists Ingress (Egress) in `policyTypes`.
 *   Otherwise that direction is open.
 * - An isolated direction allows what any rule of any selecting policy allows: policies
 *   add up, there is no deny rule.
 * - A rule matches when one of its peers and one of its ports match (no `from`/`to`, or
 *   no `ports`: everything). A peer with both podSelector and namespaceSelector means
 *   both (those Pods in those namespaces); podSelector alone means the policy's own
 *   namespace; ipBlock matches addresses in its CIDR outside `except`.
 * - Ports are numbers (with `endPort` for a range) or names, looked up in the destination
 *   Pod's containerPorts; the protocol defaults to TCP.
 * - A connection needs both: the source's egress and the destination's ingress.
 *
 * Pure: reads the store.
 */
import { kindInfo } from '../api/catalog';
import { parseIPv4 } from '../controllers/ipam';
import type { StateReader } from '../kubelet/replay';
import { list, obj, text } from '../kubelet/util';
import { isJsonObject, type JsonObject } from '../store/json';
import { matchesLabelSelector, type Labels } from '../store/selectors';

const POLICIES = kindInfo('networking.k8s.io/v1', 'NetworkPolicy')!;
const NAMESPACES = kindInfo('v1', 'Namespace')!;

/** One end of a connection: a Pod, or an address outside the Pods (a node, a client, the Internet). */
export type Peer = { pod: JsonObject } | { ip: string };

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface Verdict {
  allowed: boolean;
  /** The direction that refused: the source's egress or the destination's ingress. */
  deniedBy?: 'egress' | 'ingress';
  /** `namespace/name` of the policies that isolate the refusing side. */
  policies: string[];
}

const labelsOf = (object: JsonObject): Labels => obj(obj(object.metadata).labels) as Record<string, string>;
const namespaceOf = (object: JsonObject): string => text(obj(object.metadata).namespace) || 'default';
const keyOf = (object: JsonObject): string => `${namespaceOf(object)}/${text(obj(object.metadata).name)}`;
const ipOf = (peer: Peer): string => ('ip' in peer ? peer.ip : text(obj(peer.pod.status).podIP));

/** Mirrors SetDefaults_NetworkPolicy for a policy stored without its defaults. */
function policyTypes(policy: JsonObject): string[] {
  const spec = obj(policy.spec);
  if (Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0) return spec.policyTypes.map(String);
  return list(spec.egress).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** The policies of the Pod's namespace that select it for `direction`. */
export function isolatingPolicies(reader: StateReader, pod: JsonObject, direction: 'Ingress' | 'Egress'): JsonObject[] {
  return reader
    .list(POLICIES, { namespace: namespaceOf(pod) })
    .filter((policy) => policyTypes(policy).includes(direction) && matchesLabelSelector(obj(policy.spec).podSelector ?? {}, labelsOf(pod)));
}

/** `a.b.c.d/n` contains `ip` (IPv4; the simulated cluster has no IPv6). */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const network = parseIPv4(base);
  const address = parseIPv4(ip);
  const length = Number(bits);
  if (network === undefined || address === undefined || !Number.isInteger(length) || length < 0 || length > 32) return false;
  if (length === 0) return true;
  const mask = (0xffffffff << (32 - length)) >>> 0;
  return ((network & mask) >>> 0) === ((address & mask) >>> 0);
}

function namespaceLabels(reader: StateReader, namespace: string): Labels {
  const object = reader.get(NAMESPACES, '', namespace);
  return object ? labelsOf(object) : { 'kubernetes.io/metadata.name': namespace };
}

/** A NetworkPolicyPeer against the other end, for a policy of `namespace`. */
function peerMatches(reader: StateReader, namespace: string, peer: JsonObject, other: Peer): boolean {
  if (isJsonObject(peer.ipBlock)) {
    // Pod addresses match too, as Calico does (the API leaves it to the plugin).
    const ip = ipOf(other);
    const except = Array.isArray(peer.ipBlock.except) ? peer.ipBlock.except.map(String) : [];
    return ip !== '' && cidrContains(text(peer.ipBlock.cidr), ip) && !except.some((cidr) => cidrContains(cidr, ip));
  }
  if (!('pod' in other)) return false;
  const hasPods = isJsonObject(peer.podSelector);
  const hasNamespaces = isJsonObject(peer.namespaceSelector);
  if (!hasPods && !hasNamespaces) return false;
  if (hasPods && !matchesLabelSelector(peer.podSelector, labelsOf(other.pod))) return false;
  if (hasNamespaces) return matchesLabelSelector(peer.namespaceSelector, namespaceLabels(reader, namespaceOf(other.pod)));
  return namespaceOf(other.pod) === namespace;
}

/** The port a name stands for in the Pod's containers, for that protocol. */
export function namedPort(pod: JsonObject, name: string, protocol: Protocol): number | undefined {
  for (const container of list(obj(pod.spec).containers)) {
    for (const port of list(container.ports)) if (text(port.name) === name && (text(port.protocol) || 'TCP') === protocol) return Number(port.containerPort);
  }
  return undefined;
}

/** A rule's `ports` against the destination port (named ports need the destination Pod). */
function portMatches(ports: unknown, port: number, protocol: Protocol, destination: Peer): boolean {
  if (!Array.isArray(ports) || ports.length === 0) return true;
  return list(ports).some((entry) => {
    if ((text(entry.protocol) || 'TCP') !== protocol) return false;
    if (entry.port === undefined || entry.port === null) return true;
    if (typeof entry.port === 'number') return typeof entry.endPort === 'number' ? port >= entry.port && port <= entry.endPort : port === entry.port;
    return 'pod' in destination && namedPort(destination.pod, text(entry.port), protocol) === port;
  });
}

/** True when one rule of the policies lets the connection through in `direction`. */
function rulesAllow(reader: StateReader, policies: JsonObject[], direction: 'ingress' | 'egress', other: Peer, port: number, protocol: Protocol, destination: Peer): boolean {
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  return policies.some((policy) =>
    list(obj(policy.spec)[direction]).some((rule) => {
      if (!portMatches(rule.ports, port, protocol, destination)) return false;
      const peers = rule[peersKey];
      if (!Array.isArray(peers) || peers.length === 0) return true;
      return list(peers).some((peer) => peerMatches(reader, namespaceOf(policy), peer, other));
    }),
  );
}

/**
 * Whether `from` may open a connection to `to` on `port`: the source's egress policies,
 * then the destination's ingress policies. A Pod talking to itself is never filtered.
 */
export function connectionVerdict(reader: StateReader, from: Peer, to: Peer, port: number, protocol: Protocol = 'TCP'): Verdict {
  if ('pod' in from && 'pod' in to && keyOf(from.pod) === keyOf(to.pod)) return { allowed: true, policies: [] };
  if ('pod' in from) {
    const egress = isolatingPolicies(reader, from.pod, 'Egress');
    if (egress.length > 0 && !rulesAllow(reader, egress, 'egress', to, port, protocol, to)) return { allowed: false, deniedBy: 'egress', policies: egress.map(keyOf) };
  }
  if ('pod' in to) {
    const ingress = isolatingPolicies(reader, to.pod, 'Ingress');
    if (ingress.length > 0 && !rulesAllow(reader, ingress, 'ingress', from, port, protocol, to)) return { allowed: false, deniedBy: 'ingress', policies: ingress.map(keyOf) };
  }
  return { allowed: true, policies: [] };
}

/** connectionVerdict's answer alone. */
export function connectionAllowed(reader: StateReader, from: Peer, to: Peer, port: number, protocol: Protocol = 'TCP'): boolean {
  return connectionVerdict(reader, from, to, port, protocol).allowed;
}
