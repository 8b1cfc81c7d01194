import * as assert from 'node:assert/strict';
import { containerLogs, readerOf } from '../../../simulator/src/kubelet/logs';
import { decodeBase64, expandReferences } from '../../../simulator/src/kubelet/config';
import { CONFIGMAPS, Harness, SECRETS, container, reason } from './harness';

const printenv = (h: Harness, pod: string) => containerLogs(readerOf(h.store), h.get(pod), { now: h.clock.now() });

describe('kubelet: environment from ConfigMaps and Secrets', () => {
  it('keeps the container in CreateContainerConfigError while the ConfigMap is missing, then starts it', () => {
    const h = new Harness();
    h.pod('app', [{ name: 'app', image: 'nginx:1.27', envFrom: [{ configMapRef: { name: 'app-config' } }] }]);
    h.advance(30_000);
    const waiting = container(h.get('app')).state.waiting!;
    assert.deepEqual(waiting, { reason: 'CreateContainerConfigError', message: 'configmap "app-config" not found' });
    const failed = h.events('app').find((e) => e.startsWith('Failed: Error: configmap "app-config" not found'));
    assert.match(failed!, /\(x[34]\)$/);
    assert.ok(h.events('app').some((e) => e.startsWith('Pulled: Container image "nginx:1.27" already present on machine')));
    h.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { MODE: 'prod' } });
    h.advance(10_000);
    assert.equal(reason(h.get('app')), 'Running');
  });

  it("names the missing key, the Secret, and ignores optional references", () => {
    const h = new Harness();
    h.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { a: '1' } });
    h.pod('key', [{ name: 'c', image: 'nginx:1.27', env: [{ name: 'FOO', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'foo' } } }] }]);
    h.pod('secret', [{ name: 'c', image: 'nginx:1.27', env: [{ name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }] }]);
    h.pod('optional', [
      {
        name: 'c',
        image: 'nginx:1.27',
        env: [{ name: 'FOO', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'foo', optional: true } } }],
        envFrom: [{ secretRef: { name: 'nope', optional: true } }],
      },
    ]);
    h.settle();
    assert.equal(container(h.get('key')).state.waiting?.message, "couldn't find key foo in ConfigMap default/app-config");
    assert.equal(container(h.get('secret')).state.waiting?.message, 'secret "db" not found');
    assert.equal(reason(h.get('optional')), 'Running');
  });

  it('gives the container its variables: values, ConfigMap and Secret keys, envFrom prefixes, fields, $(VAR)', () => {
    const h = new Harness();
    h.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { GREETING: 'bonjour', '1st': 'skipped: not a variable name' } });
    h.store.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, data: { password: 'czNjcjN0' } });
    h.pod('env', [
      {
        name: 'c',
        image: 'busybox:1.36',
        command: ['sh', '-c', 'echo "$(MESSAGE)"; echo $PW; echo $APP_GREETING; echo $NODE $POD_IP; echo \'$(MISSING)\'; env | grep -c 1st'],
        envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'APP_' }],
        env: [
          { name: 'NAME', value: 'Ada' },
          { name: 'GREETING', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'GREETING' } } },
          { name: 'MESSAGE', value: '$(GREETING) $(NAME)' },
          { name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
          { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        ],
      },
    ], { restartPolicy: 'Never' });
    h.settle();
    // APP_1st is a valid variable name once prefixed, so envFrom keeps it.
    assert.deepEqual(printenv(h, 'env'), ['bonjour Ada', 's3cr3t', 'bonjour', 'node-1 10.244.1.2', '$(MISSING)', '1']);
  });

  it('reads Secret stringData, decodes base64 as UTF-8, and expands references like the kubelet', () => {
    assert.equal(decodeBase64('w6l0w6k='), 'été');
    assert.equal(expandReferences('$(A)-$(B)-$$(A)', { A: '1' }), '1-$(B)-$(A)');
    const h = new Harness();
    h.store.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { token: 'abc' } });
    h.pod('p', [{ name: 'c', image: 'busybox:1.36', command: ['printenv', 'TOKEN'], env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 's', key: 'token' } } }] }], { restartPolicy: 'Never' });
    h.settle();
    assert.deepEqual(printenv(h, 'p'), ['abc']);
    void SECRETS;
    void CONFIGMAPS;
  });
});
