import { table } from './helpers';

const claim = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec } });
const volume = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv1' }, spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '5Gi' }, hostPath: { path: '/data' }, ...spec } });

describe('api/validation storage', () => {
  table([
    { name: 'accepts a usual claim', object: claim({}), expected: [] },
    { name: 'golden: a claim needs an access mode', object: claim({ accessModes: [] }), expected: ['spec.accessModes: Required value: at least 1 access mode is required'] },
    {
      name: 'golden: unsupported access mode, named on the list',
      object: claim({ accessModes: ['ReadWriteOnly'] }),
      expected: ['spec.accessModes: Unsupported value: "ReadWriteOnly": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"'],
    },
    { name: 'golden: a claim needs a storage request', object: claim({ resources: {} }), expected: ['spec.resources[storage]: Required value'] },
    { name: 'a storage request must be positive', object: claim({ resources: { requests: { storage: '0' } } }), expected: ['spec.resources[storage]: Invalid value: "0": must be greater than zero'] },
    { name: 'ReadWriteOncePod stands alone', object: claim({ accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'] }), expected: ['spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes'] },
    { name: 'accepts a usual PersistentVolume', object: volume({}), expected: [] },
    { name: 'a PersistentVolume needs a source', object: volume({ hostPath: undefined }), expected: ['spec: Required value: must specify a volume type'] },
    {
      name: 'reclaim policy values',
      object: volume({ persistentVolumeReclaimPolicy: 'Keep' }),
      expected: ['spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"'],
    },
    {
      name: 'StorageClass binding mode',
      object: { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'Lazy' },
      expected: ['volumeBindingMode: Unsupported value: "Lazy": supported values: "Immediate", "WaitForFirstConsumer"'],
    },
  ]);
});
