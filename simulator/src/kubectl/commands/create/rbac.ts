/**
 * `kubectl create role|clusterrole|rolebinding|clusterrolebinding` (kubectl v1.30,
 * create_role.go, create_clusterrole.go, create_rolebinding.go,
 * create_clusterrolebinding.go): one rule per API group, resources resolved against
 * discovery (short names expanded, unknown ones refused), the special verbs (bind,
 * escalate, impersonate, use) checked against the resources they apply to, subjects
 * from --user, --group and --serviceaccount=NAMESPACE:NAME.
 */
import { findResource, kindInfo, type KindInfo } from '../../../api/catalog';
import type { Command, CommandContext } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../parse';
import { COMMON, createObject, oneName, requireFlags } from './common';

const RBAC = 'rbac.authorization.k8s.io';
const ROLES = kindInfo(`${RBAC}/v1`, 'Role')!;
const CLUSTER_ROLES = kindInfo(`${RBAC}/v1`, 'ClusterRole')!;
const ROLE_BINDINGS = kindInfo(`${RBAC}/v1`, 'RoleBinding')!;
const CLUSTER_ROLE_BINDINGS = kindInfo(`${RBAC}/v1`, 'ClusterRoleBinding')!;

/** create_role.go's validResourceVerbs: others only get a warning. */
const RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
/** create_clusterrole.go's validNonResourceVerbs. */
const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
/** create_role.go's specialVerbs: verbs that only make sense on these group/resources. */
const SPECIAL_VERBS: Record<string, readonly (readonly [string, string])[]> = {
  use: [['policy', 'podsecuritypolicies'], ['extensions', 'podsecuritypolicies']],
  bind: [[RBAC, 'roles'], [RBAC, 'clusterroles']],
  escalate: [[RBAC, 'roles'], [RBAC, 'clusterroles']],
  impersonate: [['', 'users'], ['', 'serviceaccounts'], ['', 'groups'], ['authentication.k8s.io', 'userextras']],
};

interface ResourceOption {
  group: string;
  resource: string;
  subresource: string;
}

const unique = (items: readonly string[]): string[] => [...new Set(items)];

/** `--verb` without duplicates; `*` alone when given. */
function verbsOf(context: CommandContext): string[] {
  const verbs = context.flags.list('verb');
  return verbs.includes('*') ? ['*'] : unique(verbs);
}

/** `--resource=pods,deployments.apps,pods/log` split into resource, group, subresource; `*` alone wins. */
function resourcesOf(context: CommandContext): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const text of context.flags.list('resource')) {
    const slash = text.indexOf('/');
    const head = slash >= 0 ? text.slice(0, slash) : text;
    const dot = head.indexOf('.');
    const option = { resource: dot >= 0 ? head.slice(0, dot) : head, group: dot >= 0 ? head.slice(dot + 1) : '', subresource: slash >= 0 ? text.slice(slash + 1) : '' };
    if (option.resource === '*' && dot < 0 && slash < 0) return [option];
    out.push(option);
  }
  return out;
}

/** The RESTMapper's ResourceFor: the served resource, or undefined. */
function resolve(option: ResourceOption): KindInfo | undefined {
  if (option.resource === '') return undefined;
  const info = findResource(option.group === '' ? option.resource : `${option.resource}.${option.group}`);
  return info && (option.group === '' || info.group === option.group) ? info : undefined;
}

/** The NoResourceMatchError kubectl prints as is (checkErr's IsNoMatchError branch, no `error: `). */
function noMatch(option: ResourceOption): KubectlError {
  const group = option.group === '' ? '' : ` in group ${JSON.stringify(option.group)}`;
  return new KubectlError(`the server doesn't have a resource type ${JSON.stringify(option.resource)}${group}`, "Ce type de ressource n'existe pas sur le cluster : « kubectl api-resources » liste les noms possibles (pods, deployments.apps, ...).", true);
}

/** create_role.go's validateResource. */
function validateResources(verbs: readonly string[], resources: readonly ResourceOption[]): void {
  for (const option of resources) {
    if (option.resource === '') throw new KubectlError('resource must be specified if apiGroup/subresource specified', 'Écris le nom de la ressource avant le groupe ou la sous-ressource : --resource=deployments.apps, --resource=pods/log.');
    if (option.resource === '*') return;
    const info = resolve(option);
    const [group, resource] = info ? [info.group, info.resource] : [option.group, option.resource];
    let error: KubectlError | undefined = info ? undefined : noMatch(option);
    for (const verb of verbs) {
      const targets = SPECIAL_VERBS[verb];
      if (!targets) continue;
      if (!targets.some(([g, r]) => g === group && r === resource)) {
        throw new KubectlError(`can not perform '${verb}' on '${resource}' in group '${group}'`, `Le verbe « ${verb} » ne s'applique qu'à ${targets.map(([g, r]) => (g === '' ? r : `${r}.${g}`)).join(', ')}.`);
      }
      error = undefined;
    }
    if (error) throw error;
  }
}

/** create_role.go's generateResourcePolicyRules: one rule per API group (groups sorted), then the URLs. */
function policyRules(verbs: string[], resources: readonly ResourceOption[], resourceNames: string[], urls: readonly string[]): Record<string, unknown>[] {
  const byGroup = new Map<string, string[]>();
  for (const option of resources) {
    const info = resolve(option);
    const group = info ? info.group : option.group;
    let resource = info ? info.resource : option.resource;
    if (option.subresource !== '') resource += `/${option.subresource}`;
    const list = byGroup.get(group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(group, list);
  }
  const rules: Record<string, unknown>[] = [...byGroup.keys()].sort().map((group) => ({ verbs, apiGroups: [group], resources: byGroup.get(group)!, ...(resourceNames.length > 0 ? { resourceNames } : {}) }));
  if (urls.length > 0) rules.push({ verbs, nonResourceURLs: [...urls] });
  return rules;
}

function warnVerbs(context: CommandContext, verbs: readonly string[]): void {
  for (const verb of verbs) if (!RESOURCE_VERBS.includes(verb)) context.out.err(`Warning: '${verb}' is not a standard resource verb\n`);
}

const RULE_FLAGS: readonly FlagSpec[] = [...COMMON, { name: 'verb', type: 'stringSlice' }, { name: 'resource', type: 'stringSlice' }, { name: 'resource-name', type: 'stringArray' }];

const NO_VERB_FR = 'Indique ce qui est permis : --verb=get,list,watch (plusieurs verbes séparés par des virgules).';
const NO_RESOURCE_FR = 'Indique sur quoi : --resource=pods (ou deployments.apps, pods/log).';

export const ROLE: Command = {
  summary: 'Create a role with single rule',
  flags: RULE_FLAGS,
  run(context) {
    const name = oneName(context, 'kubectl create role lecteur --verb=get,list --resource=pods');
    const verbs = verbsOf(context);
    const resources = resourcesOf(context);
    if (verbs.length === 0) throw new KubectlError('at least one verb must be specified', NO_VERB_FR);
    warnVerbs(context, verbs);
    if (resources.length === 0) throw new KubectlError('at least one resource must be specified', NO_RESOURCE_FR);
    validateResources(verbs, resources);
    const rules = policyRules(verbs, resources, unique(context.flags.list('resource-name')), []);
    createObject(context, ROLES, { kind: 'Role', apiVersion: `${RBAC}/v1`, metadata: { name }, rules });
  },
};

/** `--aggregation-rule=a=b,c=d` (a pflag StringToString): the labels of one selector. */
function aggregationLabels(texts: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const text of texts) {
    const equals = text.indexOf('=');
    if (equals < 0) throw new KubectlError(`invalid argument ${JSON.stringify(texts.join(','))} for "--aggregation-rule" flag: ${text} must be formatted as key=value`, 'Écris --aggregation-rule=clé=valeur (les étiquettes des ClusterRoles à agréger).');
    labels[text.slice(0, equals)] = text.slice(equals + 1);
  }
  return labels;
}

export const CLUSTER_ROLE: Command = {
  summary: 'Create a cluster role',
  flags: [...RULE_FLAGS, { name: 'non-resource-url', type: 'stringSlice' }, { name: 'aggregation-rule', type: 'stringSlice' }],
  run(context) {
    const name = oneName(context, 'kubectl create clusterrole lecteur --verb=get,list --resource=pods');
    const verbs = verbsOf(context);
    const resources = resourcesOf(context);
    const resourceNames = unique(context.flags.list('resource-name'));
    const urls = context.flags.list('non-resource-url');
    const aggregation = aggregationLabels(context.flags.list('aggregation-rule'));
    if (Object.keys(aggregation).length > 0) {
      if (urls.length > 0 || verbs.length > 0 || resources.length > 0 || resourceNames.length > 0) {
        throw new KubectlError('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames', 'Une ClusterRole agrégée tire ses règles des autres : pas de --verb, --resource ni --non-resource-url avec --aggregation-rule.');
      }
      createObject(context, CLUSTER_ROLES, { kind: 'ClusterRole', apiVersion: `${RBAC}/v1`, metadata: { name }, rules: null, aggregationRule: { clusterRoleSelectors: [{ matchLabels: aggregation }] } });
      return;
    }
    if (verbs.length === 0) throw new KubectlError('at least one verb must be specified', NO_VERB_FR);
    if (resources.length === 0 && urls.length === 0) throw new KubectlError('one of resource or nonResourceURL must be specified', `${NO_RESOURCE_FR} Ou une URL : --non-resource-url=/healthz.`);
    if (resources.length > 0) {
      warnVerbs(context, verbs);
      validateResources(verbs, resources);
    }
    for (const verb of urls.length > 0 ? verbs : []) {
      if (!NON_RESOURCE_VERBS.includes(verb)) throw new KubectlError(`invalid verb: '${verb}' for nonResourceURL`, `Sur une URL, les verbes sont ceux de HTTP : ${NON_RESOURCE_VERBS.join(', ')}.`);
    }
    for (const url of urls) {
      if (url === '*') continue;
      if (!url.startsWith('/')) throw new KubectlError('nonResourceURL should start with /', 'Une URL commence par « / » : --non-resource-url=/healthz.');
      if (url.slice(0, -1).includes('*')) throw new KubectlError("nonResourceURL only supports wildcard matches when '*' is at the end", 'Le joker « * » ne peut être qu’en fin d’URL : /logs/*.');
    }
    createObject(context, CLUSTER_ROLES, { kind: 'ClusterRole', apiVersion: `${RBAC}/v1`, metadata: { name }, rules: policyRules(verbs, resources, resourceNames, urls) });
  },
};

/** The subjects of a binding, in kubectl's order: users, groups, service accounts. */
function subjectsOf(context: CommandContext): Record<string, unknown>[] {
  const subjects: Record<string, unknown>[] = [];
  for (const user of context.flags.list('user')) subjects.push({ kind: 'User', apiGroup: RBAC, name: user });
  for (const group of context.flags.list('group')) subjects.push({ kind: 'Group', apiGroup: RBAC, name: group });
  for (const account of context.flags.list('serviceaccount')) {
    const parts = account.split(':');
    if (parts.length !== 2 || parts[0] === '' || parts[1] === '') throw new KubectlError('serviceaccount must be <namespace>:<name>', 'Écris --serviceaccount=ESPACE:NOM, par exemple --serviceaccount=default:robot.');
    subjects.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] });
  }
  return subjects;
}

const SUBJECT_FLAGS: readonly FlagSpec[] = [{ name: 'user', type: 'stringArray' }, { name: 'group', type: 'stringArray' }, { name: 'serviceaccount', type: 'stringArray' }];

export const ROLE_BINDING: Command = {
  summary: 'Create a role binding for a particular role or cluster role',
  flags: [...COMMON, ...SUBJECT_FLAGS, { name: 'role', type: 'string' }, { name: 'clusterrole', type: 'string' }],
  run(context) {
    const name = oneName(context, 'kubectl create rolebinding lecteurs --role=lecteur --user=jane');
    const role = context.flags.string('role');
    const clusterRole = context.flags.string('clusterrole');
    if ((role === '') === (clusterRole === '')) throw new KubectlError('exactly one of clusterrole or role must be specified', 'Donne le rôle lié : soit --role=NOM (un Role de l’espace), soit --clusterrole=NOM, pas les deux.');
    const subjects = subjectsOf(context);
    const roleRef = { apiGroup: RBAC, kind: role !== '' ? 'Role' : 'ClusterRole', name: role || clusterRole };
    createObject(context, ROLE_BINDINGS, { kind: 'RoleBinding', apiVersion: `${RBAC}/v1`, metadata: { name }, ...(subjects.length > 0 ? { subjects } : {}), roleRef });
  },
};

export const CLUSTER_ROLE_BINDING: Command = {
  summary: 'Create a cluster role binding for a particular cluster role',
  flags: [...COMMON, ...SUBJECT_FLAGS, { name: 'clusterrole', type: 'string' }],
  run(context) {
    requireFlags(context, ['clusterrole'], 'kubectl create clusterrolebinding lecteurs --clusterrole=view --user=jane');
    const name = oneName(context, 'kubectl create clusterrolebinding lecteurs --clusterrole=view --user=jane');
    const subjects = subjectsOf(context);
    const roleRef = { apiGroup: RBAC, kind: 'ClusterRole', name: context.flags.string('clusterrole') };
    createObject(context, CLUSTER_ROLE_BINDINGS, { kind: 'ClusterRoleBinding', apiVersion: `${RBAC}/v1`, metadata: { name }, ...(subjects.length > 0 ? { subjects } : {}), roleRef });
  },
};
