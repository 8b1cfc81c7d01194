import * as assert from 'node:assert/strict';
import { dockerSession } from './support';

const HEADER = 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n';

describe('simulator/docker: containers (run, ps, logs, stop, start, rm, exec)', () => {
  it('lists nothing with the header alone, as docker does', () => {
    assert.equal(dockerSession().text('docker ps'), HEADER);
    assert.equal(dockerSession().text('docker ps -a'), HEADER);
  });

  it('runs a built image detached: its full ID, then ps shows it up with its published port', () => {
    const docker = dockerSession();
    docker.run('docker build -t monimage:1.0 app');
    const result = docker.run('docker run -d -p 8080:80 --name web monimage:1.0');
    assert.equal(result.exitCode, 0);
    assert.match(result.stdout, /^[0-9a-f]{64}\n$/);
    assert.equal(result.progress, undefined);
    docker.advance(3 * 60_000);
    const lines = docker.text('docker ps').split('\n');
    assert.equal(lines[0], 'CONTAINER ID   IMAGE          COMMAND                  CREATED         STATUS         PORTS                  NAMES');
    assert.equal(lines[1], `${result.stdout.slice(0, 12)}   monimage:1.0   "/docker-entrypoint.…"   3 minutes ago   Up 3 minutes   0.0.0.0:8080->80/tcp   web`);
  });

  it("pulls an image it does not have, and names the container like docker's generator", () => {
    const docker = dockerSession();
    const result = docker.run('docker run -d nginx');
    assert.match(result.progress!, /^Unable to find image 'nginx:latest' locally\nlatest: Pulling from library\/nginx\n([0-9a-f]{12}: Pull complete\n)+Digest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for nginx:latest\n$/);
    const row = docker.text('docker ps').split('\n')[1]!;
    assert.match(row, /\s80\/tcp\s+[a-z]+_[a-z]+$/);
    // The second time the image is there: no pull.
    assert.equal(docker.run('docker run -d nginx').progress, undefined);
  });

  it("fails as docker does on an image no registry has, and on a tag that does not exist", () => {
    const docker = dockerSession();
    const unknown = docker.run('docker run nginxx');
    assert.equal(unknown.exitCode, 125);
    assert.equal(unknown.progress, "Unable to find image 'nginxx:latest' locally\n");
    assert.equal(unknown.stderr, "docker: Error response from daemon: pull access denied for nginxx, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.\nSee 'docker run --help'.\n");
    assert.equal(docker.run('docker run nginx:1.99').stderr, "docker: Error response from daemon: manifest for nginx:1.99 not found: manifest unknown: manifest unknown.\nSee 'docker run --help'.\n");
    assert.equal(docker.run('docker run Nginx').stderr, "docker: invalid reference format: repository name (Nginx) must be lowercase.\nSee 'docker run --help'.\n");
    assert.deepEqual(docker.cluster.docker.containers, []);
  });

  it('runs a command attached: its output, its exit code, then the container has exited', () => {
    const docker = dockerSession();
    const result = docker.run('docker run alpine echo bonjour');
    assert.equal(result.stdout, 'bonjour\n');
    assert.equal(result.exitCode, 0);
    assert.match(docker.text('docker ps -a').split('\n')[1]!, /alpine\s+"echo bonjour"\s+Less than a second ago\s+Exited \(0\) Less than a second ago\s+\S+$/);
    assert.equal(docker.run('docker run alpine sh -c "exit 3"').exitCode, 3);
    assert.equal(docker.run('docker run --rm alpine true').exitCode, 0);
    assert.equal(docker.cluster.docker.containers.length, 2);
  });

  it('hands the prompt back on an attached server, which keeps running (with a hint)', () => {
    const docker = dockerSession();
    const result = docker.run('docker run --name web nginx:1.27');
    assert.match(result.stdout, /\/docker-entrypoint\.sh: Configuration complete; ready for start up\n/);
    assert.match(result.hint!, /tourne toujours/);
    assert.match(docker.text('docker ps'), /Up 2 seconds/);
  });

  it("reports a command the image does not have, leaving the container Created", () => {
    const docker = dockerSession();
    const result = docker.run('docker run --name oops alpine foo');
    assert.equal(result.exitCode, 127);
    assert.match(result.stderr, /^docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "foo": executable file not found in \$PATH: unknown\.\n/);
    assert.match(docker.text('docker ps -a'), /\s+Created\s+oops\n/);
  });

  it('refuses a name in use and a host port in use', () => {
    const docker = dockerSession();
    const first = docker.run('docker run -d --name web -p 8080:80 nginx').stdout.trim();
    assert.equal(
      docker.run('docker run -d --name web nginx').stderr,
      `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${first}". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.\n`,
    );
    const clash = docker.run('docker run -d --name other -p 8080:80 nginx');
    assert.equal(clash.exitCode, 125);
    assert.match(clash.stderr, /^docker: Error response from daemon: driver failed programming external connectivity on endpoint other \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\.\n/);
    assert.match(docker.text('docker ps -a'), /Created\s+other\n/);
  });

  it('logs what the container wrote, with --tail and -t', () => {
    const docker = dockerSession();
    docker.run('docker run -d --name web nginx:1.27');
    docker.advance(5000);
    const logs = docker.run('docker logs web').stdout.split('\n');
    assert.equal(logs[0], '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    assert.match(logs.at(-2)!, /\[notice\] 1#1: start worker process 30$/);
    assert.equal(docker.run('docker logs --tail 1 web').stdout, `${logs.at(-2)}\n`);
    assert.match(docker.run('docker logs -t -n 1 web').stdout, /^2024-01-01T00:00:00\.\d{9}Z 2024\/01\/01 00:00:00 \[notice\]/);
    assert.equal(docker.run('docker logs nope').stderr, 'Error response from daemon: No such container: nope\n');
  });

  it('stops (nginx exits 0 on SIGTERM, sleep is killed: 137), starts again, removes', () => {
    const docker = dockerSession();
    docker.run('docker run -d --name web nginx:1.27');
    docker.run('docker run -d --name nap busybox sleep 3600');
    docker.advance(60_000);
    assert.equal(docker.text('docker stop web nap'), 'web\nnap\n');
    docker.advance(5000);
    const all = docker.text('docker ps -a');
    assert.match(all, /Exited \(0\) 5 seconds ago\s+web\n/);
    assert.match(all, /Exited \(137\) 5 seconds ago\s+nap\n/);
    assert.equal(docker.text('docker start web'), 'web\n');
    assert.match(docker.text('docker ps'), /Up Less than a second\s+80\/tcp\s+web\n/);
    assert.equal(docker.run('docker rm web').stderr, 'Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove\n');
    assert.equal(docker.text('docker rm -f web'), 'web\n');
    assert.equal(docker.text('docker rm nap nope'), 'nap\nError response from daemon: No such container: nope\n');
    assert.equal(docker.text('docker ps -a'), HEADER);
  });

  it('execs a command in a running container, not in a stopped one', () => {
    const docker = dockerSession();
    docker.run('docker build -t monimage:1.0 app');
    const id = docker.run('docker run -d --name web monimage:1.0').stdout.trim();
    assert.equal(docker.text('docker exec web cat /usr/share/nginx/html/index.html'), '<h1>Bonjour</h1>\n');
    const missing = docker.run('docker exec web nope');
    assert.equal(missing.exitCode, 127);
    assert.equal(missing.stderr, 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in $PATH: unknown\n');
    docker.run('docker stop web');
    assert.equal(docker.run('docker exec web ls').stderr, `Error response from daemon: container ${id} is not running\n`);
  });
});
