/**
 * The API server's URL layout (k8s.io/apiserver endpoints/installer.go): discovery paths,
 * then resource paths, `/api/v1/...` for the core group and `/apis/GROUP/VERSION/...` for
 * the others, namespaced resources under `namespaces/NS/`:
 *
 *   /apis/apps/v1/namespaces/default/deployments/web/scale
 *   /api/v1/nodes/worker-1/status
 *   /api/v1/namespaces/dev            (the Namespace itself)
 */
import { KINDS, type KindInfo } from '../src/api/catalog';

export type Route =
  | { type: 'version' }
  | { type: 'health' }
  | { type: 'api' }
  | { type: 'apis' }
  | { type: 'group'; group: string }
  | { type: 'groupVersion'; group: string; version: string }
  | { type: 'openapiV2' }
  | { type: 'openapiV3' }
  | { type: 'openapiV3Doc'; group: string; version: string }
  | { type: 'resource'; target: ResourceTarget }
  | { type: 'unknown' };

/** A request on a resource, its objects or one of their subresources. */
export interface ResourceTarget {
  info: KindInfo;
  /** '' for cluster-scoped resources, and for a namespaced list across all namespaces. */
  namespace: string;
  /** '' for the collection. */
  name: string;
  /** `status`, `scale`, `log`, `eviction`... ('' for the object itself). */
  subresource: string;
}

const byGroupVersionResource = new Map(KINDS.map((info) => [`${info.group}/${info.version}/${info.resource}`, info]));

/** The kind served at GROUP/VERSION/RESOURCE. */
export function kindAt(group: string, version: string, resource: string): KindInfo | undefined {
  return byGroupVersionResource.get(`${group}/${version}/${resource}`);
}

/** True when GROUP/VERSION is served at all. */
export function servesGroupVersion(group: string, version: string): boolean {
  return KINDS.some((info) => info.group === group && info.version === version);
}

/** Namespaces' own subresources, which would otherwise read as `namespaces/NS/RESOURCE`. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function resourceRoute(group: string, version: string, segments: readonly string[]): Route {
  if (!servesGroupVersion(group, version)) return { type: 'unknown' };
  if (segments.length === 0) return { type: 'groupVersion', group, version };
  let namespace = '';
  let rest = segments;
  const namespaceSubresource = group === '' && segments.length === 3 && NAMESPACE_SUBRESOURCES.has(segments[2]!);
  if (segments[0] === 'namespaces' && segments.length >= 3 && !namespaceSubresource) {
    namespace = segments[1]!;
    rest = segments.slice(2);
  }
  const [resource, name = '', subresource = '', ...extra] = rest;
  // pods/NAME/proxy/PATH...: the rest belongs to the proxied request.
  if (extra.length > 0 && subresource !== 'proxy') return { type: 'unknown' };
  const info = kindAt(group, version, resource!);
  if (!info) return { type: 'unknown' };
  // A cluster-scoped resource under namespaces/NS/ does not exist.
  if (namespace !== '' && !info.namespaced) return { type: 'unknown' };
  return { type: 'resource', target: { info, namespace, name, subresource } };
}

/** The route of a URL path (without its query). */
export function route(path: string): Route {
  const segments = path.split('/').filter((segment) => segment !== '').map(decodeURIComponent);
  const [first, second, third] = segments;
  switch (first) {
    case 'version':
      return segments.length === 1 ? { type: 'version' } : { type: 'unknown' };
    case 'healthz':
    case 'livez':
    case 'readyz':
      return { type: 'health' };
    case 'openapi':
      if (second === 'v2' && segments.length === 2) return { type: 'openapiV2' };
      if (second === 'v3' && segments.length === 2) return { type: 'openapiV3' };
      if (second === 'v3' && third === 'api' && segments.length === 4) return { type: 'openapiV3Doc', group: '', version: segments[3]! };
      if (second === 'v3' && third === 'apis' && segments.length === 5) return { type: 'openapiV3Doc', group: segments[3]!, version: segments[4]! };
      return { type: 'unknown' };
    case 'api':
      if (segments.length === 1) return { type: 'api' };
      return resourceRoute('', second!, segments.slice(2));
    case 'apis':
      if (segments.length === 1) return { type: 'apis' };
      if (segments.length === 2) return KINDS.some((info) => info.group === second) ? { type: 'group', group: second! } : { type: 'unknown' };
      return resourceRoute(second!, third!, segments.slice(3));
    default:
      return { type: 'unknown' };
  }
}
