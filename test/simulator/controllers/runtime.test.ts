/**
 * The controller runtime's read contract (controllers/types.ts): controllers get the
 * stored objects themselves, never copies, and must not change them. The unit tests run
 * with strict reads (test/support/strict.ts), under which a change throws.
 */
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ManualClock } from '../../../simulator/src/clock';
import { checkControllerReads, ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { self, splitKey, type Controller } from '../../../simulator/src/controllers/types';
import { createRandom } from '../../../simulator/src/random';
import { ReadOnlyViolation } from '../../../simulator/src/store/json';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';

const CONFIGMAPS = kindInfo('v1', 'ConfigMap')!;

function configMap(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { color: 'blue' } };
}

/** A controller that hands each ConfigMap it reads to `use`, and writes nothing. */
function reading(use: (object: KubeObject) => void): Controller {
  return {
    name: 'reading-controller',
    triggers: [self(CONFIGMAPS)],
    reconcile(key, reader) {
      const { namespace, name } = splitKey(key);
      const object = reader.get(CONFIGMAPS, namespace, name);
      if (object) use(object);
      for (const listed of reader.list(CONFIGMAPS)) use(listed);
      return { actions: [] };
    },
  };
}

function setUp(controller: Controller): { store: ObjectStore; runtime: ControllerRuntime } {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock, random: createRandom(3) });
  return { store, runtime: new ControllerRuntime(store, clock, [controller]) };
}

describe('simulator/controllers: the runtime hands out what is stored', () => {
  // Strict reads, as test/support/strict.ts sets them for every suite.
  beforeEach(() => checkControllerReads(true));
  afterEach(() => checkControllerReads(true));

  it('stops a controller that changes what it read, naming the field, and the store keeps its object', () => {
    const { store, runtime } = setUp(
      reading((object) => {
        (object.data as Record<string, string>).color = 'red';
      }),
    );
    store.create(configMap('settings'));
    assert.throws(() => runtime.runUntilSettled(), (error: unknown) => error instanceof ReadOnlyViolation && /changed at data\.color/.test(error.message));
    assert.deepEqual(store.find(CONFIGMAPS, 'default', 'settings')!.data, { color: 'blue' });
  });

  it('refuses new members and array changes as well', () => {
    const { store, runtime } = setUp(
      reading((object) => {
        (object.metadata as Record<string, unknown>).labels = { touched: 'yes' };
      }),
    );
    store.create(configMap('settings'));
    assert.throws(() => runtime.runUntilSettled(), /changed at metadata\.labels/);
    const lists = setUp(reading((object) => void (object.metadata as { finalizers?: string[] }).finalizers?.push('x')));
    lists.store.create({ ...configMap('held'), metadata: { name: 'held', namespace: 'default', finalizers: ['a'] } });
    assert.throws(() => lists.runtime.runUntilSettled(), /changed at metadata\.finalizers\.1/);
  });

  it('without strict reads, hands out the stored object itself, not a copy', () => {
    checkControllerReads(false);
    const seen: KubeObject[] = [];
    const { store, runtime } = setUp(reading((object) => seen.push(object)));
    store.create(configMap('settings'));
    runtime.runUntilSettled();
    assert.equal(seen.length, 2);
    assert.equal(seen[0], store.peek(CONFIGMAPS, 'default', 'settings'));
    assert.equal(seen[1], seen[0]);
  });

  it('gives a shared watcher the stored object, and the others a copy each', () => {
    const store = new ObjectStore({ clock: new ManualClock(), random: createRandom(3) });
    const shared: KubeObject[] = [];
    const copied: KubeObject[] = [];
    store.watch((event) => shared.push(event.object), { shared: true });
    store.watch((event) => copied.push(event.object));
    store.create(configMap('settings'));
    const stored = store.peek(CONFIGMAPS, 'default', 'settings');
    assert.equal(shared[0], stored);
    assert.notEqual(copied[0], stored);
    assert.deepEqual(copied[0], stored);
  });
});
