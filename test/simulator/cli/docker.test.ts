import * as assert from 'node:assert/strict';
import { runCli, type CliInfo } from '../../../simulator/cli/run';
import { DEFAULT_STATE_FILE, type CliFileSystem } from '../../../simulator/cli/state';

/** A current folder in memory (`.` and `./x` as node:fs reads them), recording the state file's writes. */
class Folder implements CliFileSystem {
  readonly files = new Map<string, string>();
  writes = 0;

  constructor(files: Record<string, string>) {
    for (const [name, text] of Object.entries(files)) this.files.set(name, text);
  }

  private clean = (path: string): string => path.replace(/^\.(\/|$)/, '').replace(/\/+$/, '');

  readFile(path: string): string | undefined {
    return this.files.get(this.clean(path));
  }

  readDir(path: string): { name: string; directory: boolean }[] | undefined {
    const folder = this.clean(path);
    const names = new Map<string, boolean>();
    for (const file of this.files.keys()) {
      if (folder !== '' && !file.startsWith(`${folder}/`)) continue;
      const [name = '', ...rest] = (folder === '' ? file : file.slice(folder.length + 1)).split('/');
      names.set(name, rest.length > 0 || names.get(name) === true);
    }
    return names.size === 0 ? undefined : [...names].sort().map(([name, directory]) => ({ name, directory }));
  }

  writeFileAtomic(path: string, text: string): void {
    this.writes++;
    this.files.set(path, text);
  }
}

const APP = {
  Dockerfile: 'FROM nginx:1.27\nCOPY index.html /usr/share/nginx/html/\nEXPOSE 80\n',
  'index.html': '<h1>Bonjour</h1>\n',
  'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: monimage:1.0\n',
};

describe('cli: atelier docker', () => {
  const info = (files: CliFileSystem): CliInfo => ({ atelierVersion: 'test', kubernetesVersion: 'v1.30.0', files });

  it('builds from the current folder into the state file; the next command finds the image', () => {
    const folder = new Folder(APP);
    const build = runCli(['docker', 'build', '-t', 'monimage:1.0', '.'], info(folder));
    assert.equal(build.exitCode, 0, build.stderr);
    assert.equal(build.stdout, '');
    // BuildKit writes its progress on stderr.
    assert.match(build.stderr, /#\d+ naming to docker\.io\/library\/monimage:1\.0 done\n/);
    assert.ok(folder.files.has(DEFAULT_STATE_FILE));
    const images = runCli(['docker', 'images'], info(folder));
    assert.match(images.stdout, /^REPOSITORY {3}TAG {7}IMAGE ID {7}CREATED {18}SIZE\nmonimage {5}1\.0 {7}[0-9a-f]{12} {3}Less than a second ago {3}187MB\n$/);
  });

  it('shares the cluster with atelier kubectl: a Pod runs the built image', () => {
    const folder = new Folder(APP);
    runCli(['docker', 'build', '-t', 'monimage:1.0', '.'], info(folder));
    assert.equal(runCli(['kubectl', 'apply', '-f', 'pod.yaml'], info(folder)).stdout, 'pod/web created\n');
    runCli(['advance', '30s'], info(folder));
    assert.match(runCli(['kubectl', 'get', 'pods'], info(folder)).stdout, /web\s+1\/1\s+Running/);
    assert.equal(runCli(['kubectl', 'exec', 'web', '--', 'cat', '/usr/share/nginx/html/index.html'], info(folder)).stdout, '<h1>Bonjour</h1>\n');
  });

  it('keeps containers between commands, and writes the state only when the engine changed', () => {
    const folder = new Folder(APP);
    runCli(['docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'nginx:1.27'], info(folder));
    const writes = folder.writes;
    assert.match(runCli(['docker', 'ps'], info(folder)).stdout, /0\.0\.0\.0:8080->80\/tcp\s+web\n$/);
    assert.equal(folder.writes, writes);
    assert.equal(runCli(['docker', 'stop', 'web'], info(folder)).stdout, 'web\n');
    assert.equal(folder.writes, writes + 1);
  });

  it("returns docker's exit codes and texts, a hint on stderr, and uses --state", () => {
    const folder = new Folder(APP);
    const unknown = runCli(['docker', '--state', 'other.json', 'frob'], info(folder));
    assert.deepEqual([unknown.stderr, unknown.exitCode], ["docker: 'frob' is not a docker command.\nSee 'docker --help'\n", 1]);
    assert.ok(folder.files.has('other.json'));
    const attached = runCli(['docker', 'run', '--name', 'web', 'nginx:1.27'], info(folder));
    assert.match(attached.stderr, /💡 Le conteneur web tourne toujours/);
    assert.equal(runCli(['docker', 'run', 'alpine', 'sh', '-c', 'exit 4'], info(folder)).exitCode, 4);
  });

  it('lists docker in atelier help', () => {
    assert.match(runCli(['help'], info(new Folder({}))).stdout, /\n {2}docker +docker simulé/);
  });
});
