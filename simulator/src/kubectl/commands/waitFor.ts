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
import { evaluate, JsonPathSyntaxError, parseSteps, type Step } from './jsonpath';

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

/** The steps of a relaxed path, with kubectl wait's error texts (no `error parsing jsonpath` prefix). */
function parseWaitSteps(path: string): Step[] {
  try {
    return parseSteps(path);
  } catch (error) {
    if (error instanceof JsonPathSyntaxError) throw new KubectlError(error.message, JSONPATH_FR);
    throw error;
  }
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
  return { kind: 'check', check: jsonPathCheck(parseWaitSteps(path), expected) };
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
