import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { buildEventList } from '../../../client/src/cluster/events';
import { buildInventory } from '../../../client/src/cluster/inventory';
import { noticeOf, outputLines } from '../../../client/src/cluster/report';
import type { Report } from '../../../client/src/cluster/service';
import { summarize } from '../../../client/src/cluster/summary';
import { addPod, bareCluster, bareService, crashLoopStatus, deployment, ownedPod, runningStatus, service } from '../support/cluster';
import { l10n } from '../support/l10n';

function event(name: string, type: 'Normal' | 'Warning', reason: string, time: string, count = 1) {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default' },
    reason,
    message: `${reason} happened`,
    type,
    count,
    firstTimestamp: time,
    lastTimestamp: time,
    source: { component: 'kubelet', host: 'worker-1' },
  };
}

describe('client/cluster/events: the "Événements" view', () => {
  it('lists warnings first, then the most recent first', () => {
    const cluster = bareCluster();
    cluster.store.create(event('a', 'Normal', 'Scheduled', '2024-01-01T00:00:01Z'));
    cluster.store.create(event('b', 'Warning', 'BackOff', '2024-01-01T00:00:02Z', 4));
    cluster.store.create(event('c', 'Normal', 'Pulled', '2024-01-01T00:00:03Z'));
    const items = buildEventList(cluster.store, l10n);
    assert.deepEqual(items.map((item) => item.label), ['BackOff · pod/web-1', 'Pulled · pod/web-1', 'Scheduled · pod/web-1']);
    assert.equal(items[0]?.warning, true);
    assert.equal(items[0]?.description, '(×4) BackOff happened');
    assert.match(items[0]?.tooltip ?? '', /Source : kubelet, worker-1/);
    assert.equal(items[0]?.id, 'default/b');
  });

  it('keeps only the most recent ones', () => {
    const cluster = bareCluster();
    for (let i = 0; i < 5; i++) cluster.store.create(event(`e${i}`, 'Normal', 'Pulled', `2024-01-01T00:00:0${i}Z`));
    assert.deepEqual(buildEventList(cluster.store, l10n, 2).map((item) => item.id), ['default/e4', 'default/e3']);
  });
});

describe('client/cluster/summary: the status bar', () => {
  it('counts the nodes and the ready Pods', () => {
    const cluster = bareCluster();
    addPod(cluster, ownedPod('a', undefined, 'worker-1', runningStatus(true)));
    addPod(cluster, ownedPod('b', undefined, 'worker-1', crashLoopStatus(2)));
    addPod(cluster, ownedPod('c', undefined, undefined));
    assert.deepEqual(summarize(cluster.store, cluster.clock.now(), l10n), { nodes: 3, readyNodes: 3, pods: 3, readyPods: 1, failingPods: 1 });
  });
});

describe('client/cluster/inventory: what the language server learns', () => {
  it('lists the objects by kind, namespace and name, with the image catalogue', () => {
    const cluster = bareService();
    cluster.applyText(`${deployment('web')}---\n${service('web')}`, 'web.yaml');
    cluster.cluster.store.create(event('e', 'Normal', 'Pulled', '2024-01-01T00:00:00Z'));
    const inventory = buildInventory(cluster.cluster.store, ['nginx', 'redis']);
    const web = inventory.resources.find((resource) => resource.kind === 'Deployment');
    assert.deepEqual({ ...web, object: undefined }, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default', object: undefined });
    assert.ok(inventory.resources.some((resource) => resource.kind === 'Service' && resource.name === 'web'));
    assert.ok(inventory.resources.some((resource) => resource.kind === 'Node' && resource.name === 'worker-1' && resource.namespace === undefined));
    assert.ok(!inventory.resources.some((resource) => resource.kind === 'Event'), 'events say nothing a manifest can refer to');
    assert.deepEqual((web?.object.metadata as { annotations?: object }).annotations, {}, 'the last-applied copy is left out');
    assert.equal(web?.object.status, undefined, 'status moves all the time: left out');
    assert.deepEqual(inventory.images, ['nginx', 'redis']);
    const hpa = kindInfo('autoscaling/v2', 'HorizontalPodAutoscaler')!;
    assert.equal(inventory.resources.filter((resource) => resource.kind === hpa.kind).length, 0);
  });
});

describe('client/cluster/report: how results are told', () => {
  const report = (results: Partial<Report['results'][number]>[], operation: Report['operation'] = 'apply'): Report => ({
    operation,
    sources: ['web.yaml'],
    results: results.map((result) => ({ source: 'web.yaml', line: 1, reference: '', outcome: 'created', text: '', ...result })),
  });

  it('writes the command, then each object in kubectl words, then the French explanation of each error', () => {
    const lines = outputLines(
      report([
        { text: 'deployment.apps/web created' },
        { outcome: 'failed', line: 12, text: 'Error from server (NotFound): error when creating "web.yaml": namespaces "dev" not found', fr: "Le namespace n'existe pas." },
      ]),
      l10n,
    );
    assert.deepEqual(lines, [
      { level: 'info', text: 'kubectl apply -f web.yaml' },
      { level: 'info', text: 'deployment.apps/web created' },
      { level: 'error', text: 'Error from server (NotFound): error when creating "web.yaml": namespaces "dev" not found' },
      { level: 'error', text: "💡 Le namespace n'existe pas. (web.yaml, ligne 12)" },
    ]);
  });

  it('notifies success in kubectl words', () => {
    const notice = noticeOf(report([{ text: 'deployment.apps/web created' }, { text: 'service/web unchanged', outcome: 'unchanged' }]), l10n);
    assert.deepEqual(notice, { severity: 'info', message: 'web.yaml : deployment.apps/web created, service/web unchanged' });
  });

  it('counts when there are many objects', () => {
    const many = report(Array.from({ length: 5 }, (_, i) => ({ text: `configmap/c${i} created` })));
    assert.equal(noticeOf(many, l10n).message, 'web.yaml : 5 objets appliqués (5 créés, 0 modifiés, 0 inchangés).');
  });

  it('says exactly which objects went in when a file was partly applied', () => {
    const notice = noticeOf(
      report([
        { text: 'deployment.apps/web created' },
        { outcome: 'failed', reference: 'service/web', text: 'The Service "web" is invalid: spec.ports: Required value', fr: 'Il faut au moins un port.' },
        { outcome: 'failed', line: 30, text: 'error parsing web.yaml', fr: 'YAML mal formé.' },
      ]),
      l10n,
    );
    assert.equal(notice.severity, 'error');
    assert.equal(
      notice.message,
      'web.yaml : appliqué en partie. Entrés : deployment.apps/web created. Refusés : service/web, ligne 30. The Service "web" is invalid: spec.ports: Required value — Il faut au moins un port. (et 1 autres erreurs : voir la sortie)',
    );
  });

  it('says when nothing went in, with the error and its explanation', () => {
    const notice = noticeOf(report([{ outcome: 'failed', text: 'error: resource name may not be empty', fr: 'Il manque metadata.name.' }]), l10n);
    assert.deepEqual(notice, { severity: 'error', message: "web.yaml : rien n'a été appliqué. error: resource name may not be empty — Il manque metadata.name." });
  });

  it('warns about a file that declares nothing', () => {
    assert.deepEqual(noticeOf(report([]), l10n), { severity: 'warning', message: 'web.yaml ne déclare aucun objet Kubernetes : rien à faire.' });
  });
});
