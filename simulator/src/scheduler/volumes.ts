/**
 * kube-scheduler's VolumeBinding plugin (v1.30), for Pods that use PersistentVolumeClaims:
 * - PreFilter: a missing claim (`persistentvolumeclaim "data" not found`), a claim being
 *   deleted, or an unbound claim of an Immediate class (`pod has unbound immediate
 *   PersistentVolumeClaims`) rejects the Pod before any Node is looked at;
 * - Filter: a bound PV must be reachable from the Node (`node(s) had volume node affinity
 *   conflict`), a WaitForFirstConsumer claim must find a PV there or be provisionable
 *   (`node(s) didn't find available persistent volumes to bind`);
 * - Reserve/PreBind: a WaitForFirstConsumer claim gets `volume.kubernetes.io/selected-node`
 *   and the Pod is bound only once the PV controller has bound its claims.
 *
 * The plugin needs the claims, which the scheduler's filters do not read: withVolumeBinding
 * wraps the scheduler, computes the Pod's volume state with the reader, and hands it to the
 * Filter through the Pod object the scheduler reads (see podVolumesOf).
 */
import { formatTimestamp } from '../clock';
import { kindInfo } from '../api/catalog';
import { isJsonObject, type JsonObject } from '../store/json';
import type { KubeObject, WatchEvent } from '../store/store';
import { splitKey, type Action, type Reader, type ReconcileResult } from '../controllers/types';
import { ANN_SELECTED_NODE, findBestMatch, volumeReachableFrom } from '../controllers/persistentvolume/binder';
import { claimNamesOf } from '../controllers/persistentvolume/reclaim';
import type { NodeInfo } from './cache';
import type { FilterStatus, PodInfo } from './filters';
import { REASONS, fitErrorMessage, preemptionMessage, truncateMessage } from './messages';
import { SCHEDULER_NAME, UNSCHEDULABLE_RETRY_MS, type Scheduler, type SchedulerOptions } from './scheduler';

const POD = kindInfo('v1', 'Pod')!;
const NODE = kindInfo('v1', 'Node')!;
const PVC = kindInfo('v1', 'PersistentVolumeClaim')!;
const PV = kindInfo('v1', 'PersistentVolume')!;
const STORAGE_CLASS = kindInfo('storage.k8s.io/v1', 'StorageClass')!;

/** The VolumeBinding plugin's texts (ErrReason*, and its PreFilter messages). */
export const VOLUME_REASONS = {
  unboundImmediate: 'pod has unbound immediate PersistentVolumeClaims',
  nodeConflict: 'node(s) had volume node affinity conflict',
  bindConflict: "node(s) didn't find available persistent volumes to bind",
  notFound: (name: string): string => `persistentvolumeclaim ${JSON.stringify(name)} not found`,
  deleting: (name: string): string => `persistentvolumeclaim ${JSON.stringify(name)} is being deleted`,
} as const;

/** What the plugin learned about a Pod's claims in PreFilter. */
export interface PodVolumes {
  /** A PreFilter rejection (UnschedulableAndUnresolvable). */
  preFilter?: string;
  /** Bound PVs whose node affinity restricts the Nodes. */
  bound: KubeObject[];
  /** Unbound WaitForFirstConsumer claims: PVs that could serve them, or provisioning. */
  toBind: { claim: KubeObject; candidates: KubeObject[]; canProvision: boolean }[];
}

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Mirrors PreFilter and GetPodVolumeClaims. Undefined when the Pod uses no claim. */
export function readPodVolumes(pod: KubeObject, reader: Reader): PodVolumes | undefined {
  const names = claimNamesOf(pod);
  if (names.length === 0) return undefined;
  const namespace = str(obj(pod.metadata).namespace);
  const result: PodVolumes = { bound: [], toBind: [] };
  let volumes: KubeObject[] | undefined;
  for (const name of names) {
    const claim = reader.get(PVC, namespace, name);
    if (!claim) return { ...result, preFilter: VOLUME_REASONS.notFound(name) };
    if (obj(claim.metadata).deletionTimestamp !== undefined) return { ...result, preFilter: VOLUME_REASONS.deleting(name) };
    const volumeName = str(obj(claim.spec).volumeName);
    if (volumeName !== '') {
      const pv = reader.get(PV, '', volumeName);
      if (pv && obj(pv.spec).nodeAffinity !== undefined) result.bound.push(pv);
      continue;
    }
    const className = str(obj(claim.spec).storageClassName);
    const storageClass = className === '' ? undefined : reader.get(STORAGE_CLASS, '', className);
    if (storageClass?.volumeBindingMode !== 'WaitForFirstConsumer') return { ...result, preFilter: VOLUME_REASONS.unboundImmediate };
    volumes ??= reader.list(PV);
    const candidates = volumes.filter((pv) => findBestMatch(claim, [pv]) !== undefined);
    result.toBind.push({ claim, candidates, canProvision: str(storageClass.provisioner) !== 'kubernetes.io/no-provisioner' });
  }
  return result;
}

/** Mirrors VolumeBinding's Filter on one Node. */
export function volumeBinding(pod: PodInfo, node: NodeInfo): FilterStatus | undefined {
  const volumes = pod.volumes;
  if (!volumes) return undefined;
  const reasons: string[] = [];
  if (volumes.bound.some((pv) => !volumeReachableFrom(pv, node))) reasons.push(VOLUME_REASONS.nodeConflict);
  if (volumes.toBind.some((item) => !item.canProvision && !item.candidates.some((pv) => volumeReachableFrom(pv, node)))) reasons.push(VOLUME_REASONS.bindConflict);
  return reasons.length > 0 ? { plugin: 'VolumeBinding', code: 'UnschedulableAndUnresolvable', reasons } : undefined;
}

/**
 * The volume state withVolumeBinding attached to the Pod object the scheduler reads, kept
 * beside it (the object is the stored one, which nobody may change).
 */
const VOLUMES = new WeakMap<KubeObject, PodVolumes>();

/** What readPod (filters.ts) picks up: the state attached to this very Pod object, if any. */
export function podVolumesOf(pod: KubeObject): PodVolumes | undefined {
  return VOLUMES.get(pod);
}

const isPending = (pod: KubeObject): boolean => {
  const spec = obj(pod.spec);
  const phase = obj(pod.status).phase;
  return str(spec.nodeName) === '' && (spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && obj(pod.metadata).deletionTimestamp === undefined && phase !== 'Succeeded' && phase !== 'Failed';
};

/** Mirrors podutil.UpdatePodCondition for PodScheduled=False (undefined: already so). */
function unschedulableCondition(pod: KubeObject, message: string, now: number): KubeObject | undefined {
  const status = obj(pod.status);
  const conditions = Array.isArray(status.conditions) ? (status.conditions as JsonObject[]).filter(isJsonObject) : [];
  const old = conditions.find((c) => c.type === 'PodScheduled');
  if (old?.status === 'False' && old.reason === 'Unschedulable' && old.message === message) return undefined;
  const condition = { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: old?.status === 'False' ? old.lastTransitionTime : formatTimestamp(now), reason: 'Unschedulable', message };
  const metadata = { ...obj(pod.metadata) };
  delete metadata.resourceVersion;
  return { ...pod, metadata, status: { ...status, conditions: [...conditions.filter((c) => c !== old), condition] } };
}

/**
 * Wraps the scheduler with the VolumeBinding plugin. Wire it as
 * `withVolumeBinding(createScheduler(options), options)` in place of the bare scheduler.
 */
export function withVolumeBinding(inner: Scheduler, options: SchedulerOptions = {}): Scheduler {
  const retryMs = options.unschedulableRetryMs === undefined ? UNSCHEDULABLE_RETRY_MS : options.unschedulableRetryMs;
  /** `namespace/claim` -> the waiting Pods that use it. */
  const byClaim = new Map<string, Set<string>>();
  const claimsOf = new Map<string, string[]>();
  let view: Reader | undefined;
  let viewOf: Reader | undefined;
  let prefetched: { key: string; object: KubeObject | undefined; volumes?: PodVolumes } | undefined;

  const untrack = (key: string): void => {
    for (const claim of claimsOf.get(key) ?? []) byClaim.get(claim)?.delete(key);
    claimsOf.delete(key);
  };
  const track = (key: string, namespace: string, names: string[]): void => {
    untrack(key);
    const claims = names.map((name) => `${namespace}/${name}`);
    claimsOf.set(key, claims);
    for (const claim of claims) (byClaim.get(claim) ?? byClaim.set(claim, new Set()).get(claim)!).add(key);
  };

  /** One stable view per reader (the scheduler rebuilds its cache when the reader changes). */
  function readerFor(reader: Reader): Reader {
    if (viewOf !== reader || !view) {
      viewOf = reader;
      view = {
        ...reader,
        get(info, namespace, name) {
          // The Pod this reconcile already read is handed over once, not read (copied) again.
          if (info === POD && prefetched?.key === `${namespace}/${name}`) {
            const { object, volumes } = prefetched;
            prefetched = undefined;
            if (object && volumes) VOLUMES.set(object, volumes);
            return object;
          }
          return reader.get(info, namespace, name);
        },
      };
    }
    return view;
  }

  function reject(pod: KubeObject, message: string, reader: Reader): ReconcileResult {
    const count = reader.list(NODE).length;
    const verdict = str(obj(pod.spec).preemptionPolicy) === 'Never' ? `preemption: ${REASONS.preemptionNever}` : preemptionMessage(count, Array.from({ length: count }, () => [REASONS.preemptionNotHelpful]));
    const text = fitErrorMessage({ numAllNodes: count, reasons: [], preFilterMsg: message, postFilterMsg: verdict });
    const actions: Action[] = [{ type: 'event', event: { involved: pod, type: 'Warning', reason: 'FailedScheduling', message: truncateMessage(text), component: SCHEDULER_NAME } }];
    const condition = unschedulableCondition(pod, text, reader.now());
    if (condition) actions.push({ type: 'updateStatus', object: condition });
    return retryMs === null ? { actions } : { actions, requeueAfter: retryMs };
  }

  function delegate(key: string, reader: Reader, pod: KubeObject | undefined, volumes?: PodVolumes): ReconcileResult {
    prefetched = { key, object: pod, volumes };
    try {
      return inner.reconcile(key, readerFor(reader));
    } finally {
      prefetched = undefined;
    }
  }

  function reconcile(key: string, reader: Reader): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const pod = reader.get(POD, namespace, name);
    const names = pod && isPending(pod) ? claimNamesOf(pod) : [];
    if (!pod || names.length === 0) {
      untrack(key);
      return delegate(key, reader, pod);
    }
    track(key, namespace, names);
    const volumes = readPodVolumes(pod, reader)!;
    if (volumes.preFilter) return reject(pod, volumes.preFilter, reader);
    // PreBind of an earlier cycle is still waiting for the PV controller.
    if (volumes.toBind.some((item) => str(obj(obj(item.claim.metadata).annotations)[ANN_SELECTED_NODE]) !== '')) return { actions: [] };
    const result = delegate(key, reader, pod, volumes);
    const bind = result.actions.find((action) => action.type === 'bind');
    if (!bind || bind.type !== 'bind' || volumes.toBind.length === 0) return result;
    // Mirrors AssumePodVolumes + BindPodVolumes: the claims learn the chosen Node; the Pod is
    // bound in a later cycle, once its claims are Bound.
    const actions: Action[] = volumes.toBind.map(({ claim }) => ({
      type: 'patch', info: PVC, namespace, name: str(obj(claim.metadata).name), patch: { metadata: { annotations: { [ANN_SELECTED_NODE]: bind.node } } },
    }));
    return { actions };
  }

  const onClaimOrVolume = (event: WatchEvent): string[] => {
    if (event.object.kind === 'PersistentVolume') return [...claimsOf.keys()];
    const meta = obj(event.object.metadata);
    return [...(byClaim.get(`${str(meta.namespace)}/${str(meta.name)}`) ?? [])];
  };

  return {
    name: inner.name,
    triggers: [...inner.triggers, { info: PVC, keys: onClaimOrVolume }, { info: PV, keys: onClaimOrVolume }],
    reconcile,
    waiting: inner.waiting,
  };
}
