import * as assert from 'node:assert/strict';
import { explain, wrapText } from '../../../simulator/src/kubectl/explain';
import { expectGolden } from './golden';

describe('kubectl explain (in French, kubectl layout)', () => {
  it('explains a field: GROUP, KIND, VERSION, FIELD with its type, DESCRIPTION', () => {
    const { stdout, stderr } = explain('deployment.spec.replicas');
    assert.equal(stderr, '');
    assert.match(stdout, /^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n {4}\S/);
    assert.ok(stdout.includes('Nombre de Pods'), 'the French text');
    expectGolden('explain-deployment-spec.expected.txt', explain('deploy.spec').stdout);
  });

  it('explains a resource with its FIELDS list (type, -required-), no GROUP for the core group', () => {
    const { stdout } = explain('pods');
    assert.match(stdout, /^KIND: {7}Pod\nVERSION: {4}v1\n\nDESCRIPTION:\n/);
    assert.match(stdout, /\nFIELDS:\n {2}apiVersion\t<string>\n/);
    assert.match(stdout, /\n {2}metadata\t<ObjectMeta>\n/);
    assert.match(explain('deployment.spec').stdout, /\n {2}selector\t<LabelSelector> -required-\n/);
  });

  it('names types like kubectl: lists, maps, Quantity, IntOrString', () => {
    assert.match(explain('pod.spec.containers').stdout, /FIELD: containers <\[\]Container>/);
    assert.match(explain('pod.metadata.labels').stdout, /FIELD: labels <map\[string\]string>/);
    assert.match(explain('pod.spec.containers.resources.limits').stdout, /FIELD: limits <map\[string\]Quantity>/);
    assert.match(explain('deployment.spec.strategy.rollingUpdate.maxSurge').stdout, /FIELD: maxSurge <IntOrString>/);
  });

  it('lists the whole subtree with --recursive', () => {
    const { stdout } = explain('deployment.spec.strategy', { recursive: true });
    assert.ok(stdout.endsWith('FIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n    maxSurge\t<IntOrString>\n    maxUnavailable\t<IntOrString>\n  type\t<string>\n\n'));
  });

  it('reports unknown resources and fields like kubectl', () => {
    assert.deepEqual(explain('foo'), { stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n' });
    assert.deepEqual(explain('deployment.spec.replicaz'), { stdout: '', stderr: 'error: field "replicaz" does not exist\n' });
  });

  it('wraps like sprig wrap: at the last space within the width, counting bytes', () => {
    assert.equal(wrapText('aaa bbb ccc', 7), 'aaa bbb\nccc');
    assert.equal(wrapText('averyveryverylongword and more', 10), 'averyveryverylongword\nand more');
    assert.equal(wrapText('éé éé', 5), 'éé\néé');
  });
});
