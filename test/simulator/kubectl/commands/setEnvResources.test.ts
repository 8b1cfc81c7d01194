import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import type { Cluster } from '../../../../simulator/src/cluster';
import { kubectl, testCluster } from './support';

// Expected texts are what the real kubectl (v1.35) printed against `atelier serve`.

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const firstLine = (text: string): string => text.split('\n')[0]!;
const container = (cluster: Cluster): Record<string, unknown> =>
  (cluster.store.get(DEPLOYMENTS, 'default', 'web').spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers[0]!;

function withWeb(): Cluster {
  const cluster = testCluster();
  kubectl(cluster, 'create deployment web --image=nginx');
  return cluster;
}

describe('simulator/kubectl/commands: set env', () => {
  it('sets, lists and removes variables; an unchanged object prints nothing', () => {
    const cluster = withWeb();
    assert.equal(kubectl(cluster, 'set env deploy/web A=1 B=2').stdout, 'deployment.apps/web env updated\n');
    assert.equal(kubectl(cluster, 'set env deploy/web --list').stdout, '# Deployment web, container nginx\nA=1\nB=2\n');
    assert.equal(kubectl(cluster, 'set env deploy/web A-').stdout, 'deployment.apps/web env updated\n');
    assert.equal(kubectl(cluster, 'set env deploy/web A=1').stdout, 'deployment.apps/web env updated\n');
    assert.deepEqual(kubectl(cluster, 'set env deploy/web A=1'), { stdout: '', stderr: '', exitCode: 0 });
    assert.deepEqual(container(cluster).env, [{ name: 'B', value: '2' }, { name: 'A', value: '1' }]);
  });

  it('adds one variable per key of a ConfigMap with --from, names made valid', () => {
    const cluster = withWeb();
    kubectl(cluster, 'create configmap cfg --from-literal=mode=prod --from-literal=lvl=3');
    const result = kubectl(cluster, 'set env deploy/web --from=configmap/cfg --prefix=APP_');
    assert.equal(result.stdout, 'deployment.apps/web env updated\n');
    assert.equal(result.stderr, 'Warning: key lvl transferred to LVL\nWarning: key mode transferred to MODE\n');
    assert.equal(kubectl(cluster, 'set env deploy/web --list').stdout, '# Deployment web, container nginx\n# APP_LVL from configmap cfg, key lvl\n# APP_MODE from configmap cfg, key mode\n');
  });

  it("refuses bad input with kubectl's texts", () => {
    const cluster = withWeb();
    assert.equal(kubectl(cluster, 'set env deploy/web A=1 -c nope').stderr, 'Warning: Deployment/web does not have any containers matching "nope"\n');
    const bad = kubectl(cluster, 'set env deploy/web 1A=x');
    assert.match(firstLine(bad.stderr), /^error: "1A" is not a valid key name: a valid environment variable name must consist of/);
    assert.match(bad.stderr, /\n💡 /);
    assert.equal(firstLine(kubectl(cluster, 'set env').stderr), 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  });
});

describe('simulator/kubectl/commands: set resources', () => {
  it('merges limits and requests, in canonical quantities', () => {
    const cluster = withWeb();
    assert.equal(kubectl(cluster, 'set resources deploy/web --limits=cpu=200m,memory=512Mi --requests=cpu=0.1').stdout, 'deployment.apps/web resource requirements updated\n');
    assert.deepEqual(container(cluster).resources, { limits: { cpu: '200m', memory: '512Mi' }, requests: { cpu: '100m' } });
    assert.deepEqual(kubectl(cluster, 'set resources deploy/web --limits=cpu=200m'), { stdout: '', stderr: '', exitCode: 0 });
  });

  it("refuses bad input with kubectl's texts", () => {
    const cluster = withWeb();
    kubectl(cluster, 'create configmap cfg --from-literal=a=b');
    assert.equal(firstLine(kubectl(cluster, 'set resources deploy/web').stderr), 'error: you must specify an update to requests or limits (in the form of --requests/--limits)');
    assert.equal(firstLine(kubectl(cluster, 'set resources deploy/web --limits=cpu=x').stderr), "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    assert.equal(firstLine(kubectl(cluster, 'set resources deploy/web --limits=cpu').stderr), 'error: Invalid argument syntax cpu, expected <resource>=<value>');
    assert.equal(firstLine(kubectl(cluster, 'set resources deploy/web -c nope --limits=cpu=1').stderr), 'error: unable to find container named nope');
    const notPods = kubectl(cluster, 'set resources cm/cfg --limits=cpu=1');
    assert.equal(firstLine(notPods.stderr), 'error: configmaps/cfg the object is not a pod or does not have a pod template: *v1.ConfigMap');
    assert.match(notPods.stderr, /\n💡 /);
  });
});
