/**
 * Small helpers shared by the rules: reading a decoded object without trusting its
 * shape, and the few field.Error forms finding.ts does not build (NotFound, and values
 * that Go prints with %#v, such as a nil map).
 */
import { formatField, goQuote, invalid, type Finding, type PathSegment } from '../finding';
import { applyDefaults } from '../../defaults/index';
import type { KubeObject, RuleContext } from '../rule';

export type Path = readonly PathSegment[];

/** A plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is KubeObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The object member `key`, when the value is an object. */
export function child(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** Follows `keys` from `value`: get(obj, 'spec', 'template', 'metadata'). */
export function get(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((current, key) => child(current, key), value);
}

export function asRecord(value: unknown): KubeObject | undefined {
  return isRecord(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** A map of strings (labels, annotations, data), or undefined when absent. */
export function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  return out;
}

/** `metadata.labels` as field.Path prints a map key: `data[my.key]`. */
export function keyField(path: Path, key: string): string {
  return `${formatField(path)}[${key}]`;
}

interface Base {
  code: string;
  path: Path;
  fr: string;
  field?: string;
}

/** field.Invalid with a value Go prints with %#v (a struct, a nil map): the text is given as is. */
export function invalidGo(base: Base, goText: string, detail: string): Finding {
  const finding = invalid(base, '', detail);
  return { ...finding, message: `${finding.field}: Invalid value: ${goText}${detail === '' ? '' : `: ${detail}`}` };
}

/** field.NotFound: `spec.containers[0].volumeMounts[0].name: Not found: "data"`. */
export function notFound(base: Base, value: string): Finding {
  const field = base.field ?? formatField(base.path);
  return { code: base.code, phase: 'validate', path: base.path, field, causeType: 'FieldValueNotFound', message: `${field}: Not found: ${goQuote(value)}`, fr: base.fr };
}

/** Go's %#v of a map[string]string: `map[string]string{"app":"web"}`, or `map[string]string(nil)` when absent. */
export function goStringMap(value: Record<string, string> | undefined): string {
  if (value === undefined) return 'map[string]string(nil)';
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[string]string{${entries.map(([key, item]) => `${goQuote(key)}:${goQuote(item)}`).join(', ')}}`;
}

/** Go's %#v of a []string: `[]string{"a", "b"}`, or `[]string(nil)` when absent. */
export function goStringSlice(value: readonly string[] | undefined): string {
  return value === undefined ? '[]string(nil)' : `[]string{${value.map(goQuote).join(', ')}}`;
}

/** Go's %#v of a LabelSelector (metav1): what `field is immutable` and `empty selector` print. */
export function goLabelSelector(selector: unknown): string {
  const matchLabels = stringMap(child(selector, 'matchLabels'));
  const expressions = child(selector, 'matchExpressions');
  const requirements = Array.isArray(expressions)
    ? `[]v1.LabelSelectorRequirement{${expressions
        .map((expression) => {
          const values = child(expression, 'values');
          return `v1.LabelSelectorRequirement{Key:${goQuote(asString(child(expression, 'key')) ?? '')}, Operator:${goQuote(asString(child(expression, 'operator')) ?? '')}, Values:${goStringSlice(Array.isArray(values) ? values.map(String) : undefined)}}`;
        })
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(matchLabels)}, MatchExpressions:${requirements}}`;
}

/** Go's %#v of an intstr.IntOrString: `intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}`. */
export function goIntOrString(value: number | string): string {
  return typeof value === 'number' ? `intstr.IntOrString{Type:0, IntVal:${value}, StrVal:""}` : `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(value)}}`;
}

/** The object's kind, for French sentences. */
export function kindOf(object: KubeObject): string {
  return typeof object.kind === 'string' ? object.kind : 'objet';
}

/** The stored object on update, defaulted like the new one (defaulting is idempotent). */
export function storedOld(context: RuleContext): KubeObject | undefined {
  return context.old ? applyDefaults(context.old, context.info) : undefined;
}
