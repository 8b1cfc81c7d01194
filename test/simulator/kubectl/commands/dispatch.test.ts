import * as assert from 'node:assert/strict';
import { createCluster } from '../../../../simulator/src/cluster';
import { fileArguments, HINT_PREFIX, runKubectl, suggestCommands } from '../../../../simulator/src/kubectl/commands/index';
import { kubectl, testCluster } from './support';

/** A cluster with no controllers: enough for what kubectl itself decides. */
const bare = () => createCluster({ seed: 1, controllers: [] });

describe('simulator/kubectl/commands: finding the command', () => {
  it("answers a typo with cobra's message and suggestions, in kubectl's order, then a French hint", () => {
    const result = kubectl(bare(), 'gt pods');
    assert.equal(result.exitCode, 1);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      'error: unknown command "gt" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tcp\n' + `${HINT_PREFIX}Commande inconnue : voulais-tu dire « kubectl get » ?\n`,
    );
  });

  it('suggests like cobra: two edits at most, or a prefix, case-insensitively', () => {
    assert.deepEqual(suggestCommands('a'), ['autoscale', 'attach', 'cp', 'auth', 'apply', 'annotate', 'alpha', 'api-versions', 'api-resources']);
    assert.deepEqual(suggestCommands('GET'), ['set', 'get']);
    assert.deepEqual(suggestCommands('verison'), ['version']);
    assert.deepEqual(suggestCommands('xyzzy'), []);
    assert.deepEqual(suggestCommands('descirbe'), ['describe']);
  });

  it('prints no suggestion list when nothing is close', () => {
    const result = kubectl(bare(), 'kubectl get pods');
    assert.match(result.stderr, /^error: unknown command "kubectl" for "kubectl"\n💡 /);
    assert.doesNotMatch(result.stderr, /Did you mean/);
  });

  it("takes an unknown word after flags for a plugin, as kubectl's plugin handler does", () => {
    assert.match(kubectl(bare(), '-n dev gt pods').stderr, /^Error: flags cannot be placed before plugin name: -n\n/);
  });

  it('finds the command after global flags and keeps them for it', () => {
    const cluster = bare();
    assert.equal(kubectl(cluster, 'create namespace dev').exitCode, 0);
    const result = kubectl(cluster, '-n dev create configmap settings --from-literal=mode=prod');
    assert.equal(result.stdout, 'configmap/settings created\n');
    assert.equal(kubectl(cluster, 'get configmap settings -n dev -o name').stdout, 'configmap/settings\n');
  });

  it('says so for a real kubectl command the simulated cluster does not run', () => {
    const result = kubectl(bare(), 'cp web:/etc/hostname hostname');
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /^error: "kubectl cp" is not available in the simulated cluster\n💡 /);
  });

  it('prints the help of a command group on stderr, and rejects an unknown subcommand like kubectl', () => {
    const bareRollout = kubectl(bare(), 'rollout');
    assert.equal(bareRollout.exitCode, 1);
    assert.match(bareRollout.stderr, /^Manage the rollout of one or many resources\./);
    const typo = kubectl(bare(), 'rollout statsu deploy/web');
    assert.match(typo.stderr, /^error: unknown command "statsu deploy\/web"\nSee 'kubectl rollout -h' for help and examples\n/);
  });

  it('resolves subcommand aliases (create ns, create deploy)', () => {
    const cluster = bare();
    assert.equal(kubectl(cluster, 'create ns dev').stdout, 'namespace/dev created\n');
    assert.equal(kubectl(cluster, 'create ns').stderr.split('\n').slice(0, 2).join('\n'), "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples");
  });

  it('prints the list of commands for kubectl alone', () => {
    const result = runKubectl(bare(), []);
    assert.equal(result.exitCode, 0);
    assert.match(result.stdout, /^kubectl controls the Kubernetes cluster manager\./);
    assert.match(result.stdout, /^ {2}apply +Apply a configuration to a resource by file name or stdin$/m);
  });

  it("reports flag errors with pflag's text and kubectl's usage line", () => {
    const result = kubectl(bare(), 'get pods --foo');
    assert.equal(result.stderr.split('\n').slice(0, 2).join('\n'), "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.");
    assert.match(result.stderr, /\n💡 Cette option n'existe pas pour « kubectl get »/);
    const nested = kubectl(bare(), 'create deployment web --image=nginx --replicas=x');
    assert.match(nested.stderr, /^error: invalid argument "x" for "-r, --replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee 'kubectl create deployment --help' for usage\.\n/);
  });
});

describe('simulator/kubectl/commands: settling and files', () => {
  it('lets the cluster settle after a change, not after a read, and not when told not to', () => {
    const cluster = testCluster();
    const before = cluster.clock.now();
    runKubectl(cluster, ['get', 'pods']);
    assert.equal(cluster.clock.now(), before, 'a read moves no time');
    runKubectl(cluster, ['create', 'deployment', 'web', '--image=nginx:1.27'], { settle: false });
    assert.equal(cluster.clock.now(), before);
    assert.equal(kubectl(cluster, 'get pods').stderr, 'No resources found in default namespace.\n', 'nothing reconciled yet');
    runKubectl(cluster, ['scale', 'deploy', 'web', '--replicas=2']);
    assert.ok(cluster.clock.now() > before, 'the image pull and the start took simulated time');
    assert.equal(kubectl(cluster, 'get pods -o name').stdout.split('\n').length, 3);
  });

  it('tells a caller which local paths a command line reads', () => {
    assert.deepEqual(fileArguments(['apply', '-f', 'a.yaml,b.yaml', '--filename=k8s', '-Rf', 'more']), { paths: ['a.yaml', 'b.yaml', 'k8s', 'more'], recursive: true });
    assert.deepEqual(fileArguments(['create', 'cm', 'x', '--from-file=key=conf/app.conf', '--from-file', 'conf/other']), { paths: ['conf/app.conf', 'conf/other'], recursive: false });
    assert.deepEqual(fileArguments(['create', 'secret', 'tls', 't', '--cert=certs/tls.crt', '--key', 'certs/tls.key']), { paths: ['certs/tls.crt', 'certs/tls.key'], recursive: false });
    assert.deepEqual(fileArguments(['get', 'pods', '-o', 'wide', '--', '-f', 'x']), { paths: [], recursive: false });
  });
});
