/**
 * Tables of the networking kinds, as printers.go (v1.30) builds them: Service, Endpoints,
 * EndpointSlice, Ingress, IngressClass, NetworkPolicy.
 */
import { formatLabelSelector } from '../../store/selectors';
import { since } from '../age';
import { arr, at, formatLabels, meta, nameOf, num, obj, str, strs, type Json } from '../fields';
import { compareStrings } from '../../store/json';
import { type Cell, type TableDefinition, wideColumn } from './types';

const age = (object: Json, now: number): string => since(meta(object).creationTimestamp, now);

/** Go's net.JoinHostPort: IPv6 addresses are bracketed. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** loadBalancerStatusStringer: sorted unique IPs or hostnames, cut to 16 characters unless wide. */
export function loadBalancerStatus(status: unknown, wide: boolean): string {
  const set = new Set<string>();
  for (const ingress of arr(obj(status).ingress)) {
    if (str(ingress.ip) !== '') set.add(str(ingress.ip));
    else if (str(ingress.hostname) !== '') set.add(str(ingress.hostname));
  }
  let text = [...set].sort(compareStrings).join(',');
  if (!wide && text.length > 16) text = `${text.slice(0, 13)}...`;
  return text;
}

/** getServiceExternalIP: `<none>`, `<pending>`, the load balancer's address or the external name. */
function serviceExternalIP(svc: Json, wide: boolean): string {
  const spec = obj(svc.spec);
  const externalIPs = strs(spec.externalIPs);
  switch (str(spec.type)) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatus(at(svc, 'status.loadBalancer'), wide);
      if (externalIPs.length > 0) return [...(lb === '' ? [] : lb.split(',')), ...externalIPs].join(',');
      return lb !== '' ? lb : '<pending>';
    }
    case 'ExternalName':
      return str(spec.externalName);
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `80:30080/TCP`. */
export function servicePorts(ports: Json[]): string {
  return ports
    .map((port) => {
      const protocol = str(port.protocol) || 'TCP';
      return num(port.nodePort) > 0 ? `${num(port.port)}:${num(port.nodePort)}/${protocol}` : `${num(port.port)}/${protocol}`;
    })
    .join(',');
}

export const SERVICES: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Type' }, { name: 'Cluster-IP' }, { name: 'External-IP' }, { name: 'Port(s)' }, { name: 'Age' }, wideColumn('Selector')],
  row(svc, { now, wide }) {
    const spec = obj(svc.spec);
    const clusterIP = strs(spec.clusterIPs)[0] ?? '<none>';
    const ports = servicePorts(arr(spec.ports)) || '<none>';
    const cells: Cell[] = [nameOf(svc), str(spec.type), clusterIP, serviceExternalIP(svc, wide), ports, age(svc, now)];
    if (wide) cells.push(formatLabels(spec.selector));
    return cells;
  },
};

/** formatEndpoints: up to three `ip:port`, then `+ N more...`; `<none>` without subsets. */
export function formatEndpoints(endpoints: Json, portNames?: ReadonlySet<string>): string {
  const subsets = arr(endpoints.subsets);
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const subset of subsets) {
    const addresses = arr(subset.addresses);
    const ports = arr(subset.ports);
    if (ports.length === 0) {
      count += addresses.length;
      for (const address of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(str(address.ip));
      }
      continue;
    }
    for (const port of ports) {
      if (portNames && !portNames.has(str(port.name))) continue;
      count += addresses.length;
      for (const address of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(str(address.ip), num(port.port)));
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

export const ENDPOINTS: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Endpoints' }, { name: 'Age' }],
  row(ep, { now }) {
    return [nameOf(ep), formatEndpoints(ep), age(ep, now)];
  },
};

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const text = list.join(',');
  if (more) return `${text} + ${count - max} more...`;
  return text === '' ? '<unset>' : text;
}

export const ENDPOINTSLICES: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'AddressType' }, { name: 'Ports' }, { name: 'Endpoints' }, { name: 'Age' }],
  row(slice, { now }) {
    const max = 3;
    const ports = arr(slice.ports);
    const portList = ports.slice(0, max).map((p) => (p.port !== undefined && p.port !== null ? String(num(p.port)) : p.name !== undefined ? str(p.name) : '*'));
    const addresses = arr(slice.endpoints).flatMap((e) => strs(e.addresses));
    return [
      nameOf(slice), str(slice.addressType), listWithMore(portList, ports.length > max, ports.length, max),
      listWithMore(addresses.slice(0, max), addresses.length > max, addresses.length, max), age(slice, now),
    ];
  },
};

/** formatHosts: up to three hosts, `*` when no rule names one. */
function ingressHosts(rules: Json[]): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  for (const rule of rules) {
    if (list.length === max) more = true;
    if (!more && str(rule.host) !== '') list.push(str(rule.host));
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${rules.length - max} more...` : list.join(',');
}

export const INGRESSES: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Class' }, { name: 'Hosts' }, { name: 'Address' }, { name: 'Ports' }, { name: 'Age' }],
  row(ing, { now, wide }) {
    const spec = obj(ing.spec);
    const className = spec.ingressClassName === undefined || spec.ingressClassName === null ? '<none>' : str(spec.ingressClassName);
    const ports = arr(spec.tls).length > 0 ? '80, 443' : '80';
    return [nameOf(ing), className, ingressHosts(arr(spec.rules)), loadBalancerStatus(at(ing, 'status.loadBalancer'), wide), ports, age(ing, now)];
  },
};

export const INGRESSCLASSES: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Controller' }, { name: 'Parameters' }, { name: 'Age' }],
  row(ic, { now }) {
    const spec = obj(ic.spec);
    let parameters = '<none>';
    if (spec.parameters) {
      const p = obj(spec.parameters);
      parameters = `${str(p.kind)}${p.apiGroup !== undefined ? `.${str(p.apiGroup)}` : ''}/${str(p.name)}`;
    }
    return [nameOf(ic), str(spec.controller), parameters, age(ic, now)];
  },
};

export const NETWORKPOLICIES: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Pod-Selector' }, { name: 'Age' }],
  row(np, { now }) {
    return [nameOf(np), formatLabelSelector(at(np, 'spec.podSelector') ?? {}), age(np, now)];
  },
};
