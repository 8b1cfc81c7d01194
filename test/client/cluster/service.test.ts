import * as assert from 'node:assert/strict';
import { loadCluster } from '../../../simulator/src/cluster';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ClusterService, countOutcomes } from '../../../client/src/cluster/service';
import { StateFormatError } from '../../../client/src/cluster/stateYaml';
import { bareCluster, bareService, deployment, service } from '../support/cluster';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const texts = (report: { results: { text: string }[] }) => report.results.map((result) => result.text);

describe('client/cluster/service: apply, delete, time and changes', () => {
  it('applies every object of a file and reports each in kubectl words', () => {
    const cluster = bareService();
    const report = cluster.applyText(`${deployment('web')}---\n${service('web')}`, 'web.yaml');
    assert.deepEqual(texts(report), ['deployment.apps/web created', 'service/web created']);
    assert.deepEqual(report.sources, ['web.yaml']);
    assert.ok(cluster.cluster.store.find(DEPLOYMENTS, 'default', 'web'));
  });

  it('says unchanged when nothing changed, configured when something did', () => {
    const cluster = bareService();
    cluster.applyText(deployment('web', 1), 'web.yaml');
    assert.deepEqual(texts(cluster.applyText(deployment('web', 1), 'web.yaml')), ['deployment.apps/web unchanged']);
    assert.deepEqual(texts(cluster.applyText(deployment('web', 3), 'web.yaml')), ['deployment.apps/web configured']);
  });

  it('does not stop at the first refused object, and gives Kubernetes\' text with the French explanation', () => {
    const cluster = bareService();
    const report = cluster.applyText(`${deployment('bad', -1)}---\n${deployment('web')}`, 'web.yaml');
    const [bad, web] = report.results;
    assert.equal(bad?.outcome, 'failed');
    assert.equal(bad?.reference, 'deployment.apps/bad');
    assert.equal(bad?.text, 'The Deployment "bad" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    assert.match(bad?.fr ?? '', /réplicas/);
    assert.equal(bad?.line, 1);
    assert.equal(web?.text, 'deployment.apps/web created');
    assert.equal(web?.line, 19);
    assert.deepEqual(countOutcomes(report), { created: 1, configured: 0, unchanged: 0, deleted: 0, failed: 1 });
  });

  it('reports documents that are not objects of a known kind, as kubectl does', () => {
    const cluster = bareService();
    const report = cluster.applyText('apiVersion: v1\nkind: Deploymnet\nmetadata:\n  name: x\n---\nfoo: bar\n---\n- 1\n---\nkind: [\n', 'x.yaml');
    const [unknown, noKind, notObject, broken] = report.results;
    assert.equal(unknown?.text, 'resource mapping not found for name: "x" namespace: "" from "x.yaml": no matches for kind "Deploymnet" in version "v1"\nensure CRDs are installed first');
    assert.match(noKind?.text ?? '', /^unable to decode "x\.yaml": Object 'Kind' is missing in/);
    assert.equal(notObject?.text, 'error validating "x.yaml": error validating data: invalid object to validate');
    assert.match(broken?.text ?? '', /^error parsing x\.yaml: error converting YAML to JSON: yaml: line \d+: /);
    assert.ok(report.results.every((result) => result.outcome === 'failed' && result.fr));
  });

  it('reports the API server\'s errors with the file they come from', () => {
    const cluster = bareService();
    const [result] = cluster.applyText(deployment('web').replace('name: web\n', 'name: web\n  namespace: dev\n'), 'web.yaml').results;
    assert.equal(result?.text, 'Error from server (NotFound): error when creating "web.yaml": namespaces "dev" not found');
  });

  it('flattens a List, skips empty documents and keeps the lines of a selection', () => {
    const cluster = bareService();
    const list = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: b}\n---\n---\n`;
    const report = cluster.applyText(list, 'list.yaml', 10);
    assert.deepEqual(texts(report), ['configmap/a created', 'configmap/b created']);
    assert.deepEqual(report.results.map((result) => result.line), [11, 11]);
  });

  it('applies several files (a folder) in order', () => {
    const cluster = bareService();
    const report = cluster.applyAll([
      { source: 'k8s/a.yaml', text: deployment('a') },
      { source: 'k8s/b.yaml', text: service('b') },
    ]);
    assert.deepEqual(report.sources, ['k8s/a.yaml', 'k8s/b.yaml']);
    assert.deepEqual(texts(report), ['deployment.apps/a created', 'service/b created']);
  });

  it('deletes what a file declares, and says which were not there', () => {
    const cluster = bareService();
    cluster.applyText(deployment('web'), 'web.yaml');
    const report = cluster.deleteText(`${deployment('web')}---\n${service('web')}`, 'web.yaml');
    assert.equal(report.operation, 'delete');
    assert.deepEqual(texts(report), ['deployment.apps "web" deleted', 'Error from server (NotFound): error when deleting "web.yaml": services "web" not found']);
    assert.equal(cluster.cluster.store.find(DEPLOYMENTS, 'default', 'web'), undefined);
  });

  it('deletes one object by reference (a tree item)', () => {
    const cluster = bareService();
    cluster.applyText(deployment('web'), 'web.yaml');
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' };
    assert.equal(cluster.deleteObject(ref).text, 'deployment.apps "web" deleted');
    assert.equal(cluster.deleteObject(ref).text, 'Error from server (NotFound): deployments.apps "web" not found');
  });

  it('notifies once per operation, however many objects it wrote', () => {
    const cluster = bareService();
    let changes = 0;
    cluster.onDidChange(() => changes++);
    cluster.applyText(`${deployment('a')}---\n${deployment('b')}---\n${service('a')}`, 'x.yaml');
    assert.equal(changes, 1);
    cluster.tick(60_000);
    assert.equal(changes, 1, 'time passing without any write is not a change');
  });

  it('coalesces writes made outside its methods (the terminal) into one notification', async () => {
    const cluster = new ClusterService({ create: bareCluster });
    const changes: boolean[] = [];
    cluster.onDidChange((change) => changes.push(change.replaced));
    const configMaps = kindInfo('v1', 'ConfigMap')!;
    for (const name of ['a', 'b', 'c']) cluster.cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' } });
    assert.deepEqual(changes, []);
    await Promise.resolve();
    assert.deepEqual(changes, [false]);
    assert.equal(cluster.cluster.store.list(configMaps).length, 3);
  });

  it('lets simulated time pass on tick', () => {
    const cluster = bareService();
    const before = cluster.cluster.clock.now();
    cluster.tick(1500);
    assert.equal(cluster.cluster.clock.now() - before, 1500);
  });

  it('resets to a new cluster and keeps notifying for it', () => {
    const cluster = bareService();
    cluster.applyText(deployment('web'), 'web.yaml');
    const changes: boolean[] = [];
    cluster.onDidChange((change) => changes.push(change.replaced));
    cluster.reset();
    assert.deepEqual(changes, [true]);
    assert.equal(cluster.cluster.store.find(DEPLOYMENTS, 'default', 'web'), undefined);
    cluster.applyText(deployment('web'), 'web.yaml');
    assert.deepEqual(changes, [true, false]);
  });

  it('exports its state as YAML and imports it back, losslessly', () => {
    const source = bareService();
    source.applyText(`${deployment('web', 2)}---\n${service('web')}`, 'web.yaml');
    source.tick(12_345);
    const yaml = source.exportYaml();
    assert.match(yaml, /^# Atelier Kubernetes/);
    assert.match(yaml, /format: atelier-kubernetes\/cluster-v1/);
    const target = new ClusterService({ create: bareCluster, load: (snapshot) => loadCluster(snapshot, { controllers: [] }), schedule: (callback) => callback() });
    target.importYaml(yaml);
    assert.deepEqual(target.save(), source.save());
  });

  it('refuses to import what is not an export, and keeps the cluster as it was', () => {
    const cluster = bareService();
    cluster.applyText(deployment('web'), 'web.yaml');
    assert.throws(() => cluster.importYaml(deployment('other')), (error: unknown) => error instanceof StateFormatError && /export de cluster/.test(error.fr));
    assert.ok(cluster.cluster.store.find(DEPLOYMENTS, 'default', 'web'));
  });

  it('works the same with whatever controllers the simulator runs', () => {
    const cluster = new ClusterService({ schedule: (callback) => callback() });
    const report = cluster.applyText(deployment('web', 2), 'web.yaml');
    assert.deepEqual(texts(report), ['deployment.apps/web created']);
    cluster.tick(60_000);
    assert.ok(cluster.cluster.store.find(DEPLOYMENTS, 'default', 'web'));
    cluster.dispose();
  });
});

