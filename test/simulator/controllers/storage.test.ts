import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createPersistentVolumeController } from '../../../simulator/src/controllers/persistentvolume';
import { defaultStorageClass, defaultStorageClassName } from '../../../simulator/src/controllers/storageclass';
import { createScheduler } from '../../../simulator/src/scheduler/scheduler';
import { withVolumeBinding } from '../../../simulator/src/scheduler/volumes';
import { defaultNodes } from '../../../simulator/src/scheduler/nodes';

const PV = kindInfo('v1', 'PersistentVolume')!;
const PVC = kindInfo('v1', 'PersistentVolumeClaim')!;
const POD = kindInfo('v1', 'Pod')!;
const EVENT = kindInfo('v1', 'Event')!;

type Json = Record<string, unknown>;
const meta = (object: KubeObject | undefined) => (object?.metadata ?? {}) as Json;
const spec = (object: KubeObject | undefined) => (object?.spec ?? {}) as Json;
const status = (object: KubeObject | undefined) => (object?.status ?? {}) as Json;

function setup(seed = 11) {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(seed) });
  for (const node of defaultNodes(undefined, { now: clock.now() })) store.create(node);
  store.create(defaultStorageClass());
  const options = { unschedulableRetryMs: null };
  const runtime = new ControllerRuntime(store, clock, [createPersistentVolumeController(), withVolumeBinding(createScheduler(options), options)]);
  const settle = () => {
    assert.ok(runtime.runUntilSettled().settled);
    assert.deepEqual(runtime.errors, []);
  };
  const pvc = (name: string, extra: Json = {}) =>
    store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...extra } });
  const pod = (name: string, claim: string, extra: Json = {}) =>
    store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'nginx' }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }], ...extra } });
  const eventsFor = (name: string) =>
    store
      .list(EVENT)
      .filter((event) => (event.involvedObject as Json).name === name)
      .map((event) => `${String(event.type)} ${String(event.reason)} ${String((event.source as Json).component)}: ${String(event.message)}`);
  return { clock, store, runtime, settle, pvc, pod, eventsFor, getPvc: (n: string) => store.find(PVC, 'default', n), getPod: (n: string) => store.find(POD, 'default', n) };
}

describe('the default StorageClass', () => {
  it('is kind’s `standard`: local-path, Delete, WaitForFirstConsumer, marked default', () => {
    const t = setup();
    const standard = t.store.get(kindInfo('storage.k8s.io/v1', 'StorageClass')!, '', 'standard');
    assert.equal((meta(standard).annotations as Json)['storageclass.kubernetes.io/is-default-class'], 'true');
    assert.equal(standard.provisioner, 'rancher.io/local-path');
    assert.equal(standard.reclaimPolicy, 'Delete');
    assert.equal(standard.volumeBindingMode, 'WaitForFirstConsumer');
  });

  it('defaultStorageClassName: only for claims that name no class (an explicit "" stays)', () => {
    const classes = [defaultStorageClass()];
    assert.equal(defaultStorageClassName({ spec: {} }, classes), 'standard');
    assert.equal(defaultStorageClassName({ spec: { storageClassName: '' } }, classes), undefined);
    assert.equal(defaultStorageClassName({ spec: { storageClassName: 'fast' } }, classes), undefined);
    assert.equal(defaultStorageClassName({ spec: {} }, [{ ...defaultStorageClass(), metadata: { name: 'plain' } }]), undefined);
  });

  it('a claim without storageClassName gets `standard` (retroactively, from the controller)', () => {
    const t = setup();
    t.pvc('data');
    t.settle();
    assert.equal(spec(t.getPvc('data')).storageClassName, 'standard');
  });
});

describe('dynamic provisioning with WaitForFirstConsumer', () => {
  it('keeps the claim Pending until a Pod uses it', () => {
    const t = setup();
    t.pvc('data');
    t.settle();
    assert.equal(status(t.getPvc('data')).phase, 'Pending');
    assert.deepEqual(t.eventsFor('data'), ['Normal WaitForFirstConsumer persistentvolume-controller: waiting for first consumer to be created before binding']);
    assert.equal(t.store.list(PV).length, 0);
  });

  it('provisions pvc-<uid> on the Node the scheduler chose, binds it, then binds the Pod there', () => {
    const t = setup();
    t.pvc('data');
    t.settle();
    t.pod('db', 'data');
    t.settle();
    const claim = t.getPvc('data');
    const node = String((meta(claim).annotations as Json)['volume.kubernetes.io/selected-node']);
    assert.match(node, /^worker-\d$|^control-plane$/);
    const name = `pvc-${String(meta(claim).uid)}`;
    assert.equal(spec(claim).volumeName, name);
    assert.equal(status(claim).phase, 'Bound');
    assert.deepEqual(meta(claim).annotations, {
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.kubernetes.io/selected-node': node,
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    });
    const pv = t.store.get(PV, '', name);
    assert.equal(spec(pv).persistentVolumeReclaimPolicy, 'Delete');
    assert.equal(spec(pv).storageClassName, 'standard');
    assert.deepEqual(spec(pv).hostPath, { path: `/var/local-path-provisioner/${name}_default_data`, type: 'DirectoryOrCreate' });
    assert.equal(status(pv).phase, 'Bound');
    assert.equal(spec(t.getPod('db')).nodeName, node);
    const events = t.eventsFor('data');
    assert.ok(events.includes("Normal ExternalProvisioning persistentvolume-controller: Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that your external provisioner is running and correctly registered."));
    assert.ok(events.some((e) => /^Normal Provisioning rancher\.io\/local-path_local-path-provisioner-.*: External provisioner is provisioning volume for claim "default\/data"$/.test(e)));
    assert.ok(events.some((e) => e.startsWith('Normal ProvisioningSucceeded') && e.endsWith(`: Successfully provisioned volume ${name}`)));
  });

  it('a second Pod using the claim goes to the volume’s Node; elsewhere: volume node affinity conflict', () => {
    const t = setup();
    t.pvc('data');
    t.pod('db', 'data');
    t.settle();
    const node = String(spec(t.getPod('db')).nodeName);
    t.pod('reader', 'data');
    t.settle();
    assert.equal(spec(t.getPod('reader')).nodeName, node);
    // Pinned away from the volume's Node, the Pod cannot be placed.
    const other = node === 'worker-1' ? 'worker-2' : 'worker-1';
    t.pod('lost', 'data', { nodeSelector: { 'kubernetes.io/hostname': other } });
    t.settle();
    const condition = ((status(t.getPod('lost')).conditions as Json[]) ?? []).find((c) => c.type === 'PodScheduled');
    assert.equal(
      condition?.message,
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  it('Delete: removing the claim deletes the provisioned PV once no Pod uses it', () => {
    const t = setup();
    t.pvc('data');
    t.pod('db', 'data');
    t.settle();
    const name = String(spec(t.getPvc('data')).volumeName);
    t.store.delete(PVC, 'default', 'data');
    t.settle();
    assert.ok(meta(t.getPvc('data')).deletionTimestamp, 'Terminating while the Pod runs');
    t.store.delete(POD, 'default', 'db');
    t.settle();
    assert.equal(t.getPvc('data'), undefined);
    assert.equal(t.store.find(PV, '', name), undefined);
  });

  it('Retain from the class: the provisioned PV stays Released', () => {
    const t = setup();
    t.store.create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'keep' }, provisioner: 'rancher.io/local-path', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer' });
    t.pvc('data', { storageClassName: 'keep' });
    t.pod('db', 'data');
    t.settle();
    const name = String(spec(t.getPvc('data')).volumeName);
    t.store.delete(POD, 'default', 'db');
    t.store.delete(PVC, 'default', 'data');
    t.settle();
    const pv = t.store.get(PV, '', name);
    assert.equal(spec(pv).persistentVolumeReclaimPolicy, 'Retain');
    assert.equal(status(pv).phase, 'Released');
  });
});

describe('Pods waiting for their claims (VolumeBinding)', () => {
  const podScheduled = (pod: KubeObject | undefined) => ((status(pod).conditions as Json[]) ?? []).find((c) => c.type === 'PodScheduled');

  it('a missing claim: persistentvolumeclaim "data" not found', () => {
    const t = setup();
    t.pod('db', 'data');
    t.settle();
    const message = '0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    assert.deepEqual(t.eventsFor('db'), [`Warning FailedScheduling default-scheduler: ${message}`]);
    assert.deepEqual({ ...podScheduled(t.getPod('db')), lastTransitionTime: undefined }, { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: undefined, reason: 'Unschedulable', message });
    // The claim appears: the Pod is looked at again and placed.
    t.pvc('data');
    t.settle();
    assert.ok(spec(t.getPod('db')).nodeName);
  });

  it('an unbound claim of an Immediate class: pod has unbound immediate PersistentVolumeClaims', () => {
    const t = setup();
    t.pvc('data', { storageClassName: '' });
    t.pod('db', 'data');
    t.settle();
    assert.equal(
      podScheduled(t.getPod('db'))?.message,
      '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    assert.equal(spec(t.getPod('db')).nodeName, undefined);
    // An administrator adds a matching PV: the claim binds, the Pod is scheduled.
    t.store.create({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'manual' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' } } });
    t.settle();
    assert.equal(status(t.getPvc('data')).phase, 'Bound');
    assert.ok(spec(t.getPod('db')).nodeName);
  });

  it('a class whose provisioner does not run: the claim waits with ExternalProvisioning', () => {
    const t = setup();
    t.store.create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'ebs' }, provisioner: 'ebs.csi.aws.com' });
    t.pvc('data', { storageClassName: 'ebs' });
    t.settle();
    assert.equal(status(t.getPvc('data')).phase, 'Pending');
    assert.ok(t.eventsFor('data')[0]?.includes("external provisioner 'ebs.csi.aws.com'"));
  });

  it('is deterministic: same seed, same bytes', () => {
    const run = () => {
      const t = setup(5);
      t.pvc('data');
      t.pod('db', 'data');
      t.settle();
      return JSON.stringify([t.store.list(PV), t.store.list(PVC), t.store.list(POD)]);
    };
    assert.equal(run(), run());
  });
});
