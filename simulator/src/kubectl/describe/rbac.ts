/**
 * `kubectl describe serviceaccount|role|clusterrole|rolebinding|clusterrolebinding`
 * (k8s.io/kubectl/pkg/describe, v1.30). A role's rules are shown as kubectl shows them:
 * broken down to one verb per resource (rbac.BreakdownRule), verbs gathered back per
 * resource (CompactRules), sorted by the rules' text (SortableRuleSlice).
 */
import { compareStrings } from '../../store/json';
import { arr, meta, nameOf, str, strs, type Json } from '../fields';
import { type DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './writer';

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** rbac.BreakdownRule: one rule per group, resource, verb (and resource name). */
function breakdown(rule: Json): Rule[] {
  const out: Rule[] = [];
  const verbs = strs(rule.verbs);
  const names = strs(rule.resourceNames);
  for (const group of strs(rule.apiGroups)) {
    for (const resource of strs(rule.resources)) {
      for (const verb of verbs) {
        if (names.length > 0) for (const name of names) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [name], nonResourceURLs: [] });
        else out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [], nonResourceURLs: [] });
      }
    }
  }
  for (const url of strs(rule.nonResourceURLs)) for (const verb of verbs) out.push({ verbs: [verb], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [url] });
  return out;
}

/** rbac.CompactRules: simple rules (one group, one resource, at most one name) gather their verbs. */
function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const rule of rules) {
    const isSimple = rule.nonResourceURLs.length === 0 && rule.resourceNames.length <= 1 && rule.apiGroups.length === 1 && rule.resources.length === 1;
    if (!isSimple) {
      out.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups[0], rule.resources[0], rule.resourceNames[0] ?? null]);
    const existing = simple.get(key);
    if (existing) existing.verbs.push(...rule.verbs);
    else simple.set(key, { ...rule, verbs: [...rule.verbs] });
  }
  return [...out, ...simple.values()];
}

/** The generated PolicyRule.String(), SortableRuleSlice's key. */
const ruleText = (r: Rule): string =>
  `&PolicyRule{Verbs:[${r.verbs.join(' ')}],APIGroups:[${r.apiGroups.join(' ')}],Resources:[${r.resources.join(' ')}],ResourceNames:[${r.resourceNames.join(' ')}],NonResourceURLs:[${r.nonResourceURLs.join(' ')}],}`;

/** CombineResourceGroup: `deployments.apps`, `pods/log`, `deployments.apps/scale`. */
function combineResourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return '';
  const [resource, subresource] = resources[0]!.split(/\/(.*)/s);
  let combined = resource!;
  if (groups.length > 0 && groups[0] !== '') combined += `.${groups[0]}`;
  if (subresource !== undefined) combined += `/${subresource}`;
  return combined;
}

function describeRole(w: DescribeWriter, role: Json): void {
  const rules = compact(arr(role.rules).flatMap(breakdown)).sort((a, b) => compareStrings(ruleText(a), ruleText(b)));
  w.write(0, `Name:\t${nameOf(role)}\n`);
  writeLabels(w, 'Labels', meta(role).labels);
  writeAnnotations(w, 'Annotations', meta(role).annotations);
  w.write(0, 'PolicyRule:\n');
  w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  w.write(1, '---------\t-----------------\t--------------\t-----\n');
  for (const r of rules) {
    w.write(1, `${combineResourceGroup(r.resources, r.apiGroups)}\t[${r.nonResourceURLs.join(' ')}]\t[${r.resourceNames.join(' ')}]\t[${r.verbs.join(' ')}]\n`);
  }
}

/** Role and ClusterRole describe the same way. */
export const describeRoleLike = describeRole;

/** RoleBinding and ClusterRoleBinding. */
export function describeBinding(w: DescribeWriter, binding: Json): void {
  w.write(0, `Name:\t${nameOf(binding)}\n`);
  writeLabels(w, 'Labels', meta(binding).labels);
  writeAnnotations(w, 'Annotations', meta(binding).annotations);
  const roleRef = (binding.roleRef ?? {}) as Json;
  w.write(0, 'Role:\n');
  w.write(1, `Kind:\t${str(roleRef.kind)}\n`);
  w.write(1, `Name:\t${str(roleRef.name)}\n`);
  w.write(0, 'Subjects:\n');
  w.write(1, 'Kind\tName\tNamespace\n');
  w.write(1, '----\t----\t---------\n');
  for (const s of arr(binding.subjects)) w.write(1, `${str(s.kind)}\t${str(s.name)}\t${str(s.namespace)}\n`);
}

/**
 * describeServiceAccount: its image pull secrets, mountable secrets and token Secrets
 * (`(not found)` for the ones listed that do not exist).
 */
export function describeServiceAccount(w: DescribeWriter, sa: Json, secrets: readonly Json[], events: readonly Json[] | undefined, now: number): void {
  w.write(0, `Name:\t${nameOf(sa)}\n`);
  w.write(0, `Namespace:\t${str(meta(sa).namespace)}\n`);
  writeLabels(w, 'Labels', meta(sa).labels);
  writeAnnotations(w, 'Annotations', meta(sa).annotations);
  const existing = new Set(secrets.map(nameOf));
  const tokens = secrets.filter((s) => {
    const annotations = (meta(s).annotations ?? {}) as Json;
    return str(s.type) === 'kubernetes.io/service-account-token' && str(annotations['kubernetes.io/service-account.name']) === nameOf(sa) && str(annotations['kubernetes.io/service-account.uid']) === str(meta(sa).uid);
  });
  const sections: [string, string[], boolean][] = [
    ['Image pull secrets:', arr(sa.imagePullSecrets).map((s) => str(s.name)), true],
    ['Mountable secrets: ', arr(sa.secrets).map((s) => str(s.name)), true],
    ['Tokens:            ', tokens.map(nameOf), false],
  ];
  for (const [header, names, checked] of sections) {
    if (names.length === 0) {
      w.write(0, `${header}\t<none>\n`);
      continue;
    }
    names.forEach((name, i) => {
      const prefix = i === 0 ? header : '                   ';
      w.write(0, `${prefix}\t${name}${checked && !existing.has(name) ? ' (not found)' : ''}\n`);
    });
  }
  writeEvents(w, events, now);
}
