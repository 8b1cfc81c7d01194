/**
 * Resource amounts as the scheduler counts them: CPU in millicores, everything else in
 * whole units (bytes, pods, devices), from the API's Quantity strings. A Pod's requests are
 * computed as `resourcehelper.PodRequests` does in v1.30: the sum of its containers, at least
 * the largest init container (plus the sidecars started before it), plus the overhead.
 */
import { integerValue, milliValue, parseQuantity } from '../api/quantity';
import { isJsonObject, type JsonObject } from '../store/json';

/** Resource name -> amount (millicores for cpu). */
export type Amounts = Map<string, number>;

// Mirrors schedutil.DefaultMilliCPURequest and DefaultMemoryRequest: what a container
// without a request counts for when the scheduler spreads Pods (never for fitting them).
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** One quantity as the scheduler counts it; 0 when it does not parse. */
export function amountOf(resource: string, value: unknown): number {
  if (typeof value !== 'string' && typeof value !== 'number') return 0;
  const parsed = parseQuantity(value);
  if (!parsed.ok) return 0;
  return Number(resource === 'cpu' ? milliValue(parsed.quantity) : integerValue(parsed.quantity));
}

/** A ResourceList (`{cpu: "500m", memory: "128Mi"}`) as amounts. */
export function amountsOf(list: unknown): Amounts {
  const out: Amounts = new Map();
  if (!isJsonObject(list)) return out;
  for (const [name, value] of Object.entries(list)) out.set(name, amountOf(name, value));
  return out;
}

function add(into: Amounts, from: Amounts): void {
  for (const [name, value] of from) into.set(name, (into.get(name) ?? 0) + value);
}

function max(into: Amounts, from: Amounts): void {
  for (const [name, value] of from) if (value > (into.get(name) ?? 0)) into.set(name, value);
}

const containersOf = (spec: JsonObject, list: string): JsonObject[] =>
  Array.isArray(spec[list]) ? (spec[list] as unknown[]).filter(isJsonObject) : [];

function containerRequests(container: JsonObject, nonZero: boolean): Amounts {
  const resources = isJsonObject(container.resources) ? container.resources : {};
  const requests = amountsOf(resources.requests);
  if (nonZero) {
    // Mirrors NonMissingContainerRequests: only a missing request gets the default.
    if (!requests.has('cpu')) requests.set('cpu', DEFAULT_MILLI_CPU_REQUEST);
    if (!requests.has('memory')) requests.set('memory', DEFAULT_MEMORY_REQUEST);
  }
  return requests;
}

/**
 * A Pod's requests (resourcehelper.PodRequests, v1.30). With `nonZero`, a container that
 * requests no cpu counts for 100m and one that requests no memory for 200Mi, as the
 * scheduler's scoring does.
 */
export function podRequests(pod: KubeLike, nonZero = false): Amounts {
  const spec = isJsonObject(pod.spec) ? pod.spec : {};
  const total: Amounts = new Map();
  for (const container of containersOf(spec, 'containers')) add(total, containerRequests(container, nonZero));
  // Init containers run one at a time, each next to the sidecars started before it.
  const sidecars: Amounts = new Map();
  const initPeak: Amounts = new Map();
  for (const container of containersOf(spec, 'initContainers')) {
    const requests = containerRequests(container, nonZero);
    if (container.restartPolicy === 'Always') {
      add(total, requests);
      add(sidecars, requests);
      max(initPeak, sidecars);
    } else {
      const running: Amounts = new Map(requests);
      add(running, sidecars);
      max(initPeak, running);
    }
  }
  max(total, initPeak);
  add(total, amountsOf(spec.overhead));
  return total;
}

type KubeLike = JsonObject;

/** A host port a container asks for (only those with hostPort > 0 count). */
export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** Mirrors util.GetHostPorts: the regular containers' ports with a hostPort, sanitized. */
export function hostPortsOf(pod: KubeLike): HostPort[] {
  const spec = isJsonObject(pod.spec) ? pod.spec : {};
  const out: HostPort[] = [];
  for (const container of containersOf(spec, 'containers')) {
    const ports = Array.isArray(container.ports) ? container.ports.filter(isJsonObject) : [];
    for (const port of ports) {
      const hostPort = typeof port.hostPort === 'number' ? port.hostPort : 0;
      if (hostPort <= 0) continue;
      out.push({
        ip: typeof port.hostIP === 'string' && port.hostIP !== '' ? port.hostIP : '0.0.0.0',
        protocol: typeof port.protocol === 'string' && port.protocol !== '' ? port.protocol : 'TCP',
        port: hostPort,
      });
    }
  }
  return out;
}

/**
 * Mirrors v1helper.IsScalarResourceName: extended resources (`example.com/gpu`), huge
 * pages and attachable volumes, the ones NodeResourcesFit checks beyond cpu, memory and
 * ephemeral-storage.
 */
export function isScalarResource(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true;
  const slash = name.indexOf('/');
  if (slash === -1) return false;
  const domain = name.slice(0, slash);
  return !(domain === 'kubernetes.io' || domain.endsWith('.kubernetes.io')) && !name.startsWith('requests.');
}
