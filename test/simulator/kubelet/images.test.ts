import * as assert from 'node:assert/strict';
import { IMAGE_NAMES, findImage, pull, versionOf } from '../../../simulator/src/kubelet/images';
import { parseReference } from '../../../simulator/src/kubelet/reference';
import { Harness, NODES, container, reason } from './harness';

const ref = (text: string) => {
  const parsed = parseReference(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.reference;
};

describe('kubelet: image catalogue and pulls', () => {
  it('knows the course images, for completion', () => {
    for (const name of ['nginx', 'httpd', 'redis', 'postgres', 'mysql', 'mongo', 'busybox', 'alpine', 'ubuntu', 'node', 'python', 'traefik/whoami', 'hashicorp/http-echo', 'prom/prometheus', 'grafana/grafana']) {
      assert.ok(IMAGE_NAMES.includes(name), name);
    }
    assert.equal(findImage('nginx:1.27')?.name, 'nginx');
    assert.equal(findImage('docker.io/library/redis')?.name, 'redis');
    assert.equal(findImage('traefik/whoami:v1.10')?.ports[0], 80);
    assert.equal(findImage('nginxx'), undefined);
    assert.equal(versionOf(findImage('nginx')!, '1.25'), '1.25.5');
    assert.equal(versionOf(findImage('nginx')!, '1.25.3-alpine'), '1.25.3');
  });

  it('normalises references as containerd does', () => {
    assert.equal(ref('nginx').normalized, 'docker.io/library/nginx:latest');
    assert.equal(ref('traefik/whoami:v1.10').normalized, 'docker.io/traefik/whoami:v1.10');
    assert.equal(ref('registry.k8s.io/hpa-example').normalized, 'registry.k8s.io/hpa-example:latest');
    assert.equal(ref('localhost:5000/app:1').domain, 'localhost:5000');
    assert.deepEqual(parseReference('Nginx:1.27'), { ok: false, error: 'repository name must be lowercase' });
    assert.deepEqual(parseReference('nginx::1'), { ok: false, error: 'invalid reference format' });
  });

  it("answers pulls with the registry's errors", () => {
    const unknown = pull(ref('nginxx'));
    assert.deepEqual(unknown, {
      ok: false,
      error:
        'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    });
    assert.deepEqual(pull(ref('nginx:1.99')), {
      ok: false,
      error: 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found',
    });
    const found = pull(ref('nginx:1.27-alpine'));
    assert.ok(found.ok && found.pulled.sizeBytes < 30_000_000);
  });

  it('turns an unknown image into ErrImagePull, then ImagePullBackOff, retrying after 10, 20, 40 s', () => {
    const h = new Harness();
    h.pod('typo', [{ name: 'web', image: 'nginxx' }]);
    const pulls: number[] = [];
    const seen: string[] = [];
    for (let second = 1; second <= 90; second++) {
      h.advance(1000);
      const r = reason(h.get('typo'));
      if (seen[seen.length - 1] !== r) seen.push(r);
      const count = h.events('typo').find((e) => e.startsWith('Pulling:'));
      const n = count ? Number(/\(x(\d+)\)/.exec(count)?.[1] ?? 1) : 0;
      if (n > pulls.length) pulls.push(second);
    }
    assert.deepEqual(seen.slice(0, 3), ['ErrImagePull', 'ImagePullBackOff', 'ErrImagePull']);
    assert.deepEqual(pulls.slice(1).map((at, i) => Math.round((at - pulls[i]!) / 10) * 10), [10, 20, 40].slice(0, pulls.length - 1));
    const events = h.events('typo');
    assert.ok(events.some((e) => e.startsWith('Failed: Failed to pull image "nginxx": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginxx:latest"')));
    assert.ok(events.some((e) => e.startsWith('Failed: Error: ErrImagePull')));
    assert.ok(events.some((e) => e.startsWith('BackOff: Back-off pulling image "nginxx"')));
    assert.ok(events.some((e) => e.startsWith('Failed: Error: ImagePullBackOff')));
    const waiting = container(h.get('typo')).state.waiting!;
    assert.ok(waiting.reason === 'ImagePullBackOff' ? waiting.message === 'Back-off pulling image "nginxx"' : waiting.message!.startsWith('rpc error: code = Unknown'));
    assert.equal(container(h.get('typo')).image, 'nginxx');
    assert.equal(container(h.get('typo')).imageID, '');
  });

  it('pulls once per node: the next Pod finds the image already present, and the node reports it', () => {
    const h = new Harness({ nodes: 2 });
    h.pod('a', [{ name: 'web', image: 'nginx:1.27' }], { node: 'node-1' });
    h.settle();
    h.pod('b', [{ name: 'web', image: 'nginx:1.27' }], { node: 'node-1' });
    h.pod('c', [{ name: 'web', image: 'nginx:1.27' }], { node: 'node-2' });
    h.settle();
    assert.equal(h.events('b')[0], 'Pulled: Container image "nginx:1.27" already present on machine');
    assert.equal(h.events('c')[0], 'Pulling: Pulling image "nginx:1.27"');
    const images = (h.store.get(NODES, '', 'node-1').status as { images: { names: string[]; sizeBytes: number }[] }).images;
    assert.deepEqual(images.map((image) => image.names[1]), ['docker.io/library/nginx:1.27']);
    assert.match(images[0]!.names[0]!, /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    assert.equal(images[0]!.sizeBytes, 72099410);
  });

  it('queues pulls on a node (serialised): the wait shows in "including waiting"', () => {
    const h = new Harness();
    h.pod('db', [{ name: 'db', image: 'postgres:16', env: [{ name: 'POSTGRES_PASSWORD', value: 'x' }] }]);
    h.pod('cache', [{ name: 'cache', image: 'redis:7.4' }]);
    h.settle();
    const pulled = h.events('cache').find((e) => e.startsWith('Pulled:'))!;
    const [, own, total] = /in ([\d.]+m?s) \(([\d.]+m?s) including waiting\)/.exec(pulled)!;
    const ms = (text: string) => (text.endsWith('ms') ? Number(text.slice(0, -2)) : Number(text.slice(0, -1)) * 1000);
    assert.ok(ms(total!) > ms(own!) + 3000, pulled);
  });

  it('re-pulls a :latest image (imagePullPolicy Always) and honours Never', () => {
    const h = new Harness();
    h.pod('a', [{ name: 'c', image: 'busybox', command: ['sleep', '1d'] }]);
    h.settle();
    h.pod('b', [{ name: 'c', image: 'busybox', command: ['sleep', '1d'] }]);
    h.pod('never', [{ name: 'c', image: 'redis:7.4', imagePullPolicy: 'Never' }]);
    h.settle();
    assert.equal(h.events('b')[0], 'Pulling: Pulling image "busybox"');
    assert.equal(reason(h.get('never')), 'ErrImageNeverPull');
    assert.equal(container(h.get('never')).state.waiting?.message, 'Container image "redis:7.4" is not present with pull policy of Never');
    assert.ok(h.events('never')[0]!.startsWith('ErrImageNeverPull: Container image "redis:7.4" is not present with pull policy of Never'));
  });

  it('reports an image name that does not parse as InvalidImageName', () => {
    const h = new Harness();
    h.pod('bad', [{ name: 'c', image: 'Nginx:1.27' }]);
    h.settle();
    const waiting = container(h.get('bad')).state.waiting!;
    assert.equal(waiting.reason, 'InvalidImageName');
    assert.equal(waiting.message, 'Failed to apply default image tag "Nginx:1.27": couldn\'t parse image reference "Nginx:1.27": repository name must be lowercase');
    assert.ok(h.events('bad').some((e) => e.startsWith('Failed: Error: InvalidImageName')));
  });

  it('runs the servers and refuses what the real images refuse', () => {
    const h = new Harness();
    const images: [string, Record<string, unknown>][] = [
      ['postgres:16', {}],
      ['mysql:8.4', {}],
      ['hashicorp/http-echo', {}],
      ['hashicorp/http-echo:1.0', { args: ['-text=hello'] }],
      ['mysql:8.4', { env: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'secret' }] }],
      ['postgres:16', { env: [{ name: 'POSTGRES_PASSWORD', value: 'secret' }] }],
      ['redis:7.4', {}],
      ['mongo:7.0', {}],
      ['httpd:2.4', {}],
      ['traefik/whoami:v1.10', {}],
      ['prom/prometheus:v2.54.1', {}],
      ['grafana/grafana:11.3.0', {}],
      ['python:3.12', { command: ['python', '-m', 'http.server', '8000'] }],
      ['node:22', {}],
    ];
    images.forEach(([image, extra], i) => h.pod(`p${i}`, [{ name: 'c', image, ...extra }]));
    h.advance(120_000);
    const reasons = images.map((_, i) => reason(h.get(`p${i}`)));
    assert.deepEqual(reasons, ['CrashLoopBackOff', 'CrashLoopBackOff', 'CrashLoopBackOff', 'Running', 'Running', 'Running', 'Running', 'Running', 'Running', 'Running', 'Running', 'Running', 'Running', 'CrashLoopBackOff']);
    assert.equal(container(h.get('p2')).lastState.terminated?.exitCode, 127);
    assert.equal(container(h.get('p13')).lastState.terminated?.reason, 'Completed');
  });
});
