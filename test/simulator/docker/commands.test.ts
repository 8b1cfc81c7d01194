import * as assert from 'node:assert/strict';
import { loadCluster, type ClusterSnapshot } from '../../../simulator/src/cluster';
import { humanDuration, humanSize, ellipsis } from '../../../simulator/src/docker/format';
import { dockerSession } from './support';

describe('simulator/docker: the docker command line', () => {
  it("answers an unknown command as docker does", () => {
    const result = dockerSession().run('docker foo');
    assert.deepEqual([result.stderr, result.exitCode], ["docker: 'foo' is not a docker command.\nSee 'docker --help'\n", 1]);
    assert.equal(dockerSession().run('docker image frob').stderr, "docker: 'image frob' is not a docker command.\nSee 'docker --help'\n");
  });

  it('prints its help, and each command its usage', () => {
    const help = dockerSession().text('docker --help');
    assert.match(help, /^Usage: {2}docker \[OPTIONS\] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n {2}run {9}Create and run a new container from an image\n/);
    assert.match(help, /\n {2}build {7}Build an image from a Dockerfile\n/);
    assert.equal(dockerSession().text('docker'), help);
    assert.match(dockerSession().text('docker run --help'), /^\nUsage: {2}docker run \[OPTIONS\] IMAGE \[COMMAND\] \[ARG\.\.\.\]\n\nCreate and run a new container from an image\n\nOptions:\n {2}-d, --detach /);
    assert.match(dockerSession().text('docker --version'), /^Docker version 27\.\d+\.\d+, build [0-9a-f]+\n$/);
  });

  it('reports missing arguments and unknown flags with the usage', () => {
    assert.equal(dockerSession().run('docker stop').stderr, '"docker stop" requires at least 1 argument.\nSee \'docker stop --help\'.\n\nUsage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n\nStop one or more running containers\n');
    assert.equal(dockerSession().run('docker ps --bogus').stderr, "unknown flag: --bogus\nSee 'docker ps --help'.\n");
    assert.equal(dockerSession().run('docker run -x nginx').exitCode, 125);
    assert.match(dockerSession().run('docker tag a').stderr, /^"docker tag" requires exactly 2 arguments\./);
  });

  it('understands the management forms (container ls, image ls, image build)', () => {
    const docker = dockerSession();
    docker.run('docker image build -t monimage:1.0 app');
    assert.equal(docker.text('docker image ls'), docker.text('docker images'));
    docker.run('docker container run -d --name web monimage:1.0');
    assert.equal(docker.text('docker container ls'), docker.text('docker ps'));
  });

  it('lists images with their size and age, tags them, removes them', () => {
    const docker = dockerSession();
    docker.run('docker build -t monimage:1.0 app');
    docker.run('docker pull alpine:3.20');
    docker.advance(2 * 60_000);
    assert.equal(docker.run('docker tag monimage:1.0 registry.example.com/equipe/monimage:1.0').exitCode, 0);
    const table = docker.text('docker images').split('\n');
    // The widest repository (36 characters) and 3 spaces of padding set the first column.
    assert.equal(table[0], `${'REPOSITORY'.padEnd(39)}TAG       IMAGE ID       CREATED         SIZE`);
    assert.match(table[1]!, /^monimage {31}1\.0 {7}[0-9a-f]{12} {3}2 minutes ago {3}187MB$/);
    assert.match(table[2]!, /^registry\.example\.com\/equipe\/monimage {3}1\.0 /);
    assert.match(table[3]!, /^alpine {33}3\.20 {6}[0-9a-f]{12} {3}\d+ weeks ago {5}9\.5MB$/);
    assert.equal(docker.text('docker rmi registry.example.com/equipe/monimage:1.0'), 'Untagged: registry.example.com/equipe/monimage:1.0\n');
    docker.run('docker run -d --name web monimage:1.0');
    assert.match(docker.run('docker rmi monimage:1.0').stderr, /^Error response from daemon: conflict: unable to remove repository reference "monimage:1\.0" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}\n$/);
    docker.run('docker rm -f web');
    assert.match(docker.text('docker rmi monimage:1.0'), /^Untagged: monimage:1\.0\nDeleted: sha256:[0-9a-f]{64}\n$/);
    assert.equal(docker.run('docker rmi nope').stderr, 'Error response from daemon: No such image: nope:latest\n');
  });

  it('pulls: up to date the second time', () => {
    const docker = dockerSession();
    assert.match(docker.text('docker pull nginx'), /^Using default tag: latest\nlatest: Pulling from library\/nginx\n/);
    assert.match(docker.text('docker pull nginx'), /Status: Image is up to date for nginx:latest\ndocker\.io\/library\/nginx:latest\n$/);
    assert.equal(docker.run('docker pull nginxx').stderr, "Using default tag: latest\nError response from daemon: pull access denied for nginxx, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n");
  });

  it('saves its images and containers with the cluster, and finds them after a load', () => {
    const docker = dockerSession();
    assert.equal(docker.cluster.save().docker, undefined);
    docker.run('docker build -t monimage:1.0 app');
    docker.run('docker run -d --name web -p 8080:80 monimage:1.0');
    const before = docker.text('docker ps');
    const again = dockerSession(undefined, loadCluster(JSON.parse(JSON.stringify(docker.cluster.save())) as ClusterSnapshot));
    assert.equal(again.text('docker ps'), before);
    assert.equal(again.text('docker exec web cat /usr/share/nginx/html/index.html'), '<h1>Bonjour</h1>\n');
  });

  it('prints durations and sizes as go-units does', () => {
    assert.deepEqual([0, 1000, 45_000, 90_000, 30 * 60_000, 3_600_000, 5 * 3_600_000, 3 * 86_400_000, 20 * 86_400_000].map(humanDuration), [
      'Less than a second', '1 second', '45 seconds', 'About a minute', '30 minutes', 'About an hour', '5 hours', '3 days', '2 weeks',
    ]);
    assert.deepEqual([17, 1840, 187_458_466, 9_497_977].map((n) => humanSize(n)), ['17B', '1.84kB', '187.5MB', '9.498MB']);
    assert.deepEqual([187_458_466, 9_497_977].map((n) => humanSize(n, 3)), ['187MB', '9.5MB']);
    assert.equal(ellipsis("/docker-entrypoint.sh nginx -g 'daemon off;'", 20), '/docker-entrypoint.…');
  });
});
