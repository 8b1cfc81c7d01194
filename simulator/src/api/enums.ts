/**
 * The supported values of the API's enum-like string fields (v1.30), keyed
 * `definition.property` as in the generated schemas. The order is the one kube-apiserver
 * prints in `Unsupported value: "x": supported values: ...`: the literal order of the
 * validation code where it lists them, alphabetical where it prints a sorted set
 * (sets.List). Validation reads it for its messages, the editor for completion.
 */

export const ENUMS: Readonly<Record<string, readonly string[]>> = {
  // pkg/apis/core/validation/validation.go
  'core.v1.PodSpec.restartPolicy': ['Always', 'OnFailure', 'Never'],
  'core.v1.PodSpec.dnsPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'core.v1.Container.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'core.v1.Container.terminationMessagePolicy': ['File', 'FallbackToLogsOnError'],
  'core.v1.ContainerPort.protocol': ['SCTP', 'TCP', 'UDP'],
  'core.v1.ServicePort.protocol': ['SCTP', 'TCP', 'UDP'],
  'core.v1.EndpointPort.protocol': ['SCTP', 'TCP', 'UDP'],
  'core.v1.ServiceSpec.type': ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  'core.v1.ServiceSpec.sessionAffinity': ['ClientIP', 'None'],
  'core.v1.ServiceSpec.externalTrafficPolicy': ['Cluster', 'Local'],
  'core.v1.ServiceSpec.internalTrafficPolicy': ['Cluster', 'Local'],
  'core.v1.ServiceSpec.ipFamilyPolicy': ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
  'core.v1.HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
  'core.v1.HostPathVolumeSource.type': ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'],
  'core.v1.Toleration.operator': ['Equal', 'Exists'],
  'core.v1.Toleration.effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'core.v1.Taint.effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'core.v1.PersistentVolumeClaimSpec.accessModes': ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'],
  'core.v1.PersistentVolumeSpec.accessModes': ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'],
  'core.v1.PersistentVolumeClaimSpec.volumeMode': ['Block', 'Filesystem'],
  'core.v1.PersistentVolumeSpec.volumeMode': ['Block', 'Filesystem'],
  'core.v1.PersistentVolumeSpec.persistentVolumeReclaimPolicy': ['Delete', 'Recycle', 'Retain'],
  // pkg/apis/apps/validation/validation.go
  'apps.v1.DeploymentStrategy.type': ['Recreate', 'RollingUpdate'],
  'apps.v1.DaemonSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'apps.v1.StatefulSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'apps.v1.StatefulSetSpec.podManagementPolicy': ['OrderedReady', 'Parallel'],
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': ['Retain', 'Delete'],
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': ['Retain', 'Delete'],
  // pkg/apis/batch/validation/validation.go
  'batch.v1.CronJobSpec.concurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
  // pkg/apis/networking/validation/validation.go
  'networking.v1.HTTPIngressPath.pathType': ['Exact', 'ImplementationSpecific', 'Prefix'],
  'networking.v1.NetworkPolicySpec.policyTypes': ['Ingress', 'Egress'],
  'networking.v1.NetworkPolicyPort.protocol': ['TCP', 'UDP', 'SCTP'],
  // pkg/apis/rbac/validation/validation.go
  'rbac.v1.RoleRef.kind': ['Role', 'ClusterRole'],
  'rbac.v1.Subject.kind': ['ServiceAccount', 'User', 'Group'],
  // pkg/apis/storage/validation/validation.go
  'storage.v1.StorageClass.reclaimPolicy': ['Delete', 'Retain'],
  'storage.v1.StorageClass.volumeBindingMode': ['Immediate', 'WaitForFirstConsumer'],
  // pkg/apis/policy/validation/validation.go
  'policy.v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': ['AlwaysAllow', 'IfHealthyBudget'],
  // pkg/apis/autoscaling/validation/validation.go
  'autoscaling.v2.MetricSpec.type': ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'],
  'autoscaling.v2.MetricTarget.type': ['AverageValue', 'Utilization', 'Value'],
  'autoscaling.v2.HPAScalingRules.selectPolicy': ['Disabled', 'Max', 'Min'],
  'autoscaling.v2.HPAScalingPolicy.type': ['Percent', 'Pods'],
};

/** The supported values of `definition.property` (`core.v1.PodSpec`, `restartPolicy`), or undefined. */
export function enumValues(definitionName: string, property: string): readonly string[] | undefined {
  const key = `${definitionName}.${property}`;
  return Object.hasOwn(ENUMS, key) ? ENUMS[key] : undefined;
}
