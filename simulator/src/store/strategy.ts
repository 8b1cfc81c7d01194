/**
 * What each kind's REST strategy does on create and update, beyond defaulting and
 * validation (kube-apiserver `pkg/registry/<group>/<kind>/strategy.go`): status is a
 * subresource the main resource cannot write, a new Pod starts Pending with its QoS
 * class, a new Namespace starts Active with the `kubernetes` finalizer, and the
 * generation counts changes of the desired state (of the kinds that have one).
 */
import type { KindInfo } from '../api/catalog';
import { podQosClass } from '../api/qos';
import { clone, deepEqual, isJsonObject, type JsonObject } from './json';

/** Kinds served with a `/status` subresource (v1.30), keyed `group/Kind`. */
const STATUS_SUBRESOURCE = new Set([
  '/Pod', '/Service', '/Node', '/Namespace', '/PersistentVolume', '/PersistentVolumeClaim', '/ReplicationController', '/ResourceQuota',
  'apps/Deployment', 'apps/ReplicaSet', 'apps/StatefulSet', 'apps/DaemonSet',
  'batch/Job', 'batch/CronJob', 'autoscaling/HorizontalPodAutoscaler', 'policy/PodDisruptionBudget',
  'networking.k8s.io/Ingress', 'certificates.k8s.io/CertificateSigningRequest', 'storage.k8s.io/VolumeAttachment',
  'apiextensions.k8s.io/CustomResourceDefinition', 'flowcontrol.apiserver.k8s.io/FlowSchema',
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration', 'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
]);

const kindKey = (info: Pick<KindInfo, 'group' | 'kind'>): string => `${info.group}/${info.kind}`;

/** True when the kind's status is written through the status subresource only. */
export function hasStatusSubresource(info: Pick<KindInfo, 'group' | 'kind'>): boolean {
  return STATUS_SUBRESOURCE.has(kindKey(info));
}

/**
 * Before defaulting, on create: a client cannot create an object with a status (the
 * controllers own it), except Nodes, which the kubelet registers with theirs.
 */
export function resetStatusForCreate(info: KindInfo, object: JsonObject): void {
  if (hasStatusSubresource(info) && kindKey(info) !== '/Node') delete object.status;
}

/** After defaulting, on create: the status a fresh Pod or Namespace is born with. */
export function prepareForCreate(info: KindInfo, object: JsonObject): void {
  switch (kindKey(info)) {
    case '/Pod':
      // Mirrors pod strategy PrepareForCreate: Pending, with the QoS class computed once.
      object.status = { phase: 'Pending', qosClass: podQosClass(object) };
      break;
    case '/Namespace': {
      // Mirrors namespace strategy PrepareForCreate: Active, and the `kubernetes` finalizer
      // the namespace controller removes once the content is gone.
      object.status = { phase: 'Active' };
      const spec = isJsonObject(object.spec) ? object.spec : (object.spec = {});
      const finalizers: unknown[] = Array.isArray(spec.finalizers) ? spec.finalizers : [];
      if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
      break;
    }
  }
}

/** On update through the main resource: what the client may not change is taken from the stored object. */
export function prepareForUpdate(info: KindInfo, object: JsonObject, old: JsonObject): void {
  if (hasStatusSubresource(info)) {
    if (old.status === undefined) delete object.status;
    else object.status = clone(old.status);
  }
  if (kindKey(info) === '/Namespace' && isJsonObject(old.spec)) {
    // spec.finalizers is only written through the namespace's /finalize subresource.
    const spec = isJsonObject(object.spec) ? object.spec : (object.spec = {});
    if (old.spec.finalizers === undefined) delete spec.finalizers;
    else spec.finalizers = clone(old.spec.finalizers);
  }
}

/**
 * Whether the kind's objects carry metadata.generation. A Pod has none in v1.30: its
 * strategy never sets one (Pods got a generation with v1.33's PodObservedGenerationTracking),
 * so `kubectl get pod -o yaml` shows no `generation:`.
 */
export function tracksGeneration(info: Pick<KindInfo, 'group' | 'kind'>): boolean {
  return kindKey(info) !== '/Pod';
}

/** True when anything outside metadata and status changed: that is what bumps metadata.generation. */
export function desiredStateChanged(old: JsonObject, next: JsonObject): boolean {
  const keys = new Set([...Object.keys(old), ...Object.keys(next)]);
  for (const key of keys) {
    if (key === 'metadata' || key === 'status' || key === 'apiVersion' || key === 'kind') continue;
    if (!deepEqual(old[key], next[key])) return true;
  }
  return false;
}

// The QoS class is the API's own notion (validation compares it on Pod updates).
export { podQosClass } from '../api/qos';
