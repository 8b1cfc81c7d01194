/**
 * The kind catalogue: what `kubectl api-resources` prints for a v1.30 API server with its
 * default set of APIs (GA groups only; alpha and beta APIs are off by default). These are
 * discovery facts the type declarations do not carry (plural resource name, short names,
 * scope, verbs), so they are data here; each entry is checked against the generated
 * schemas by test/simulator/api/catalog.test.ts.
 */
import { definition } from './schemas';

export interface KindInfo {
  /** `apps/v1`, or `v1` for the core group. */
  apiVersion: string;
  group: string;
  version: string;
  kind: string;
  /** The REST resource: `deployments`. */
  resource: string;
  /** Lowercase kind, what `kubectl get deployment` also accepts. */
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
  verbs: readonly string[];
  /** The schema definition: `apps.v1.Deployment`. */
  definition: string;
  /** When a resource is served in several versions, the one discovery prefers. */
  preferred: boolean;
}

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;
const CREATE = ['create'] as const;

// [resource, shortNames, apiVersion, namespaced, kind, verbs?, preferred?]
type Row = [string, string, string, boolean, string, (readonly string[])?, boolean?];

// Mirrors `kubectl api-resources` on a v1.30 cluster (same order: core group first, then groups by name).
const ROWS: readonly Row[] = [
  ['bindings', '', 'v1', true, 'Binding', CREATE],
  ['componentstatuses', 'cs', 'v1', false, 'ComponentStatus', ['get', 'list']],
  ['configmaps', 'cm', 'v1', true, 'ConfigMap'],
  ['endpoints', 'ep', 'v1', true, 'Endpoints'],
  ['events', 'ev', 'v1', true, 'Event'],
  ['limitranges', 'limits', 'v1', true, 'LimitRange'],
  ['namespaces', 'ns', 'v1', false, 'Namespace', ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']],
  ['nodes', 'no', 'v1', false, 'Node'],
  ['persistentvolumeclaims', 'pvc', 'v1', true, 'PersistentVolumeClaim'],
  ['persistentvolumes', 'pv', 'v1', false, 'PersistentVolume'],
  ['pods', 'po', 'v1', true, 'Pod'],
  ['podtemplates', '', 'v1', true, 'PodTemplate'],
  ['replicationcontrollers', 'rc', 'v1', true, 'ReplicationController'],
  ['resourcequotas', 'quota', 'v1', true, 'ResourceQuota'],
  ['secrets', '', 'v1', true, 'Secret'],
  ['serviceaccounts', 'sa', 'v1', true, 'ServiceAccount'],
  ['services', 'svc', 'v1', true, 'Service', ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']],
  ['mutatingwebhookconfigurations', '', 'admissionregistration.k8s.io/v1', false, 'MutatingWebhookConfiguration'],
  ['validatingadmissionpolicies', '', 'admissionregistration.k8s.io/v1', false, 'ValidatingAdmissionPolicy'],
  ['validatingadmissionpolicybindings', '', 'admissionregistration.k8s.io/v1', false, 'ValidatingAdmissionPolicyBinding'],
  ['validatingwebhookconfigurations', '', 'admissionregistration.k8s.io/v1', false, 'ValidatingWebhookConfiguration'],
  ['customresourcedefinitions', 'crd,crds', 'apiextensions.k8s.io/v1', false, 'CustomResourceDefinition'],
  ['controllerrevisions', '', 'apps/v1', true, 'ControllerRevision'],
  ['daemonsets', 'ds', 'apps/v1', true, 'DaemonSet'],
  ['deployments', 'deploy', 'apps/v1', true, 'Deployment'],
  ['replicasets', 'rs', 'apps/v1', true, 'ReplicaSet'],
  ['statefulsets', 'sts', 'apps/v1', true, 'StatefulSet'],
  ['selfsubjectreviews', '', 'authentication.k8s.io/v1', false, 'SelfSubjectReview', CREATE],
  ['tokenreviews', '', 'authentication.k8s.io/v1', false, 'TokenReview', CREATE],
  ['localsubjectaccessreviews', '', 'authorization.k8s.io/v1', true, 'LocalSubjectAccessReview', CREATE],
  ['selfsubjectaccessreviews', '', 'authorization.k8s.io/v1', false, 'SelfSubjectAccessReview', CREATE],
  ['selfsubjectrulesreviews', '', 'authorization.k8s.io/v1', false, 'SelfSubjectRulesReview', CREATE],
  ['subjectaccessreviews', '', 'authorization.k8s.io/v1', false, 'SubjectAccessReview', CREATE],
  ['horizontalpodautoscalers', 'hpa', 'autoscaling/v2', true, 'HorizontalPodAutoscaler'],
  ['horizontalpodautoscalers', 'hpa', 'autoscaling/v1', true, 'HorizontalPodAutoscaler', ALL, false],
  ['cronjobs', 'cj', 'batch/v1', true, 'CronJob'],
  ['jobs', '', 'batch/v1', true, 'Job'],
  ['certificatesigningrequests', 'csr', 'certificates.k8s.io/v1', false, 'CertificateSigningRequest'],
  ['leases', '', 'coordination.k8s.io/v1', true, 'Lease'],
  ['endpointslices', '', 'discovery.k8s.io/v1', true, 'EndpointSlice'],
  ['events', 'ev', 'events.k8s.io/v1', true, 'Event', ALL, false],
  ['flowschemas', '', 'flowcontrol.apiserver.k8s.io/v1', false, 'FlowSchema'],
  ['prioritylevelconfigurations', '', 'flowcontrol.apiserver.k8s.io/v1', false, 'PriorityLevelConfiguration'],
  ['ingressclasses', '', 'networking.k8s.io/v1', false, 'IngressClass'],
  ['ingresses', 'ing', 'networking.k8s.io/v1', true, 'Ingress'],
  ['networkpolicies', 'netpol', 'networking.k8s.io/v1', true, 'NetworkPolicy'],
  ['runtimeclasses', '', 'node.k8s.io/v1', false, 'RuntimeClass'],
  ['poddisruptionbudgets', 'pdb', 'policy/v1', true, 'PodDisruptionBudget'],
  ['clusterrolebindings', '', 'rbac.authorization.k8s.io/v1', false, 'ClusterRoleBinding'],
  ['clusterroles', '', 'rbac.authorization.k8s.io/v1', false, 'ClusterRole'],
  ['rolebindings', '', 'rbac.authorization.k8s.io/v1', true, 'RoleBinding'],
  ['roles', '', 'rbac.authorization.k8s.io/v1', true, 'Role'],
  ['priorityclasses', 'pc', 'scheduling.k8s.io/v1', false, 'PriorityClass'],
  ['csidrivers', '', 'storage.k8s.io/v1', false, 'CSIDriver'],
  ['csinodes', '', 'storage.k8s.io/v1', false, 'CSINode'],
  ['csistoragecapacities', '', 'storage.k8s.io/v1', true, 'CSIStorageCapacity'],
  ['storageclasses', 'sc', 'storage.k8s.io/v1', false, 'StorageClass'],
  ['volumeattachments', '', 'storage.k8s.io/v1', false, 'VolumeAttachment'],
];

/** `storage.k8s.io` -> `storage`; `rbac.authorization.k8s.io` -> `rbac`; `` -> `core`. */
function moduleOf(group: string): string {
  if (group === '') return 'core';
  if (group === 'flowcontrol.apiserver.k8s.io') return 'flowcontrol';
  return group.split('.')[0]!;
}

/** Every resource served by default, in `kubectl api-resources` order. */
export const KINDS: readonly KindInfo[] = ROWS.map(([resource, short, apiVersion, namespaced, kind, verbs, preferred]) => {
  const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
  return {
    apiVersion,
    group,
    version,
    kind,
    resource,
    singular: kind.toLowerCase(),
    shortNames: short === '' ? [] : short.split(','),
    namespaced,
    verbs: verbs ?? ALL,
    definition: `${moduleOf(group)}.${version}.${kind}`,
    preferred: preferred ?? true,
  };
});

const byApiVersionKind = new Map(KINDS.map((info) => [`${info.apiVersion}/${info.kind}`, info]));

/** The catalogue entry for this apiVersion and kind, or undefined if not served. */
export function kindInfo(apiVersion: string, kind: string): KindInfo | undefined {
  return byApiVersionKind.get(`${apiVersion}/${kind}`);
}

/** Every served apiVersion for `kind` (preferred first). */
export function apiVersionsOf(kind: string): string[] {
  return KINDS.filter((info) => info.kind === kind)
    .sort((a, b) => Number(b.preferred) - Number(a.preferred))
    .map((info) => info.apiVersion);
}

/**
 * What kubectl does with the resource word of `kubectl get WORD`: plural, singular,
 * short name or kind, optionally qualified by group (`deployments.apps`,
 * `deploy.v1.apps`). Case-insensitive like kubectl. Preferred versions win.
 */
export function findResource(word: string): KindInfo | undefined {
  const lower = word.toLowerCase();
  const [name, ...rest] = lower.split('.');
  const qualifier = rest.join('.');
  const candidates = KINDS.filter((info) => {
    if (qualifier !== '' && qualifier !== info.group && qualifier !== `${info.version}.${info.group}`) return false;
    return name === info.resource || name === info.singular || info.shortNames.includes(name!);
  });
  return candidates.find((info) => info.preferred) ?? candidates[0];
}

/** True when the catalogue entry has a schema definition (checked by tests). */
export function hasSchema(info: KindInfo): boolean {
  return definition(info.definition) !== undefined;
}
