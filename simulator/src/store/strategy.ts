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

/** Whether an update changed what the kind's strategy counts as its desired state. */
type GenerationRule = (old: JsonObject, next: JsonObject) => boolean;

const changed = (field: string): GenerationRule => (old, next) => !deepEqual(old[field], next[field]);
const metadataField = (object: JsonObject, field: string): unknown => (isJsonObject(object.metadata) ? object.metadata[field] : undefined);

const SPEC = changed('spec');

/**
 * The kinds whose objects carry metadata.generation in v1.30, and what bumps it: each
 * strategy's PrepareForCreate sets `Generation = 1`, its PrepareForUpdate adds one when
 * the rule holds (kube-apiserver `pkg/registry/<group>/<resource>/strategy.go`; the CRD's is
 * in apiextensions-apiserver `pkg/registry/customresourcedefinition/strategy.go`). Every
 * other kind has none: ConfigMap, Secret, Service, Namespace, Node, ServiceAccount,
 * Endpoints, Event, PV, PVC, LimitRange, ResourceQuota, ControllerRevision, Lease, RBAC,
 * StorageClass, CSINode, VolumeAttachment, RuntimeClass, CSR... and, in v1.30, Pod (v1.33's
 * PodObservedGenerationTracking) and HorizontalPodAutoscaler (the later HPAGeneration gate).
 */
const GENERATION = new Map<string, GenerationRule>([
  // core/replicationcontroller
  ['/ReplicationController', SPEC],
  // core/podtemplate: changes of `template`, a PodTemplate's only desired state.
  ['/PodTemplate', changed('template')],
  // admissionregistration/{mutating,validating}webhookconfiguration: the `webhooks` list.
  ['admissionregistration.k8s.io/MutatingWebhookConfiguration', changed('webhooks')],
  ['admissionregistration.k8s.io/ValidatingWebhookConfiguration', changed('webhooks')],
  // admissionregistration/validatingadmissionpolicy, validatingadmissionpolicybinding
  ['admissionregistration.k8s.io/ValidatingAdmissionPolicy', SPEC],
  ['admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding', SPEC],
  ['apiextensions.k8s.io/CustomResourceDefinition', SPEC],
  // apps/daemonset, deployment, replicaset, statefulset. The Deployment strategy also bumps
  // on an annotations change; not mirrored: the simulated deployment controller writes its
  // revision annotation with a patch (the real one through /status, which does not bump).
  ['apps/DaemonSet', SPEC],
  ['apps/Deployment', SPEC],
  ['apps/ReplicaSet', SPEC],
  ['apps/StatefulSet', SPEC],
  // batch/cronjob, job
  ['batch/CronJob', SPEC],
  ['batch/Job', SPEC],
  // discovery/endpointslice: anything but metadata (endpoints, ports, addressType), or the labels.
  ['discovery.k8s.io/EndpointSlice', (old, next) => desiredStateChanged(old, next) || !deepEqual(metadataField(old, 'labels'), metadataField(next, 'labels'))],
  // flowcontrol/flowschema, prioritylevelconfiguration
  ['flowcontrol.apiserver.k8s.io/FlowSchema', SPEC],
  ['flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration', SPEC],
  // networking/ingress, ingressclass, networkpolicy
  ['networking.k8s.io/Ingress', SPEC],
  ['networking.k8s.io/IngressClass', SPEC],
  ['networking.k8s.io/NetworkPolicy', SPEC],
  // policy/poddisruptionbudget
  ['policy/PodDisruptionBudget', SPEC],
  // scheduling/priorityclass: set on create, and its PrepareForUpdate never bumps it.
  ['scheduling.k8s.io/PriorityClass', () => false],
  // storage/csidriver
  ['storage.k8s.io/CSIDriver', SPEC],
]);

/** Whether the kind's objects carry metadata.generation (`kubectl get -o yaml` shows `generation:`). */
export function tracksGeneration(info: Pick<KindInfo, 'group' | 'kind'>): boolean {
  return GENERATION.has(kindKey(info));
}

/** True when the update bumps metadata.generation: the kind has one and its desired state changed. */
export function bumpsGeneration(info: Pick<KindInfo, 'group' | 'kind'>, old: JsonObject, next: JsonObject): boolean {
  return GENERATION.get(kindKey(info))?.(old, next) ?? false;
}

/** True when anything outside metadata and status changed. */
function desiredStateChanged(old: JsonObject, next: JsonObject): boolean {
  const keys = new Set([...Object.keys(old), ...Object.keys(next)]);
  for (const key of keys) {
    if (key === 'metadata' || key === 'status' || key === 'apiVersion' || key === 'kind') continue;
    if (!deepEqual(old[key], next[key])) return true;
  }
  return false;
}

// The QoS class is the API's own notion (validation compares it on Pod updates).
export { podQosClass } from '../api/qos';
