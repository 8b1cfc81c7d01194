/**
 * The `service-lb-controller`: LoadBalancer Services get an external IP after a short
 * provisioning delay (`kubectl get svc` shows `<pending>` meanwhile). The events are the
 * cloud service controller's (k8s.io/cloud-provider controllers/service, v1.30); the
 * address comes from a MetalLB-like pool, as on kind (172.18.255.200-250, lowest free
 * first). Services that name a loadBalancerClass belong to another implementation and
 * are left alone, as upstream does.
 */
import { kindInfo } from '../api/catalog';
import { isJsonObject, type JsonObject } from '../store/json';
import type { KubeObject } from '../store/store';
import { allocateLoadBalancerIP } from './ipam';
import { self, splitKey, type Action, type Controller, type Reader, type ReconcileResult } from './types';

const SERVICES = kindInfo('v1', 'Service')!;
const COMPONENT = 'service-controller';

/** How long "provisioning" takes: the time `EXTERNAL-IP` shows `<pending>`. */
export const LOAD_BALANCER_PROVISIONING_MS = 3_000;
// Mirrors the service controller's retry delays: 5 s doubling, at most 5 minutes.
const RETRY_MIN_MS = 5_000;
const RETRY_MAX_MS = 300_000;

interface Pending {
  uid: string;
  /** When the load balancer is "ready" (or, after a failure, when to try again). */
  due: number;
  /** True while waiting to retry after SyncLoadBalancerFailed. */
  retrying: boolean;
  failures: number;
}

const statusOf = (service: KubeObject): JsonObject => (isJsonObject(service.status) ? service.status : {});
const specOf = (service: KubeObject): JsonObject => (isJsonObject(service.spec) ? service.spec : {});
const metaOf = (service: KubeObject): JsonObject => (isJsonObject(service.metadata) ? service.metadata : {});

/** The external IPs in a Service's status.loadBalancer.ingress. */
function ingressIPs(service: KubeObject): string[] {
  const loadBalancer = statusOf(service).loadBalancer;
  const ingress = isJsonObject(loadBalancer) && Array.isArray(loadBalancer.ingress) ? loadBalancer.ingress : [];
  return ingress.filter(isJsonObject).flatMap((item) => (typeof item.ip === 'string' ? [item.ip] : []));
}

function event(service: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): Action {
  return { type: 'event', event: { involved: service, type, reason, message, component: COMPONENT } };
}

function withLoadBalancer(service: KubeObject, loadBalancer: JsonObject): Action {
  return { type: 'updateStatus', object: { ...service, status: { ...statusOf(service), loadBalancer } } };
}

/**
 * A fresh `service-lb-controller` (it remembers which Services are being provisioned, as
 * the real controller's in-flight cloud calls do: after a restart it starts over).
 */
export function createServiceLbController(): Controller {
  const pending = new Map<string, Pending>();
  // Services this controller gave a load balancer: the API server clears their status when
  // the type changes, the controller still reports tearing the load balancer down.
  const provisioned = new Set<string>();

  function provision(key: string, service: KubeObject, reader: Reader): ReconcileResult {
    const uid = typeof metaOf(service).uid === 'string' ? String(metaOf(service).uid) : '';
    const now = reader.now();
    let entry = pending.get(key);
    if (entry?.uid !== uid) entry = undefined;
    if (!entry || (entry.retrying && now >= entry.due)) {
      pending.set(key, { uid, due: now + LOAD_BALANCER_PROVISIONING_MS, retrying: false, failures: entry?.failures ?? 0 });
      return { actions: [event(service, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer')], requeueAfter: LOAD_BALANCER_PROVISIONING_MS };
    }
    if (now < entry.due) return { actions: [], requeueAfter: entry.due - now };
    const inUse = new Set<string>();
    for (const other of reader.list(SERVICES, { fieldSelector: 'spec.type=LoadBalancer' })) for (const ip of ingressIPs(other)) inUse.add(ip);
    const requested = typeof specOf(service).loadBalancerIP === 'string' && specOf(service).loadBalancerIP !== '' ? String(specOf(service).loadBalancerIP) : undefined;
    const ip = allocateLoadBalancerIP(inUse, requested);
    if (ip === undefined) {
      const failures = entry.failures + 1;
      const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** (failures - 1));
      pending.set(key, { uid, due: now + delay, retrying: true, failures });
      const reason = requested ? `requested IP ${requested} is not available in the address pool` : 'no available IPs';
      return { actions: [event(service, 'Warning', 'SyncLoadBalancerFailed', `Error syncing load balancer: failed to ensure load balancer: ${reason}`)], requeueAfter: delay };
    }
    pending.delete(key);
    provisioned.add(key);
    return {
      actions: [withLoadBalancer(service, { ingress: [{ ip, ipMode: 'VIP' }] }), event(service, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer')],
    };
  }

  return {
    name: 'service-lb-controller',
    triggers: [self(SERVICES)],
    reconcile(key: string, reader: Reader): ReconcileResult {
      const { namespace, name } = splitKey(key);
      const service = reader.get(SERVICES, namespace, name);
      if (!service) {
        pending.delete(key);
        provisioned.delete(key);
        return { actions: [] };
      }
      const spec = specOf(service);
      const wanted = spec.type === 'LoadBalancer' && (spec.loadBalancerClass ?? '') === '' && metaOf(service).deletionTimestamp === undefined;
      if (!wanted) {
        pending.delete(key);
        const had = provisioned.delete(key) || ingressIPs(service).length > 0;
        if (!had || (spec.type === 'LoadBalancer' && (spec.loadBalancerClass ?? '') !== '')) return { actions: [] };
        const actions: Action[] = [event(service, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer')];
        if (ingressIPs(service).length > 0) actions.push(withLoadBalancer(service, {}));
        actions.push(event(service, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer'));
        return { actions };
      }
      if (ingressIPs(service).length > 0) {
        pending.delete(key);
        provisioned.add(key);
        return { actions: [] };
      }
      return provision(key, service, reader);
    },
  };
}
