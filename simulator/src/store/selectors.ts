/**
 * Label selectors, as `kubectl get -l` sends them and as workloads carry them
 * (metav1.LabelSelector). The parser mirrors apimachinery's `pkg/labels/selector.go`
 * (v1.30): same grammar, same lexer quirks, same error texts, so that a learner's typo
 * gives the message a real API server would give.
 */
import { StatusError } from '../api/errors';
import { isQualifiedName, isValidLabelValue } from '../api/validation/rules/formats';
import { compareStrings, isJsonObject } from './json';

export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

/** One requirement of a selector; a selector is their AND. */
export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  /** Sorted and unique, like apimachinery's sets.String. */
  values: readonly string[];
}

export type Labels = Readonly<Record<string, string>> | undefined;

/** A 400 BadRequest carrying the parser's message, as the API server answers a bad `?labelSelector=`. */
export function badRequest(message: string, fr: string): StatusError {
  return new StatusError('BadRequest', 400, message, fr);
}

// ---------------------------------------------------------------------------------------
// The lexer and parser.

type Token = 'error' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

const TOKENS: Readonly<Record<string, Token>> = { ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', in: 'in', '<': '<', '!=': '!=', notin: 'notin', '(': '(' };
const isWhitespace = (char: string): boolean => char === ' ' || char === '\t' || char === '\r' || char === '\n';
const isSpecial = (char: string): boolean => '=!(),><'.includes(char);

interface Item {
  token: Token;
  literal: string;
}

function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < input.length && isWhitespace(input[pos]!)) pos++;
    if (pos >= input.length) {
      items.push({ token: 'eos', literal: '' });
      return items;
    }
    if (isSpecial(input[pos]!)) {
      // Longest run of special characters that still spells a token ("!=", "==").
      let buffer = '';
      let last: Item | undefined;
      while (pos < input.length && isSpecial(input[pos]!)) {
        const next = buffer + input[pos]!;
        const token = TOKENS[next];
        if (token === undefined && last) break;
        buffer = next;
        pos++;
        if (token !== undefined) last = { token, literal: next };
      }
      items.push(last ?? { token: 'error', literal: `error expected: keyword found '${buffer}'` });
    } else {
      let buffer = '';
      while (pos < input.length && !isSpecial(input[pos]!) && !isWhitespace(input[pos]!)) buffer += input[pos++]!;
      const token = TOKENS[buffer];
      items.push({ token: token ?? 'id', literal: buffer });
    }
  }
}

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

class Parser {
  private position = 0;
  constructor(private readonly items: Item[]) {}

  /** In a value position `in` and `notin` are plain identifiers (`x in (in)`). */
  private peek(values: boolean): Item {
    return this.asValue(this.items[this.position]!, values);
  }

  private next(values: boolean): Item {
    return this.asValue(this.items[this.position++]!, values);
  }

  private asValue(item: Item, values: boolean): Item {
    return values && (item.token === 'in' || item.token === 'notin') ? { token: 'id', literal: item.literal } : item;
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const { token, literal } = this.peek(true);
      if (token === 'eos') return requirements;
      if (token !== 'id' && token !== '!') throw new Error(`found '${literal}', expected: !, identifier, or 'end of string'`);
      try {
        requirements.push(this.requirement());
      } catch (error) {
        throw new Error(`unable to parse requirement: ${(error as Error).message}`);
      }
      const after = this.next(true);
      if (after.token === 'eos') return requirements;
      if (after.token !== ',') throw new Error(`found '${after.literal}', expected: ',' or 'end of string'`);
      const following = this.peek(true);
      if (following.token !== 'id' && following.token !== '!') throw new Error(`found '${following.literal}', expected: identifier after ','`);
    }
  }

  private requirement(): LabelRequirement {
    let operator: LabelOperator | undefined;
    let item = this.next(true);
    if (item.token === '!') {
      operator = '!';
      item = this.next(true);
    }
    if (item.token !== 'id') throw new Error(`found '${item.literal}', expected: identifier`);
    const key = item.literal;
    const keyErrors = isQualifiedName(key);
    // The parser validates keys with a nil field path, which Go prints as `<nil>`.
    if (keyErrors.length > 0) throw new Error(`<nil>: Invalid value: ${JSON.stringify(key)}: ${keyErrors.join('; ')}`);
    const lookahead = this.peek(true).token;
    if (operator === undefined && (lookahead === 'eos' || lookahead === ',')) operator = 'exists';
    if (operator !== undefined) return { key, operator, values: [] };
    const op = this.next(false);
    let values: string[];
    switch (op.token) {
      case 'in':
      case 'notin':
        values = this.setValues();
        break;
      case '=':
      case '==':
      case '!=':
      case '>':
      case '<':
        values = [this.exactValue()];
        break;
      default:
        throw new Error(`found '${op.literal}', expected: ${BINARY_OPERATORS}`);
    }
    const name: LabelOperator = op.token === '>' ? 'gt' : op.token === '<' ? 'lt' : op.token;
    return newRequirement(key, name, values);
  }

  private setValues(): string[] {
    const open = this.next(true);
    if (open.token !== '(') throw new Error(`found '${open.literal}' expected: '('`);
    const { token, literal } = this.peek(true);
    if (token === ')') {
      this.next(true);
      return [''];
    }
    if (token !== 'id' && token !== ',') throw new Error(`found '${literal}', expected: ',', ')' or identifier`);
    const values = this.identifiers();
    // Upstream reports the literal seen before the list, not the offending one.
    if (this.next(true).token !== ')') throw new Error(`found '${literal}', expected: ')'`);
    return values;
  }

  private identifiers(): string[] {
    const values = new Set<string>();
    for (;;) {
      const item = this.next(true);
      if (item.token === 'id') {
        values.add(item.literal);
        const after = this.peek(true);
        if (after.token === ',') continue;
        if (after.token === ')') return [...values];
        throw new Error(`found '${after.literal}', expected: ',' or ')'`);
      }
      if (item.token !== ',') throw new Error(`found '${item.literal}', expected: ',', or identifier`);
      // "(," ",," and ",)" all stand for the empty value.
      if (values.size === 0) values.add('');
      const after = this.peek(true).token;
      if (after === ')') {
        values.add('');
        return [...values];
      }
      if (after === ',') values.add('');
    }
  }

  private exactValue(): string {
    const ahead = this.peek(true).token;
    if (ahead === 'eos' || ahead === ',') return '';
    const item = this.next(true);
    if (item.token === 'id') return item.literal;
    throw new Error(`found '${item.literal}', expected: identifier`);
  }
}

/** labels.NewRequirement's checks on values, with its field paths (`values[0][app]`). */
function newRequirement(key: string, operator: LabelOperator, rawValues: readonly string[]): LabelRequirement {
  const values = [...new Set(rawValues)].sort(compareStrings);
  const errors: string[] = [];
  const keyErrors = isQualifiedName(key);
  if (keyErrors.length > 0) errors.push(`key: Invalid value: ${JSON.stringify(key)}: ${keyErrors.join('; ')}`);
  const goList = `[]string{${values.map((value) => JSON.stringify(value)).join(', ')}}`;
  if ((operator === 'in' || operator === 'notin') && values.length === 0) {
    errors.push(`values: Invalid value: ${goList}: for 'in', 'notin' operators, values set can't be empty`);
  }
  if ((operator === 'exists' || operator === '!') && values.length > 0) {
    errors.push(`values: Invalid value: ${goList}: values set must be empty for exists and does not exist`);
  }
  if ((operator === 'gt' || operator === 'lt') && values.length === 1 && !/^[-+]?\d+$/.test(values[0]!)) {
    errors.push(`values[0]: Invalid value: ${JSON.stringify(values[0])}: for 'Gt', 'Lt' operators, the value must be an integer`);
  }
  values.forEach((value, index) => {
    const problems = isValidLabelValue(value);
    if (problems.length > 0) errors.push(`values[${index}][${key}]: Invalid value: ${JSON.stringify(value)}: ${problems.join('; ')}`);
  });
  if (errors.length > 0) throw new Error(errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);
  return { key, operator, values };
}

/**
 * Parses `kubectl -l` syntax: `app=web`, `app==web`, `app!=web`, `env in (a,b)`,
 * `env notin (a)`, `app`, `!app`, joined by commas (AND). Throws a 400 BadRequest with
 * apimachinery's message (`unable to parse requirement: ...`) when it does not parse.
 */
export function parseLabelSelector(text: string): LabelRequirement[] {
  try {
    return new Parser(lex(text)).parse().sort((a, b) => compareStrings(a.key, b.key));
  } catch (error) {
    throw badRequest((error as Error).message, `Le sélecteur d'étiquettes « ${text} » est mal formé : la syntaxe est clé=valeur, clé!=valeur, clé in (a,b), clé notin (a), clé ou !clé, séparés par des virgules.`);
  }
}

/** True when `labels` satisfy every requirement (labels.Selector.Matches). */
export function matchesLabels(requirements: readonly LabelRequirement[], labels: Labels): boolean {
  for (const { key, operator, values } of requirements) {
    const has = labels !== undefined && Object.hasOwn(labels, key);
    const value = has ? labels[key]! : '';
    switch (operator) {
      case 'in':
      case '=':
      case '==':
        if (!has || !values.includes(value)) return false;
        break;
      case 'notin':
      case '!=':
        if (has && values.includes(value)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
      case 'gt':
      case 'lt': {
        if (!has || !/^[-+]?\d+$/.test(value)) return false;
        const [left, right] = [BigInt(value), BigInt(values[0]!)];
        if (operator === 'gt' ? left <= right : left >= right) return false;
      }
    }
  }
  return true;
}

const EXPRESSION_OPERATORS: Readonly<Record<string, LabelOperator>> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/**
 * metav1.LabelSelectorAsSelector: the requirements of a `selector:` object (matchLabels
 * and matchExpressions). `undefined` for an absent selector, which selects nothing; an
 * empty selector (`{}`) gives no requirement, which selects everything.
 */
export function labelSelectorRequirements(selector: unknown): LabelRequirement[] | undefined {
  if (!isJsonObject(selector)) return undefined;
  const requirements: LabelRequirement[] = [];
  const matchLabels = isJsonObject(selector.matchLabels) ? selector.matchLabels : {};
  for (const [key, value] of Object.entries(matchLabels)) requirements.push(newRequirement(key, '=', [String(value)]));
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  for (const expression of expressions) {
    if (!isJsonObject(expression)) continue;
    const operator = EXPRESSION_OPERATORS[String(expression.operator)];
    if (!operator) throw new Error(`${JSON.stringify(expression.operator)} is not a valid label selector operator`);
    const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
    requirements.push(newRequirement(String(expression.key), operator, values));
  }
  return requirements.sort((a, b) => compareStrings(a.key, b.key));
}

/** True when `labels` match a metav1.LabelSelector object (absent selects nothing). */
export function matchesLabelSelector(selector: unknown, labels: Labels): boolean {
  const requirements = labelSelectorRequirements(selector);
  return requirements !== undefined && matchesLabels(requirements, labels);
}

/** Requirement.String: `app=web`, `env in (a,b)`, `!debug`. */
export function formatRequirement({ key, operator, values }: LabelRequirement): string {
  switch (operator) {
    case 'exists':
      return key;
    case '!':
      return `!${key}`;
    case 'in':
    case 'notin':
      return `${key} ${operator} (${values.join(',')})`;
    case 'gt':
      return `${key}>${values.join(',')}`;
    case 'lt':
      return `${key}<${values.join(',')}`;
    default:
      return `${key}${operator}${values.join(',')}`;
  }
}

/**
 * metav1.FormatLabelSelector, what `kubectl describe` prints after `Selector:`:
 * `app=web,tier in (back,front)`, `<none>` when empty, `<error>` when invalid.
 */
export function formatLabelSelector(selector: unknown): string {
  let requirements: LabelRequirement[] | undefined;
  try {
    requirements = labelSelectorRequirements(selector);
  } catch {
    return '<error>';
  }
  const text = (requirements ?? []).map(formatRequirement).join(',');
  return text === '' ? '<none>' : text;
}
