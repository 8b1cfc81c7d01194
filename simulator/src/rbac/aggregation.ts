/**
 * ClusterRole aggregation (pkg/controller/clusterroleaggregation, v1.30): a ClusterRole
 * with an aggregationRule gets, as its rules, the rules of every other ClusterRole its
 * selectors match (per selector, roles in name order, each rule once). That is how
 * admin, edit and view grow when a CRD's author labels a role
 * `rbac.authorization.k8s.io/aggregate-to-view: "true"`.
 */
import type { KubeObject } from '../store/store';
import { clone, compareStrings, deepEqual } from '../store/json';
import { matchesLabelSelector } from '../store/selectors';
import type { Controller, Reader, ReconcileResult } from '../controllers/types';
import { CLUSTER_ROLES } from './authorizer';

const nameOf = (role: KubeObject): string => {
  const name = (role.metadata as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : '';
};
const labelsOf = (role: KubeObject): Record<string, string> | undefined => (role.metadata as { labels?: Record<string, string> } | undefined)?.labels;
const selectorsOf = (role: KubeObject): unknown[] | undefined => {
  const rule = role.aggregationRule as { clusterRoleSelectors?: unknown } | undefined;
  return rule && Array.isArray(rule.clusterRoleSelectors) ? rule.clusterRoleSelectors : undefined;
};
const rulesOf = (role: KubeObject): unknown[] => (Array.isArray(role.rules) ? role.rules : []);

/** Mirrors ClusterRoleAggregationController.syncClusterRole's computation of one role's rules. */
export function aggregatedRules(role: KubeObject, all: readonly KubeObject[]): unknown[] {
  const rules: unknown[] = [];
  const sorted = [...all].sort((a, b) => compareStrings(nameOf(a), nameOf(b)));
  for (const selector of selectorsOf(role) ?? []) {
    for (const other of sorted) {
      if (nameOf(other) === nameOf(role) || !matchesLabelSelector(selector, labelsOf(other))) continue;
      for (const rule of rulesOf(other)) if (!rules.some((existing) => deepEqual(existing, rule))) rules.push(rule);
    }
  }
  return rules;
}

/**
 * Copies of `roles` with every aggregated role's rules computed, to a fixed point (an
 * aggregated role may aggregate another: admin takes edit, which takes view).
 */
export function aggregateClusterRoles(roles: readonly KubeObject[]): KubeObject[] {
  const out = roles.map((role) => clone(role));
  for (let pass = 0; pass < out.length + 1; pass++) {
    let changed = false;
    for (const role of out) {
      if (!selectorsOf(role)) continue;
      const rules = aggregatedRules(role, out);
      if (deepEqual(rules, rulesOf(role))) continue;
      role.rules = rules;
      changed = true;
    }
    if (!changed) break;
  }
  return out;
}

/** The one key the controller uses: any ClusterRole change may change any aggregated role. */
const KEY = 'clusterroles';

/**
 * The clusterrole-aggregation controller: on any ClusterRole change, rewrites the rules
 * of the aggregated roles that are out of date (level-triggered; one update per role per
 * pass, the next pass follows from the update's own event).
 */
export function createClusterRoleAggregationController(): Controller {
  return {
    name: 'clusterrole-aggregation-controller',
    triggers: [{ info: CLUSTER_ROLES, keys: () => [KEY] }],
    reconcile(_key: string, reader: Reader): ReconcileResult {
      const roles = reader.list(CLUSTER_ROLES);
      const actions: ReconcileResult['actions'] = [];
      for (const role of roles) {
        if (!selectorsOf(role)) continue;
        const rules = aggregatedRules(role, roles);
        if (deepEqual(rules, rulesOf(role))) continue;
        actions.push({ type: 'update', object: { ...role, rules: rules } });
      }
      return { actions };
    },
  };
}
