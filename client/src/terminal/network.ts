/**
 * What the simulated cluster's network answers to an HTTP request: a name resolved as
 * CoreDNS would (`web`, `web.default`, `web.default.svc.cluster.local`, with the Pod's
 * search domains), a Service's port sent to one of its ready endpoints as kube-proxy
 * would, a NodePort on a node's address, and finally the container that listens on the
 * port: its server's answer, from the simulator's image programs (which paths they serve,
 * once they are ready) and the files the Pod really has (nginx serves a ConfigMap mounted
 * over its html folder). Used by curl and wget in the exec shell, and by port-forward.
 * Pure: reads the store at `now`.
 */
import { kindInfo } from '../../../simulator/src/api/catalog';
import { flag } from '../../../simulator/src/kubelet/daemon';
import { findImage, versionOf, type ImageInfo } from '../../../simulator/src/kubelet/images';
import type { Plan } from '../../../simulator/src/kubelet/plan';
import { parseReference } from '../../../simulator/src/kubelet/reference';
import { replay, type StateReader } from '../../../simulator/src/kubelet/replay';
import type { Machine } from '../../../simulator/src/kubelet/shell';
import { isJsonObject, type JsonObject } from '../../../simulator/src/store/json';
import { podFiles, type PodFiles } from './podFiles';

const PODS = kindInfo('v1', 'Pod')!;
const SERVICES = kindInfo('v1', 'Service')!;
const ENDPOINTS = kindInfo('v1', 'Endpoints')!;
const NODES = kindInfo('v1', 'Node')!;

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
const list = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const nameOf = (object: JsonObject): string => text(obj(object.metadata).name);
const namespaceOf = (object: JsonObject): string => text(obj(object.metadata).namespace) || 'default';

export interface HttpRequest {
  method: string;
  path: string;
  /** The Host header. */
  host: string;
  /** Who asks, for servers that tell (whoami): `10.244.1.7:43120`. */
  remote: string;
  userAgent: string;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Why a connection failed, as curl sees it. */
export type ConnectFailure = 'dns' | 'refused' | 'timeout' | 'eof';

export type HttpOutcome = { ok: true; ip: string; answer: HttpAnswer } | { ok: false; failure: ConnectFailure; ip?: string };

export const REASONS: Readonly<Record<number, string>> = { 200: 'OK', 301: 'Moved Permanently', 302: 'Found', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed', 502: 'Bad Gateway' };

/** A container that runs now, and what the simulator says it runs. */
export interface RunningContainer {
  name: string;
  image: ImageInfo | undefined;
  /** The program version its tag stands for (`1.27.3`). */
  version: string;
  plan: Plan;
  argv: string[];
  env: Record<string, string>;
  hostname: string;
  /** Its shell, if the image has one. */
  flavor: Machine['flavor'];
  /** The image's own programs (`nginx -v`). */
  program: Machine['program'];
  /** The container's files, volumes mounted (built on demand). */
  files(): PodFiles;
}

/** The containers of the Pod that run now (none before the kubelet started them). */
export function runningContainers(reader: StateReader, pod: JsonObject): RunningContainer[] {
  const out: RunningContainer[] = [];
  const specs = [...list(obj(pod.spec).initContainers), ...list(obj(pod.spec).containers)];
  for (const status of [...list(obj(pod.status).initContainerStatuses), ...list(obj(pod.status).containerStatuses)]) {
    const running = obj(obj(status.state).running);
    const spec = specs.find((c) => c.name === status.name);
    if (typeof running.startedAt !== 'string' || !spec) continue;
    const replayed = replay(reader, pod, text(status.name), text(status.image), Date.parse(running.startedAt), Number(status.restartCount ?? 0));
    if (!replayed) continue;
    const parsed = parseReference(text(status.image));
    const image = findImage(text(status.image));
    const { machine } = replayed.process;
    let files: PodFiles | undefined;
    out.push({
      name: text(status.name),
      image,
      version: image && parsed.ok ? versionOf(image, parsed.reference.tag) : '',
      plan: replayed.plan,
      argv: replayed.process.argv,
      env: machine.env,
      hostname: machine.hostname,
      flavor: machine.flavor,
      program: (argv) => machine.program(argv),
      files: () => (files ??= podFiles(reader, pod, spec, machine.files)),
    });
  }
  return out;
}

/** Where a name or address leads. */
type Destination = { ip: string } & ({ pod: JsonObject } | { service: JsonObject } | { node: JsonObject } | { nowhere: true });

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

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

/** Resolves `host` from a Pod of `namespace` (its resolv.conf search list), or undefined (NXDOMAIN). */
function resolve(reader: StateReader, host: string, namespace: string, from: JsonObject | undefined, pick: (count: number) => number): Destination | undefined {
  if (host === 'localhost' || host === '127.0.0.1') return from ? { ip: '127.0.0.1', pod: from } : { ip: '127.0.0.1', nowhere: true };
  if (IPV4.test(host)) {
    const service = reader.list(SERVICES).find((s) => text(obj(s.spec).clusterIP) === host);
    if (service) return { ip: host, service };
    const pod = reader.list(PODS).find((p) => text(obj(p.status).podIP) === host);
    if (pod) return { ip: host, pod };
    const node = reader.list(NODES).find((n) => list(obj(n.status).addresses).some((a) => text(a.address) === host));
    return node ? { ip: host, node } : { ip: host, nowhere: true };
  }
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
  for (const container of runningContainers(reader, pod)) {
    const daemon = container.plan.daemon;
    if (!daemon || !daemon.ports.includes(port) || now < daemon.at + daemon.readyAfterMs) continue;
    if (container.plan.exit && container.plan.exit.at <= now) continue;
    const status = daemon.http(request.path);
    if (status === 'eof') return 'eof';
    return page(container, status, request, pod);
  }
  return 'refused';
}

/** The pod behind a Destination and port (through the Service or the NodePort), if any. */
function backendOf(reader: StateReader, destination: Destination, port: number, pick: (count: number) => number): { pod: JsonObject; port: number } | 'refused' | 'timeout' {
  if ('pod' in destination) return { pod: destination.pod, port };
  if ('nowhere' in destination) return 'timeout';
  if ('service' in destination) {
    const servicePort = list(obj(destination.service.spec).ports).find((p) => Number(p.port) === port);
    return (servicePort && serviceBackend(reader, destination.service, servicePort, pick)) ?? 'refused';
  }
  for (const service of reader.list(SERVICES)) {
    const servicePort = list(obj(service.spec).ports).find((p) => Number(p.nodePort) === port);
    if (servicePort) return serviceBackend(reader, service, servicePort, pick) ?? 'refused';
  }
  return 'refused';
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

/** An HTTP request from a Pod (or from outside when `from` is undefined) to `url`. */
export function httpRequest(reader: StateReader, now: number, from: { pod?: JsonObject; namespace: string }, url: Url, options: { method?: string; pick?: (count: number) => number } = {}): HttpOutcome {
  const pick = options.pick ?? (() => 0);
  const destination = resolve(reader, url.host, from.namespace, from.pod, pick);
  if (!destination) return { ok: false, failure: 'dns' };
  const backend = backendOf(reader, destination, url.port, pick);
  if (backend === 'refused' || backend === 'timeout') return { ok: false, failure: backend, ip: destination.ip };
  const podIP = text(obj(from.pod?.status).podIP) || '10.244.0.1';
  const request: HttpRequest = { method: options.method ?? 'GET', path: url.path, host: url.port === 80 ? url.host : `${url.host}:${url.port}`, remote: `${podIP}:${43000 + (now % 2000)}`, userAgent: 'curl/8.5.0' };
  const answer = podAnswer(reader, now, backend.pod, backend.port, request);
  if (answer === 'refused' || answer === 'eof') return { ok: false, failure: answer, ip: destination.ip };
  return { ok: true, ip: destination.ip, answer };
}

const html = (status: number, body: string, server?: string): HttpAnswer => ({ status, headers: { ...(server ? { Server: server } : {}), 'Content-Type': 'text/html' }, body });
const plain = (status: number, body: string): HttpAnswer => ({ status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body });
const found = (location: string): HttpAnswer => ({ status: 302, headers: { 'Content-Type': 'text/html; charset=utf-8', Location: location }, body: `<a href="${location}">Found</a>.\n\n` });

/** A static server: the file under `root`, `index.html` for a folder, its own error pages. */
function staticFiles(container: RunningContainer, root: string, path: string, error: (status: number) => HttpAnswer, server: string): HttpAnswer {
  const { files, directories } = container.files();
  const clean = decodeURIComponent(path.split('?')[0]!).replace(/\/+$/, '');
  const target = `${root}${clean}`;
  const file = files.get(target) ?? (directories.has(target) || clean === '' ? files.get(`${target}/index.html`) : undefined);
  if (file !== undefined) return html(200, file, server);
  return error(directories.has(target) || clean === '' ? 403 : 404);
}

function nginxError(version: string): (status: number) => HttpAnswer {
  return (status) => {
    const title = `${status} ${REASONS[status] ?? ''}`;
    return html(status, `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`, `nginx/${version}`);
  };
}

function apacheError(status: number): HttpAnswer {
  const title = `${status} ${REASONS[status] ?? ''}`;
  const why = status === 403 ? "<p>You don't have permission to access this resource.</p>" : '<p>The requested URL was not found on this server.</p>';
  return html(status, `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${title}</title>\n</head><body>\n<h1>${REASONS[status] ?? ''}</h1>\n${why}\n</body></html>\n`, 'Apache/2.4.62 (Unix)');
}

/** Each image's answer (the simulator says which paths it serves; the bodies are its own). */
function page(container: RunningContainer, status: number, request: HttpRequest, pod: JsonObject): HttpAnswer {
  const path = request.path.split('?')[0]!;
  const version = container.version;
  switch (container.image?.name) {
    case 'nginx':
      return staticFiles(container, '/usr/share/nginx/html', path, nginxError(version), `nginx/${version}`);
    case 'httpd':
      return staticFiles(container, '/usr/local/apache2/htdocs', path, apacheError, `Apache/${version} (Unix)`);
    case 'traefik/whoami': {
      const podIP = text(obj(pod.status).podIP);
      const lines = [`Hostname: ${container.hostname}`, 'IP: 127.0.0.1', 'IP: ::1', `IP: ${podIP}`, `RemoteAddr: ${request.remote}`, `${request.method} ${request.path} HTTP/1.1`, `Host: ${request.host}`, `User-Agent: ${request.userAgent}`, 'Accept: */*'];
      return plain(200, `${lines.join('\n')}\n\n`);
    }
    case 'hashicorp/http-echo':
      return plain(200, `${flag(container.argv.slice(1), 'text') ?? container.env.ECHO_TEXT ?? ''}\n`);
    case 'gcr.io/google-samples/hello-app':
      return plain(200, `Hello, world!\nVersion: ${version.split('.').length === 2 ? `${version}.0` : version}\nHostname: ${container.hostname}\n`);
    case 'registry.k8s.io/hpa-example':
      return status === 200 ? html(200, 'OK!') : apacheError(404);
    case 'prom/prometheus':
      if (path === '/') return found('/graph');
      if (path === '/-/ready') return plain(200, 'Prometheus Server is Ready.\n');
      if (path === '/-/healthy') return plain(200, 'Prometheus Server is Healthy.\n');
      if (path === '/metrics') return plain(200, '# HELP prometheus_build_info A metric with a constant \'1\' value.\n# TYPE prometheus_build_info gauge\nprometheus_build_info{version="' + version + '"} 1\n');
      return status === 200 ? html(200, '<!doctype html><html lang="en"><head><title>Prometheus Time Series Collection and Processing Server</title></head><body></body></html>\n') : plain(404, '404 page not found\n');
    case 'grafana/grafana':
      if (path === '/') return found('/login');
      if (path === '/api/health') return { status: 200, headers: { 'Content-Type': 'application/json' }, body: `{\n  "database": "ok",\n  "version": "${version}"\n}` };
      return status === 200 ? html(200, '<!DOCTYPE html>\n<html lang="en"><head><title>Grafana</title></head><body></body></html>\n') : plain(404, '404 page not found\n');
    case 'python': {
      const entries = [...container.files().directories].filter((dir) => dir !== '/' && !dir.slice(1).includes('/')).map((dir) => `${dir.slice(1)}/`);
      const items = entries.sort().map((entry) => `<li><a href="${entry}">${entry}</a></li>`).join('\n');
      return html(200, `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n${items}\n</ul>\n<hr>\n</body>\n</html>\n`, `SimpleHTTP/0.6 Python/${version}`);
    }
    default:
      return status === 200 ? plain(200, 'OK\n') : plain(status, '404 page not found\n');
  }
}
