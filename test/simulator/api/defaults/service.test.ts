import { runTable } from './defaults.test';

const service = (spec: Record<string, unknown>) => ({ metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec } });

describe('simulator/api/defaults: Service', () => {
  runTable('v1', 'Service', [
    {
      name: 'defaults a ClusterIP service (SetDefaults_Service, then the IP family fields)',
      input: service({}),
      expect: {
        'spec.type': 'ClusterIP',
        'spec.sessionAffinity': 'None',
        'spec.ports[0]': { port: 80, protocol: 'TCP', targetPort: 80 },
        'spec.internalTrafficPolicy': 'Cluster',
        'spec.ipFamilyPolicy': 'SingleStack',
        'spec.ipFamilies': ['IPv4'],
        'spec.externalTrafficPolicy': undefined,
        'spec.allocateLoadBalancerNodePorts': undefined,
        'spec.clusterIP': undefined,
      },
    },
    {
      name: 'keeps a named or numbered targetPort and a protocol',
      input: service({ ports: [{ port: 80, targetPort: 'http' }, { port: 53, targetPort: 5353, protocol: 'UDP' }, { port: 8080, targetPort: 0 }] }),
      expect: { 'spec.ports[0].targetPort': 'http', 'spec.ports[1]': { port: 53, targetPort: 5353, protocol: 'UDP' }, 'spec.ports[2].targetPort': 8080 },
    },
    {
      name: 'defaults externalTrafficPolicy for a NodePort service',
      input: service({ type: 'NodePort' }),
      expect: { 'spec.externalTrafficPolicy': 'Cluster', 'spec.internalTrafficPolicy': 'Cluster', 'spec.allocateLoadBalancerNodePorts': undefined },
    },
    {
      name: 'defaults allocateLoadBalancerNodePorts for a LoadBalancer, and the ipMode of its ingress',
      input: { ...service({ type: 'LoadBalancer' }), status: { loadBalancer: { ingress: [{ ip: '172.18.0.10' }, { hostname: 'lb.example' }] } } },
      expect: {
        'spec.externalTrafficPolicy': 'Cluster',
        'spec.allocateLoadBalancerNodePorts': true,
        'status.loadBalancer.ingress': [{ ip: '172.18.0.10', ipMode: 'VIP' }, { hostname: 'lb.example' }],
      },
    },
    {
      name: 'defaults externalTrafficPolicy for a ClusterIP service with external IPs',
      input: service({ externalIPs: ['192.0.2.10'] }),
      expect: { 'spec.externalTrafficPolicy': 'Cluster' },
    },
    {
      name: 'gives an ExternalName service neither traffic policies nor IP families',
      input: { metadata: { name: 'db' }, spec: { type: 'ExternalName', externalName: 'db.example.com' } },
      expect: { 'spec.internalTrafficPolicy': undefined, 'spec.ipFamilyPolicy': undefined, 'spec.ipFamilies': undefined, 'spec.sessionAffinity': 'None' },
    },
    {
      name: 'drops the affinity config when affinity is None',
      input: service({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }),
      expect: { 'spec.sessionAffinity': 'None', 'spec.sessionAffinityConfig': undefined },
    },
    {
      name: 'defaults a ClientIP affinity timeout of three hours',
      input: service({ sessionAffinity: 'ClientIP' }),
      expect: { 'spec.sessionAffinityConfig': { clientIP: { timeoutSeconds: 10800 } } },
    },
    {
      name: 'copies a given clusterIP into clusterIPs and infers its family',
      input: service({ clusterIP: 'fd00::10' }),
      expect: { 'spec.clusterIPs': ['fd00::10'], 'spec.ipFamilies': ['IPv6'], 'spec.ipFamilyPolicy': 'SingleStack' },
    },
    {
      name: 'a headless service with a selector is single-stack',
      input: service({ clusterIP: 'None' }),
      expect: { 'spec.clusterIPs': ['None'], 'spec.ipFamilyPolicy': 'SingleStack', 'spec.ipFamilies': ['IPv4'] },
    },
    {
      name: 'a headless service without selector asks for both families (initIPFamilyFields)',
      input: { metadata: { name: 'peers' }, spec: { clusterIP: 'None', ports: [{ port: 7000 }] } },
      expect: { 'spec.ipFamilyPolicy': 'RequireDualStack', 'spec.ipFamilies': ['IPv4', 'IPv6'] },
    },
    {
      name: 'PreferDualStack stays single-family on a single-stack cluster',
      input: service({ ipFamilyPolicy: 'PreferDualStack' }),
      expect: { 'spec.ipFamilyPolicy': 'PreferDualStack', 'spec.ipFamilies': ['IPv4'] },
    },
  ]);
});

describe('simulator/api/defaults: Endpoints', () => {
  runTable('v1', 'Endpoints', [
    {
      name: 'defaults port protocols to TCP (SetDefaults_Endpoints)',
      input: { metadata: { name: 'web' }, subsets: [{ addresses: [{ ip: '10.244.1.4' }], ports: [{ port: 80 }, { port: 53, protocol: 'UDP' }] }] },
      expect: { 'subsets[0].ports': [{ port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] },
    },
  ]);
});

describe('simulator/api/defaults: networking.k8s.io/v1', () => {
  describe('NetworkPolicy', () => {
    runTable('networking.k8s.io/v1', 'NetworkPolicy', [
      {
        name: 'isolates ingress only when there are no egress rules (SetDefaults_NetworkPolicy)',
        input: { metadata: { name: 'deny-all' }, spec: { podSelector: {} } },
        expect: { 'spec.policyTypes': ['Ingress'] },
      },
      {
        name: 'isolates egress too once egress rules exist, and defaults port protocols',
        input: { metadata: { name: 'dns' }, spec: { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }], egress: [{ ports: [{ port: 53, protocol: 'UDP' }, { port: 53 }] }] } },
        expect: {
          'spec.policyTypes': ['Ingress', 'Egress'],
          'spec.ingress[0].ports[0]': { port: 80, protocol: 'TCP' },
          'spec.egress[0].ports': [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
        },
      },
      {
        name: 'keeps the policy types given',
        input: { metadata: { name: 'out' }, spec: { podSelector: {}, policyTypes: ['Egress'] } },
        expect: { 'spec.policyTypes': ['Egress'] },
      },
    ]);
  });

  describe('IngressClass', () => {
    runTable('networking.k8s.io/v1', 'IngressClass', [
      {
        name: 'scopes parameters to the cluster by default',
        input: { metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'Params', name: 'p' } } },
        expect: { 'spec.parameters.scope': 'Cluster' },
      },
      {
        name: 'adds no parameters when there are none',
        input: { metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } },
        expect: { 'spec.parameters': undefined },
      },
    ]);
  });
});
