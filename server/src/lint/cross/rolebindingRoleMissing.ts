/**
 * `rolebinding-role-missing`: a RoleBinding or ClusterRoleBinding whose roleRef names a
 * Role or ClusterRole nobody declares. The API server accepts the binding (the role may
 * come later), but it grants nothing meanwhile: the subjects' requests stay Forbidden.
 */
import type { LintFinding, LintRule } from '../rule';
import { closestNames, didYouMean, obj, text } from './objects';

/** The user-facing ClusterRoles every cluster has (the `system:` ones are matched by prefix). */
export const BUILT_IN_CLUSTER_ROLES: readonly string[] = ['cluster-admin', 'admin', 'edit', 'view'];

function isBuiltIn(name: string): boolean {
  return BUILT_IN_CLUSTER_ROLES.includes(name) || name.startsWith('system:');
}

export const rolebindingRoleMissing: LintRule = {
  id: 'rolebinding-role-missing',
  severity: 'warning',
  chapter: 'rbac',
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  description: "Signale un RoleBinding ou un ClusterRoleBinding dont le roleRef désigne un Role ou un ClusterRole qui n'existe nulle part.",
  check(object, context): LintFinding[] {
    const roleRef = obj(object.roleRef);
    const kind = text(roleRef?.kind);
    const name = text(roleRef?.name);
    if (!name || (kind !== 'Role' && kind !== 'ClusterRole')) return [];
    // A ClusterRoleBinding cannot refer to a Role: the API server says so itself.
    if (kind === 'Role' && object.kind !== 'RoleBinding') return [];
    const namespace = kind === 'Role' ? context.namespace : undefined;
    const known = context.resources.list(kind, namespace).map((role) => role.name);
    if (known.includes(name) || (kind === 'ClusterRole' && isBuiltIn(name))) return [];
    const candidates = closestNames(name, kind === 'ClusterRole' ? [...known, ...BUILT_IN_CLUSTER_ROLES] : known);
    const where = kind === 'Role' ? 'dans ce namespace' : 'dans le cluster';
    const scope =
      kind === 'Role'
        ? ' Un RoleBinding ne peut viser que les Roles de son propre namespace (ou un ClusterRole).'
        : ' Les ClusterRoles prédéfinis sont cluster-admin, admin, edit, view et les rôles `system:…`.';
    return [
      {
        path: ['roleRef', 'name'],
        message:
          `Aucun ${kind} « ${name} » n'est connu ${where} (ni dans l'espace de travail ni dans le cluster simulé). ` +
          `L'API accepte la liaison, mais elle n'accorde aucun droit tant que le ${kind} n'existe pas : les requêtes de ses sujets restent refusées (Forbidden).` +
          `${scope}${didYouMean(candidates)}`,
        fix: { kind, name, namespace, candidates },
      },
    ];
  },
};
