import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import { createCluster, type Cluster } from '../../../../simulator/src/cluster';
import { kubectl } from './support';

/** A cluster without controllers (it starts with the bootstrap RBAC policy) and a namespace dev. */
function rbacCluster(): Cluster {
  const cluster = createCluster({ seed: 1, controllers: [] });
  kubectl(cluster, 'create namespace dev');
  return cluster;
}

const POD_READER = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
  namespace: dev
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: read-pods
  namespace: dev
subjects:
- kind: User
  name: jane
  apiGroup: rbac.authorization.k8s.io
- kind: ServiceAccount
  name: ci
roleRef:
  kind: Role
  name: pod-reader
  apiGroup: rbac.authorization.k8s.io
`;

function withPodReader(): Cluster {
  const cluster = rbacCluster();
  assert.equal(kubectl(cluster, 'apply -f rbac.yaml', { 'rbac.yaml': POD_READER }).exitCode, 0);
  return cluster;
}

describe('simulator/kubectl/commands/rbac (--as, auth can-i)', () => {
  it('starts every cluster with the bootstrap policy', () => {
    const names = rbacCluster().store.list(kindInfo('rbac.authorization.k8s.io/v1', 'ClusterRole')!).map((role) => (role.metadata as { name: string }).name);
    for (const name of ['cluster-admin', 'admin', 'edit', 'view']) assert.ok(names.includes(name), name);
  });

  it('runs as the administrator by default', () => {
    const cluster = rbacCluster();
    assert.equal(kubectl(cluster, 'get nodes').exitCode, 0);
    assert.deepEqual(kubectl(cluster, 'auth can-i * *'), { stdout: 'yes\n', stderr: '', exitCode: 0 });
    assert.equal(kubectl(cluster, 'auth whoami').stdout, 'ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [system:masters system:authenticated]\n');
  });

  it("refuses a list with the API server's Forbidden text, in a namespace and at the cluster scope", () => {
    const cluster = rbacCluster();
    const pods = kubectl(cluster, 'get pods --as jane');
    assert.equal(pods.stdout, '');
    assert.match(pods.stderr, /^Error from server \(Forbidden\): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"\n💡 /);
    assert.equal(pods.exitCode, 1);
    assert.match(kubectl(cluster, 'get nodes --as jane').stderr, /^Error from server \(Forbidden\): nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope\n/);
    assert.match(kubectl(cluster, 'get pods -A --as jane').stderr, /cannot list resource "pods" in API group "" at the cluster scope\n/);
  });

  it('names the object when the request does, and the group for grouped resources', () => {
    const cluster = rbacCluster();
    kubectl(cluster, 'create configmap web --from-literal=a=1');
    assert.match(kubectl(cluster, 'get configmap web --as jane').stderr, /^Error from server \(Forbidden\): configmaps "web" is forbidden: User "jane" cannot get resource "configmaps" in API group "" in the namespace "default"\n/);
    assert.match(kubectl(cluster, 'create deployment web --image=nginx --as jane').stderr, /^Error from server \(Forbidden\): deployments\.apps is forbidden: User "jane" cannot create resource "deployments" in API group "apps" in the namespace "default"\n💡 /);
    assert.match(kubectl(cluster, 'delete configmap web --as jane').stderr, /configmaps "web" is forbidden: User "jane" cannot (get|delete) resource "configmaps"/);
    assert.equal(kubectl(cluster, 'get configmap web').exitCode, 0, 'nothing was deleted');
  });

  it('allows what a RoleBinding grants, in its namespace only', () => {
    const cluster = withPodReader();
    const dev = kubectl(cluster, 'get pods -n dev --as jane');
    assert.deepEqual(dev, { stdout: '', stderr: 'No resources found in dev namespace.\n', exitCode: 0 });
    assert.equal(kubectl(cluster, 'get pods --as jane').exitCode, 1);
    assert.deepEqual(kubectl(cluster, 'auth can-i list pods -n dev --as jane'), { stdout: 'yes\n', stderr: '', exitCode: 0 });
    assert.deepEqual(kubectl(cluster, 'auth can-i delete pods -n dev --as jane'), { stdout: 'no\n', stderr: '', exitCode: 1 });
    assert.deepEqual(kubectl(cluster, 'auth can-i list pods --as jane'), { stdout: 'no\n', stderr: '', exitCode: 1 });
    assert.deepEqual(kubectl(cluster, 'auth can-i get pods/web -n dev --as jane -q'), { stdout: '', stderr: '', exitCode: 0 });
    assert.equal(kubectl(cluster, 'auth can-i get pods -n dev --subresource=log --as jane').stdout, 'no\n');
  });

  it('describes what the user may get, leaving out the events it may not list', () => {
    const cluster = withPodReader();
    kubectl(cluster, 'create configmap app --from-literal=a=1 -n dev');
    const role = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: cm\n  namespace: dev\nrules:\n- apiGroups: [""]\n  resources: [configmaps]\n  verbs: [get]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: cm\n  namespace: dev\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: cm\nsubjects:\n- kind: User\n  name: jane\n';
    assert.equal(kubectl(cluster, 'apply -f cm.yaml', { 'cm.yaml': role }).exitCode, 0);
    const result = kubectl(cluster, 'describe configmap app -n dev --as jane');
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /^Name: +app\n/);
  });

  it('authorizes ServiceAccounts with --as system:serviceaccount:NS:NAME (subject namespace defaulted)', () => {
    const cluster = withPodReader();
    assert.equal(kubectl(cluster, 'auth can-i list pods -n dev --as system:serviceaccount:dev:ci').stdout, 'yes\n');
    assert.equal(kubectl(cluster, 'auth can-i list pods -n dev --as system:serviceaccount:prod:ci').stdout, 'no\n');
    assert.match(kubectl(cluster, 'auth whoami --as system:serviceaccount:dev:ci').stdout, /Groups {6}\[system:serviceaccounts system:serviceaccounts:dev system:authenticated\]\n$/);
  });

  it('grants through --as-group, and refuses --as-group without --as', () => {
    const cluster = rbacCluster();
    const binding = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ops-view\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n- kind: Group\n  name: ops\n';
    assert.equal(kubectl(cluster, 'apply -f crb.yaml', { 'crb.yaml': binding }).exitCode, 0);
    assert.equal(kubectl(cluster, 'auth can-i list deployments.apps -A --as bob --as-group ops').stdout, 'yes\n');
    assert.equal(kubectl(cluster, 'auth can-i list deployments.apps -A --as bob').stdout, 'no\n');
    const alone = kubectl(cluster, 'get pods --as-group ops');
    assert.match(alone.stderr, /^error: invalid configuration: requesting uid, groups or user-extra for kind-kind without impersonating a user\n/);
    assert.equal(alone.exitCode, 1);
  });

  it("prints kubectl's warnings for a cluster-scoped resource, an unknown type and an unknown verb", () => {
    const cluster = rbacCluster();
    assert.deepEqual(kubectl(cluster, 'auth can-i list nodes -n dev --as jane'), { stdout: 'no\n', stderr: "Warning: resource 'nodes' is not namespace scoped\n\n", exitCode: 1 });
    assert.equal(kubectl(cluster, 'auth can-i get foos').stderr, "Warning: the server doesn't have a resource type 'foos'\n\n");
    assert.equal(kubectl(cluster, 'auth can-i frobnicate pods').stderr, "Warning: verb 'frobnicate' is not a known verb\n\n");
    assert.equal(kubectl(cluster, 'auth can-i list clusterroles -A').stderr, '');
  });

  it('says why a binding does not count when its role is missing', () => {
    const cluster = rbacCluster();
    const binding = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: ghost\n  namespace: dev\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: ghost\nsubjects:\n- kind: User\n  name: jane\n';
    assert.equal(kubectl(cluster, 'apply -f rb.yaml', { 'rb.yaml': binding }).exitCode, 0);
    assert.equal(kubectl(cluster, 'auth can-i list pods -n dev --as jane').stdout, 'no - RBAC: clusterrole.rbac.authorization.k8s.io "ghost" not found\n');
  });

  it('lists the rules that apply with --list, as kubectl sorts and compacts them', () => {
    const cluster = withPodReader();
    const list = kubectl(cluster, 'auth can-i --list -n dev --as jane');
    assert.equal(list.exitCode, 0);
    const lines = list.stdout.split('\n');
    assert.equal(lines[0], 'Resources                                       Non-Resource URLs   Resource Names   Verbs');
    assert.equal(lines[1], 'selfsubjectreviews.authentication.k8s.io        []                  []               [create]');
    assert.equal(lines[4], 'pods                                            []                  []               [get list watch]');
    assert.equal(lines[5], '                                                [/api/*]            []               [get]');
    assert.deepEqual(lines.slice(9, 11), ['                                                [/healthz]          []               [get]', '                                                [/healthz]          []               [get]'], 'one row per binding that grants it');
    assert.doesNotMatch(kubectl(cluster, 'auth can-i --list --as jane').stdout, /\npods /, 'the Role is in dev');
    const admin = kubectl(cluster, 'auth can-i --list --no-headers').stdout.split('\n');
    assert.match(admin[0]!, /^\*\.\* +\[\] +\[\] +\[\*\]$/);
    assert.match(admin[1]!, /^ +\[\*\] +\[\] +\[\*\]$/);
  });

  it("reports can-i's usage errors", () => {
    const cluster = rbacCluster();
    assert.match(kubectl(cluster, 'auth can-i list').stderr, /^error: you must specify two arguments: verb resource or verb resource\/resourceName\.\nSee 'kubectl auth can-i -h' for help and examples\.\n/);
    assert.match(kubectl(cluster, 'auth can-i --list pods').stderr, /^error: list option must be specified with no arguments\n/);
    assert.match(kubectl(cluster, 'auth can-i get pods --no-headers').stderr, /^error: --no-headers cannot be set without --list specified\n/);
  });

  it('reports a forbidden apply as kubectl does, with where the object came from', () => {
    const cluster = rbacCluster();
    const result = kubectl(cluster, 'apply -f cm.yaml --as jane', { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n' });
    assert.match(result.stderr, /^Error from server \(Forbidden\): error when retrieving current configuration of:\nResource: "\/v1, Resource=configmaps", GroupVersionKind: "\/v1, Kind=ConfigMap"\nName: "app", Namespace: "default"\nfrom server for: "cm\.yaml": configmaps "app" is forbidden: User "jane" cannot get resource "configmaps" in API group "" in the namespace "default"\n/);
  });
});
