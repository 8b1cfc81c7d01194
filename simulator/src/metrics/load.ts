/**
 * Load put on a workload, the simulator's stand-in for the load generator of the
 * HorizontalPodAutoscaler walkthrough (`kubectl run load-generator ... wget` in a loop).
 * `atelier load deployment/web 80%` stores the load in annotations on the workload, so it
 * survives a save and a load:
 *
 *   atelier.dev/cpu-load: "80"        the traffic keeps the Pods at 80% of their CPU request...
 *   atelier.dev/cpu-load-pods: "2"    ...when there are 2 of them (the replicas when it was set)
 *
 * The traffic is a fixed amount: it is shared by the ready Pods the workload's selector
 * picks (as a Service would spread it), so more replicas each get less, and the
 * autoscaler settles instead of growing to maxReplicas. The same for memory
 * (`atelier.dev/memory-load`), in percent of the memory request.
 */
import { findResource, kindInfo, type KindInfo } from '../api/catalog';
import { StatusError } from '../api/errors';
import { integerValue, milliValue, parseQuantity } from '../api/quantity';
import type { StateReader } from '../kubelet/replay';
import { text } from '../kubelet/util';
import { isJsonObject, type JsonObject } from '../store/json';
import { formatLabelSelector } from '../store/selectors';
import type { KubeObject, ObjectStore } from '../store/store';

export type LoadResource = 'cpu' | 'memory';

/** The annotation holding the load on `resource`, in percent of the request. */
export const loadAnnotation = (resource: LoadResource): string => `atelier.dev/${resource}-load`;
/** The annotation holding how many Pods that load was sized for. */
export const loadPodsAnnotation = (resource: LoadResource): string => `atelier.dev/${resource}-load-pods`;

const PODS = kindInfo('v1', 'Pod')!;
/** The workloads a load can be put on (what `kubectl autoscale` can target, and DaemonSets). */
const WORKLOADS: readonly KindInfo[] = [
  kindInfo('apps/v1', 'Deployment')!,
  kindInfo('apps/v1', 'StatefulSet')!,
  kindInfo('apps/v1', 'ReplicaSet')!,
  kindInfo('apps/v1', 'DaemonSet')!,
  kindInfo('v1', 'ReplicationController')!,
];

export interface LoadTarget {
  /** `Deployment`, `deployment`, `deploy`, `statefulsets.apps`... */
  kind: string;
  namespace?: string;
  name: string;
}

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});

/**
 * Puts a load on a workload's Pods: `percentOfRequest` of their request (CPU by default)
 * for as many Pods as the workload wants now. 0 removes the load. Returns the workload as
 * patched; throws the API's NotFound when there is no such workload.
 */
export function setLoad(store: ObjectStore, target: LoadTarget, percentOfRequest: number, options: { resource?: LoadResource } = {}): KubeObject {
  const info = findResource(target.kind);
  if (!info || !WORKLOADS.some((w) => w.group === info.group && w.resource === info.resource)) {
    throw new StatusError('BadRequest', 400, `cannot put a load on ${target.kind}: expected a Deployment, StatefulSet, ReplicaSet, DaemonSet or ReplicationController`, 'On ne peut mettre de charge que sur un Deployment, un StatefulSet, un ReplicaSet, un DaemonSet ou un ReplicationController.');
  }
  if (!Number.isFinite(percentOfRequest) || percentOfRequest < 0) {
    throw new StatusError('BadRequest', 400, `invalid load ${percentOfRequest}: expected a percentage of the request, 0 or more`, 'La charge est un pourcentage de la request, 0 ou plus (par exemple 80 pour 80 %).');
  }
  const resource = options.resource ?? 'cpu';
  const namespace = target.namespace ?? 'default';
  const workload = store.get(info, namespace, target.name);
  const replicas = obj(workload.spec).replicas;
  const pods = typeof replicas === 'number' ? replicas : podsOf(store, workload).length;
  const percent = Math.round(percentOfRequest);
  const annotations = percent === 0
    ? { [loadAnnotation(resource)]: null, [loadPodsAnnotation(resource)]: null }
    : { [loadAnnotation(resource)]: String(percent), [loadPodsAnnotation(resource)]: String(Math.max(1, pods)) };
  return store.patch(info, namespace, target.name, { metadata: { annotations } });
}

/** The Pods the workload's selector picks in its namespace, not being deleted. */
function podsOf(reader: Pick<StateReader, 'list'>, workload: KubeObject): KubeObject[] {
  const selector = obj(workload.spec).selector;
  const namespace = text(obj(workload.metadata).namespace) || 'default';
  const labelSelector = formatLabelSelector(selector);
  // An empty or broken selector picks nothing here (a controller would refuse it anyway).
  if (!isJsonObject(selector) || labelSelector === '<none>' || labelSelector === '<error>') return [];
  return reader.list(PODS, { namespace, labelSelector }).filter((pod) => obj(pod.metadata).deletionTimestamp === undefined);
}

const isRunning = (pod: JsonObject): boolean => obj(pod.status).phase === 'Running';
const isReady = (pod: JsonObject): boolean =>
  Array.isArray(obj(pod.status).conditions) && (obj(pod.status).conditions as unknown[]).some((c) => isJsonObject(c) && c.type === 'Ready' && c.status === 'True');

/** A container's request (millicores for CPU, bytes for memory), 0 when it has none. */
export function requestOf(container: JsonObject, resource: LoadResource): number {
  const value = obj(obj(container.resources).requests)[resource];
  if (typeof value !== 'string' && typeof value !== 'number') return 0;
  const parsed = parseQuantity(value);
  if (!parsed.ok) return 0;
  return Number(resource === 'cpu' ? milliValue(parsed.quantity) : integerValue(parsed.quantity));
}

/** Extra usage per Pod uid and container, for each resource. */
export interface LoadOverlay {
  extra(pod: JsonObject, container: string, resource: LoadResource): number;
}

export const NO_LOAD: LoadOverlay = { extra: () => 0 };

/**
 * The loads of every workload of the namespace (every namespace when omitted), spread over
 * their Pods. Pods that are not Running get none; the ready ones share it (the running
 * ones when none is ready yet).
 */
export function loadOverlay(reader: StateReader, namespace?: string): LoadOverlay {
  const byPod = new Map<string, Map<string, number>>();
  for (const info of WORKLOADS) {
    for (const workload of reader.list(info, namespace ? { namespace } : {})) {
      const annotations = obj(obj(workload.metadata).annotations);
      // A Deployment's ReplicaSets carry its annotations: the Deployment alone counts.
      if (info.kind === 'ReplicaSet' && Array.isArray(obj(workload.metadata).ownerReferences) && (obj(workload.metadata).ownerReferences as unknown[]).some((ref) => isJsonObject(ref) && ref.controller === true)) continue;
      const resources = (['cpu', 'memory'] as const).filter((resource) => Number(annotations[loadAnnotation(resource)] ?? 0) > 0);
      if (resources.length === 0) continue;
      const running = podsOf(reader, workload).filter(isRunning);
      const sharing = running.some(isReady) ? running.filter(isReady) : running;
      for (const resource of resources) {
        const percent = Number(annotations[loadAnnotation(resource)]);
        const basePods = Math.max(1, Number(annotations[loadPodsAnnotation(resource)] ?? 1) || 1);
        for (const pod of sharing) {
          const uid = String(obj(pod.metadata).uid);
          const containers = Array.isArray(obj(pod.spec).containers) ? (obj(pod.spec).containers as unknown[]).filter(isJsonObject) : [];
          for (const container of containers) {
            const extra = ((percent / 100) * requestOf(container, resource) * basePods) / sharing.length;
            const key = `${resource}\u0000${String(container.name)}`;
            let perPod = byPod.get(uid);
            if (!perPod) byPod.set(uid, (perPod = new Map<string, number>()));
            perPod.set(key, (perPod.get(key) ?? 0) + extra);
          }
        }
      }
    }
  }
  return { extra: (pod, container, resource) => byPod.get(String(obj(pod.metadata).uid))?.get(`${resource}\u0000${container}`) ?? 0 };
}
