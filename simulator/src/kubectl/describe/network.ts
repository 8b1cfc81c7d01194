/**
 * `kubectl describe endpoints|ingress|networkpolicy` (describeEndpoints, IngressDescriber's
 * describeIngressV1 and describeNetworkPolicy in k8s.io/kubectl/pkg/describe, v1.30). An
 * Ingress backend is shown with the ready endpoints of its Service, as kubectl looks them
 * up (`web:80 (10.244.1.2:80,10.244.2.3:80)`).
 */
import { formatLabelSelector } from '../../store/selectors';
import { arr, at, intOrString, meta, nameOf, num, obj, str, strs, type Json } from '../fields';
import { loadBalancerStatus } from '../get/network';
import { endpointsAsSlices, formatEndpointSlices, slicesOfService } from './service';
import { type DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './writer';

export function describeEndpoints(w: DescribeWriter, endpoints: Json, events: readonly Json[] | undefined, now: number): void {
  w.write(0, `Name:\t${nameOf(endpoints)}\n`);
  w.write(0, `Namespace:\t${str(meta(endpoints).namespace)}\n`);
  writeLabels(w, 'Labels', meta(endpoints).labels);
  writeAnnotations(w, 'Annotations', meta(endpoints).annotations);
  w.write(0, 'Subsets:\n');
  for (const subset of arr(endpoints.subsets)) {
    const ips = (list: unknown): string => arr(list).map((a) => str(a.ip)).join(',') || '<none>';
    w.write(1, `Addresses:\t${ips(subset.addresses)}\n`);
    w.write(1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`);
    const ports = arr(subset.ports);
    if (ports.length > 0) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const port of ports) w.write(2, `${str(port.name) || '<unset>'}\t${num(port.port)}\t${str(port.protocol)}\n`);
    }
    w.write(0, '\n');
  }
  writeEvents(w, events, now);
}

/** What an Ingress backend is described with: the Services and EndpointSlices of its namespace. */
export interface IngressBackends {
  services: readonly Json[];
  endpointSlices: readonly Json[];
  /** Read like slices when a Service has none (the simulator keeps Endpoints). */
  endpoints?: readonly Json[];
}

/** describeBackendV1: `svc:port (endpoints)`, or the Service lookup's error. */
function describeBackend(backend: Json, namespace: string, related: IngressBackends): string {
  const service = obj(backend.service);
  if (Object.keys(service).length > 0) {
    const portNumber = num(at(service, 'port.number'));
    const portName = str(at(service, 'port.name'));
    const label = `${str(service.name)}:${portNumber !== 0 ? portNumber : portName}`;
    const target = related.services.find((s) => nameOf(s) === str(service.name) && str(meta(s).namespace) === namespace);
    if (!target) return `${label} (<error: services ${JSON.stringify(str(service.name))} not found>)`;
    let spName = '';
    for (const port of arr(at(target, 'spec.ports'))) {
      if (portNumber !== 0 && portNumber === num(port.port)) spName = str(port.name);
      else if (portName !== '' && portName === str(port.name)) spName = str(port.name);
    }
    let slices = slicesOfService(target, related.endpointSlices);
    if (slices.length === 0) {
      const endpoints = (related.endpoints ?? []).find((e) => nameOf(e) === nameOf(target) && str(meta(e).namespace) === namespace);
      if (endpoints) slices = endpointsAsSlices(endpoints);
    }
    return `${label} (${formatEndpointSlices(slices, spName)})`;
  }
  const resource = obj(backend.resource);
  if (Object.keys(resource).length > 0) {
    return `APIGroup: ${resource.apiGroup === undefined ? '<none>' : str(resource.apiGroup)}, Kind: ${str(resource.kind)}, Name: ${str(resource.name)}`;
  }
  return '';
}

export function describeIngress(w: DescribeWriter, ingress: Json, related: IngressBackends, events: readonly Json[] | undefined, now: number): void {
  const spec = obj(ingress.spec);
  const namespace = str(meta(ingress).namespace);
  w.write(0, `Name:\t${nameOf(ingress)}\n`);
  writeLabels(w, 'Labels', meta(ingress).labels);
  w.write(0, `Namespace:\t${namespace}\n`);
  w.write(0, `Address:\t${loadBalancerStatus(at(ingress, 'status.loadBalancer'), true)}\n`);
  w.write(0, `Ingress Class:\t${spec.ingressClassName === undefined || spec.ingressClassName === null ? '<none>' : str(spec.ingressClassName)}\n`);
  const defaultBackend = spec.defaultBackend === undefined ? '<default>' : describeBackend(obj(spec.defaultBackend), namespace, related);
  w.write(0, `Default backend:\t${defaultBackend}\n`);
  const tls = arr(spec.tls);
  if (tls.length > 0) {
    w.write(0, 'TLS:\n');
    for (const t of tls) {
      const hosts = strs(t.hosts).join(',');
      w.write(1, str(t.secretName) === '' ? `SNI routes ${hosts}\n` : `${str(t.secretName)} terminates ${hosts}\n`);
    }
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of arr(spec.rules)) {
    if (rule.http === undefined) continue;
    count++;
    w.write(1, `${str(rule.host) || '*'}\t\n`);
    for (const path of arr(at(rule, 'http.paths'))) w.write(2, `\t${str(path.path)} \t${describeBackend(obj(path.backend), namespace, related)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${defaultBackend}\n`);
  writeAnnotations(w, 'Annotations', meta(ingress).annotations);
  writeEvents(w, events, now);
}

/** Go's time.Time.String() in UTC: `2024-01-01 00:00:00 +0000 UTC` (NetworkPolicy's `Created on`). */
function goTime(timestamp: unknown): string {
  const ms = Date.parse(str(timestamp));
  if (Number.isNaN(ms)) return '0001-01-01 00:00:00 +0000 UTC';
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

/** The peers and ports of ingress (`From`) or egress (`To`) rules. */
function describeRules(w: DescribeWriter, rules: Json[], peerField: 'from' | 'to', indent: string): void {
  const direction = peerField === 'from' ? 'ingress' : 'egress';
  if (rules.length === 0) return w.write(0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
  const label = peerField === 'from' ? 'From' : 'To';
  rules.forEach((rule, i) => {
    const ports = arr(rule.ports);
    if (ports.length === 0) w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const port of ports) {
      const protocol = str(port.protocol) || 'TCP';
      const value = port.port === undefined ? '<nil>' : intOrString(port.port);
      if (port.endPort === undefined) w.write(0, `${indent}To Port: ${value}/${protocol}\n`);
      else w.write(0, `${indent}To Port Range: ${value}-${num(port.endPort)}/${protocol}\n`);
    }
    const peers = arr(rule[peerField]);
    if (peers.length === 0) w.write(0, `${indent}${label}: <any> (traffic not restricted by ${peerField === 'from' ? 'source' : 'destination'})\n`);
    for (const peer of peers) {
      w.write(0, `${indent}${label}:\n`);
      if (peer.podSelector !== undefined && peer.namespaceSelector !== undefined) {
        w.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
        w.write(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      } else if (peer.podSelector !== undefined) {
        w.write(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      } else if (peer.namespaceSelector !== undefined) {
        w.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      } else if (peer.ipBlock !== undefined) {
        w.write(1, `${indent}IPBlock:\n`);
        w.write(2, `${indent}CIDR: ${str(at(peer, 'ipBlock.cidr'))}\n`);
        w.write(2, `${indent}Except: ${strs(at(peer, 'ipBlock.except')).join(', ')}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(0, `${indent}----------\n`);
  });
}

export function describeNetworkPolicy(w: DescribeWriter, policy: Json): void {
  const spec = obj(policy.spec);
  w.write(0, `Name:\t${nameOf(policy)}\n`);
  w.write(0, `Namespace:\t${str(meta(policy).namespace)}\n`);
  w.write(0, `Created on:\t${goTime(meta(policy).creationTimestamp)}\n`);
  writeLabels(w, 'Labels', meta(policy).labels);
  writeAnnotations(w, 'Annotations', meta(policy).annotations);
  w.write(0, 'Spec:\n');
  w.write(1, 'PodSelector: ');
  const selector = obj(spec.podSelector);
  const empty = Object.keys(obj(selector.matchLabels)).length === 0 && arr(selector.matchExpressions).length === 0;
  w.write(2, empty ? '<none> (Allowing the specific traffic to all pods in this namespace)\n' : `${formatLabelSelector(selector)}\n`);
  const types = strs(spec.policyTypes);
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n');
    describeRules(w, arr(spec.ingress), 'from', '    ');
  } else {
    w.write(1, 'Not affecting ingress traffic\n');
  }
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n');
    describeRules(w, arr(spec.egress), 'to', '    ');
  } else {
    w.write(1, 'Not affecting egress traffic\n');
  }
  w.write(1, `Policy Types: ${types.length === 0 ? '<none>' : types.join(', ')}\n`);
}
