import * as assert from 'node:assert/strict';
import { createCluster, type Cluster } from '../../../../simulator/src/cluster';
import { runKubectl } from '../../../../simulator/src/kubectl/commands/index';
import { kubectl, testCluster } from './support';

/** A cluster without controllers holding two ConfigMaps and a namespace. */
function withConfigMaps(): Cluster {
  const cluster = createCluster({ seed: 1, controllers: [] });
  kubectl(cluster, 'create namespace dev');
  kubectl(cluster, 'create configmap app --from-literal=a=1');
  kubectl(cluster, 'create configmap other --from-literal=b=2 -n dev');
  return cluster;
}

describe('simulator/kubectl/commands/get', () => {
  it('prints one table for one type, the namespace column with -A', () => {
    const cluster = withConfigMaps();
    assert.equal(kubectl(cluster, 'get cm app').stdout, 'NAME   DATA   AGE\napp    1      0s\n');
    const all = kubectl(cluster, 'get configmaps -A').stdout;
    assert.match(all, /^NAMESPACE\s+NAME\s+DATA\s+AGE\n/);
    assert.match(all, /^default\s+app\s+1\s+0s$/m);
    assert.match(all, /^dev\s+other\s+1\s+0s$/m);
  });

  it('says "No resources found in <ns> namespace." on stderr when the list is empty', () => {
    const result = kubectl(withConfigMaps(), 'get deployments -n dev');
    assert.deepEqual(result, { stdout: '', stderr: 'No resources found in dev namespace.\n', exitCode: 0 });
    assert.equal(kubectl(withConfigMaps(), 'get pv').stderr, 'No resources found\n');
  });

  it('reports a name that is not there after what was found, without "No resources found"', () => {
    const result = kubectl(withConfigMaps(), 'get cm app nope');
    assert.equal(result.stdout, 'NAME   DATA   AGE\napp    1      0s\n');
    assert.match(result.stderr, /^Error from server \(NotFound\): configmaps "nope" not found\n💡 /);
    assert.equal(result.exitCode, 1);
    assert.equal(kubectl(withConfigMaps(), 'get cm nope --ignore-not-found').exitCode, 0);
  });

  it('prints one table per type with kind/name names for several types, separated by a blank line', () => {
    const cluster = withConfigMaps();
    const result = kubectl(cluster, 'get cm,ns');
    const [configMaps, namespaces] = result.stdout.split('\n\n');
    assert.match(configMaps!, /^NAME\s+DATA\s+AGE\nconfigmap\/app\s+1\s+0s$/);
    assert.match(namespaces!, /^NAME\s+STATUS\s+AGE\nnamespace\/default\s+Active/);
  });

  it('accepts TYPE/NAME arguments and rejects mixing the two forms', () => {
    const cluster = withConfigMaps();
    assert.match(kubectl(cluster, 'get configmap/app').stdout, /^NAME\s+DATA\s+AGE\napp\s+/);
    assert.match(kubectl(cluster, 'get cm cm/app').stderr, /^error: there is no need to specify a resource type as a separate argument when passing arguments in resource\/name form/);
  });

  it('prints the object itself for one name with -o yaml|json, a List otherwise', () => {
    const cluster = withConfigMaps();
    const one = kubectl(cluster, 'get cm app -o yaml').stdout;
    assert.match(one, /^apiVersion: v1\ndata:\n {2}a: "1"\nkind: ConfigMap\n/);
    const list = kubectl(cluster, 'get cm -A -o json').stdout;
    const parsed = JSON.parse(list) as { kind: string; items: { metadata: { name: string } }[] };
    assert.equal(parsed.kind, 'List');
    assert.deepEqual(parsed.items.map((item) => item.metadata.name), ['app', 'other']);
    assert.equal((JSON.parse(kubectl(cluster, 'get cm -o json').stdout) as { kind: string }).kind, 'List', 'a list of one is still a List');
  });

  it('prints kind/name lines with -o name', () => {
    assert.equal(kubectl(withConfigMaps(), 'get cm -o name -n dev').stdout, 'configmap/other\n');
  });

  it("rejects an unknown output format with kubectl's list of formats", () => {
    assert.match(kubectl(withConfigMaps(), 'get cm -o yml').stderr, /^error: unable to match a printer suitable for the output format "yml", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n/);
  });

  it('explains an unknown resource type with a French did-you-mean', () => {
    const result = kubectl(withConfigMaps(), 'get deploymnt');
    assert.equal(result.stderr, `error: the server doesn't have a resource type "deploymnt"\n💡 Ce type de ressource n'existe pas : voulais-tu dire « deployment » ? (kubectl api-resources liste les types connus)\n`);
  });

  it("prints kubectl's text when no type is given", () => {
    assert.match(kubectl(withConfigMaps(), 'get').stderr, /^You must specify the type of resource to get\. Use "kubectl api-resources" for a complete list of supported resources\.\n\nerror: Required resource not specified\./);
  });

  it('filters by label selector and shows labels, and refuses names with a selector or -A', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27 --replicas=2');
    kubectl(cluster, 'create deployment api --image=redis:7');
    const pods = kubectl(cluster, 'get pods -l app=web --show-labels').stdout.trim().split('\n');
    assert.equal(pods.length, 3);
    assert.match(pods[0]!, /\sLABELS$/);
    assert.ok(pods.slice(1).every((line) => /^web-\S+\s.*\sapp=web,pod-template-hash=\S+$/.test(line)));
    assert.match(kubectl(cluster, 'get pods web -l app=web').stderr, /^error: name cannot be provided when a selector is specified\n/);
    assert.match(kubectl(cluster, 'get pods web -A').stderr, /^error: a resource cannot be retrieved by name across all namespaces\n/);
  });

  it('lists the resources of the `all` category with kinds in the names', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27');
    const blocks = kubectl(cluster, 'get all').stdout.split('\n\n');
    assert.deepEqual(
      blocks.map((block) => /\n(\S+?)\//.exec(block)?.[1]),
      ['pod', 'service', 'deployment.apps', 'replicaset.apps'],
    );
  });

  it('reads the objects to show from -f files', () => {
    const cluster = withConfigMaps();
    const result = kubectl(cluster, 'get -f cm.yaml', { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\n' });
    assert.match(result.stdout, /^NAME\s+DATA\s+AGE\napp\s+1\s+/);
  });

  it('prints -o jsonpath templates: fields, [*], range and literals, missing fields as nothing', () => {
    const cluster = withConfigMaps();
    assert.equal(kubectl(cluster, 'get cm app -o jsonpath={.data.a}').stdout, '1');
    assert.equal(kubectl(cluster, 'get cm -A -o jsonpath={.items[*].metadata.name}').stdout, 'app other');
    const range = runKubectl(cluster, ['get', 'cm', '-A', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}']);
    assert.equal(range.stdout, 'default/app\ndev/other\n');
    assert.equal(kubectl(cluster, 'get cm app -o jsonpath={.data}').stdout, '{"a":"1"}');
    assert.equal(kubectl(cluster, 'get cm app -o jsonpath={.spec.nothing}').stdout, '');
  });

  it('filters lists in -o jsonpath, and reports a path it cannot read as kubectl does', () => {
    const cluster = withConfigMaps();
    const names = runKubectl(cluster, ['get', 'cm', '-A', '-o', 'jsonpath={.items[?(@.metadata.namespace=="dev")].metadata.name}']);
    assert.equal(names.stdout, 'other');
    assert.equal(runKubectl(cluster, ['get', 'cm', '-A', '-o', 'jsonpath={.items[?(@.metadata.namespace!="dev")].metadata.name}']).stdout, 'app');
    assert.equal(kubectl(cluster, 'get cm app -o jsonpath={.data.*}').stdout, '1');
    assert.match(kubectl(cluster, 'get cm app -o jsonpath={.items[0.x}').stderr, /^error: error parsing jsonpath \{\.items\[0\.x\}, unclosed array expect \]\n/);
  });
});
