import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';

const DEPLOYMENT = kindInfo('apps/v1', 'Deployment')!;
type Meta = Record<string, unknown>;
const meta = (object: KubeObject) => object.metadata as Meta;

const CONFLICT = {
  reason: 'Conflict',
  code: 409,
  message: 'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
};

function setup() {
  const store = new ObjectStore({ clock: new ManualClock(), random: createRandom(9) });
  const created = store.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
  });
  return { store, created };
}

const withReplicas = (object: KubeObject, replicas: number): KubeObject => ({ ...object, spec: { ...(object.spec as Meta), replicas } });

describe('simulator/store: optimistic concurrency (resourceVersion)', () => {
  it('lets the first of two writers that read the same version win, and answers 409 Conflict to the second', () => {
    const { store } = setup();
    const readByA = store.get(DEPLOYMENT, 'default', 'web');
    const readByB = store.get(DEPLOYMENT, 'default', 'web');
    store.update(withReplicas(readByA, 3));
    assert.throws(() => store.update(withReplicas(readByB, 5)), CONFLICT);
    assert.equal((store.get(DEPLOYMENT, 'default', 'web').spec as Meta).replicas, 3);
  });

  it('accepts the write again once the client re-reads', () => {
    const { store, created } = setup();
    store.update(withReplicas(created, 3));
    const fresh = store.get(DEPLOYMENT, 'default', 'web');
    assert.equal((store.update(withReplicas(fresh, 5)).spec as Meta).replicas, 5);
  });

  const stale: [string, (store: ObjectStore, created: KubeObject) => unknown][] = [
    ['update', (store, created) => store.update(withReplicas(created, 4))],
    ['a merge patch carrying the resourceVersion', (store, created) => store.patch(DEPLOYMENT, 'default', 'web', { metadata: { resourceVersion: meta(created).resourceVersion }, spec: { replicas: 4 } })],
    ['a status update', (store, created) => store.updateStatus({ ...created, status: { replicas: 4 } })],
  ];
  for (const [title, act] of stale) {
    it(`refuses ${title} based on a stale resourceVersion`, () => {
      const { store, created } = setup();
      store.update(withReplicas(created, 2));
      assert.throws(() => act(store, created), CONFLICT);
    });
  }

  it('lets an update without resourceVersion through unconditionally (a PUT with no precondition)', () => {
    const { store, created } = setup();
    store.update(withReplicas(created, 2));
    const { resourceVersion: _rv, ...rest } = meta(created);
    assert.equal((store.update({ ...withReplicas(created, 7), metadata: rest }).spec as Meta).replicas, 7);
  });

  it('lets a merge patch without resourceVersion apply to whatever is stored', () => {
    const { store, created } = setup();
    store.update(withReplicas(created, 2));
    assert.equal((store.patch(DEPLOYMENT, 'default', 'web', { spec: { replicas: 6 } }).spec as Meta).replicas, 6);
  });

  it('moves the resourceVersion forward on every write, and not on a write that changes nothing', () => {
    const { store, created } = setup();
    const v1 = Number(meta(created).resourceVersion);
    const v2 = Number(meta(store.update(withReplicas(created, 2))).resourceVersion);
    const v3 = Number(meta(store.updateStatus({ ...store.get(DEPLOYMENT, 'default', 'web'), status: { replicas: 2 } })).resourceVersion);
    const v4 = Number(meta(store.patch(DEPLOYMENT, 'default', 'web', { spec: { replicas: 2 } })).resourceVersion);
    assert.ok(v1 < v2 && v2 < v3, `${v1} < ${v2} < ${v3}`);
    assert.equal(v4, v3);
  });
});
