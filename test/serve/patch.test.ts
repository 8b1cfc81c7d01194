/**
 * The patch types the facade applies itself: strategic merge patch (with kubectl's
 * directives) and JSON Patch.
 */
import { strict as assert } from 'node:assert';
import { strategicMergePatch } from '../../simulator/serve/patch/strategic';
import { applyJsonPatch } from '../../simulator/serve/patch/jsonpatch';
import { ApiFailure } from '../../simulator/serve/status';

const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web', tier: 'front' }, finalizers: ['a'] },
  spec: {
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: {
      spec: {
        containers: [
          { name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }] },
          { name: 'sidecar', image: 'busybox:1.36' },
        ],
      },
    },
  },
});

type Containers = { name: string; image: string; ports?: unknown[] }[];
const containersOf = (object: Record<string, unknown>): Containers => (object.spec as { template: { spec: { containers: Containers } } }).template.spec.containers;

describe('serve: strategic merge patch', () => {
  it('merges containers by name and deletes a map key with null', () => {
    const result = strategicMergePatch(deployment(), { metadata: { labels: { tier: null } }, spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } } }, 'apps.v1.Deployment');
    assert.deepEqual((result.metadata as { labels: unknown }).labels, { app: 'web' });
    assert.deepEqual(containersOf(result).map((c) => `${c.name}=${c.image}`), ['web=nginx:1.26', 'sidecar=busybox:1.36']);
    assert.deepEqual(containersOf(result)[0]!.ports, [{ containerPort: 80, protocol: 'TCP' }]);
  });

  it('honours $patch: delete in a list, $setElementOrder and $deleteFromPrimitiveList', () => {
    const result = strategicMergePatch(
      deployment(),
      {
        metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] },
        spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'web' }], containers: [{ name: 'extra', $patch: 'delete' }] } } },
      },
      'apps.v1.Deployment',
    );
    assert.deepEqual((result.metadata as { finalizers: string[] }).finalizers, []);
    assert.deepEqual(containersOf(result).map((c) => c.name), ['sidecar', 'web']);
    const deleted = strategicMergePatch(deployment(), { spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } }, 'apps.v1.Deployment');
    assert.deepEqual(containersOf(deleted).map((c) => c.name), ['web']);
  });

  it('keeps only the retained keys of a retainKeys field (a switch to Recreate)', () => {
    const result = strategicMergePatch(deployment(), { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null } } }, 'apps.v1.Deployment');
    assert.deepEqual((result.spec as { strategy: unknown }).strategy, { type: 'Recreate' });
  });

  it('replaces a map under $patch: replace', () => {
    const result = strategicMergePatch(deployment(), { metadata: { labels: { $patch: 'replace', only: 'this' } } }, 'apps.v1.Deployment');
    assert.deepEqual((result.metadata as { labels: unknown }).labels, { only: 'this' });
  });
});

describe('serve: JSON patch', () => {
  it('adds, replaces, moves, copies and removes', () => {
    const result = applyJsonPatch({ spec: { replicas: 1, list: ['a'] } }, [
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/spec/list/-', value: 'b' },
      { op: 'add', path: '/spec/list/0', value: 'z' },
      { op: 'copy', from: '/spec/replicas', path: '/spec/copied' },
      { op: 'move', from: '/spec/copied', path: '/spec/moved' },
      { op: 'remove', path: '/spec/list/1' },
      { op: 'test', path: '/spec/moved', value: 3 },
    ]);
    assert.deepEqual(result, { spec: { replicas: 3, list: ['z', 'b'], moved: 3 } });
  });

  it('fails as the API server does on a missing path or a failed test', () => {
    assert.throws(() => applyJsonPatch({ spec: {} }, [{ op: 'replace', path: '/spec/replicas', value: 1 }]), (error: unknown) => error instanceof ApiFailure && /missing/.test(error.message));
    assert.throws(() => applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }]), /test failed/);
    assert.throws(() => applyJsonPatch({}, { op: 'add' }), (error: unknown) => error instanceof ApiFailure && error.code === 400);
  });
});
