/**
 * The controller runtime's queues (a FIFO of ready keys, a heap of delayed ones) keep the
 * order the runtime always had: ready keys first come first served, delayed keys by due
 * time then by when they were delayed, one pending check per key (the earliest wins), a
 * reconcile without requeueAfter dropping the pending one, errors backing off.
 */
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ManualClock } from '../../../simulator/src/clock';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { self, type Controller, type ReconcileResult } from '../../../simulator/src/controllers/types';
import { createRandom } from '../../../simulator/src/random';
import { ObjectStore } from '../../../simulator/src/store/store';

const CONFIGMAPS = kindInfo('v1', 'ConfigMap')!;

/** A controller that logs each reconcile with the simulated time and answers from a script. */
function scripted(answer: (key: string, call: number) => ReconcileResult | Error): { controller: Controller; log: string[] } {
  const log: string[] = [];
  const calls = new Map<string, number>();
  const controller: Controller = {
    name: 'scripted',
    triggers: [self(CONFIGMAPS)],
    reconcile(key, reader) {
      const call = (calls.get(key) ?? 0) + 1;
      calls.set(key, call);
      log.push(`${reader.now()} ${key}`);
      const result = answer(key, call);
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return { controller, log };
}

function setup(answer: (key: string, call: number) => ReconcileResult | Error): { runtime: ControllerRuntime; store: ObjectStore; log: string[] } {
  const clock = new ManualClock(0);
  const store = new ObjectStore({ clock, random: createRandom(1) });
  const { controller, log } = scripted(answer);
  const runtime = new ControllerRuntime(store, clock, [controller]);
  return { runtime, store, log };
}

const configMap = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: '1' } });

describe('bench/simulator runtime queues', () => {
  it('serves ready keys in arrival order, then delayed ones by due time and delay order', () => {
    const delays: Record<string, number> = { 'default/a': 300, 'default/b': 100, 'default/c': 100 };
    const { runtime, store, log } = setup((key, call) => (call === 1 ? { actions: [], requeueAfter: delays[key] } : { actions: [] }));
    for (const name of ['a', 'b', 'c']) store.create(configMap(name));
    assert.equal(runtime.pending, 3);
    const result = runtime.runUntilSettled();
    assert.deepEqual(log, ['0 default/a', '0 default/b', '0 default/c', '100 default/b', '100 default/c', '300 default/a']);
    assert.deepEqual(result, { steps: 6, elapsedMs: 300, settled: true });
    assert.equal(runtime.pending, 0);
  });

  it('keeps the earliest pending check of a key, and drops it when a reconcile asks for none', () => {
    // a: asks 500 then 200 (the 200 wins); b: asks 100, is changed at 50 and then asks nothing (dropped).
    const { runtime, store, log } = setup((key, call) => {
      if (key === 'default/a') return call === 1 ? { actions: [], requeueAfter: 500 } : call === 2 ? { actions: [], requeueAfter: 200 } : { actions: [] };
      return call === 1 ? { actions: [], requeueAfter: 100 } : { actions: [] };
    });
    store.create(configMap('a'));
    store.create(configMap('b'));
    runtime.advance(0);
    assert.equal(runtime.pending, 2);
    assert.equal(runtime.nextDue(), 100);
    store.update({ ...store.get(CONFIGMAPS, 'default', 'a'), data: { a: '2' } });
    store.update({ ...store.get(CONFIGMAPS, 'default', 'b'), data: { a: '2' } });
    runtime.advance(0);
    assert.equal(runtime.pending, 1);
    assert.equal(runtime.nextDue(), 200);
    runtime.runUntilSettled();
    assert.deepEqual(log, ['0 default/a', '0 default/b', '0 default/a', '0 default/b', '200 default/a']);
  });

  it('backs off a failing key 5 ms, then 10, 20 ...', () => {
    const { runtime, store, log } = setup((_key, call) => (call <= 3 ? new Error(`boom ${call}`) : { actions: [] }));
    store.create(configMap('a'));
    runtime.runUntilSettled();
    assert.deepEqual(log, ['0 default/a', '5 default/a', '15 default/a', '35 default/a']);
    assert.deepEqual(runtime.errors.map((error) => error.message), ['boom 1', 'boom 2', 'boom 3']);
  });
});
