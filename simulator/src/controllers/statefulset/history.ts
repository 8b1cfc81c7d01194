/**
 * ControllerRevisions, the apps/v1 objects in which StatefulSets and DaemonSets keep each
 * version of their Pod template (kube-controller-manager's `pkg/controller/history`). A
 * revision holds a strategic merge patch that replaces `spec.template`, a revision number
 * (`kubectl rollout history`), the template's labels plus a hash label, and a controller
 * reference to its owner. Shared by the StatefulSet and DaemonSet controllers.
 */
import { goJson, isJsonObject, type JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { safeEncodeString, utf8 } from '../deployment/hash';
import { newControllerRef } from '../deployment/ownership';
import { labelsOf, metaOf, nameOf, parseTime, specOf } from '../deployment/pods';

/** apps.ControllerRevisionHashLabelKey: on Pods (both kinds) and on a DaemonSet's revisions. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';
/** history.ControllerRevisionHashLabel: the hash a StatefulSet's revisions carry. */
export const HISTORY_HASH_LABEL = 'controller.kubernetes.io/hash';

const FNV_OFFSET_32 = 0x811c9dc5;
const FNV_PRIME_32 = 0x01000193;

/** FNV-1 (not 1a), 32 bits: Go's `fnv.New32()`, which HashControllerRevision uses. */
export function fnv32(bytes: ArrayLike<number>, seed: number = FNV_OFFSET_32): number {
  let hash = seed >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    hash = Math.imul(hash, FNV_PRIME_32) >>> 0;
    hash = (hash ^ (bytes[i]! & 0xff)) >>> 0;
  }
  return hash;
}

/**
 * Mirrors the controllers' getPatch: `{"spec":{"template":{"$patch":"replace",...}}}`, the
 * owner's template as Go serialises a PodTemplateSpec (its ObjectMeta always carries
 * `creationTimestamp: null`), ready to be applied over the owner to restore this version.
 */
export function templatePatch(owner: JsonObject): JsonObject {
  const template = isJsonObject(specOf(owner).template) ? (specOf(owner).template as JsonObject) : {};
  const metadata = isJsonObject(template.metadata) ? template.metadata : {};
  return { spec: { template: { ...template, $patch: 'replace', metadata: { creationTimestamp: null, ...metadata } } } };
}

/** The revision's data as its bytes (the RawExtension), compared byte for byte upstream. */
export const dataBytes = (revision: JsonObject): string => goJson(revision.data ?? null);

/**
 * Mirrors history.HashControllerRevision: FNV-1 over the data's JSON, then the collision
 * count written in decimal when given, rendered with rand.SafeEncodeString.
 */
export function hashRevisionData(data: JsonObject, probe?: number): string {
  let sum = fnv32(utf8(goJson(data)));
  if (probe !== undefined) sum = fnv32(utf8(String(probe)), sum);
  return safeEncodeString(String(sum));
}

/** Mirrors history.ControllerRevisionName: `<owner>-<hash>`, the owner's name cut to 223 characters. */
export function revisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/** The revision number (`revision: 3`). */
export const revisionOf = (revision: JsonObject): number => (typeof revision.revision === 'number' ? revision.revision : 0);

/** Mirrors history.SortControllerRevisions: by revision, then creation, then name. */
export function sortRevisions(revisions: KubeObject[]): KubeObject[] {
  return revisions.sort((a, b) => {
    const byNumber = revisionOf(a) - revisionOf(b);
    if (byNumber !== 0) return byNumber;
    const byTime = parseTime(metaOf(a).creationTimestamp) - parseTime(metaOf(b).creationTimestamp);
    if (byTime !== 0) return byTime;
    return nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0;
  });
}

/** Mirrors nextRevision / maxRevision + 1: one more than the highest revision, 1 for the first. */
export function nextRevision(revisions: readonly JsonObject[]): number {
  let max = 0;
  for (const revision of revisions) max = Math.max(max, revisionOf(revision));
  return max + 1;
}

/**
 * A new ControllerRevision (history.NewControllerRevision, with the owner's annotations as
 * both controllers copy them). The hash label is set by the caller: the two controllers
 * name and label their revisions differently.
 */
export function newRevision(owner: KubeObject, name: string, data: JsonObject, revision: number, labels: Record<string, string>): KubeObject {
  const metadata: JsonObject = { name, namespace: metaOf(owner).namespace, labels };
  const annotations = metaOf(owner).annotations;
  if (isJsonObject(annotations) && Object.keys(annotations).length > 0) metadata.annotations = { ...annotations };
  metadata.ownerReferences = [newControllerRef(owner)];
  return { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata, data, revision };
}

/** The template labels a revision starts with (a copy). */
export function templateLabels(owner: JsonObject): Record<string, string> {
  const template = isJsonObject(specOf(owner).template) ? (specOf(owner).template as JsonObject) : {};
  return { ...labelsOf(template) };
}

/**
 * Mirrors ApplyRevision: the owner with the revision's template in place of its own (the
 * `$patch: replace` directive and Go's `creationTimestamp: null` are not part of a template).
 */
export function applyRevision(owner: KubeObject, revision: JsonObject): KubeObject {
  const data = isJsonObject(revision.data) ? revision.data : {};
  const spec = isJsonObject(data.spec) ? data.spec : {};
  if (!isJsonObject(spec.template)) return owner;
  const template: JsonObject = { ...spec.template };
  delete template.$patch;
  if (isJsonObject(template.metadata)) {
    const metadata = { ...template.metadata };
    if (metadata.creationTimestamp === null) delete metadata.creationTimestamp;
    if (Object.keys(metadata).length > 0) template.metadata = metadata;
    else delete template.metadata;
  }
  return { ...owner, spec: { ...specOf(owner), template } };
}
