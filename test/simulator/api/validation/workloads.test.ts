import { deployment, table, template, type Obj } from './helpers';

const statefulSet = (spec: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db' },
  spec: { serviceName: 'db', replicas: 3, selector: { matchLabels: { app: 'db' } }, template: template({}, { app: 'db' }), ...spec },
});
const daemonSet = (spec: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent' },
  spec: { selector: { matchLabels: { app: 'agent' } }, template: template({}, { app: 'agent' }), ...spec },
});
const replicaSet = (spec: Obj = {}): Obj => ({ ...deployment(spec), kind: 'ReplicaSet' });

describe('api/validation workloads and selectors', () => {
  table([
    {
      name: 'golden: selector does not match template labels',
      object: deployment({ template: template({}, { app: 'api' }) }),
      expected: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`'],
    },
    {
      name: 'prints a missing template label map as a nil map',
      object: deployment({ template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } }),
      expected: ['spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`'],
    },
    { name: 'matches with extra template labels', object: deployment({ template: template({}, { app: 'web', tier: 'front' }) }), expected: [] },
    {
      name: 'honours matchExpressions',
      object: deployment({ selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] }, template: template({}, { app: 'db' }) }),
      expected: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"db"}: `selector` does not match template `labels`'],
    },
    {
      name: 'rejects an empty selector',
      object: deployment({ selector: {} }),
      expected: ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
    },
    {
      name: 'rejects a bad operator, then the whole selector',
      object: deployment({ selector: { matchExpressions: [{ key: 'app', operator: 'in', values: ['web'] }] } }),
      expected: [
        'spec.selector.matchExpressions[0].operator: Invalid value: "in": not a valid selector operator',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"in", Values:[]string{"web"}}}}: invalid label selector',
      ],
    },
    { name: 'rejects negative replicas', object: deployment({ replicas: -1 }), expected: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'] },
    {
      name: 'keeps Deployment pods restarting',
      object: deployment({ template: template({ restartPolicy: 'Never' }) }),
      expected: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {
      name: 'forbids activeDeadlineSeconds in a Deployment template (ReplicaSet wording)',
      object: deployment({ template: template({ activeDeadlineSeconds: 30 }) }),
      expected: ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported'],
    },
    {
      name: 'rejects an unknown strategy type, printing the strategy struct',
      object: deployment({ strategy: { type: 'Rolling' } }),
      expected: ['spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"'],
    },
    {
      name: 'forbids rollingUpdate with Recreate',
      object: deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }),
      expected: ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    },
    {
      name: 'rejects maxSurge and maxUnavailable both 0',
      object: deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
      expected: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'],
    },
    {
      name: 'rejects a maxUnavailable over 100%',
      object: deployment({ strategy: { rollingUpdate: { maxUnavailable: '150%' } } }),
      expected: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%'],
    },
    {
      name: 'rejects a string that is not a percentage',
      object: deployment({ strategy: { rollingUpdate: { maxSurge: '1' } } }),
      expected: [
        "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"1\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ],
    },
    {
      name: 'golden: the selector of a Deployment is immutable',
      object: deployment({ selector: { matchLabels: { app: 'web', tier: 'front' } }, template: template({}, { app: 'web', tier: 'front' }) }),
      old: deployment(),
      expected: ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"front"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable'],
    },
    { name: 'allows the same selector on update', object: deployment({ replicas: 5 }), old: deployment(), expected: [] },
    {
      name: 'uses the deployment wording for a ReplicaSet empty selector (upstream quirk)',
      object: replicaSet({ selector: { matchLabels: {} } }),
      expected: ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
    },
    {
      name: 'checks StatefulSet selectors against the template',
      object: statefulSet({ template: template({}, { app: 'database' }) }),
      expected: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"database"}: `selector` does not match template `labels`'],
    },
    {
      name: 'does not validate the StatefulSet pod spec (upstream TODO)',
      object: statefulSet({ template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db' }] } } }),
      expected: [],
    },
    {
      name: 'rejects a StatefulSet podManagementPolicy',
      object: statefulSet({ podManagementPolicy: 'Serial' }),
      expected: ["spec.podManagementPolicy: Invalid value: \"Serial\": must be 'OrderedReady' or 'Parallel'"],
    },
    {
      name: 'forbids changing a StatefulSet serviceName',
      object: statefulSet({ serviceName: 'db-headless' }),
      old: statefulSet(),
      expected: ["spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"],
    },
    { name: 'lets a StatefulSet scale', object: statefulSet({ replicas: 5 }), old: statefulSet(), expected: [] },
    {
      name: 'checks DaemonSet selectors against the template',
      object: daemonSet({ template: template({}, { app: 'other' }) }),
      expected: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`'],
    },
    {
      name: 'rejects both maxSurge and maxUnavailable in a DaemonSet',
      object: daemonSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } } }),
      expected: ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero'],
    },
    {
      name: 'rejects a DaemonSet update strategy type',
      object: daemonSet({ updateStrategy: { type: 'Recreate' } }),
      expected: ['spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Recreate", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"'],
    },
  ]);
});
