import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom, type Random } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { StatusError } from '../../../simulator/src/api/errors';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { ClusterIPRange, NodePortRange, parseIPv4 } from '../../../simulator/src/controllers/ipam';
import {
  LOAD_BALANCER_PROVISIONING_MS,
  ServiceAllocations,
  allocateServiceAddresses,
  createServiceLbController,
  releaseServiceAddresses,
  systemServices,
} from '../../../simulator/src/controllers/service';

const SERVICE = kindInfo('v1', 'Service')!;
const EVENT = kindInfo('v1', 'Event')!;

type Json = Record<string, unknown>;
const spec = (object: KubeObject) => object.spec as Json;
const ports = (object: KubeObject) => spec(object).ports as Json[];

function service(name: string, extra: Json = {}, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }], ...extra } };
}

/** A store whose Service writes go through the allocator, as the API server's REST storage does. */
class Cluster {
  readonly clock = new ManualClock();
  readonly random: Random = createRandom(42);
  readonly store = new ObjectStore({ clock: this.clock, random: this.random });
  allocations = new ServiceAllocations();

  create(object: KubeObject): KubeObject {
    return this.store.create(allocateServiceAddresses(object, this.allocations, this.random));
  }

  update(object: KubeObject): KubeObject {
    const meta = object.metadata as Json;
    const old = this.store.get(SERVICE, typeof meta.namespace === 'string' ? meta.namespace : 'default', String(meta.name));
    return this.store.update(allocateServiceAddresses(object, this.allocations, this.random, { old }));
  }

  delete(name: string): void {
    releaseServiceAddresses(this.store.delete(SERVICE, 'default', name), this.allocations);
  }
}

function rejects(action: () => unknown, message: string): StatusError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof StatusError, `expected a StatusError, got ${String(caught)}`);
  assert.equal(caught.message, message);
  return caught;
}

describe('Service address allocation', () => {
  it('gives a ClusterIP Service a random free address from the upper band of 10.96.0.0/12', () => {
    const cluster = new Cluster();
    const ips = ['a', 'b', 'c'].map((name) => String(spec(cluster.create(service(name))).clusterIP));
    assert.equal(new Set(ips).size, 3);
    for (const ip of ips) {
      const value = parseIPv4(ip)!;
      // Above the static band (10.96.0.1-10.96.1.0) kept for addresses asked by hand.
      assert.ok(value > parseIPv4('10.96.1.0')! && value < parseIPv4('10.112.0.0')!, ip);
    }
    assert.deepEqual(spec(cluster.store.get(SERVICE, 'default', 'a')).clusterIPs, [ips[0]]);
  });

  it('chooses the same addresses for the same seed', () => {
    const first = new Cluster();
    const second = new Cluster();
    const a = ['x', 'y'].map((name) => spec(first.create(service(name, { type: 'NodePort' }))));
    const b = ['x', 'y'].map((name) => spec(second.create(service(name, { type: 'NodePort' }))));
    assert.deepEqual(a, b);
  });

  it('honours a requested cluster IP and refuses it to a second Service with the API server message', () => {
    const cluster = new Cluster();
    assert.equal(spec(cluster.create(service('web', { clusterIP: '10.96.0.50' }))).clusterIP, '10.96.0.50');
    const error = rejects(
      () => cluster.create(service('api', { clusterIP: '10.96.0.50' })),
      'Service "api" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.50"}: failed to allocate IP 10.96.0.50: provided IP is already allocated',
    );
    assert.equal(error.reason, 'Invalid');
    assert.equal(error.code, 422);
    assert.deepEqual(error.causes, [{ type: 'FieldValueInvalid', field: 'spec.clusterIPs', message: 'Invalid value: []string{"10.96.0.50"}: failed to allocate IP 10.96.0.50: provided IP is already allocated' }]);
  });

  it('refuses a cluster IP outside the service range', () => {
    rejects(
      () => new Cluster().create(service('web', { clusterIP: '10.0.0.5' })),
      'Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('refuses a malformed address, IPv6 and dual-stack on this IPv4 cluster', () => {
    const cluster = new Cluster();
    rejects(() => cluster.create(service('a', { clusterIP: '10.96.0.300', clusterIPs: ['10.96.0.300'] })), 'Service "a" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)');
    rejects(() => cluster.create(service('b', { clusterIP: 'fd00::10', clusterIPs: ['fd00::10'] })), 'Service "b" is invalid: spec.clusterIPs[0]: Invalid value: []string{"fd00::10"}: IPv6 is not configured on this cluster');
    rejects(() => cluster.create(service('c', { ipFamilyPolicy: 'RequireDualStack' })), 'Service "c" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services');
    assert.equal(cluster.allocations.clusterIPs.used, 0);
  });

  it('gives headless and ExternalName Services no cluster IP', () => {
    const cluster = new Cluster();
    assert.deepEqual(spec(cluster.create(service('db', { clusterIP: 'None' }))).clusterIPs, ['None']);
    const external = spec(cluster.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext' }, spec: { type: 'ExternalName', externalName: 'db.example.com' } }));
    assert.equal(external.clusterIP, undefined);
    assert.equal(cluster.allocations.clusterIPs.used, 0);
  });

  it('allocates node ports above the static band of 30000-32767, one per port number', () => {
    const cluster = new Cluster();
    const created = cluster.create(
      service('dns', {
        type: 'NodePort',
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
          { name: 'metrics', port: 9153 },
        ],
      }),
    );
    const [udp, tcp, metrics] = ports(created).map((port) => Number(port.nodePort));
    assert.equal(udp, tcp);
    assert.notEqual(metrics, udp);
    // portallocator's offset: min(max(16, 2768/32), 128) = 86, so dynamic ports start at 30086.
    for (const port of [udp!, metrics!]) assert.ok(port >= 30086 && port <= 32767, String(port));
    assert.equal(cluster.allocations.nodePorts.used, 2);
  });

  it('refuses a node port another Service holds, and keeps nothing from the failed request', () => {
    const cluster = new Cluster();
    cluster.create(service('web', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    const before = cluster.allocations.clusterIPs.used;
    const error = rejects(
      () => cluster.create(service('api', { type: 'NodePort', ports: [{ name: 'a', port: 81 }, { name: 'b', port: 80, nodePort: 30080 }] })),
      'Service "api" is invalid: spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated',
    );
    assert.equal(error.causes[0]!.field, 'spec.ports[1].nodePort');
    assert.equal(cluster.allocations.clusterIPs.used, before);
    assert.equal(cluster.allocations.nodePorts.used, 1);
  });

  it('gives LoadBalancer node ports unless allocateLoadBalancerNodePorts is false, and a health check port for Local', () => {
    const cluster = new Cluster();
    assert.ok(Number(ports(cluster.create(service('lb', { type: 'LoadBalancer' })))[0]!.nodePort) >= 30086);
    assert.equal(ports(cluster.create(service('bare', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false })))[0]!.nodePort, undefined);
    const local = spec(cluster.create(service('local', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' })));
    assert.ok(Number(local.healthCheckNodePort) >= 30000);
    assert.equal(cluster.allocations.nodePorts.used, 3);
  });

  it('keeps allocated values a PUT leaves out', () => {
    const cluster = new Cluster();
    const created = cluster.create(service('web', { type: 'NodePort', ports: [{ name: 'http', port: 80 }] }));
    const replaced = cluster.update(service('web', { type: 'NodePort', ports: [{ name: 'http', port: 80 }] }));
    assert.equal(spec(replaced).clusterIP, spec(created).clusterIP);
    assert.equal(ports(replaced)[0]!.nodePort, ports(created)[0]!.nodePort);
    assert.equal(cluster.allocations.nodePorts.used, 1);
  });

  it('refuses to change the cluster IP once set', () => {
    const cluster = new Cluster();
    cluster.create(service('web', { clusterIP: '10.96.0.50' }));
    rejects(() => cluster.update(service('web', { clusterIP: '10.96.0.51' })), 'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.51"}: may not change once set');
    assert.ok(!cluster.allocations.clusterIPs.has('10.96.0.51'));
  });

  it('drops and releases the node ports when a NodePort Service becomes ClusterIP', () => {
    const cluster = new Cluster();
    const created = cluster.create(service('web', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    // What `kubectl apply` sends: the server-set fields are still there, only the type changed.
    const changed = cluster.update({ ...created, spec: { ...spec(created), type: 'ClusterIP' } });
    assert.equal(ports(changed)[0]!.nodePort, undefined);
    assert.equal(spec(changed).externalTrafficPolicy, undefined);
    assert.equal(spec(changed).clusterIP, spec(created).clusterIP);
    assert.equal(Number(ports(cluster.create(service('api', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })))[0]!.nodePort), 30080);
  });

  it('releases the cluster IP when a Service becomes ExternalName, and allocates one on the way back', () => {
    const cluster = new Cluster();
    const created = cluster.create(service('web', { clusterIP: '10.96.0.60' }));
    const external = cluster.update({ ...created, spec: { ...spec(created), type: 'ExternalName', externalName: 'web.example.com', selector: undefined } });
    assert.equal(spec(external).clusterIP, undefined);
    assert.equal(spec(external).ipFamilies, undefined);
    assert.ok(!cluster.allocations.clusterIPs.has('10.96.0.60'));
    const back = cluster.update({ ...external, spec: { ...spec(external), type: 'ClusterIP', externalName: undefined } });
    assert.ok(cluster.allocations.clusterIPs.has(String(spec(back).clusterIP)));
  });

  it('shows the addresses of a dry run without keeping them', () => {
    const cluster = new Cluster();
    const preview = allocateServiceAddresses(service('web', { type: 'NodePort' }), cluster.allocations, cluster.random, { dryRun: true });
    assert.ok(parseIPv4(String(spec(preview).clusterIP)) !== undefined);
    assert.ok(Number(ports(preview)[0]!.nodePort) > 0);
    assert.equal(cluster.allocations.clusterIPs.used, 0);
    assert.equal(cluster.allocations.nodePorts.used, 0);
  });

  it('frees the addresses of a deleted Service and rebuilds the state from stored Services', () => {
    const cluster = new Cluster();
    cluster.create(service('web', { type: 'NodePort', clusterIP: '10.96.0.70', ports: [{ port: 80, nodePort: 30070 }] }));
    cluster.create(service('api', { clusterIP: '10.96.0.71' }));
    const rebuilt = ServiceAllocations.fromServices(cluster.store.list(SERVICE));
    assert.ok(rebuilt.clusterIPs.has('10.96.0.70') && rebuilt.clusterIPs.has('10.96.0.71') && rebuilt.nodePorts.has(30070));
    cluster.delete('web');
    assert.ok(!cluster.allocations.clusterIPs.has('10.96.0.70'));
    assert.ok(!cluster.allocations.nodePorts.has(30070));
    assert.equal(spec(cluster.create(service('again', { clusterIP: '10.96.0.70' }))).clusterIP, '10.96.0.70');
  });

  it('creates the kubernetes and kube-dns Services of a fresh cluster on their well-known addresses', () => {
    const cluster = new Cluster();
    for (const object of systemServices({ controlPlaneIP: '172.18.0.2' })) {
      if (object.kind === 'Service') cluster.create(object);
      else cluster.store.create(object);
    }
    const kubernetes = cluster.store.get(SERVICE, 'default', 'kubernetes');
    assert.equal(spec(kubernetes).clusterIP, '10.96.0.1');
    assert.deepEqual(ports(kubernetes)[0], { name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 });
    const endpoints = cluster.store.get(kindInfo('v1', 'Endpoints')!, 'default', 'kubernetes');
    assert.deepEqual(endpoints.subsets, [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
    const dns = cluster.store.get(SERVICE, 'kube-system', 'kube-dns');
    assert.equal(spec(dns).clusterIP, '10.96.0.10');
    assert.deepEqual(ports(dns).map((port) => `${String(port.port)}/${String(port.protocol)}`), ['53/UDP', '53/TCP', '9153/TCP']);
    rejects(
      () => cluster.create(service('coredns', { clusterIP: '10.96.0.10' })),
      'Service "coredns" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
  });
});

describe('Allocators', () => {
  it('falls back to the static band when the upper band is full', () => {
    const range = new ClusterIPRange('10.0.0.0/27'); // 30 addresses, static band of 16
    const random = createRandom(1);
    const taken = Array.from({ length: 30 }, () => range.allocateNext(random)!);
    assert.equal(new Set(taken).size, 30);
    assert.ok(taken.slice(0, 14).every((ip) => parseIPv4(ip)! > parseIPv4('10.0.0.16')!));
    assert.equal(range.allocateNext(random), undefined);
    const ports = new NodePortRange(30000, 30009);
    assert.equal(Array.from({ length: 11 }, () => ports.allocateNext(random)).filter((port) => port !== undefined).length, 10);
  });
});

describe('service-lb-controller', () => {
  function setup() {
    const cluster = new Cluster();
    const runtime = new ControllerRuntime(cluster.store, cluster.clock, [createServiceLbController()]);
    const ingress = (name: string) => ((cluster.store.get(SERVICE, 'default', name).status as Json | undefined)?.loadBalancer as Json | undefined)?.ingress;
    const reasons = (name: string) =>
      cluster.store
        .list(EVENT, { namespace: 'default' })
        .filter((event) => (event.involvedObject as Json).name === name)
        .map((event) => `${String(event.reason)}: ${String(event.message)}`);
    return { cluster, runtime, ingress, reasons };
  }

  it('leaves the external IP pending while provisioning, then gives the first pool address', () => {
    const { cluster, runtime, ingress, reasons } = setup();
    cluster.create(service('web', { type: 'LoadBalancer' }));
    runtime.advance(LOAD_BALANCER_PROVISIONING_MS - 1);
    assert.equal(ingress('web'), undefined);
    assert.deepEqual(reasons('web'), ['EnsuringLoadBalancer: Ensuring load balancer']);
    runtime.advance(1);
    assert.deepEqual(ingress('web'), [{ ip: '172.18.255.200', ipMode: 'VIP' }]);
    assert.deepEqual(reasons('web'), ['EnsuringLoadBalancer: Ensuring load balancer', 'EnsuredLoadBalancer: Ensured load balancer']);
    const event = cluster.store.list(EVENT, { namespace: 'default' })[0]!;
    assert.equal((event.source as Json).component, 'service-controller');
  });

  it('gives each LoadBalancer its own address and ignores other types', () => {
    const { cluster, runtime, ingress, reasons } = setup();
    cluster.create(service('a', { type: 'LoadBalancer' }));
    cluster.create(service('b', { type: 'LoadBalancer', loadBalancerIP: '172.18.255.210' }));
    cluster.create(service('c', { type: 'NodePort' }));
    cluster.create(service('d', { type: 'LoadBalancer', loadBalancerClass: 'example.com/other' }));
    assert.ok(runtime.runUntilSettled().settled);
    assert.deepEqual(ingress('a'), [{ ip: '172.18.255.200', ipMode: 'VIP' }]);
    assert.deepEqual(ingress('b'), [{ ip: '172.18.255.210', ipMode: 'VIP' }]);
    assert.equal(ingress('c'), undefined);
    assert.equal(ingress('d'), undefined);
    assert.deepEqual(reasons('d'), []);
  });

  it('takes the address back when the Service stops being a LoadBalancer', () => {
    const { cluster, runtime, ingress, reasons } = setup();
    const created = cluster.create(service('web', { type: 'LoadBalancer' }));
    runtime.runUntilSettled();
    cluster.update({ ...cluster.store.get(SERVICE, 'default', 'web'), spec: { ...spec(created), type: 'ClusterIP' } });
    runtime.runUntilSettled();
    assert.equal(ingress('web'), undefined);
    assert.deepEqual(reasons('web').slice(2), ['DeletingLoadBalancer: Deleting load balancer', 'DeletedLoadBalancer: Deleted load balancer']);
    assert.equal(cluster.allocations.nodePorts.used, 0);
    cluster.create(service('next', { type: 'LoadBalancer' }));
    runtime.runUntilSettled();
    assert.deepEqual(ingress('next'), [{ ip: '172.18.255.200', ipMode: 'VIP' }]);
  });

  it('reports the teardown even when the API server already cleared the status', () => {
    const { cluster, runtime, reasons } = setup();
    const created = cluster.create(service('web', { type: 'LoadBalancer' }));
    runtime.runUntilSettled();
    const stored = cluster.store.get(SERVICE, 'default', 'web');
    const next = { ...stored, spec: { ...spec(created), type: 'NodePort' } };
    const preview = allocateServiceAddresses(next, cluster.allocations, cluster.random, { old: stored, dryRun: true });
    assert.deepEqual((preview.status as Json).loadBalancer, {});
    const updated = cluster.update(next);
    // What dropTypeDependentFields does to the stored status on a real API server.
    cluster.store.updateStatus({ ...updated, status: { loadBalancer: {} } });
    runtime.runUntilSettled();
    assert.deepEqual(reasons('web').slice(2), ['DeletingLoadBalancer: Deleting load balancer', 'DeletedLoadBalancer: Deleted load balancer']);
  });

  it('reports SyncLoadBalancerFailed and retries when the pool is empty', () => {
    const { cluster, runtime, ingress, reasons } = setup();
    for (let i = 0; i < 51; i++) cluster.create(service(`lb-${String(i).padStart(2, '0')}`, { type: 'LoadBalancer' }));
    runtime.runUntilSettled();
    assert.deepEqual(ingress('lb-50'), [{ ip: '172.18.255.250', ipMode: 'VIP' }]);
    cluster.create(service('late', { type: 'LoadBalancer' }));
    runtime.advance(LOAD_BALANCER_PROVISIONING_MS);
    assert.equal(ingress('late'), undefined);
    assert.deepEqual(reasons('late'), ['EnsuringLoadBalancer: Ensuring load balancer', 'SyncLoadBalancerFailed: Error syncing load balancer: failed to ensure load balancer: no available IPs']);
    cluster.delete('lb-07');
    runtime.advance(5_000 + LOAD_BALANCER_PROVISIONING_MS);
    assert.deepEqual(ingress('late'), [{ ip: '172.18.255.207', ipMode: 'VIP' }]);
  });
});
