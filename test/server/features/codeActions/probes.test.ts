import * as assert from 'node:assert/strict';
import { applyFix, fixesFor, yaml } from './helpers';

const deployment = (container: string): string =>
  yaml`
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
  ` + container;

const WEB = '        - name: web\n          image: nginx:1.27\n          ports:\n            - containerPort: 80\n';

describe('server/features/codeActions: probes-missing', () => {
  it('offers both probes (preferred) or the readinessProbe alone', () => {
    const { actions } = fixesFor(deployment(WEB), 'probes-missing');
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred ?? false]),
      [
        ['Ajouter une readinessProbe et une livenessProbe (à ajuster)', true],
        ['Ajouter une readinessProbe (httpGet sur le port 80)', false],
      ],
    );
  });

  it('writes an httpGet readinessProbe on the first containerPort and a lighter tcpSocket livenessProbe', () => {
    const after = applyFix(deployment(WEB), 'probes-missing');
    assert.equal(
      after,
      deployment(
        `${WEB}          readinessProbe:\n            httpGet:\n              path: /\n              port: 80\n            periodSeconds: 10\n` +
          '          livenessProbe:\n            tcpSocket:\n              port: 80\n            initialDelaySeconds: 15\n            periodSeconds: 20\n',
      ),
    );
  });

  it('probes a database over TCP, and a named port by its name', () => {
    const redis = '        - name: cache\n          image: redis:7.2\n          ports:\n            - name: redis\n              containerPort: 6379\n';
    assert.deepEqual(fixesFor(deployment(redis), 'probes-missing').titles[1], 'Ajouter une readinessProbe (tcpSocket sur le port redis)');
    const after = applyFix(deployment(redis), 'probes-missing', 'Ajouter une readinessProbe (tcpSocket sur le port redis)', { partial: true });
    assert.ok(after.includes('          readinessProbe:\n            tcpSocket:\n              port: redis\n'), after);
  });

  it('after the readinessProbe alone, only the livenessProbe is left to add', () => {
    const after = applyFix(deployment(WEB), 'probes-missing', 'Ajouter une readinessProbe (httpGet sur le port 80)', { partial: true });
    const { diagnostic, titles } = fixesFor(after, 'probes-missing');
    assert.ok(!diagnostic.message.includes('readinessProbe'), diagnostic.message);
    assert.deepEqual(titles, ['Ajouter une livenessProbe (tcpSocket sur le port 80)']);
    applyFix(after, 'probes-missing');
  });

  it('offers nothing when the container declares no port (there is nothing sure to probe)', () => {
    assert.deepEqual(fixesFor(deployment('        - name: web\n          image: nginx:1.27\n'), 'probes-missing').actions, []);
  });
});
