/**
 * The `endpoint-controller`: for each Service with a selector, an Endpoints object of the
 * same name listing the Pods behind it. Mirrors kube-controller-manager's endpoints
 * controller (pkg/controller/endpoint, v1.30): ready Pods in `addresses`, not-ready ones in
 * `notReadyAddresses` (both, with publishNotReadyAddresses, as ready), Pods without an IP,
 * finished or terminating left out, named targetPorts resolved per Pod, addresses grouped
 * into subsets by the ports they serve (RepackSubsets), and no write when nothing changed.
 * Deleting the Service deletes its Endpoints.
 */
import { kindInfo } from '../api/catalog';
import { deepEqual, isJsonObject, type JsonObject } from '../store/json';
import type { KubeObject, WatchEvent } from '../store/store';
import { keyOf, splitKey, type Action, type Controller, type Reader, type ReconcileResult } from './types';

const SERVICES = kindInfo('v1', 'Service')!;
const PODS = kindInfo('v1', 'Pod')!;
const ENDPOINTS = kindInfo('v1', 'Endpoints')!;
const NAMESPACES = kindInfo('v1', 'Namespace')!;

const HEADLESS_LABEL = 'service.kubernetes.io/headless';
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

type Labels = Record<string, string>;

const metaOf = (object: KubeObject): JsonObject => (isJsonObject(object.metadata) ? object.metadata : {});
const specOf = (object: KubeObject): JsonObject => (isJsonObject(object.spec) ? object.spec : {});
const statusOf = (object: KubeObject): JsonObject => (isJsonObject(object.status) ? object.status : {});
const objects = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function stringMap(value: unknown): Labels {
  const out: Labels = {};
  if (isJsonObject(value)) for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  return out;
}

/** A Service's selector; an empty one selects nothing here (the API server stores it as nil). */
function selectorOf(service: KubeObject): Labels | undefined {
  const spec = specOf(service);
  if (spec.type === 'ExternalName') return undefined;
  const selector = stringMap(spec.selector);
  return Object.keys(selector).length > 0 ? selector : undefined;
}

const matches = (selector: Labels, labels: Labels): boolean => Object.entries(selector).every(([key, value]) => labels[key] === value);

/**
 * The Services of each namespace by selector, kept from the Service watch (an informer's
 * index): a Pod event finds its Services by its own labels, without scanning them all.
 * Each Service is filed under one of its selector's pairs; a Pod can only match it if it
 * carries that pair.
 */
class SelectorIndex {
  private readonly selectors = new Map<string, { namespace: string; selector: Labels; slot: string }>();
  private readonly slots = new Map<string, Set<string>>();

  set(key: string, namespace: string, selector: Labels | undefined): void {
    const known = this.selectors.get(key);
    if (known && selector && deepEqual(known.selector, selector)) return;
    this.delete(key);
    if (!selector) return;
    const first = Object.keys(selector).sort()[0]!;
    const slot = `${namespace}\u0000${first}=${selector[first]}`;
    this.selectors.set(key, { namespace, selector, slot });
    let keys = this.slots.get(slot);
    if (!keys) this.slots.set(slot, (keys = new Set()));
    keys.add(key);
  }

  delete(key: string): void {
    const known = this.selectors.get(key);
    if (!known) return;
    this.selectors.delete(key);
    const keys = this.slots.get(known.slot);
    keys?.delete(key);
    if (keys?.size === 0) this.slots.delete(known.slot);
  }

  /** The keys of the Services in `namespace` whose selector the labels satisfy. */
  matching(namespace: string, labels: Labels): string[] {
    const out: string[] = [];
    for (const [label, value] of Object.entries(labels)) {
      for (const key of this.slots.get(`${namespace}\u0000${label}=${value}`) ?? []) {
        if (matches(this.selectors.get(key)!.selector, labels)) out.push(key);
      }
    }
    return out;
  }
}

const isReady = (pod: KubeObject): boolean => objects(statusOf(pod).conditions).some((c) => c.type === 'Ready' && c.status === 'True');

/** Mirrors endpointsliceutil.ShouldPodBeInEndpoints. */
function shouldBeInEndpoints(pod: KubeObject, includeTerminating: boolean): boolean {
  const status = statusOf(pod);
  if (status.phase === 'Succeeded' || status.phase === 'Failed') return false;
  if (typeof status.podIP !== 'string' || status.podIP === '') return false;
  return includeTerminating || metaOf(pod).deletionTimestamp === undefined;
}

/** What of a Pod matters to Endpoints: a Pod event that changes none of it changes nothing. */
function fingerprint(pod: KubeObject): string {
  const meta = metaOf(pod);
  return [meta.uid, statusOf(pod).podIP, isReady(pod), specOf(pod).nodeName, meta.deletionTimestamp !== undefined, statusOf(pod).phase].join('\u0000');
}

/** Mirrors podutil.FindPort: a number as is, a name looked up in the Pod's container ports. */
function findPort(pod: KubeObject, servicePort: JsonObject): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  const protocol = servicePort.protocol ?? 'TCP';
  const spec = specOf(pod);
  // Sidecars (init containers with restartPolicy Always) serve too.
  const containers = [...objects(spec.containers), ...objects(spec.initContainers).filter((c) => c.restartPolicy === 'Always')];
  for (const container of containers) {
    for (const port of objects(container.ports)) {
      if (port.name === target && (port.protocol ?? 'TCP') === protocol && typeof port.containerPort === 'number') return port.containerPort;
    }
  }
  return undefined;
}

interface Member {
  address: JsonObject;
  ready: boolean;
}

/**
 * Mirrors RepackSubsets: the ports that reach exactly the same addresses share a subset.
 * Addresses are sorted by IP then uid as upstream does; ports keep the Service's order and
 * subsets follow their first address, then their ports (upstream sorts both by a hash, an
 * order no reader relies on).
 */
function repack(byPort: Map<string, { port: JsonObject | undefined; members: Map<string, Member> }>): JsonObject[] {
  const groups = new Map<string, { ports: JsonObject[]; members: Member[] }>();
  for (const { port, members } of byPort.values()) {
    const sorted = [...members.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, member]) => member);
    const key = sorted.map((member) => `${String(member.address.ip)}/${String((member.address.targetRef as JsonObject).uid)}/${member.ready}`).join(',');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports: [], members: sorted }));
    if (port) group.ports.push(port);
  }
  const subsets = [...groups.values()].map(({ ports, members }) => {
    const subset: JsonObject = {};
    const ready = members.filter((member) => member.ready).map((member) => member.address);
    const notReady = members.filter((member) => !member.ready).map((member) => member.address);
    if (ready.length > 0) subset.addresses = ready;
    if (notReady.length > 0) subset.notReadyAddresses = notReady;
    if (ports.length > 0) subset.ports = ports;
    return subset;
  });
  const order = (subset: JsonObject): string => `${str((objects(subset.addresses)[0] ?? objects(subset.notReadyAddresses)[0] ?? {}).ip)}\u0000${JSON.stringify(subset.ports ?? [])}`;
  return subsets.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** The latest change behind the Endpoints: the Service's creation or a Pod turning ready. */
function triggerTime(service: KubeObject, pods: readonly KubeObject[]): string {
  let latest = str(metaOf(service).creationTimestamp);
  for (const pod of pods) {
    const ready = objects(statusOf(pod).conditions).find((c) => c.type === 'Ready');
    const time = str(ready?.lastTransitionTime ?? metaOf(pod).creationTimestamp);
    if (time > latest) latest = time;
  }
  return latest;
}

/** A fresh `endpoint-controller` (it keeps an index of Services by selector). */
export function createEndpointsController(): Controller {
  const index = new SelectorIndex();
  // Pod key -> the Services it belonged to, and what of it Endpoints saw last.
  const seen = new Map<string, { services: string[]; fingerprint: string }>();

  function podKeys(event: WatchEvent): string[] {
    const pod = event.object;
    const key = keyOf(pod);
    const before = seen.get(key);
    if (event.type === 'DELETED') {
      seen.delete(key);
      return before?.services ?? [];
    }
    const services = index.matching(str(metaOf(pod).namespace), stringMap(metaOf(pod).labels));
    const print = fingerprint(pod);
    seen.set(key, { services, fingerprint: print });
    if (before && before.fingerprint === print && deepEqual(before.services, services)) return [];
    return [...new Set([...(before?.services ?? []), ...services])];
  }

  function sync(key: string, service: KubeObject, selector: Labels, reader: Reader): Action[] {
    const { namespace, name } = splitKey(key);
    const spec = specOf(service);
    const publishNotReady = spec.publishNotReadyAddresses === true;
    const servicePorts = objects(spec.ports);
    const headless = spec.clusterIP === 'None';
    const labelSelector = Object.entries(selector).map(([label, value]) => `${label}=${value}`).join(',');
    const byPort = new Map<string, { port: JsonObject | undefined; members: Map<string, Member> }>();
    const included: KubeObject[] = [];
    for (const pod of reader.list(PODS, { namespace, labelSelector })) {
      const podMeta = metaOf(pod);
      const podKey = keyOf(pod);
      // Remember the membership, so that a later change of the Pod's labels reaches this Service.
      const known = seen.get(podKey);
      if (!known) seen.set(podKey, { services: [key], fingerprint: fingerprint(pod) });
      else if (!known.services.includes(key)) known.services.push(key);
      if (!shouldBeInEndpoints(pod, publishNotReady)) continue;
      const podSpec = specOf(pod);
      const address: JsonObject = { ip: statusOf(pod).podIP };
      if (typeof podSpec.hostname === 'string' && podSpec.hostname !== '' && podSpec.subdomain === name) address.hostname = podSpec.hostname;
      if (typeof podSpec.nodeName === 'string' && podSpec.nodeName !== '') address.nodeName = podSpec.nodeName;
      address.targetRef = { kind: 'Pod', namespace, name: podMeta.name, uid: podMeta.uid };
      const member: Member = { address, ready: publishNotReady || isReady(pod) };
      const memberKey = `${String(address.ip)}\u0000${String(podMeta.uid)}`;
      const add = (portKey: string, port: JsonObject | undefined): void => {
        let entry = byPort.get(portKey);
        if (!entry) byPort.set(portKey, (entry = { port, members: new Map() }));
        entry.members.set(memberKey, member);
      };
      included.push(pod);
      // A headless Service without ports still lists its Pods (upstream's port -1 sentinel).
      if (servicePorts.length === 0 && headless) add('', undefined);
      for (const servicePort of servicePorts) {
        const number = findPort(pod, servicePort);
        if (number === undefined) continue;
        const port: JsonObject = {};
        if (typeof servicePort.name === 'string' && servicePort.name !== '') port.name = servicePort.name;
        port.port = number;
        port.protocol = servicePort.protocol ?? 'TCP';
        if (typeof servicePort.appProtocol === 'string') port.appProtocol = servicePort.appProtocol;
        add(JSON.stringify(port), port);
      }
    }
    const subsets = repack(byPort);
    const labels = stringMap(metaOf(service).labels);
    if (headless) labels[HEADLESS_LABEL] = '';
    else delete labels[HEADLESS_LABEL];
    const current = reader.get(ENDPOINTS, namespace, name);
    // Mirrors syncService: creating in a Terminating namespace is refused, and not retried.
    if (!current && metaOf(reader.get(NAMESPACES, '', namespace) ?? {}).deletionTimestamp !== undefined) return [];
    if (current && deepEqual(current.subsets ?? [], subsets) && deepEqual(stringMap(metaOf(current).labels), labels)) return [];
    const meta: JsonObject = current ? { ...metaOf(current) } : { name, namespace };
    if (Object.keys(labels).length > 0) meta.labels = labels;
    else delete meta.labels;
    const annotations = stringMap(meta.annotations);
    const time = triggerTime(service, included);
    if (time !== '') annotations[TRIGGER_TIME] = time;
    meta.annotations = annotations;
    const endpoints: KubeObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: meta };
    if (subsets.length > 0) endpoints.subsets = subsets;
    return [{ type: current ? 'update' : 'create', object: endpoints }];
  }

  return {
    name: 'endpoint-controller',
    triggers: [
      {
        info: SERVICES,
        keys: (event) => {
          const key = keyOf(event.object);
          if (event.type === 'DELETED') index.delete(key);
          else index.set(key, str(metaOf(event.object).namespace), selectorOf(event.object));
          return [key];
        },
      },
      { info: PODS, keys: podKeys },
      // Mirrors onEndpointsDelete: a deleted Endpoints is put back.
      { info: ENDPOINTS, keys: (event) => (event.type === 'DELETED' ? [keyOf(event.object)] : []) },
    ],
    reconcile(key: string, reader: Reader): ReconcileResult {
      const { namespace, name } = splitKey(key);
      const service = reader.get(SERVICES, namespace, name);
      if (!service) {
        index.delete(key);
        // The Service is gone: so are its Endpoints.
        return { actions: reader.get(ENDPOINTS, namespace, name) ? [{ type: 'delete', info: ENDPOINTS, namespace, name }] : [] };
      }
      const selector = selectorOf(service);
      index.set(key, namespace, selector);
      return { actions: selector ? sync(key, service, selector, reader) : [] };
    },
  };
}
