/**
 * The store's fast paths behave like the plain ones: view() is list() without copies,
 * the uncopied writes store what the copied ones store, a watch can be limited to some
 * resources, `trusted` skips validation on update too, and a new version of an object
 * shares what did not change with the old one without ever changing it.
 */
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { ObjectStore, type KubeObject, type WatchEvent } from '../../../simulator/src/store/store';

const PODS = kindInfo('v1', 'Pod')!;
const CONFIGMAPS = kindInfo('v1', 'ConfigMap')!;
const EVENTS = kindInfo('v1', 'Event')!;

const newStore = (): ObjectStore => new ObjectStore({ clock: new ManualClock(), random: createRandom(7) });

const pod = (name: string, app: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app } },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
});

describe('bench/simulator store fast paths', () => {
  it('views what list returns, in the same order and filtered the same way, without copies', () => {
    const store = newStore();
    for (const [name, app] of [['c', 'web'], ['a', 'web'], ['b', 'db']] as const) store.create(pod(name, app));
    assert.deepEqual(store.view(PODS), store.list(PODS));
    assert.deepEqual(store.view(PODS, { labelSelector: 'app=web' }), store.list(PODS, { labelSelector: 'app=web' }));
    assert.deepEqual(store.view(PODS, { fieldSelector: 'metadata.name=b' }).map((p) => (p.metadata as { name: string }).name), ['b']);
    // view hands out the stored objects; list hands out copies.
    assert.equal(store.view(PODS)[0], store.view(PODS)[0]);
    assert.notEqual(store.list(PODS)[0], store.list(PODS)[0]);
    assert.throws(() => store.view(PODS, { labelSelector: 'app in (' }), /unable to parse requirement/);
  });

  it('stores through the uncopied writes what the copied writes store', () => {
    const copied = newStore();
    const uncopied = newStore();
    copied.create(pod('web', 'web'));
    uncopied.uncopied.create(pod('web', 'web'));
    copied.bindPod('default', 'web', 'node-1');
    uncopied.uncopied.bindPod('default', 'web', 'node-1');
    const status = { phase: 'Running', qosClass: 'BestEffort' };
    copied.updateStatus({ ...copied.get(PODS, 'default', 'web'), status });
    uncopied.uncopied.updateStatus({ ...uncopied.get(PODS, 'default', 'web'), status });
    copied.patch(PODS, 'default', 'web', { metadata: { labels: { tier: 'front' } } });
    uncopied.uncopied.patch(PODS, 'default', 'web', { metadata: { labels: { tier: 'front' } } });
    assert.deepEqual(uncopied.list(PODS), copied.list(PODS));
    assert.equal(uncopied.resourceVersion(), copied.resourceVersion());
    // An unchanged status is not written again.
    uncopied.uncopied.updateStatus({ ...uncopied.get(PODS, 'default', 'web'), status });
    assert.equal(uncopied.resourceVersion(), copied.resourceVersion());
  });

  it('keeps every earlier version of an object as it was, sharing what did not change', () => {
    const store = newStore();
    store.create(pod('web', 'web'));
    const before = store.registry.get(PODS, 'default', 'web')!;
    const text = JSON.stringify(before);
    store.updateStatus({ ...store.get(PODS, 'default', 'web'), status: { phase: 'Running' } });
    const after = store.registry.get(PODS, 'default', 'web')!;
    assert.equal(JSON.stringify(before), text);
    assert.notEqual(after, before);
    assert.equal(after.spec, before.spec, 'a status write keeps the spec as it is');
    store.bindPod('default', 'web', 'node-1');
    assert.equal(JSON.stringify(before), text);
    assert.equal((store.registry.get(PODS, 'default', 'web')!.spec as { nodeName: string }).nodeName, 'node-1');
    assert.equal((after.spec as { nodeName?: string }).nodeName, undefined);
  });

  it('lets a watch ask for some resources only', () => {
    const store = newStore();
    const seen: WatchEvent[] = [];
    store.watch((event) => seen.push(event), { resources: [PODS, CONFIGMAPS] });
    store.create(pod('web', 'web'));
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } });
    store.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token' } });
    assert.deepEqual(
      seen.map((event) => `${event.type} ${String(event.object.kind)}`),
      ['ADDED Pod', 'ADDED ConfigMap'],
    );
    // Each listener still gets its own copy.
    seen[0]!.object.metadata = {};
    assert.equal((store.get(PODS, 'default', 'web').metadata as { name: string }).name, 'web');
  });

  it('skips validation of trusted updates, as of trusted creates', () => {
    const store = newStore();
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
      reason: 'Started',
      message: 'Started container web',
      type: 'Normal',
      count: 1,
    };
    store.create(event, { trusted: true });
    const invalid = { ...store.get(EVENTS, 'default', 'web.1'), metadata: { name: 'web.1', namespace: 'default', labels: { 'not a key': 'x' } } };
    assert.throws(() => store.update(invalid), /Invalid value: "not a key"/);
    store.update({ ...store.get(EVENTS, 'default', 'web.1'), count: 2 }, { trusted: true });
    assert.equal(store.get(EVENTS, 'default', 'web.1').count, 2);
  });
});
