import * as assert from 'node:assert/strict';
import { canResolve } from '../../../simulator/src/network/dns';
import { cidrContains, connectionAllowed, connectionVerdict } from '../../../simulator/src/network/policy';
import type { JsonObject } from '../../../simulator/src/store/json';
import { readerOver } from './fixtures';

const namespace = (name: string, labels: Record<string, string> = {}): JsonObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } } });

function pod(name: string, ns: string, labels: Record<string, string>, ip: string, ports: JsonObject[] = []): JsonObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels }, spec: { containers: [{ name: 'main', ports }] }, status: { podIP: ip } };
}

const policy = (name: string, ns: string, spec: JsonObject): JsonObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec });

const DB = pod('db', 'default', { role: 'db' }, '10.244.1.10', [{ name: 'redis', containerPort: 6379 }]);
const FRONT = pod('front', 'default', { role: 'frontend' }, '10.244.1.11');
const OTHER = pod('other', 'default', { role: 'other' }, '10.244.1.12');
const MYPROJECT = pod('client', 'myproject', { role: 'client' }, '10.244.2.5');
const NAMESPACES = [namespace('default'), namespace('myproject', { project: 'myproject' }), namespace('elsewhere')];

/** The example of the NetworkPolicy concept page (test-network-policy). */
const EXAMPLE = policy('test-network-policy', 'default', {
  podSelector: { matchLabels: { role: 'db' } },
  policyTypes: ['Ingress', 'Egress'],
  ingress: [
    {
      from: [{ ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } }, { namespaceSelector: { matchLabels: { project: 'myproject' } } }, { podSelector: { matchLabels: { role: 'frontend' } } }],
      ports: [{ protocol: 'TCP', port: 6379 }],
    },
  ],
  egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 5978 }] }],
});

describe('network: NetworkPolicy decisions', () => {
  it('lets everything through when no policy selects the Pods', () => {
    const reader = readerOver([...NAMESPACES, DB, FRONT]);
    assert.equal(connectionAllowed(reader, { pod: FRONT }, { pod: DB }, 6379), true);
    assert.equal(connectionAllowed(reader, { ip: '8.8.8.8' }, { pod: DB }, 22), true);
  });

  it('follows the concept page example: ipBlock with except, namespaceSelector, podSelector, one port', () => {
    const reader = readerOver([...NAMESPACES, DB, FRONT, OTHER, MYPROJECT, EXAMPLE]);
    assert.equal(connectionAllowed(reader, { pod: FRONT }, { pod: DB }, 6379), true);
    assert.equal(connectionAllowed(reader, { pod: MYPROJECT }, { pod: DB }, 6379), true);
    assert.equal(connectionAllowed(reader, { ip: '172.17.0.9' }, { pod: DB }, 6379), true);
    assert.equal(connectionAllowed(reader, { ip: '172.17.1.9' }, { pod: DB }, 6379), false, 'except');
    assert.equal(connectionAllowed(reader, { pod: OTHER }, { pod: DB }, 6379), false);
    assert.equal(connectionAllowed(reader, { pod: FRONT }, { pod: DB }, 6380), false, 'another port');
    assert.equal(connectionAllowed(reader, { pod: FRONT }, { pod: DB }, 6379, 'UDP'), false, 'another protocol');
    // The db Pod's egress is isolated too: only 10.0.0.0/24 on 5978.
    assert.equal(connectionAllowed(reader, { pod: DB }, { ip: '10.0.0.7' }, 5978), true);
    assert.equal(connectionAllowed(reader, { pod: DB }, { pod: FRONT }, 80), false);
    // The others are not selected: open both ways.
    assert.equal(connectionAllowed(reader, { pod: OTHER }, { pod: FRONT }, 80), true);
  });

  it('says which side refused and which policies isolate it', () => {
    const reader = readerOver([...NAMESPACES, DB, OTHER, EXAMPLE]);
    assert.deepEqual(connectionVerdict(reader, { pod: OTHER }, { pod: DB }, 6379), { allowed: false, deniedBy: 'ingress', policies: ['default/test-network-policy'] });
    assert.deepEqual(connectionVerdict(reader, { pod: DB }, { pod: OTHER }, 80), { allowed: false, deniedBy: 'egress', policies: ['default/test-network-policy'] });
  });

  it('isolates every Pod of the namespace with an empty podSelector, for the listed direction only', () => {
    const denyIngress = policy('default-deny-ingress', 'default', { podSelector: {}, policyTypes: ['Ingress'] });
    const reader = readerOver([...NAMESPACES, DB, FRONT, MYPROJECT, denyIngress]);
    assert.equal(connectionAllowed(reader, { pod: FRONT }, { pod: DB }, 6379), false);
    assert.equal(connectionAllowed(reader, { pod: MYPROJECT }, { pod: DB }, 6379), false);
    assert.equal(connectionAllowed(reader, { pod: DB }, { pod: MYPROJECT }, 80), true, 'egress stays open');
    assert.equal(connectionAllowed(reader, { pod: DB }, { pod: DB }, 6379), true, 'a Pod to itself');
  });

  it('allows everything with an empty rule, and adds the rules of several policies', () => {
    const deny = policy('deny', 'default', { podSelector: {}, policyTypes: ['Ingress'] });
    const allowFront = policy('allow-front', 'default', { podSelector: { matchLabels: { role: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }] }] });
    const reader = readerOver([...NAMESPACES, DB, FRONT, OTHER, deny, allowFront]);
    assert.equal(connectionAllowed(reader, { pod: FRONT }, { pod: DB }, 1234), true);
    assert.equal(connectionAllowed(reader, { pod: OTHER }, { pod: DB }, 1234), false);
    const allowAll = policy('allow-all', 'default', { podSelector: {}, ingress: [{}] });
    assert.equal(connectionAllowed(readerOver([...NAMESPACES, DB, OTHER, deny, allowAll]), { pod: OTHER }, { pod: DB }, 1234), true);
  });

  it('reads podSelector and namespaceSelector in one peer as both, in two peers as either', () => {
    const both = policy('both', 'default', { podSelector: { matchLabels: { role: 'db' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { project: 'myproject' } }, podSelector: { matchLabels: { role: 'frontend' } } }] }] });
    const either = policy('either', 'default', { podSelector: { matchLabels: { role: 'db' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { project: 'myproject' } } }, { podSelector: { matchLabels: { role: 'frontend' } } }] }] });
    const frontThere = pod('front', 'myproject', { role: 'frontend' }, '10.244.2.6');
    assert.equal(connectionAllowed(readerOver([...NAMESPACES, DB, FRONT, MYPROJECT, frontThere, both]), { pod: MYPROJECT }, { pod: DB }, 6379), false);
    assert.equal(connectionAllowed(readerOver([...NAMESPACES, DB, FRONT, MYPROJECT, frontThere, both]), { pod: FRONT }, { pod: DB }, 6379), false, 'a frontend of another namespace');
    assert.equal(connectionAllowed(readerOver([...NAMESPACES, DB, FRONT, MYPROJECT, frontThere, both]), { pod: frontThere }, { pod: DB }, 6379), true);
    assert.equal(connectionAllowed(readerOver([...NAMESPACES, DB, FRONT, MYPROJECT, either]), { pod: MYPROJECT }, { pod: DB }, 6379), true);
    assert.equal(connectionAllowed(readerOver([...NAMESPACES, DB, FRONT, MYPROJECT, either]), { pod: FRONT }, { pod: DB }, 6379), true);
  });

  it('takes a podSelector alone in the policy\'s namespace, and namespaces by their automatic name label', () => {
    const sameNamespace = policy('same', 'default', { podSelector: { matchLabels: { role: 'db' } }, ingress: [{ from: [{ podSelector: {} }] }] });
    const byName = policy('by-name', 'default', { podSelector: { matchLabels: { role: 'db' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'myproject' } } }] }] });
    assert.equal(connectionAllowed(readerOver([...NAMESPACES, DB, FRONT, MYPROJECT, sameNamespace]), { pod: FRONT }, { pod: DB }, 6379), true);
    assert.equal(connectionAllowed(readerOver([...NAMESPACES, DB, FRONT, MYPROJECT, sameNamespace]), { pod: MYPROJECT }, { pod: DB }, 6379), false);
    assert.equal(connectionAllowed(readerOver([...NAMESPACES, DB, FRONT, MYPROJECT, byName]), { pod: MYPROJECT }, { pod: DB }, 6379), true);
  });

  it('matches named ports in the destination Pod, and ranges with endPort', () => {
    const named = policy('named', 'default', { podSelector: {}, ingress: [{ ports: [{ port: 'redis', protocol: 'TCP' }] }] });
    assert.equal(connectionAllowed(readerOver([...NAMESPACES, DB, FRONT, named]), { pod: FRONT }, { pod: DB }, 6379), true);
    assert.equal(connectionAllowed(readerOver([...NAMESPACES, DB, FRONT, named]), { pod: DB }, { pod: FRONT }, 6379), false, 'front has no port named redis');
    const range = policy('range', 'default', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ protocol: 'TCP', port: 32000, endPort: 32768 }] }] });
    const reader = readerOver([...NAMESPACES, DB, FRONT, range]);
    assert.equal(connectionAllowed(reader, { pod: FRONT }, { pod: DB }, 32000), true);
    assert.equal(connectionAllowed(reader, { pod: FRONT }, { pod: DB }, 32768), true);
    assert.equal(connectionAllowed(reader, { pod: FRONT }, { pod: DB }, 32769), false);
  });

  it('defaults policyTypes as the API server does: Egress only once egress rules are listed', () => {
    const onlyEgressRules = policy('egress', 'default', { podSelector: { matchLabels: { role: 'frontend' } }, egress: [{ to: [{ podSelector: { matchLabels: { role: 'db' } } }] }] });
    const reader = readerOver([...NAMESPACES, DB, FRONT, OTHER, onlyEgressRules]);
    assert.equal(connectionAllowed(reader, { pod: FRONT }, { pod: DB }, 6379), true);
    assert.equal(connectionAllowed(reader, { pod: FRONT }, { pod: OTHER }, 80), false);
    assert.equal(connectionAllowed(reader, { pod: OTHER }, { pod: FRONT }, 80), false, 'ingress isolated too (defaulted)');
  });

  it('lets a Pod resolve names only when its egress allows kube-dns on UDP 53', () => {
    const kubeSystem = namespace('kube-system');
    const denyEgress = policy('deny-egress', 'default', { podSelector: {}, policyTypes: ['Egress'] });
    assert.equal(canResolve(readerOver([...NAMESPACES, kubeSystem, FRONT]), FRONT), true);
    assert.equal(canResolve(readerOver([...NAMESPACES, kubeSystem, FRONT, denyEgress]), FRONT), false);
    const allowDns = policy('allow-dns', 'default', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }],
    });
    assert.equal(canResolve(readerOver([...NAMESPACES, kubeSystem, FRONT, denyEgress, allowDns]), FRONT), true);
    const tcpOnly = policy('tcp-only', 'default', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ protocol: 'TCP', port: 53 }] }] });
    assert.equal(canResolve(readerOver([...NAMESPACES, kubeSystem, FRONT, tcpOnly]), FRONT), false);
  });

  it('contains addresses in CIDRs', () => {
    assert.equal(cidrContains('10.244.0.0/16', '10.244.3.7'), true);
    assert.equal(cidrContains('10.244.0.0/16', '10.245.0.1'), false);
    assert.equal(cidrContains('0.0.0.0/0', '203.0.113.9'), true);
    assert.equal(cidrContains('192.168.1.5/32', '192.168.1.5'), true);
    assert.equal(cidrContains('nonsense', '192.168.1.5'), false);
  });
});
