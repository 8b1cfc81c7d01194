import * as assert from 'node:assert/strict';
import type { KubeObject } from '../../../simulator/src/store/store';
import { Harness, container, reason } from './harness';

/** A Pod mounting `volume` at /etc/app, bound to node-1. */
function mountingPod(h: Harness, name: string, volume: Record<string, unknown>): KubeObject {
  h.store.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27', volumeMounts: [{ name: 'config', mountPath: '/etc/app' }] }], volumes: [{ name: 'config', ...volume }] },
  });
  h.store.bindPod('default', name, 'node-1');
  return h.get(name);
}

describe('kubelet: configMap and secret volumes (volume manager)', () => {
  it('keeps the Pod ContainerCreating with FailedMount warnings while the ConfigMap is missing, then starts it', () => {
    const h = new Harness();
    mountingPod(h, 'web', { configMap: { name: 'app' } });
    h.advance(60_000);
    const pod = h.get('web');
    assert.equal((pod.status as { phase: string }).phase, 'Pending');
    assert.equal((pod.status as { podIP?: string }).podIP, undefined);
    assert.deepEqual(container(pod).state.waiting, { reason: 'ContainerCreating' });
    const [failed, ...others] = h.events('web');
    // Retried with a doubling back-off: 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s within the first minute.
    assert.equal(failed, 'FailedMount: MountVolume.SetUp failed for volume "config" : configmap "app" not found (x7)');
    assert.deepEqual(others, []);
    h.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'default' }, data: { 'app.conf': 'mode=prod' } });
    h.until(() => reason(h.get('web')) === 'Running', 180_000);
  });

  it('names the missing Secret, and a key its items ask for that the ConfigMap lacks', () => {
    const h = new Harness();
    h.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'default' }, data: { a: '1' } });
    mountingPod(h, 'secret', { secret: { secretName: 'db' } });
    mountingPod(h, 'items', { configMap: { name: 'app', items: [{ key: 'b', path: 'b.conf' }] } });
    h.advance(1_000);
    assert.ok(h.events('secret')[0]!.startsWith('FailedMount: MountVolume.SetUp failed for volume "config" : secret "db" not found'));
    assert.ok(h.events('items')[0]!.startsWith('FailedMount: MountVolume.SetUp failed for volume "config" : configmap references non-existent config key: b'));
  });

  it('mounts an optional volume empty: the Pod runs', () => {
    const h = new Harness();
    mountingPod(h, 'optional', { configMap: { name: 'nope', optional: true } });
    h.until(() => reason(h.get('optional')) === 'Running', 120_000);
    assert.ok(!h.events('optional').some((event) => event.startsWith('FailedMount')));
  });
});
