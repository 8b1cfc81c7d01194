/**
 * What the simulated cluster's network answers to an HTTP request: a name resolved as
 * CoreDNS would (dns.ts), a Service's port sent to one of its ready endpoints as kube-proxy
 * would, a NodePort on a node's address, the ingress controller on a node's ports 80 and
 * 443 (ingress.ts), NetworkPolicies deciding on the way (policy.ts: a refused connection
 * is dropped, the client times out), and finally the container that listens on the port:
 * its server's answer (pages.ts), from the simulator's image programs and the files the
 * Pod really has. Each outcome carries the hops it went through, for the route a URL takes
 * (route.ts). Used by curl and wget in the exec shell, and by port-forward. Pure: reads
 * the store at `now`.
 */
import { kindInfo } from '../api/catalog';
import { hexDigits } from '../kubelet/hash';
import type { StateReader } from '../kubelet/replay';
import { list, obj, text } from '../kubelet/util';
import type { JsonObject } from '../store/json';
import { runningContainers } from './containers';
import { addressOf, canResolve, IPV4, resolve, type Destination } from './dns';
import { backendService, ingressControllerPod, isControllerService, resolveIngress } from './ingress';
import { ingressErrorPage, nginxErrorPage, page, type HttpAnswer, type HttpRequest } from './pages';
import { connectionVerdict, type Peer } from './policy';

export type { HttpAnswer, HttpRequest } from './pages';
export { REASONS } from './pages';

const SERVICES = kindInfo('v1', 'Service')!;
const ENDPOINTS = kindInfo('v1', 'Endpoints')!;
const PODS = kindInfo('v1', 'Pod')!;

const nameOf = (object: JsonObject): string => text(obj(object.metadata).name);
const namespaceOf = (object: JsonObject): string => text(obj(object.metadata).namespace) || 'default';
const keyOf = (object: JsonObject): string => `${namespaceOf(object)}/${nameOf(object)}`;

/** Where a request from outside the cluster comes from (kind's Docker network gateway). */
export const OUTSIDE_IP = '172.18.0.1';

/** Why a connection failed, as curl sees it. */
export type ConnectFailure = 'dns' | 'refused' | 'timeout' | 'eof';

/** One step of a request's way through the cluster. */
export type Hop =
  | { kind: 'dns'; name: string; ip: string }
  | { kind: 'controller'; ip: string }
  | { kind: 'ingress'; ingress?: string; host?: string; path?: string; pathType?: string }
  | { kind: 'service'; service: string; port: number }
  | { kind: 'nodePort'; node: string; port: number }
  | { kind: 'pod'; pod: string; ip: string; port: number }
  | { kind: 'denied'; by: 'egress' | 'ingress'; policies: string[] };

export type HttpOutcome = ({ ok: true; ip: string; answer: HttpAnswer; tls?: 'self-signed' } | { ok: false; failure: ConnectFailure; ip?: string }) & { hops: Hop[] };

export interface RequestOptions {
  method?: string;
  /** Which endpoint kube-proxy picks among `count`. */
  pick?: (count: number) => number;
  /** The Host header (`curl -H 'Host: web.example.com'`); the URL's host otherwise. */
  host?: string;
  /** `curl --resolve HOST:PORT:ADDRESS`: addresses by `host:port`. */
  resolve?: Readonly<Record<string, string>>;
  userAgent?: string;
}

export interface Url {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

/** `web`, `http://web:8080/x`, `10.96.0.12/health`. */
export function parseUrl(url: string): Url | undefined {
  const match = /^(?:([a-z]+):\/\/)?([^/:?#\s]+)(?::(\d+))?([/?][^\s#]*)?$/i.exec(url);
  if (!match) return undefined;
  const scheme = (match[1] ?? 'http').toLowerCase();
  const path = match[4] ?? '/';
  return { scheme, host: match[2]!, port: match[3] ? Number(match[3]) : scheme === 'https' ? 443 : 80, path: path.startsWith('?') ? `/${path}` : path };
}

/** A Service port to one ready endpoint (kube-proxy's choice), or undefined: no endpoint, connection refused. */
export function serviceBackend(reader: StateReader, service: JsonObject, servicePort: JsonObject, pick: (count: number) => number): { pod: JsonObject; port: number } | undefined {
  const name = text(servicePort.name);
  const backends: { ref: string; port: number }[] = [];
  for (const subset of list(obj(reader.get(ENDPOINTS, namespaceOf(service), nameOf(service))).subsets)) {
    const port = list(subset.ports).find((p) => text(p.name) === name) ?? (name === '' ? list(subset.ports)[0] : undefined);
    if (!port) continue;
    for (const address of list(subset.addresses)) backends.push({ ref: text(obj(address.targetRef).name), port: Number(port.port) });
  }
  if (backends.length === 0) return undefined;
  const chosen = backends[pick(backends.length) % backends.length]!;
  const pod = reader.get(PODS, namespaceOf(service), chosen.ref);
  return pod ? { pod, port: chosen.port } : undefined;
}

/** The first container port of that number or name (a Service's targetPort). */
export function containerPort(pod: JsonObject, target: unknown): number | undefined {
  if (typeof target === 'number') return target;
  const named = /^\d+$/.test(text(target)) ? Number(text(target)) : undefined;
  if (named !== undefined) return named;
  for (const container of list(obj(pod.spec).containers)) for (const port of list(container.ports)) if (text(port.name) === text(target)) return Number(port.containerPort);
  return undefined;
}

/** What the container listening on `port` answers, or why nobody does. */
export function podAnswer(reader: StateReader, now: number, pod: JsonObject, port: number, request: HttpRequest): HttpAnswer | 'refused' | 'eof' {
  for (const container of runningContainers(reader, pod, now)) {
    const daemon = container.plan.daemon;
    if (!daemon || !daemon.ports.includes(port) || now < daemon.at + daemon.readyAfterMs) continue;
    if (container.plan.exit && container.plan.exit.at <= now) continue;
    const status = daemon.http(request.path);
    if (status === 'eof') return 'eof';
    return page(container, status, request, pod, { reader, now });
  }
  return 'refused';
}

/** The Pod behind a Destination and port (through the Service or the NodePort), if any. */
function backendOf(reader: StateReader, destination: Destination, port: number, pick: (count: number) => number, hops: Hop[]): { pod: JsonObject; port: number } | 'refused' | 'timeout' {
  if ('pod' in destination) return { pod: destination.pod, port };
  if ('nowhere' in destination) return 'timeout';
  if ('service' in destination) {
    hops.push({ kind: 'service', service: keyOf(destination.service), port });
    const servicePort = list(obj(destination.service.spec).ports).find((p) => Number(p.port) === port);
    return (servicePort && serviceBackend(reader, destination.service, servicePort, pick)) ?? 'refused';
  }
  for (const service of reader.list(SERVICES)) {
    const servicePort = list(obj(service.spec).ports).find((p) => Number(p.nodePort) === port);
    if (!servicePort) continue;
    hops.push({ kind: 'nodePort', node: nameOf(destination.node), port }, { kind: 'service', service: keyOf(service), port: Number(servicePort.port) });
    return serviceBackend(reader, service, servicePort, pick) ?? 'refused';
  }
  return 'refused';
}

const podHop = (pod: JsonObject, port: number): Hop => ({ kind: 'pod', pod: keyOf(pod), ip: text(obj(pod.status).podIP), port });
const deniedHop = (verdict: ReturnType<typeof connectionVerdict>): Hop => ({ kind: 'denied', by: verdict.deniedBy!, policies: verdict.policies });
const ipOf = (peer: Peer): string => ('ip' in peer ? peer.ip : text(obj(peer.pod.status).podIP));

/** The controller proxies the request to the Ingress's backend, as ingress-nginx does (its own 404, 502, 503, 504). */
function viaIngress(reader: StateReader, now: number, source: Peer, request: HttpRequest, port: number, pick: (count: number) => number, hops: Hop[]): HttpAnswer {
  const route = resolveIngress(reader, request.host, request.path);
  if (!route) {
    hops.push({ kind: 'ingress' });
    return ingressErrorPage(404);
  }
  hops.push({ kind: 'ingress', ingress: keyOf(route.ingress), host: route.host, ...(route.path ? { path: route.path.path, pathType: route.path.pathType } : {}) });
  const target = backendService(route);
  const service = target && reader.get(SERVICES, target.namespace, target.name);
  if (!target || !service) return ingressErrorPage(503);
  const servicePort = list(obj(service.spec).ports).find((p) => (typeof target.port === 'number' ? Number(p.port) === target.port : text(p.name) === target.port));
  hops.push({ kind: 'service', service: keyOf(service), port: Number(servicePort?.port ?? target.port) || 0 });
  const backend = servicePort && serviceBackend(reader, service, servicePort, pick);
  if (!backend) return ingressErrorPage(503);
  hops.push(podHop(backend.pod, backend.port));
  const controller = ingressControllerPod(reader);
  const verdict = connectionVerdict(reader, { pod: controller }, { pod: backend.pod }, backend.port);
  if (!verdict.allowed) {
    // proxy_connect_timeout (5 s in ingress-nginx), then 504.
    hops.push(deniedHop(verdict));
    return ingressErrorPage(504);
  }
  const client = ipOf(source);
  const scheme = port === 443 ? 'https' : 'http';
  const extra: [string, string][] = [
    ['X-Forwarded-For', client],
    ['X-Forwarded-Host', request.host.replace(/:\d+$/, '')],
    ['X-Forwarded-Port', String(port)],
    ['X-Forwarded-Proto', scheme],
    ['X-Forwarded-Scheme', scheme],
    ['X-Real-Ip', client],
    ['X-Request-Id', hexDigits(`${now}:${request.host}:${request.path}`, 32)],
    ['X-Scheme', scheme],
  ];
  const answer = podAnswer(reader, now, backend.pod, backend.port, { ...request, remote: `${text(obj(controller.status).podIP)}:${40000 + (now % 2000)}`, extra });
  if (answer === 'refused' || answer === 'eof') return nginxErrorPage(502, 'nginx');
  // nginx hides the upstream's Server header and sends its own.
  const { Server: _server, ...headers } = answer.headers;
  return { ...answer, headers: { Server: 'nginx', ...headers } };
}

/** Whether the destination is the ingress controller: a node's port 80 or 443, or its own Service. */
function isController(destination: Destination, port: number): boolean {
  if ('node' in destination) return port === 80 || port === 443;
  return 'service' in destination && isControllerService(destination.service) && (port === 80 || port === 443);
}

/**
 * An HTTP request from a Pod (or from outside when `from.pod` is undefined: kind maps the
 * host's localhost:80 and :443 to the ingress controller) to `url`.
 */
export function httpRequest(reader: StateReader, now: number, from: { pod?: JsonObject; namespace: string }, url: Url, options: RequestOptions = {}): HttpOutcome {
  const hops: Hop[] = [];
  const pick = options.pick ?? (() => 0);
  const source: Peer = from.pod ? { pod: from.pod } : { ip: OUTSIDE_IP };
  const forced = options.resolve?.[`${url.host}:${url.port}`];
  let destination: Destination | undefined;
  if (forced !== undefined) destination = addressOf(reader, forced);
  else if (!from.pod && (url.host === 'localhost' || url.host === '127.0.0.1')) {
    if (url.port !== 80 && url.port !== 443) return { ok: false, failure: 'refused', ip: '127.0.0.1', hops };
    destination = { ip: '127.0.0.1', node: {} };
  } else {
    const named = !IPV4.test(url.host) && url.host !== 'localhost';
    // Without DNS (an egress policy that forgets kube-dns), no name resolves.
    destination = named && !canResolve(reader, from.pod) ? undefined : resolve(reader, url.host, from.namespace, from.pod, pick);
    if (named && destination) hops.push({ kind: 'dns', name: url.host, ip: destination.ip });
  }
  if (!destination) return { ok: false, failure: 'dns', hops };
  const request: HttpRequest = {
    method: options.method ?? 'GET',
    path: url.path,
    host: options.host ?? (url.port === 80 ? url.host : `${url.host}:${url.port}`),
    remote: `${ipOf(source)}:${43000 + (now % 2000)}`,
    userAgent: options.userAgent ?? 'curl/8.5.0',
  };
  if (isController(destination, url.port)) {
    hops.push({ kind: 'controller', ip: destination.ip });
    const controller = ingressControllerPod(reader);
    const verdict = connectionVerdict(reader, source, { pod: controller }, url.port);
    if (!verdict.allowed) return { ok: false, failure: 'timeout', ip: destination.ip, hops: [...hops, deniedHop(verdict)] };
    const answer = viaIngress(reader, now, source, request, url.port, pick, hops);
    return { ok: true, ip: destination.ip, answer, ...(url.port === 443 ? { tls: 'self-signed' as const } : {}), hops };
  }
  const backend = backendOf(reader, destination, url.port, pick, hops);
  if (backend === 'refused' || backend === 'timeout') return { ok: false, failure: backend, ip: destination.ip, hops };
  hops.push(podHop(backend.pod, backend.port));
  const verdict = connectionVerdict(reader, source, { pod: backend.pod }, backend.port);
  // A NetworkPolicy drops the packets: no answer, no reset; the client times out.
  if (!verdict.allowed) return { ok: false, failure: 'timeout', ip: destination.ip, hops: [...hops, deniedHop(verdict)] };
  const answer = podAnswer(reader, now, backend.pod, backend.port, request);
  if (answer === 'refused' || answer === 'eof') return { ok: false, failure: answer, ip: destination.ip, hops };
  return { ok: true, ip: destination.ip, answer, hops };
}
