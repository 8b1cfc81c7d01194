/**
 * More of the real kubectl v1.35 against the facade: discovery with and without the
 * aggregated documents, logs, explain, server-side apply, dry runs, exec's refusal and
 * a wrong token.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectlProblem, realKubectl } from './support/kubectl';
import { builtIn, FIXTURES, newCluster, startHarness, withoutHints, type Harness } from './support/harness';

const APP = join(FIXTURES, 'app');

describe('serve: more of the real kubectl', function () {
  this.timeout(120_000);
  const binary = realKubectl();
  let harness: Harness;

  before(async function () {
    if (!binary) {
      console.warn(`    (kubectl v1.35 unavailable: ${kubectlProblem})`);
      this.skip();
    }
    harness = await startHarness(binary, newCluster());
    assert.equal((await harness.real(['apply', '-f', APP])).exitCode, 0);
  });

  after(async () => {
    await harness?.close();
  });

  it('reads aggregated discovery: no request per group version', async () => {
    const result = await harness.real(['get', 'deployments', '-v=6', '--cache-dir', join(harness.dir, 'fresh-cache')]);
    assert.equal(result.exitCode, 0);
    assert.match(result.stderr, /GET" url="https:\/\/127\.0\.0\.1:\d+\/apis\?timeout=/);
    assert.doesNotMatch(result.stderr, /url="https:\/\/127\.0\.0\.1:\d+\/apis\/apps\/v1\?timeout=/);
  });

  it('falls back to the legacy discovery documents when the server has no aggregated ones', async () => {
    const legacy = await startHarness(binary!, harness.cluster, { aggregatedDiscovery: false });
    try {
      const result = await legacy.real(['get', 'deployments', '-v=6']);
      assert.equal(result.exitCode, 0, result.stderr);
      assert.match(result.stderr, /url="https:\/\/127\.0\.0\.1:\d+\/apis\/apps\/v1\?timeout=/);
      assert.equal(result.stdout, builtIn(harness.cluster, ['get', 'deployments']).stdout);
    } finally {
      await legacy.close();
    }
  });

  it('prints logs like the built-in kubectl', async () => {
    const pod = builtIn(harness.cluster, ['get', 'pods', '-o', 'name']).stdout.split('\n')[0]!;
    for (const args of [['logs', pod, '--tail=3'], ['logs', 'deployment/web', '--tail=1']]) {
      const real = await harness.real(args);
      const builtin = builtIn(harness.cluster, args);
      assert.equal(real.stdout, builtin.stdout, args.join(' '));
      assert.equal(real.stderr, withoutHints(builtin.stderr), args.join(' '));
    }
  });

  it('explains a field from the OpenAPI v3 schemas', async () => {
    const result = await harness.real(['explain', 'deployment.spec.replicas']);
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /^GROUP:\s+apps\nKIND:\s+Deployment\nVERSION:\s+v1\n\nFIELD: replicas <integer>/);
  });

  it('applies server-side, and dry-runs on the server', async () => {
    const applied = await harness.real(['apply', '--server-side', '-f', join(APP, 'config.yaml')]);
    assert.equal(applied.stdout, 'configmap/web-config serverside-applied\n');
    const changed = join(harness.dir, 'changed.yaml');
    writeFileSync(changed, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  greeting: salut\n');
    const real = await harness.real(['apply', '--dry-run=server', '-f', changed]);
    assert.equal(real.stdout, 'configmap/web-config configured (server dry run)\n');
    const live = await harness.real(['get', 'configmap', 'web-config', '-o', 'jsonpath={.data.greeting}']);
    assert.equal(live.stdout, 'bonjour');
  });

  it('refuses exec with an explanation in French', async () => {
    const pod = builtIn(harness.cluster, ['get', 'pods', '-o', 'name']).stdout.split('\n')[0]!;
    const result = await harness.real(['exec', pod, '--', 'ls']);
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /kubectl exec is not supported by the Atelier's simulated cluster/);
    assert.match(result.stderr, /les conteneurs simulés ne sont pas des processus/);
  });

  it('tells a kubectl with the wrong token to log in', async () => {
    const result = await harness.real(['get', 'pods', '--token', 'wrong']);
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /error: You must be logged in to the server/);
  });
});
