/**
 * rbac.authorization.k8s.io/v1 defaults: RoleBinding and ClusterRoleBinding. Role and
 * ClusterRole have none.
 */
import { objAt, objsAt, setIfZero, type Obj } from './util';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/**
 * Mirrors SetDefaults_RoleBinding, SetDefaults_ClusterRoleBinding and SetDefaults_Subject
 * (pkg/apis/rbac/v1/defaults.go): the role reference and User or Group subjects belong to
 * the RBAC group. A ServiceAccount subject's group is the core group, `""`, which is not
 * serialized, so nothing is written for it.
 */
export function defaultBinding(binding: Obj): void {
  setIfZero(objAt(binding, 'roleRef'), 'apiGroup', RBAC_GROUP);
  for (const subject of objsAt(binding, 'subjects')) {
    if (subject.kind === 'User' || subject.kind === 'Group') setIfZero(subject, 'apiGroup', RBAC_GROUP);
  }
}
