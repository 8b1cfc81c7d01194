/**
 * PolicyRule matching and rewriting, as the RBAC authorizer and kubectl use them
 * (kubernetes plugin/pkg/auth/authorizer/rbac/rbac.go, pkg/apis/rbac/v1/evaluation_helpers.go,
 * kubectl's rbacutil BreakdownRule / CompactRules / SortableRuleSlice, v1.30).
 */

/** rbac.authorization.k8s.io/v1 PolicyRule, as plain JSON. */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** What a request asks (authorizer.Attributes), resource or non-resource. */
export interface RequestAttributes {
  verb: string;
  /** A resource request has a resource; a non-resource request has a path. */
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  /** '' or absent: cluster scope (or every namespace, for a list). */
  namespace?: string;
  name?: string;
  /** A non-resource URL: `/healthz`, `/api`. */
  path?: string;
}

export const isResourceRequest = (request: RequestAttributes): boolean => request.path === undefined;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** Reads a rule out of stored JSON, tolerating missing lists. */
export function readRule(value: unknown): PolicyRule {
  const rule = (value ?? {}) as Record<string, unknown>;
  const out: PolicyRule = { verbs: strings(rule.verbs) };
  if (rule.apiGroups !== undefined) out.apiGroups = strings(rule.apiGroups);
  if (rule.resources !== undefined) out.resources = strings(rule.resources);
  if (rule.resourceNames !== undefined) out.resourceNames = strings(rule.resourceNames);
  if (rule.nonResourceURLs !== undefined) out.nonResourceURLs = strings(rule.nonResourceURLs);
  return out;
}

// Mirrors rbacv1helpers.VerbMatches / APIGroupMatches.
const listMatches = (list: readonly string[] | undefined, value: string): boolean => (list ?? []).some((item) => item === '*' || item === value);

/** Mirrors ResourceMatches: `*`, `pods`, `pods/log`, and `*\/scale` for any resource's subresource. */
function resourceMatches(rule: PolicyRule, resource: string, subresource: string): boolean {
  const combined = subresource === '' ? resource : `${resource}/${subresource}`;
  return (rule.resources ?? []).some((item) => item === '*' || item === combined || (subresource !== '' && item === `*/${subresource}`));
}

/** Mirrors ResourceNameMatches: no names means every name. */
function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}

/** Mirrors NonResourceURLMatches: `*`, the exact path, or a prefix ending in `*`. */
function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some((item) => item === '*' || item === path || (item.endsWith('*') && path.startsWith(item.slice(0, -1))));
}

/** Mirrors rbac.RuleAllows: does this one rule allow the request? */
export function ruleAllows(rule: PolicyRule, request: RequestAttributes): boolean {
  if (!isResourceRequest(request)) return listMatches(rule.verbs, request.verb) && nonResourceURLMatches(rule, request.path!);
  return (
    listMatches(rule.verbs, request.verb) &&
    listMatches(rule.apiGroups, request.apiGroup ?? '') &&
    resourceMatches(rule, request.resource ?? '', request.subresource ?? '') &&
    resourceNameMatches(rule, request.name ?? '')
  );
}

/**
 * Mirrors rbacutil.BreakdownRule: one rule per group, resource, verb (and resource name);
 * one per non-resource URL and verb.
 */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs) {
        const names = rule.resourceNames ?? [];
        if (names.length > 0) for (const name of names) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [name] });
        else out.push({ verbs: [verb], apiGroups: [group], resources: [resource] });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs) out.push({ verbs: [verb], nonResourceURLs: [url] });
  return out;
}

/**
 * Mirrors rbacutil.CompactRules: rules on one group and resource (and at most one name)
 * that differ only by verb become one rule; the others are kept as they are.
 */
export function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    const names = rule.resourceNames ?? [];
    const isSimple = names.length <= 1 && (rule.nonResourceURLs ?? []).length === 0 && rule.apiGroups?.length === 1 && rule.resources?.length === 1;
    if (!isSimple) {
      compacted.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups![0], rule.resources![0], names[0] ?? null]);
    const existing = simple.get(key);
    if (!existing) simple.set(key, { ...rule, verbs: [...rule.verbs] });
    else for (const verb of rule.verbs) if (!existing.verbs.includes(verb)) existing.verbs.push(verb);
  }
  return [...compacted, ...simple.values()];
}

const goList = (list: readonly string[] | undefined): string => `[${(list ?? []).join(' ')}]`;

/** The generated PolicyRule.String(), what SortableRuleSlice compares. */
export function ruleString(rule: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(rule.verbs)},APIGroups:${goList(rule.apiGroups)},Resources:${goList(rule.resources)},ResourceNames:${goList(rule.resourceNames)},NonResourceURLs:${goList(rule.nonResourceURLs)},}`;
}

/** Go's strings.Compare on byte order (the strings here are ASCII). */
const compareBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** sort.Stable(SortableRuleSlice(rules)). */
export function sortRules(rules: readonly PolicyRule[]): PolicyRule[] {
  return rules
    .map((rule) => ({ rule, key: ruleString(rule) }))
    .sort((a, b) => compareBytes(a.key, b.key))
    .map(({ rule }) => rule);
}

/** Mirrors describe.CombineResourceGroup: `deployments.apps`, `pods/log`, `deployments.apps/scale`. */
export function combineResourceGroup(resources: readonly string[] | undefined, groups: readonly string[] | undefined): string {
  const first = resources?.[0];
  if (first === undefined) return '';
  const slash = first.indexOf('/');
  let combined = slash === -1 ? first : first.slice(0, slash);
  if (groups && groups.length > 0 && groups[0] !== '') combined += `.${groups[0]}`;
  if (slash !== -1) combined += first.slice(slash);
  return combined;
}

/** Go's `%v` of a []string: `[get list watch]`. */
export { goList };
