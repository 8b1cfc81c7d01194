/**
 * A Pod's quality-of-service class, as `qos.GetPodQOS` computes it (pkg/apis/core/helper/qos,
 * v1.30). The Pod strategy stores it in status.qosClass on create; ValidatePodUpdate refuses
 * an update that would change it.
 */
import { parseQuantity } from './quantity';

type JsonObject = Record<string, unknown>;

const isJsonObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A quantity's exact value in nano-units, or undefined when it does not parse. */
function nanos(value: unknown): bigint | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const parsed = parseQuantity(value);
  return parsed.ok ? parsed.quantity.nanos : undefined;
}

type Resources = Map<string, bigint>;

/**
 * The Pod's QoS class, as `qos.GetPodQOS` computes it (v1.30): BestEffort without any
 * cpu or memory request or limit, Guaranteed when every container limits both and the
 * requests equal the limits, Burstable otherwise.
 */
export function podQosClass(pod: JsonObject): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const spec = isJsonObject(pod.spec) ? pod.spec : {};
  const containers = [spec.containers, spec.initContainers].flatMap((list): unknown[] => (Array.isArray(list) ? list : [])).filter(isJsonObject);
  const requests: Resources = new Map();
  const limits: Resources = new Map();
  let guaranteed = true;
  const add = (into: Resources, list: unknown): Set<string> => {
    const found = new Set<string>();
    if (!isJsonObject(list)) return found;
    for (const name of ['cpu', 'memory']) {
      const value = nanos(list[name]);
      if (value === undefined || value <= 0n) continue;
      found.add(name);
      into.set(name, (into.get(name) ?? 0n) + value);
    }
    return found;
  };
  for (const container of containers) {
    const resources = isJsonObject(container.resources) ? container.resources : {};
    add(requests, resources.requests);
    const limited = add(limits, resources.limits);
    if (!limited.has('cpu') || !limited.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, request] of requests) {
      if (limits.get(name) !== request) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
