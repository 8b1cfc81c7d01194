/**
 * Role, ClusterRole, RoleBinding, ClusterRoleBinding: rules need verbs, apiGroups and
 * resources; a binding's roleRef points at a Role or ClusterRole of the RBAC group and
 * never changes; subjects are ServiceAccounts, Users or Groups. Mirrors
 * pkg/apis/rbac/validation/validation.go (v1.30).
 */
import { goQuote, invalid, notSupported, required, type Finding } from '../finding';
import type { KubeObject, ValidationRule } from '../rule';
import { asArray, asString, child, goStringSlice, invalidGo, storedOld, type Path } from './common';
import { isDNS1123Subdomain, isValidPathSegmentName } from './formats';

const GROUP = 'rbac.authorization.k8s.io';

function policyRule(rule: unknown, path: Path, namespaced: boolean): Finding[] {
  const findings: Finding[] = [];
  const verbs = child(rule, 'verbs');
  if (Array.isArray(verbs) && verbs.length === 0) {
    findings.push(required({ code: 'rbac-verbs-required', path: [...path, 'verbs'], fr: 'Une règle RBAC autorise au moins un verbe : get, list, watch, create, update, patch, delete…' }, 'verbs must contain at least one value'));
  }
  const urls = asArray(child(rule, 'nonResourceURLs')).map(String);
  if (urls.length > 0) {
    const base = { code: 'rbac-non-resource-urls', path: [...path, 'nonResourceURLs'] };
    if (namespaced) findings.push(invalidGo({ ...base, fr: 'Une Role (dans un namespace) ne peut pas autoriser des URL hors ressources : utilise une ClusterRole.' }, goStringSlice(urls), 'namespaced rules cannot apply to non-resource URLs'));
    if (['apiGroups', 'resources', 'resourceNames'].some((key) => asArray(child(rule, key)).length > 0)) {
      findings.push(invalidGo({ ...base, fr: 'Une règle porte soit sur des ressources, soit sur des URL (nonResourceURLs), pas les deux.' }, goStringSlice(urls), 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return findings;
  }
  if (asArray(child(rule, 'apiGroups')).length === 0) {
    findings.push(
      required(
        { code: 'rbac-api-groups-required', path: [...path, 'apiGroups'], fr: 'Chaque règle doit nommer les groupes d’API de ses ressources : `apiGroups: [""]` pour le groupe de base (pods, services, configmaps…), `["apps"]` pour deployments…' },
        'resource rules must supply at least one api group',
      ),
    );
  }
  if (asArray(child(rule, 'resources')).length === 0) {
    findings.push(required({ code: 'rbac-resources-required', path: [...path, 'resources'], fr: 'Chaque règle liste les ressources visées, au pluriel : pods, services, deployments…' }, 'resource rules must supply at least one resource'));
  }
  return findings;
}

/** Mirrors ValidateRole / ValidateClusterRole: each rule. */
export const roleRule: ValidationRule = {
  id: 'role',
  kinds: ['Role', 'ClusterRole'],
  check: (object, context) => asArray(object.rules).flatMap((rule, index) => policyRule(rule, ['rules', index], context.info.kind === 'Role')),
};

function roleRef(object: KubeObject, cluster: boolean): Finding[] {
  const findings: Finding[] = [];
  const ref = object.roleRef;
  const group = asString(child(ref, 'apiGroup'));
  if (group !== undefined && group !== GROUP) {
    findings.push(notSupported({ code: 'rbac-role-ref-group', path: ['roleRef', 'apiGroup'], fr: `roleRef.apiGroup vaut toujours ${GROUP}.` }, group, [GROUP]));
  }
  const kind = asString(child(ref, 'kind'));
  const kinds = cluster ? ['ClusterRole'] : ['Role', 'ClusterRole'];
  if (kind !== undefined && !kinds.includes(kind)) {
    const fr = cluster ? 'Un ClusterRoleBinding ne peut référencer qu’une ClusterRole.' : 'roleRef.kind vaut Role ou ClusterRole (casse exacte).';
    findings.push(notSupported({ code: 'rbac-role-ref-kind', path: ['roleRef', 'kind'], fr }, kind, kinds));
  }
  const name = asString(child(ref, 'name'));
  if (name === '') findings.push(required({ code: 'rbac-role-ref-name', path: ['roleRef', 'name'], fr: 'Donne le nom de la Role ou ClusterRole à attribuer.' }));
  else if (name !== undefined) isValidPathSegmentName(name).forEach((message) => findings.push(invalid({ code: 'rbac-role-ref-name', path: ['roleRef', 'name'], fr: 'Ce nom ne peut pas être celui d’un objet RBAC.' }, name, message)));
  return findings;
}

/** ValidateRoleBindingSubject. */
function subject(value: unknown, path: Path, namespaced: boolean): Finding[] {
  const findings: Finding[] = [];
  const name = asString(child(value, 'name'));
  if (name === '') findings.push(required({ code: 'rbac-subject-name', path: [...path, 'name'], fr: 'Donne le nom du sujet (utilisateur, groupe ou ServiceAccount).' }));
  const kind = asString(child(value, 'kind'));
  const group = asString(child(value, 'apiGroup'));
  if (kind === 'ServiceAccount') {
    if (name) isDNS1123Subdomain(name).forEach((message) => findings.push(invalid({ code: 'rbac-subject-name', path: [...path, 'name'], fr: 'Le nom d’un ServiceAccount est un sous-domaine DNS.' }, name, message)));
    if (group) findings.push(notSupported({ code: 'rbac-subject-group', path: [...path, 'apiGroup'], fr: 'Pour un ServiceAccount, apiGroup est vide (le ServiceAccount est dans le groupe de base).' }, group, ['']));
    if (!namespaced && !asString(child(value, 'namespace'))) findings.push(required({ code: 'rbac-subject-namespace', path: [...path, 'namespace'], fr: 'Dans un ClusterRoleBinding, indique le namespace du ServiceAccount.' }));
  } else if (kind === 'User' || kind === 'Group') {
    // An absent apiGroup is defaulted to rbac.authorization.k8s.io for users and groups.
    if (group !== undefined && group !== GROUP) findings.push(notSupported({ code: 'rbac-subject-group', path: [...path, 'apiGroup'], fr: `Pour un ${kind}, apiGroup vaut ${GROUP}.` }, group, [GROUP]));
  } else if (kind !== undefined) {
    findings.push(notSupported({ code: 'rbac-subject-kind', path: [...path, 'kind'], fr: 'Un sujet est un ServiceAccount, un User ou un Group (casse exacte).' }, kind, ['ServiceAccount', 'User', 'Group']));
  }
  return findings;
}

/** ValidateRoleBindingUpdate: `cannot change roleRef`. */
function roleRefChange(object: KubeObject, old: KubeObject | undefined): Finding[] {
  if (!old) return [];
  const fields = (ref: unknown) => ['apiGroup', 'kind', 'name'].map((key) => asString(child(ref, key)) ?? '');
  const now = fields(object.roleRef);
  if (now.join('\n') === fields(old.roleRef).join('\n')) return [];
  return [
    invalidGo(
      { code: 'rbac-role-ref-immutable', path: ['roleRef'], fr: 'Le roleRef d’un binding ne peut plus changer : supprime le binding et recrée-le avec le bon rôle.' },
      `rbac.RoleRef{APIGroup:${goQuote(now[0]!)}, Kind:${goQuote(now[1]!)}, Name:${goQuote(now[2]!)}}`,
      'cannot change roleRef',
    ),
  ];
}

/** Mirrors ValidateRoleBinding / ValidateClusterRoleBinding and their updates. */
export const roleBindingRule: ValidationRule = {
  id: 'rolebinding',
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  check(object, context) {
    const namespaced = context.info.kind === 'RoleBinding';
    return [
      ...roleRef(object, !namespaced),
      ...asArray(object.subjects).flatMap((value, index) => subject(value, ['subjects', index], namespaced)),
      ...roleRefChange(object, storedOld(context)),
    ];
  },
};
