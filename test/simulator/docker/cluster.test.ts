import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { loadCluster, type ClusterSnapshot } from '../../../simulator/src/cluster';
import { publishedAnswer } from '../../../simulator/src/docker/http';
import { readerOf } from '../../../simulator/src/kubelet/replay';
import { runKubectl } from '../../../simulator/src/kubectl/commands/index';
import { dockerSession } from './support';

const PODS = kindInfo('v1', 'Pod')!;

const pod = (name: string, image: string): Record<string, string> => ({
  [`${name}.yaml`]: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: web\n    image: ${image}\n    ports:\n    - containerPort: 80\n`,
});

const REQUEST = { method: 'GET', path: '/', host: '127.0.0.1:8080', remote: '127.0.0.1:50000', userAgent: 'curl/8.5.0' };

describe('simulator/docker: the images docker builds, in the cluster', () => {
  it('runs a Pod of a built image: already present on the node, nginx serving the copied page', () => {
    const docker = dockerSession();
    docker.run('docker build -t monimage:1.0 app');
    const cluster = docker.cluster;
    assert.equal(runKubectl(cluster, ['apply', '-f', 'web.yaml'], { files: pod('web', 'monimage:1.0') }).stdout, 'pod/web created\n');
    cluster.advance(20_000);
    const status = cluster.store.get(PODS, 'default', 'web').status as { phase: string; containerStatuses: { image: string; imageID: string; ready: boolean }[] };
    assert.equal(status.phase, 'Running');
    assert.equal(status.containerStatuses[0]!.image, 'docker.io/library/monimage:1.0');
    assert.equal(status.containerStatuses[0]!.imageID, cluster.docker.imageNamed('docker.io/library/monimage:1.0')!.id);
    const events = runKubectl(cluster, ['describe', 'pod', 'web'], {}).stdout;
    assert.match(events, /Container image "monimage:1\.0" already present on machine/);
    assert.doesNotMatch(events, /Pulling image/);
    assert.match(runKubectl(cluster, ['logs', 'web'], {}).stdout, /Configuration complete; ready for start up/);
    assert.equal(runKubectl(cluster, ['exec', 'web', '--', 'curl', '-s', 'localhost'], {}).stdout, '<h1>Bonjour</h1>\n');
  });

  it('keeps the image for the Pods after a save and a load', () => {
    const docker = dockerSession();
    docker.run('docker build -t monimage:1.0 app');
    const cluster = loadCluster(JSON.parse(JSON.stringify(docker.cluster.save())) as ClusterSnapshot);
    runKubectl(cluster, ['apply', '-f', 'web.yaml'], { files: pod('web', 'monimage:1.0') });
    cluster.advance(20_000);
    assert.equal((cluster.store.get(PODS, 'default', 'web').status as { phase: string }).phase, 'Running');
  });

  it('cannot pull a built image from a registry: `latest` (pull policy Always) fails as on a real node', () => {
    const docker = dockerSession();
    docker.run('docker build -t monimage app');
    runKubectl(docker.cluster, ['apply', '-f', 'web.yaml'], { files: pod('web', 'monimage') });
    docker.advance(20_000);
    const waiting = (docker.cluster.store.get(PODS, 'default', 'web').status as { containerStatuses: { state: { waiting?: { reason: string } } }[] }).containerStatuses[0]!.state.waiting;
    assert.match(waiting?.reason ?? '', /ErrImagePull|ImagePullBackOff/);
  });

  it('leaves the catalogue images as they are: a pulled nginx is still pulled by the nodes', () => {
    const docker = dockerSession();
    docker.run('docker pull nginx:1.27');
    runKubectl(docker.cluster, ['apply', '-f', 'web.yaml'], { files: pod('web', 'nginx:1.27') });
    docker.advance(20_000);
    assert.match(runKubectl(docker.cluster, ['describe', 'pod', 'web'], {}).stdout, /Successfully pulled image "nginx:1\.27"/);
  });

  it('answers on a published port what the container serves, once it is ready', () => {
    const docker = dockerSession();
    docker.run('docker build -t monimage:1.0 app');
    docker.run('docker run -d -p 8080:80 -p 8081:81 --name web monimage:1.0');
    docker.advance(1000);
    const reader = readerOf(docker.cluster.store);
    const now = () => docker.cluster.clock.now();
    const answer = publishedAnswer(docker.cluster.docker, reader, now(), 8080, REQUEST);
    assert.ok(typeof answer === 'object');
    assert.deepEqual([answer.status, answer.headers.Server, answer.body], [200, 'nginx/1.27.3', '<h1>Bonjour</h1>\n']);
    assert.equal(publishedAnswer(docker.cluster.docker, reader, now(), 8081, REQUEST), 'refused');
    assert.equal(publishedAnswer(docker.cluster.docker, reader, now(), 9999, REQUEST), 'closed');
    docker.run('docker stop web');
    assert.equal(publishedAnswer(docker.cluster.docker, reader, now(), 8080, REQUEST), 'closed');
  });
});
