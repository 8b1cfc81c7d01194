import * as assert from 'node:assert/strict';
import { Harness, condition, container, reason, status } from './harness';

describe('kubelet: probes', () => {
  it('fails a readiness probe on a port nginx does not listen on, with the prober text; Ready stays False', () => {
    const h = new Harness();
    h.pod('web', [{ name: 'web', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 } }]);
    h.advance(60_000);
    const pod = h.get('web');
    const ip = status(pod).podIP!;
    assert.equal(reason(pod), 'Running');
    assert.equal(container(pod).ready, false);
    assert.equal(condition(pod, 'Ready')?.status, 'False');
    assert.equal(condition(pod, 'ContainersReady')?.message, 'containers with unready status: [web]');
    const unhealthy = h.events('web').find((e) => e.startsWith('Unhealthy:'))!;
    assert.match(unhealthy, new RegExp(`^Unhealthy: Readiness probe failed: Get "http://${ip.replace(/\./g, '\\.')}:8080/": dial tcp ${ip.replace(/\./g, '\\.')}:8080: connect: connection refused \\(x1\\d\\)$`));
    assert.equal(container(pod).restartCount, 0);
  });

  it('turns Ready on after the first successful probe, honouring initialDelaySeconds', () => {
    const h = new Harness();
    h.pod('web', [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }], readinessProbe: { httpGet: { path: '/', port: 'http' }, initialDelaySeconds: 5, periodSeconds: 10 } }]);
    h.until(() => container(h.get('web')).state.running !== undefined);
    const started = Date.parse(container(h.get('web')).state.running!.startedAt);
    const waited = h.until(() => condition(h.get('web'), 'Ready')?.status === 'True', 60_000, 100);
    assert.ok(waited >= 4000 && waited <= 6100, `ready after ${waited} ms`);
    assert.equal(Date.parse(condition(h.get('web'), 'Ready')!.lastTransitionTime!) - started >= 4000, true);
    assert.equal(h.events('web').filter((e) => e.startsWith('Unhealthy')).length, 0);
  });

  it('reports HTTP errors and non-HTTP servers as the prober does', () => {
    const h = new Harness();
    h.pod('notfound', [{ name: 'web', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/healthz', port: 80 } } }]);
    h.pod('redis', [{ name: 'db', image: 'redis:7.4', readinessProbe: { httpGet: { path: '/', port: 6379 } }, livenessProbe: { tcpSocket: { port: 6379 } } }]);
    h.pod('tcp', [{ name: 'db', image: 'redis:7.4', readinessProbe: { tcpSocket: { port: 6380 } } }]);
    h.advance(40_000);
    assert.ok(h.events('notfound').some((e) => e.startsWith('Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 404')));
    const ip = status(h.get('redis')).podIP!;
    assert.ok(h.events('redis').some((e) => e.startsWith(`Unhealthy: Readiness probe failed: Get "http://${ip}:6379/": EOF`)));
    assert.ok(!h.events('redis').some((e) => e.startsWith('Unhealthy: Liveness')));
    const tcpIP = status(h.get('tcp')).podIP!;
    assert.ok(h.events('tcp').some((e) => e.startsWith(`Unhealthy: Readiness probe failed: dial tcp ${tcpIP}:6380: connect: connection refused`)));
  });

  it('kills and restarts a container failing its liveness probe after failureThreshold periods', () => {
    const h = new Harness();
    h.pod('web', [{ name: 'web', image: 'nginx:1.27', livenessProbe: { httpGet: { path: '/', port: 8080 }, initialDelaySeconds: 3, periodSeconds: 10, failureThreshold: 3 } }]);
    h.until(() => container(h.get('web')).state.running !== undefined);
    const started = Date.parse(container(h.get('web')).state.running!.startedAt);
    h.until(() => container(h.get('web')).restartCount === 1, 120_000);
    const pod = h.get('web');
    const last = container(pod).lastState.terminated!;
    // Probes at +3 s, +13 s, +23 s: the third failure kills; nginx stops at once (exit 0).
    assert.ok(Math.abs(Date.parse(last.finishedAt) - started - 23_000) <= 1000, `${last.finishedAt}`);
    assert.equal(last.reason, 'Completed');
    const events = h.events('web');
    assert.ok(events.includes('Killing: Container web failed liveness probe, will be restarted'));
    assert.ok(events.some((e) => e.startsWith('Unhealthy: Liveness probe failed: Get "http://') && e.endsWith('(x3)')));
  });

  it("runs the documentation's exec liveness probe: cat /tmp/healthy until the file is removed", () => {
    const h = new Harness();
    h.pod('liveness-exec', [
      {
        name: 'liveness',
        image: 'registry.k8s.io/busybox',
        args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
      },
    ]);
    h.advance(30_000);
    assert.deepEqual(h.events('liveness-exec').filter((e) => e.startsWith('Unhealthy')), []);
    h.advance(20_000);
    assert.ok(h.events('liveness-exec').includes("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory (x3)"));
    assert.ok(h.events('liveness-exec').includes('Killing: Container liveness failed liveness probe, will be restarted'));
    // sh as PID 1 ignores SIGTERM: it dies at the end of the 30 s grace period.
    h.until(() => container(h.get('liveness-exec')).restartCount === 1, 60_000);
    const last = container(h.get('liveness-exec')).lastState.terminated!;
    assert.equal(last.exitCode, 137);
    assert.equal(last.reason, 'Error');
  });

  it('holds liveness and readiness until the startup probe succeeds', () => {
    const h = new Harness();
    h.pod('slow', [
      {
        name: 'db',
        image: 'mysql:8.4',
        env: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'x' }],
        startupProbe: { tcpSocket: { port: 3306 }, periodSeconds: 5, failureThreshold: 10 },
        livenessProbe: { tcpSocket: { port: 3306 }, periodSeconds: 5, failureThreshold: 1 },
      },
    ]);
    h.until(() => container(h.get('slow')).state.running !== undefined);
    h.advance(5000);
    assert.equal(container(h.get('slow')).started, false);
    h.until(() => container(h.get('slow')).ready, 60_000);
    assert.equal(container(h.get('slow')).started, true);
    assert.equal(container(h.get('slow')).restartCount, 0);
    assert.ok(h.events('slow').some((e) => e.startsWith('Unhealthy: Startup probe failed: dial tcp')));
    assert.ok(!h.events('slow').some((e) => e.startsWith('Unhealthy: Liveness')));
  });

  it('restarts a container whose startup probe never succeeds', () => {
    const h = new Harness();
    h.pod('never', [{ name: 'web', image: 'nginx:1.27', startupProbe: { tcpSocket: { port: 81 }, periodSeconds: 2, failureThreshold: 3 } }]);
    h.advance(30_000);
    assert.ok(h.events('never').some((e) => e.startsWith('Killing: Container web failed startup probe, will be restarted')));
    assert.ok(container(h.get('never')).restartCount >= 1);
  });

  it('uses the exec probe clients of the database images', () => {
    const h = new Harness();
    h.pod('pg', [{ name: 'db', image: 'postgres:16', env: [{ name: 'POSTGRES_PASSWORD', value: 'x' }], readinessProbe: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 1 } }]);
    h.until(() => container(h.get('pg')).ready, 60_000);
    assert.ok(h.events('pg').some((e) => e.startsWith('Unhealthy: Readiness probe failed: /var/run/postgresql:5432 - no response')));
  });
});
