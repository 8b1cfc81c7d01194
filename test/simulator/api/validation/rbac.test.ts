import { table } from './helpers';

const role = (rules: unknown[]) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'reader' }, rules });
const binding = (roleRef: Record<string, unknown>, subjects: unknown[] = [{ kind: 'User', name: 'alice' }], kind = 'RoleBinding') => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind,
  metadata: { name: 'read' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader', ...roleRef },
  subjects,
});

describe('api/validation rbac', () => {
  table([
    { name: 'accepts a usual role', object: role([{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]), expected: [] },
    { name: 'golden: rules need an api group', object: role([{ resources: ['pods'], verbs: ['get'] }]), expected: ['rules[0].apiGroups: Required value: resource rules must supply at least one api group'] },
    { name: 'rules need verbs', object: role([{ apiGroups: [''], resources: ['pods'], verbs: [] }]), expected: ['rules[0].verbs: Required value: verbs must contain at least one value'] },
    {
      name: 'a Role cannot grant non-resource URLs',
      object: role([{ nonResourceURLs: ['/healthz'], verbs: ['get'] }]),
      expected: ['rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs'],
    },
    { name: 'golden: roleRef kind', object: binding({ kind: 'role' }), expected: ['roleRef.kind: Unsupported value: "role": supported values: "Role", "ClusterRole"'] },
    { name: 'roleRef apiGroup', object: binding({ apiGroup: 'rbac' }), expected: ['roleRef.apiGroup: Unsupported value: "rbac": supported values: "rbac.authorization.k8s.io"'] },
    { name: 'a ClusterRoleBinding binds only ClusterRoles', object: binding({ kind: 'Role' }, [{ kind: 'Group', name: 'devs' }], 'ClusterRoleBinding'), expected: ['roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"'] },
    {
      name: 'subject kind',
      object: binding({}, [{ kind: 'Serviceaccount', name: 'bot' }]),
      expected: ['subjects[0].kind: Unsupported value: "Serviceaccount": supported values: "ServiceAccount", "User", "Group"'],
    },
    {
      name: 'a ServiceAccount in a ClusterRoleBinding needs its namespace',
      object: binding({ kind: 'ClusterRole' }, [{ kind: 'ServiceAccount', name: 'bot' }], 'ClusterRoleBinding'),
      expected: ['subjects[0].namespace: Required value'],
    },
    {
      name: 'the roleRef cannot change',
      object: binding({ name: 'writer' }),
      old: binding({}),
      expected: ['roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"writer"}: cannot change roleRef'],
    },
  ]);
});
