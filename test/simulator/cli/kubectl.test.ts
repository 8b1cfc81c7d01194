import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli, type CliInfo } from '../../../simulator/cli/run';
import { DEFAULT_STATE_FILE, deserializeCluster, serializeCluster, type CliFileSystem, type ClusterFactory } from '../../../simulator/cli/state';
import { createCluster, loadCluster } from '../../../simulator/src/cluster';
import { defaultNodes } from '../../../simulator/src/scheduler/nodes';
import { distFile } from '../../support/dist';
import { fullControllers, kubectl } from '../kubectl/commands/support';

/** An in-memory disk that records its writes. */
class MemoryDisk implements CliFileSystem {
  readonly files = new Map<string, string>();
  readonly writes: string[] = [];

  constructor(files: Record<string, string> = {}) {
    for (const [name, text] of Object.entries(files)) this.files.set(name, text);
  }

  readFile(file: string): string | undefined {
    return this.files.get(file);
  }

  readDir(folder: string): { name: string; directory: boolean }[] | undefined {
    const prefix = `${folder.replace(/\/+$/, '')}/`;
    const names = new Map<string, boolean>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const [name, ...rest] = file.slice(prefix.length).split('/');
      names.set(name!, rest.length > 0 || names.get(name!) === true);
    }
    return names.size === 0 ? undefined : [...names].sort().map(([name, directory]) => ({ name, directory }));
  }

  writeFileAtomic(file: string, text: string): void {
    this.writes.push(file);
    this.files.set(file, text);
  }
}

/** Clusters with every controller (the cluster's own list is being completed). */
const CLUSTERS: ClusterFactory = {
  create: () => createCluster({ seed: 1, nodes: defaultNodes(), controllers: fullControllers() }),
  load: (saved) => loadCluster(saved, { controllers: fullControllers() }),
};

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: "nginx:1.27"}]}
`;

const info = (disk: MemoryDisk): CliInfo => ({ atelierVersion: '1.2.3', kubernetesVersion: 'v1.30.0', files: disk, clusters: CLUSTERS });

describe('simulator/cli: atelier kubectl and atelier advance', () => {
  it('lists both subcommands in the usage', () => {
    const usage = runCli(['help'], info(new MemoryDisk())).stdout;
    assert.match(usage, /^ {2}kubectl +kubectl contre le cluster simulé/m);
    assert.match(usage, /^ {2}advance +fait passer le temps simulé/m);
  });

  it('applies a folder, persists the cluster, and the next command finds the Pods running', () => {
    const disk = new MemoryDisk({ 'k8s/web.yaml': DEPLOYMENT, 'k8s/notes.txt': 'not a manifest' });
    const apply = runCli(['kubectl', 'apply', '-f', 'k8s'], info(disk));
    assert.deepEqual(apply, { stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0 });
    assert.deepEqual(disk.writes, [DEFAULT_STATE_FILE]);
    const pods = runCli(['kubectl', 'get', 'pods'], info(disk)).stdout.trim().split('\n');
    assert.equal(pods.length, 3);
    assert.ok(pods.slice(1).every((line) => /^web-\S+\s+1\/1\s+Running\s+0\s+\d+s$/.test(line)), pods.join('\n'));
    assert.deepEqual(disk.writes, [DEFAULT_STATE_FILE], 'a read-only command does not write the state back');
  });

  it('keeps the cluster in the file --state names', () => {
    const disk = new MemoryDisk({ 'web.yaml': DEPLOYMENT });
    runCli(['kubectl', '--state', 'lab/state.json', 'apply', '-f', 'web.yaml'], info(disk));
    assert.ok(disk.files.has('lab/state.json'));
    assert.equal(disk.files.has(DEFAULT_STATE_FILE), false);
    assert.match(runCli(['kubectl', 'get', 'deploy', '--state=lab/state.json'], info(disk)).stdout, /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+2\/2\s+2\s+2\s+/);
    assert.equal(runCli(['kubectl', 'get', 'deploy'], info(disk)).stderr, 'No resources found in default namespace.\n');
  });

  it('moves simulated time with advance: ages grow, time is saved', () => {
    const disk = new MemoryDisk({ 'web.yaml': DEPLOYMENT });
    runCli(['kubectl', 'apply', '-f', 'web.yaml'], info(disk));
    const result = runCli(['advance', '5m'], info(disk));
    assert.equal(result.exitCode, 0);
    assert.match(result.stdout, /^Temps simulé avancé de 5m : il est maintenant 2024-01-01T00:05:\d\dZ\.\n$/);
    assert.match(runCli(['kubectl', 'get', 'deploy', 'web'], info(disk)).stdout, /\n\s*web\s+2\/2\s+2\s+2\s+5m\d*s?\n$/);
  });

  it('puts a CPU load on a workload with load, and an HPA scales it up', () => {
    const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: 6
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}]
`;
    const withRequests = DEPLOYMENT.replace('image: "nginx:1.27"}', 'image: "nginx:1.27", resources: {requests: {cpu: 100m}}}');
    const disk = new MemoryDisk({ 'web.yaml': withRequests, 'hpa.yaml': hpa });
    runCli(['kubectl', 'apply', '-f', 'web.yaml', '-f', 'hpa.yaml'], info(disk));
    const loaded = runCli(['load', 'deployment/web', '90%'], info(disk));
    assert.equal(loaded.exitCode, 0, loaded.stderr);
    assert.match(loaded.stdout, /deployment\/web : une charge de 90 %/);
    // kubectl top shows the load the HPA reacts to (90 % of 2 × 100m, shared by the ready Pods).
    const top = runCli(['kubectl', 'top', 'pods'], info(disk)).stdout;
    const cpus = [...top.matchAll(/\n\S+\s+(\d+)m\s+\d+Mi/g)].map((match) => Number(match[1]));
    assert.ok(cpus.length >= 2 && cpus.every((cpu) => cpu >= 40), top);
    runCli(['advance', '2m'], info(disk));
    const replicas = /\n\s*web\s+(\d+)\/(\d+)/.exec(runCli(['kubectl', 'get', 'deploy', 'web'], info(disk)).stdout);
    assert.ok(replicas && Number(replicas[2]) > 2, 'the HPA scaled the Deployment up');
    assert.equal(runCli(['load', 'deployment/web'], info(disk)).exitCode, 2);
    assert.match(runCli(['load', 'deployment/nope', '50%'], info(disk)).stderr, /Error from server \(NotFound\): deployments.apps "nope" not found/);
  });

  it('rejects a bad duration or a missing one (usage errors, exit code 2)', () => {
    for (const args of [['advance'], ['advance', '5'], ['advance', 'soon'], ['advance', '-5m']]) {
      const result = runCli(args, info(new MemoryDisk()));
      assert.equal(result.exitCode, 2, args.join(' '));
      assert.match(result.stderr, /^atelier : /);
    }
  });

  it('explains a state file it cannot read', () => {
    const result = runCli(['kubectl', 'get', 'pods'], info(new MemoryDisk({ [DEFAULT_STATE_FILE]: '{ not json' })));
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /^error: \.atelier\/cluster\.json: not a cluster state file \(.+\)\n💡 Le fichier d'état/);
  });

  it('reads standard input for -f -, named STDIN in messages', () => {
    const disk = Object.assign(new MemoryDisk(), { readStdin: () => 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nmetadata: {name: b}\n' });
    const result = runCli(['kubectl', 'apply', '-f', '-'], info(disk));
    assert.equal(result.stdout, 'configmap/a created\n');
    assert.match(result.stderr, /^error: unable to decode "STDIN": Object 'Kind' is missing in '\{"apiVersion":"v1","metadata":\{"name":"b"\}\}'\n💡 /);
  });

  it("passes kubectl's own errors through, with their exit code", () => {
    const result = runCli(['kubectl', 'gt', 'pods'], info(new MemoryDisk()));
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /^error: unknown command "gt" for "kubectl"\n\nDid you mean this\?\n\tset\n\tget\n\tcp\n/);
  });

  it('saves and loads a busy cluster losslessly, and the loaded one carries on like the original', () => {
    const cluster = CLUSTERS.create();
    const files = {
      'web.yaml': `${DEPLOYMENT}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`,
      'crash.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: crash}\nspec:\n  containers: [{name: app, image: "busybox:1.36", command: ["sh", "-c", "exit 1"]}]\n',
    };
    kubectl(cluster, 'apply -f web.yaml', files);
    kubectl(cluster, 'apply -f crash.yaml', files);
    kubectl(cluster, 'create namespace dev');
    kubectl(cluster, 'create deployment api --image=redis:7 --replicas=3 -n dev');
    kubectl(cluster, 'create secret generic db --from-literal=password=x -n dev');
    kubectl(cluster, 'scale deploy web --replicas=3');
    const text = serializeCluster(cluster);
    const loaded = deserializeCluster(text, 'state.json', CLUSTERS);
    assert.equal(serializeCluster(loaded), text, 'save(load(save(c))) is save(c)');
    for (const line of ['get all -A', 'get events -A', 'describe pod crash']) {
      assert.equal(kubectl(loaded, line).stdout, kubectl(cluster, line).stdout, line);
    }
    cluster.advance(120_000);
    loaded.advance(120_000);
    assert.equal(kubectl(loaded, 'get pods -A -o wide').stdout, kubectl(cluster, 'get pods -A -o wide').stdout);
  });
});

describe('simulator/cli: dist/cli.js kubectl, through a real folder', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'atelier-cli-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('applies a file, keeps .atelier/cluster.json (no temporary file left), and reads it back', () => {
    const atelier = (...args: string[]) => spawnSync(process.execPath, [distFile('cli.js'), ...args], { cwd: folder, encoding: 'utf8' });
    writeFileSync(path.join(folder, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {mode: prod}\n');
    const apply = atelier('kubectl', 'apply', '-f', 'cm.yaml');
    assert.equal(apply.stderr, '');
    assert.equal(apply.stdout, 'configmap/settings created\n');
    assert.equal(apply.status, 0);
    assert.ok(existsSync(path.join(folder, '.atelier', 'cluster.json')));
    assert.deepEqual(readdirSync(path.join(folder, '.atelier')), ['cluster.json']);
    assert.equal(atelier('kubectl', 'get', 'configmap', 'settings', '-o', 'name').stdout, 'configmap/settings\n');
    assert.equal(atelier('advance', '1m').status, 0);
    assert.match(atelier('kubectl', 'get', 'cm', 'settings').stdout, /^NAME\s+DATA\s+AGE\nsettings\s+1\s+(60s|6\ds|1m\d*s?)\n$/);
    const missing = atelier('kubectl', 'apply', '-f', 'nope.yaml');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^error: the path "nope\.yaml" does not exist\n/);
  });
});
