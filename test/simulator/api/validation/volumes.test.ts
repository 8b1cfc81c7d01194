import { container, pod, table } from './helpers';

describe('api/validation volumes', () => {
  table([
    {
      name: 'golden: a volumeMount must name a declared volume',
      object: pod({ containers: [container({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })], volumes: [{ name: 'cache', emptyDir: {} }] }),
      expected: ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    },
    { name: 'accepts a mount of a declared volume', object: pod({ containers: [container({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })], volumes: [{ name: 'data', emptyDir: {} }] }), expected: [] },
    { name: 'defaults a volume without source to emptyDir', object: pod({ volumes: [{ name: 'data' }] }), expected: [] },
    {
      name: 'forbids two sources in one volume',
      object: pod({ volumes: [{ name: 'data', emptyDir: {}, configMap: { name: 'cfg' } }] }),
      expected: ['spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type'],
    },
    {
      name: 'rejects duplicate volume names, and mounts then cannot find the first',
      object: pod({ volumes: [{ name: 'data', emptyDir: {} }, { name: 'data', emptyDir: {} }] }),
      expected: ['spec.volumes[1].name: Duplicate value: "data"'],
    },
    { name: 'requires a secret volume secretName', object: pod({ volumes: [{ name: 'creds', secret: {} }] }), expected: ['spec.volumes[0].secret.secretName: Required value'] },
    {
      name: 'rejects two mounts at the same path',
      object: pod({ containers: [container({ volumeMounts: [{ name: 'a', mountPath: '/data' }, { name: 'b', mountPath: '/data' }] })], volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', emptyDir: {} }] }),
      expected: ['spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique'],
    },
    {
      name: 'rejects an uppercase volume name, which mounts then do not find',
      object: pod({ containers: [container({ volumeMounts: [{ name: 'Data', mountPath: '/data' }] })], volumes: [{ name: 'Data', emptyDir: {} }] }),
      expected: [
        "spec.volumes[0].name: Invalid value: \"Data\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        'spec.containers[0].volumeMounts[0].name: Not found: "Data"',
      ],
    },
  ]);
});
