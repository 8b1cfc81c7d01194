/**
 * `kubectl describe <kind> <name>`: the object and the related objects kubectl would fetch
 * (events about it, a Deployment's ReplicaSets, a node's pods...) turned into text.
 * `gatherRelated` does the fetching from any lister (the object store), with the same
 * field and label selectors kubectl sends.
 */
import { kindInfo, type KindInfo } from '../../api/catalog';
import { matchesLabelSelector } from '../../store/selectors';
import { at, meta, nameOf, obj, str, type Json } from '../fields';
import { describeConfigMap, describeNamespace, describeSecret } from './config';
import { describeGeneric } from './generic';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeService, endpointsAsSlices, slicesOfService } from './service';
import { describeCronJob, describeDaemonSet, describeJob, describeStatefulSet } from './apps';
import { describeEndpoints, describeIngress, describeNetworkPolicy } from './network';
import { describeHorizontalPodAutoscaler, describeLimitRange, describePodDisruptionBudget, describeResourceQuota } from './policy';
import { describeBinding, describeRoleLike, describeServiceAccount } from './rbac';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage';
import { describeDeployment, describeReplicaSet } from './workloads';
import { DescribeWriter } from './writer';

export { writeEvents, DescribeWriter } from './writer';

/** What kubectl fetches besides the object itself; each describer reads what it needs. */
export interface DescribeRelated {
  /** Events whose involvedObject is the object (see gatherRelated for kubectl's selector). */
  events?: readonly Json[];
  /**
   * ReplicaSet, StatefulSet, DaemonSet, PersistentVolumeClaim: pods of its namespace;
   * Node: the non-terminated pods bound to it.
   */
  pods?: readonly Json[];
  /** ServiceAccount: the Secrets of its namespace. */
  secrets?: readonly Json[];
  /** Ingress: the Services of its namespace (its backends). */
  services?: readonly Json[];
  /** Deployment: ReplicaSets of its namespace. */
  replicaSets?: readonly Json[];
  /** Service: its EndpointSlices (label kubernetes.io/service-name); Ingress: its namespace's. */
  endpointSlices?: readonly Json[];
  /** Service: its Endpoints, used when no EndpointSlices are given. */
  endpoints?: Json;
  /** Ingress: the Endpoints of its namespace, for Services without EndpointSlices. */
  endpointsList?: readonly Json[];
  /** Node: its Lease in kube-node-lease. */
  lease?: Json;
  /** Namespace: its ResourceQuotas and LimitRanges. */
  resourceQuotas?: readonly Json[];
  limitRanges?: readonly Json[];
}

export interface DescribeOptions {
  /** Simulated epoch milliseconds, for ages. */
  now: number;
  /** `--show-events=false` hides the Events section. */
  showEvents?: boolean;
}

/** Kinds with a describer here (others fall back to a generic one). */
export const DESCRIBED_KINDS = [
  'Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'Endpoints', 'Ingress', 'NetworkPolicy',
  'Node', 'Namespace', 'ConfigMap', 'Secret', 'PersistentVolume', 'PersistentVolumeClaim', 'StorageClass', 'ServiceAccount', 'Role',
  'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'LimitRange', 'ResourceQuota',
] as const;

/** An autoscaling/v1 HPA as the v2 one the API server converts it to (what kubectl describes). */
function hpaAsV2(hpa: Json): Json {
  if (hpa.apiVersion !== 'autoscaling/v1') return hpa;
  const spec = obj(hpa.spec);
  const status = obj(hpa.status);
  const target = typeof spec.targetCPUUtilizationPercentage === 'number' ? spec.targetCPUUtilizationPercentage : 80;
  const metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }];
  const current = status.currentCPUUtilizationPercentage;
  const currentMetrics = typeof current === 'number' ? [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }] : [];
  return { ...hpa, spec: { ...spec, metrics }, status: { ...status, currentMetrics } };
}

/** The text of `kubectl describe` for `object` (a trailing newline included). */
export function describe(info: Pick<KindInfo, 'kind'>, object: Json, related: DescribeRelated, options: DescribeOptions): string {
  const w = new DescribeWriter();
  const events = options.showEvents === false ? undefined : (related.events ?? []);
  const now = options.now;
  switch (info.kind) {
    case 'Pod':
      describePod(w, object, events, now);
      break;
    case 'Deployment':
      describeDeployment(w, object, related.replicaSets ?? [], events, now);
      break;
    case 'ReplicaSet':
      describeReplicaSet(w, object, related.pods ?? [], events, now);
      break;
    case 'Service': {
      const slices = related.endpointSlices ?? (related.endpoints ? endpointsAsSlices(related.endpoints) : []);
      describeService(w, object, slices, events, now);
      break;
    }
    case 'Node':
      describeNode(w, object, related.pods ?? [], related.lease, events, now);
      break;
    case 'Namespace':
      describeNamespace(w, object, related.resourceQuotas ?? [], related.limitRanges ?? []);
      break;
    case 'ConfigMap':
      describeConfigMap(w, object, events, now);
      break;
    case 'Secret':
      describeSecret(w, object);
      break;
    case 'StatefulSet':
      describeStatefulSet(w, object, related.pods ?? [], events, now);
      break;
    case 'DaemonSet':
      describeDaemonSet(w, object, related.pods ?? [], events, now);
      break;
    case 'Job':
      describeJob(w, object, events, now);
      break;
    case 'CronJob':
      describeCronJob(w, object, events, now);
      break;
    case 'Endpoints':
      describeEndpoints(w, object, events, now);
      break;
    case 'Ingress':
      describeIngress(w, object, { services: related.services ?? [], endpointSlices: related.endpointSlices ?? [], endpoints: related.endpointsList ?? [] }, events, now);
      break;
    case 'NetworkPolicy':
      describeNetworkPolicy(w, object);
      break;
    case 'PersistentVolume':
      describePersistentVolume(w, object, events, now);
      break;
    case 'PersistentVolumeClaim':
      describePersistentVolumeClaim(w, object, related.pods ?? [], events, now);
      break;
    case 'StorageClass':
      describeStorageClass(w, object, events, now);
      break;
    case 'ServiceAccount':
      describeServiceAccount(w, object, related.secrets ?? [], events, now);
      break;
    case 'Role':
    case 'ClusterRole':
      describeRoleLike(w, object);
      break;
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      describeBinding(w, object);
      break;
    case 'HorizontalPodAutoscaler':
      describeHorizontalPodAutoscaler(w, hpaAsV2(object), events, now);
      break;
    case 'PodDisruptionBudget':
      describePodDisruptionBudget(w, object, events, now);
      break;
    case 'LimitRange':
      describeLimitRange(w, object);
      break;
    case 'ResourceQuota':
      describeResourceQuota(w, object);
      break;
    default:
      describeGeneric(w, object, events, now);
  }
  return w.toString();
}

/** Lists the objects of a kind, in one namespace or all; the object store's `list`. */
export type Lister = (info: KindInfo, namespace?: string) => readonly Json[];

const KIND = (apiVersion: string, kind: string): KindInfo => kindInfo(apiVersion, kind)!;

/**
 * Fetches what `kubectl describe` fetches for `object`: events with involvedObject
 * name, namespace and uid (kind too, except for pods), and for a node also those whose
 * uid is its name; a Deployment's ReplicaSets; a ReplicaSet's pods; a node's pods that
 * are not Succeeded or Failed and its Lease; a Service's EndpointSlices; a namespace's
 * quotas and limit ranges.
 */
export function gatherRelated(info: Pick<KindInfo, 'kind' | 'namespaced'>, object: Json, list: Lister): DescribeRelated {
  const name = nameOf(object);
  const namespace = str(meta(object).namespace);
  const uid = str(meta(object).uid);
  const related: DescribeRelated = {};
  const eventNamespace = info.namespaced ? namespace : 'default';
  related.events = list(KIND('v1', 'Event'), eventNamespace).filter((e) => {
    const involved = obj(e.involvedObject);
    if (str(involved.name) !== name || str(involved.namespace) !== (info.namespaced ? namespace : '')) return false;
    if (info.kind !== 'Pod' && str(involved.kind) !== info.kind) return false;
    const involvedUid = str(involved.uid);
    return involvedUid === uid || (info.kind === 'Node' && involvedUid === name);
  });
  switch (info.kind) {
    case 'Deployment':
      related.replicaSets = list(KIND('apps/v1', 'ReplicaSet'), namespace);
      break;
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
      related.pods = list(KIND('v1', 'Pod'), namespace).filter((p) => matchesLabelSelector(at(object, 'spec.selector'), obj(meta(p).labels) as Record<string, string>));
      break;
    case 'PersistentVolumeClaim':
      related.pods = list(KIND('v1', 'Pod'), namespace);
      break;
    case 'ServiceAccount':
      related.secrets = list(KIND('v1', 'Secret'), namespace);
      break;
    case 'Ingress':
      related.services = list(KIND('v1', 'Service'), namespace);
      related.endpointSlices = list(KIND('discovery.k8s.io/v1', 'EndpointSlice'), namespace);
      related.endpointsList = list(KIND('v1', 'Endpoints'), namespace);
      break;
    case 'Node':
      related.pods = list(KIND('v1', 'Pod')).filter((p) => str(at(p, 'spec.nodeName')) === name && !['Succeeded', 'Failed'].includes(str(at(p, 'status.phase'))));
      related.lease = list(KIND('coordination.k8s.io/v1', 'Lease'), 'kube-node-lease').find((l) => nameOf(l) === name);
      break;
    case 'Service':
      related.endpointSlices = slicesOfService(object, list(KIND('discovery.k8s.io/v1', 'EndpointSlice'), namespace));
      if (related.endpointSlices.length === 0) {
        delete related.endpointSlices;
        related.endpoints = list(KIND('v1', 'Endpoints'), namespace).find((e) => nameOf(e) === name);
      }
      break;
    case 'Namespace':
      related.resourceQuotas = list(KIND('v1', 'ResourceQuota'), name);
      related.limitRanges = list(KIND('v1', 'LimitRange'), name);
      break;
  }
  return related;
}
