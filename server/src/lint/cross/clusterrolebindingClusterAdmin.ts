/**
 * `clusterrolebinding-cluster-admin`: a binding that grants `cluster-admin`, every verb on
 * every resource. Least privilege is the point of RBAC: a compromised Pod, script or
 * account holds exactly the rights it was given.
 */
import type { LintFinding, LintRule } from '../rule';
import { isObj, list, obj, text } from './objects';

function subjectsOf(object: Record<string, unknown>): string[] {
  return list(object.subjects).flatMap((subject) => {
    if (!isObj(subject)) return [];
    const kind = text(subject.kind);
    const name = text(subject.name);
    return kind && name ? [`${kind} « ${name} »`] : [];
  });
}

export const clusterrolebindingClusterAdmin: LintRule = {
  id: 'clusterrolebinding-cluster-admin',
  severity: 'warning',
  chapter: 'rbac',
  kinds: ['ClusterRoleBinding', 'RoleBinding'],
  description: 'Signale une liaison qui accorde le ClusterRole cluster-admin, contraire au principe du moindre privilège.',
  check(object): LintFinding[] {
    const roleRef = obj(object.roleRef);
    if (roleRef?.kind !== 'ClusterRole' || roleRef.name !== 'cluster-admin') return [];
    const subjects = subjectsOf(object);
    const who = subjects.length > 0 ? `ses sujets (${subjects.join(', ')})` : 'ses sujets';
    const serviceAccount = list(object.subjects).some((subject) => obj(subject)?.kind === 'ServiceAccount');
    const scope =
      object.kind === 'ClusterRoleBinding'
        ? `Cette liaison donne le rôle cluster-admin à ${who} : tous les droits sur toutes les ressources de tous les namespaces, Secrets, Nodes et RBAC compris.`
        : `Ce RoleBinding donne cluster-admin dans son namespace à ${who} : tous les droits sur ce namespace, y compris lire ses Secrets et modifier ses Roles et RoleBindings.`;
    const risk = serviceAccount ? ' Tout Pod qui utilise ce ServiceAccount, et quiconque le compromet, en hérite.' : '';
    return [
      {
        path: ['roleRef', 'name'],
        message:
          `${scope}${risk} Principe du moindre privilège : n'accorde que les verbes et les ressources nécessaires, ` +
          `avec un Role sur mesure dans un namespace, ou les ClusterRoles prédéfinis \`edit\` ou \`view\` dans un RoleBinding.`,
        fix: { role: 'cluster-admin', alternatives: ['view', 'edit', 'admin'], subjects },
      },
    ];
  },
};
