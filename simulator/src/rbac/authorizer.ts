/**
 * The RBAC authorizer over the store's Roles, ClusterRoles, RoleBindings and
 * ClusterRoleBindings, as kube-apiserver runs it (plugin/pkg/auth/authorizer/rbac,
 * v1.30): a request is allowed when one rule of one role bound to the user (by name, by
 * group, or as a ServiceAccount) allows it; ClusterRoleBindings count everywhere,
 * RoleBindings only in their namespace. Ahead of RBAC, like the API server's union of
 * authorizers, members of `system:masters` are allowed everything.
 *
 * Pure: it reads the store through `list` and returns a decision; nothing is cached, so a
 * binding applied a moment ago counts at once.
 */
import { kindInfo, type KindInfo } from '../api/catalog';
import type { KubeObject, ListOptions } from '../store/store';
import { readRule, ruleAllows, type PolicyRule, type RequestAttributes } from './rules';

export type { PolicyRule, RequestAttributes } from './rules';

/** Who asks (user.Info): a user name and the groups the authenticator gave it. */
export interface UserInfo {
  name: string;
  groups: readonly string[];
}

export interface Decision {
  allowed: boolean;
  /** `RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "y" to User "jane"`, or why a binding failed. */
  reason: string;
}

/** What the authorizer reads: an ObjectStore, or a controller Reader's `list`. */
export interface RbacSource {
  list(info: KindInfo, options?: ListOptions): KubeObject[];
}

/** user.SystemPrivilegedGroup: the group the API server lets do anything. */
export const SYSTEM_MASTERS = 'system:masters';
export const ALL_AUTHENTICATED = 'system:authenticated';
export const ALL_UNAUTHENTICATED = 'system:unauthenticated';

export const CLUSTER_ROLES = kindInfo('rbac.authorization.k8s.io/v1', 'ClusterRole')!;
export const CLUSTER_ROLE_BINDINGS = kindInfo('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding')!;
export const ROLES = kindInfo('rbac.authorization.k8s.io/v1', 'Role')!;
export const ROLE_BINDINGS = kindInfo('rbac.authorization.k8s.io/v1', 'RoleBinding')!;

interface Subject {
  kind?: string;
  name?: string;
  namespace?: string;
}

interface RoleRef {
  kind?: string;
  name?: string;
}

const metaOf = (object: KubeObject): { name?: string; namespace?: string } => (object.metadata ?? {});

/** serviceaccount.MakeUsername: `system:serviceaccount:NS:NAME`. */
export const serviceAccountUsername = (namespace: string, name: string): string => `system:serviceaccount:${namespace}:${name}`;

/**
 * Mirrors rbac.appliesToUser: a User by name, a Group by membership, a ServiceAccount by
 * its user name (its namespace defaults to the binding's).
 */
function appliesTo(user: UserInfo, subject: Subject, bindingNamespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return subject.name !== undefined && user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const namespace = subject.namespace || bindingNamespace;
      return namespace !== '' && user.name === serviceAccountUsername(namespace, subject.name ?? '');
    }
    default:
      return false;
  }
}

/** Mirrors describeSubject: `User "jane"`, `ServiceAccount "ci/dev"`. */
function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount') return `ServiceAccount ${JSON.stringify(`${subject.name ?? ''}/${subject.namespace || bindingNamespace}`)}`;
  return `${subject.kind ?? ''} ${JSON.stringify(subject.name ?? '')}`;
}

/** A rule with the binding it came through (what VisitRulesFor's visitor sees). */
export interface BoundRule {
  rule: PolicyRule;
  /** `ClusterRoleBinding "x" of ClusterRole "y" to Group "z"`. */
  source: string;
}

export interface RuleVisit {
  rules: BoundRule[];
  /** Roles a matching binding names but that do not exist (`clusterrole.rbac.authorization.k8s.io "x" not found`). */
  errors: string[];
}

/** The rules of the role a binding refers to, or the lister's NotFound text. */
function roleRules(source: RbacSource, ref: RoleRef, bindingNamespace: string): PolicyRule[] | string {
  const name = ref.name ?? '';
  const clusterScoped = ref.kind === 'ClusterRole';
  const info = clusterScoped ? CLUSTER_ROLES : ROLES;
  // A list by name keeps the source interface to `list`; bindings are few.
  const role = source.list(info, { namespace: clusterScoped ? '' : bindingNamespace, fieldSelector: `metadata.name=${name}` })[0];
  if (!role) return `${clusterScoped ? 'clusterrole' : 'role'}.rbac.authorization.k8s.io ${JSON.stringify(name)} not found`;
  const rules = (role as { rules?: unknown }).rules;
  return Array.isArray(rules) ? rules.map(readRule) : [];
}

/**
 * Mirrors DefaultRuleResolver.VisitRulesFor: the ClusterRoleBindings' rules, then (for a
 * namespace) the RoleBindings' of that namespace, each with its source.
 */
export function visitRules(source: RbacSource, user: UserInfo, namespace: string): RuleVisit {
  const visit: RuleVisit = { rules: [], errors: [] };
  const collect = (binding: KubeObject, bindingNamespace: string, describe: (subject: Subject, ref: RoleRef) => string): void => {
    const subjects = ((binding as { subjects?: unknown }).subjects ?? []) as Subject[];
    const subject = Array.isArray(subjects) ? subjects.find((item) => appliesTo(user, item, bindingNamespace)) : undefined;
    if (!subject) return;
    const ref = ((binding as { roleRef?: unknown }).roleRef ?? {}) as RoleRef;
    const rules = roleRules(source, ref, bindingNamespace);
    if (typeof rules === 'string') {
      visit.errors.push(rules);
      return;
    }
    const text = describe(subject, ref);
    for (const rule of rules) visit.rules.push({ rule, source: text });
  };
  for (const binding of source.list(CLUSTER_ROLE_BINDINGS)) {
    collect(binding, '', (subject, ref) => `ClusterRoleBinding ${JSON.stringify(metaOf(binding).name ?? '')} of ${ref.kind ?? ''} ${JSON.stringify(ref.name ?? '')} to ${describeSubject(subject, '')}`);
  }
  if (namespace !== '') {
    for (const binding of source.list(ROLE_BINDINGS, { namespace })) {
      collect(binding, namespace, (subject, ref) => `RoleBinding ${JSON.stringify(`${metaOf(binding).name ?? ''}/${namespace}`)} of ${ref.kind ?? ''} ${JSON.stringify(ref.name ?? '')} to ${describeSubject(subject, namespace)}`);
    }
  }
  return visit;
}

/** utilerrors.NewAggregate's text: one alone, else `[a, b]`. */
const aggregate = (messages: readonly string[]): string => (messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]`);

/**
 * Authorizes one request: system:masters first (the API server's privileged-group
 * authorizer), then RBAC. A denial's reason names the roles that could not be found
 * (`RBAC: clusterrole.rbac.authorization.k8s.io "x" not found`), else it is empty.
 */
export function authorize(source: RbacSource, user: UserInfo, request: RequestAttributes): Decision {
  if (user.groups.includes(SYSTEM_MASTERS)) return { allowed: true, reason: '' };
  const visit = visitRules(source, user, request.namespace ?? '');
  const allowing = visit.rules.find(({ rule }) => ruleAllows(rule, request));
  if (allowing) return { allowed: true, reason: `RBAC: allowed by ${allowing.source}` };
  return { allowed: false, reason: visit.errors.length > 0 ? `RBAC: ${aggregate(visit.errors)}` : '' };
}

/**
 * Mirrors SelfSubjectRulesReview: the rules that apply to the user in a namespace (the
 * cluster-wide ones included), and whether some binding's role was missing.
 */
export function rulesFor(source: RbacSource, user: UserInfo, namespace: string): { rules: PolicyRule[]; incomplete: string } {
  const visit = visitRules(source, user, namespace);
  return { rules: visit.rules.map(({ rule }) => rule), incomplete: visit.errors.length > 0 ? aggregate(visit.errors) : '' };
}
