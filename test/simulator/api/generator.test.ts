import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../../support/dist';
import { SCHEMA_BUNDLE, definition, goTypeName, reachableDefinitions, schemaAtPath } from '../../../simulator/src/api/schemas';

describe('simulator/api generated schemas', () => {
  it('regenerating from kubernetes-types gives the files in the tree, byte for byte', () => {
    const run = spawnSync(process.execPath, ['scripts/generate-api-schemas.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('the build regenerated exactly what is committed', function () {
    // `npm test` builds first, and the build runs the generator: the committed files must
    // not change. Outside a git checkout (an unpacked archive) there is nothing to compare.
    const git = spawnSync('git', ['status', '--porcelain', '--', 'simulator/src/api/generated'], { cwd: ROOT, encoding: 'utf8' });
    if (git.status !== 0) this.skip();
    assert.equal(git.stdout, '', 'the generated files differ from the committed ones');
  });

  it('comes from kubernetes-types 1.30 and covers every API group', () => {
    assert.equal(SCHEMA_BUNDLE['x-kubernetes-types-version'], '1.30.0');
    const modules = new Set(Object.keys(SCHEMA_BUNDLE.definitions).map((name) => name.split('.').slice(0, -1).join('.')));
    for (const module of ['core.v1', 'apps.v1', 'batch.v1', 'networking.v1', 'rbac.v1', 'storage.v1', 'autoscaling.v1', 'autoscaling.v2', 'policy.v1', 'meta.v1']) {
      assert.ok(modules.has(module), module);
    }
  });

  it('tags top-level kinds with their literal apiVersion and kind', () => {
    const deployment = definition('apps.v1.Deployment')!;
    assert.deepEqual(deployment['x-kubernetes-group-version-kind'], [{ group: 'apps', version: 'v1', kind: 'Deployment' }]);
    assert.equal(deployment.properties!.apiVersion!.const, 'apps/v1');
    assert.equal(deployment.properties!.kind!.const, 'Deployment');
    assert.deepEqual(definition('core.v1.Pod')!['x-kubernetes-group-version-kind'], [{ group: '', version: 'v1', kind: 'Pod' }]);
    assert.equal(definition('core.v1.PodSpec')!['x-kubernetes-group-version-kind'], undefined);
  });

  it("spells Kubernetes' special types", () => {
    assert.deepEqual(schemaAtPath('core.v1.ServicePort', ['targetPort']).node?.type, ['integer', 'string']);
    assert.equal(schemaAtPath('core.v1.ServicePort', ['targetPort']).node?.['x-kubernetes-int-or-string'], true);
    assert.deepEqual(definition('api.resource.Quantity')?.type, ['string', 'number']);
    assert.equal(definition('meta.v1.Time')?.format, 'date-time');
    assert.deepEqual(definition('runtime.RawExtension')?.type, 'object');
    const labels = schemaAtPath('core.v1.Pod', ['metadata', 'labels']).node;
    assert.deepEqual(labels?.additionalProperties, { type: 'string' });
    const data = schemaAtPath('core.v1.ConfigMap', ['data']).node;
    assert.deepEqual(data?.additionalProperties, { type: 'string' });
  });

  it('keeps descriptions, required properties and read-only status', () => {
    const container = definition('core.v1.Container')!;
    assert.deepEqual(container.required, ['name']);
    assert.match(container.properties!.image!.description ?? '', /Container image name/);
    assert.equal(definition('apps.v1.DaemonSet')!.properties!.status!.readOnly, true);
    assert.equal(definition('apps.v1.Deployment')!.additionalProperties, false);
  });

  it('names Go types as the JSON decoder prints them', () => {
    assert.equal(goTypeName(schemaAtPath('apps.v1.Deployment', ['spec', 'replicas']).node), 'int32');
    assert.equal(goTypeName(definition('core.v1.PodSpec')!.properties!.containers), '[]v1.Container');
    assert.equal(goTypeName(definition('meta.v1.ObjectMeta')!.properties!.labels), 'map[string]string');
    assert.equal(goTypeName(definition('core.v1.ServicePort')!.properties!.targetPort), 'intstr.IntOrString');
  });

  it('reaches every definition a Pod needs, and only existing ones', () => {
    const reachable = reachableDefinitions(['core.v1.Pod']);
    assert.equal(reachable[0], 'core.v1.Pod');
    for (const name of ['core.v1.PodSpec', 'core.v1.Container', 'core.v1.Probe', 'meta.v1.ObjectMeta', 'api.resource.Quantity']) {
      assert.ok(reachable.includes(name), name);
    }
    assert.ok(!reachable.includes('apps.v1.Deployment'));
    assert.ok(reachable.every((name) => definition(name) !== undefined));
  });
});
