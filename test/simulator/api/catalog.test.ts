import * as assert from 'node:assert/strict';
import { KINDS, apiVersionsOf, findResource, hasSchema, kindInfo } from '../../../simulator/src/api/catalog';
import { definition } from '../../../simulator/src/api/schemas';

describe('simulator/api catalogue', () => {
  it('has a schema for every served resource, with the same apiVersion and kind', () => {
    for (const info of KINDS) {
      assert.ok(hasSchema(info), info.definition);
      const gvk = definition(info.definition)!['x-kubernetes-group-version-kind']![0]!;
      assert.deepEqual([gvk.group, gvk.version, gvk.kind], [info.group, info.version, info.kind]);
    }
  });

  it('knows the short names of kubectl api-resources', () => {
    const expected: Record<string, string> = {
      po: 'pods', deploy: 'deployments', rs: 'replicasets', svc: 'services', ep: 'endpoints', ing: 'ingresses',
      cm: 'configmaps', ns: 'namespaces', no: 'nodes', ev: 'events', sts: 'statefulsets', ds: 'daemonsets',
      cj: 'cronjobs', pv: 'persistentvolumes', pvc: 'persistentvolumeclaims', sc: 'storageclasses',
      sa: 'serviceaccounts', hpa: 'horizontalpodautoscalers', netpol: 'networkpolicies', limits: 'limitranges',
      quota: 'resourcequotas', pdb: 'poddisruptionbudgets',
    };
    for (const [short, resource] of Object.entries(expected)) assert.equal(findResource(short)?.resource, resource, short);
  });

  it('resolves plural, singular, kind and group-qualified names like kubectl', () => {
    assert.equal(findResource('deployments')?.apiVersion, 'apps/v1');
    assert.equal(findResource('Deployment')?.resource, 'deployments');
    assert.equal(findResource('deployments.apps')?.kind, 'Deployment');
    assert.equal(findResource('deploy.v1.apps')?.kind, 'Deployment');
    assert.equal(findResource('deployments.batch'), undefined);
    assert.equal(findResource('hpa')?.apiVersion, 'autoscaling/v2');
    assert.equal(findResource('events')?.apiVersion, 'v1');
    assert.equal(findResource('deploymnt'), undefined);
  });

  it('knows which resources are namespaced', () => {
    const scope = (resource: string) => findResource(resource)?.namespaced;
    for (const resource of ['pods', 'deployments', 'services', 'roles', 'rolebindings', 'persistentvolumeclaims']) assert.equal(scope(resource), true, resource);
    for (const resource of ['nodes', 'namespaces', 'persistentvolumes', 'storageclasses', 'clusterroles', 'clusterrolebindings', 'ingressclasses']) assert.equal(scope(resource), false, resource);
  });

  it('lists served versions, preferred first', () => {
    assert.deepEqual(apiVersionsOf('HorizontalPodAutoscaler'), ['autoscaling/v2', 'autoscaling/v1']);
    assert.deepEqual(apiVersionsOf('Deployment'), ['apps/v1']);
    assert.equal(kindInfo('extensions/v1beta1', 'Deployment'), undefined);
    assert.equal(kindInfo('v1', 'Pod')?.definition, 'core.v1.Pod');
  });
});
