/**
 * kube-state-metrics (v2.12, the release for Kubernetes 1.30) for the basics the monitoring
 * chapter uses: Deployments, HorizontalPodAutoscalers, Jobs, Namespaces, Nodes and Pods,
 * with KSM's metric names, HELP texts ([STABLE] prefix included), label names and order
 * (the object's labels first, `namespace`, `pod`, `uid`, then the metric's own), resources
 * in KSM's order (alphabetical) and objects by namespace then name.
 */
import { kindInfo } from '../api/catalog';
import { integerValue, milliValue, parseQuantity } from '../api/quantity';
import { isJsonObject, type JsonObject } from '../store/json';
import type { StateReader } from '../kubelet/replay';
import type { KubeObject } from '../store/store';
import { conditionSamples, sanitizeLabelName, type Family, type Labels, type Sample } from './exposition';

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
const list = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);
const meta = (object: JsonObject): JsonObject => obj(object.metadata);

function family(name: string, help: string, samples: Sample[], type: Family['type'] = 'gauge', stable = true): Family {
  return { name, help: stable ? `[STABLE] ${help}` : help, type, samples };
}

/** A resource quantity as KSM exports it: cores for CPU, bytes for memory and storage, a count otherwise. */
function resourceSample(resource: string, value: unknown): { resource: string; unit: string; value: number } | undefined {
  const parsed = parseQuantity(typeof value === 'number' ? value : str(value));
  if (!parsed.ok) return undefined;
  if (resource === 'cpu') return { resource, unit: 'core', value: Number(milliValue(parsed.quantity)) / 1000 };
  const bytes = resource === 'memory' || resource === 'ephemeral-storage' || resource === 'storage' || resource.startsWith('hugepages-');
  return { resource: sanitizeLabelName(resource), unit: bytes ? 'byte' : 'integer', value: Number(integerValue(parsed.quantity)) };
}

function resources(base: Labels, values: unknown): Sample[] {
  return Object.entries(obj(values))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([name, value]) => {
      const sample = resourceSample(name, value);
      return sample ? [{ labels: [...base, ['resource', sample.resource], ['unit', sample.unit]] as Labels, value: sample.value }] : [];
    });
}

function deployments(items: KubeObject[]): Family[] {
  const base = (d: KubeObject): Labels => [['namespace', str(meta(d).namespace)], ['deployment', str(meta(d).name)]];
  const field = (path: 'status' | 'spec', key: string) => items.map((d) => ({ labels: base(d), value: num(obj(d[path])[key]) }));
  return [
    family('kube_deployment_status_replicas', 'The number of replicas per deployment.', field('status', 'replicas')),
    family('kube_deployment_status_replicas_ready', 'The number of ready replicas per deployment.', field('status', 'readyReplicas')),
    family('kube_deployment_status_replicas_available', 'The number of available replicas per deployment.', field('status', 'availableReplicas')),
    family('kube_deployment_status_replicas_unavailable', 'The number of unavailable replicas per deployment.', field('status', 'unavailableReplicas')),
    family('kube_deployment_status_replicas_updated', 'The number of updated replicas per deployment.', field('status', 'updatedReplicas')),
    family('kube_deployment_status_observed_generation', 'The generation observed by the deployment controller.', field('status', 'observedGeneration')),
    family('kube_deployment_spec_replicas', 'Number of desired pods for a deployment.', field('spec', 'replicas')),
    family('kube_deployment_metadata_generation', 'Sequence number representing a specific generation of the desired state.', items.map((d) => ({ labels: base(d), value: num(meta(d).generation) }))),
  ];
}

function autoscalers(items: KubeObject[]): Family[] {
  const base = (h: KubeObject): Labels => [['namespace', str(meta(h).namespace)], ['horizontalpodautoscaler', str(meta(h).name)]];
  const field = (path: 'status' | 'spec', key: string, fallback = 0) => items.map((h) => ({ labels: base(h), value: typeof obj(h[path])[key] === 'number' ? num(obj(h[path])[key]) : fallback }));
  return [
    family('kube_horizontalpodautoscaler_spec_max_replicas', 'Upper limit for the number of pods that can be set by the autoscaler; cannot be smaller than MinReplicas.', field('spec', 'maxReplicas')),
    family('kube_horizontalpodautoscaler_spec_min_replicas', 'Lower limit for the number of pods that can be set by the autoscaler, default 1.', field('spec', 'minReplicas', 1)),
    family('kube_horizontalpodautoscaler_status_current_replicas', 'Current number of replicas of pods managed by this autoscaler.', field('status', 'currentReplicas')),
    family('kube_horizontalpodautoscaler_status_desired_replicas', 'Desired number of replicas of pods managed by this autoscaler.', field('status', 'desiredReplicas')),
    family('kube_horizontalpodautoscaler_status_condition', 'The condition of this autoscaler.', items.flatMap((h) =>
      list(obj(h.status).conditions).flatMap((c) => conditionSamples([...base(h), ['condition', str(c.type)]], c.status, 'status')))),
  ];
}

/** Mirrors KSM's kube_job_status_failed: per known reason once the Job failed, else the count. */
function jobFailed(job: KubeObject, base: Labels): Sample[] {
  const failed = num(obj(job.status).failed);
  if (failed === 0) return [{ labels: base, value: 0 }];
  const samples: Sample[] = [];
  for (const condition of list(obj(job.status).conditions).filter((c) => c.type === 'Failed')) {
    const reasons = ['BackoffLimitExceeded', 'DeadlineExceeded', 'Evicted'];
    for (const reason of reasons) samples.push({ labels: [...base, ['reason', reason]], value: condition.reason === reason ? 1 : 0 });
    if (!reasons.includes(str(condition.reason))) samples.push({ labels: [...base, ['reason', '']], value: failed });
  }
  return samples;
}

function jobs(items: KubeObject[]): Family[] {
  const base = (j: KubeObject): Labels => [['namespace', str(meta(j).namespace)], ['job_name', str(meta(j).name)]];
  const conditions = (type: string) => items.flatMap((j) => list(obj(j.status).conditions).filter((c) => c.type === type).flatMap((c) => conditionSamples(base(j), c.status)));
  return [
    family('kube_job_status_succeeded', 'The number of pods which reached Phase Succeeded.', items.map((j) => ({ labels: base(j), value: num(obj(j.status).succeeded) }))),
    family('kube_job_status_failed', 'The number of pods which reached Phase Failed and the reason for failure.', items.flatMap((j) => jobFailed(j, base(j)))),
    family('kube_job_status_active', 'The number of actively running pods.', items.map((j) => ({ labels: base(j), value: num(obj(j.status).active) }))),
    family('kube_job_complete', 'The job has completed its execution.', conditions('Complete')),
    family('kube_job_failed', 'The job has failed its execution.', conditions('Failed')),
  ];
}

function namespaces(items: KubeObject[]): Family[] {
  return [
    family('kube_namespace_status_phase', 'kubernetes namespace status phase.', items.flatMap((n) =>
      ['Active', 'Terminating'].map((phase) => ({ labels: [['namespace', str(meta(n).name)], ['phase', phase]] as Labels, value: str(obj(n.status).phase) === phase ? 1 : 0 })))),
  ];
}

function nodes(items: KubeObject[]): Family[] {
  const base = (n: KubeObject): Labels => [['node', str(meta(n).name)]];
  return [
    family('kube_node_info', 'Information about a cluster node.', items.map((n) => {
      const info = obj(obj(n.status).nodeInfo);
      const internal = list(obj(n.status).addresses).find((a) => a.type === 'InternalIP');
      return {
        labels: [
          ...base(n), ['kernel_version', str(info.kernelVersion)], ['os_image', str(info.osImage)], ['container_runtime_version', str(info.containerRuntimeVersion)],
          ['kubelet_version', str(info.kubeletVersion)], ['kubeproxy_version', 'deprecated'], ['provider_id', str(obj(n.spec).providerID)],
          ['pod_cidr', str(obj(n.spec).podCIDR)], ['system_uuid', str(info.systemUUID)], ['internal_ip', str(internal?.address)],
        ] as Labels,
        value: 1,
      };
    })),
    family('kube_node_spec_unschedulable', 'Whether a node can schedule new pods.', items.map((n) => ({ labels: base(n), value: obj(n.spec).unschedulable === true ? 1 : 0 }))),
    family('kube_node_status_allocatable', 'The allocatable for different resources of a node that are available for scheduling.', items.flatMap((n) => resources(base(n), obj(n.status).allocatable))),
    family('kube_node_status_capacity', 'The capacity for different resources of a node.', items.flatMap((n) => resources(base(n), obj(n.status).capacity))),
    family('kube_node_status_condition', 'The condition of a cluster node.', items.flatMap((n) =>
      list(obj(n.status).conditions).flatMap((c) => conditionSamples([...base(n), ['condition', str(c.type)]], c.status, 'status')))),
  ];
}

function containerStatuses(pod: KubeObject): JsonObject[] {
  return list(obj(pod.status).containerStatuses);
}

function pods(items: KubeObject[]): Family[] {
  const base = (p: KubeObject): Labels => [['namespace', str(meta(p).namespace)], ['pod', str(meta(p).name)], ['uid', str(meta(p).uid)]];
  const perContainer = (fn: (pod: KubeObject, status: JsonObject) => Sample[]) => items.flatMap((p) => containerStatuses(p).flatMap((s) => fn(p, s)));
  const stateIs = (state: string) => perContainer((p, s) => [{ labels: [...base(p), ['container', str(s.name)]], value: isJsonObject(obj(s.state)[state]) ? 1 : 0 }]);
  const resourcesOf = (field: 'requests' | 'limits') => items.flatMap((p) =>
    list(obj(p.spec).containers).flatMap((c) => resources([...base(p), ['container', str(c.name)], ['node', str(obj(p.spec).nodeName)]], obj(obj(c.resources)[field]))));
  return [
    family('kube_pod_info', 'Information about pod.', items.map((p) => {
      const owner = list(meta(p).ownerReferences).find((ref) => ref.controller === true);
      const status = obj(p.status);
      return {
        labels: [
          ...base(p), ['host_ip', str(status.hostIP)], ['pod_ip', str(status.podIP)], ['node', str(obj(p.spec).nodeName)],
          ['created_by_kind', owner ? str(owner.kind) : '<none>'], ['created_by_name', owner ? str(owner.name) : '<none>'],
          ['priority_class', str(obj(p.spec).priorityClassName)], ['host_network', String(obj(p.spec).hostNetwork === true)],
        ] as Labels,
        value: 1,
      };
    })),
    family('kube_pod_status_phase', 'The pods current phase.', items.flatMap((p) => {
      const phase = str(obj(p.status).phase);
      if (phase === '') return [];
      return ['Pending', 'Succeeded', 'Failed', 'Unknown', 'Running'].map((candidate) => ({ labels: [...base(p), ['phase', candidate]] as Labels, value: phase === candidate ? 1 : 0 }));
    })),
    family('kube_pod_status_ready', 'Describes whether the pod is ready to serve requests.', items.flatMap((p) =>
      list(obj(p.status).conditions).filter((c) => c.type === 'Ready').flatMap((c) => conditionSamples(base(p), c.status)))),
    family('kube_pod_container_status_restarts_total', 'The number of container restarts per container.', perContainer((p, s) => [{ labels: [...base(p), ['container', str(s.name)]], value: num(s.restartCount) }]), 'counter'),
    family('kube_pod_container_status_ready', 'Describes whether the containers readiness check succeeded.', perContainer((p, s) => [{ labels: [...base(p), ['container', str(s.name)]], value: s.ready === true ? 1 : 0 }])),
    family('kube_pod_container_status_running', 'Describes whether the container is currently in running state.', stateIs('running')),
    family('kube_pod_container_status_waiting', 'Describes whether the container is currently in waiting state.', stateIs('waiting')),
    family('kube_pod_container_status_waiting_reason', 'Describes the reason the container is currently in waiting state.', perContainer((p, s) => {
      const waiting = obj(obj(s.state).waiting);
      return isJsonObject(obj(s.state).waiting) ? [{ labels: [...base(p), ['container', str(s.name)], ['reason', str(waiting.reason)]], value: 1 }] : [];
    })),
    family('kube_pod_container_status_terminated', 'Describes whether the container is currently in terminated state.', stateIs('terminated')),
    family('kube_pod_container_resource_requests', 'The number of requested request resource by a container. It is recommended to use the kube_pod_resource_requests metric exposed by kube-scheduler instead, as it is more precise.', resourcesOf('requests'), 'gauge', false),
    family('kube_pod_container_resource_limits', 'The number of requested limit resource by a container. It is recommended to use the kube_pod_resource_limits metric exposed by kube-scheduler instead, as it is more precise.', resourcesOf('limits'), 'gauge', false),
  ];
}

/** KSM's families for the cluster's objects, resources in KSM's (alphabetical) order. */
export function kubeStateFamilies(store: Pick<StateReader, 'list'>): Family[] {
  return [
    ...deployments(store.list(kindInfo('apps/v1', 'Deployment')!)),
    ...autoscalers(store.list(kindInfo('autoscaling/v2', 'HorizontalPodAutoscaler')!)),
    ...jobs(store.list(kindInfo('batch/v1', 'Job')!)),
    ...namespaces(store.list(kindInfo('v1', 'Namespace')!)),
    ...nodes(store.list(kindInfo('v1', 'Node')!)),
    ...pods(store.list(kindInfo('v1', 'Pod')!)),
  ];
}
