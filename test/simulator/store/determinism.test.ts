import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { apply } from '../../../simulator/src/store/apply';
import { restore, snapshot, type StoreSnapshot } from '../../../simulator/src/store/snapshot';

type Meta = Record<string, unknown>;
const meta = (object: KubeObject) => object.metadata as Meta;
const NAMESPACE = kindInfo('v1', 'Namespace')!;
const CONFIGMAP = kindInfo('v1', 'ConfigMap')!;

/** One scripted session; returns the store and every watch event, serialised. */
function session(seed: number): { store: ObjectStore; clock: ManualClock; events: string } {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(seed) });
  const events: string[] = [];
  store.watch((event) => events.push(`${event.type} ${JSON.stringify(event.object)}`));
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } });
  for (let i = 0; i < 5; i++) {
    clock.advance(1_500);
    const owner = store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'owner-', namespace: 'lab' }, data: { i: String(i) } });
    store.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { generateName: 'child-', namespace: 'lab', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: meta(owner).name, uid: meta(owner).uid }] },
      stringData: { token: `t${i}` },
    });
    apply(store, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'lab' }, spec: { replicas: i, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: `nginx:1.2${i}` }] } } } });
  }
  const [first] = store.list(CONFIGMAP, { namespace: 'lab' });
  store.delete(CONFIGMAP, 'lab', String(meta(first!).name));
  store.delete(NAMESPACE, '', 'lab');
  return { store, clock, events: events.join('\n') };
}

describe('simulator/store: determinism (same seed and inputs, same bytes out)', () => {
  it('gives byte-identical snapshots for the same seed and the same inputs', () => {
    assert.equal(JSON.stringify(snapshot(session(7).store)), JSON.stringify(snapshot(session(7).store)));
  });

  it('gives byte-identical watch streams for the same seed and the same inputs', () => {
    assert.equal(session(7).events, session(7).events);
  });

  it('gives other uids and generated names for another seed', () => {
    assert.notEqual(JSON.stringify(snapshot(session(7).store)), JSON.stringify(snapshot(session(8).store)));
  });

  it('resumes a random sequence from its saved state (what a snapshot keeps)', () => {
    const random = createRandom(42);
    random.uid();
    const resumed = createRandom(random.state());
    assert.deepEqual([resumed.uid(), resumed.nameSuffix(), resumed.int(1000)], [random.uid(), random.nameSuffix(), random.int(1000)]);
  });

  it('gives the same bytes whether or not the store went through a save and a load', () => {
    const { store, clock } = session(7);
    const restored = restore(JSON.parse(JSON.stringify(snapshot(store))) as StoreSnapshot, { clock: new ManualClock(clock.now()) });
    const next = (s: ObjectStore) => s.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'n-', namespace: 'default' } });
    assert.deepEqual(next(restored), next(store));
    assert.equal(JSON.stringify(snapshot(restored)), JSON.stringify(snapshot(store)));
  });
});
