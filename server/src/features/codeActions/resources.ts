/**
 * `resources-missing`: writes starting requests and limits under the container, only the
 * fields the rule found missing. The values are a teaching start (the title says to adjust
 * them): enough for the course's images, small enough to fit many Pods on a node.
 */
import type { CodeAction } from 'vscode-languageserver';
import { compareQuantities, parseQuantity } from '../../../../simulator/src/api/quantity';
import { documentFix, fixPath, fixStrings, valueAt, type FixContext } from './action';
import { mergeEdits, type Patch } from './yamlEdits';

const STARTING: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: '500m', memory: '256Mi' },
};

const TITLES: Readonly<Record<string, string>> = {
  'requests,limits': 'Ajouter des requests/limits de départ (à ajuster)',
  requests: 'Ajouter des requests de départ (à ajuster)',
  limits: 'Ajouter des limits de départ (à ajuster)',
};

/** True when quantity `a` is greater than `b` (false when either does not parse). */
function greater(a: unknown, b: string): boolean {
  if (typeof a !== 'string' && typeof a !== 'number') return false;
  const left = parseQuantity(a);
  const right = parseQuantity(b);
  return left.ok && right.ok && compareQuantities(left.quantity, right.quantity) > 0;
}

export function addResources(fix: FixContext): CodeAction[] {
  const container = fixPath(fix, 'container');
  if (!container) return [];
  const patch: Record<string, Patch> = {};
  for (const field of fixStrings(fix, 'fields')) {
    const [section, resource] = field.split('.');
    const starting = section && resource ? STARTING[section]?.[resource] : undefined;
    if (!section || !resource || !starting) continue;
    let value = starting;
    // A limit below the request is refused by the API server: a bigger request is kept as the limit.
    const request = valueAt(fix, [...container, 'resources', 'requests', resource]);
    if (section === 'limits' && greater(request, starting)) value = String(request);
    (patch[section] ??= {})[resource] = value;
  }
  const sections = ['requests', 'limits'].filter((section) => patch[section]);
  const title = TITLES[sections.join(',')];
  if (!title) return [];
  return documentFix(fix, title, mergeEdits(fix.document, container, { resources: patch }), true);
}
