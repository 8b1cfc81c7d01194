/**
 * The PersistentVolume binder's matching and binding (kube-controller-manager
 * `pkg/controller/volume/persistentvolume`, v1.30): which PV a claim gets, and the writes
 * that bind them both ways (PV claimRef, PVC volumeName, both phases Bound).
 */
import { kindInfo } from '../../api/catalog';
import { parseQuantity } from '../../api/quantity';
import { formatTimestamp } from '../../clock';
import { readTerm, termMatches, type NodeLabels } from '../../scheduler/affinity';
import { isJsonObject, type JsonObject } from '../../store/json';
import { matchesLabelSelector } from '../../store/selectors';
import type { KubeObject } from '../../store/store';
import type { Action } from '../types';

export const PVS = kindInfo('v1', 'PersistentVolume')!;
export const PVCS = kindInfo('v1', 'PersistentVolumeClaim')!;
export const STORAGE_CLASSES = kindInfo('storage.k8s.io/v1', 'StorageClass')!;
export const PODS = kindInfo('v1', 'Pod')!;
export const NODES = kindInfo('v1', 'Node')!;

/** The component name on the binder's events (`kubectl describe pvc`, column From). */
export const BINDER_COMPONENT = 'persistentvolume-controller';

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';

export const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
export const metaOf = (object: KubeObject): JsonObject => obj(object.metadata);
export const annotationsOf = (object: KubeObject): JsonObject => obj(metaOf(object).annotations);
export const finalizersOf = (object: KubeObject): string[] => {
  const list = metaOf(object).finalizers;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
};
export const isDeleting = (object: KubeObject): boolean => metaOf(object).deletionTimestamp !== undefined;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** Mirrors storagehelpers.GetPersistentVolume(Claim)Class: the spec field, else the beta annotation. */
export function classOf(object: KubeObject): string {
  const beta = annotationsOf(object)[ANN_BETA_STORAGE_CLASS];
  if (typeof beta === 'string') return beta;
  return str(obj(object.spec).storageClassName);
}

/** A storage quantity in bytes (as a bigint of nano-units: exact, comparable). */
export function storageNanos(value: unknown): bigint | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const parsed = parseQuantity(value);
  return parsed.ok ? parsed.quantity.nanos : undefined;
}

/** The claim's `namespace/name`. */
export const claimKey = (claim: KubeObject): string => `${str(metaOf(claim).namespace)}/${str(metaOf(claim).name)}`;

/** True when the PV's claimRef names this claim (and, when it has a uid, the same uid). */
export function isPreboundTo(pv: KubeObject, claim: KubeObject): boolean {
  const ref = obj(obj(pv.spec).claimRef);
  if (ref.name === undefined) return false;
  const meta = metaOf(claim);
  if (ref.name !== meta.name || (ref.namespace ?? 'default') !== meta.namespace) return false;
  return ref.uid === undefined || ref.uid === '' || ref.uid === meta.uid;
}

/** Mirrors checkVolumeSatisfyClaim minus the size: class, access modes, volume mode. */
function compatible(pv: KubeObject, claim: KubeObject): boolean {
  if (classOf(pv) !== classOf(claim)) return false;
  const pvSpec = obj(pv.spec);
  const claimSpec = obj(claim.spec);
  // Mirrors CheckAccessModes: the volume offers every mode the claim asks for.
  const offered = strings(pvSpec.accessModes);
  if (!strings(claimSpec.accessModes).every((mode) => offered.includes(mode))) return false;
  return (str(pvSpec.volumeMode) || 'Filesystem') === (str(claimSpec.volumeMode) || 'Filesystem');
}

/** Mirrors CheckNodeAffinity: a PV without nodeAffinity is reachable from every Node. */
export function volumeReachableFrom(pv: KubeObject, node: NodeLabels): boolean {
  const required = obj(obj(obj(pv.spec).nodeAffinity).required);
  if (!Array.isArray(required.nodeSelectorTerms)) return true;
  return required.nodeSelectorTerms.some((term) => termMatches(readTerm(term), node));
}

/** The Node's name and labels, as node affinity reads them. */
export function nodeLabelsOf(node: KubeObject): NodeLabels {
  const meta = metaOf(node);
  return { name: str(meta.name), labels: obj(meta.labels) as Record<string, string> };
}

/**
 * Mirrors volume.FindMatchingVolume: a PV pre-bound to the claim wins; otherwise the
 * smallest Available PV (no claimRef, not being deleted) that has the claim's class, offers
 * its access modes and volume mode, holds at least the requested size, matches its label
 * selector and, for a claim waiting for its first consumer, is reachable from the chosen Node.
 */
export function findBestMatch(claim: KubeObject, volumes: readonly KubeObject[], node?: NodeLabels): KubeObject | undefined {
  const spec = obj(claim.spec);
  const wanted = storageNanos(obj(obj(spec.resources).requests).storage) ?? 0n;
  let best: { pv: KubeObject; size: bigint } | undefined;
  for (const pv of volumes) {
    if (isDeleting(pv)) continue;
    const size = storageNanos(obj(obj(pv.spec).capacity).storage);
    if (size === undefined || size < wanted || !compatible(pv, claim)) continue;
    if (node && !volumeReachableFrom(pv, node)) continue;
    if (isPreboundTo(pv, claim)) return pv;
    if (obj(pv.spec).claimRef !== undefined) continue;
    const phase = str(obj(pv.status).phase);
    if (phase !== '' && phase !== 'Available' && phase !== 'Pending') continue;
    if (spec.selector !== undefined && !matchesLabelSelector(spec.selector, obj(metaOf(pv).labels) as Record<string, string>)) continue;
    if (!best || size < best.size) best = { pv, size };
  }
  return best?.pv;
}

/** The claimRef a bound PV carries (an ObjectReference to the claim). */
export function claimRefOf(claim: KubeObject): JsonObject {
  const meta = metaOf(claim);
  return { kind: 'PersistentVolumeClaim', namespace: meta.namespace, name: meta.name, uid: meta.uid, apiVersion: 'v1', resourceVersion: meta.resourceVersion };
}

/** A copy for a write that must not carry a precondition (an earlier action moved resourceVersion). */
function unconditional(object: KubeObject): KubeObject {
  const copy = { ...object, metadata: { ...metaOf(object) } };
  delete (copy.metadata).resourceVersion;
  return copy;
}

/** Mirrors updateVolumePhase: the phase, with lastPhaseTransitionTime (beta, on in v1.30). */
export function withVolumePhase(pv: KubeObject, phase: string, now: number, message?: string): KubeObject | undefined {
  const status = obj(pv.status);
  if (status.phase === phase && (message === undefined || status.message === message)) return undefined;
  const next: JsonObject = { phase, lastPhaseTransitionTime: formatTimestamp(now) };
  if (message) next.message = message;
  return { ...unconditional(pv), status: next };
}

/**
 * Mirrors bind(): the PV points at the claim (bindVolumeToClaim, annotated bound-by-controller
 * when the controller chose it), the PV turns Bound, the claim gets volumeName and its
 * annotations (bindClaimToVolume), then Bound with the PV's capacity and access modes.
 */
export function bindActions(pv: KubeObject, claim: KubeObject, now: number): Action[] {
  const actions: Action[] = [];
  const pvSpec = obj(pv.spec);
  let boundPv = pv;
  if (!isPreboundTo(pv, claim) || obj(pvSpec.claimRef).uid !== metaOf(claim).uid) {
    const annotations = { ...annotationsOf(pv) };
    if (pvSpec.claimRef === undefined) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
    boundPv = { ...pv, metadata: { ...metaOf(pv), annotations }, spec: { ...pvSpec, claimRef: claimRefOf(claim) } };
    actions.push({ type: 'update', object: boundPv });
  }
  const pvStatus = withVolumePhase(boundPv, 'Bound', now);
  if (pvStatus) actions.push({ type: 'updateStatus', object: pvStatus });
  actions.push(...claimBoundActions(claim, pv));
  return actions;
}

/** The claim's side of a binding: volumeName and annotations, then status Bound. */
export function claimBoundActions(claim: KubeObject, pv: KubeObject): Action[] {
  const actions: Action[] = [];
  const spec = obj(claim.spec);
  const name = str(metaOf(pv).name);
  const annotations = { ...annotationsOf(claim) };
  let next = claim;
  if (spec.volumeName !== name || annotations[ANN_BIND_COMPLETED] !== 'yes') {
    if (spec.volumeName !== name) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
    annotations[ANN_BIND_COMPLETED] = 'yes';
    next = { ...claim, metadata: { ...metaOf(claim), annotations }, spec: { ...spec, volumeName: name } };
    actions.push({ type: 'update', object: next });
  }
  const pvSpec = obj(pv.spec);
  const status = obj(claim.status);
  const wanted = { phase: 'Bound', accessModes: pvSpec.accessModes, capacity: pvSpec.capacity };
  if (status.phase !== 'Bound' || JSON.stringify(status.accessModes) !== JSON.stringify(wanted.accessModes) || JSON.stringify(status.capacity) !== JSON.stringify(wanted.capacity)) {
    actions.push({ type: 'updateStatus', object: { ...unconditional(next), status: { ...status, ...wanted } } });
  }
  return actions;
}
