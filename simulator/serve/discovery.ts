/**
 * Discovery, what kubectl reads first: `/version`, `/api` and `/apis` (APIVersions,
 * APIGroupList), `/api/v1` and `/apis/GROUP/VERSION` (APIResourceList), and the
 * aggregated discovery documents (apidiscovery.k8s.io/v2 APIGroupDiscoveryList) that
 * kubectl v1.26+ asks for with an Accept header and that spare it one request per group
 * version. Everything comes from the kind catalogue; only the subresources are listed here.
 */
import { KINDS, type KindInfo } from '../src/api/catalog';
import { CATEGORIES } from '../src/kubectl/apiResources';
import { hasStatusSubresource } from '../src/store/strategy';
import { KUBERNETES_VERSION } from '../src/version';

interface Subresource {
  name: string;
  /** The kind the subresource answers with (group, version, kind). */
  responseKind: { group: string; version: string; kind: string };
  verbs: readonly string[];
}

const GET_UPDATE = ['get', 'patch', 'update'];
const SCALE = { group: 'autoscaling', version: 'v1', kind: 'Scale' };
const SCALABLE = new Set(['apps/Deployment', 'apps/ReplicaSet', 'apps/StatefulSet', '/ReplicationController']);

/** Mirrors the subresources kube-apiserver v1.30 registers for pods: [name, kind, verbs, apiVersion]. */
const POD_SUBRESOURCES: readonly [string, string, readonly string[], string?][] = [
  ['attach', 'PodAttachOptions', ['create', 'get']],
  ['binding', 'Binding', ['create']],
  ['ephemeralcontainers', 'Pod', GET_UPDATE],
  ['eviction', 'Eviction', ['create'], 'policy/v1'],
  ['exec', 'PodExecOptions', ['create', 'get']],
  ['log', 'Pod', ['get']],
  ['portforward', 'PodPortForwardOptions', ['create', 'get']],
  ['proxy', 'PodProxyOptions', ['create', 'delete', 'get', 'patch', 'update']],
];

/** The subresources of a resource, sorted by name as discovery lists them. */
export function subresourcesOf(info: KindInfo): Subresource[] {
  const own = (kind: string, apiVersion = info.apiVersion): Subresource['responseKind'] => {
    const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
    return { group, version, kind };
  };
  const out: Subresource[] = [];
  const key = `${info.group}/${info.kind}`;
  if (key === '/Pod') for (const [name, kind, verbs, apiVersion] of POD_SUBRESOURCES) out.push({ name, responseKind: own(kind, apiVersion ?? 'v1'), verbs });
  if (key === '/Node' || key === '/Service') out.push({ name: 'proxy', responseKind: own(key === '/Node' ? 'NodeProxyOptions' : 'ServiceProxyOptions'), verbs: ['create', 'delete', 'get', 'patch', 'update'] });
  if (key === '/Namespace') out.push({ name: 'finalize', responseKind: own('Namespace'), verbs: ['update'] });
  if (key === '/ServiceAccount') out.push({ name: 'token', responseKind: own('TokenRequest', 'authentication.k8s.io/v1'), verbs: ['create'] });
  if (SCALABLE.has(key)) out.push({ name: 'scale', responseKind: SCALE, verbs: GET_UPDATE });
  if (hasStatusSubresource(info)) out.push({ name: 'status', responseKind: own(info.kind), verbs: GET_UPDATE });
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The subresource names a resource serves (`status`, `scale`, `log`...). */
export function servesSubresource(info: KindInfo, name: string): boolean {
  return subresourcesOf(info).some((subresource) => subresource.name === name);
}

/** Groups in catalogue order (core first), each with its versions, preferred first. */
function groups(): { name: string; versions: string[] }[] {
  const out: { name: string; versions: string[] }[] = [];
  for (const info of KINDS) {
    let group = out.find((entry) => entry.name === info.group);
    if (!group) out.push((group = { name: info.group, versions: [] }));
    if (!group.versions.includes(info.version)) {
      if (info.preferred) group.versions.unshift(info.version);
      else group.versions.push(info.version);
    }
  }
  return out;
}

const groupVersion = (group: string, version: string): string => (group === '' ? version : `${group}/${version}`);
const kindsOf = (group: string, version: string): KindInfo[] => KINDS.filter((info) => info.group === group && info.version === version);

/** `kubectl version`'s server half (version.Info). */
export function versionInfo(): Record<string, unknown> {
  const [major, minor] = KUBERNETES_VERSION.replace(/^v/, '').split('.') as [string, string];
  return {
    major,
    minor,
    gitVersion: KUBERNETES_VERSION,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-01-01T00:00:00Z',
    goVersion: 'go1.22.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** GET /api: APIVersions. */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function apiGroup(name: string, versions: readonly string[]): Record<string, unknown> {
  const entries = versions.map((version) => ({ groupVersion: groupVersion(name, version), version }));
  return { name, versions: entries, preferredVersion: entries[0] };
}

/** GET /apis: APIGroupList. */
export function apiGroupList(): Record<string, unknown> {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups().filter((group) => group.name !== '').map((group) => apiGroup(group.name, group.versions)) };
}

/** GET /apis/GROUP: APIGroup. */
export function apiGroupOf(name: string): Record<string, unknown> {
  const group = groups().find((entry) => entry.name === name)!;
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group.name, group.versions) };
}

/** GET /api/v1 or /apis/GROUP/VERSION: APIResourceList, subresources as `deployments/scale`. */
export function apiResourceList(group: string, version: string): Record<string, unknown> {
  const resources: Record<string, unknown>[] = [];
  for (const info of kindsOf(group, version)) {
    const resource: Record<string, unknown> = { name: info.resource, singularName: info.singular, namespaced: info.namespaced, kind: info.kind, verbs: [...info.verbs] };
    if (info.shortNames.length > 0) resource.shortNames = [...info.shortNames];
    const category = CATEGORIES[info.resource];
    if (category) resource.categories = [category];
    resources.push(resource);
    for (const sub of subresourcesOf(info)) {
      const entry: Record<string, unknown> = { name: `${info.resource}/${sub.name}`, singularName: '', namespaced: info.namespaced, kind: sub.responseKind.kind, verbs: [...sub.verbs] };
      if (sub.responseKind.group !== group || sub.responseKind.version !== version) Object.assign(entry, { group: sub.responseKind.group, version: sub.responseKind.version });
      resources.push(entry);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion(group, version), resources };
}

/** The aggregated discovery versions kubectl may ask for, newest first. */
const AGGREGATED_VERSIONS = ['v2', 'v2beta1'];

/**
 * The aggregated discovery version the Accept header asks for (`application/json;g=
 * apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList`), or undefined for the legacy
 * documents. Mirrors the API server's content negotiation: the first acceptable type wins.
 */
export function aggregatedVersion(accept: string): string | undefined {
  for (const mediaType of accept.split(',')) {
    const [type, ...parameters] = mediaType.split(';').map((part) => part.trim());
    const params = new Map(parameters.map((parameter) => parameter.split('=').map((part) => part.trim()) as [string, string]));
    if (type === 'application/json' && params.size === 0) return undefined;
    if (type !== 'application/json' || params.get('g') !== 'apidiscovery.k8s.io' || params.get('as') !== 'APIGroupDiscoveryList') continue;
    const version = params.get('v');
    if (version && AGGREGATED_VERSIONS.includes(version)) return version;
  }
  return undefined;
}

/** The Content-Type of an aggregated discovery document. */
export const aggregatedContentType = (version: string): string => `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;

function discoveryResource(info: KindInfo): Record<string, unknown> {
  const resource: Record<string, unknown> = {
    resource: info.resource,
    responseKind: { group: info.group, version: info.version, kind: info.kind },
    scope: info.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: info.singular,
    verbs: [...info.verbs],
  };
  if (info.shortNames.length > 0) resource.shortNames = [...info.shortNames];
  const category = CATEGORIES[info.resource];
  if (category) resource.categories = [category];
  const subresources = subresourcesOf(info).map((sub) => ({ subresource: sub.name, responseKind: sub.responseKind, verbs: [...sub.verbs] }));
  if (subresources.length > 0) resource.subresources = subresources;
  return resource;
}

/** GET /api or /apis as aggregated discovery: one APIGroupDiscovery per group, its versions preferred first. */
export function aggregatedDiscovery(legacy: boolean, version: string): Record<string, unknown> {
  const items = groups()
    .filter((group) => (group.name === '') === legacy)
    .map((group) => ({
      metadata: { name: group.name, creationTimestamp: null },
      versions: group.versions.map((groupVersionName) => ({
        version: groupVersionName,
        resources: kindsOf(group.name, groupVersionName).map(discoveryResource),
        freshness: 'Current',
      })),
    }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}
