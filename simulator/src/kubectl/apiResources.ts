/**
 * `kubectl api-resources`: NAME, SHORTNAMES, APIVERSION, NAMESPACED, KIND (`-o wide` adds
 * VERBS and CATEGORIES, comma-separated since v1.25), one row per resource of the preferred
 * version of each group,
 * ordered by group (core first) as kubectl sorts them.
 */
import type { KindInfo } from '../api/catalog';
import { compareStrings } from '../store/json';
import { TABLE_TABWRITER, alignTabs } from './tabwriter';

/** The `categories` discovery reports (what `kubectl get all` expands to). */
export const CATEGORIES: Readonly<Record<string, string>> = {
  pods: 'all', replicationcontrollers: 'all', services: 'all', daemonsets: 'all', deployments: 'all', replicasets: 'all',
  statefulsets: 'all', horizontalpodautoscalers: 'all', cronjobs: 'all', jobs: 'all',
  mutatingwebhookconfigurations: 'api-extensions', validatingadmissionpolicies: 'api-extensions',
  validatingadmissionpolicybindings: 'api-extensions', validatingwebhookconfigurations: 'api-extensions',
  customresourcedefinitions: 'api-extensions',
};

export interface ApiResourcesOptions {
  /** `-o wide`. */
  wide?: boolean;
  /** `-o name`: `pods`, `deployments.apps`. */
  name?: boolean;
  noHeaders?: boolean;
  /** `--namespaced=true|false`. */
  namespaced?: boolean;
  /** `--api-group=apps` (`''` for the core group). */
  apiGroup?: string;
  /** `--sort-by=name|kind`. */
  sortBy?: 'name' | 'kind';
}

/** The resources kubectl would list, in its order. */
export function apiResources(kinds: readonly KindInfo[], options: ApiResourcesOptions = {}): KindInfo[] {
  // Discovery lists each group's preferred version: a resource is hidden only when another
  // version of it in the same group is the preferred one (autoscaling/v1 behind v2).
  const preferred = (k: KindInfo): boolean => k.preferred || !kinds.some((o) => o.preferred && o.group === k.group && o.resource === k.resource);
  const rows = kinds.filter(
    (k) => preferred(k) && (options.namespaced === undefined || k.namespaced === options.namespaced) && (options.apiGroup === undefined || k.group === options.apiGroup),
  );
  const key = (k: KindInfo): string => (options.sortBy === 'name' ? k.resource : options.sortBy === 'kind' ? k.kind : k.group);
  return rows.map((k, i) => ({ k, i })).sort((a, b) => compareStrings(key(a.k), key(b.k)) || a.i - b.i).map(({ k }) => k);
}

/** The text of `kubectl api-resources`. */
export function printApiResources(kinds: readonly KindInfo[], options: ApiResourcesOptions = {}): string {
  const rows = apiResources(kinds, options);
  if (options.name) return rows.map((k) => `${k.resource}${k.group === '' ? '' : `.${k.group}`}\n`).join('');
  const lines: string[] = [];
  if (!options.noHeaders) lines.push(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${options.wide ? '\tVERBS\tCATEGORIES' : ''}`);
  for (const k of rows) {
    let line = `${k.resource}\t${k.shortNames.join(',')}\t${k.apiVersion}\t${k.namespaced}\t${k.kind}`;
    if (options.wide) line += `\t${k.verbs.join(',')}\t${CATEGORIES[k.resource] ?? ''}`;
    lines.push(line);
  }
  return alignTabs(lines.map((l) => `${l}\n`).join(''), TABLE_TABWRITER);
}
