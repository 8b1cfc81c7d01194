/**
 * What a Pod says about the Nodes it accepts: tolerations against taints (v1 helper
 * `ToleratesTaint`), nodeSelector and node affinity (component-helpers `nodeaffinity`),
 * read once per Pod into plain data the filters and scores use per Node.
 */
import { isJsonObject, type JsonObject } from '../store/json';

export interface Taint {
  key: string;
  value: string;
  effect: string;
}

export interface Toleration {
  key: string;
  operator: string;
  value: string;
  effect: string;
}

interface Requirement {
  key: string;
  operator: string;
  values: string[];
}

/** A NodeSelectorTerm: its requirements are ANDed; a term without any matches nothing. */
export interface NodeTerm {
  expressions: Requirement[];
  fields: Requirement[];
  /** A requirement that does not parse: the term is ignored, as upstream does. */
  invalid: boolean;
}

export interface WeightedTerm {
  weight: number;
  term: NodeTerm;
}

/** The Node fields node affinity looks at. */
export interface NodeLabels {
  name: string;
  labels: Readonly<Record<string, string>>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const objects = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);

export function readTaints(value: unknown): Taint[] {
  return objects(value).map((taint) => ({ key: text(taint.key), value: text(taint.value), effect: text(taint.effect) }));
}

export function readTolerations(value: unknown): Toleration[] {
  return objects(value).map((item) => ({ key: text(item.key), operator: text(item.operator), value: text(item.value), effect: text(item.effect) }));
}

/** Mirrors Toleration.ToleratesTaint: an empty key with Exists tolerates everything. */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect !== '' && toleration.effect !== taint.effect) return false;
  if (toleration.key !== '' && toleration.key !== taint.key) return false;
  switch (toleration.operator) {
    case '':
    case 'Equal':
      return toleration.value === taint.value;
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function toleratesAny(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const toleration of tolerations) if (tolerates(toleration, taint)) return true;
  return false;
}

/**
 * Mirrors v1helper.FindMatchingUntoleratedTaint: the first taint, in the Node's order,
 * with one of `effects` that no toleration tolerates.
 */
export function firstUntolerated(taints: readonly Taint[], tolerations: readonly Toleration[], effects: readonly string[]): Taint | undefined {
  for (const taint of taints) if (effects.includes(taint.effect) && !toleratesAny(tolerations, taint)) return taint;
  return undefined;
}

function readRequirements(value: unknown): { requirements: Requirement[]; invalid: boolean } {
  let invalid = false;
  const requirements = objects(value).map((item) => {
    const values = Array.isArray(item.values) ? item.values.map(String) : [];
    const operator = text(item.operator);
    if ((operator === 'In' || operator === 'NotIn') && values.length === 0) invalid = true;
    if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) invalid = true;
    if ((operator === 'Gt' || operator === 'Lt') && (values.length !== 1 || !/^-?\d+$/.test(values[0]!))) invalid = true;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'].includes(operator)) invalid = true;
    return { key: text(item.key), operator, values };
  });
  return { requirements, invalid };
}

export function readTerm(value: unknown): NodeTerm {
  const term = isJsonObject(value) ? value : {};
  const expressions = readRequirements(term.matchExpressions);
  const fields = readRequirements(term.matchFields);
  // Only metadata.name is a selectable Node field.
  const badField = fields.requirements.some((r) => r.key !== 'metadata.name' || (r.operator !== 'In' && r.operator !== 'NotIn'));
  return { expressions: expressions.requirements, fields: fields.requirements, invalid: expressions.invalid || fields.invalid || badField };
}

function matchesRequirement(requirement: Requirement, value: string | undefined): boolean {
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotIn':
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || !/^-?\d+$/.test(value)) return false;
      const have = Number(value);
      const want = Number(requirement.values[0]);
      return requirement.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

/** Mirrors nodeSelectorTerm.match: every requirement holds; an empty term matches nothing. */
export function termMatches(term: NodeTerm, node: NodeLabels): boolean {
  if (term.invalid || (term.expressions.length === 0 && term.fields.length === 0)) return false;
  const labels = node.labels;
  return (
    term.expressions.every((r) => matchesRequirement(r, Object.hasOwn(labels, r.key) ? labels[r.key] : undefined)) &&
    term.fields.every((r) => matchesRequirement(r, node.name))
  );
}

/** What a Pod requires and prefers of its Node. */
export interface PodPlacement {
  /** spec.nodeSelector, as entries. */
  nodeSelector: readonly (readonly [string, string])[];
  /** Required node affinity terms (ORed), or undefined when the Pod has none. */
  required: NodeTerm[] | undefined;
  preferred: WeightedTerm[];
  tolerations: Toleration[];
}

export function readPlacement(spec: JsonObject): PodPlacement {
  const selector = isJsonObject(spec.nodeSelector) ? Object.entries(spec.nodeSelector).map(([key, value]) => [key, String(value)] as const) : [];
  const affinity = isJsonObject(spec.affinity) && isJsonObject(spec.affinity.nodeAffinity) ? spec.affinity.nodeAffinity : {};
  const required = isJsonObject(affinity.requiredDuringSchedulingIgnoredDuringExecution)
    ? objects(affinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).map(readTerm)
    : undefined;
  const preferred = objects(affinity.preferredDuringSchedulingIgnoredDuringExecution).map((item) => ({
    weight: typeof item.weight === 'number' ? item.weight : 0,
    term: readTerm(item.preference),
  }));
  return { nodeSelector: selector, required, preferred, tolerations: readTolerations(spec.tolerations) };
}

/** Mirrors RequiredNodeAffinity.Match: nodeSelector, then any of the required terms. */
export function matchesRequired(placement: PodPlacement, node: NodeLabels): boolean {
  for (const [key, value] of placement.nodeSelector) if (node.labels[key] !== value) return false;
  if (placement.required === undefined) return true;
  for (const term of placement.required) if (termMatches(term, node)) return true;
  return false;
}

/**
 * Mirrors NodeAffinity's PreFilter: when every required term names Nodes by
 * `matchFields: metadata.name In [...]` (what the DaemonSet controller writes), only those
 * Nodes are looked at. Returns undefined when any Node may do, an empty set on a conflict.
 */
export function requiredNodeNames(placement: PodPlacement): Set<string> | undefined {
  if (!placement.required || placement.required.length === 0) return undefined;
  let union: Set<string> | undefined;
  for (const term of placement.required) {
    let names: Set<string> | undefined;
    for (const field of term.fields) {
      if (field.key !== 'metadata.name' || field.operator !== 'In') continue;
      names = names ? new Set(field.values.filter((name) => names!.has(name))) : new Set(field.values);
    }
    if (!names) return undefined;
    union = new Set([...(union ?? []), ...names]);
  }
  return union;
}
