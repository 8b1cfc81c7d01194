/**
 * Ingress resolution as the simulated cluster's controller, ingress-nginx installed the way
 * kind documents it (IngressClass `nginx`, `--watch-ingress-without-class=true`, host ports
 * 80 and 443 on the node), routes a request:
 *
 * - Ingresses of class `nginx` (or of an IngressClass whose controller is
 *   `k8s.io/ingress-nginx`), and those without a class, are served; others are ignored.
 * - The request's Host picks a server: a rule's exact host, else the longest wildcard
 *   (`*.example.com`, one label deep), else the catch-all server of the rules without host.
 * - In that server the longest matching path wins, Exact before Prefix at equal length,
 *   the oldest Ingress first (ingress-nginx: "the oldest rule wins"). Prefix matches path
 *   elements (`/api` matches `/api` and `/api/v1`, not `/apis`); ImplementationSpecific is
 *   nginx's plain string prefix (`location /api`), as ingress-nginx generates it.
 * - Nothing matches: the host's Ingress `defaultBackend` (for the catch-all server, that of
 *   an Ingress without rules), else the controller's 404.
 *
 * Mirrors ingress-nginx's controller.go createServers. Pure: reads the store.
 */
import { kindInfo } from '../api/catalog';
import type { StateReader } from '../kubelet/replay';
import { list, obj, text } from '../kubelet/util';
import { isJsonObject, type JsonObject } from '../store/json';

const INGRESSES = kindInfo('networking.k8s.io/v1', 'Ingress')!;
const INGRESS_CLASSES = kindInfo('networking.k8s.io/v1', 'IngressClass')!;
const SERVICES = kindInfo('v1', 'Service')!;
const PODS = kindInfo('v1', 'Pod')!;

/** The class and controller name of the simulated ingress-nginx. */
export const INGRESS_CLASS = 'nginx';
export const INGRESS_CONTROLLER = 'k8s.io/ingress-nginx';

/** Where an Ingress sent a request. */
export interface IngressRoute {
  /** The Ingress whose rule (or default backend) matched. */
  ingress: JsonObject;
  /** The server's host: the rule's host (`*.example.com` for a wildcard), '' for the catch-all. */
  host: string;
  /** The path that matched; undefined when the default backend answered. */
  path?: { path: string; pathType: string };
  /** The IngressBackend: `service: { name, port: { number } | { name } }` (or `resource`). */
  backend: JsonObject;
}

const created = (object: JsonObject): string => text(obj(object.metadata).creationTimestamp);
const keyOf = (object: JsonObject): string => `${text(obj(object.metadata).namespace)}/${text(obj(object.metadata).name)}`;

/** The Ingresses the controller serves, oldest first (the order ingress-nginx builds its servers in). */
export function servedIngresses(reader: StateReader): JsonObject[] {
  const ours = new Set([INGRESS_CLASS, ...reader.list(INGRESS_CLASSES).filter((c) => text(obj(c.spec).controller) === INGRESS_CONTROLLER).map((c) => text(obj(c.metadata).name))]);
  return reader
    .list(INGRESSES)
    .filter((ingress) => {
      const className = text(obj(ingress.spec).ingressClassName) || text(obj(obj(ingress.metadata).annotations)['kubernetes.io/ingress.class']);
      return className === '' || ours.has(className);
    })
    .sort((a, b) => (created(a) < created(b) ? -1 : created(a) > created(b) ? 1 : keyOf(a) < keyOf(b) ? -1 : 1));
}

/** Does the request path match the Ingress path of that type? */
export function pathMatches(pathType: string, rulePath: string, requestPath: string): boolean {
  const request = requestPath.split('?')[0] || '/';
  if (pathType === 'Exact') return request === rulePath;
  if (pathType === 'Prefix') {
    const prefix = rulePath.replace(/\/+$/, '');
    return prefix === '' || request === prefix || request.startsWith(`${prefix}/`);
  }
  return request.startsWith(rulePath);
}

/** `*.example.com` matches `web.example.com`, not `example.com` nor `a.web.example.com`. */
function wildcardMatches(wildcard: string, host: string): boolean {
  const suffix = wildcard.slice(1);
  return host.endsWith(suffix) && host.length > suffix.length && !host.slice(0, -suffix.length).includes('.');
}

/** The server that takes the request: its host ('' for the catch-all). */
function serverFor(ingresses: JsonObject[], host: string): string {
  const hosts = new Set(ingresses.flatMap((ingress) => list(obj(ingress.spec).rules).map((rule) => text(rule.host).toLowerCase())).filter((h) => h !== ''));
  if (hosts.has(host)) return host;
  const wildcards = [...hosts].filter((h) => h.startsWith('*.') && wildcardMatches(h, host)).sort((a, b) => b.length - a.length);
  return wildcards[0] ?? '';
}

/** The backend Service of an IngressBackend exists (ingress-nginx skips a default backend whose Service does not). */
function serviceExists(reader: StateReader, ingress: JsonObject, backend: unknown): boolean {
  const service = obj(obj(backend).service);
  return text(service.name) !== '' && reader.get(SERVICES, text(obj(ingress.metadata).namespace) || 'default', text(service.name)) !== undefined;
}

/**
 * Where `host` and `path` lead through the served Ingresses, or undefined: the controller
 * answers 404 itself. `host` may carry a port (`web.example.com:8080`), as a Host header does.
 */
export function resolveIngress(reader: StateReader, host: string, path: string): IngressRoute | undefined {
  const name = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  const ingresses = servedIngresses(reader);
  const server = serverFor(ingresses, name);
  const matches: { route: IngressRoute; rank: number[] }[] = [];
  ingresses.forEach((ingress, order) => {
    for (const rule of list(obj(ingress.spec).rules)) {
      if (text(rule.host).toLowerCase() !== server) continue;
      for (const entry of list(obj(rule.http).paths)) {
        const rulePath = text(entry.path) || '/';
        const pathType = text(entry.pathType) || 'ImplementationSpecific';
        if (!pathMatches(pathType, rulePath, path)) continue;
        // Longest path first, then Exact, then the oldest Ingress.
        const rank = [-rulePath.replace(/(.)\/+$/, '$1').length, pathType === 'Exact' ? 0 : 1, order];
        matches.push({ route: { ingress, host: server, path: { path: rulePath, pathType }, backend: obj(entry.backend) }, rank });
      }
    }
  });
  const best = matches.sort((a, b) => a.rank[0]! - b.rank[0]! || a.rank[1]! - b.rank[1]! || a.rank[2]! - b.rank[2]!)[0];
  if (best) return best.route;
  const fallback =
    server === ''
      ? ingresses.find((ingress) => list(obj(ingress.spec).rules).length === 0 && serviceExists(reader, ingress, obj(ingress.spec).defaultBackend))
      : ingresses.find((ingress) => list(obj(ingress.spec).rules).some((rule) => text(rule.host).toLowerCase() === server));
  if (!fallback || !serviceExists(reader, fallback, obj(fallback.spec).defaultBackend)) return undefined;
  return { ingress: fallback, host: server, backend: obj(obj(fallback.spec).defaultBackend) };
}

/** The backend's Service and port (a number, or the name of one of the Service's ports), or undefined for a resource backend. */
export function backendService(route: IngressRoute): { namespace: string; name: string; port: number | string } | undefined {
  const service = route.backend.service;
  if (!isJsonObject(service)) return undefined;
  const port = obj(service.port);
  return { namespace: text(obj(route.ingress.metadata).namespace) || 'default', name: text(service.name), port: typeof port.number === 'number' ? port.number : text(port.name) };
}

/**
 * The controller's Pod as a NetworkPolicy sees it (ingress-nginx's labels in its namespace):
 * the real one when the learner installed it, else a stand-in.
 */
export function ingressControllerPod(reader: StateReader): JsonObject {
  const labels = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };
  const real = reader.list(PODS, { namespace: 'ingress-nginx', labelSelector: 'app.kubernetes.io/name=ingress-nginx,app.kubernetes.io/component=controller' })[0];
  return real ?? { metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx', labels }, status: { podIP: '10.244.0.3' } };
}

/** The Service a learner may have created for the controller (ingress-nginx's manifests name it so). */
export const isControllerService = (service: JsonObject): boolean => text(obj(service.metadata).namespace) === 'ingress-nginx' && text(obj(service.metadata).name) === 'ingress-nginx-controller';
