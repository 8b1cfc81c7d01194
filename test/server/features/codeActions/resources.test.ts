import * as assert from 'node:assert/strict';
import { applyFix, fixesFor, yaml } from './helpers';

const TITLE = 'Ajouter des requests/limits de départ (à ajuster)';

describe('server/features/codeActions: resources-missing', () => {
  it('adds a resources block at the end of the container, at its indentation', () => {
    const text = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
              - name: web
                image: nginx:1.27 # épinglée
            restartPolicy: Always
    `;
    assert.equal(fixesFor(text, 'resources-missing').titles[0], TITLE);
    const block = yaml`
      resources:
        requests:
          cpu: 100m
          memory: 128Mi
        limits:
          cpu: 500m
          memory: 256Mi
    `;
    const indented = block.trimEnd().split('\n').map((line) => `          ${line}\n`).join('');
    assert.equal(applyFix(text, 'resources-missing', TITLE), text.replace('# épinglée\n', `# épinglée\n${indented}`));
  });

  it('follows a four-space indentation and unindented lists', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: web\nspec:\n    containers:\n    - name: web\n      image: nginx:1.27';
    const after = applyFix(text, 'resources-missing');
    assert.equal(
      after,
      `${text}\n      resources:\n          requests:\n              cpu: 100m\n              memory: 128Mi\n          limits:\n              cpu: 500m\n              memory: 256Mi\n`,
    );
  });

  it('fills only the missing half, keeping what is written', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
          - name: web
            image: nginx:1.27
            resources:
              requests:
                cpu: 250m
                memory: 64Mi
          - name: log
            image: busybox:1.36
    `;
    const { titles } = fixesFor(text, 'resources-missing');
    assert.deepEqual(titles, ['Ajouter des limits de départ (à ajuster)']);
    const after = applyFix(text, 'resources-missing', titles[0], { path: ['spec', 'containers', 0, 'resources'] });
    assert.ok(after.includes('          memory: 64Mi\n        limits:\n          cpu: 500m\n          memory: 256Mi\n    - name: log\n'), after);
  });

  it('keeps a request bigger than the starting limit as the limit (a lower limit is refused)', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: db
      spec:
        containers:
          - name: db
            image: postgres:16
            resources:
              requests: {cpu: "2", memory: 1Gi}
    `;
    const after = applyFix(text, 'resources-missing');
    assert.ok(after.includes('        requests: {cpu: "2", memory: 1Gi}\n        limits:\n          cpu: "2"\n          memory: 1Gi\n'), after);
  });

  it('adds a missing field inside an existing section, and fills `resources: {}`', () => {
    const partial = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      resources:\n        limits:\n          cpu: 500m\n';
    assert.ok(applyFix(partial, 'resources-missing').endsWith('        limits:\n          cpu: 500m\n          memory: 256Mi\n        requests:\n          memory: 128Mi\n'));
    const empty = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      resources: {} # à remplir\n      image: nginx:1.27\n';
    assert.ok(applyFix(empty, 'resources-missing').includes('      resources:  # à remplir\n        requests:\n          cpu: 100m\n'));
  });

  it('merges into a flow-style section, in flow style', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      resources:\n        limits: {cpu: 500m}\n';
    assert.equal(
      applyFix(text, 'resources-missing'),
      text.replace('limits: {cpu: 500m}\n', 'limits: { cpu: 500m, memory: 256Mi }\n        requests:\n          memory: 128Mi\n'),
    );
  });
});
