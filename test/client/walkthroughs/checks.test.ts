// The stand-in for `vscode` first: register.ts requires it when it loads.
import { Uri, vscode } from '../support/vscode';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { kindInfo } from '../../../simulator/src/api/catalog';
import type { Cluster } from '../../../simulator/src/cluster';
import type { KubeObject } from '../../../simulator/src/store/store';
import type { AtelierContext } from '../../../client/src/context';
import { checkProblems, evaluate, parseChecks, stepKey, StepChecks, valueAt, type Check } from '../../../client/src/walkthroughs/checks';
import { registerWalkthroughChecks } from '../../../client/src/walkthroughs/register';
import { ROOT } from '../../support/dist';
import { runDocker } from '../../../simulator/src/docker/commands';
import { contextFromFiles } from '../../../simulator/src/docker/context';
import { bareCluster, bareService, deployment, service } from '../support/cluster';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const PODS = kindInfo('v1', 'Pod')!;

/** Stores an object, then its status, as the controllers would. */
function put(cluster: Cluster, object: KubeObject, status?: KubeObject): void {
  const created = cluster.store.create(object);
  if (status) cluster.store.updateStatus({ ...created, status });
}

const pod = (name: string, labels: Record<string, string>, phase: string, namespace = 'default'): [KubeObject, KubeObject] => [
  { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } },
  { phase },
];

/** A cluster with a Deployment (3 ready of 3), Pods, a NodePort Service and a bound claim. */
function cluster(): Cluster {
  const c = bareCluster();
  c.apply({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } });
  const stored = c.store.get(DEPLOYMENTS, 'default', 'web');
  c.store.updateStatus({ ...stored, status: { replicas: 3, readyReplicas: 3 } });
  put(c, ...pod('web-1', { app: 'web' }, 'Running'));
  put(c, ...pod('web-2', { app: 'web' }, 'Running'));
  put(c, ...pod('web-3', { app: 'web' }, 'Pending'));
  put(c, ...pod('dns', { app: 'dns' }, 'Running', 'kube-system'));
  put(c, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] } });
  put(c, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }, { phase: 'Bound' });
  return c;
}

describe('walkthroughs: step checks on the cluster', () => {
  const c = cluster();
  const holds = (check: Check): boolean => evaluate(check, c.store);

  it('checks a Deployment by name and its ready replicas', () => {
    assert.equal(holds({ kind: 'Deployment', namespace: 'default', name: 'web', readyReplicas: 3 }), true);
    assert.equal(holds({ kind: 'Deployment', namespace: 'default', name: 'web', readyReplicas: 2 }), false);
    assert.equal(holds({ kind: 'deploy', name: 'api' }), false);
  });

  it('counts Pods by label selector and phase (at least `count`)', () => {
    assert.equal(holds({ kind: 'Pod', labelSelector: 'app=web', phase: 'Running', count: 2 }), true);
    assert.equal(holds({ kind: 'Pod', labelSelector: 'app=web', phase: 'Running', count: 3 }), false);
    assert.equal(holds({ kind: 'Pod', labelSelector: 'app=web', count: 3 }), true);
  });

  it("leaves the system namespaces out unless asked", () => {
    assert.equal(holds({ kind: 'Pod', labelSelector: 'app=dns' }), false);
    assert.equal(holds({ kind: 'Pod', namespace: 'kube-system', labelSelector: 'app=dns' }), true);
  });

  it('checks a Service type and a claim phase', () => {
    assert.equal(holds({ kind: 'Service', name: 'web', type: 'NodePort' }), true);
    assert.equal(holds({ kind: 'Service', name: 'web', type: 'LoadBalancer' }), false);
    assert.equal(holds({ kind: 'PersistentVolumeClaim', phase: 'Bound' }), true);
    assert.equal(holds({ kind: 'pvc', phase: 'Pending' }), false);
  });

  it('compares a field at a JSON path, or asks it to exist', () => {
    assert.equal(holds({ kind: 'Deployment', name: 'web', field: 'spec.replicas', equals: 3 }), true);
    assert.equal(holds({ kind: 'Deployment', name: 'web', field: 'spec.replicas', equals: 5 }), false);
    assert.equal(holds({ kind: 'Deployment', name: 'web', field: 'spec.template.spec.containers[0].image', equals: 'nginx:1.27' }), true);
    assert.equal(holds({ kind: 'Deployment', name: 'web', field: 'spec.selector', equals: { matchLabels: { app: 'web' } } }), true);
    // The API server allocated the node port.
    assert.equal(holds({ kind: 'Service', name: 'web', field: 'spec.ports[0].nodePort', exists: true }), true);
    assert.equal(holds({ kind: 'Service', name: 'web', field: 'spec.externalName', exists: true }), false);
    assert.equal(valueAt({ metadata: { labels: { 'app.kubernetes.io/name': 'x' } } }, "metadata.labels['app.kubernetes.io/name']"), 'x');
  });

  it('combines checks with anyOf, allOf and not', () => {
    assert.equal(holds({ anyOf: [{ kind: 'Deployment', name: 'api' }, { kind: 'Pod', name: 'web-1' }] }), true);
    assert.equal(holds({ allOf: [{ kind: 'Deployment', name: 'web' }, { kind: 'Service', name: 'api' }] }), false);
    assert.equal(holds({ not: { kind: 'Service', name: 'api' } }), true);
  });

  it('says what is wrong in a check', () => {
    assert.deepEqual(checkProblems({ kind: 'Deploymnt', replica: 3 }, 'w.s'), ['w.s: unknown key "replica"', 'w.s.kind: "Deploymnt" is not a resource type of the cluster']);
    assert.deepEqual(checkProblems({ kind: 'Pod', count: '2', field: 'x' }, 'w.s'), ['w.s.count: an integer', 'w.s: field needs equals or exists']);
    assert.deepEqual(checkProblems({ anyOf: [] }, 'w.s'), ['w.s: anyOf/allOf take a non-empty list, alone']);
  });

  it("reads walkthroughs/checks.json: the bienvenue step waits for a Deployment or a Pod, and package.json waits for its key", () => {
    const data = JSON.parse(readFileSync(path.join(ROOT, 'walkthroughs', 'checks.json'), 'utf8')) as unknown;
    const { steps, problems } = parseChecks(data);
    assert.deepEqual(problems, []);
    const welcome = steps.find((s) => s.key === 'atelierKubernetes.step.bienvenue.premier-manifeste');
    assert.ok(welcome);
    const empty = bareCluster();
    assert.equal(evaluate(welcome.check, empty.store), false);
    empty.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    assert.equal(evaluate(welcome.check, empty.store), true);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { walkthroughs: { id: string; steps: { id: string; completionEvents: string[] }[] }[] } };
    for (const walkthrough of manifest.contributes.walkthroughs) {
      for (const step of walkthrough.steps) {
        const waited = step.completionEvents.filter((event) => event.startsWith('onContext:atelierKubernetes.step.'));
        for (const event of waited) assert.ok(steps.some((s) => `onContext:${s.key}` === event), `${walkthrough.id}/${step.id} waits for ${event}, which no check sets`);
      }
    }
    assert.ok(manifest.contributes.walkthroughs.find((w) => w.id === 'bienvenue')?.steps[0]?.completionEvents.includes(`onContext:${stepKey('bienvenue', 'premier-manifeste')}`));
  });

  describe('the Docker forms, read from the cluster\'s Docker engine', () => {
    const context = (): { cluster: Cluster; docker: (line: string) => void } => {
      const built = bareCluster();
      const files = contextFromFiles({ Dockerfile: 'FROM nginx:1.27\nCOPY index.html /usr/share/nginx/html/\n', 'index.html': '<h1>Bonjour</h1>\n' });
      return { cluster: built, docker: (line) => void runDocker(built.docker, line.split(' '), { files }) };
    };

    it('holds dockerImage once the image was built (a pulled image does not count)', () => {
      const { cluster: built, docker } = context();
      assert.equal(evaluate({ dockerImage: 'monimage:1.0' }, built), false);
      docker('pull nginx:1.27');
      assert.equal(evaluate({ dockerImage: 'nginx:1.27' }, built), false);
      docker('build -t monimage:1.0 .');
      assert.equal(evaluate({ dockerImage: 'monimage:1.0' }, built), true);
      assert.equal(evaluate({ dockerImage: 'monimage' }, built), false);
      // A store alone has no Docker engine: the check does not hold.
      assert.equal(evaluate({ dockerImage: 'monimage:1.0' }, built.store), false);
    });

    it('holds dockerContainer for a container of that image, running or not as asked', () => {
      const { cluster: built, docker } = context();
      docker('build -t monimage:1.0 .');
      assert.equal(evaluate({ dockerContainer: 'monimage:1.0' }, built), false);
      docker('run -d --name web -p 8080:80 monimage:1.0');
      assert.equal(evaluate({ dockerContainer: 'monimage:1.0', running: true }, built), true);
      assert.equal(evaluate({ dockerContainer: 'monimage:1.0', running: false }, built), false);
      docker('stop web');
      assert.equal(evaluate({ dockerContainer: 'monimage:1.0', running: true }, built), false);
      assert.equal(evaluate({ dockerContainer: 'monimage:1.0', running: false }, built), true);
      assert.equal(evaluate({ dockerContainer: 'monimage:1.0' }, built), true);
      assert.equal(evaluate({ allOf: [{ dockerImage: 'monimage:1.0' }, { not: { dockerContainer: 'nginx:1.27' } }] }, built), true);
    });

    it('says what is wrong in a Docker check', () => {
      assert.deepEqual(checkProblems({ dockerImage: 'monimage:1.0' }, 'w.s'), []);
      assert.deepEqual(checkProblems({ dockerContainer: 'monimage:1.0', running: true }, 'w.s'), []);
      assert.deepEqual(checkProblems({ dockerImage: 'MonImage' }, 'w.s'), ['w.s.dockerImage: "MonImage" is not an image reference']);
      assert.deepEqual(checkProblems({ dockerContainer: 'monimage:1.0', running: 'yes', kind: 'Pod' }, 'w.s'), ['w.s: unknown key "kind" with dockerContainer', 'w.s.running: a boolean']);
      assert.deepEqual(checkProblems({ dockerImage: 'x', running: true }, 'w.s'), ['w.s: unknown key "running" with dockerImage']);
    });

    it('updates the step keys when the engine changes (the cluster service hears it)', () => {
      const service = bareService();
      const published: [string, boolean][] = [];
      const checks = new StepChecks(parseChecks({ docker: { image: { dockerImage: 'monimage:1.0' } } }).steps, (key, value) => published.push([key, value]));
      service.onDidChange(() => checks.update(service.cluster));
      checks.update(service.cluster);
      const files = contextFromFiles({ Dockerfile: 'FROM nginx:1.27\n' });
      runDocker(service.cluster.docker, ['build', '-t', 'monimage:1.0', '.'], { files });
      assert.deepEqual(published, [
        ['atelierKubernetes.step.docker.image', false],
        ['atelierKubernetes.step.docker.image', true],
      ]);
    });
  });

  describe('after every change', () => {
    const steps = parseChecks({ w: { deployed: { kind: 'Deployment', name: 'web' }, served: { kind: 'Service', name: 'web' } } }).steps;

    it('publishes every key first, then only the keys whose value changed, once per change', () => {
      const cluster = bareService();
      const published: [string, boolean][] = [];
      const checks = new StepChecks(steps, (key, value) => published.push([key, value]));
      cluster.onDidChange(() => checks.update(cluster.cluster.store));
      checks.update(cluster.cluster.store);
      assert.deepEqual(published, [
        ['atelierKubernetes.step.w.deployed', false],
        ['atelierKubernetes.step.w.served', false],
      ]);
      // One apply writes the Deployment, then the Service: one change, each key set once.
      cluster.applyText(`${deployment('web')}---\n${service('web')}`, 'web.yaml');
      assert.deepEqual(published.slice(2), [
        ['atelierKubernetes.step.w.deployed', true],
        ['atelierKubernetes.step.w.served', true],
      ]);
      cluster.applyText(deployment('api'), 'api.yaml');
      assert.equal(published.length, 4);
      cluster.reset();
      assert.deepEqual(published.slice(4), [
        ['atelierKubernetes.step.w.deployed', false],
        ['atelierKubernetes.step.w.served', false],
      ]);
    });

    it('is wired to the cluster from walkthroughs/checks.json, with setContext (vscode stubbed at the edge)', async () => {
      vscode.reset();
      const set: unknown[][] = [];
      const saved = vscode.commands.executeCommand;
      vscode.commands.executeCommand = (...args: unknown[]) => {
        set.push(args);
        return Promise.resolve(undefined);
      };
      try {
        vscode.files.set('/ext/walkthroughs/checks.json', JSON.stringify({ w: { deployed: { kind: 'Deployment', name: 'web' } }, broken: { step: { kind: 'Nope' } } }));
        const cluster = bareService();
        const errors: string[] = [];
        const extension = { subscriptions: [] as { dispose(): unknown }[], extensionUri: Uri.file('/ext') };
        const ctx = { extension, cluster, output: { error: (text: string) => errors.push(text) } } as unknown as AtelierContext;
        const checks = await registerWalkthroughChecks(ctx);
        assert.ok(checks);
        assert.deepEqual(errors, ['walkthrough checks: broken.step.kind: "Nope" is not a resource type of the cluster']);
        cluster.applyText(deployment('web'), 'web.yaml');
        assert.deepEqual(set, [
          ['setContext', 'atelierKubernetes.step.w.deployed', false],
          ['setContext', 'atelierKubernetes.step.w.deployed', true],
        ]);
        for (const disposable of extension.subscriptions) disposable.dispose();
        cluster.deleteObject({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default' });
        assert.equal(set.length, 2);
      } finally {
        vscode.commands.executeCommand = saved;
      }
    });
  });

  it('does not count what the selector does not select', () => {
    const c2 = bareCluster();
    put(c2, ...pod('a', { app: 'a' }, 'Running'));
    assert.equal(c2.store.list(PODS).length, 1);
    assert.equal(evaluate({ kind: 'Pod', labelSelector: 'app in (b,c)' }, c2.store), false);
  });
});
