import * as assert from 'node:assert/strict';
import { ManualClock, formatTimestamp } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { StatusError } from '../../../simulator/src/api/errors';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createReplicaSetController } from '../../../simulator/src/controllers/replicaset';
import { createDeploymentController } from '../../../simulator/src/controllers/deployment';
import {
  RolloutError,
  rolloutHistory,
  rolloutHistoryDetail,
  rolloutPause,
  rolloutRestart,
  rolloutResume,
  rolloutStatus,
  rolloutUndo,
} from '../../../simulator/src/controllers/deployment/rollout';
import { self, splitKey, type Controller } from '../../../simulator/src/controllers/types';

const PODS = kindInfo('v1', 'Pod')!;
const REPLICA_SETS = kindInfo('apps/v1', 'ReplicaSet')!;
const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
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

/** A stand-in kubelet: binds, then after a second marks the Pod Running and Ready (never for a `broken` image). */
const kubelet: Controller = {
  name: 'kubelet',
  triggers: [self(PODS)],
  reconcile(key, reader) {
    const { namespace, name } = splitKey(key);
    const pod = reader.get(PODS, namespace, name);
    if (!pod || meta(pod).deletionTimestamp) return { actions: [] };
    const containers = spec(pod).containers!;
    if (!spec(pod).nodeName) return { actions: [{ type: 'bind', namespace, name, node: 'node-1' }] };
    if (status(pod).phase === 'Running' || containers.some((c) => String(c.image).includes('broken'))) return { actions: [] };
    const due = Date.parse(String(meta(pod).creationTimestamp)) + 1000;
    if (reader.now() < due) return { actions: [], requeueAfter: due - reader.now() };
    const now = formatTimestamp(reader.now());
    const containerStatuses = containers.map((c) => ({ name: c.name, image: c.image, imageID: `${String(c.image)}@sha256:0`, ready: true, restartCount: 0, started: true, state: { running: { startedAt: now } } }));
    return { actions: [{ type: 'updateStatus', object: { ...pod, status: { ...status(pod), phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }], containerStatuses } } }] };
  },
};

function newCluster() {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(4) });
  const runtime = new ControllerRuntime(store, clock, [createDeploymentController(), createReplicaSetController(), kubelet]);
  return { clock, store, runtime };
}

const deployment = (specExtra: Obj = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
    ...specExtra,
  },
});

/** Like `kubectl set image` with --record (kept as a change-cause annotation). */
function setImage(store: ObjectStore, image: string, cause?: string): void {
  const annotations = cause ? { 'kubernetes.io/change-cause': cause } : {};
  store.patch(DEPLOYMENTS, 'default', 'web', { metadata: { annotations }, spec: { template: { spec: { containers: [{ name: 'web', image }] } } } });
}

const imageOf = (object: KubeObject): string => spec(object).template?.spec?.containers?.[0]?.image ?? '';
const getDeployment = (store: ObjectStore) => store.get(DEPLOYMENTS, 'default', 'web');
const throwsRollout = (fn: () => unknown, message: string) =>
  assert.throws(fn, (error: unknown) => error instanceof RolloutError && error.message === message && error.fr.length > 0);

/** Three revisions: nginx 1.25 (no cause), 1.26, 1.27. */
function withHistory() {
  const cluster = newCluster();
  cluster.store.create(deployment());
  cluster.runtime.runUntilSettled();
  setImage(cluster.store, 'nginx:1.26', 'kubectl set image deployment/web web=nginx:1.26');
  cluster.runtime.runUntilSettled();
  setImage(cluster.store, 'nginx:1.27', 'kubectl set image deployment/web web=nginx:1.27');
  cluster.runtime.runUntilSettled();
  return cluster;
}

describe('simulator/controllers: kubectl rollout', () => {
  it('history lists the revisions with their change-cause', () => {
    const { store } = withHistory();
    assert.deepEqual(rolloutHistory(store, 'default', 'web'), [
      { revision: 1, changeCause: undefined },
      { revision: 2, changeCause: 'kubectl set image deployment/web web=nginx:1.26' },
      { revision: 3, changeCause: 'kubectl set image deployment/web web=nginx:1.27' },
    ]);
  });

  it('history of one revision gives its Pod template, hash label included', () => {
    const { store } = withHistory();
    const template = rolloutHistoryDetail(store, 'default', 'web', 2) as { metadata: Meta; spec: { containers: Container[] } };
    assert.equal(template.spec.containers[0]!.image, 'nginx:1.26');
    assert.equal(template.metadata.labels?.app, 'web');
    assert.match(template.metadata.labels?.['pod-template-hash'] ?? '', /^[456789bcdf]+$/);
    throwsRollout(() => rolloutHistoryDetail(store, 'default', 'web', 9), 'unable to find the specified revision');
  });

  it('history of a missing Deployment is the API server NotFound', () => {
    const { store } = newCluster();
    assert.throws(() => rolloutHistory(store, 'default', 'web'), (error: unknown) => error instanceof StatusError && error.message === 'deployments.apps "web" not found');
  });

  it('undo goes back to the previous revision, which becomes the newest', () => {
    const { store, runtime } = withHistory();
    const result = rolloutUndo(store, 'default', 'web');
    assert.equal(result.message, 'rolled back');
    assert.equal(imageOf(getDeployment(store)), 'nginx:1.26');
    assert.equal(annotation(getDeployment(store), 'kubernetes.io/change-cause'), 'kubectl set image deployment/web web=nginx:1.26', 'the annotations of that revision come back');
    runtime.runUntilSettled();
    assert.deepEqual(
      rolloutHistory(store, 'default', 'web').map((entry) => entry.revision),
      [1, 3, 4],
    );
    const reused = store.list(REPLICA_SETS).find((rs) => annotation(rs, 'deployment.kubernetes.io/revision') === '4')!;
    assert.equal(annotation(reused, 'deployment.kubernetes.io/revision-history'), '2');
    assert.ok(store.list(PODS).every((pod) => (spec(pod).containers!)[0]!.image === 'nginx:1.26'));
    assert.equal(store.list(PODS).length, 3);
  });

  it('undo --to-revision goes back to that revision', () => {
    const { store, runtime } = withHistory();
    assert.equal(rolloutUndo(store, 'default', 'web', 1).message, 'rolled back');
    runtime.runUntilSettled();
    assert.equal(imageOf(getDeployment(store)), 'nginx:1.25');
    assert.equal(annotation(getDeployment(store), 'kubernetes.io/change-cause'), undefined);
    assert.equal(annotation(getDeployment(store), 'deployment.kubernetes.io/revision'), '4');
  });

  it('undo refuses a revision that is not in the history, kubectl words', () => {
    const { store } = withHistory();
    throwsRollout(() => rolloutUndo(store, 'default', 'web', 5), 'unable to find specified revision 5 in history');
  });

  it('undo skips a revision whose template is already the current one', () => {
    const { store } = withHistory();
    const result = rolloutUndo(store, 'default', 'web', 3);
    assert.equal(result.message, 'skipped rollback (current template already matches revision 3)');
    assert.equal(imageOf(getDeployment(store)), 'nginx:1.27');
  });

  it('undo needs a previous revision', () => {
    const { store, runtime } = newCluster();
    store.create(deployment());
    runtime.runUntilSettled();
    throwsRollout(() => rolloutUndo(store, 'default', 'web'), 'no rollout history found for deployment "web"');
  });

  it('undo refuses a paused Deployment', () => {
    const { store } = withHistory();
    rolloutPause(store, 'default', 'web');
    throwsRollout(() => rolloutUndo(store, 'default', 'web'), "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  });

  it('restart stamps the template with restartedAt and replaces every Pod', () => {
    const { store, runtime, clock } = newCluster();
    store.create(deployment());
    runtime.runUntilSettled();
    const before = store.list(PODS).map((pod) => meta(pod).name);
    clock.advance(60_000);
    rolloutRestart(store, 'default', 'web', clock.now());
    assert.equal(spec(getDeployment(store)).template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'], '2024-01-01T00:01:01Z');
    runtime.runUntilSettled();
    const after = store.list(PODS).map((pod) => meta(pod).name);
    assert.equal(after.length, 3);
    assert.ok(after.every((name) => !before.includes(name)));
    assert.equal(rolloutHistory(store, 'default', 'web').length, 2);
  });

  it('restart refuses a paused Deployment', () => {
    const { store, clock } = withHistory();
    rolloutPause(store, 'default', 'web');
    throwsRollout(() => rolloutRestart(store, 'default', 'web', clock.now()), `deployments.apps "web" can't restart paused deployment (run rollout resume first)`);
  });

  it('pause and resume set and clear spec.paused, and refuse to do it twice', () => {
    const { store } = withHistory();
    assert.equal(spec(rolloutPause(store, 'default', 'web')).paused, true);
    throwsRollout(() => rolloutPause(store, 'default', 'web'), 'deployments.apps "web" is already paused');
    assert.equal(spec(rolloutResume(store, 'default', 'web')).paused, undefined);
    throwsRollout(() => rolloutResume(store, 'default', 'web'), 'deployments.apps "web" is not paused');
  });

  it('status follows the rollout with kubectl messages until it succeeds', () => {
    const { store, runtime } = newCluster();
    store.create(deployment());
    runtime.runUntilSettled();
    assert.deepEqual(rolloutStatus(store, 'default', 'web'), { message: 'deployment "web" successfully rolled out', done: true });
    setImage(store, 'nginx:1.26');
    assert.deepEqual(rolloutStatus(store, 'default', 'web'), { message: 'Waiting for deployment spec update to be observed...', done: false });
    const messages: string[] = [];
    store.watch(() => {
      const { message } = rolloutStatus(store, 'default', 'web');
      if (messages.at(-1) !== message) messages.push(message);
    });
    runtime.runUntilSettled();
    assert.deepEqual(messages, [
      'Waiting for deployment spec update to be observed...',
      'Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
      'deployment "web" successfully rolled out',
    ]);
  });

  it('status waits for the updated replicas to be available (Recreate)', () => {
    const { store, runtime } = newCluster();
    store.create(deployment({ strategy: { type: 'Recreate' } }));
    runtime.runUntilSettled();
    setImage(store, 'nginx:1.26');
    const messages: string[] = [];
    store.watch(() => {
      const { message } = rolloutStatus(store, 'default', 'web');
      if (messages.at(-1) !== message) messages.push(message);
    });
    runtime.runUntilSettled();
    assert.deepEqual(messages, [
      'Waiting for deployment spec update to be observed...',
      'Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...',
      'deployment "web" successfully rolled out',
    ]);
  });

  it('status reports a rollout past its progress deadline as an error', () => {
    const { store, runtime } = newCluster();
    store.create(deployment({ progressDeadlineSeconds: 30 }));
    runtime.runUntilSettled();
    setImage(store, 'nginx:broken');
    runtime.runUntilSettled({ maxSimulatedMs: 60_000 });
    throwsRollout(() => rolloutStatus(store, 'default', 'web'), 'deployment "web" exceeded its progress deadline');
  });

  it('status checks the revision it is asked to watch', () => {
    const { store } = withHistory();
    throwsRollout(() => rolloutStatus(store, 'default', 'web', 2), 'desired revision (2) is different from the running revision (3)');
    assert.equal(rolloutStatus(store, 'default', 'web', 3).done, true);
  });
});
