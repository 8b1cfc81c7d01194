/**
 * The ResourceQuota controller (kube-controller-manager's `resourcequota` controller,
 * v1.30): it publishes each quota's `status.hard` (its spec, canonical) and `status.used`,
 * recounted from the namespace's objects whenever one of them changes, which is what
 * `kubectl get quota` and `kubectl describe quota` show. The counting is the admission
 * plugin's own (admission/quota.ts), so both always agree.
 */
import { KINDS, kindInfo, type KindInfo } from '../api/catalog';
import { namespaceUsage } from '../admission/quota';
import { mask, resourceList, toJson } from '../admission/resources';
import { deepEqual, isJsonObject, type JsonObject } from '../store/json';
import { namespaceFanOut, splitKey, type Controller, type Reader, type ReconcileResult } from './types';

const QUOTAS = kindInfo('v1', 'ResourceQuota')!;
const PODS = kindInfo('v1', 'Pod')!;
const COMPONENT = 'resourcequota-controller';

/** Kinds whose changes never matter to a quota here (too chatty, or not listable). */
const IGNORED = new Set(['Event', 'Lease', 'Endpoints', 'EndpointSlice', 'ControllerRevision']);

/** Every namespaced kind a quota may count (`count/<resource>.<group>`), except the chatty ones. */
const WATCHED: readonly KindInfo[] = KINDS.filter((info) => info.preferred && info.namespaced && info.verbs.includes('watch') && !IGNORED.has(info.kind) && info !== QUOTAS);

const objAt = (object: unknown, field: string): JsonObject => (isJsonObject(object) && isJsonObject(object[field]) ? object[field] : {});

/** The status the controller publishes: hard from spec, used recounted. */
function quotaStatus(quota: JsonObject, reader: Reader): JsonObject {
  const hard = resourceList(objAt(quota, 'spec').hard);
  const counted = { ...quota, status: { hard: toJson(hard) } };
  const used = mask(namespaceUsage(counted, (info, namespace) => reader.list(info, { namespace }), reader.now()), hard.keys());
  return { hard: toJson(hard), used: toJson(used) };
}

/**
 * A Pod stuck terminating stops counting once its grace period is over (QuotaV1Pod):
 * when that happens next, if ever.
 */
function nextPodExpiry(reader: Reader, namespace: string, now: number): number | undefined {
  let next: number | undefined;
  for (const pod of reader.list(PODS, { namespace })) {
    const meta = objAt(pod, 'metadata');
    if (typeof meta.deletionTimestamp !== 'string' || typeof meta.deletionGracePeriodSeconds !== 'number') continue;
    const at = Date.parse(meta.deletionTimestamp) + meta.deletionGracePeriodSeconds * 1000 + 1;
    if (at > now && (next === undefined || at < next)) next = at;
  }
  return next === undefined ? undefined : next - now;
}

function syncQuota(key: string, reader: Reader): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const quota = reader.get(QUOTAS, namespace, name);
  if (!quota || objAt(quota, 'metadata').deletionTimestamp !== undefined) return { actions: [] };
  const status = quotaStatus(quota, reader);
  const actions: ReconcileResult['actions'] = deepEqual(status, quota.status) ? [] : [{ type: 'updateStatus', object: { ...quota, status } }];
  const tracksPods = Object.keys(status.hard as JsonObject).some((resource) => resource !== 'count/pods' && (resource === 'pods' || /^(requests\.|limits\.)?(cpu|memory|ephemeral-storage)$/.test(resource)));
  const requeueAfter = tracksPods ? nextPodExpiry(reader, namespace, reader.now()) : undefined;
  return requeueAfter === undefined ? { actions } : { actions, requeueAfter };
}

/** The controller, named `resourcequota-controller`; it reconciles quotas by `namespace/name`. */
export function createResourceQuotaController(): Controller {
  const quotas = namespaceFanOut(QUOTAS);
  // Mirrors the replenishment controller: a change to anything counted looks at the namespace's quotas again.
  return { name: COMPONENT, triggers: [quotas.self, ...WATCHED.map((info) => quotas.from(info))], reconcile: syncQuota };
}
