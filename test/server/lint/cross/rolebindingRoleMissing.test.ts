import { rolebindingRoleMissing } from '../../../../server/src/lint/cross/rolebindingRoleMissing';
import { table, yaml } from './helpers';

const binding = (kind: string, roleKind: string, role: string, mark = '') => yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ${kind}
  metadata: {name: readers${kind === 'RoleBinding' ? ', namespace: shop' : ''}}
  subjects: [{kind: ServiceAccount, name: web, namespace: shop}]
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: ${roleKind}
    name: ${role}${mark}
`;

const role = (kind: string, name: string, namespace?: string) => yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ${kind}
  metadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}
  rules: [{apiGroups: [""], resources: [pods], verbs: [get, list]}]
`;

describe('lint/cross rolebinding-role-missing', () => {
  table(rolebindingRoleMissing, [
    {
      name: 'reports a Role nobody declares, with the closest name',
      manifest: binding('RoleBinding', 'Role', 'pod-raeder', ' # <-'),
      workspace: [role('Role', 'pod-reader', 'shop')],
      messages: [['Aucun Role « pod-raeder »', "n'accorde aucun droit", 'Forbidden', 'son propre namespace', 'Voulais-tu dire « pod-reader » ?']],
      fix: { kind: 'Role', name: 'pod-raeder', namespace: 'shop', candidates: ['pod-reader'] },
    },
    { name: 'accepts a Role of the workspace', manifest: binding('RoleBinding', 'Role', 'pod-reader'), workspace: [role('Role', 'pod-reader', 'shop')] },
    { name: 'accepts a Role of the same file', manifest: `${binding('RoleBinding', 'Role', 'pod-reader')}---\n${role('Role', 'pod-reader', 'shop')}` },
    { name: 'accepts a ClusterRole of the cluster', manifest: binding('ClusterRoleBinding', 'ClusterRole', 'metrics'), cluster: role('ClusterRole', 'metrics') },
    {
      name: 'does not take a Role of another namespace',
      manifest: binding('RoleBinding', 'Role', 'pod-reader', ' # <-'),
      workspace: [role('Role', 'pod-reader', 'other')],
    },
    {
      name: 'does not take a Role for a ClusterRole',
      manifest: binding('RoleBinding', 'ClusterRole', 'pod-reader', ' # <-'),
      workspace: [role('Role', 'pod-reader', 'shop')],
      messages: [['Aucun ClusterRole « pod-reader »', 'cluster-admin, admin, edit, view']],
      fix: { namespace: undefined },
    },
    { name: 'accepts the built-in ClusterRoles', manifest: `${binding('RoleBinding', 'ClusterRole', 'edit')}---\n${binding('ClusterRoleBinding', 'ClusterRole', 'system:node-proxier')}` },
    {
      name: 'suggests a built-in ClusterRole for a typo',
      manifest: binding('ClusterRoleBinding', 'ClusterRole', 'veiw', ' # <-'),
      messages: [['Voulais-tu dire « view » ?']],
    },
  ]);
});
