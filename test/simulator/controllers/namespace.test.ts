import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { restore, snapshot } from '../../../simulator/src/store/snapshot';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createNamespaceController } from '../../../simulator/src/controllers/namespace';
import { createRootCACertPublisher, createServiceAccountController } from '../../../simulator/src/controllers/serviceaccount';
import { createEndpointsController } from '../../../simulator/src/controllers/endpoints';

const NAMESPACE = kindInfo('v1', 'Namespace')!;
const POD = kindInfo('v1', 'Pod')!;
const CONFIGMAP = kindInfo('v1', 'ConfigMap')!;
const SERVICE = kindInfo('v1', 'Service')!;

type Json = Record<string, unknown>;
const meta = (object: KubeObject) => object.metadata as Json;

const controllers = () => [createNamespaceController(), createServiceAccountController(), createRootCACertPublisher(), createEndpointsController()];

function setup() {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(5), gracefulPodDeletion: true });
  const runtime = new ControllerRuntime(store, clock, controllers());
  runtime.resyncAll();
  runtime.runUntilSettled();
  const pod = (name: string, namespace: string): KubeObject =>
    store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: { app: 'web' } }, spec: { nodeName: 'node-1', containers: [{ name: 'web', image: 'nginx' }] } });
  return { clock, store, runtime, pod };
}

describe('namespace-controller', () => {
  it('removes a deleted namespace with everything in it, controllers and their objects included', () => {
    const { store, runtime } = setup();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' }, data: { a: '1' } });
    runtime.runUntilSettled();
    assert.ok(store.find(CONFIGMAP, 'shop', 'kube-root-ca.crt'));
    store.delete(NAMESPACE, '', 'shop');
    assert.ok(runtime.runUntilSettled().settled);
    assert.equal(store.find(NAMESPACE, '', 'shop'), undefined);
    assert.deepEqual(store.list(CONFIGMAP, { namespace: 'shop' }), []);
    assert.deepEqual(store.list(SERVICE, { namespace: 'shop' }), []);
    assert.deepEqual(runtime.errors, []);
  });

  it('keeps the namespace Terminating until its running Pods are gone', () => {
    const { store, runtime, pod } = setup();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    pod('web', 'shop');
    runtime.runUntilSettled();
    store.delete(NAMESPACE, '', 'shop');
    assert.ok(runtime.runUntilSettled().settled);
    const terminating = store.get(NAMESPACE, '', 'shop');
    assert.equal((terminating.status as Json).phase, 'Terminating');
    assert.ok(meta(store.get(POD, 'shop', 'web')).deletionTimestamp);
    // What the kubelet does once the containers have stopped.
    store.delete(POD, 'shop', 'web', { gracePeriodSeconds: 0 });
    runtime.runUntilSettled();
    assert.equal(store.find(NAMESPACE, '', 'shop'), undefined);
  });

  it('deletes what a Terminating namespace still holds when it looks at it again', () => {
    const { clock, store, runtime, pod } = setup();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    pod('web', 'shop');
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' }, data: { a: '1' } });
    runtime.runUntilSettled();
    // A saved cluster where the namespace is Terminating but its content was never swept.
    const saved = snapshot(store);
    for (const object of saved.objects) {
      if (object.kind !== 'Namespace' || meta(object).name !== 'shop') continue;
      Object.assign(meta(object), { deletionTimestamp: '2024-01-01T00:00:00Z', deletionGracePeriodSeconds: 0 });
      object.status = { phase: 'Terminating' };
    }
    const loaded = restore(saved, { clock, gracefulPodDeletion: true });
    const again = new ControllerRuntime(loaded, clock, controllers());
    again.resyncAll();
    assert.ok(again.runUntilSettled().settled);
    assert.equal(loaded.find(CONFIGMAP, 'shop', 'settings'), undefined);
    assert.equal(loaded.find(CONFIGMAP, 'shop', 'kube-root-ca.crt'), undefined);
    assert.ok(meta(loaded.get(POD, 'shop', 'web')).deletionTimestamp, 'the Pod waits for its kubelet');
    loaded.delete(POD, 'shop', 'web', { gracePeriodSeconds: 0 });
    again.runUntilSettled();
    assert.equal(loaded.find(NAMESPACE, '', 'shop'), undefined);
    assert.deepEqual(again.errors, []);
    runtime.dispose();
  });

  it('does not bring Endpoints back into a Terminating namespace', () => {
    const { store, runtime } = setup();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    // A finalizer nobody removes keeps the Service, and so the namespace, around.
    store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop', finalizers: ['example.com/hold'] }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    runtime.runUntilSettled();
    assert.ok(store.find(kindInfo('v1', 'Endpoints')!, 'shop', 'web'));
    store.delete(NAMESPACE, '', 'shop');
    assert.ok(runtime.runUntilSettled().settled);
    assert.equal(store.find(kindInfo('v1', 'Endpoints')!, 'shop', 'web'), undefined);
    assert.ok(meta(store.get(SERVICE, 'shop', 'web')).deletionTimestamp);
    assert.deepEqual(runtime.errors, []);
  });

  it('leaves Active namespaces alone', () => {
    const { store, runtime } = setup();
    const version = store.resourceVersion();
    runtime.resyncAll();
    runtime.runUntilSettled();
    assert.equal(store.resourceVersion(), version);
  });
});
