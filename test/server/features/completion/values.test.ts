import * as assert from 'node:assert/strict';
import { CompletionItemKind } from 'vscode-languageserver';
import { valueDoc } from '../../../../simulator/src/api/docs/index';
import { accept, complete, docOf, item, labels } from './helpers';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';

describe('server/features/completion: values the API defines', () => {
  it('offers the enum values of a field, in the order kube-apiserver lists them', () => {
    assert.deepEqual(labels(complete(`${SERVICE}spec:\n  type: |\n`)), ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
  });

  it('documents each enum value in French', () => {
    const nodePort = item(complete(`${SERVICE}spec:\n  type: |\n`), 'NodePort');
    assert.equal(nodePort.kind, CompletionItemKind.EnumMember);
    assert.equal(docOf(nodePort), valueDoc('core.v1.ServiceSpec', 'type', 'NodePort'));
    assert.ok(nodePort.labelDetails?.description);
  });

  it('replaces the value typed so far', () => {
    assert.equal(accept(`${SERVICE}spec:\n  type: Node|\n`, 'NodePort'), `${SERVICE}spec:\n  type: NodePort\n`);
    assert.equal(accept(`${SERVICE}spec:\n  type: Clu|sterIP # commentaire\n`, 'NodePort'), `${SERVICE}spec:\n  type: NodePort # commentaire\n`);
  });

  it('adds the space when the cursor is right after the colon', () => {
    assert.equal(accept(`${SERVICE}spec:\n  type:|\n`, 'ClusterIP'), `${SERVICE}spec:\n  type: ClusterIP\n`);
  });

  it('keeps the quotes the value was started with', () => {
    assert.equal(accept(`${SERVICE}spec:\n  type: "No|"\n`, 'NodePort'), `${SERVICE}spec:\n  type: "NodePort"\n`);
  });

  it('offers documented values that the enum table does not list', () => {
    assert.ok(labels(complete(`apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: |\n`)).includes('kubernetes.io/tls'));
  });

  it('offers the values of a list of enums after `- `', () => {
    const source = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes:\n    - |\n';
    assert.deepEqual(labels(complete(source)), ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod']);
    assert.ok(labels(complete('apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nrules:\n  - verbs:\n      - |\n')).includes('get'));
  });

  it('offers true and false for a boolean', () => {
    assert.deepEqual(labels(complete(`${POD}spec:\n  hostNetwork: |\n`)), ['false', 'true'].sort());
  });

  it('offers the apiVersions serving the kind written, the preferred one first', () => {
    assert.deepEqual(labels(complete('apiVersion: |\nkind: HorizontalPodAutoscaler\n')), ['autoscaling/v2', 'autoscaling/v1']);
    assert.deepEqual(labels(complete('kind: Deployment\napiVersion: |\n')), ['apps/v1']);
  });

  it('offers every served apiVersion when no kind is written', () => {
    const found = labels(complete('apiVersion: |\n'));
    for (const apiVersion of ['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'rbac.authorization.k8s.io/v1']) assert.ok(found.includes(apiVersion), apiVersion);
    assert.equal(new Set(found).size, found.length);
  });

  it('offers the kinds served by the apiVersion written', () => {
    assert.deepEqual(labels(complete('apiVersion: apps/v1\nkind: |\n')), ['DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'ControllerRevision']);
  });

  it('offers every kind when no apiVersion is written, the course kinds first, and writes the apiVersion', () => {
    const found = labels(complete('kind: |\n'));
    assert.ok(found.indexOf('Deployment') < found.indexOf('Lease'));
    assert.ok(found.includes('Service') && found.includes('CustomResourceDefinition'));
    assert.equal(accept('kind: Dep|\n', 'Deployment'), 'apiVersion: apps/v1\nkind: Deployment\n');
  });

  it('documents a kind with its French description', () => {
    assert.match(docOf(item(complete('apiVersion: apps/v1\nkind: |\n'), 'Deployment')), /Un Deployment gère des Pods identiques/);
  });

  it('offers the API groups and resources of the catalogue in an RBAC rule', () => {
    const rule = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nrules:\n  - apiGroups:\n      - |\n';
    const groups = labels(complete(rule));
    assert.equal(groups[0], '""');
    assert.ok(groups.includes('apps') && groups.includes('networking.k8s.io'));
    assert.match(accept(rule, '""'), /- ""\n$/);
    const resources = labels(complete('apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nrules:\n  - resources:\n      - |\n'));
    assert.ok(resources.includes('pods') && resources.includes('deployments'));
    assert.ok(resources.indexOf('pods') < resources.indexOf('leases'));
  });

  it('offers the usual keys of resource maps', () => {
    const requests = `${POD}spec:\n  containers:\n    - name: web\n      resources:\n        requests:\n          |\n`;
    assert.deepEqual(labels(complete(requests)), ['cpu', 'memory', 'ephemeral-storage']);
    assert.deepEqual(labels(complete(`${requests.slice(0, -2)}cpu: 100m\n          |\n`)), ['memory', 'ephemeral-storage']);
    const claim = 'apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  resources:\n    requests:\n      |\n';
    assert.deepEqual(labels(complete(claim)), ['storage']);
  });
});
