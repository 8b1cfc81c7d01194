/**
 * The real kubectl v1.35 against the facade, output for output with the built-in
 * kubectl. Writes run on two twin clusters (the real kubectl on one through the facade,
 * the built-in on the other) and must print the same; reads run on the same cluster
 * through both and must print the same too. Simulated time only moves when the test
 * says so.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Cluster } from '../../simulator/src/cluster';
import { kubectlProblem, realKubectl, type RunResult } from './support/kubectl';
import { builtIn, filesOf, FIXTURES, newCluster, startHarness, withoutHints, type Harness } from './support/harness';

const APP = join(FIXTURES, 'app');

/** describe's Events ages are the real kubectl's wall clock against simulated times: left out. */
function withoutEventAges(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith('Events:'));
  if (start < 0) return text;
  return [...lines.slice(0, start + 1), ...lines.slice(start + 1).map((line) => line.trim().split(/\s{2,}/).filter((_cell, index) => index !== 2).join('  '))].join('\n');
}

/**
 * What kubectl v1.35 prints differently from v1.30, which the built-in kubectl mirrors:
 * delete names the namespace (v1.34+), describe service adds `Internal Traffic Policy`
 * and reads EndpointSlices (the simulator keeps Endpoints only), which moves the column.
 */
function withoutVersionDifferences(text: string): string {
  return text
    .replace(/ deleted from [a-z0-9-]+ namespace\n/g, ' deleted\n')
    .split('\n')
    .filter((line) => !line.startsWith('Internal Traffic Policy:') && !line.startsWith('Endpoints:'))
    .map((line) => line.replace(/^([A-Z][A-Za-z ]*:)\s+/, '$1 '))
    .join('\n');
}

/**
 * kubectl v1.33+ (kubernetes/kubernetes#129457) prints a projected ConfigMap source's
 * `optional` as a boolean (`Optional:                false`); v1.30 gave the *bool to `%v`:
 * `ConfigMapOptional:       <nil>` for the unset one of every kube-api-access volume, which
 * the built-in kubectl mirrors. Maps the first to the second (an unset `optional` only).
 */
function projectedOptionalAsV130(text: string): string {
  return text.replace(/^( +ConfigMapName: +\S+\n +)Optional:( +)false$/gm, (_line, head: string, pad: string) => `${head}ConfigMapOptional:${' '.repeat(Math.max(1, pad.length - 9))}<nil>`);
}

function assertSame(real: RunResult, builtin: RunResult, what: string): void {
  assert.equal(real.stdout, builtin.stdout, `${what}: stdout`);
  assert.equal(real.exitCode, builtin.exitCode, `${what}: exit code (stderr: ${real.stderr} / ${builtin.stderr})`);
  assert.equal(real.stderr, withoutHints(builtin.stderr), `${what}: stderr`);
}

describe('serve: the real kubectl against the facade', function () {
  this.timeout(120_000);
  const binary = realKubectl();
  let harness: Harness;
  /** The twin cluster the built-in kubectl writes to. */
  let twin: Cluster;

  before(async function () {
    if (!binary) {
      // Reported, not hidden: without the binary, this suite cannot say anything.
      console.warn(`    (kubectl v1.35 unavailable: ${kubectlProblem})`);
      this.skip();
    }
    harness = await startHarness(binary, newCluster());
    twin = newCluster();
  });

  after(async () => {
    await harness?.close();
  });

  /** A write through both kubectls, each on its own cluster. */
  async function write(args: string[], files: Record<string, string> = {}): Promise<void> {
    const real = await harness.real(args);
    const builtin = builtIn(twin, args, files);
    assertSame({ ...real, stdout: withoutVersionDifferences(real.stdout) }, builtin, `kubectl ${args.join(' ')}`);
  }

  /** A read through both kubectls, on the facade's cluster. */
  async function read(args: string[], transform: (text: string) => string = (text) => text): Promise<void> {
    const real = await harness.real(args);
    const builtin = builtIn(harness.cluster, args);
    assertSame({ ...real, stdout: transform(real.stdout) }, { ...builtin, stdout: transform(builtin.stdout) }, `kubectl ${args.join(' ')}`);
  }

  it('applies a folder', async () => {
    await write(['apply', '-f', APP], filesOf(APP));
  });

  it('lists the API resources from discovery', async () => {
    await read(['api-resources']);
  });

  it('gets pods, deployments and services as tables', async () => {
    await read(['get', 'pods']);
    await read(['get', 'deployments']);
    await read(['get', 'services,configmaps']);
    await read(['get', 'all']);
  });

  it('gets with -o wide', async () => {
    await read(['get', 'pods', '-o', 'wide']);
    await read(['get', 'all', '-o', 'wide']);
    await read(['get', 'nodes', '-o', 'wide']);
  });

  it('gets with -o yaml and -o json', async () => {
    await read(['get', 'deployment', 'web', '-o', 'yaml']);
    await read(['get', 'pods', '-o', 'yaml']);
    await read(['get', 'service', 'web', '-o', 'json']);
  });

  it('describes a deployment, a pod and a service', async () => {
    await read(['describe', 'deployment', 'web'], withoutEventAges);
    const pod = builtIn(harness.cluster, ['get', 'pods', '-o', 'name']).stdout.split('\n')[0]!;
    await read(['describe', pod], (text) => projectedOptionalAsV130(withoutEventAges(text)));
    await read(['describe', 'service', 'web'], (text) => withoutVersionDifferences(withoutEventAges(text)));
  });

  it('reports an invalid manifest as the API server does', async () => {
    const invalid = join(FIXTURES, 'invalid', 'deployment.yaml');
    await write(['apply', '-f', invalid], filesOf(invalid));
  });

  it('reports what does not exist as the API server does', async () => {
    await read(['get', 'deployment', 'nope']);
    await read(['get', 'pods', '-n', 'nowhere']);
    await read(['get', 'frobnicators']);
  });

  it('scales, then shows the new pods', async () => {
    await write(['scale', 'deployment', 'web', '--replicas=3']);
    await read(['get', 'pods']);
    await read(['get', 'deployment', 'web']);
  });

  it('follows a rollout: status, history, undo', async () => {
    await read(['rollout', 'status', 'deployment/web']);
    await write(['set', 'image', 'deployment/web', 'web=nginx:1.26']);
    await read(['rollout', 'status', 'deployment/web']);
    await read(['rollout', 'history', 'deployment/web']);
    await write(['rollout', 'undo', 'deployment/web']);
    await read(['rollout', 'history', 'deployment/web']);
    await read(['get', 'replicasets']);
  });

  it('lists events', async () => {
    // The built-in kubectl sorts events by time; the real one lists them in name order.
    const sortRows = (text: string): string => {
      const [header, ...rows] = text.split('\n');
      return [header, ...rows.sort()].join('\n');
    };
    await read(['get', 'events'], sortRows);
  });

  it('answers auth can-i with impersonation', async () => {
    await read(['auth', 'can-i', 'create', 'deployments']);
    await read(['auth', 'can-i', 'create', 'deployments', '--as', 'jane']);
    await read(['auth', 'can-i', 'list', 'pods', '--as', 'jane']);
    await read(['auth', 'can-i', 'list', 'pods', '--as', 'jane', '-n', 'kube-system']);
    await read(['auth', 'can-i', '--list', '--as', 'jane']);
    await read(['auth', 'whoami', '--as', 'jane']);
    await read(['get', 'pods', '--as', 'jane', '-o', 'name']);
    await read(['get', 'deployments', '--as', 'jane']);
  });

  it('creates with kubectl create, whose bodies are protobuf', async () => {
    await write(['create', 'deployment', 'hello', '--image=nginx:1.25', '--replicas=2', '--port=80']);
    await write(['create', 'namespace', 'dev']);
    await write(['create', 'configmap', 'settings', '--from-literal=mode=dev']);
    await write(['create', 'secret', 'generic', 'password', '--from-literal=password=s3cr3t']);
    // The same objects on both clusters.
    for (const args of [['get', 'deployment', 'hello', '-o', 'jsonpath={.spec}'], ['get', 'configmap', 'settings', '-o', 'jsonpath={.data}'], ['get', 'secret', 'password', '-o', 'jsonpath={.data}']]) {
      assert.equal(builtIn(harness.cluster, args).stdout, builtIn(twin, args).stdout, args.join(' '));
    }
  });

  it('deletes', async () => {
    await write(['delete', 'deployment', 'web']);
    await write(['delete', 'service', 'web']);
    await read(['get', 'deployments']);
  });
});
