import * as assert from 'node:assert/strict';
import { ManualClock, formatTimestamp } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createStatefulSetController, statefulSetPodDnsNames } from '../../../simulator/src/controllers/statefulset';
import { fnv32, hashRevisionData } from '../../../simulator/src/controllers/statefulset/history';
import { createScheduler } from '../../../simulator/src/scheduler/scheduler';
import { defaultNodes } from '../../../simulator/src/scheduler/nodes';
import { self, splitKey, type Controller } from '../../../simulator/src/controllers/types';
import { createCluster, loadCluster } from '../../../simulator/src/cluster';
import { defaultControllers } from '../../../simulator/src/controllers/index';

const PODS = kindInfo('v1', 'Pod')!;
const CLAIMS = kindInfo('v1', 'PersistentVolumeClaim')!;
const SETS = kindInfo('apps/v1', 'StatefulSet')!;
const REVISIONS = kindInfo('apps/v1', 'ControllerRevision')!;
const EVENTS = kindInfo('v1', 'Event')!;

type Obj = Record<string, unknown>;
interface Ref {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}
interface Meta {
  name: string;
  uid: string;
  generateName?: string;
  creationTimestamp: string;
  resourceVersion: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  ownerReferences?: Ref[];
}
interface Condition {
  type: string;
  status: string;
  lastTransitionTime: string;
}
interface Pod {
  metadata: Meta;
  spec: { nodeName?: string; hostname?: string; subdomain?: string; containers: { image: string }[]; volumes: Obj[] };
  status: { phase: string; conditions?: Condition[] };
}
interface SetStatus {
  observedGeneration?: number;
  replicas: number;
  readyReplicas?: number;
  currentReplicas?: number;
  updatedReplicas?: number;
  currentRevision: string;
  updateRevision: string;
  collisionCount?: number;
  availableReplicas: number;
}
interface StatefulSetView {
  metadata: Meta;
  spec: Obj;
  status: SetStatus;
}
interface Claim {
  metadata: Meta;
  spec: { resources: Obj };
}
interface Revision {
  metadata: Meta;
  revision: number;
  data: { spec: { template: { $patch: string; metadata: { creationTimestamp: null }; spec: { containers: { image: string }[] } } } };
}
interface Event {
  reason: string;
  message: string;
  count: number;
  involvedObject: { kind: string };
  source: { component: string };
  metadata: Meta;
}
/** A typed view of a stored object (a test reads what it knows is there). */
const as = <T>(object: unknown): T => object as T;
const pod = (store: ObjectStore, name: string): Pod => as<Pod>(store.get(PODS, 'default', name));
const claim = (store: ObjectStore, name: string): Claim => as<Claim>(store.get(CLAIMS, 'default', name));
const allPods = (store: ObjectStore): Pod[] => store.list(PODS).map((object) => as<Pod>(object));

/**
 * A stand-in kubelet: a bound Pod becomes Running and Ready `readyAfterMs` after it was
 * bound (unless `stuck` says otherwise); a terminating Pod is removed `stopAfterMs` later.
 */
function kubelet(options: { readyAfterMs?: number; stopAfterMs?: number; stuck?: (pod: Pod) => boolean } = {}): Controller {
  const readyAfter = options.readyAfterMs ?? 1000;
  const stopAfter = options.stopAfterMs ?? 2000;
  const boundAt = new Map<string, number>();
  return {
    name: 'kubelet',
    triggers: [self(PODS)],
    reconcile(key, reader) {
      const { namespace, name } = splitKey(key);
      const pod = as<Pod | undefined>(reader.get(PODS, namespace, name));
      if (!pod?.spec.nodeName) return { actions: [] };
      const uid = String(pod.metadata.uid);
      if (!boundAt.has(uid)) boundAt.set(uid, reader.now());
      if (pod.metadata.deletionTimestamp) {
        const due = Date.parse(pod.metadata.deletionTimestamp) - Number(pod.metadata.deletionGracePeriodSeconds) * 1000 + stopAfter;
        if (reader.now() < due) return { actions: [], requeueAfter: due - reader.now() };
        return { actions: [{ type: 'delete', info: PODS, namespace, name, options: { gracePeriodSeconds: 0 } }] };
      }
      if (pod.status.phase !== 'Pending' || options.stuck?.(pod)) return { actions: [] };
      const due = boundAt.get(uid)! + readyAfter;
      if (reader.now() < due) return { actions: [], requeueAfter: due - reader.now() };
      const now = formatTimestamp(reader.now());
      const conditions = [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: now }];
      return { actions: [{ type: 'updateStatus', object: { ...as<KubeObject>(pod), status: { ...pod.status, phase: 'Running', conditions } } }] };
    },
  };
}

function newCluster(options: { seed?: number; kubelet?: Controller; graceful?: boolean } = {}) {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(options.seed ?? 1), gracefulPodDeletion: options.graceful ?? true });
  const runtime = new ControllerRuntime(store, clock, [createStatefulSetController(), createScheduler(), options.kubelet ?? kubelet()]);
  for (const node of defaultNodes(undefined, { now: clock.now() })) store.create(node);
  runtime.runUntilSettled();
  return { clock, store, runtime };
}

const statefulSet = (replicas: number, spec: Obj = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    serviceName: 'nginx',
    replicas,
    selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, name: 'web' }] }] } },
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    ...spec,
  },
});

const get = (store: ObjectStore): StatefulSetView => as<StatefulSetView>(store.get(SETS, 'default', 'web'));
const podNames = (store: ObjectStore): string[] => allPods(store).map((object) => object.metadata.name);
const claimNames = (store: ObjectStore): string[] => store.list(CLAIMS).map((object) => as<Claim>(object).metadata.name);
const allEvents = (store: ObjectStore): Event[] => store.list(EVENTS).map((object) => as<Event>(object));
const events = (store: ObjectStore, reason?: string): string[] =>
  allEvents(store)
    .filter((event) => event.involvedObject.kind === 'StatefulSet' && (reason === undefined || event.reason === reason))
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((event) => `${event.reason}: ${event.message}`);
const revisions = (store: ObjectStore): Revision[] => store.list(REVISIONS).map((object) => as<Revision>(object));
const setImage = (store: ObjectStore, image: string): void =>
  void store.patch(SETS, 'default', 'web', { spec: { template: { spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80, name: 'web' }] }] } } } });

/** Records, in order, the Pods created and deleted. */
function journal(store: ObjectStore): string[] {
  const lines: string[] = [];
  store.watch((event) => {
    if (event.object.kind !== 'Pod') return;
    const name = as<Pod>(event.object).metadata.name;
    if (event.type === 'ADDED') lines.push(`+${name}`);
    else if (event.type === 'DELETED') lines.push(`-${name}`);
  });
  return lines;
}

describe('simulator/controllers: StatefulSet', () => {
  it('creates web-0, web-1, web-2 one after the other, each once its predecessor is Running and Ready', () => {
    const { store, runtime } = newCluster();
    const seen = journal(store);
    const readyAt = new Map<string, number>();
    store.watch((event) => {
      if (event.object.kind !== 'Pod') return;
      const ready = as<Pod>(event.object).status.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
      if (ready) readyAt.set(as<Pod>(event.object).metadata.name, Date.parse(ready.lastTransitionTime));
    });
    store.create(statefulSet(3));
    runtime.runUntilSettled();
    assert.deepEqual(seen, ['+web-0', '+web-1', '+web-2']);
    const created = (name: string): number => Date.parse(pod(store, name).metadata.creationTimestamp);
    assert.ok(created('web-1') >= readyAt.get('web-0')!);
    assert.ok(created('web-2') >= readyAt.get('web-1')!);
  });

  it('waits on a Pod that never gets ready: only web-0 exists', () => {
    const { store, runtime } = newCluster({ kubelet: kubelet({ stuck: () => true }) });
    store.create(statefulSet(3));
    runtime.runUntilSettled();
    assert.deepEqual(podNames(store), ['web-0']);
    assert.deepEqual(claimNames(store), ['data-web-0']);
    const status = get(store).status;
    assert.equal(status.replicas, 1);
    assert.equal(status.readyReplicas, undefined);
    assert.equal(status.availableReplicas, 0);
  });

  it('creates all Pods at once under podManagementPolicy: Parallel', () => {
    const { store, runtime } = newCluster({ kubelet: kubelet({ stuck: () => true }) });
    store.create(statefulSet(3, { podManagementPolicy: 'Parallel' }));
    runtime.runUntilSettled();
    assert.deepEqual(podNames(store), ['web-0', 'web-1', 'web-2']);
  });

  it('gives each Pod its stable identity: name, labels, hostname, subdomain and its claim', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(2));
    runtime.runUntilSettled();
    const set = get(store);
    const web1 = pod(store, 'web-1');
    assert.equal(web1.metadata.generateName, 'web-');
    assert.deepEqual(web1.metadata.labels, {
      app: 'nginx',
      'apps.kubernetes.io/pod-index': '1',
      'controller-revision-hash': set.status.updateRevision,
      'statefulset.kubernetes.io/pod-name': 'web-1',
    });
    assert.deepEqual(web1.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    assert.equal(web1.spec.hostname, 'web-1');
    assert.equal(web1.spec.subdomain, 'nginx');
    assert.deepEqual(web1.spec.volumes[0], { name: 'data', persistentVolumeClaim: { claimName: 'data-web-1' } });
    const data1 = claim(store, 'data-web-1');
    assert.deepEqual(data1.metadata.labels, { app: 'nginx' });
    assert.equal(data1.metadata.ownerReferences, undefined);
    assert.deepEqual(data1.spec.resources, { requests: { storage: '1Gi' } });
    assert.deepEqual(statefulSetPodDnsNames(as<Obj>(store.get(SETS, 'default', 'web'))), ['web-0.nginx.default.svc.cluster.local', 'web-1.nginx.default.svc.cluster.local']);
  });

  it('records the claim, then the Pod, with the controller’s own words', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(2));
    runtime.runUntilSettled();
    assert.deepEqual(events(store), [
      'SuccessfulCreate: create Claim data-web-0 Pod web-0 in StatefulSet web success',
      'SuccessfulCreate: create Pod web-0 in StatefulSet web successful',
      'SuccessfulCreate: create Claim data-web-1 Pod web-1 in StatefulSet web success',
      'SuccessfulCreate: create Pod web-1 in StatefulSet web successful',
    ]);
    const event = allEvents(store).find((e) => e.involvedObject.kind === 'StatefulSet')!;
    assert.equal(event.source.component, 'statefulset-controller');
  });

  it('keeps its template in a ControllerRevision web-<hash> and reports both revisions in its status', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(3));
    runtime.runUntilSettled();
    const set = get(store);
    const [revision, ...others] = revisions(store);
    assert.equal(others.length, 0);
    assert.match(revision!.metadata.name, /^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    assert.equal(revision!.revision, 1);
    assert.deepEqual(revision!.metadata.labels, { app: 'nginx', 'controller.kubernetes.io/hash': revision!.metadata.name.slice('web-'.length) });
    assert.equal(revision!.metadata.ownerReferences![0]!.uid, set.metadata.uid);
    assert.equal(revision!.metadata.ownerReferences![0]!.controller, true);
    assert.equal(revision!.data.spec.template.$patch, 'replace');
    assert.equal(revision!.data.spec.template.metadata.creationTimestamp, null);
    assert.equal(revision!.data.spec.template.spec.containers[0]!.image, 'nginx:1.25');
    // The name is the FNV-1 hash of the data, with the collision count as a probe.
    assert.equal(revision!.metadata.name, `web-${hashRevisionData(as<Obj>(revision!.data), 0)}`);
    assert.deepEqual(set.status, {
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: revision!.metadata.name,
      updateRevision: revision!.metadata.name,
      collisionCount: 0,
      availableReplicas: 3,
    });
  });

  it('hashes with Go’s FNV-1 (fnv.New32), not FNV-1a', () => {
    assert.equal(fnv32([]), 0x811c9dc5);
    assert.equal(fnv32([...'a'].map((c) => c.charCodeAt(0))), 0x050c5d7e);
    assert.equal(fnv32([...'foobar'].map((c) => c.charCodeAt(0))), 0x31f0b262);
  });

  it('scales down from the highest ordinal, one Pod at a time, and keeps the claims', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(3));
    runtime.runUntilSettled();
    const seen = journal(store);
    store.patch(SETS, 'default', 'web', { spec: { replicas: 1 } });
    runtime.runUntilSettled();
    assert.deepEqual(seen, ['-web-2', '-web-1']);
    assert.deepEqual(podNames(store), ['web-0']);
    assert.deepEqual(claimNames(store), ['data-web-0', 'data-web-1', 'data-web-2']);
    assert.deepEqual(events(store, 'SuccessfulDelete'), ['SuccessfulDelete: delete Pod web-2 in StatefulSet web successful', 'SuccessfulDelete: delete Pod web-1 in StatefulSet web successful']);
    assert.equal(get(store).status.replicas, 1);
  });

  it('does not delete web-1 while web-2 is still terminating', () => {
    const { store, runtime } = newCluster({ kubelet: kubelet({ stopAfterMs: 20_000 }) });
    store.create(statefulSet(3));
    runtime.runUntilSettled();
    store.patch(SETS, 'default', 'web', { spec: { replicas: 1 } });
    runtime.advance(10_000);
    assert.ok(pod(store, 'web-2').metadata.deletionTimestamp);
    assert.equal(pod(store, 'web-1').metadata.deletionTimestamp, undefined);
  });

  it('deletes all the condemned Pods at once under Parallel', () => {
    const { store, runtime } = newCluster({ kubelet: kubelet({ stopAfterMs: 20_000 }) });
    store.create(statefulSet(3, { podManagementPolicy: 'Parallel' }));
    runtime.runUntilSettled();
    store.patch(SETS, 'default', 'web', { spec: { replicas: 1 } });
    runtime.advance(100);
    assert.ok(pod(store, 'web-2').metadata.deletionTimestamp);
    assert.ok(pod(store, 'web-1').metadata.deletionTimestamp);
  });

  it('brings a deleted Pod back under the same name, with the same claim', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(2));
    runtime.runUntilSettled();
    const before = pod(store, 'web-0');
    const claimUid = claim(store, 'data-web-0').metadata.uid;
    store.delete(PODS, 'default', 'web-0');
    runtime.runUntilSettled();
    const after = pod(store, 'web-0');
    assert.notEqual(after.metadata.uid, before.metadata.uid);
    assert.equal(after.spec.hostname, 'web-0');
    assert.deepEqual(after.spec.volumes[0], { name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } });
    assert.equal(claim(store, 'data-web-0').metadata.uid, claimUid);
    const created = allEvents(store).find((event) => event.message === 'create Pod web-0 in StatefulSet web successful')!;
    assert.equal(created.count, 2);
    assert.equal(allEvents(store).find((event) => event.message.startsWith('create Claim data-web-0 '))!.count, 1);
  });

  it('reuses the retained claim when it scales back up', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(2));
    runtime.runUntilSettled();
    const uid = claim(store, 'data-web-1').metadata.uid;
    store.patch(SETS, 'default', 'web', { spec: { replicas: 1 } });
    runtime.runUntilSettled();
    store.patch(SETS, 'default', 'web', { spec: { replicas: 2 } });
    runtime.runUntilSettled();
    assert.equal(claim(store, 'data-web-1').metadata.uid, uid);
    assert.equal(allEvents(store).find((event) => event.message.startsWith('create Claim data-web-1 '))!.count, 1);
  });

  it('hands a claim to its Pod on scale-down under whenScaled: Delete, so it goes with it', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(3, { persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete', whenDeleted: 'Retain' } }));
    runtime.runUntilSettled();
    store.patch(SETS, 'default', 'web', { spec: { replicas: 1 } });
    runtime.runUntilSettled();
    assert.deepEqual(claimNames(store), ['data-web-0']);
    assert.equal(claim(store, 'data-web-0').metadata.ownerReferences, undefined);
  });

  it('makes the set own its claims under whenDeleted: Delete, so they go with the set', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(2, { persistentVolumeClaimRetentionPolicy: { whenScaled: 'Retain', whenDeleted: 'Delete' } }));
    runtime.runUntilSettled();
    const set = get(store);
    assert.deepEqual(claim(store, 'data-web-0').metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set.metadata.uid }]);
    store.delete(SETS, 'default', 'web');
    runtime.runUntilSettled();
    assert.deepEqual(claimNames(store), []);
  });

  it('updates the claims’ owners and each Pod when the retention policy changes', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(2));
    runtime.runUntilSettled();
    store.patch(SETS, 'default', 'web', { spec: { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete' } } });
    runtime.runUntilSettled();
    const uid = get(store).metadata.uid;
    for (const name of ['data-web-0', 'data-web-1']) assert.equal(claim(store, name).metadata.ownerReferences![0]!.uid, uid);
    assert.deepEqual(events(store, 'SuccessfulUpdate'), ['SuccessfulUpdate: update Pod web-0 in StatefulSet web successful', 'SuccessfulUpdate: update Pod web-1 in StatefulSet web successful']);
  });

  it('rolls a new template out from the highest ordinal down, one Pod at a time', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(3));
    runtime.runUntilSettled();
    const before = get(store).status.currentRevision;
    const seen = journal(store);
    setImage(store, 'nginx:1.26');
    runtime.runUntilSettled();
    assert.deepEqual(seen, ['-web-2', '+web-2', '-web-1', '+web-1', '-web-0', '+web-0']);
    const set = get(store);
    assert.notEqual(set.status.updateRevision, before);
    assert.equal(set.status.currentRevision, set.status.updateRevision);
    assert.equal(set.status.updatedReplicas, 3);
    assert.equal(set.status.currentReplicas, 3);
    assert.equal(set.status.observedGeneration, 2);
    for (const each of allPods(store)) {
      assert.equal(each.spec.containers[0]!.image, 'nginx:1.26');
      assert.equal(each.metadata.labels!['controller-revision-hash'], set.status.updateRevision);
    }
    assert.deepEqual(
      revisions(store).map((r) => [r.metadata.name, r.revision]),
      [
        [before, 1],
        [set.status.updateRevision, 2],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('keeps the current revision in the status until every Pod is updated', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(3));
    runtime.runUntilSettled();
    const before = get(store).status.currentRevision;
    setImage(store, 'nginx:1.26');
    runtime.advance(3_500);
    const status = get(store).status;
    assert.equal(status.currentRevision, before);
    assert.notEqual(status.updateRevision, before);
    assert.ok(status.updatedReplicas !== undefined && status.updatedReplicas >= 1 && status.updatedReplicas < 3);
  });

  it('updates only the ordinals at or above the partition', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(3, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }));
    runtime.runUntilSettled();
    const before = get(store).status.currentRevision;
    setImage(store, 'nginx:1.26');
    runtime.runUntilSettled();
    const images = allPods(store).map((each) => `${each.metadata.name}=${each.spec.containers[0]!.image}`);
    assert.deepEqual(images, ['web-0=nginx:1.25', 'web-1=nginx:1.25', 'web-2=nginx:1.26']);
    const status = get(store).status;
    assert.equal(status.currentRevision, before);
    assert.equal(status.updatedReplicas, 1);
    assert.equal(status.currentReplicas, 2);
  });

  it('waits for a manual deletion under OnDelete, then recreates the Pod at the new revision', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(2, { updateStrategy: { type: 'OnDelete' } }));
    runtime.runUntilSettled();
    setImage(store, 'nginx:1.26');
    runtime.runUntilSettled();
    assert.deepEqual(allPods(store).map((each) => each.spec.containers[0]!.image), ['nginx:1.25', 'nginx:1.25']);
    store.delete(PODS, 'default', 'web-1');
    runtime.runUntilSettled();
    assert.equal(pod(store, 'web-1').spec.containers[0]!.image, 'nginx:1.26');
    assert.equal(get(store).status.updatedReplicas, 1);
  });

  it('rolls back to an earlier revision by renumbering it, not by creating a new one', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(2));
    runtime.runUntilSettled();
    const first = get(store).status.currentRevision;
    setImage(store, 'nginx:1.26');
    runtime.runUntilSettled();
    setImage(store, 'nginx:1.25');
    runtime.runUntilSettled();
    assert.equal(revisions(store).length, 2);
    assert.equal(get(store).status.updateRevision, first);
    assert.equal(as<Revision>(store.get(REVISIONS, 'default', first)).revision, 3);
  });

  it('keeps revisionHistoryLimit old revisions', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(1, { revisionHistoryLimit: 1 }));
    runtime.runUntilSettled();
    for (const tag of ['1.26', '1.27', '1.28']) {
      setImage(store, `nginx:${tag}`);
      runtime.runUntilSettled();
    }
    // The update revision, plus one of history.
    assert.deepEqual(
      revisions(store)
        .map((r) => r.revision)
        .sort(),
      [3, 4],
    );
  });

  it('deletes a failed Pod and creates it again', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(2));
    runtime.runUntilSettled();
    const failed = store.get(PODS, 'default', 'web-1');
    store.updateStatus({ ...failed, status: { ...as<Pod>(failed).status, phase: 'Failed' } });
    runtime.runUntilSettled();
    assert.notEqual(pod(store, 'web-1').metadata.uid, as<Pod>(failed).metadata.uid);
    assert.equal(pod(store, 'web-1').status.phase, 'Running');
    assert.deepEqual(events(store, 'RecreatingFailedPod'), ['RecreatingFailedPod: StatefulSet default/web is recreating failed Pod web-1']);
  });

  it('reports availableReplicas only after minReadySeconds', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(1, { minReadySeconds: 10 }));
    runtime.advance(5_000);
    assert.equal(get(store).status.readyReplicas, 1);
    assert.equal(get(store).status.availableReplicas, 0);
    runtime.runUntilSettled();
    assert.equal(get(store).status.availableReplicas, 1);
  });

  it('adopts its Pods and revisions again after an orphaning delete', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(2));
    runtime.runUntilSettled();
    const uids = allPods(store).map((each) => each.metadata.uid);
    store.delete(SETS, 'default', 'web', { propagationPolicy: 'Orphan' });
    runtime.runUntilSettled();
    assert.equal(pod(store, 'web-0').metadata.ownerReferences, undefined);
    store.create(statefulSet(2));
    runtime.runUntilSettled();
    const set = get(store);
    assert.deepEqual(allPods(store).map((each) => each.metadata.uid), uids);
    for (const each of allPods(store)) assert.equal(each.metadata.ownerReferences![0]!.uid, set.metadata.uid);
    assert.equal(revisions(store).length, 1);
    assert.equal(revisions(store)[0]!.metadata.ownerReferences![0]!.uid, set.metadata.uid);
  });

  it('reports a claim that is being deleted instead of creating the Pod', () => {
    const { store, runtime } = newCluster();
    store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data-web-0', namespace: 'default', finalizers: ['kubernetes.io/pvc-protection'] }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    store.delete(CLAIMS, 'default', 'data-web-0');
    store.create(statefulSet(1));
    runtime.runUntilSettled({ maxSimulatedMs: 1_000 });
    assert.deepEqual(podNames(store), []);
    assert.deepEqual(events(store, 'FailedCreate'), ['FailedCreate: create Pod web-0 in StatefulSet web failed error: pvc data-web-0 is being deleted']);
  });

  it('starts at spec.ordinals.start', () => {
    const { store, runtime } = newCluster();
    store.create(statefulSet(2, { ordinals: { start: 5 } }));
    runtime.runUntilSettled();
    assert.deepEqual(podNames(store), ['web-5', 'web-6']);
    assert.equal(pod(store, 'web-5').metadata.labels!['apps.kubernetes.io/pod-index'], '5');
  });

  it('gives the same cluster for the same seed', () => {
    const run = () => {
      const { store, runtime } = newCluster({ seed: 42 });
      store.create(statefulSet(3));
      runtime.runUntilSettled();
      setImage(store, 'nginx:1.26');
      runtime.runUntilSettled();
      return JSON.stringify([store.list(PODS), store.list(REVISIONS), get(store)]);
    };
    assert.equal(run(), run());
  });

  describe('in a whole cluster (scheduler, kubelet)', () => {
    const controllers = (): Controller[] => [...defaultControllers().filter((c) => c.name !== 'statefulset-controller'), createStatefulSetController()];

    it('converges, and picks up where it was after a save and load', () => {
      const cluster = createCluster({ seed: 5, controllers: controllers() });
      cluster.store.create(statefulSet(3));
      assert.ok(cluster.settle().settled);
      assert.deepEqual(podNames(cluster.store), ['web-0', 'web-1', 'web-2']);
      assert.equal(get(cluster.store).status.readyReplicas, 3);
      const loaded = loadCluster(JSON.parse(JSON.stringify(cluster.save())) as ReturnType<typeof cluster.save>, { controllers: controllers() });
      loaded.settle();
      assert.deepEqual(podNames(loaded.store), ['web-0', 'web-1', 'web-2']);
      loaded.store.patch(SETS, 'default', 'web', { spec: { replicas: 4 } });
      loaded.settle();
      assert.deepEqual(podNames(loaded.store), ['web-0', 'web-1', 'web-2', 'web-3']);
      assert.equal(get(loaded.store).status.readyReplicas, 4);
      assert.deepEqual(loaded.runtime.errors.filter((error) => error.controller === 'statefulset-controller'), []);
    });
  });
});
