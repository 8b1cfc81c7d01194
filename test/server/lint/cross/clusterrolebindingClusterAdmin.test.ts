import { clusterrolebindingClusterAdmin } from '../../../../server/src/lint/cross/clusterrolebindingClusterAdmin';
import { table, yaml } from './helpers';

const binding = (kind: string, role: string, subject: string, mark = '') => yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ${kind}
  metadata: {name: admins${kind === 'RoleBinding' ? ', namespace: shop' : ''}}
  subjects: [${subject}]
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: ClusterRole
    name: ${role}${mark}
`;

const SERVICE_ACCOUNT = '{kind: ServiceAccount, name: ci, namespace: shop}';
const USER = '{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}';

describe('lint/cross clusterrolebinding-cluster-admin', () => {
  table(clusterrolebindingClusterAdmin, [
    {
      name: 'reports a ClusterRoleBinding to cluster-admin, and the ServiceAccount risk',
      manifest: binding('ClusterRoleBinding', 'cluster-admin', SERVICE_ACCOUNT, ' # <-'),
      messages: [['le rôle cluster-admin à ses sujets (ServiceAccount « ci »)', 'tous les namespaces', 'Tout Pod qui utilise ce ServiceAccount', 'moindre privilège']],
      fix: { role: 'cluster-admin', subjects: ['ServiceAccount « ci »'] },
    },
    {
      name: 'reports a RoleBinding to cluster-admin, limited to its namespace',
      manifest: binding('RoleBinding', 'cluster-admin', USER, ' # <-'),
      messages: [['cluster-admin dans son namespace à ses sujets (User « alice »)', 'lire ses Secrets']],
      absent: ['Tout Pod'],
    },
    { name: 'accepts narrower roles', manifest: `${binding('ClusterRoleBinding', 'view', USER)}---\n${binding('RoleBinding', 'edit', SERVICE_ACCOUNT)}` },
    {
      name: 'accepts a Role that happens to be named cluster-admin',
      manifest: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: admins, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: cluster-admin}
      `,
    },
  ]);
});
