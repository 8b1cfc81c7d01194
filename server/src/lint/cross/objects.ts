/**
 * Small readers for the cross-resource rules. The objects they look at come from files being
 * typed and from the cluster inventory, so nothing about their shape can be trusted: every
 * reader returns `undefined` or an empty list instead of throwing on a wrong type.
 */
import { distance } from 'fastest-levenshtein';
import type { KnownResource, ResourceIndex } from '../../workspace/resources';

export type Obj = Record<string, unknown>;
export type Path = (string | number)[];

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` when it is an object, else undefined. */
export function obj(value: unknown): Obj | undefined {
  return isObj(value) ? value : undefined;
}

/** `value` when it is a list, else an empty one. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty string, else undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A label map (string values; numbers and booleans as YAML would print them). */
export function labelMap(value: unknown): Record<string, string> | undefined {
  if (!isObj(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') out[key] = String(item);
  }
  return out;
}

/** `app=web, tier=front`, as learners read labels in `kubectl get --show-labels`. */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '(aucun label)' : entries.map(([key, value]) => `${key}=${value}`).join(', ');
}

/** The object's name (`metadata.name`). */
export function nameOf(object: unknown): string | undefined {
  return text(obj(obj(object)?.metadata)?.name);
}

/** The resources of `kind` named `name`, in `namespace` (ResourceIndex semantics). */
export function named(resources: ResourceIndex, kind: string, name: string, namespace: string | undefined): KnownResource[] {
  return resources.list(kind, namespace).filter((resource) => resource.name === name);
}

/** `Deployment « web »`. */
export function describe(resource: { kind: string; name: string }): string {
  return `${resource.kind} « ${resource.name} »`;
}

/**
 * The known names closest to a mistyped one (a typo, not a different word): at most a third
 * of the name's length apart (a swap of two letters counts as one edit), best first.
 */
export function closestNames(name: string, candidates: Iterable<unknown>, limit = 3): string[] {
  const threshold = Math.max(1, Math.floor(name.length / 3));
  const scored = new Map<string, number>();
  for (const candidate of candidates) {
    // Names from the cluster inventory arrive over the wire: trust nothing.
    if (typeof candidate !== 'string' || candidate === name || scored.has(candidate)) continue;
    const score = isTransposition(name, candidate) ? 1 : distance(name, candidate);
    if (score <= threshold) scored.set(candidate, score);
  }
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([candidate]) => candidate);
}

/** True when `b` is `a` with two neighbouring letters swapped (`wbe` for `web`), a typo worth one edit. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((char, index) => (char === b[index] ? [] : [index]));
  const [first, second] = differ;
  return differ.length === 2 && first !== undefined && second === first + 1 && a[first] === b[second] && a[second] === b[first];
}

/** ` Voulais-tu dire « web » ?`, or nothing when no name is close. */
export function didYouMean(names: readonly string[]): string {
  if (names.length === 0) return '';
  return ` Voulais-tu dire ${names.map((name) => `« ${name} »`).join(' ou ')} ?`;
}

/** `ConfigMap`, `Secret`... with the French article for a sentence subject (« Le ConfigMap »). */
export function theKind(kind: string): string {
  return FEMININE.has(kind) ? `La ${kind}` : `Le ${kind}`;
}

const FEMININE = new Set(['PersistentVolumeClaim', 'StorageClass']);
