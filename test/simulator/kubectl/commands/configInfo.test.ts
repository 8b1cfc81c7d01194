import * as assert from 'node:assert/strict';
import { kubectl, testCluster } from './support';

// Expected texts are what the real kubectl (v1.35) printed against `atelier serve`'s kubeconfig.

describe('simulator/kubectl/commands: config and cluster-info', () => {
  it('prints the control plane, CoreDNS and the dump hint', () => {
    assert.equal(
      kubectl(testCluster(), 'cluster-info').stdout,
      "Kubernetes control plane is running at https://127.0.0.1:6443\nCoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  it('shows the one atelier context, its secrets hidden', () => {
    const cluster = testCluster();
    const view = kubectl(cluster, 'config view').stdout;
    assert.match(view, /^apiVersion: v1\nclusters:\n- cluster:\n {4}certificate-authority-data: DATA\+OMITTED\n {4}server: https:\/\/127\.0\.0\.1:6443\n {2}name: atelier\n/);
    assert.match(view, /\ncurrent-context: atelier\n[^]*\n {4}token: REDACTED\n$/);
    assert.equal(kubectl(cluster, 'config current-context').stdout, 'atelier\n');
    assert.equal(kubectl(cluster, 'config get-contexts').stdout, 'CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE\n*         atelier   atelier   atelier    \n');
    assert.equal(kubectl(cluster, 'config get-contexts -o name').stdout, 'atelier\n');
    assert.equal(kubectl(cluster, 'config use-context atelier').stdout, 'Switched to context "atelier".\n');
  });

  it("refuses other contexts with kubectl's texts and a French hint", () => {
    const cluster = testCluster();
    const use = kubectl(cluster, 'config use-context kind-kind');
    assert.equal(use.exitCode, 1);
    assert.match(use.stderr, /^error: no context exists with the name: "kind-kind"\n💡 /);
    const get = kubectl(cluster, 'config get-contexts nope');
    assert.equal(get.stdout, 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n');
    assert.match(get.stderr, /^error: context nope not found\n💡 /);
  });
});
