/**
 * Field numbers of the Kubernetes messages the facade reads in protobuf, copied from the
 * generated.proto files of k8s.io/apimachinery and k8s.io/api (v1.30; numbers never
 * change). Only what kubectl's generated clients send is listed: reviews (`auth can-i`,
 * `auth whoami`), evictions and delete options (`drain`), and the objects `kubectl create
 * deployment|namespace|configmap|secret|serviceaccount|service|job|cronjob|role|
 * rolebinding|clusterrole|clusterrolebinding` builds. Fields not listed are skipped.
 *
 * A field is [json name, type, flags]: the type is `string`, `int`, `bool`, `bytes`, `map`
 * (string to string), `bytesMap`, `quantityMap`, `intOrString`, `quantity`, or a message
 * name; `repeated` for lists, `pointer` for Go pointer fields, whose zero value is kept
 * (the others' zero values mean "unset", as omitempty does in JSON).
 */

export type FieldFlag = 'repeated' | 'pointer';
export type Field = readonly [name: string, type: string, ...flags: FieldFlag[]];
export type Message = Readonly<Record<number, Field>>;

const meta: Field = ['metadata', 'ObjectMeta'];
const strings = (name: string): Field => [name, 'string', 'repeated'];

export const MESSAGES: Readonly<Record<string, Message>> = {
  // k8s.io/apimachinery
  TypeMeta: { 1: ['apiVersion', 'string'], 2: ['kind', 'string'] },
  Quantity: { 1: ['string', 'string'] },
  ObjectMeta: {
    1: ['name', 'string'],
    2: ['generateName', 'string'],
    3: ['namespace', 'string'],
    5: ['uid', 'string'],
    6: ['resourceVersion', 'string'],
    7: ['generation', 'int'],
    11: ['labels', 'map'],
    12: ['annotations', 'map'],
    14: strings('finalizers'),
  },
  LabelSelector: { 1: ['matchLabels', 'map'], 2: ['matchExpressions', 'LabelSelectorRequirement', 'repeated'] },
  LabelSelectorRequirement: { 1: ['key', 'string'], 2: ['operator', 'string'], 3: strings('values') },
  Preconditions: { 1: ['uid', 'string', 'pointer'], 2: ['resourceVersion', 'string', 'pointer'] },
  DeleteOptions: {
    1: ['gracePeriodSeconds', 'int', 'pointer'],
    2: ['preconditions', 'Preconditions'],
    3: ['orphanDependents', 'bool', 'pointer'],
    4: ['propagationPolicy', 'string', 'pointer'],
    5: strings('dryRun'),
  },
  // policy/v1
  Eviction: { 1: meta, 2: ['deleteOptions', 'DeleteOptions'] },
  // authorization/v1
  ResourceAttributes: { 1: ['namespace', 'string'], 2: ['verb', 'string'], 3: ['group', 'string'], 4: ['version', 'string'], 5: ['resource', 'string'], 6: ['subresource', 'string'], 7: ['name', 'string'] },
  NonResourceAttributes: { 1: ['path', 'string'], 2: ['verb', 'string'] },
  SelfSubjectAccessReviewSpec: { 1: ['resourceAttributes', 'ResourceAttributes'], 2: ['nonResourceAttributes', 'NonResourceAttributes'] },
  SubjectAccessReviewSpec: { 1: ['resourceAttributes', 'ResourceAttributes'], 2: ['nonResourceAttributes', 'NonResourceAttributes'], 3: ['user', 'string'], 4: strings('groups'), 6: ['uid', 'string'] },
  SelfSubjectAccessReview: { 1: meta, 2: ['spec', 'SelfSubjectAccessReviewSpec'] },
  SubjectAccessReview: { 1: meta, 2: ['spec', 'SubjectAccessReviewSpec'] },
  LocalSubjectAccessReview: { 1: meta, 2: ['spec', 'SubjectAccessReviewSpec'] },
  SelfSubjectRulesReviewSpec: { 1: ['namespace', 'string'] },
  SelfSubjectRulesReview: { 1: meta, 2: ['spec', 'SelfSubjectRulesReviewSpec'] },
  // authentication/v1
  SelfSubjectReview: { 1: meta },
  TokenReviewSpec: { 1: ['token', 'string'], 2: strings('audiences') },
  TokenReview: { 1: meta, 2: ['spec', 'TokenReviewSpec'] },
  // core/v1
  Namespace: { 1: meta, 2: ['spec', 'NamespaceSpec'] },
  NamespaceSpec: { 1: strings('finalizers') },
  ConfigMap: { 1: meta, 2: ['data', 'map'], 3: ['binaryData', 'bytesMap'], 4: ['immutable', 'bool', 'pointer'] },
  Secret: { 1: meta, 2: ['data', 'bytesMap'], 3: ['type', 'string'], 4: ['stringData', 'map'], 5: ['immutable', 'bool', 'pointer'] },
  LocalObjectReference: { 1: ['name', 'string'] },
  ObjectReference: { 1: ['kind', 'string'], 2: ['namespace', 'string'], 3: ['name', 'string'], 4: ['uid', 'string'], 5: ['apiVersion', 'string'], 6: ['resourceVersion', 'string'], 7: ['fieldPath', 'string'] },
  ServiceAccount: { 1: meta, 2: ['secrets', 'ObjectReference', 'repeated'], 3: ['imagePullSecrets', 'LocalObjectReference', 'repeated'], 4: ['automountServiceAccountToken', 'bool', 'pointer'] },
  Service: { 1: meta, 2: ['spec', 'ServiceSpec'] },
  ServiceSpec: {
    1: ['ports', 'ServicePort', 'repeated'],
    2: ['selector', 'map'],
    3: ['clusterIP', 'string'],
    4: ['type', 'string'],
    5: strings('externalIPs'),
    7: ['sessionAffinity', 'string'],
    8: ['loadBalancerIP', 'string'],
    11: ['externalName', 'string'],
  },
  ServicePort: { 1: ['name', 'string'], 2: ['protocol', 'string'], 3: ['port', 'int'], 4: ['targetPort', 'intOrString'], 5: ['nodePort', 'int'] },
  PodTemplateSpec: { 1: meta, 2: ['spec', 'PodSpec'] },
  PodSpec: {
    2: ['containers', 'Container', 'repeated'],
    3: ['restartPolicy', 'string'],
    4: ['terminationGracePeriodSeconds', 'int', 'pointer'],
    5: ['activeDeadlineSeconds', 'int', 'pointer'],
    6: ['dnsPolicy', 'string'],
    7: ['nodeSelector', 'map'],
    8: ['serviceAccountName', 'string'],
    19: ['schedulerName', 'string'],
    20: ['initContainers', 'Container', 'repeated'],
  },
  Container: {
    1: ['name', 'string'],
    2: ['image', 'string'],
    3: strings('command'),
    4: strings('args'),
    5: ['workingDir', 'string'],
    6: ['ports', 'ContainerPort', 'repeated'],
    7: ['env', 'EnvVar', 'repeated'],
    8: ['resources', 'ResourceRequirements'],
    13: ['terminationMessagePath', 'string'],
    14: ['imagePullPolicy', 'string'],
    16: ['stdin', 'bool'],
    17: ['stdinOnce', 'bool'],
    18: ['tty', 'bool'],
    20: ['terminationMessagePolicy', 'string'],
  },
  ContainerPort: { 1: ['name', 'string'], 2: ['hostPort', 'int'], 3: ['containerPort', 'int'], 4: ['protocol', 'string'], 5: ['hostIP', 'string'] },
  EnvVar: { 1: ['name', 'string'], 2: ['value', 'string'] },
  ResourceRequirements: { 1: ['limits', 'quantityMap'], 2: ['requests', 'quantityMap'] },
  // apps/v1
  Deployment: { 1: meta, 2: ['spec', 'DeploymentSpec'] },
  DeploymentSpec: {
    1: ['replicas', 'int', 'pointer'],
    2: ['selector', 'LabelSelector'],
    3: ['template', 'PodTemplateSpec'],
    4: ['strategy', 'DeploymentStrategy'],
    5: ['minReadySeconds', 'int'],
    6: ['revisionHistoryLimit', 'int', 'pointer'],
    7: ['paused', 'bool'],
    9: ['progressDeadlineSeconds', 'int', 'pointer'],
  },
  DeploymentStrategy: { 1: ['type', 'string'], 2: ['rollingUpdate', 'RollingUpdateDeployment'] },
  RollingUpdateDeployment: { 1: ['maxUnavailable', 'intOrString'], 2: ['maxSurge', 'intOrString'] },
  // batch/v1
  Job: { 1: meta, 2: ['spec', 'JobSpec'] },
  JobSpec: {
    1: ['parallelism', 'int', 'pointer'],
    2: ['completions', 'int', 'pointer'],
    3: ['activeDeadlineSeconds', 'int', 'pointer'],
    4: ['selector', 'LabelSelector'],
    5: ['manualSelector', 'bool', 'pointer'],
    6: ['template', 'PodTemplateSpec'],
    7: ['backoffLimit', 'int', 'pointer'],
    8: ['ttlSecondsAfterFinished', 'int', 'pointer'],
  },
  CronJob: { 1: meta, 2: ['spec', 'CronJobSpec'] },
  CronJobSpec: {
    1: ['schedule', 'string'],
    2: ['startingDeadlineSeconds', 'int', 'pointer'],
    3: ['concurrencyPolicy', 'string'],
    4: ['suspend', 'bool', 'pointer'],
    5: ['jobTemplate', 'JobTemplateSpec'],
    6: ['successfulJobsHistoryLimit', 'int', 'pointer'],
    7: ['failedJobsHistoryLimit', 'int', 'pointer'],
    8: ['timeZone', 'string', 'pointer'],
  },
  JobTemplateSpec: { 1: meta, 2: ['spec', 'JobSpec'] },
  // rbac/v1
  PolicyRule: { 1: strings('verbs'), 2: strings('apiGroups'), 3: strings('resources'), 4: strings('resourceNames'), 5: strings('nonResourceURLs') },
  Role: { 1: meta, 2: ['rules', 'PolicyRule', 'repeated'] },
  ClusterRole: { 1: meta, 2: ['rules', 'PolicyRule', 'repeated'] },
  Subject: { 1: ['kind', 'string'], 2: ['apiGroup', 'string'], 3: ['name', 'string'], 4: ['namespace', 'string'] },
  RoleRef: { 1: ['apiGroup', 'string'], 2: ['kind', 'string'], 3: ['name', 'string'] },
  RoleBinding: { 1: meta, 2: ['subjects', 'Subject', 'repeated'], 3: ['roleRef', 'RoleRef'] },
  ClusterRoleBinding: { 1: meta, 2: ['subjects', 'Subject', 'repeated'], 3: ['roleRef', 'RoleRef'] },
};

/** The kinds a protobuf body may carry (the top-level messages). */
export const TOP_LEVEL = new Set([
  'Eviction', 'DeleteOptions', 'SelfSubjectAccessReview', 'SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectRulesReview', 'SelfSubjectReview',
  'TokenReview', 'Namespace', 'ConfigMap', 'Secret', 'ServiceAccount', 'Service', 'Deployment', 'Job', 'CronJob', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding',
]);
