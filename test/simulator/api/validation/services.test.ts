import { service, table } from './helpers';

describe('api/validation services', () => {
  table([
    { name: 'requires ports', object: service({ ports: [] }), expected: ['spec.ports: Required value'] },
    { name: 'accepts a headless Service without ports', object: service({ ports: [], clusterIP: 'None' }), expected: [] },
    { name: 'accepts an ExternalName Service without ports', object: service({ ports: [], selector: undefined, type: 'ExternalName', externalName: 'db.example.com' }), expected: [] },
    { name: 'requires names when several ports', object: service({ ports: [{ port: 80 }, { port: 443 }] }), expected: ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'] },
    { name: 'rejects port 0', object: service({ ports: [{ port: 0, targetPort: 8080 }] }), expected: ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'] },
    {
      name: 'checks a named targetPort',
      object: service({ ports: [{ port: 80, targetPort: 'HTTP' }] }),
      expected: ['spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)'],
    },
    {
      name: 'golden: nodePort outside 30000-32767',
      object: service({ type: 'NodePort', ports: [{ port: 80, nodePort: 8080 }] }),
      expected: ['spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    },
    { name: 'accepts a nodePort in range', object: service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), expected: [] },
    { name: 'forbids nodePort on ClusterIP', object: service({ ports: [{ port: 80, nodePort: 30080 }] }), expected: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"] },
    {
      name: 'golden: unsupported Service type (sorted values)',
      object: service({ type: 'Nodeport' }),
      expected: ['spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    },
    {
      name: 'golden: unsupported protocol (sorted values)',
      object: service({ ports: [{ port: 53, protocol: 'DNS' }] }),
      expected: ['spec.ports[0].protocol: Unsupported value: "DNS": supported values: "SCTP", "TCP", "UDP"'],
    },
    {
      name: 'rejects the same port twice',
      object: service({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] }),
      expected: ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'],
    },
    {
      name: 'rejects a sessionAffinity',
      object: service({ sessionAffinity: 'Sticky' }),
      expected: ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"'],
    },
  ]);
});
