import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { authorize, rulesFor, type UserInfo } from '../../../simulator/src/rbac/authorizer';
import { bootstrapPolicy } from '../../../simulator/src/rbac/bootstrap';
import { ADMIN_USER, impersonatedUser } from '../../../simulator/src/rbac/identity';
import { forbidden } from '../../../simulator/src/rbac/messages';
import type { RequestAttributes } from '../../../simulator/src/rbac/rules';

function storeWithPolicy(...objects: KubeObject[]): ObjectStore {
  const store = new ObjectStore({ clock: new ManualClock(), random: createRandom(1) });
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
  for (const object of [...bootstrapPolicy(), ...objects]) store.create(object);
  return store;
}

const role = (namespace: string, name: string, rules: unknown[]): KubeObject => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { namespace, name }, rules });
const binding = (namespace: string, name: string, roleRef: { kind: string; name: string }, subjects: unknown[]): KubeObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: namespace === '' ? 'ClusterRoleBinding' : 'RoleBinding',
  metadata: namespace === '' ? { name } : { namespace, name },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
  subjects,
});
const jane = impersonatedUser('jane', []);
const pods = (verb: string, namespace: string, name = ''): RequestAttributes => ({ verb, apiGroup: '', resource: 'pods', namespace, name });

describe('simulator/rbac/authorizer', () => {
  it('allows system:masters everything, without any binding', () => {
    const store = new ObjectStore({ clock: new ManualClock(), random: createRandom(1) });
    assert.equal(authorize(store, ADMIN_USER, pods('delete', 'default', 'web')).allowed, true);
  });

  it('denies a user no binding names, with an empty reason', () => {
    assert.deepEqual(authorize(storeWithPolicy(), jane, pods('list', 'default')), { allowed: false, reason: '' });
  });

  it('allows through a RoleBinding only in its namespace, and says which binding', () => {
    const store = storeWithPolicy(role('dev', 'pod-reader', [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]), binding('dev', 'read-pods', { kind: 'Role', name: 'pod-reader' }, [{ kind: 'User', name: 'jane' }]));
    assert.deepEqual(authorize(store, jane, pods('list', 'dev')), { allowed: true, reason: 'RBAC: allowed by RoleBinding "read-pods/dev" of Role "pod-reader" to User "jane"' });
    assert.equal(authorize(store, jane, pods('list', 'default')).allowed, false);
    assert.equal(authorize(store, jane, pods('list', '')).allowed, false, 'every namespace at once needs a ClusterRoleBinding');
    assert.equal(authorize(store, jane, pods('delete', 'dev', 'web')).allowed, false);
    assert.equal(authorize(store, jane, { ...pods('get', 'dev', 'web'), subresource: 'log' }).allowed, false, 'pods/log is its own resource');
  });

  it('confines a ClusterRole bound by a RoleBinding to the binding namespace', () => {
    const store = storeWithPolicy(binding('dev', 'jane-edit', { kind: 'ClusterRole', name: 'edit' }, [{ kind: 'User', name: 'jane' }]));
    assert.equal(authorize(store, jane, { verb: 'create', apiGroup: 'apps', resource: 'deployments', namespace: 'dev' }).allowed, true);
    assert.equal(authorize(store, jane, { verb: 'create', apiGroup: 'apps', resource: 'deployments', namespace: 'default' }).allowed, false);
  });

  it('matches resourceNames, and `*` for verbs, groups and resources', () => {
    const store = storeWithPolicy(
      role('dev', 'one-cm', [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'], verbs: ['get'] }]),
      binding('dev', 'one-cm', { kind: 'Role', name: 'one-cm' }, [{ kind: 'User', name: 'jane' }]),
    );
    const cm = (name: string): RequestAttributes => ({ verb: 'get', apiGroup: '', resource: 'configmaps', namespace: 'dev', name });
    assert.equal(authorize(store, jane, cm('settings')).allowed, true);
    assert.equal(authorize(store, jane, cm('other')).allowed, false);
    assert.equal(authorize(store, jane, { ...cm(''), verb: 'list' }).allowed, false);
    const root = impersonatedUser('root', ['ops']);
    const withCrb = storeWithPolicy(binding('', 'ops-admin', { kind: 'ClusterRole', name: 'cluster-admin' }, [{ kind: 'Group', name: 'ops' }]));
    assert.deepEqual(authorize(withCrb, root, { verb: 'deletecollection', apiGroup: 'apps', resource: 'deployments', namespace: 'x' }), {
      allowed: true,
      reason: 'RBAC: allowed by ClusterRoleBinding "ops-admin" of ClusterRole "cluster-admin" to Group "ops"',
    });
  });

  it('matches ServiceAccount subjects by user name, the namespace defaulting to the binding one', () => {
    const store = storeWithPolicy(binding('dev', 'ci', { kind: 'ClusterRole', name: 'view' }, [{ kind: 'ServiceAccount', name: 'ci' }]));
    const ci = impersonatedUser('system:serviceaccount:dev:ci', []);
    assert.deepEqual(ci.groups, ['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated']);
    assert.equal(authorize(store, ci, pods('list', 'dev')).allowed, true);
    assert.equal(authorize(store, impersonatedUser('system:serviceaccount:prod:ci', []), pods('list', 'dev')).allowed, false);
    const groups = storeWithPolicy(binding('dev', 'all-sa', { kind: 'ClusterRole', name: 'view' }, [{ kind: 'Group', name: 'system:serviceaccounts:dev' }]));
    assert.equal(authorize(groups, impersonatedUser('system:serviceaccount:dev:other', []), pods('get', 'dev', 'x')).allowed, true);
  });

  it('gives the missing role as the reason of a denial', () => {
    const store = storeWithPolicy(binding('dev', 'ghost', { kind: 'ClusterRole', name: 'ghost' }, [{ kind: 'User', name: 'jane' }]));
    assert.deepEqual(authorize(store, jane, pods('list', 'dev')), { allowed: false, reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "ghost" not found' });
    assert.equal(rulesFor(store, jane, 'dev').incomplete, 'clusterrole.rbac.authorization.k8s.io "ghost" not found');
  });

  it('gives every authenticated user the self reviews and discovery, through the bootstrap bindings', () => {
    const store = storeWithPolicy();
    assert.equal(authorize(store, jane, { verb: 'create', apiGroup: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews', namespace: '' }).allowed, true);
    assert.equal(authorize(store, jane, { verb: 'get', path: '/healthz' }).allowed, true);
    assert.equal(authorize(store, jane, { verb: 'get', path: '/apis/apps/v1' }).allowed, true, '/apis/* is a prefix');
    assert.equal(authorize(store, jane, { verb: 'get', path: '/metrics' }).allowed, false);
    const unauthenticated: UserInfo = impersonatedUser('nobody', ['system:unauthenticated']);
    assert.deepEqual(unauthenticated.groups, ['system:unauthenticated']);
    assert.equal(authorize(store, unauthenticated, { verb: 'create', apiGroup: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews', namespace: '' }).allowed, false);
  });
});

describe('simulator/rbac/messages', () => {
  it("writes the API server's Forbidden texts", () => {
    assert.equal(forbidden(jane, pods('list', 'default')).message, 'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"');
    assert.equal(forbidden(jane, { verb: 'list', apiGroup: '', resource: 'nodes', namespace: '' }).message, 'nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope');
    assert.equal(forbidden(jane, pods('get', 'default', 'web')).message, 'pods "web" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "default"');
    assert.equal(
      forbidden(jane, { verb: 'create', apiGroup: 'apps', resource: 'deployments', subresource: 'scale', namespace: 'dev', name: 'web' }, 'RBAC: role.rbac.authorization.k8s.io "x" not found').message,
      'deployments.apps "web" is forbidden: User "jane" cannot create resource "deployments/scale" in API group "apps" in the namespace "dev": RBAC: role.rbac.authorization.k8s.io "x" not found',
    );
    assert.equal(forbidden(jane, { verb: 'get', path: '/metrics' }).message, 'forbidden: User "jane" cannot get path "/metrics"');
    const error = forbidden(jane, pods('list', 'default'));
    assert.equal(error.reason, 'Forbidden');
    assert.equal(error.code, 403);
    assert.match(error.fr, /RoleBinding/);
  });
});
