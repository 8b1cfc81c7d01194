import { runTable } from './defaults.test';

describe('simulator/api/defaults: storage', () => {
  describe('PersistentVolume', () => {
    runTable('v1', 'PersistentVolume', [
      {
        name: 'keeps a static volume (Retain), as a filesystem, Pending (SetDefaults_PersistentVolume)',
        input: { metadata: { name: 'pv-1' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' } } },
        expect: {
          'spec.persistentVolumeReclaimPolicy': 'Retain',
          'spec.volumeMode': 'Filesystem',
          'spec.hostPath': { path: '/mnt/data', type: '' },
          'status.phase': 'Pending',
        },
      },
      {
        name: 'keeps a given policy and volume mode',
        input: { metadata: { name: 'pv-2' }, spec: { persistentVolumeReclaimPolicy: 'Delete', volumeMode: 'Block', local: { path: '/dev/sdb' } } },
        expect: { 'spec.persistentVolumeReclaimPolicy': 'Delete', 'spec.volumeMode': 'Block', 'spec.local': { path: '/dev/sdb' } },
      },
    ]);
  });

  describe('PersistentVolumeClaim', () => {
    runTable('v1', 'PersistentVolumeClaim', [
      {
        name: 'asks for a filesystem and starts Pending',
        input: { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
        expect: { 'spec.volumeMode': 'Filesystem', 'status.phase': 'Pending', 'spec.storageClassName': undefined },
      },
    ]);
  });

  describe('StorageClass', () => {
    runTable('storage.k8s.io/v1', 'StorageClass', [
      {
        name: 'deletes released volumes and binds immediately (SetDefaults_StorageClass)',
        input: { metadata: { name: 'standard' }, provisioner: 'rancher.io/local-path' },
        expect: { reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' },
      },
      {
        name: 'keeps WaitForFirstConsumer',
        input: { metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Retain' },
        expect: { reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer' },
      },
    ]);
  });
});

describe('simulator/api/defaults: core cluster kinds', () => {
  describe('Namespace', () => {
    runTable('v1', 'Namespace', [
      {
        name: 'labels it with its name, adds the kubernetes finalizer, and is Active',
        input: { metadata: { name: 'shop', labels: { team: 'a' } } },
        expect: {
          'metadata.labels': { team: 'a', 'kubernetes.io/metadata.name': 'shop' },
          'spec.finalizers': ['kubernetes'],
          'status.phase': 'Active',
        },
      },
      {
        name: 'appends the finalizer to those given, and overrides a wrong name label',
        input: { metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'other' } }, spec: { finalizers: ['example.com/cleanup'] } },
        expect: { "metadata.labels['kubernetes.io/metadata.name']": 'shop', 'spec.finalizers': ['example.com/cleanup', 'kubernetes'] },
      },
      {
        name: 'adds no label while the name is still to be generated',
        input: { metadata: { generateName: 'tmp-' } },
        expect: { 'metadata.labels': undefined, 'spec.finalizers': ['kubernetes'] },
      },
    ]);
  });

  describe('Node', () => {
    runTable('v1', 'Node', [
      {
        name: 'makes all the capacity allocatable when none is reported (SetDefaults_NodeStatus)',
        input: { metadata: { name: 'node-1' }, status: { capacity: { cpu: '4', memory: '8Gi' } } },
        expect: { 'status.allocatable': { cpu: '4', memory: '8Gi' } },
      },
      {
        name: 'keeps a reported allocatable',
        input: { metadata: { name: 'node-1' }, status: { capacity: { cpu: '4' }, allocatable: { cpu: '3800m' } } },
        expect: { 'status.allocatable': { cpu: '3800m' } },
      },
    ]);
  });

  describe('Secret', () => {
    runTable('v1', 'Secret', [
      { name: 'is Opaque by default', input: { metadata: { name: 's' }, data: {} }, expect: { type: 'Opaque' } },
      { name: 'keeps its type', input: { metadata: { name: 's' }, type: 'kubernetes.io/tls' }, expect: { type: 'kubernetes.io/tls' } },
    ]);
  });

  describe('LimitRange', () => {
    runTable('v1', 'LimitRange', [
      {
        name: 'derives container defaults from max, default and min (SetDefaults_LimitRangeItem)',
        input: { metadata: { name: 'limits' }, spec: { limits: [{ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' }, default: { memory: '256Mi' } }] } },
        expect: {
          'spec.limits[0].default': { memory: '256Mi', cpu: '2' },
          'spec.limits[0].defaultRequest': { memory: '256Mi', cpu: '2' },
        },
      },
      {
        name: 'takes the default request from min when there is no default',
        input: { metadata: { name: 'limits' }, spec: { limits: [{ type: 'Container', min: { cpu: '100m' } }] } },
        expect: { 'spec.limits[0].default': undefined, 'spec.limits[0].defaultRequest': { cpu: '100m' } },
      },
      {
        name: 'leaves Pod and PVC items alone',
        input: { metadata: { name: 'limits' }, spec: { limits: [{ type: 'Pod', max: { cpu: '4' } }] } },
        expect: { 'spec.limits[0]': { type: 'Pod', max: { cpu: '4' } } },
      },
    ]);
  });
});

describe('simulator/api/defaults: rbac.authorization.k8s.io/v1', () => {
  for (const kind of ['RoleBinding', 'ClusterRoleBinding']) {
    describe(kind, () => {
      runTable('rbac.authorization.k8s.io/v1', kind, [
        {
          name: 'puts the role reference and User/Group subjects in the RBAC group',
          input: {
            metadata: { name: 'read' },
            roleRef: { kind: 'ClusterRole', name: 'view' },
            subjects: [{ kind: 'User', name: 'alice' }, { kind: 'Group', name: 'devs' }, { kind: 'ServiceAccount', name: 'ci', namespace: 'tools' }],
          },
          expect: {
            'roleRef.apiGroup': 'rbac.authorization.k8s.io',
            'subjects[0].apiGroup': 'rbac.authorization.k8s.io',
            'subjects[1].apiGroup': 'rbac.authorization.k8s.io',
            'subjects[2]': { kind: 'ServiceAccount', name: 'ci', namespace: 'tools' },
          },
        },
      ]);
    });
  }
});

describe('simulator/api/defaults: HorizontalPodAutoscaler', () => {
  const target = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
  runTable('autoscaling/v2', 'HorizontalPodAutoscaler', [
    {
      name: 'defaults minReplicas and an 80% CPU target, and no behavior (SetDefaults_HorizontalPodAutoscaler)',
      input: { metadata: { name: 'web' }, spec: { scaleTargetRef: target, maxReplicas: 5 } },
      expect: {
        'spec.minReplicas': 1,
        'spec.metrics': [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
        'spec.behavior': undefined,
      },
    },
    {
      name: 'fills every scaling rule once behavior is present',
      input: { metadata: { name: 'web' }, spec: { scaleTargetRef: target, maxReplicas: 5, behavior: {} } },
      expect: {
        'spec.behavior.scaleUp': {
          stabilizationWindowSeconds: 0,
          selectPolicy: 'Max',
          policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }],
        },
        'spec.behavior.scaleDown': { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
      },
    },
    {
      name: 'keeps the given rule fields and completes the others',
      input: {
        metadata: { name: 'web' },
        spec: {
          scaleTargetRef: target,
          maxReplicas: 5,
          metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } }],
          behavior: { scaleDown: { stabilizationWindowSeconds: 60, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } },
        },
      },
      expect: {
        'spec.metrics[0].resource.name': 'memory',
        'spec.metrics[1]': undefined,
        'spec.behavior.scaleDown': { selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }], stabilizationWindowSeconds: 60 },
        'spec.behavior.scaleUp.selectPolicy': 'Max',
      },
    },
  ]);
  runTable('autoscaling/v1', 'HorizontalPodAutoscaler', [
    {
      name: 'autoscaling/v1 defaults minReplicas only',
      input: { metadata: { name: 'web' }, spec: { scaleTargetRef: target, maxReplicas: 5 } },
      expect: { 'spec.minReplicas': 1, 'spec.metrics': undefined, 'spec.targetCPUUtilizationPercentage': undefined },
    },
  ]);
});
