/**
 * `kubectl describe service` (describeService in k8s.io/kubectl/pkg/describe, v1.30: the
 * `Internal Traffic Policy` line and the load balancer's IP mode came in v1.31). The
 * Endpoints line is built from the Service's EndpointSlices, like kubectl does; an
 * Endpoints object is accepted too and read the same way.
 */
import { compareStrings } from '../../store/json';
import { arr, at, formatLabels, intOrString, meta, nameOf, num, obj, str, strs, type Json } from '../fields';
import { joinHostPort } from '../get/network';
import { type DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './writer';

/** An Endpoints object seen as EndpointSlices (one slice per subset). */
export function endpointsAsSlices(endpoints: Json): Json[] {
  return arr(endpoints.subsets).map((subset) => ({
    ports: arr(subset.ports).map((p) => ({ name: str(p.name), port: num(p.port), protocol: str(p.protocol) })),
    endpoints: [
      ...arr(subset.addresses).map((a) => ({ addresses: [str(a.ip)], conditions: { ready: true } })),
      ...arr(subset.notReadyAddresses).map((a) => ({ addresses: [str(a.ip)], conditions: { ready: false } })),
    ],
  }));
}

/** formatEndpointSlices: ready `ip:port` of the port named `portName`, three at most. */
export function formatEndpointSlices(slices: readonly Json[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const ready = (endpoint: Json): boolean => at(endpoint, 'conditions.ready') !== false;
  for (const slice of slices) {
    const ports = arr(slice.ports);
    const endpoints = arr(slice.endpoints);
    if (ports.length === 0) {
      for (const endpoint of endpoints) {
        if (list.length === max) more = true;
        if (!ready(endpoint)) continue;
        if (!more) list.push(strs(endpoint.addresses)[0] ?? '');
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if (portName !== undefined && str(port.name) !== portName) continue;
      for (const endpoint of endpoints) {
        if (list.length === max) more = true;
        if (!ready(endpoint)) continue;
        if (!more) list.push(joinHostPort(strs(endpoint.addresses)[0] ?? '', num(port.port)));
        count++;
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

export function describeService(w: DescribeWriter, service: Json, slices: readonly Json[], events: readonly Json[] | undefined, now: number): void {
  const spec = obj(service.spec);
  w.write(0, `Name:\t${nameOf(service)}\n`);
  w.write(0, `Namespace:\t${str(meta(service).namespace)}\n`);
  writeLabels(w, 'Labels', meta(service).labels);
  writeAnnotations(w, 'Annotations', meta(service).annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${str(spec.type)}\n`);
  if (spec.ipFamilyPolicy !== undefined) w.write(0, `IP Family Policy:\t${str(spec.ipFamilyPolicy)}\n`);
  const families = strs(spec.ipFamilies);
  w.write(0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${str(spec.clusterIP)}\n`);
  const clusterIPs = strs(spec.clusterIPs);
  w.write(0, `IPs:\t${clusterIPs.length > 0 ? clusterIPs.join(',') : '<none>'}\n`);
  if (strs(spec.externalIPs).length > 0) w.write(0, `External IPs:\t${strs(spec.externalIPs).join(',')}\n`);
  if (str(spec.loadBalancerIP) !== '') w.write(0, `Desired LoadBalancer IP:\t${str(spec.loadBalancerIP)}\n`);
  if (str(spec.externalName) !== '') w.write(0, `External Name:\t${str(spec.externalName)}\n`);
  const ingress = arr(at(service, 'status.loadBalancer.ingress'));
  if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => (str(i.ip) !== '' ? str(i.ip) : str(i.hostname))).join(', ')}\n`);
  for (const port of arr(spec.ports)) {
    const name = str(port.name) === '' ? '<unset>' : str(port.name);
    const protocol = str(port.protocol);
    w.write(0, `Port:\t${name}\t${num(port.port)}/${protocol}\n`);
    w.write(0, `TargetPort:\t${intOrString(port.targetPort)}/${protocol}\n`);
    if (num(port.nodePort) !== 0) w.write(0, `NodePort:\t${name}\t${num(port.nodePort)}/${protocol}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, str(port.name))}\n`);
  }
  w.write(0, `Session Affinity:\t${str(spec.sessionAffinity)}\n`);
  if (str(spec.externalTrafficPolicy) !== '') w.write(0, `External Traffic Policy:\t${str(spec.externalTrafficPolicy)}\n`);
  if (num(spec.healthCheckNodePort) !== 0) w.write(0, `HealthCheck NodePort:\t${num(spec.healthCheckNodePort)}\n`);
  if (strs(spec.loadBalancerSourceRanges).length > 0) w.write(0, `LoadBalancer Source Ranges:\t${strs(spec.loadBalancerSourceRanges).join(',')}\n`);
  writeEvents(w, events, now);
}

/** The EndpointSlices of `service` among `slices` (label kubernetes.io/service-name), name order. */
export function slicesOfService(service: Json, slices: readonly Json[]): Json[] {
  return slices
    .filter((s) => str(obj(meta(s).labels)['kubernetes.io/service-name']) === nameOf(service) && str(meta(s).namespace) === str(meta(service).namespace))
    .sort((a, b) => compareStrings(nameOf(a), nameOf(b)));
}
