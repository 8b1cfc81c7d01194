import { container, deployment, pod, table, template } from './helpers';

const ENV_NAME =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

describe('api/validation containers', () => {
  table([
    { name: 'golden: containers required', object: pod({ containers: [] }), expected: ['spec.containers: Required value'] },
    { name: 'golden: container image required', object: pod({ containers: [{ name: 'web' }] }), expected: ['spec.containers[0].image: Required value'] },
    {
      name: 'requires the image in a Deployment template too',
      object: deployment({ template: template({ containers: [{ name: 'web' }] }) }),
      expected: ['spec.template.spec.containers[0].image: Required value'],
    },
    { name: 'rejects duplicate container names', object: pod({ containers: [container(), container()] }), expected: ['spec.containers[1].name: Duplicate value: "web"'] },
    {
      name: 'rejects an init container named like a container',
      object: pod({ initContainers: [container()] }),
      expected: ['spec.initContainers[0].name: Duplicate value: "web"'],
    },
    { name: 'rejects port 0 as missing', object: pod({ containers: [container({ ports: [{ containerPort: 0 }] })] }), expected: ['spec.containers[0].ports[0].containerPort: Required value'] },
    {
      name: 'rejects ports above 65535',
      object: pod({ containers: [container({ ports: [{ containerPort: 80, hostPort: 70000 }] })] }),
      expected: ['spec.containers[0].ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    },
    {
      name: 'rejects a long port name and a duplicate one',
      object: pod({ containers: [container({ ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }, { name: 'administration-ui', containerPort: 82 }] })] }),
      expected: [
        'spec.containers[0].ports[1].name: Duplicate value: "http"',
        'spec.containers[0].ports[2].name: Invalid value: "administration-ui": must be no more than 15 characters',
      ],
    },
    { name: 'rejects an environment variable name with a space', object: pod({ containers: [container({ env: [{ name: 'MY VAR', value: '1' }] })] }), expected: [`spec.containers[0].env[0].name: Invalid value: "MY VAR": ${ENV_NAME}`] },
    {
      name: 'rejects value and valueFrom together',
      object: pod({ containers: [container({ env: [{ name: 'A', value: '1', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'a' } } }] })] }),
      expected: ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty'],
    },
    {
      name: 'rejects a fieldRef path the downward API does not know',
      object: pod({ containers: [container({ env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.node' } } }] })] }),
      expected: ['spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: "spec.node": error converting fieldPath: field label not supported: spec.node'],
    },
    {
      name: 'golden: requests must not exceed limits',
      object: pod({ containers: [container({ resources: { requests: { cpu: '1', memory: '256Mi' }, limits: { cpu: '500m', memory: '0.5Gi' } } })] }),
      expected: ['spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m'],
    },
    {
      name: 'prints canonical quantities in the request-limit message',
      object: pod({ containers: [container({ resources: { requests: { memory: '1.5Gi' }, limits: { memory: '1000Mi' } } })] }),
      expected: ['spec.containers[0].resources.requests: Invalid value: "1536Mi": must be less than or equal to memory limit of 1000Mi'],
    },
    {
      name: 'rejects an unknown resource name twice, and again in the requests defaulted from the limits',
      object: pod({ containers: [container({ resources: { limits: { memroy: '1Gi' } } })] }),
      expected: [
        'spec.containers[0].resources.limits[memroy]: Invalid value: "memroy": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.limits[memroy]: Invalid value: "memroy": must be a standard resource for containers',
        'spec.containers[0].resources.requests[memroy]: Invalid value: "memroy": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.requests[memroy]: Invalid value: "memroy": must be a standard resource for containers',
      ],
    },
    {
      name: 'rejects a negative request',
      object: pod({ containers: [container({ resources: { requests: { cpu: '-100m' } } })] }),
      expected: ['spec.containers[0].resources.requests[cpu]: Invalid value: "-100m": must be greater than or equal to 0'],
    },
    {
      name: 'golden: a bad quantity is a decode error',
      object: pod({ containers: [container({ resources: { requests: { memory: '128mb' } } })] }),
      expected: ["quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    },
    { name: 'rejects an unknown suffix', object: pod({ containers: [container({ resources: { limits: { memory: '1K' } } })] }), expected: ["unable to parse quantity's suffix"] },
    { name: 'requires a probe handler', object: pod({ containers: [container({ livenessProbe: { periodSeconds: 5 } })] }), expected: ['spec.containers[0].livenessProbe: Required value: must specify a handler type'] },
    {
      name: 'checks a probe port',
      object: pod({ containers: [container({ readinessProbe: { httpGet: { path: '/', port: 0 } } })] }),
      expected: ['spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive'],
    },
    {
      name: 'golden: unsupported restartPolicy with upstream order',
      object: pod({ restartPolicy: 'Sometimes' }),
      expected: ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    },
    {
      name: 'rejects an imagePullPolicy in the wrong case',
      object: pod({ containers: [container({ imagePullPolicy: 'always' })] }),
      expected: ['spec.containers[0].imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"'],
    },
  ]);
});
