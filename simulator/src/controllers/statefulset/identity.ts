/**
 * A StatefulSet Pod's identity (kube-controller-manager's stateful_set_utils.go): its
 * ordinal, its stable name `<set>-<ordinal>`, the labels naming it, its hostname and
 * subdomain (the headless Service gives it `web-0.nginx.default.svc.cluster.local`), and
 * the PersistentVolumeClaims `<template>-<set>-<ordinal>` its volumes point to.
 */
import { isJsonObject, type JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { newControllerRef } from '../deployment/ownership';
import { labelsOf, metaOf, nameOf, namespaceOf, specOf, statusOf, text } from '../deployment/pods';
import { CONTROLLER_REVISION_HASH_LABEL } from './history';

/** apps.StatefulSetPodNameLabel: lets a Service select one Pod of the set. */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** apps.PodIndexLabel (PodIndexLabel gate, beta and on in v1.30). */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

const STATEFUL_POD = /^(.*)-([0-9]+)$/;
const MAX_INT32 = 2 ** 31 - 1;

/** Mirrors getParentNameAndOrdinal: `web-2` is ordinal 2 of `web`; -1 when the name has no ordinal. */
export function parentAndOrdinal(name: string): { parent: string; ordinal: number } {
  const match = STATEFUL_POD.exec(name);
  if (!match) return { parent: '', ordinal: -1 };
  const ordinal = Number(match[2]);
  return { parent: match[1]!, ordinal: ordinal <= MAX_INT32 ? ordinal : -1 };
}

export const ordinalOf = (pod: JsonObject): number => parentAndOrdinal(nameOf(pod)).ordinal;

/** Mirrors isMemberOf: the Pod's name says it belongs to this set. */
export const isMemberOf = (set: JsonObject, pod: JsonObject): boolean => parentAndOrdinal(nameOf(pod)).parent === nameOf(set);

export const replicasOf = (set: JsonObject): number => (typeof specOf(set).replicas === 'number' ? (specOf(set).replicas as number) : 1);

/** Mirrors getStartOrdinal: spec.ordinals.start (StatefulSetStartOrdinal, beta and on in v1.30). */
export function startOrdinal(set: JsonObject): number {
  const ordinals = specOf(set).ordinals;
  return isJsonObject(ordinals) && typeof ordinals.start === 'number' ? ordinals.start : 0;
}

export const endOrdinal = (set: JsonObject): number => startOrdinal(set) + replicasOf(set) - 1;

/** Mirrors podInOrdinalRange: the ordinal is one the set currently wants. */
export function inOrdinalRange(pod: JsonObject, set: JsonObject): boolean {
  const ordinal = ordinalOf(pod);
  return ordinal >= startOrdinal(set) && ordinal <= endOrdinal(set);
}

export const podName = (set: JsonObject, ordinal: number): string => `${nameOf(set)}-${ordinal}`;

/** Mirrors getPodRevision: the revision the Pod was created from (`web-6b9c5d7f48`). */
export const podRevision = (pod: JsonObject): string => labelsOf(pod)[CONTROLLER_REVISION_HASH_LABEL] ?? '';

const claimTemplates = (set: JsonObject): JsonObject[] => (Array.isArray(specOf(set).volumeClaimTemplates) ? (specOf(set).volumeClaimTemplates as unknown[]).filter(isJsonObject) : []);

/** Mirrors getPersistentVolumeClaimName: `data-web-0`. */
export const claimName = (set: JsonObject, template: JsonObject, ordinal: number): string => `${nameOf(template)}-${nameOf(set)}-${ordinal}`;

/**
 * Mirrors getPersistentVolumeClaims: one claim per volumeClaimTemplate (in the template's
 * order), named for the ordinal, labelled with the template's labels and the set's
 * selector matchLabels. `volume` is the template's name, the Pod volume that mounts it.
 */
export function claimsFor(set: JsonObject, ordinal: number): { volume: string; claim: KubeObject }[] {
  const selector = isJsonObject(specOf(set).selector) ? (specOf(set).selector as JsonObject) : {};
  const matchLabels = isJsonObject(selector.matchLabels) ? (selector.matchLabels as Record<string, string>) : {};
  return claimTemplates(set).map((template) => {
    const metadata: JsonObject = { ...metaOf(template), name: claimName(set, template, ordinal), namespace: namespaceOf(set) };
    const labels = { ...labelsOf(template), ...matchLabels };
    if (Object.keys(labels).length > 0) metadata.labels = labels;
    else delete metadata.labels;
    const claim: KubeObject = { ...template, apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata };
    delete claim.status;
    return { volume: nameOf(template), claim };
  });
}

/**
 * Mirrors newStatefulSetPod + setPodRevision: the template's labels, annotations, finalizers
 * and spec (controller.GetPodFromTemplate, generateName `<set>-` as upstream leaves it), the
 * stable name, the pod-name, pod-index and revision labels, hostname and subdomain, and
 * the claims' volumes ahead of the template's own (updateStorage).
 */
export function newStatefulSetPod(set: KubeObject, ordinal: number, revision: string): KubeObject {
  const template = isJsonObject(specOf(set).template) ? (specOf(set).template as JsonObject) : {};
  const templateMeta = metaOf(template);
  const name = podName(set, ordinal);
  const metadata: JsonObject = { name, generateName: `${nameOf(set)}-`, namespace: namespaceOf(set) };
  metadata.labels = { ...labelsOf(template), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [CONTROLLER_REVISION_HASH_LABEL]: revision };
  if (isJsonObject(templateMeta.annotations)) metadata.annotations = { ...templateMeta.annotations };
  metadata.ownerReferences = [newControllerRef(set)];
  if (Array.isArray(templateMeta.finalizers)) metadata.finalizers = [...(templateMeta.finalizers as unknown[])];
  const spec: JsonObject = { ...specOf(template) };
  spec.hostname = name;
  const serviceName = text(specOf(set).serviceName);
  if (serviceName !== '') spec.subdomain = serviceName;
  const claims = claimsFor(set, ordinal);
  if (claims.length > 0) {
    const mounted = new Set(claims.map((entry) => entry.volume));
    const own = Array.isArray(spec.volumes) ? (spec.volumes as unknown[]).filter((volume) => !(isJsonObject(volume) && mounted.has(text(volume.name)))) : [];
    spec.volumes = [...claims.map(({ volume, claim }) => ({ name: volume, persistentVolumeClaim: { claimName: nameOf(claim) } })), ...own];
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/** Mirrors identityMatches: name, namespace and pod-name label agree with the ordinal. */
export function identityMatches(set: JsonObject, pod: JsonObject): boolean {
  const { parent, ordinal } = parentAndOrdinal(nameOf(pod));
  return ordinal >= 0 && parent === nameOf(set) && namespaceOf(pod) === namespaceOf(set) && labelsOf(pod)[POD_NAME_LABEL] === nameOf(pod);
}

/** Mirrors storageMatches: every claim template is mounted from the ordinal's claim. */
export function storageMatches(set: JsonObject, pod: JsonObject): boolean {
  const ordinal = ordinalOf(pod);
  if (ordinal < 0) return false;
  const volumes = new Map<string, JsonObject>();
  for (const volume of Array.isArray(specOf(pod).volumes) ? (specOf(pod).volumes as unknown[]).filter(isJsonObject) : []) volumes.set(text(volume.name), volume);
  return claimTemplates(set).every((template) => {
    const source = volumes.get(nameOf(template))?.persistentVolumeClaim;
    return isJsonObject(source) && source.claimName === claimName(set, template, ordinal);
  });
}

/** Mirrors isCreated: the API server gave it a phase (every stored Pod has one). */
export const isCreated = (pod: JsonObject): boolean => text(statusOf(pod).phase) !== '';

/**
 * The DNS names the Pods of a StatefulSet get through its headless Service
 * (`web-0.nginx.default.svc.cluster.local`), in ordinal order: what `nslookup` answers
 * inside the cluster. Empty when the set names no Service.
 */
export function statefulSetPodDnsNames(set: JsonObject, clusterDomain = 'cluster.local'): string[] {
  const serviceName = text(specOf(set).serviceName);
  if (serviceName === '') return [];
  const names: string[] = [];
  for (let ordinal = startOrdinal(set); ordinal <= endOrdinal(set); ordinal++) names.push(`${podName(set, ordinal)}.${serviceName}.${namespaceOf(set)}.svc.${clusterDomain}`);
  return names;
}
