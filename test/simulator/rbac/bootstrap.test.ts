import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import { createRandom } from '../../../simulator/src/random';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { createClusterRoleAggregationController } from '../../../simulator/src/rbac/aggregation';
import { authorize, CLUSTER_ROLES } from '../../../simulator/src/rbac/authorizer';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles } from '../../../simulator/src/rbac/bootstrap';
import { impersonatedUser } from '../../../simulator/src/rbac/identity';
import { breakdownRule, compactRules, ruleString, sortRules } from '../../../simulator/src/rbac/rules';

const byName = (roles: KubeObject[], name: string): KubeObject => roles.find((role) => (role.metadata as { name: string }).name === name)!;

describe('simulator/rbac/bootstrap', () => {
  const roles = bootstrapClusterRoles();

  it('aggregates view into edit and edit into admin, keeping the aggregationRule', () => {
    const rules = (name: string): unknown[] => byName(roles, name).rules as unknown[];
    assert.deepEqual(rules('view'), byName(roles, 'system:aggregate-to-view').rules);
    assert.deepEqual(rules('edit'), [...(byName(roles, 'system:aggregate-to-edit').rules as unknown[]), ...rules('view')]);
    assert.deepEqual(rules('admin'), [...rules('edit'), ...(byName(roles, 'system:aggregate-to-admin').rules as unknown[])]);
    assert.deepEqual(byName(roles, 'admin').aggregationRule, { clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' } }] });
  });

  it('lets view read but not secrets, edit write workloads but not roles, admin manage roles', () => {
    const store = new ObjectStore({ clock: new ManualClock(), random: createRandom(1) });
    for (const object of [...roles, ...bootstrapClusterRoleBindings()]) store.create(object);
    const as = (role: string, verb: string, apiGroup: string, resource: string): boolean => {
      const user = impersonatedUser(`${role}-user`, []);
      const source = { list: (...args: Parameters<ObjectStore['list']>) => [...store.list(...args), ...(args[0].kind === 'RoleBinding' ? [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b', namespace: 'default' }, roleRef: { kind: 'ClusterRole', name: role }, subjects: [{ kind: 'User', name: user.name }] }] : [])] };
      return authorize(source, user, { verb, apiGroup, resource, namespace: 'default' }).allowed;
    };
    assert.equal(as('view', 'list', '', 'pods'), true);
    assert.equal(as('view', 'get', '', 'secrets'), false);
    assert.equal(as('view', 'create', 'apps', 'deployments'), false);
    assert.equal(as('edit', 'create', 'apps', 'deployments'), true);
    assert.equal(as('edit', 'get', '', 'secrets'), true);
    assert.equal(as('edit', 'create', 'rbac.authorization.k8s.io', 'roles'), false);
    assert.equal(as('admin', 'create', 'rbac.authorization.k8s.io', 'rolebindings'), true);
    assert.equal(as('admin', 'delete', '', 'namespaces'), false, 'admin is for one namespace, not the namespace itself');
  });

  it('binds cluster-admin to system:masters', () => {
    const binding = bootstrapClusterRoleBindings()[0]!;
    assert.deepEqual(binding.roleRef, { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' });
    assert.deepEqual(binding.subjects, [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:masters' }]);
  });

  it('aggregates a learner role labelled aggregate-to-view into view, edit and admin (controller)', () => {
    const clock = new ManualClock();
    const store = new ObjectStore({ clock, random: createRandom(1) });
    for (const role of roles) store.create(role);
    const runtime = new ControllerRuntime(store, clock, [createClusterRoleAggregationController()]);
    runtime.resyncAll();
    runtime.runUntilSettled();
    const crontabs = { apiGroups: ['stable.example.com'], resources: ['crontabs'], verbs: ['get', 'list', 'watch'] };
    store.create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'crontab-view', labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } }, rules: [crontabs] });
    runtime.runUntilSettled();
    for (const name of ['view', 'edit', 'admin']) {
      const rules = store.get(CLUSTER_ROLES, '', name).rules as unknown[];
      assert.deepEqual(rules.filter((rule) => JSON.stringify(rule) === JSON.stringify(crontabs)).length, 1, name);
    }
  });
});

describe('simulator/rbac/rules', () => {
  it('breaks rules down, compacts them by resource and sorts them like kubectl', () => {
    const rules = [
      { apiGroups: [''], resources: ['pods', 'services'], verbs: ['get', 'list'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['watch'] },
      { nonResourceURLs: ['/healthz'], verbs: ['get'] },
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
    ];
    const rows = sortRules(compactRules(rules.flatMap(breakdownRule)));
    assert.deepEqual(rows.map(ruleString), [
      '&PolicyRule{Verbs:[*],APIGroups:[*],Resources:[*],ResourceNames:[],NonResourceURLs:[],}',
      '&PolicyRule{Verbs:[get list watch],APIGroups:[],Resources:[pods],ResourceNames:[],NonResourceURLs:[],}',
      '&PolicyRule{Verbs:[get list],APIGroups:[],Resources:[services],ResourceNames:[],NonResourceURLs:[],}',
      '&PolicyRule{Verbs:[get],APIGroups:[],Resources:[],ResourceNames:[],NonResourceURLs:[/healthz],}',
    ]);
  });
});
