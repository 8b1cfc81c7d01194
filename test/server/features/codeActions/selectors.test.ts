import * as assert from 'node:assert/strict';
import { applyFix, fixesFor, yaml } from './helpers';

const COPY = 'Copier les labels du selector dans template.metadata.labels';
const SET = 'Remplacer selector.matchLabels par les labels du modèle de Pod';

const deployment = (selector: string, labels: string): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 2
    selector:
${selector}
    template:
      metadata:
${labels}
      spec:
        containers:
          - name: web
            image: nginx:1.27
`;

const SELECTOR = '      matchLabels:\n        app: web\n        tier: front';
const LABELS = '        labels:\n          app: site # renommé\n          version: v2';

describe('server/features/codeActions: selector-mismatch', () => {
  it('offers both directions, copying into the template first (the selector is immutable)', () => {
    const { actions } = fixesFor(deployment(SELECTOR, LABELS), 'selector-mismatch');
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred ?? false]),
      [
        [COPY, true],
        [SET, false],
      ],
    );
  });

  it('copies the selector labels into the template: differing values replaced, missing ones added, others kept', () => {
    const after = applyFix(deployment(SELECTOR, LABELS), 'selector-mismatch', COPY);
    assert.equal(after, deployment(SELECTOR, '        labels:\n          app: web # renommé\n          version: v2\n          tier: front'));
  });

  it('sets the selector to exactly the template labels', () => {
    const after = applyFix(deployment(SELECTOR, LABELS), 'selector-mismatch', SET);
    assert.equal(after, deployment('      matchLabels:\n        app: site\n        version: v2', LABELS));
  });

  it('writes the labels when the template has none', () => {
    const after = applyFix(deployment(SELECTOR, '        annotations:\n          note: x'), 'selector-mismatch', COPY);
    assert.ok(after.includes('      annotations:\n        note: x\n      labels:\n        app: web\n        tier: front\n'), after);
  });

  it('rewrites flow-style labels in flow style', () => {
    const after = applyFix(deployment(SELECTOR, '        labels: {app: site}'), 'selector-mismatch', COPY);
    assert.ok(after.includes('      labels: { app: web, tier: front }\n'), after);
  });

  it('does not offer a direction that would still not match (matchExpressions)', () => {
    const selector = `${SELECTOR}\n      matchExpressions:\n        - {key: version, operator: In, values: [v1]}`;
    const { titles } = fixesFor(deployment(selector, LABELS), 'selector-mismatch');
    assert.deepEqual(titles, []);
  });
});
