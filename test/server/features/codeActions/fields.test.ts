import * as assert from 'node:assert/strict';
import { applyFix, fixesFor, yaml } from './helpers';

const DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replica: 3 # trois Pods
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
            image: nginx:1.27
            imagePullPolicy: ifnotpresent
`;

describe('server/features/codeActions: unknown-field', () => {
  it('renames the key to the property it is a typo of, keeping the value and the comment', () => {
    assert.deepEqual(fixesFor(DEPLOYMENT, 'unknown-field').titles, ['Renommer « replica » en « replicas »']);
    assert.equal(applyFix(DEPLOYMENT, 'unknown-field'), DEPLOYMENT.replace('replica:', 'replicas:'));
  });

  it('renames inside list items, with the schema of the item', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      imagee: nginx:1.27\n';
    assert.equal(applyFix(text, 'unknown-field'), text.replace('imagee', 'image'));
  });

  it('offers nothing without a close property, or when the property is already there', () => {
    assert.deepEqual(fixesFor('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nzzzzzzzz: 1\n', 'unknown-field').actions, []);
    assert.deepEqual(fixesFor('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: {}\nDATA: {}\n', 'unknown-field').actions, []);
  });
});

describe('server/features/codeActions: value-unsupported', () => {
  const fixed = DEPLOYMENT.replace('replica:', 'replicas:');

  it('offers one action per supported value, the closest first and preferred', () => {
    const { actions } = fixesFor(fixed, 'value-unsupported');
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred ?? false]),
      [
        ['Remplacer par « IfNotPresent »', true],
        ['Remplacer par « Never »', false],
        ['Remplacer par « Always »', false],
      ],
    );
    assert.equal(applyFix(fixed, 'value-unsupported'), fixed.replace('ifnotpresent', 'IfNotPresent'));
  });

  it('replaces the wrong item of a list reported as a whole (accessModes)', () => {
    const text = yaml`
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnse"]
        resources:
          requests:
            storage: 1Gi
    `;
    const { titles } = fixesFor(text, 'value-unsupported');
    assert.equal(titles.length, 4);
    assert.equal(applyFix(text, 'value-unsupported'), text.replace('"ReadWriteOnse"', '"ReadWriteOnce"'));
  });

  it('offers nothing past six values (completion lists them better)', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n  volumes:\n    - name: h\n      hostPath:\n        path: /tmp\n        type: Dir\n';
    assert.deepEqual(fixesFor(text, 'value-unsupported').actions, []);
  });

  it("reads the supported values of a kind's own rule from the API server message", () => {
    const text = fixed.replace(/^( +)containers:/m, '$1restartPolicy: OnFailure\n$1containers:');
    const { titles } = fixesFor(text, 'restart-policy-unsupported');
    assert.deepEqual(titles, ['Remplacer par « Always »']);
    assert.equal(applyFix(text, 'restart-policy-unsupported'), text.replace('OnFailure', 'Always'));
  });
});
