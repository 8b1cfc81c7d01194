/**
 * What `kubectl wait --for=...` waits for (kubectl v1.30's wait.go, conditionFuncFor):
 * `delete` (any case), `condition=NAME[=VALUE]` (VALUE `true` by default; name and value
 * compared case-insensitively, a condition older than the object's generation ignored),
 * or `jsonpath=EXPR[=VALUE]` (the expression relaxed as `kubectl get` does, one value
 * expected; without VALUE any value will do). Errors are kubectl's own texts.
 */
import { isJsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { KubectlError } from './errors';

/** A check of one object: met or not; throws what kubectl would end the wait with. */
export type ObjectCheck = (object: KubeObject) => boolean;

export type WaitTarget = { kind: 'delete' } | { kind: 'check'; check: ObjectCheck };

const FOR_FR = 'Dis ce que tu attends : --for=condition=Available, --for=condition=Ready, --for=delete ou --for=jsonpath=\'{.status.phase}\'=Running.';
const JSONPATH_FR = "Écris le chemin entre accolades, puis la valeur attendue : --for=jsonpath='{.status.phase}'=Running (ou sans =valeur pour attendre que le champ existe).";

/** strings.EqualFold, close enough: Go's simple case folding on the texts learners use. */
const equalFold = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Mirrors ConditionalWait.checkCondition. */
function conditionCheck(name: string, value: string): ObjectCheck {
  return (object) => {
    const status = isJsonObject(object.status) ? object.status : {};
    const conditions = Array.isArray(status.conditions) ? status.conditions : [];
    for (const condition of conditions) {
      if (!isJsonObject(condition) || typeof condition.type !== 'string' || !equalFold(condition.type, name)) continue;
      if (typeof condition.status !== 'string') continue;
      const generation = isJsonObject(object.metadata) ? object.metadata.generation : undefined;
      // getObservedGeneration: the condition's own, else the status's.
      const observed = typeof condition.observedGeneration === 'number' ? condition.observedGeneration : status.observedGeneration;
      if (typeof generation === 'number' && typeof observed === 'number' && observed < generation) return false;
      return equalFold(condition.status, value);
    }
    return false;
  };
}

/** splitJSONPathInput: splits on single `=`, keeping `==` (filters) whole. */
function splitOnEquals(input: string): string[] {
  const out: string[] = [];
  let element = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        element += '==';
        i++;
        continue;
      }
      out.push(element);
      element = '';
      continue;
    }
    element += input[i];
  }
  return [...out, element];
}

/** cmdget.RelaxedJSONPathExpression: `{.a.b}`, `{a.b}`, `.a.b` and `a.b` all mean `{.a.b}`; gives the inside. */
function relaxed(expression: string): string {
  if (expression === '') return '';
  const match = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expression);
  if (!match) throw new KubectlError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'", JSONPATH_FR);
  return `.${match[1] ?? match[2]!}`;
}

type Step = { field: string } | { index: number } | { all: true } | { filter: string[]; op: '==' | '!='; literal: unknown };

const unrecognized = (rest: string): KubectlError =>
  new KubectlError(`unrecognized character in action: U+${rest.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${rest[0]!}'`, JSONPATH_FR);

/** The steps of a relaxed path: `.a`, `['a']`, `[0]`, `[*]`, `.*`, `[?(@.type=="Ready")]` (client-go jsonpath, the part wait meets). */
function parseSteps(path: string): Step[] {
  const steps: Step[] = [];
  let rest = path;
  while (rest !== '') {
    let match: RegExpExecArray | null;
    if ((match = /^\.\*/.exec(rest)) || (match = /^\[\*\]/.exec(rest))) steps.push({ all: true });
    else if ((match = /^\.([^.[\]]+)/.exec(rest))) steps.push({ field: match[1]! });
    else if ((match = /^\[(-?\d+)\]/.exec(rest))) steps.push({ index: Number(match[1]) });
    else if ((match = /^\[['"]([^'"]*)['"]\]/.exec(rest))) steps.push({ field: match[1]! });
    else if ((match = /^\[\?\(@((?:\.[^.=!)\s]+)+)\s*(==|!=)\s*(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?|true|false))\s*\)\]/.exec(rest))) {
      const literal: unknown = match[3] ?? match[4] ?? JSON.parse(match[5]!);
      steps.push({ filter: match[1]!.slice(1).split('.'), op: match[2] as '==' | '!=', literal });
    } else if (rest.startsWith('[') && !rest.includes(']')) throw new KubectlError('unclosed array expect ]', JSONPATH_FR);
    else throw unrecognized(rest);
    rest = rest.slice(match[0].length);
  }
  return steps;
}

function evaluate(steps: readonly Step[], data: unknown): unknown[] {
  let values: unknown[] = [data];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of values) {
      if ('field' in step) {
        if (isJsonObject(value) && step.field in value) next.push(value[step.field]);
      } else if ('index' in step) {
        const item: unknown = Array.isArray(value) ? value[step.index < 0 ? value.length + step.index : step.index] : undefined;
        if (item !== undefined) next.push(item);
      } else if ('all' in step) {
        if (Array.isArray(value)) next.push(...(value as unknown[]));
        else if (isJsonObject(value)) next.push(...Object.values(value));
      } else if (Array.isArray(value)) {
        for (const item of value as unknown[]) {
          const [found] = evaluate(step.filter.map((field) => ({ field })), item);
          if (found !== undefined && (found === step.literal) === (step.op === '==')) next.push(item);
        }
      }
    }
    values = next;
  }
  return values;
}

/** fmt's %v of a JSON scalar. */
function goValue(value: string | number | boolean | null): string {
  return value === null ? '<nil>' : String(value);
}

/** Mirrors JSONPathWait.checkCondition. */
function jsonPathCheck(steps: readonly Step[], expected: string): ObjectCheck {
  return (object) => {
    const results = evaluate(steps, object);
    if (results.length === 0) return false;
    if (results.length > 1) throw new KubectlError('given jsonpath expression matches more than one value', 'Le chemin donne plusieurs valeurs : précise-le (un index [0] ou un filtre [?(@.type=="Ready")]).');
    if (expected === '') return true;
    const value = results[0];
    if (Array.isArray(value) || isJsonObject(value)) {
      throw new KubectlError('jsonpath leads to a nested object or list which is not supported', 'Le chemin mène à un objet ou une liste : va jusqu’à un champ simple (texte, nombre, booléen).');
    }
    return goValue(value as string | number | boolean | null).trim() === expected.trim();
  };
}

/** Mirrors processJSONPathInput and newJSONPathParser. */
function jsonPathTarget(input: string): WaitTarget {
  const parts = splitOnEquals(input);
  if (parts.length > 2) {
    throw new KubectlError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'", JSONPATH_FR);
  }
  const path = relaxed(parts[0]!);
  let expected = '';
  if (parts.length === 2) {
    expected = parts[1]!.replace(/^['"]+|['"]+$/g, '');
    if (expected === '') throw new KubectlError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3", JSONPATH_FR);
  }
  if (path === '') throw new KubectlError('jsonpath expression cannot be empty', JSONPATH_FR);
  return { kind: 'check', check: jsonPathCheck(parseSteps(path), expected) };
}

/** Mirrors conditionFuncFor: `--for` to what to wait for, or `unrecognized condition: "..."`. */
export function waitTarget(text: string): WaitTarget {
  if (text.toLowerCase() === 'delete') return { kind: 'delete' };
  if (text.startsWith('condition=')) {
    const spec = text.slice('condition='.length);
    const equals = spec.indexOf('=');
    return { kind: 'check', check: conditionCheck(equals < 0 ? spec : spec.slice(0, equals), equals < 0 ? 'true' : spec.slice(equals + 1)) };
  }
  if (text.startsWith('jsonpath=')) return jsonPathTarget(text.slice('jsonpath='.length));
  throw new KubectlError(`unrecognized condition: ${JSON.stringify(text)}`, FOR_FR);
}
