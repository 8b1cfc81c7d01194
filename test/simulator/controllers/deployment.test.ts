import * as assert from 'node:assert/strict';
import { ManualClock, formatTimestamp } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createReplicaSetController } from '../../../simulator/src/controllers/replicaset';
import { computeHash, createDeploymentController } from '../../../simulator/src/controllers/deployment';
import { fnv32a, safeEncodeString, utf8 } from '../../../simulator/src/controllers/deployment/hash';
import { resolveFenceposts } from '../../../simulator/src/controllers/deployment/util';
import { self, splitKey, type Controller } from '../../../simulator/src/controllers/types';
import { kubectl, testCluster } from '../kubectl/commands/support';

const PODS = kindInfo('v1', 'Pod')!;
const REPLICA_SETS = kindInfo('apps/v1', 'ReplicaSet')!;
const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const EVENTS = kindInfo('v1', 'Event')!;
type Obj = Record<string, unknown>;
interface Container {
  name: string;
  image: string;
}
interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
}
interface Meta {
  name: string;
  namespace?: string;
  uid?: string;
  generateName?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Obj[];
}
interface Spec {
  replicas?: number;
  nodeName?: string;
  paused?: boolean;
  containers?: Container[];
  selector?: unknown;
  template?: { metadata?: Meta; spec?: { containers?: Container[] } };
}
interface Status {
  phase?: string;
  conditions?: Condition[];
  [field: string]: unknown;
}
const meta = (object: KubeObject): Meta => object.metadata as Meta;
const spec = (object: KubeObject) => (object.spec ?? {}) as Spec;
const status = (object: KubeObject): Status => (object.status ?? {}) as Status;
const annotation = (object: KubeObject, key: string): string | undefined => meta(object).annotations?.[key];

/** A stand-in kubelet: binds, then after `readyAfterMs` marks Running and Ready (never, for a `broken` image). */
function kubelet(readyAfterMs = 1000): Controller {
  return {
    name: 'kubelet',
    triggers: [self(PODS)],
    reconcile(key, reader) {
      const { namespace, name } = splitKey(key);
      const pod = reader.get(PODS, namespace, name);
      if (!pod || meta(pod).deletionTimestamp) return { actions: [] };
      const containers = spec(pod).containers!;
      if (!spec(pod).nodeName) return { actions: [{ type: 'bind', namespace, name, node: `node-${name.charCodeAt(name.length - 1) % 3}` }] };
      if (status(pod).phase === 'Running' || containers.some((c) => String(c.image).includes('broken'))) return { actions: [] };
      const due = Date.parse(String(meta(pod).creationTimestamp)) + readyAfterMs;
      if (reader.now() < due) return { actions: [], requeueAfter: due - reader.now() };
      const now = formatTimestamp(reader.now());
      const containerStatuses = containers.map((c) => ({ name: c.name, image: c.image, imageID: `${String(c.image)}@sha256:0`, ready: true, restartCount: 0, started: true, state: { running: { startedAt: now } } }));
      const conditions = [{ type: 'Ready', status: 'True', lastTransitionTime: now }];
      return { actions: [{ type: 'updateStatus', object: { ...pod, status: { ...status(pod), phase: 'Running', conditions, containerStatuses } } }] };
    },
  };
}

function newCluster(seed = 1, readyAfterMs = 1000) {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(seed) });
  const runtime = new ControllerRuntime(store, clock, [createDeploymentController(), createReplicaSetController(), kubelet(readyAfterMs)]);
  return { clock, store, runtime };
}

const deployment = (specExtra: Obj = {}, annotations?: Record<string, string>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', ...(annotations ? { annotations } : {}) },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
    ...specExtra,
  },
});

const setImage = (store: ObjectStore, image: string) => store.patch(DEPLOYMENTS, 'default', 'web', { spec: { template: { spec: { containers: [{ name: 'web', image }] } } } });
const getDeployment = (store: ObjectStore) => store.get(DEPLOYMENTS, 'default', 'web');
const replicaSets = (store: ObjectStore) => store.list(REPLICA_SETS);
const scalingEvents = (store: ObjectStore): string[] =>
  store
    .list(EVENTS)
    .filter((event) => event.reason === 'ScalingReplicaSet')
    .sort((a, b) => Number(meta(a).resourceVersion) - Number(meta(b).resourceVersion))
    .map((event) => String(event.message));
const conditionsOf = (d: KubeObject) => (status(d).conditions ?? []).map((c) => [c.type, c.status, c.reason, c.message]);

/**
 * Watches the store during a rollout and records the worst moments of what a rolling update
 * bounds, as upstream does: the Pods the ReplicaSets are asked for (replicas + maxSurge at
 * most) and the ready Pods (replicas - maxUnavailable at least). The Pods themselves follow
 * the ReplicaSets one sync later, as in a real cluster.
 */
function watchBounds(store: ObjectStore) {
  const seen = { minReady: Infinity, maxSpecTotal: 0 };
  store.watch(() => {
    const pods = store.list(PODS).filter((pod) => !meta(pod).deletionTimestamp);
    const ready = pods.filter((pod) => (status(pod).conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'));
    seen.minReady = Math.min(seen.minReady, ready.length);
    seen.maxSpecTotal = Math.max(seen.maxSpecTotal, replicaSets(store).reduce((sum, rs) => sum + Number(spec(rs).replicas), 0));
  });
  return seen;
}

describe('simulator/controllers: Deployment', () => {
  it('creates a ReplicaSet named with the pod-template-hash, labelled, selected and annotated', () => {
    const { store, runtime } = newCluster();
    const created = store.create(deployment({}, { 'kubernetes.io/change-cause': 'first version' }));
    runtime.runUntilSettled();
    const [rs, ...others] = replicaSets(store);
    assert.equal(others.length, 0);
    const hash = computeHash(spec(created).template);
    assert.equal(meta(rs!).name, `web-${hash}`);
    assert.deepEqual(meta(rs!).labels, { app: 'web', 'pod-template-hash': hash });
    assert.deepEqual(spec(rs!).selector, { matchLabels: { app: 'web', 'pod-template-hash': hash } });
    assert.deepEqual(spec(rs!).template?.metadata?.labels, { app: 'web', 'pod-template-hash': hash });
    assert.deepEqual(meta(rs!).annotations, {
      'kubernetes.io/change-cause': 'first version',
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    assert.deepEqual(meta(rs!).ownerReferences, [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: meta(created).uid, controller: true, blockOwnerDeletion: true }]);
    assert.equal(annotation(getDeployment(store), 'deployment.kubernetes.io/revision'), '1');
    for (const pod of store.list(PODS)) assert.ok(String(meta(pod).name).startsWith(`web-${hash}-`));
    assert.deepEqual(scalingEvents(store), [`Scaled up replica set web-${hash} to 3`]);
  });

  it('reports the converged status with the Available and Progressing conditions', () => {
    const { store, runtime } = newCluster();
    store.create(deployment());
    runtime.runUntilSettled();
    const d = getDeployment(store);
    const rsName = String(meta(replicaSets(store)[0]!).name);
    const { conditions, ...counts } = status(d);
    assert.deepEqual(counts, { observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    assert.deepEqual(conditionsOf(d), [
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`],
    ]);
    assert.equal((conditions as Condition[])[1]!.lastTransitionTime, '2024-01-01T00:00:00Z', 'Progressing since the ReplicaSet was created');
    assert.equal((conditions as Condition[])[1]!.lastUpdateTime, '2024-01-01T00:00:01Z');
  });

  it('says the rollout progresses and lacks minimum availability before the Pods are ready', () => {
    const { store, runtime } = newCluster();
    store.create(deployment());
    runtime.advance(100);
    const rsName = String(meta(replicaSets(store)[0]!).name);
    const d = getDeployment(store);
    // A Progressing condition that changes reason moves to the end, as SetDeploymentCondition does.
    assert.deepEqual(conditionsOf(d), [
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
      ['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`],
    ]);
    assert.deepEqual({ ...status(d), conditions: undefined }, { observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3, conditions: undefined });
  });

  it('computes the hash as upstream does: FNV-32a, safe-encoded, salted by collisionCount', () => {
    assert.equal(fnv32a(utf8('')), 0x811c9dc5);
    assert.equal(fnv32a(utf8('a')), 0xe40c292c);
    assert.equal(fnv32a(utf8('foobar')), 0xbf9cf968);
    assert.equal(safeEncodeString('0123456789'), '456789bcdf');
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };
    assert.equal(computeHash(template), computeHash(JSON.parse(JSON.stringify(template))));
    assert.match(computeHash(template), /^[456789bcdf]{6,10}$/);
    assert.notEqual(computeHash(template, 1), computeHash(template));
    assert.notEqual(computeHash({ ...template, spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } }), computeHash(template));
  });

  it('resolves maxSurge rounding up and maxUnavailable rounding down, never both zero', () => {
    const fence = (replicas: number, maxSurge: unknown, maxUnavailable: unknown) => resolveFenceposts({ spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } } });
    assert.deepEqual(fence(3, '25%', '25%'), { surge: 1, unavailable: 0 });
    assert.deepEqual(fence(10, '25%', '25%'), { surge: 3, unavailable: 2 });
    assert.deepEqual(fence(10, 2, '30%'), { surge: 2, unavailable: 3 });
    assert.deepEqual(fence(1, '0%', '25%'), { surge: 0, unavailable: 1 });
  });

  const rollouts: [string, Obj, number, number][] = [
    ['25% / 25% of 4', { replicas: 4 }, 1, 1],
    ['maxSurge 0, maxUnavailable 1', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } } }, 0, 1],
    ['maxSurge 2, maxUnavailable 0 of 5', { replicas: 5, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: 0 } } }, 2, 0],
    ['30% / 30% of 10', { replicas: 10, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '30%', maxUnavailable: '30%' } } }, 3, 3],
  ];
  for (const [title, specExtra, surge, unavailable] of rollouts) {
    it(`rolls out within maxSurge and maxUnavailable at every step (${title})`, () => {
      const { store, runtime } = newCluster();
      store.create(deployment(specExtra));
      runtime.runUntilSettled();
      const replicas = Number(spec(getDeployment(store)).replicas);
      const seen = watchBounds(store);
      setImage(store, 'nginx:1.26');
      runtime.runUntilSettled();
      assert.ok(seen.maxSpecTotal <= replicas + surge, `ReplicaSets asked for ${seen.maxSpecTotal} Pods`);
      assert.ok(seen.minReady >= replicas - unavailable, `only ${seen.minReady} ready Pods at one point`);
      const pods = store.list(PODS);
      assert.equal(pods.length, replicas);
      assert.ok(pods.every((pod) => (spec(pod).containers!)[0]!.image === 'nginx:1.26'));
      assert.deepEqual(runtime.errors, []);
    });
  }

  it('records each step of a rolling update as upstream words it', () => {
    const { store, runtime } = newCluster();
    store.create(deployment());
    runtime.runUntilSettled();
    const old = String(meta(replicaSets(store)[0]!).name);
    setImage(store, 'nginx:1.26');
    runtime.runUntilSettled();
    const next = String(meta(replicaSets(store).find((rs) => meta(rs).name !== old)!).name);
    assert.deepEqual(scalingEvents(store), [
      `Scaled up replica set ${old} to 3`,
      `Scaled up replica set ${next} to 1`,
      `Scaled down replica set ${old} to 2 from 3`,
      `Scaled up replica set ${next} to 2 from 1`,
      `Scaled down replica set ${old} to 1 from 2`,
      `Scaled up replica set ${next} to 3 from 2`,
      `Scaled down replica set ${old} to 0 from 1`,
    ]);
    const d = getDeployment(store);
    assert.equal(annotation(d, 'deployment.kubernetes.io/revision'), '2');
    const oldRS = store.get(REPLICA_SETS, 'default', old);
    assert.equal(spec(oldRS).replicas, 0, 'the old ReplicaSet is kept, empty, for rollbacks');
    assert.equal(annotation(oldRS, 'deployment.kubernetes.io/revision'), '1');
    assert.deepEqual(conditionsOf(d)[1], ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${next}" has successfully progressed.`]);
  });

  it('Recreate: stops every old Pod before creating the new ReplicaSet', () => {
    const { store, runtime } = newCluster();
    store.create(deployment({ strategy: { type: 'Recreate' } }));
    runtime.runUntilSettled();
    const old = String(meta(replicaSets(store)[0]!).name);
    let mixed = false;
    store.watch(() => {
      const images = new Set(store.list(PODS).map((pod) => (spec(pod).containers!)[0]!.image));
      if (images.size > 1) mixed = true;
    });
    setImage(store, 'nginx:1.26');
    runtime.runUntilSettled();
    assert.equal(mixed, false, 'old and new Pods never run together');
    const next = String(meta(replicaSets(store).find((rs) => meta(rs).name !== old)!).name);
    assert.deepEqual(scalingEvents(store), [`Scaled up replica set ${old} to 3`, `Scaled down replica set ${old} to 0 from 3`, `Scaled up replica set ${next} to 3`]);
    assert.equal(annotation(store.get(REPLICA_SETS, 'default', next), 'deployment.kubernetes.io/max-replicas'), '3');
  });

  it('keeps revisionHistoryLimit old ReplicaSets', () => {
    const { store, runtime } = newCluster();
    store.create(deployment({ revisionHistoryLimit: 2 }));
    runtime.runUntilSettled();
    for (const version of ['1.26', '1.27', '1.28', '1.29']) {
      setImage(store, `nginx:${version}`);
      runtime.runUntilSettled();
    }
    const revisions = replicaSets(store).map((rs) => Number(annotation(rs, 'deployment.kubernetes.io/revision'))).sort();
    assert.deepEqual(revisions, [3, 4, 5]);
  });

  it('copies the change-cause to the new ReplicaSet, not kubectl apply\'s last-applied-configuration', () => {
    const { store, runtime } = newCluster();
    store.create(deployment({}, { 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}' }));
    runtime.runUntilSettled();
    store.patch(DEPLOYMENTS, 'default', 'web', { metadata: { annotations: { 'kubernetes.io/change-cause': 'kubectl set image deployment/web web=nginx:1.26' } }, spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } } });
    runtime.runUntilSettled();
    const newest = replicaSets(store).find((rs) => annotation(rs, 'deployment.kubernetes.io/revision') === '2')!;
    assert.equal(annotation(newest, 'kubernetes.io/change-cause'), 'kubectl set image deployment/web web=nginx:1.26');
    assert.equal(annotation(newest, 'kubectl.kubernetes.io/last-applied-configuration'), undefined);
  });

  it('bumps collisionCount when the hashed name is taken by another ReplicaSet, and takes the next hash', () => {
    const { store, runtime } = newCluster();
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };
    const probe = store.create(deployment(), { dryRun: true });
    const taken = `web-${computeHash(spec(probe).template)}`;
    store.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: taken, namespace: 'default' }, spec: { replicas: 0, selector: { matchLabels: { app: 'squatter' } }, template: { ...template, metadata: { labels: { app: 'squatter' } } } } });
    store.create(deployment());
    runtime.runUntilSettled();
    const d = getDeployment(store);
    assert.equal(status(d).collisionCount, 1);
    const owned = replicaSets(store).filter((rs) => meta(rs).name !== taken);
    assert.deepEqual(owned.map((rs) => meta(rs).name), [`web-${computeHash(spec(d).template, 1)}`]);
    assert.equal(status(d).availableReplicas, 3);
  });

  it('does not roll while paused, and rolls once resumed', () => {
    const { store, runtime } = newCluster();
    store.create(deployment());
    runtime.runUntilSettled();
    store.patch(DEPLOYMENTS, 'default', 'web', { spec: { paused: true } });
    setImage(store, 'nginx:1.26');
    store.patch(DEPLOYMENTS, 'default', 'web', { spec: { replicas: 4 } });
    runtime.runUntilSettled();
    assert.equal(replicaSets(store).length, 1, 'no new ReplicaSet while paused');
    assert.equal(store.list(PODS).length, 4, 'a paused Deployment still scales');
    let d = getDeployment(store);
    assert.deepEqual(conditionsOf(d).find(([type]) => type === 'Progressing'), ['Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused']);
    assert.equal(status(d).updatedReplicas, undefined);
    const reasons: string[] = [];
    store.watch((event) => {
      const reason = conditionsOf(event.object).find(([type]) => type === 'Progressing')?.[2];
      if (event.object.kind === 'Deployment' && reason && reasons.at(-1) !== reason) reasons.push(reason);
    });
    store.patch(DEPLOYMENTS, 'default', 'web', { spec: { paused: null } });
    runtime.runUntilSettled();
    assert.deepEqual(reasons, ['DeploymentPaused', 'NewReplicaSetCreated', 'ReplicaSetUpdated', 'NewReplicaSetAvailable']);
    d = getDeployment(store);
    assert.equal(replicaSets(store).length, 2);
    assert.equal(status(d).updatedReplicas, 4);
    assert.equal(conditionsOf(d).find(([type]) => type === 'Progressing')![2], 'NewReplicaSetAvailable');
  });

  it('scales a single ReplicaSet with the Deployment, with the "from" in the event', () => {
    const { store, runtime } = newCluster();
    store.create(deployment());
    runtime.runUntilSettled();
    const rs = String(meta(replicaSets(store)[0]!).name);
    store.patch(DEPLOYMENTS, 'default', 'web', { spec: { replicas: 5 } });
    runtime.runUntilSettled();
    store.patch(DEPLOYMENTS, 'default', 'web', { spec: { replicas: 2 } });
    runtime.runUntilSettled();
    assert.deepEqual(scalingEvents(store).slice(1), [`Scaled up replica set ${rs} to 5 from 3`, `Scaled down replica set ${rs} to 2 from 5`]);
    assert.equal(annotation(store.get(REPLICA_SETS, 'default', rs), 'deployment.kubernetes.io/desired-replicas'), '2');
    assert.equal(store.list(PODS).length, 2);
  });

  it('scales proportionally when resized in the middle of a rollout', () => {
    const { store, runtime } = newCluster();
    store.create(deployment({ replicas: 10, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
    runtime.runUntilSettled();
    setImage(store, 'nginx:broken');
    runtime.runUntilSettled();
    // The new Pods never get ready: the rollout stops at old 8, new 5 (10 + 3 surge).
    const sizes = () => replicaSets(store).map((rs) => [annotation(rs, 'deployment.kubernetes.io/revision'), spec(rs).replicas]).sort();
    assert.deepEqual(sizes(), [['1', 8], ['2', 5]]);
    store.patch(DEPLOYMENTS, 'default', 'web', { spec: { replicas: 20 } });
    runtime.runUntilSettled();
    // 23 allowed, 10 to add: 8/13 of them to the old one, 5/13 to the new (rounded, leftovers to the largest).
    assert.deepEqual(sizes(), [['1', 14], ['2', 9]]);
  });

  it('reports ProgressDeadlineExceeded when the new Pods never get ready', () => {
    const { store, runtime, clock } = newCluster();
    store.create(deployment({ progressDeadlineSeconds: 60 }));
    runtime.runUntilSettled();
    setImage(store, 'nginx:broken');
    runtime.runUntilSettled({ maxSimulatedMs: 30_000 });
    const next = String(meta(replicaSets(store).find((rs) => annotation(rs, 'deployment.kubernetes.io/revision') === '2')!).name);
    assert.equal(conditionsOf(getDeployment(store))[1]![2], 'ReplicaSetUpdated');
    const start = clock.now();
    runtime.runUntilSettled({ maxSimulatedMs: 120_000 });
    const d = getDeployment(store);
    assert.deepEqual(conditionsOf(d).find(([type]) => type === 'Progressing'), ['Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${next}" has timed out progressing.`]);
    assert.ok(clock.now() - start <= 62_000, 'looked again when the deadline passed');
    assert.deepEqual(conditionsOf(d).find(([type]) => type === 'Available')!.slice(0, 3), ['Available', 'True', 'MinimumReplicasAvailable']);
  });

  it('adopts an orphaned ReplicaSet that matches instead of creating another', () => {
    const { store, runtime } = newCluster();
    store.create(deployment());
    runtime.runUntilSettled();
    const [rs] = replicaSets(store);
    store.delete(DEPLOYMENTS, 'default', 'web', { propagationPolicy: 'Orphan' });
    runtime.runUntilSettled();
    assert.equal(meta(store.get(REPLICA_SETS, 'default', String(meta(rs!).name))).ownerReferences, undefined);
    const again = store.create(deployment());
    runtime.runUntilSettled();
    const after = replicaSets(store);
    assert.equal(after.length, 1);
    assert.equal(meta(after[0]!).ownerReferences?.[0]?.uid, meta(again).uid);
    assert.equal(store.list(PODS).length, 3);
  });

  it('picks up a saved cluster: a fresh runtime rebuilds its caches from resyncAll', () => {
    const { store, runtime, clock } = newCluster();
    store.create(deployment());
    runtime.runUntilSettled();
    runtime.dispose();
    const fresh = new ControllerRuntime(store, clock, [createDeploymentController(), createReplicaSetController(), kubelet(1000)]);
    fresh.resyncAll();
    fresh.runUntilSettled();
    assert.equal(store.list(REPLICA_SETS).length, 1, 'nothing recreated');
    assert.equal(store.list(PODS).length, 3);
    setImage(store, 'nginx:1.26');
    store.patch(DEPLOYMENTS, 'default', 'web', { spec: { replicas: 4 } });
    fresh.runUntilSettled();
    assert.equal(store.list(PODS).length, 4);
    assert.ok(store.list(PODS).every((pod) => spec(pod).containers![0]!.image === 'nginx:1.26'));
    assert.deepEqual(fresh.errors, []);
  });

  it('gives the same cluster for the same seed', () => {
    const run = () => {
      const { store, runtime } = newCluster(9);
      store.create(deployment());
      runtime.runUntilSettled();
      setImage(store, 'nginx:1.26');
      runtime.runUntilSettled();
      return JSON.stringify([store.list(PODS), replicaSets(store), getDeployment(store)]);
    };
    assert.equal(run(), run());
  });

  it('settles 300 Deployments of 3 replicas', function () {
    this.timeout(60_000);
    const { store, runtime } = newCluster(1, 0);
    for (let i = 0; i < 300; i++) {
      const labels = { app: `web-${i}` };
      store.create({ ...deployment({ selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } }), metadata: { name: `web-${i}`, namespace: 'default' } });
    }
    assert.ok(runtime.runUntilSettled().settled);
    assert.equal(store.list(PODS).length, 900);
    assert.ok(store.list(DEPLOYMENTS).every((d) => status(d).availableReplicas === 3));
  });
});

describe('simulator/controllers: Deployment template as stored', () => {
  const manifest = (extra: string): string =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.25\n${extra}`;

  it('starts no rollout when a manifest only adds resources: {} (the API server stores it either way)', () => {
    const cluster = testCluster();
    assert.equal(kubectl(cluster, 'apply -f d.yaml', { 'd.yaml': manifest('') }).stdout, 'deployment.apps/web created\n');
    cluster.advance(30_000);
    const before = cluster.store.list(REPLICA_SETS).map((rs) => String((rs.metadata as Record<string, unknown>).name));
    assert.equal(before.length, 1);
    assert.equal(kubectl(cluster, 'apply -f d.yaml', { 'd.yaml': manifest('        resources: {}\n') }).stdout, 'deployment.apps/web configured\n');
    cluster.advance(30_000);
    assert.deepEqual(cluster.store.list(REPLICA_SETS).map((rs) => String((rs.metadata as Record<string, unknown>).name)), before);
    assert.equal(kubectl(cluster, 'rollout history deployment/web').stdout, 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
    const template = (cluster.store.get(DEPLOYMENTS, 'default', 'web').spec as Record<string, Record<string, unknown>>).template!;
    assert.deepEqual(template.metadata, { creationTimestamp: null, labels: { app: 'web' } });
  });
});
