import { table } from './helpers';

const ingress = (spec: Record<string, unknown>) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec });
const path = (extra: Record<string, unknown> = {}) => ({ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } }, ...extra });
const policy = (spec: Record<string, unknown>) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' }, spec: { podSelector: {}, ...spec } });

describe('api/validation networking', () => {
  table([
    { name: 'accepts a usual Ingress', object: ingress({ rules: [{ host: 'web.example.com', http: { paths: [path()] } }] }), expected: [] },
    { name: 'requires rules or a default backend', object: ingress({}), expected: ['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified'] },
    {
      name: 'golden: unsupported pathType (sorted values)',
      object: ingress({ rules: [{ http: { paths: [path({ pathType: 'prefix' })] } }] }),
      expected: ['spec.rules[0].http.paths[0].pathType: Unsupported value: "prefix": supported values: "Exact", "ImplementationSpecific", "Prefix"'],
    },
    { name: 'a Prefix path is absolute', object: ingress({ rules: [{ http: { paths: [path({ path: 'api' })] } }] }), expected: ['spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path'] },
    {
      name: 'a backend needs a port',
      object: ingress({ rules: [{ http: { paths: [path({ backend: { service: { name: 'web', port: {} } } })] } }] }),
      expected: ['spec.rules[0].http.paths[0].backend: Required value: port name or number is required'],
    },
    { name: 'an IngressClass controller is domain-prefixed', object: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'nginx' } }, expected: ['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")'] },
    { name: 'accepts a deny-all NetworkPolicy', object: policy({ policyTypes: ['Ingress'] }), expected: [] },
    { name: 'a peer needs a selector or a block', object: policy({ ingress: [{ from: [{}] }] }), expected: ['spec.ingress[0].from[0]: Required value: must specify a peer'] },
    {
      name: 'NetworkPolicy protocols in upstream order',
      object: policy({ ingress: [{ ports: [{ protocol: 'HTTP', port: 80 }] }] }),
      expected: ['spec.ingress[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "TCP", "UDP", "SCTP"'],
    },
    { name: 'policyTypes values', object: policy({ policyTypes: ['ingress'] }), expected: ['spec.policyTypes[0]: Unsupported value: "ingress": supported values: "Ingress", "Egress"'] },
  ]);
});
