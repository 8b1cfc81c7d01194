/**
 * What the StatefulSet controller writes for one Pod (kube-controller-manager's
 * stateful_pod_control.go): its claims first, then the Pod, then the Pod deleted or its
 * identity repaired, each with the event upstream records (`create Pod web-0 in StatefulSet
 * web successful`, `create Claim data-web-0 Pod web-0 in StatefulSet web success`), and the
 * claims' ownerReferences kept in line with persistentVolumeClaimRetentionPolicy.
 */
import { kindInfo } from '../../api/catalog';
import { isJsonObject, type JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { isBeingDeleted, metaOf, nameOf, namespaceOf, specOf, text, uidOf } from '../deployment/pods';
import type { Action, Reader } from '../types';
import { claimsFor, identityMatches, inOrdinalRange, ordinalOf, POD_INDEX_LABEL, POD_NAME_LABEL, storageMatches } from './identity';

export const COMPONENT = 'statefulset-controller';
const PODS = kindInfo('v1', 'Pod')!;
const CLAIMS = kindInfo('v1', 'PersistentVolumeClaim')!;

/** The writes of one sync, and what the reader cannot see yet. */
export interface PodControl {
  reader: Reader;
  set: KubeObject;
  actions: Action[];
  /** Claims created during this sync. */
  createdClaims: Set<string>;
}

type Policy = 'Retain' | 'Delete';

/** spec.persistentVolumeClaimRetentionPolicy, Retain/Retain when absent (or unknown: treated as Retain). */
export function retentionPolicy(set: JsonObject): { whenDeleted: Policy; whenScaled: Policy } {
  const policy = isJsonObject(specOf(set).persistentVolumeClaimRetentionPolicy) ? (specOf(set).persistentVolumeClaimRetentionPolicy as JsonObject) : {};
  return { whenDeleted: policy.whenDeleted === 'Delete' ? 'Delete' : 'Retain', whenScaled: policy.whenScaled === 'Delete' ? 'Delete' : 'Retain' };
}

const refsOf = (object: JsonObject): JsonObject[] => (Array.isArray(metaOf(object).ownerReferences) ? (metaOf(object).ownerReferences as unknown[]).filter(isJsonObject) : []);
const hasOwnerRef = (target: JsonObject, owner: JsonObject): boolean => refsOf(target).some((ref) => ref.uid === uidOf(owner));

/**
 * Mirrors updateClaimOwnerRefForSetAndPod: the ownerReferences the claim must carry under
 * the retention policy (the set's when the set's deletion removes it, the Pod's when a
 * scale-down does), or undefined when they are already right. Plain references, without
 * `controller`, as upstream writes them.
 */
export function retentionOwnerRefs(claim: JsonObject, set: JsonObject, pod: JsonObject): JsonObject[] | undefined {
  const { whenDeleted, whenScaled } = retentionPolicy(set);
  const scaledDown = !inOrdinalRange(pod, set);
  const wantSet = whenScaled === 'Delete' ? whenDeleted === 'Delete' && !scaledDown : whenDeleted === 'Delete';
  const wantPod = whenScaled === 'Delete' && scaledDown;
  let refs = refsOf(claim);
  let changed = false;
  const want = (owner: JsonObject, wanted: boolean, apiVersion: string, kind: string): void => {
    const has = hasOwnerRef(claim, owner);
    if (wanted && !has) refs = [...refs, { apiVersion, kind, name: nameOf(owner), uid: uidOf(owner) }];
    else if (!wanted && has) refs = refs.filter((ref) => ref.uid !== uidOf(owner));
    changed ||= wanted !== has;
  };
  want(set, wantSet, 'apps/v1', 'StatefulSet');
  want(pod, wantPod, 'v1', 'Pod');
  return changed ? refs : undefined;
}

/** Mirrors hasStaleOwnerRef: the claim names the Pod, but another incarnation of it (or one not created yet). */
const hasStaleOwnerRef = (claim: JsonObject, pod: JsonObject): boolean => refsOf(claim).some((ref) => ref.name === nameOf(pod) && ref.uid !== uidOf(pod));

/** Mirrors PodClaimIsStale: under whenScaled Delete, a claim left to a former Pod blocks its successor. */
export function podClaimIsStale(ctl: PodControl, pod: JsonObject): boolean {
  if (retentionPolicy(ctl.set).whenScaled === 'Retain') return false;
  return claimsFor(ctl.set, ordinalOf(pod)).some(({ claim }) => {
    const stored = ctl.reader.get(CLAIMS, namespaceOf(claim), nameOf(claim));
    return stored !== undefined && hasStaleOwnerRef(stored, pod);
  });
}

function event(ctl: PodControl, type: 'Normal' | 'Warning', reason: string, message: string): void {
  ctl.actions.push({ type: 'event', event: { involved: ctl.set, type, reason, message, component: COMPONENT } });
}

/** Mirrors recordPodEvent: `create Pod web-0 in StatefulSet web successful`, or `... failed error: ...`. */
function podEvent(ctl: PodControl, verb: string, pod: JsonObject, error?: string): void {
  const title = verb[0]!.toUpperCase() + verb.slice(1);
  if (error === undefined) event(ctl, 'Normal', `Successful${title}`, `${verb} Pod ${nameOf(pod)} in StatefulSet ${nameOf(ctl.set)} successful`);
  else event(ctl, 'Warning', `Failed${title}`, `${verb} Pod ${nameOf(pod)} in StatefulSet ${nameOf(ctl.set)} failed error: ${error}`);
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several in brackets. */
const aggregate = (errors: string[]): string | undefined => (errors.length === 0 ? undefined : errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);

/**
 * Mirrors createPersistentVolumeClaims: creates the Pod's missing claims (`create Claim
 * data-web-0 Pod web-0 in StatefulSet web success`); a claim still being deleted is an
 * error the caller reports. New claims carry at once the references the retention policy
 * asks for (upstream adds them with an update right after).
 */
function createClaims(ctl: PodControl, pod: JsonObject): string | undefined {
  const errors: string[] = [];
  for (const { claim } of claimsFor(ctl.set, ordinalOf(pod))) {
    const name = nameOf(claim);
    if (ctl.createdClaims.has(name)) continue;
    const stored = ctl.reader.get(CLAIMS, namespaceOf(claim), name);
    if (stored) {
      if (isBeingDeleted(stored)) errors.push(`pvc ${name} is being deleted`);
      continue;
    }
    const refs = retentionOwnerRefs(claim, ctl.set, pod);
    const object = refs && refs.length > 0 ? { ...claim, metadata: { ...metaOf(claim), ownerReferences: refs } } : claim;
    ctl.actions.push({ type: 'create', object });
    ctl.createdClaims.add(name);
    event(ctl, 'Normal', 'SuccessfulCreate', `create Claim ${name} Pod ${nameOf(pod)} in StatefulSet ${nameOf(ctl.set)} success`);
  }
  return aggregate(errors);
}

/** Mirrors ClaimsMatchRetentionPolicy: every existing claim of the Pod has the right references. */
export function claimsMatchRetentionPolicy(ctl: PodControl, set: KubeObject, pod: JsonObject): boolean {
  return claimsFor(set, ordinalOf(pod)).every(({ claim }) => {
    const stored = ctl.reader.get(CLAIMS, namespaceOf(claim), nameOf(claim));
    return stored === undefined || retentionOwnerRefs(stored, set, pod) === undefined;
  });
}

/** Mirrors UpdatePodClaimForRetentionPolicy: patches the references of the claims that need it. */
export function updateClaimsForRetentionPolicy(ctl: PodControl, set: KubeObject, pod: JsonObject): void {
  for (const { claim } of claimsFor(set, ordinalOf(pod))) {
    const stored = ctl.reader.get(CLAIMS, namespaceOf(claim), nameOf(claim));
    const refs = stored && retentionOwnerRefs(stored, set, pod);
    if (!stored || !refs) continue;
    ctl.actions.push({ type: 'patch', info: CLAIMS, namespace: namespaceOf(stored), name: nameOf(stored), patch: { metadata: { ownerReferences: refs.length > 0 ? refs : null } } });
  }
}

/** Mirrors CreateStatefulPod: the claims, then the Pod. Returns the error that stopped it, if any. */
export function createStatefulPod(ctl: PodControl, pod: KubeObject): string | undefined {
  const error = createClaims(ctl, pod);
  if (error !== undefined) {
    podEvent(ctl, 'create', pod, error);
    return error;
  }
  // A Pod the API server refuses (invalid, forbidden by admission) is recordPodEvent's
  // FailedCreate, and the sync fails, to be retried with back-off.
  const onError = (error: unknown): Action[] => [
    {
      type: 'event',
      event: { involved: ctl.set, type: 'Warning', reason: 'FailedCreate', message: `create Pod ${nameOf(pod)} in StatefulSet ${nameOf(ctl.set)} failed error: ${error instanceof Error ? error.message : String(error)}`, component: COMPONENT },
    },
  ];
  ctl.actions.push({ type: 'create', object: pod, onError });
  updateClaimsForRetentionPolicy(ctl, ctl.set, pod);
  podEvent(ctl, 'create', pod);
  return undefined;
}

/** Mirrors createMissingPersistentVolumeClaims: a Pending Pod whose claim went away gets it back. */
export function createMissingClaims(ctl: PodControl, pod: KubeObject): string | undefined {
  const error = createClaims(ctl, pod);
  if (error === undefined) updateClaimsForRetentionPolicy(ctl, ctl.set, pod);
  return error;
}

/** Mirrors DeleteStatefulPod: `delete Pod web-2 in StatefulSet web successful`. */
export function deleteStatefulPod(ctl: PodControl, pod: JsonObject): void {
  ctl.actions.push({ type: 'delete', info: PODS, namespace: namespaceOf(pod), name: nameOf(pod) });
  podEvent(ctl, 'delete', pod);
}

/**
 * Mirrors UpdateStatefulPod: repairs the identity labels, creates missing claims, fixes
 * the claims' references, and records `update Pod web-0 in StatefulSet web successful`
 * when anything was off. A Pod's volumes cannot change (the API server forbids it), so a
 * Pod mounting the wrong claims is left as it is here.
 */
export function updateStatefulPod(ctl: PodControl, set: KubeObject, pod: KubeObject): string | undefined {
  let consistent = true;
  if (!identityMatches(set, pod)) {
    const labels = { [POD_NAME_LABEL]: nameOf(pod), [POD_INDEX_LABEL]: String(ordinalOf(pod)) };
    ctl.actions.push({ type: 'patch', info: PODS, namespace: namespaceOf(pod), name: nameOf(pod), patch: { metadata: { labels } } });
    consistent = false;
  }
  if (!storageMatches(set, pod)) {
    const error = createClaims(ctl, pod);
    if (error !== undefined) {
      podEvent(ctl, 'update', pod, error);
      return error;
    }
  }
  if (!claimsMatchRetentionPolicy(ctl, set, pod)) {
    updateClaimsForRetentionPolicy(ctl, set, pod);
    consistent = false;
  }
  if (!consistent) podEvent(ctl, 'update', pod);
  return undefined;
}

export const phaseOf = (pod: JsonObject): string => text(isJsonObject(pod.status) ? pod.status.phase : undefined);
