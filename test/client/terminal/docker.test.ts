// The stand-in for `vscode` first: portForward.ts requires it when it loads.
import '../support/vscode';
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import { createCluster, type Cluster } from '../../../simulator/src/cluster';
import { defaultNodes } from '../../../simulator/src/scheduler/nodes';
import { PortForwards } from '../../../client/src/portForward';
import { completeDocker } from '../../../client/src/terminal/completion';
import { readBuildFiles } from '../../../client/src/terminal/dockerFiles';
import type { ReadOnlyFs } from '../../../client/src/terminal/files';
import { KubectlSession } from '../../../client/src/terminal/kubectlSession';
import { l10n } from '../support/l10n';
import { plain } from './fixtures';

/** A workspace folder of files (paths relative to it), read as VS Code's file system would. */
function memoryFs(files: Record<string, string>): ReadOnlyFs & { reads: string[] } {
  const reads: string[] = [];
  const clean = (path: string) => path.replace(/^\.\/?/, '').replace(/\/+$/, '');
  return {
    reads,
    readFile: (path) => {
      reads.push(clean(path));
      return Promise.resolve(files[clean(path)]);
    },
    readDirectory: (path) => {
      const folder = clean(path);
      const entries = new Map<string, boolean>();
      for (const file of Object.keys(files)) {
        if (folder !== '' && !file.startsWith(`${folder}/`)) continue;
        const [first = '', ...rest] = (folder === '' ? file : file.slice(folder.length + 1)).split('/');
        entries.set(first, rest.length > 0);
      }
      return Promise.resolve(entries.size === 0 ? undefined : [...entries].map(([name, directory]) => ({ name, directory })));
    },
  };
}

const RED = `${String.fromCharCode(27)}[31m`;
const YELLOW = `${String.fromCharCode(27)}[33m`;

const WORKSPACE = {
  'site/Dockerfile': 'FROM nginx:1.27\nCOPY public/ /usr/share/nginx/html/\nEXPOSE 80\n',
  'site/public/index.html': '<h1>Bonjour</h1>\n',
  'site/public/about.html': '<p>À propos</p>\n',
  'site/node_modules/huge.js': 'x',
  'site/.dockerignore': 'node_modules\n',
  'k8s/web.yaml': 'kind: Pod\n',
};

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function get(port: number, path = '/'): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

describe('terminal: docker lines in the kubectl terminal', () => {
  let cluster: Cluster;
  let forwards: PortForwards;
  beforeEach(() => {
    cluster = createCluster({ seed: 1, nodes: defaultNodes() });
    forwards = new PortForwards(() => cluster, l10n);
  });
  afterEach(() => forwards.dispose());

  const session = (files: Record<string, string> = WORKSPACE) => {
    const fs = memoryFs(files);
    const s = new KubectlSession({ cluster: () => cluster, l10n, dockerFiles: (args) => readBuildFiles(fs, args), publishDocker: () => forwards.syncDocker() });
    return { fs, session: s, run: async (line: string) => plain((await s.run(line)).text) };
  };

  it('builds from the workspace, reading only the context files COPY uses (not what .dockerignore excludes)', async () => {
    const { fs, run } = session();
    const output = await run('docker build -t site:1.0 site');
    assert.match(output, /#\d+ naming to docker\.io\/library\/site:1\.0 done\n/);
    assert.ok(!fs.reads.some((path) => path.includes('node_modules')), fs.reads.join(', '));
    assert.ok(!fs.reads.includes('k8s/web.yaml'));
    assert.deepEqual(Object.keys(cluster.docker.imageNamed('docker.io/library/site:1.0')!.files!).sort(), ['/usr/share/nginx/html/about.html', '/usr/share/nginx/html/index.html']);
  });

  it("prints docker's errors in red and its hints in yellow", async () => {
    const { session: s } = session();
    const output = (await s.run('docker run nginxx')).text;
    assert.ok(output.startsWith(`Unable to find image 'nginxx:latest' locally\n${RED}docker: Error response from daemon: pull access denied for nginxx`), output);
    const attached = (await s.run('docker run --name web nginx:1.27')).text;
    assert.ok(attached.includes(`${YELLOW}💡 Le conteneur web tourne toujours`), attached);
  });

  it('serves a port docker run -p publishes on 127.0.0.1, and closes it when the container stops', async () => {
    const { run } = session();
    await run('docker build -t site:1.0 site');
    const port = await freePort();
    const output = await run(`docker run -d -p ${port}:80 --name web site:1.0`);
    assert.match(output, new RegExp(`^[0-9a-f]{64}\\n💡 http://127\\.0\\.0\\.1:${port}/ mène maintenant au port 80 du conteneur web\\.\\n$`));
    cluster.advance(1000);
    assert.deepEqual(await get(port, '/about.html'), { status: 200, body: '<p>À propos</p>\n' });
    assert.deepEqual(forwards.list.map((f) => [f.target, f.local, f.container]), [['container/web', port, 'web']]);
    assert.equal(await run('docker stop web'), 'web\n');
    assert.deepEqual(await get(port), { error: 'ECONNREFUSED' });
    assert.deepEqual(forwards.list, []);
  });

  it('says when the computer already uses the published port, the container still running', async () => {
    const port = await freePort();
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(port, '127.0.0.1', resolve));
    try {
      const { run } = session();
      const output = await run(`docker run -d -p ${port}:80 --name web nginx:1.27`);
      assert.match(output, new RegExp(`💡 Le port ${port} de ton ordinateur est déjà pris par un autre programme : le conteneur web tourne, mais http://127\\.0\\.0\\.1:${port}/ ne mène pas à lui \\(Error starting userland proxy: listen tcp4 0\\.0\\.0\\.0:${port}: bind: address already in use\\)\\.`));
      assert.match(await run('docker ps'), /Up Less than a second/);
    } finally {
      busy.close();
    }
  });

  it('completes docker sub-commands, container names and images', async () => {
    const { session: s, run } = session();
    await run('docker run -d --name web nginx:1.27');
    const candidates = (before: string) => s.complete(before)?.candidates ?? [];
    assert.ok(candidates('').includes('docker'));
    assert.deepEqual(candidates('docker bu'), ['build', 'builder', 'buildx']);
    assert.deepEqual(candidates('docker st'), ['start', 'stop']);
    assert.deepEqual(candidates('docker stop '), ['web']);
    assert.deepEqual(candidates('docker image l'), ['list', 'ls']);
    assert.deepEqual(candidates('docker rmi '), ['nginx:1.27']);
    assert.ok(candidates('docker run -d ').includes('traefik/whoami'));
    assert.deepEqual(candidates('docker run --na'), ['--name']);
    assert.deepEqual(completeDocker(cluster.docker, 'docker logs web ')?.candidates, []);
  });

  it('mentions docker in its help', async () => {
    const { run } = session();
    assert.match(await run('help'), /docker build -t monimage:1\.0 \./);
  });
});

