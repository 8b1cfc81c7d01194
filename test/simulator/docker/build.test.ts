import * as assert from 'node:assert/strict';
import { dockerSession, NGINX_APP } from './support';

/** The step lines of a build's progress (`#4 [1/2] FROM ...`), without the vertices' logs. */
const steps = (progress: string): string[] => progress.split('\n').filter((line) => /^#[1-9]\d* [[a-z]/.test(line) && !/^#\d+ (resolve|extracting|sha256|transferring|exporting layers|writing|naming)/.test(line));

describe('simulator/docker: docker build (BuildKit plain progress)', () => {
  it('builds FROM a catalogue image, step by step, and names the image', () => {
    const docker = dockerSession();
    const result = docker.run('docker build -t monimage:1.0 app');
    assert.equal(result.exitCode, 0);
    assert.equal(result.stdout, '');
    const progress = result.progress!;
    assert.match(progress, /^#0 building with "default" instance using docker driver\n\n#1 \[internal\] load build definition from Dockerfile\n#1 transferring dockerfile: 65B done\n#1 DONE \d\.\ds\n\n/);
    assert.deepEqual(steps(progress), [
      '#1 [internal] load build definition from Dockerfile',
      '#2 [internal] load metadata for docker.io/library/nginx:1.27',
      '#3 [internal] load .dockerignore',
      `#4 [1/2] FROM docker.io/library/nginx:1.27@${/FROM docker\.io\/library\/nginx:1\.27@(sha256:[0-9a-f]{64})/.exec(progress)![1]}`,
      '#5 [internal] load build context',
      '#6 [2/2] COPY index.html /usr/share/nginx/html/',
      '#7 exporting to image',
    ]);
    assert.match(progress, /#5 transferring context: 17B done\n/);
    assert.match(progress, /#7 writing image sha256:[0-9a-f]{64} done\n#7 naming to docker\.io\/library\/monimage:1\.0 done\n#7 DONE \d\.\ds\n\n$/);
  });

  it('says CACHED for the steps done before, and builds the same image again', () => {
    const docker = dockerSession();
    const first = docker.run('docker build -t monimage:1.0 app').progress!;
    const second = docker.run('docker build -t monimage:1.0 app').progress!;
    assert.match(second, /#6 \[2\/2\] COPY index\.html \/usr\/share\/nginx\/html\/\n#6 CACHED\n/);
    assert.doesNotMatch(second, /extracting/);
    assert.equal(/writing image (\S+)/.exec(first)![1], /writing image (\S+)/.exec(second)![1]);
    assert.equal(docker.cluster.docker.images.length, 1);
  });

  it('rebuilds the steps after a changed file; the old image stays, dangling', () => {
    const files = { ...NGINX_APP };
    const docker = dockerSession(files);
    docker.run('docker build -t monimage:1.0 app');
    docker.advance(60_000);
    const changed = dockerSession({ ...NGINX_APP, 'app/index.html': '<h1>Salut</h1>\n' }, docker.cluster);
    const progress = changed.run('docker build -t monimage:1.0 app').progress!;
    assert.match(progress, /#6 \[2\/2\] COPY index\.html \/usr\/share\/nginx\/html\/\n#6 DONE/);
    const listed = changed.run('docker images').stdout.split('\n').slice(1, -1);
    assert.deepEqual(
      listed.map((line) => line.split(/\s{3,}/).slice(0, 2)),
      [
        ['monimage', '1.0'],
        ['<none>', '<none>'],
      ],
    );
  });

  it('fails on a base image no registry has, with the registry\'s answer and the Dockerfile line', () => {
    const docker = dockerSession({ 'Dockerfile': 'FROM nginxx\nCOPY index.html /usr/share/nginx/html/\n' });
    const result = docker.run('docker build -t x .');
    assert.equal(result.exitCode, 1);
    assert.match(result.progress!, /#2 \[internal\] load metadata for docker\.io\/library\/nginxx:latest\n#2 ERROR: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n$/);
    assert.equal(
      result.stderr,
      [
        '------',
        ' > [internal] load metadata for docker.io/library/nginxx:latest:',
        '------',
        'Dockerfile:1',
        '--------------------',
        '   1 | >>> FROM nginxx',
        '   2 |     COPY index.html /usr/share/nginx/html/',
        '   3 |     ',
        '--------------------',
        'ERROR: failed to solve: nginxx: failed to resolve source metadata for docker.io/library/nginxx:latest: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
        '',
      ].join('\n'),
    );
    assert.deepEqual(docker.cluster.docker.images, []);
  });

  it('fails on a tag the registry does not have', () => {
    const result = dockerSession({ 'Dockerfile': 'FROM nginx:1.99\n' }).run('docker build .');
    assert.match(result.stderr, /ERROR: failed to solve: nginx:1\.99: failed to resolve source metadata for docker\.io\/library\/nginx:1\.99: docker\.io\/library\/nginx:1\.99: not found\n$/);
  });

  it('reports an unknown instruction with a suggestion, before anything runs', () => {
    const result = dockerSession({ 'Dockerfile': 'FROM nginx:1.27\nCOPPY index.html /usr/share/nginx/html/\n' }).run('docker build .');
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, / {3}2 \| >>> COPPY index\.html \/usr\/share\/nginx\/html\/\n/);
    assert.match(result.stderr, /ERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: COPPY \(did you mean copy\?\)\n$/);
    assert.doesNotMatch(result.progress!, /load metadata/);
  });

  it('needs a FROM first, a Dockerfile, and a context folder', () => {
    assert.match(dockerSession({ 'Dockerfile': 'RUN echo hi\nFROM alpine\n' }).run('docker build .').stderr, /^ERROR: failed to solve: no build stage in current context\n$/);
    assert.match(dockerSession({ 'Dockerfile': '# rien\n' }).run('docker build .').stderr, /^ERROR: failed to solve: file with no instructions\n$/);
    assert.match(dockerSession({ 'other/x': '' }).run('docker build other').stderr, /^ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n$/);
    assert.equal(dockerSession().run('docker build -t x nope').stderr, 'ERROR: unable to prepare context: path "nope" not found\n');
    assert.equal(dockerSession().run('docker build -t MonImage app').stderr, 'ERROR: invalid tag "MonImage": repository name must be lowercase\n');
  });

  it('fails a COPY whose source is not in the context (or is excluded by .dockerignore)', () => {
    const result = dockerSession({ 'Dockerfile': 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n' }).run('docker build .');
    assert.match(result.progress!, /#6 ERROR: failed to calculate checksum of ref [0-9a-f]+::[0-9a-f]+: "\/site": not found\n$/);
    assert.match(result.stderr, /^------\n > \[2\/2\] COPY site\/ \/usr\/share\/nginx\/html\/:\n------\nDockerfile:2\n/);
    assert.match(result.stderr, /ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref \S+: "\/site": not found\n$/);
    const ignored = dockerSession({ 'Dockerfile': 'FROM nginx:1.27\nCOPY secret.txt /\n', 'secret.txt': 'x', '.dockerignore': '*.txt\n' }).run('docker build .');
    assert.match(ignored.stderr, /"\/secret\.txt": not found/);
  });

  it('runs RUN in the simulated shell: its output, its files, WORKDIR, and its exit code', () => {
    const docker = dockerSession({ 'Dockerfile': 'FROM alpine:3.20\nWORKDIR /site\nRUN echo "<p>fait</p>" > index.html && echo écrit\nRUN apk add --no-cache curl\n' });
    const result = docker.run('docker build -t site .');
    assert.equal(result.exitCode, 0);
    assert.match(result.progress!, /#6 \[3\/4\] RUN echo "<p>fait<\/p>" > index\.html && echo écrit\n#6 \d\.\d{3} écrit\n#6 DONE/);
    // apk is not simulated: the step is taken as done.
    assert.match(result.progress!, /#7 \[4\/4\] RUN apk add --no-cache curl\n#7 DONE/);
    assert.deepEqual(docker.cluster.docker.imageNamed('docker.io/library/site:latest')?.files, { '/site/index.html': '<p>fait</p>\n' });
    const failing = dockerSession({ 'Dockerfile': 'FROM alpine:3.20\nRUN cat /nope\n' }).run('docker build .');
    assert.equal(failing.exitCode, 1);
    assert.match(failing.stderr, /^------\n > \[2\/2\] RUN cat \/nope:\n\d\.\d{3} cat: can't open '\/nope': No such file or directory\n------\n/);
    assert.match(failing.stderr, /ERROR: failed to solve: process "\/bin\/sh -c cat \/nope" did not complete successfully: exit code: 1\n$/);
  });

  it('builds only the stages the target needs, and copies from one to another', () => {
    const docker = dockerSession({
      'Dockerfile': 'FROM node:20 AS build\nWORKDIR /src\nRUN echo construit > out.txt\nFROM busybox AS unused\nRUN echo jamais\nFROM nginx:1.27-alpine\nCOPY --from=build /src/out.txt /usr/share/nginx/html/index.html\n',
    });
    const result = docker.run('docker build -t multi .');
    assert.equal(result.exitCode, 0, result.stderr);
    assert.doesNotMatch(result.progress!, /busybox|jamais/);
    assert.match(result.progress!, /\[build 3\/3\] RUN echo construit > out\.txt/);
    assert.match(result.progress!, /\[stage-2 2\/2\] COPY --from=build \/src\/out\.txt \/usr\/share\/nginx\/html\/index\.html/);
    assert.equal(docker.text('docker run --rm multi cat /usr/share/nginx/html/index.html'), 'construit\n');
  });

  it('keeps the base configuration under what the Dockerfile sets (CMD, ENTRYPOINT, EXPOSE, ENV)', () => {
    const docker = dockerSession({ 'Dockerfile': 'FROM python:3.12-slim\nENV MODE=prod\nEXPOSE 8000\nCMD ["python", "-m", "http.server", "8000"]\n' });
    docker.run('docker build -t py:1 .');
    const config = docker.cluster.docker.imageNamed('docker.io/library/py:1')!.config!;
    assert.deepEqual(config.cmd, ['python', '-m', 'http.server', '8000']);
    assert.deepEqual(config.entrypoint, []);
    assert.deepEqual(config.exposedPorts, ['8000/tcp']);
    assert.equal(config.env.MODE, 'prod');
    const nginx = dockerSession();
    nginx.run('docker build -t monimage:1.0 app');
    assert.deepEqual(nginx.cluster.docker.imageNamed('docker.io/library/monimage:1.0')!.config!.entrypoint, ['/docker-entrypoint.sh']);
  });

  it('prints only the image ID with -q', () => {
    const result = dockerSession().run('docker build -q -t monimage:1.0 app');
    assert.match(result.stdout, /^sha256:[0-9a-f]{64}\n$/);
    assert.equal(result.progress, undefined);
  });
});
