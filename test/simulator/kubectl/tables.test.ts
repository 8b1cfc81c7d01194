import * as assert from 'node:assert/strict';
import { formatTable, printTable, tableFor } from '../../../simulator/src/kubectl/get/printers';
import { NOW, expectGolden, loadObjects, ofKind, resource, type Json } from './golden';

/** `kubectl get <word> [-n ns | -A] [-o wide] [--show-labels]` over the fixture objects. */
function get(objects: readonly Json[], word: string, flags: { namespace?: string; all?: boolean; wide?: boolean; labels?: boolean } = {}): string {
  const info = resource(word);
  const namespace = flags.all || !info.namespaced ? undefined : (flags.namespace ?? 'default');
  const shown = ofKind(objects, info, namespace);
  const { stdout, stderr } = printTable(info, shown, { now: NOW, wide: flags.wide, showLabels: flags.labels, allNamespaces: flags.all, namespace: flags.namespace });
  const command = [
    `kubectl get ${word}`,
    flags.namespace ? ` -n ${flags.namespace}` : '',
    flags.all ? ' -A' : '',
    flags.wide ? ' -o wide' : '',
    flags.labels ? ' --show-labels' : '',
  ].join('');
  return `$ ${command}\n${stdout}${stderr}\n`;
}

describe('kubectl get tables', () => {
  const kinds = loadObjects('kinds');

  it('prints every course kind with the v1.30 columns', () => {
    const text = [
      get(kinds, 'deployments', { all: true }),
      get(kinds, 'deploy', { wide: true }),
      get(kinds, 'rs', { wide: true }),
      get(kinds, 'statefulsets', { wide: true }),
      get(kinds, 'ds', { namespace: 'kube-system', wide: true }),
      get(kinds, 'jobs', { wide: true }),
      get(kinds, 'cronjobs', { wide: true }),
      get(kinds, 'svc', { all: true, wide: true }),
      get(kinds, 'endpoints'),
      get(kinds, 'ingress', { all: true }),
      get(kinds, 'ingressclasses'),
      get(kinds, 'netpol', { namespace: 'shop' }),
      get(kinds, 'nodes'),
      get(kinds, 'nodes', { wide: true, labels: true }),
      get(kinds, 'ns'),
      get(kinds, 'cm'),
      get(kinds, 'secrets', { all: true }),
      get(kinds, 'sa'),
      get(kinds, 'roles'),
      get(kinds, 'clusterroles'),
      get(kinds, 'rolebindings', { wide: true }),
      get(kinds, 'clusterrolebindings', { wide: true }),
      get(kinds, 'hpa', { all: true }),
      get(kinds, 'pdb'),
      get(kinds, 'pv', { wide: true }),
      get(kinds, 'pvc'),
      get(kinds, 'sc'),
      get(kinds, 'limits', { namespace: 'shop' }),
      get(kinds, 'quota', { namespace: 'shop' }),
    ].join('');
    expectGolden('kinds.get.expected.txt', text);
  });

  it('prints the pods table, wide, with labels and across namespaces', () => {
    const pods = loadObjects('pod-states');
    const text = [get(pods, 'pods'), get(pods, 'po', { wide: true }), get(pods.slice(0, 3), 'pods', { all: true, labels: true })].join('');
    expectGolden('pod-states.get.expected.txt', text);
  });

  it('says "No resources found" on stderr for an empty list', () => {
    const pods = resource('pods');
    assert.deepEqual(printTable(pods, [], { now: NOW }), { stdout: '', stderr: 'No resources found in default namespace.\n' });
    assert.equal(printTable(pods, [], { now: NOW, namespace: 'shop' }).stderr, 'No resources found in shop namespace.\n');
    assert.equal(printTable(pods, [], { now: NOW, allNamespaces: true }).stderr, 'No resources found\n');
    assert.equal(printTable(resource('nodes'), [], { now: NOW }).stderr, 'No resources found\n');
  });

  it('omits the header with --no-headers and pads columns three spaces apart', () => {
    const text = formatTable(resource('ns'), ofKind(loadObjects('kinds'), resource('ns')), { now: NOW, noHeaders: true });
    assert.equal(text, 'default   Active        31d\nshop      Active        3d1h\nold       Terminating   3d1h\n');
  });

  it('gives NAMESPACE only to namespaced kinds with -A', () => {
    const nodes = formatTable(resource('nodes'), ofKind(loadObjects('kinds'), resource('nodes')), { now: NOW, allNamespaces: true });
    assert.match(nodes, /^NAME /);
  });

  it('cuts a cell at its first line break and escapes terminal control characters', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x\u001b[31m', creationTimestamp: '2024-01-01T00:00:00Z' } };
    assert.equal(formatTable(resource('cm'), [cm], { now: NOW, noHeaders: true }), 'x^[[31m   0     60m\n');
    const event = { kind: 'Event', metadata: { name: 'e' }, message: 'first line\nsecond', involvedObject: { kind: 'Pod', name: 'p' }, type: 'Normal', reason: 'R', lastTimestamp: '2024-01-01T00:59:00Z' };
    assert.match(formatTable(resource('events'), [event], { now: NOW, noHeaders: true }), /first line\.\.\.\n$/);
  });

  it('falls back to NAME and CREATED AT for kinds without a printer', () => {
    assert.deepEqual(tableFor(resource('roles')).columns.map((c) => c.name), ['Name', 'Created At']);
    assert.deepEqual(tableFor(resource('limitranges')).columns.map((c) => c.name), ['Name', 'Created At']);
  });
});
