import * as assert from 'node:assert/strict';
import { ManualClock, formatTimestamp } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { restore, snapshot } from '../../../simulator/src/store/snapshot';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import type { Controller } from '../../../simulator/src/controllers/types';
import { createEndpointsController } from '../../../simulator/src/controllers/endpoints';

const SERVICE = kindInfo('v1', 'Service')!;
const POD = kindInfo('v1', 'Pod')!;
const ENDPOINTS = kindInfo('v1', 'Endpoints')!;

type Json = Record<string, unknown>;
const meta = (object: KubeObject) => object.metadata as Json;

interface PodOptions {
  ip?: string;
  ready?: boolean;
  node?: string;
  phase?: string;
  ports?: Json[];
  namespace?: string;
}

function setup(options: { graceful?: boolean } = {}) {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(7), gracefulPodDeletion: options.graceful });
  let reconciles = 0;
  const endpoints = createEndpointsController();
  const counted: Controller = { ...endpoints, reconcile: (key, reader) => (reconciles++, endpoints.reconcile(key, reader)) };
  const runtime = new ControllerRuntime(store, clock, [counted]);
  const settle = () => assert.ok(runtime.runUntilSettled().settled);

  function setPodStatus(name: string, { ip, ready = true, phase = 'Running', namespace = 'default' }: PodOptions): void {
    const pod = store.get(POD, namespace, name);
    const status: Json = { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: formatTimestamp(clock.now()) }] };
    if (ip) Object.assign(status, { podIP: ip, podIPs: [{ ip }] });
    store.updateStatus({ ...pod, status });
  }

  function addPod(name: string, labels: Record<string, string>, options: PodOptions = {}): void {
    const container: Json = { name: 'app', image: 'nginx' };
    if (options.ports) container.ports = options.ports;
    store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: options.namespace ?? 'default', labels },
      spec: { nodeName: options.node ?? 'node-1', containers: [container] },
    });
    setPodStatus(name, options);
  }

  function addService(name: string, spec: Json, labels?: Record<string, string>): void {
    store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, ...(labels ? { labels } : {}) }, spec: { ports: [{ port: 80, targetPort: 8080 }], ...spec } });
  }

  const endpointsOf = (name: string, namespace = 'default') => store.find(ENDPOINTS, namespace, name);
  const subsets = (name: string) => endpointsOf(name)?.subsets as Json[] | undefined;
  const ips = (name: string, field = 'addresses') => (subsets(name) ?? []).flatMap((subset) => ((subset[field] as Json[] | undefined) ?? []).map((address) => address.ip));
  return { clock, store, runtime, settle, addPod, addService, setPodStatus, endpointsOf, subsets, ips, reconciles: () => reconciles };
}

describe('endpoint-controller', () => {
  it('lists ready Pods in addresses and not-ready ones in notReadyAddresses', () => {
    const { store, settle, addPod, addService, endpointsOf } = setup();
    addService('web', { selector: { app: 'web' } }, { app: 'web', tier: 'front' });
    addPod('web-b', { app: 'web' }, { ip: '10.244.1.9', node: 'node-2' });
    addPod('web-a', { app: 'web' }, { ip: '10.244.1.10' });
    addPod('web-c', { app: 'web' }, { ip: '10.244.2.4', ready: false });
    addPod('other', { app: 'api' }, { ip: '10.244.2.5' });
    settle();
    const endpoints = endpointsOf('web')!;
    const uid = (name: string) => meta(store.get(POD, 'default', name)).uid;
    assert.deepEqual(endpoints.subsets, [
      {
        addresses: [
          // Sorted as strings, like upstream's LessEndpointAddress.
          { ip: '10.244.1.10', nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-a', uid: uid('web-a') } },
          { ip: '10.244.1.9', nodeName: 'node-2', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-b', uid: uid('web-b') } },
        ],
        notReadyAddresses: [{ ip: '10.244.2.4', nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-c', uid: uid('web-c') } }],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
    assert.deepEqual(meta(endpoints).labels, { app: 'web', tier: 'front' });
    assert.equal((meta(endpoints).annotations as Json)['endpoints.kubernetes.io/last-change-trigger-time'], '2024-01-01T00:00:00Z');
  });

  it('creates an Endpoints without subsets when no Pod matches', () => {
    const { settle, addService, endpointsOf } = setup();
    addService('web', { selector: { app: 'web' } });
    settle();
    const endpoints = endpointsOf('web')!;
    assert.equal(endpoints.subsets, undefined);
    assert.equal(meta(endpoints).labels, undefined);
  });

  it('resolves a named targetPort per Pod and groups addresses by the ports they serve', () => {
    const { settle, addPod, addService, subsets } = setup();
    addService('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9090, targetPort: 9090 }] });
    addPod('old', { app: 'web' }, { ip: '10.244.1.2', ports: [{ name: 'http', containerPort: 8080 }] });
    addPod('new', { app: 'web' }, { ip: '10.244.1.3', ports: [{ name: 'http', containerPort: 9000 }] });
    addPod('none', { app: 'web' }, { ip: '10.244.1.4' });
    settle();
    const summary = (subsets('web') ?? []).map((subset) => ({
      ips: (subset.addresses as Json[]).map((address) => address.ip),
      ports: (subset.ports as Json[]).map((port) => `${String(port.name)}:${String(port.port)}`),
    }));
    // RepackSubsets: each set of ports reaching exactly the same addresses is one subset.
    assert.deepEqual(summary, [
      { ips: ['10.244.1.2'], ports: ['http:8080'] },
      { ips: ['10.244.1.2', '10.244.1.3', '10.244.1.4'], ports: ['metrics:9090'] },
      { ips: ['10.244.1.3'], ports: ['http:9000'] },
    ]);
  });

  it('leaves out Pods without an IP, finished Pods and terminating Pods', () => {
    const { store, settle, addPod, addService, ips } = setup({ graceful: true });
    addService('web', { selector: { app: 'web' } });
    addPod('pending', { app: 'web' }, { ready: false });
    addPod('done', { app: 'web' }, { ip: '10.244.1.5', phase: 'Succeeded', ready: false });
    addPod('running', { app: 'web' }, { ip: '10.244.1.6' });
    addPod('leaving', { app: 'web' }, { ip: '10.244.1.7' });
    settle();
    assert.deepEqual(ips('web'), ['10.244.1.6', '10.244.1.7']);
    store.delete(POD, 'default', 'leaving');
    assert.ok(meta(store.get(POD, 'default', 'leaving')).deletionTimestamp, 'the Pod is Terminating');
    settle();
    assert.deepEqual(ips('web'), ['10.244.1.6']);
    assert.deepEqual(ips('web', 'notReadyAddresses'), []);
  });

  it('publishes not-ready and terminating Pods as ready with publishNotReadyAddresses', () => {
    const { store, settle, addPod, addService, ips } = setup({ graceful: true });
    addService('db', { selector: { app: 'db' }, clusterIP: 'None', publishNotReadyAddresses: true });
    addPod('db-0', { app: 'db' }, { ip: '10.244.1.20', ready: false });
    addPod('db-1', { app: 'db' }, { ip: '10.244.1.21' });
    store.delete(POD, 'default', 'db-1');
    settle();
    assert.deepEqual(ips('db'), ['10.244.1.20', '10.244.1.21']);
  });

  it('follows Pods as they turn ready, change labels and go away', () => {
    const { store, clock, settle, addPod, addService, setPodStatus, ips, endpointsOf } = setup();
    addPod('web-1', { app: 'web' }, { ip: '10.244.1.2', ready: false });
    addPod('web-2', { app: 'web' }, { ip: '10.244.1.3' });
    // The Service comes after its Pods: later changes to them must still reach it.
    addService('web', { selector: { app: 'web' } });
    settle();
    assert.deepEqual(ips('web'), ['10.244.1.3']);
    clock.advance(5_000);
    setPodStatus('web-1', { ip: '10.244.1.2' });
    settle();
    assert.deepEqual(ips('web'), ['10.244.1.2', '10.244.1.3']);
    assert.equal((meta(endpointsOf('web')!).annotations as Json)['endpoints.kubernetes.io/last-change-trigger-time'], '2024-01-01T00:00:05Z');
    const pod = store.get(POD, 'default', 'web-2');
    store.update({ ...pod, metadata: { ...meta(pod), labels: { app: 'debug' } } });
    settle();
    assert.deepEqual(ips('web'), ['10.244.1.2']);
    store.delete(POD, 'default', 'web-1');
    settle();
    assert.equal(endpointsOf('web')!.subsets, undefined);
  });

  it('does not write when nothing Endpoints show has changed', () => {
    const { store, settle, addPod, addService, endpointsOf, reconciles } = setup();
    addService('web', { selector: { app: 'web' } });
    addPod('web-1', { app: 'web' }, { ip: '10.244.1.2' });
    settle();
    const version = meta(endpointsOf('web')!).resourceVersion;
    const before = reconciles();
    const pod = store.get(POD, 'default', 'web-1');
    store.updateStatus({ ...pod, status: { ...(pod.status as Json), containerStatuses: [{ name: 'app', image: 'nginx', imageID: 'docker.io/library/nginx@sha256:0', restartCount: 1, ready: true }] } });
    const fresh = store.get(POD, 'default', 'web-1');
    store.update({ ...fresh, metadata: { ...meta(fresh), annotations: { note: 'x' } } });
    settle();
    assert.equal(reconciles(), before, 'an irrelevant Pod change is not even looked at');
    const service = store.get(SERVICE, 'default', 'web');
    store.update({ ...service, metadata: { ...meta(service), annotations: { note: 'y' } } });
    settle();
    assert.equal(meta(endpointsOf('web')!).resourceVersion, version);
  });

  it('deletes the Endpoints with the Service, and puts back Endpoints deleted by hand', () => {
    const { store, settle, addPod, addService, ips, endpointsOf } = setup();
    addService('web', { selector: { app: 'web' } });
    addPod('web-1', { app: 'web' }, { ip: '10.244.1.2' });
    settle();
    store.delete(ENDPOINTS, 'default', 'web');
    settle();
    assert.deepEqual(ips('web'), ['10.244.1.2']);
    store.delete(SERVICE, 'default', 'web');
    settle();
    assert.equal(endpointsOf('web'), undefined);
  });

  it('leaves alone the Endpoints of a Service without selector', () => {
    const { store, settle, addService, endpointsOf } = setup();
    addService('external-db', {});
    const manual = store.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external-db' }, subsets: [{ addresses: [{ ip: '192.168.1.50' }], ports: [{ port: 5432 }] }] });
    settle();
    assert.equal(meta(endpointsOf('external-db')!).resourceVersion, meta(manual).resourceVersion);
  });

  it('marks headless Services and lists their Pods even without ports', () => {
    const { settle, addPod, addService, endpointsOf } = setup();
    addService('db', { selector: { app: 'db' }, clusterIP: 'None', ports: [] });
    addPod('db-0', { app: 'db' }, { ip: '10.244.1.30' });
    settle();
    const endpoints = endpointsOf('db')!;
    assert.deepEqual(meta(endpoints).labels, { 'service.kubernetes.io/headless': '' });
    assert.deepEqual((endpoints.subsets as Json[]).map((subset) => [Object.keys(subset), (subset.addresses as Json[])[0]!.ip]), [[['addresses'], '10.244.1.30']]);
  });

  it('picks up where it left off on a loaded cluster', () => {
    const { store, clock, settle, addPod, addService } = setup();
    addService('web', { selector: { app: 'web' } });
    addPod('web-1', { app: 'web' }, { ip: '10.244.1.2' });
    addPod('web-2', { app: 'web' }, { ip: '10.244.1.3' });
    settle();
    const loaded = restore(snapshot(store), { clock });
    const runtime = new ControllerRuntime(loaded, clock, [createEndpointsController()]);
    runtime.resyncAll();
    runtime.runUntilSettled();
    const pod = loaded.get(POD, 'default', 'web-2');
    loaded.update({ ...pod, metadata: { ...meta(pod), labels: { app: 'other' } } });
    runtime.runUntilSettled();
    const subsets = loaded.get(ENDPOINTS, 'default', 'web').subsets as Json[];
    assert.deepEqual(subsets.flatMap((subset) => (subset.addresses as Json[]).map((address) => address.ip)), ['10.244.1.2']);
  });

  it('gives the same bytes for the same seed and inputs', () => {
    const run = () => {
      const { store, settle, addPod, addService } = setup();
      addService('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] });
      for (let i = 0; i < 5; i++) addPod(`web-${i}`, { app: 'web' }, { ip: `10.244.1.${10 - i}`, ready: i % 2 === 0, ports: [{ name: 'http', containerPort: 8000 + (i % 2) }] });
      settle();
      return JSON.stringify(snapshot(store));
    };
    assert.equal(run(), run());
  });

  it('only looks at the Services a Pod change concerns', () => {
    const { settle, addPod, addService, setPodStatus, ips, reconciles } = setup();
    for (let i = 0; i < 100; i++) addService(`svc-${i}`, { selector: { app: `app-${i}` } });
    for (let i = 0; i < 100; i++) for (const replica of [0, 1, 2]) addPod(`pod-${i}-${replica}`, { app: `app-${i}` }, { ip: `10.244.${i}.${replica + 2}`, ready: false });
    settle();
    const before = reconciles();
    for (let i = 0; i < 100; i++) {
      for (const replica of [0, 1, 2]) {
        setPodStatus(`pod-${i}-${replica}`, { ip: `10.244.${i}.${replica + 2}` });
        settle();
      }
    }
    // One reconcile per changed Pod, never one per Service of the namespace.
    assert.ok(reconciles() - before <= 300, String(reconciles() - before));
    assert.deepEqual(ips('svc-73'), ['10.244.73.2', '10.244.73.3', '10.244.73.4']);
  });
});
