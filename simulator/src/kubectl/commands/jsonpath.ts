/**
 * `-o jsonpath=TEMPLATE`, the part of kubectl's JSONPath (k8s.io/client-go/util/jsonpath)
 * learners meet: `{.status.podIP}`, `{.items[*].metadata.name}`, `{.items[0].spec}`,
 * `{.metadata.labels['app']}`, `{.status.conditions[?(@.type=="Ready")].status}`,
 * `{range .items[*]}...{end}` and string literals such as
 * `{"\n"}`. As kubectl's default (--allow-missing-template-keys=true), a missing field
 * prints nothing; several results are separated by spaces; maps and lists print as JSON;
 * no newline is added at the end.
 */
import { goJson, isJsonObject } from '../../store/json';
import { KubectlError } from './errors';

type Node = { text: string } | { path: Step[] } | { range: Step[]; body: Node[] };

/** One step of a path: `.a`, `['a']`, `[0]`, `[*]` or `.*`, `[?(@.type=="Ready")]`. */
export type Step = { field: string } | { index: number } | { all: true } | { filter: string[]; op: '==' | '!='; literal: unknown };

/** A path client-go's parser refuses: the text after `error parsing jsonpath …, `. */
export class JsonPathSyntaxError extends Error {}

/**
 * The steps of a path (client-go jsonpath's parser, the part learners meet), after its
 * leading `$` or `@`; `kubectl get -o jsonpath` and `kubectl wait --for=jsonpath` share it.
 */
export function parseSteps(expression: string): Step[] {
  let rest = expression.trim().replace(/^[$@]/, '');
  const steps: Step[] = [];
  while (rest !== '') {
    let match: RegExpExecArray | null;
    if ((match = /^\.\*/.exec(rest)) || (match = /^\[\*\]/.exec(rest))) steps.push({ all: true });
    else if ((match = /^\.([^.[\]]+)/.exec(rest))) steps.push({ field: match[1]! });
    else if ((match = /^\[(-?\d+)\]/.exec(rest))) steps.push({ index: Number(match[1]) });
    else if ((match = /^\[['"]([^'"]*)['"]\]/.exec(rest))) steps.push({ field: match[1]! });
    else if ((match = /^\[\?\(@((?:\.[^.=!)\s]+)+)\s*(==|!=)\s*(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?|true|false))\s*\)\]/.exec(rest))) {
      const literal: unknown = match[3] ?? match[4] ?? JSON.parse(match[5]!);
      steps.push({ filter: match[1]!.slice(1).split('.'), op: match[2] as '==' | '!=', literal });
    } else if ((match = /^\.$/.exec(rest))) break;
    else if (rest.startsWith('[') && !rest.includes(']')) throw new JsonPathSyntaxError('unclosed array expect ]');
    else throw new JsonPathSyntaxError(`unrecognized character in action: U+${rest.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${rest[0]!}'`);
    rest = rest.slice(match[0].length);
  }
  return steps;
}

const PATH_FR = 'Ce gabarit JSONPath n’est pas compris ici : écris par exemple {.status.podIP} ou {.items[*].metadata.name}.';

function parsePath(expression: string, template: string): Step[] {
  try {
    return parseSteps(expression);
  } catch (error) {
    if (error instanceof JsonPathSyntaxError) throw new KubectlError(`error parsing jsonpath ${template}, ${error.message}`, PATH_FR);
    throw error;
  }
}

const LITERAL = /^"((?:[^"\\]|\\.)*)"$/;

function parse(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let position = 0;
  while (position < template.length) {
    const open = template.indexOf('{', position);
    const current = stack[stack.length - 1]!;
    if (open < 0) {
      current.push({ text: template.slice(position) });
      break;
    }
    if (open > position) current.push({ text: template.slice(position, open) });
    const close = template.indexOf('}', open);
    if (close < 0) throw new KubectlError(`error parsing jsonpath ${template}, unclosed action`, 'Il manque une accolade fermante } dans le gabarit JSONPath.');
    const action = template.slice(open + 1, close).trim();
    const literal = LITERAL.exec(action);
    if (literal) current.push({ text: JSON.parse(`"${literal[1]}"`) as string });
    else if (action.startsWith('range ')) {
      const node = { range: parsePath(action.slice(6), template), body: [] as Node[] };
      current.push(node);
      stack.push(node.body);
    } else if (action === 'end') {
      if (stack.length === 1) throw new KubectlError(`error parsing jsonpath ${template}, not in range, nothing to end`, '{end} ferme un {range ...} : il n’y en a pas d’ouvert.');
      stack.pop();
    } else current.push({ path: parsePath(action, template) });
    position = close + 1;
  }
  return root;
}

/** The values a path selects in `data`, in order (a missing field selects nothing). */
export function evaluate(steps: readonly Step[], data: unknown): unknown[] {
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

function print(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return goJson(value);
}

function render(nodes: readonly Node[], data: unknown): string {
  let out = '';
  for (const node of nodes) {
    if ('text' in node) out += node.text;
    else if ('path' in node) out += evaluate(node.path, data).map(print).join(' ');
    else for (const item of evaluate(node.range, data)) out += render(node.body, item);
  }
  return out;
}

/** The text of `-o jsonpath=TEMPLATE` for `data` (an object, or a List of objects). */
export function jsonPath(template: string, data: unknown): string {
  return render(parse(template), data);
}
