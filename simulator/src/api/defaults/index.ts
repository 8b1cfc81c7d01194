/**
 * The defaults the API server applies to an object it is about to create, for the kinds
 * of the course: a pure function of the decoded object, mirroring the `SetDefaults_*`
 * functions of Kubernetes v1.30 (pkg/apis/<group>/<version>/defaults.go) with that
 * release's default feature gates, plus the few fields the registries fill on create
 * without needing the store (a Namespace's finalizer, a Service's IP families).
 *
 * Not here, because they need the store, the clock or an id generator: uid,
 * resourceVersion, creationTimestamp, generated names, cluster IPs and node ports, and a
 * Job's controller-uid labels (`applyJobSelector`, once the uid is known). Admission
 * plugins (ServiceAccount, DefaultTolerationSeconds, Priority ...) are not defaulting
 * either and belong to the simulated API server.
 */
import type { KindInfo } from '../catalog';
import type { KubeObject } from '../validation/rule';
import { defaultHorizontalPodAutoscalerV1, defaultHorizontalPodAutoscalerV2 } from './autoscaling';
import { defaultCronJob, defaultJob } from './batch';
import { defaultLimitRange, defaultNamespace, defaultNode, defaultSecret } from './core';
import { defaultIngressClass, defaultNetworkPolicy } from './networking';
import { defaultPod, defaultPodTemplateObject, defaultReplicationController } from './pod';
import { defaultBinding } from './rbac';
import { defaultPriorityClass } from './scheduling';
import { defaultEndpoints, defaultService } from './service';
import { defaultPersistentVolume, defaultPersistentVolumeClaim, defaultStorageClass } from './storage';
import { deepCopy, type Obj } from './util';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from './workloads';

export { applyJobSelector, JOB_LABELS } from './batch';
export { imageTag } from './pod';

type Defaulter = (object: Obj) => void;

/** One defaulter per `apiVersion/kind`; kinds without defaults are simply copied. */
const DEFAULTERS: ReadonlyMap<string, Defaulter> = new Map<string, Defaulter>([
  ['v1/Pod', defaultPod],
  ['v1/PodTemplate', defaultPodTemplateObject],
  ['v1/ReplicationController', defaultReplicationController],
  ['v1/Service', defaultService],
  ['v1/Endpoints', defaultEndpoints],
  ['v1/Secret', defaultSecret],
  ['v1/Namespace', defaultNamespace],
  ['v1/Node', defaultNode],
  ['v1/LimitRange', defaultLimitRange],
  ['v1/PersistentVolume', defaultPersistentVolume],
  ['v1/PersistentVolumeClaim', defaultPersistentVolumeClaim],
  ['apps/v1/Deployment', defaultDeployment],
  ['apps/v1/ReplicaSet', defaultReplicaSet],
  ['apps/v1/StatefulSet', defaultStatefulSet],
  ['apps/v1/DaemonSet', defaultDaemonSet],
  ['batch/v1/Job', defaultJob],
  ['batch/v1/CronJob', defaultCronJob],
  ['autoscaling/v2/HorizontalPodAutoscaler', defaultHorizontalPodAutoscalerV2],
  ['autoscaling/v1/HorizontalPodAutoscaler', defaultHorizontalPodAutoscalerV1],
  ['networking.k8s.io/v1/NetworkPolicy', defaultNetworkPolicy],
  ['networking.k8s.io/v1/IngressClass', defaultIngressClass],
  ['rbac.authorization.k8s.io/v1/RoleBinding', defaultBinding],
  ['rbac.authorization.k8s.io/v1/ClusterRoleBinding', defaultBinding],
  ['storage.k8s.io/v1/StorageClass', defaultStorageClass],
  ['scheduling.k8s.io/v1/PriorityClass', defaultPriorityClass],
]);

/**
 * The object as the API server would store it after defaulting: a new deep copy, the
 * input is never modified. Idempotent: defaulting a defaulted object changes nothing.
 * `info` (from the catalogue) selects the defaults, so an object of an unknown kind, or
 * of a kind without defaults, comes back as a plain copy.
 */
export function applyDefaults(object: KubeObject, info: KindInfo): KubeObject {
  const copy = deepCopy(object);
  DEFAULTERS.get(`${info.apiVersion}/${info.kind}`)?.(copy);
  return copy;
}

/**
 * Defaults `object` itself and returns it: `applyDefaults` without the copy, for a caller
 * that owns a private copy already (the simulated API server's store clones what it is sent).
 */
export function applyDefaultsInPlace(object: KubeObject, info: KindInfo): KubeObject {
  DEFAULTERS.get(`${info.apiVersion}/${info.kind}`)?.(object);
  return object;
}

/** Whether `applyDefaults` has defaults for this kind (the others are copied as is). */
export function hasDefaults(info: KindInfo): boolean {
  return DEFAULTERS.has(`${info.apiVersion}/${info.kind}`);
}
