import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import {
  CLUSTER_CA_CERTIFICATE,
  createRootCACertPublisher,
  createServiceAccountController,
} from '../../../simulator/src/controllers/serviceaccount';

const SERVICE_ACCOUNT = kindInfo('v1', 'ServiceAccount')!;
const CONFIGMAP = kindInfo('v1', 'ConfigMap')!;
const NAMESPACE = kindInfo('v1', 'Namespace')!;

type Json = Record<string, unknown>;
const meta = (object: KubeObject) => object.metadata as Json;
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

function setup() {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(11) });
  const runtime = new ControllerRuntime(store, clock, [createServiceAccountController(), createRootCACertPublisher()]);
  runtime.resyncAll();
  const settle = () => assert.ok(runtime.runUntilSettled().settled);
  settle();
  return { store, runtime, settle };
}

describe('serviceaccount-controller and root-ca-cert-publisher', () => {
  it('give every namespace a default ServiceAccount and the kube-root-ca.crt ConfigMap', () => {
    const { store, settle, runtime } = setup();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    settle();
    for (const namespace of ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'shop']) {
      const account = store.get(SERVICE_ACCOUNT, namespace, 'default');
      assert.deepEqual(Object.keys(account).sort(), ['apiVersion', 'kind', 'metadata']);
      const configMap = store.get(CONFIGMAP, namespace, 'kube-root-ca.crt');
      assert.deepEqual(meta(configMap).annotations, { 'kubernetes.io/description': DESCRIPTION });
      assert.deepEqual(configMap.data, { 'ca.crt': CLUSTER_CA_CERTIFICATE });
    }
    assert.deepEqual(runtime.errors, []);
  });

  it('publish a well-formed PEM certificate', () => {
    const lines = CLUSTER_CA_CERTIFICATE.trimEnd().split('\n');
    assert.equal(lines[0], '-----BEGIN CERTIFICATE-----');
    assert.equal(lines.at(-1), '-----END CERTIFICATE-----');
    const body = lines.slice(1, -1);
    assert.ok(body.slice(0, -1).every((line: string) => line.length === 64));
    const der = Buffer.from(body.join(''), 'base64');
    // An X.509 certificate is a DER SEQUENCE whose long-form length covers the rest.
    assert.equal(der[0], 0x30);
    assert.equal(der[1], 0x82);
    assert.equal(der.readUInt16BE(2) + 4, der.length);
    assert.ok(der.includes(Buffer.from('kubernetes')));
  });

  it('put back a deleted ServiceAccount and a deleted or edited ConfigMap', () => {
    const { store, settle } = setup();
    const account = store.get(SERVICE_ACCOUNT, 'default', 'default');
    store.delete(SERVICE_ACCOUNT, 'default', 'default');
    store.delete(CONFIGMAP, 'kube-public', 'kube-root-ca.crt');
    const configMap = store.get(CONFIGMAP, 'default', 'kube-root-ca.crt');
    store.update({ ...configMap, metadata: { ...meta(configMap), annotations: { team: 'a' } }, data: { 'ca.crt': 'edited', extra: 'x' } });
    settle();
    assert.notEqual(meta(store.get(SERVICE_ACCOUNT, 'default', 'default')).uid, meta(account).uid);
    assert.ok(store.find(CONFIGMAP, 'kube-public', 'kube-root-ca.crt'));
    const restored = store.get(CONFIGMAP, 'default', 'kube-root-ca.crt');
    assert.deepEqual(restored.data, { 'ca.crt': CLUSTER_CA_CERTIFICATE });
    assert.deepEqual(meta(restored).annotations, { team: 'a', 'kubernetes.io/description': DESCRIPTION });
  });

  it('leave another ServiceAccount alone, and write nothing when all is in place', () => {
    const { store, settle, runtime } = setup();
    store.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace: 'default' } });
    store.delete(SERVICE_ACCOUNT, 'default', 'builder');
    const version = store.resourceVersion();
    runtime.resyncAll();
    settle();
    assert.equal(store.resourceVersion(), version);
    assert.equal(store.find(SERVICE_ACCOUNT, 'default', 'builder'), undefined);
  });

  it('do not fill a namespace being deleted', () => {
    const clock = new ManualClock();
    const store = new ObjectStore({ clock, random: createRandom(11), gracefulPodDeletion: true });
    const runtime = new ControllerRuntime(store, clock, [createServiceAccountController(), createRootCACertPublisher()]);
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    runtime.runUntilSettled();
    // A running Pod keeps the namespace Terminating until its kubelet stops it.
    store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop' }, spec: { nodeName: 'node-1', containers: [{ name: 'web', image: 'nginx' }] } });
    store.delete(NAMESPACE, '', 'shop');
    assert.equal((store.get(NAMESPACE, '', 'shop').status as Json).phase, 'Terminating');
    assert.equal(store.find(SERVICE_ACCOUNT, 'shop', 'default'), undefined);
    runtime.resyncAll();
    assert.ok(runtime.runUntilSettled().settled);
    assert.equal(store.find(SERVICE_ACCOUNT, 'shop', 'default'), undefined);
    assert.equal(store.find(CONFIGMAP, 'shop', 'kube-root-ca.crt'), undefined);
    assert.deepEqual(runtime.errors, []);
  });
});
