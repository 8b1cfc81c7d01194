import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject, type WatchEvent } from '../../../simulator/src/store/store';

const CONFIGMAP = kindInfo('v1', 'ConfigMap')!;
const SECRET = kindInfo('v1', 'Secret')!;
type Meta = Record<string, unknown>;
const meta = (object: KubeObject) => object.metadata as Meta;

function newStore() {
  const store = new ObjectStore({ clock: new ManualClock(), random: createRandom(11) });
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  return store;
}

const cm = (name: string, namespace = 'default', data: Record<string, string> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });
const line = (event: WatchEvent) => `${event.type} ${String(event.object.kind)} ${String(meta(event.object).namespace)}/${String(meta(event.object).name)} rv=${String(meta(event.object).resourceVersion)}`;

describe('simulator/store: watch', () => {
  it('delivers ADDED, MODIFIED and DELETED synchronously, in order, with the resourceVersion of each write', () => {
    const store = newStore();
    const seen: string[] = [];
    store.watch((event) => seen.push(line(event)));
    const created = store.create(cm('settings'));
    assert.equal(seen.length, 1, 'delivered before create returns');
    store.update({ ...created, data: { a: '1' } });
    store.delete(CONFIGMAP, 'default', 'settings');
    assert.deepEqual(seen, ['ADDED ConfigMap default/settings rv=6', 'MODIFIED ConfigMap default/settings rv=7', 'DELETED ConfigMap default/settings rv=8']);
  });

  it('filters by resource and by namespace', () => {
    const store = newStore();
    const configMaps: string[] = [];
    const inShop: string[] = [];
    store.watch((event) => configMaps.push(line(event)), { info: CONFIGMAP });
    store.watch((event) => inShop.push(line(event)), { namespace: 'shop' });
    store.create(cm('a'));
    store.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'shop' } });
    store.create(cm('b', 'shop'));
    assert.deepEqual(configMaps, ['ADDED ConfigMap default/a rv=6', 'ADDED ConfigMap shop/b rv=8']);
    assert.deepEqual(inShop, ['ADDED Secret shop/s rv=7', 'ADDED ConfigMap shop/b rv=8']);
  });

  it('stops after unsubscribe', () => {
    const store = newStore();
    const seen: string[] = [];
    const stop = store.watch((event) => seen.push(line(event)));
    store.create(cm('a'));
    stop();
    store.create(cm('b'));
    assert.equal(seen.length, 1);
  });

  it('sends nothing for a write that changes nothing, nor for a dry run', () => {
    const store = newStore();
    const created = store.create(cm('a'));
    const seen: string[] = [];
    store.watch((event) => seen.push(line(event)));
    store.update(created);
    store.create(cm('b'), { dryRun: true });
    assert.deepEqual(seen, []);
  });

  it('gives every listener its own copy', () => {
    const store = newStore();
    const received: KubeObject[] = [];
    store.watch((event) => {
      (event.object.data as Record<string, string>).mutated = 'by listener 1';
      received.push(event.object);
    });
    store.watch((event) => received.push(event.object));
    store.create(cm('a', 'default', { a: '1' }));
    assert.deepEqual(received[1]!.data, { a: '1' });
    assert.deepEqual(store.get(CONFIGMAP, 'default', 'a').data, { a: '1' });
  });

  it('keeps commit order for every listener when a listener writes (a controller reacting)', () => {
    const store = newStore();
    const first: string[] = [];
    const second: string[] = [];
    store.watch((event) => {
      first.push(line(event));
      if (event.type === 'ADDED' && meta(event.object).name === 'trigger') store.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'reaction', namespace: 'default' } });
    });
    store.watch((event) => second.push(line(event)));
    store.create(cm('trigger'));
    const expected = ['ADDED ConfigMap default/trigger rv=6', 'ADDED Secret default/reaction rv=7'];
    assert.deepEqual(first, expected);
    assert.deepEqual(second, expected);
    assert.ok(store.find(SECRET, 'default', 'reaction'));
  });

  it('reports the cascade of a namespace deletion to a watcher of that namespace', () => {
    const store = newStore();
    store.create(cm('a', 'shop'));
    const seen: string[] = [];
    store.watch((event) => seen.push(`${event.type} ${String(meta(event.object).name)}`), { info: CONFIGMAP, namespace: 'shop' });
    store.delete(kindInfo('v1', 'Namespace')!, '', 'shop');
    assert.deepEqual(seen, ['DELETED a']);
  });
});
