import * as assert from 'node:assert/strict';
import { StatusError } from '../../../simulator/src/api/errors';
import { containerLogs, readerOf, type LogOptions } from '../../../simulator/src/kubelet/logs';
import { Harness, container } from './harness';

const logs = (h: Harness, pod: string, options: Partial<LogOptions> = {}) => containerLogs(readerOf(h.store), h.get(pod), { now: h.clock.now(), ...options });

function throwsBadRequest(run: () => unknown, message: string): void {
  assert.throws(run, (error: unknown) => error instanceof StatusError && error.reason === 'BadRequest' && error.code === 400 && error.message === message);
}

describe('kubelet: logs', () => {
  it("prints nginx's startup lines", () => {
    const h = new Harness();
    h.pod('web', [{ name: 'web', image: 'nginx:1.27' }]);
    h.settle();
    h.advance(1000);
    const lines = logs(h, 'web');
    assert.equal(lines[0], '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    assert.ok(lines.includes('/docker-entrypoint.sh: Configuration complete; ready for start up'));
    assert.match(lines.find((line) => line.includes('1#1: nginx/'))!, /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: nginx\/1\.27\.3$/);
  });

  it('prints redis ready line, and the busybox loop up to now, with --tail and --timestamps', () => {
    const h = new Harness();
    h.pod('cache', [{ name: 'redis', image: 'redis:7.4' }]);
    h.pod('loop', [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'while true; do echo "tick $(date)"; sleep 10; done'] }]);
    h.settle();
    assert.match(logs(h, 'cache').at(-1)!, /^1:M \d\d \w{3} \d{4} [\d:.]+ \* Ready to accept connections tcp$/);
    h.advance(3600_000);
    const all = logs(h, 'loop');
    assert.equal(all.length, 361);
    const tail = logs(h, 'loop', { tail: 2, timestamps: true });
    assert.equal(tail.length, 2);
    assert.match(tail[1]!, /^2024-01-01T01:00:\d\d\.\d{9}Z tick Mon Jan {2}1 01:00:\d\d UTC 2024$/);
  });

  it('shows the last run of a crashed container, and --previous the one before', () => {
    const h = new Harness();
    h.pod('db', [{ name: 'db', image: 'postgres:16' }]);
    h.advance(30_000);
    assert.ok(container(h.get('db')).restartCount >= 2);
    assert.equal(logs(h, 'db')[0], 'Error: Database is uninitialized and superuser password is not specified.');
    assert.equal(logs(h, 'db', { previous: true })[0], 'Error: Database is uninitialized and superuser password is not specified.');
  });

  it("answers with the kubelet's errors when there is nothing to read", () => {
    const h = new Harness();
    h.pod('web', [{ name: 'web', image: 'nginx:1.27' }]);
    h.pod('typo', [{ name: 'web', image: 'nginxx' }]);
    h.pod('two', [
      { name: 'a', image: 'nginx:1.27' },
      { name: 'b', image: 'redis:7.4' },
    ]);
    h.advance(15_000);
    throwsBadRequest(() => logs(h, 'web', { previous: true }), 'previous terminated container "web" in pod "web" not found');
    throwsBadRequest(() => logs(h, 'web', { container: 'nope' }), 'container nope is not valid for pod web');
    throwsBadRequest(() => logs(h, 'two'), 'a container name must be specified for pod two, choose one of: [a b]');
    assert.match(logs(h, 'two', { container: 'b' }).at(-1)!, /Ready to accept connections tcp$/);
    assert.throws(() => logs(h, 'typo'), /^StatusError: container "web" in pod "typo" is waiting to start: (image can't be pulled|trying and failing to pull image)$/);
  });

  it('logs what a shell script echoes, including the environment', () => {
    const h = new Harness();
    h.pod('hello', [{ name: 'c', image: 'ubuntu:24.04', command: ['bash', '-c', 'echo "Hello from $HOSTNAME"; for i in 1 2 3; do echo "line $i"; done; nosuch'] }], { restartPolicy: 'Never' });
    h.settle();
    assert.deepEqual(logs(h, 'hello'), ['Hello from hello', 'line 1', 'line 2', 'line 3', 'bash: line 1: nosuch: command not found']);
    assert.equal(container(h.get('hello')).state.terminated?.exitCode, 127);
  });
});
