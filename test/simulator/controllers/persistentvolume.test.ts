import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createPersistentVolumeController } from '../../../simulator/src/controllers/persistentvolume';

const PV = kindInfo('v1', 'PersistentVolume')!;
const PVC = kindInfo('v1', 'PersistentVolumeClaim')!;
const POD = kindInfo('v1', 'Pod')!;
const EVENT = kindInfo('v1', 'Event')!;

type Json = Record<string, unknown>;
const meta = (object: KubeObject | undefined) => (object?.metadata ?? {}) as Json;
const spec = (object: KubeObject | undefined) => (object?.spec ?? {}) as Json;
const status = (object: KubeObject | undefined) => (object?.status ?? {}) as Json;

function setup() {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(3) });
  const runtime = new ControllerRuntime(store, clock, [createPersistentVolumeController()]);
  const settle = () => {
    assert.ok(runtime.runUntilSettled().settled);
    assert.deepEqual(runtime.errors, []);
  };
  const pv = (name: string, size: string, extra: Json = {}) =>
    store.create({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name, ...((extra.metadata) ?? {}) }, spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/data/${name}` }, ...((extra.spec) ?? {}) } });
  const pvc = (name: string, size: string, extra: Json = {}) =>
    store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, storageClassName: '', ...extra } });
  const events = (reason: string) => store.list(EVENT).filter((event) => event.reason === reason);
  return { clock, store, runtime, settle, pv, pvc, events, getPv: (n: string) => store.find(PV, '', n), getPvc: (n: string) => store.find(PVC, 'default', n) };
}

describe('persistentvolume-binder-controller: static binding', () => {
  it('binds a claim to the smallest Available PV that is big enough, both ways', () => {
    const t = setup();
    t.pv('big', '10Gi');
    t.pv('small', '1Gi');
    t.pv('medium', '5Gi');
    t.settle();
    assert.equal(status(t.getPv('big')).phase, 'Available');
    t.pvc('data', '2Gi');
    t.settle();
    const claim = t.getPvc('data');
    const volume = t.getPv('medium');
    assert.equal(spec(claim).volumeName, 'medium');
    assert.deepEqual(status(claim), { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '5Gi' } });
    assert.deepEqual(meta(claim).annotations, { 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    assert.deepEqual(meta(claim).finalizers, ['kubernetes.io/pvc-protection']);
    const ref = spec(volume).claimRef as Json;
    assert.equal(ref.name, 'data');
    assert.equal(ref.uid, meta(claim).uid);
    assert.equal(status(volume).phase, 'Bound');
    assert.equal((meta(volume).annotations as Json)['pv.kubernetes.io/bound-by-controller'], 'yes');
    assert.deepEqual(meta(volume).finalizers, ['kubernetes.io/pv-protection']);
    assert.equal(status(t.getPv('big')).phase, 'Available');
  });

  it('honours access modes, storageClassName, volumeMode and the label selector', () => {
    const t = setup();
    t.pv('rox', '5Gi', { spec: { accessModes: ['ReadOnlyMany'] } });
    t.pv('fast', '5Gi', { spec: { storageClassName: 'fast' } });
    t.pv('block', '5Gi', { spec: { volumeMode: 'Block' } });
    t.pv('other', '5Gi', { metadata: { labels: { tier: 'cold' } } });
    t.pv('right', '8Gi', { metadata: { labels: { tier: 'hot' } } });
    t.pvc('data', '1Gi', { selector: { matchLabels: { tier: 'hot' } } });
    t.pvc('fast-data', '1Gi', { storageClassName: 'fast' });
    t.settle();
    assert.equal(spec(t.getPvc('data')).volumeName, 'right');
    assert.equal(spec(t.getPvc('fast-data')).volumeName, 'fast');
  });

  it('leaves a claim Pending with FailedBinding when nothing fits, and binds it when a PV appears', () => {
    const t = setup();
    t.pv('tiny', '500Mi');
    t.pvc('data', '1Gi');
    t.settle();
    assert.equal(status(t.getPvc('data')).phase, 'Pending');
    const [failed] = t.events('FailedBinding');
    assert.equal(failed?.type, 'Normal');
    assert.equal(failed?.message, 'no persistent volumes available for this claim and no storage class is set');
    assert.equal((failed?.source as Json).component, 'persistentvolume-controller');
    t.pv('enough', '1Gi');
    t.settle();
    assert.equal(spec(t.getPvc('data')).volumeName, 'enough');
    assert.equal(status(t.getPvc('data')).phase, 'Bound');
  });

  it('binds a claim that names its volume (spec.volumeName), and a PV pre-bound by claimRef', () => {
    const t = setup();
    t.pv('named', '1Gi');
    t.pv('prebound', '1Gi', { spec: { claimRef: { namespace: 'default', name: 'b' } } });
    t.pv('decoy', '1Gi');
    t.pvc('a', '1Gi', { volumeName: 'named' });
    t.pvc('b', '1Gi');
    t.settle();
    assert.equal(status(t.getPv('named')).phase, 'Bound');
    assert.equal((spec(t.getPv('named')).claimRef as Json).name, 'a');
    assert.equal(spec(t.getPvc('b')).volumeName, 'prebound');
    assert.equal(status(t.getPv('decoy')).phase, 'Available');
  });

  it('marks a claim Lost when its PV is gone', () => {
    const t = setup();
    t.pvc('data', '1Gi', { volumeName: 'ghost' });
    t.settle();
    assert.equal(status(t.getPvc('data')).phase, 'Lost');
    assert.equal(t.events('ClaimLost')[0]?.message, 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
  });
});

describe('persistentvolume-binder-controller: release and reclaim', () => {
  it('Retain: deleting the claim leaves the PV Released with its claimRef', () => {
    const t = setup();
    t.pv('keep', '1Gi');
    t.pvc('data', '1Gi');
    t.settle();
    t.store.delete(PVC, 'default', 'data');
    t.settle();
    assert.equal(t.getPvc('data'), undefined);
    const volume = t.getPv('keep');
    assert.equal(status(volume).phase, 'Released');
    assert.equal((spec(volume).claimRef as Json).name, 'data');
    // A new claim of the same name does not get the released volume back.
    t.pvc('data', '1Gi');
    t.settle();
    assert.equal(status(t.getPvc('data')).phase, 'Pending');
  });

  it('Delete on a volume no provisioner serves: VolumeFailedDelete and phase Failed', () => {
    const t = setup();
    t.pv('nfs', '1Gi', { spec: { persistentVolumeReclaimPolicy: 'Delete', hostPath: undefined, nfs: { server: 'nfs.local', path: '/exports' } } });
    t.pvc('data', '1Gi');
    t.settle();
    t.store.delete(PVC, 'default', 'data');
    t.settle();
    assert.equal(status(t.getPv('nfs')).phase, 'Failed');
    assert.equal(t.events('VolumeFailedDelete')[0]?.message, 'error getting deleter volume plugin for volume "nfs": no deletable volume plugin matched');
  });

  it('Recycle: the volume is scrubbed and Available again', () => {
    const t = setup();
    t.pv('reuse', '1Gi', { spec: { persistentVolumeReclaimPolicy: 'Recycle' } });
    t.pvc('data', '1Gi');
    t.settle();
    t.store.delete(PVC, 'default', 'data');
    t.settle();
    assert.equal(status(t.getPv('reuse')).phase, 'Available');
    assert.equal(spec(t.getPv('reuse')).claimRef, undefined);
  });
});

describe('pvc-protection and pv-protection', () => {
  it('a claim used by a Pod stays Terminating until the Pod is gone', () => {
    const t = setup();
    t.pv('vol', '1Gi');
    t.pvc('data', '1Gi');
    t.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db' }, spec: { containers: [{ name: 'db', image: 'postgres' }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } });
    t.settle();
    t.store.delete(PVC, 'default', 'data');
    t.settle();
    const claim = t.getPvc('data');
    assert.ok(meta(claim).deletionTimestamp, 'the claim is being deleted');
    assert.deepEqual(meta(claim).finalizers, ['kubernetes.io/pvc-protection']);
    assert.equal(status(t.getPv('vol')).phase, 'Bound');
    t.store.delete(POD, 'default', 'db');
    t.settle();
    assert.equal(t.getPvc('data'), undefined);
    assert.equal(status(t.getPv('vol')).phase, 'Released');
  });

  it('a Bound PV stays Terminating; once released its deletion completes', () => {
    const t = setup();
    t.pv('vol', '1Gi');
    t.pvc('data', '1Gi');
    t.settle();
    t.store.delete(PV, '', 'vol');
    t.settle();
    assert.ok(meta(t.getPv('vol')).deletionTimestamp);
    assert.equal(status(t.getPv('vol')).phase, 'Bound');
    t.store.delete(PVC, 'default', 'data');
    t.settle();
    assert.equal(t.getPv('vol'), undefined);
  });
});
