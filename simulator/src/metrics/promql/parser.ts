/**
 * PromQL's parser (promql/parser/generated_parser.y, v2.54), by precedence climbing:
 * `or` < `and unless` < comparisons < `+ -` < `* / % atan2` < `^` (right-associative), a
 * unary sign binding as `*` does. The checks Prometheus makes after parsing (checkAST:
 * operand types, argument counts, `bool` only on comparisons) give its messages.
 */
import { type PromQLError, type Matcher, type Node, type ValueType, type VectorMatching } from './ast';
import { FUNCTIONS } from './functions';
import { durationMs, parseError, tokenize, unquote, type Token } from './lexer';

const AGGREGATIONS = new Set(['sum', 'avg', 'count', 'min', 'max', 'group', 'stddev', 'stdvar', 'topk', 'bottomk', 'quantile', 'count_values']);
const WITH_PARAMETER = new Set(['topk', 'bottomk', 'quantile', 'count_values']);
const PRECEDENCE: Record<string, number> = { or: 1, and: 2, unless: 2, '==': 3, '!=': 3, '<=': 3, '<': 3, '>=': 3, '>': 3, '+': 4, '-': 4, '*': 5, '/': 5, '%': 5, atan2: 5, '^': 6 };
export const COMPARISONS = new Set(['==', '!=', '<=', '<', '>=', '>']);
export const SET_OPERATORS = new Set(['and', 'or', 'unless']);

/** What an expression evaluates to (parser.Expr.Type()). */
export function typeOf(node: Node): ValueType {
  switch (node.kind) {
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'selector':
    case 'aggregate':
      return 'vector';
    case 'range':
      return 'matrix';
    case 'paren':
    case 'unary':
      return typeOf(node.expr);
    case 'binary':
      return typeOf(node.lhs) === 'scalar' && typeOf(node.rhs) === 'scalar' ? 'scalar' : 'vector';
    case 'call':
      return FUNCTIONS[node.name]!.returns;
  }
}

const TYPE_NAMES: Record<ValueType, string> = { scalar: 'scalar', vector: 'instant vector', matrix: 'range vector', string: 'string' };

class Parser {
  private index = 0;
  private readonly tokens: Token[];

  constructor(private readonly input: string) {
    this.tokens = tokenize(input);
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.tokens[this.index]!;
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private error(at: number, message: string): PromQLError {
    return parseError(this.input, at, message);
  }

  /** `unexpected <what>` for the token at hand, as the generated parser words it. */
  private unexpected(context?: string, expected?: string): PromQLError {
    const token = this.peek();
    const what = token.kind === 'end' ? 'end of input' : token.text === ')' ? "right parenthesis ')'" : token.kind === 'identifier' ? `identifier "${token.text}"` : token.kind === 'number' ? `number "${token.text}"` : token.kind === 'duration' ? `duration "${token.text}"` : token.kind === 'string' ? `string ${token.text}` : `"${token.text}"`;
    return this.error(token.at, `unexpected ${what}${context ? ` in ${context}` : ''}${expected ? `, expected ${expected}` : ''}`);
  }

  private expect(text: string, context?: string): Token {
    if (this.peek().text !== text || this.peek().kind === 'string') {
      if (text === ')' && this.peek().kind === 'end') throw this.error(this.peek().at, 'unclosed left parenthesis');
      throw this.unexpected(context, `"${text}"`);
    }
    return this.next();
  }

  parse(): Node {
    if (this.peek().kind === 'end') throw this.error(0, 'no expression found in input');
    const node = this.expression(0);
    if (this.peek().kind !== 'end') {
      if (this.peek().text === ')') throw this.error(this.peek().at, "unexpected right parenthesis ')'");
      throw this.unexpected();
    }
    return node;
  }

  private operator(): string | undefined {
    const token = this.peek();
    if (token.kind === 'op' && token.text in PRECEDENCE) return token.text;
    if (token.kind === 'identifier' && ['and', 'or', 'unless', 'atan2'].includes(token.text.toLowerCase())) return token.text.toLowerCase();
    return undefined;
  }

  private expression(minimum: number): Node {
    let lhs = this.unary();
    for (let op = this.operator(); op !== undefined && PRECEDENCE[op]! >= minimum; op = this.operator()) {
      const at = this.next().at;
      let bool = false;
      if (this.peek().kind === 'identifier' && this.peek().text.toLowerCase() === 'bool') {
        if (!COMPARISONS.has(op)) throw this.error(this.peek().at, 'bool modifier can only be used on comparison operators');
        this.next();
        bool = true;
      }
      const matching = this.matching(op);
      // `^` is right-associative: its right side may hold another `^`.
      const rhs = this.expression(op === '^' ? PRECEDENCE[op]! : PRECEDENCE[op]! + 1);
      lhs = this.checkBinary({ kind: 'binary', op, lhs, rhs, bool, ...(matching ? { matching } : {}), at });
    }
    return lhs;
  }

  private matching(op: string): VectorMatching | undefined {
    const keyword = this.peek().kind === 'identifier' ? this.peek().text.toLowerCase() : '';
    if (keyword !== 'on' && keyword !== 'ignoring' && keyword !== 'group_left' && keyword !== 'group_right') return undefined;
    const matching: VectorMatching = { on: false, labels: [], card: SET_OPERATORS.has(op) ? 'many-to-many' : 'one-to-one', include: [] };
    if (keyword === 'on' || keyword === 'ignoring') {
      this.next();
      matching.on = keyword === 'on';
      matching.labels = this.labelList();
    }
    const group = this.peek().kind === 'identifier' ? this.peek().text.toLowerCase() : '';
    if (group === 'group_left' || group === 'group_right') {
      const at = this.next().at;
      if (SET_OPERATORS.has(op)) throw this.error(at, `no grouping allowed for "${op}" operation`);
      matching.card = group === 'group_left' ? 'many-to-one' : 'one-to-many';
      if (this.peek().text === '(') matching.include = this.labelList();
    }
    return matching;
  }

  private labelList(): string[] {
    this.expect('(', 'grouping opts');
    const labels: string[] = [];
    while (this.peek().text !== ')') {
      if (this.peek().kind !== 'identifier') throw this.unexpected('grouping opts', '"label"');
      labels.push(this.next().text);
      if (this.peek().text === ',') this.next();
      else if (this.peek().text !== ')') throw this.unexpected('grouping opts', '")" or ","');
    }
    this.next();
    return labels;
  }

  private unary(): Node {
    const token = this.peek();
    if (token.kind === 'op' && (token.text === '-' || token.text === '+')) {
      this.next();
      // A sign binds as `*` does: `-a ^ 2` is `-(a ^ 2)`, `-a * b` is `(-a) * b`.
      const expr = this.expression(PRECEDENCE['^']!);
      if (expr.kind === 'number') return { ...expr, value: token.text === '-' ? -expr.value : expr.value, at: token.at };
      const type = typeOf(expr);
      if (type !== 'scalar' && type !== 'vector') throw this.error(token.at, `unary expression only allowed on expressions of type scalar or instant vector, got "${TYPE_NAMES[type]}"`);
      return { kind: 'unary', op: token.text, expr, at: token.at };
    }
    return this.postfix(this.primary());
  }

  private postfix(node: Node): Node {
    let result = node;
    if (this.peek().text === '[') {
      const open = this.next();
      const duration = this.next();
      if (this.peek().text === ':') throw this.error(this.peek().at, 'subqueries are not supported by the simulated Prometheus');
      const range = duration.kind === 'duration' ? durationMs(duration.text) : undefined;
      if (range === undefined) throw this.error(duration.at, duration.kind === 'end' ? 'unexpected end of input in duration' : `bad duration syntax: "${duration.text}"`);
      this.expect(']', 'range');
      if (result.kind !== 'selector') throw this.error(open.at, 'ranges only allowed for vector selectors');
      if (result.offset !== 0) throw this.error(open.at, 'no offset modifiers allowed before range');
      result = { kind: 'range', selector: result, range, at: result.at };
    }
    if (this.peek().kind === 'identifier' && this.peek().text.toLowerCase() === 'offset') {
      const at = this.next().at;
      const negative = this.peek().text === '-' ? (this.next(), true) : false;
      const duration = this.next();
      const ms = durationMs(duration.text);
      if (ms === undefined) throw this.error(duration.at, `unexpected ${duration.kind === 'end' ? 'end of input' : `"${duration.text}"`} in offset, expected duration`);
      const offset = negative ? -ms : ms;
      if (result.kind === 'selector') result = { ...result, offset };
      else if (result.kind === 'range') result = { ...result, selector: { ...result.selector, offset } };
      else throw this.error(at, 'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery');
    }
    return result;
  }

  private primary(): Node {
    const token = this.peek();
    if (token.kind === 'number') {
      this.next();
      return { kind: 'number', value: Number(token.text), at: token.at };
    }
    if (token.kind === 'string') {
      this.next();
      return { kind: 'string', value: unquote(token.text), at: token.at };
    }
    if (token.text === '(' && token.kind === 'op') {
      this.next();
      const expr = this.expression(0);
      this.expect(')', 'paren expression');
      return { kind: 'paren', expr, at: token.at };
    }
    if (token.text === '{' && token.kind === 'op') return this.selector();
    if (token.kind === 'identifier') {
      const lower = token.text.toLowerCase();
      if (lower === 'inf' || lower === 'nan') {
        this.next();
        return { kind: 'number', value: lower === 'inf' ? Infinity : NaN, at: token.at };
      }
      const after = this.tokens[this.index + 1]!;
      if (AGGREGATIONS.has(lower) && (after.text === '(' || ['by', 'without'].includes(after.text.toLowerCase()))) return this.aggregate();
      if (after.text === '(' && after.kind === 'op') return this.call();
      return this.selector();
    }
    throw this.unexpected();
  }

  private grouping(): { without: boolean; labels: string[] } | undefined {
    const keyword = this.peek().kind === 'identifier' ? this.peek().text.toLowerCase() : '';
    if (keyword !== 'by' && keyword !== 'without') return undefined;
    this.next();
    return { without: keyword === 'without', labels: this.labelList() };
  }

  private aggregate(): Node {
    const token = this.next();
    const op = token.text.toLowerCase();
    let grouping = this.grouping();
    this.expect('(', 'aggregation');
    if (this.peek().text === ')') throw this.error(this.peek().at, 'no arguments for aggregate expression provided');
    const args = [this.expression(0)];
    while (this.peek().text === ',') {
      this.next();
      args.push(this.expression(0));
    }
    this.expect(')', 'aggregation');
    const after = this.grouping();
    if (after && grouping) throw this.error(this.tokens[this.index - 1]!.at, 'unexpected <by/without> in aggregation');
    grouping ??= after;
    const wanted = WITH_PARAMETER.has(op) ? 2 : 1;
    if (args.length !== wanted) throw this.error(token.at, `wrong number of arguments for aggregate expression provided, expected ${wanted}, got ${args.length}`);
    const expr = args[wanted - 1]!;
    const param = wanted === 2 ? args[0] : undefined;
    if (typeOf(expr) !== 'vector') throw this.error(expr.at, `expected type instant vector in aggregation expression, got ${TYPE_NAMES[typeOf(expr)]}`);
    if (param && typeOf(param) !== (op === 'count_values' ? 'string' : 'scalar')) throw this.error(param.at, `expected type ${op === 'count_values' ? 'string' : 'scalar'} in aggregation parameter, got ${TYPE_NAMES[typeOf(param)]}`);
    return { kind: 'aggregate', op, ...(param ? { param } : {}), ...(grouping ? { grouping } : {}), expr, at: token.at };
  }

  private call(): Node {
    const token = this.next();
    const signature = FUNCTIONS[token.text];
    if (!signature) throw this.error(token.at, `unknown function with name "${token.text}"`);
    this.expect('(', 'function call');
    const args: Node[] = [];
    while (this.peek().text !== ')') {
      args.push(this.expression(0));
      if (this.peek().text === ',') this.next();
      else if (this.peek().text !== ')') throw this.peek().kind === 'end' ? this.error(this.peek().at, 'unclosed left parenthesis') : this.unexpected('function call', '")" or ","');
    }
    this.next();
    const { args: types, optional = 0 } = signature;
    if (args.length > types.length || args.length < types.length - optional) {
      throw this.error(token.at, `expected ${optional > 0 && args.length < types.length - optional ? 'at least ' : ''}${optional > 0 && args.length < types.length - optional ? types.length - optional : types.length} argument(s) in call to "${token.text}", got ${args.length}`);
    }
    args.forEach((arg, i) => {
      const type = typeOf(arg);
      if (type !== types[i]) throw this.error(arg.at, `expected type ${TYPE_NAMES[types[i]!]} in call to function "${token.text}", got ${TYPE_NAMES[type]}`);
    });
    return { kind: 'call', name: token.text, args, at: token.at };
  }

  private selector(): Node & { kind: 'selector' } {
    const start = this.peek();
    const matchers: Matcher[] = [];
    let name: string | undefined;
    if (start.kind === 'identifier') {
      name = this.next().text;
      matchers.push({ label: '__name__', op: '=', value: name });
    }
    if (this.peek().text === '{') {
      this.next();
      while (this.peek().text !== '}') {
        const label = this.next();
        if (label.kind !== 'identifier') throw this.error(label.at, label.kind === 'end' ? 'unexpected end of input inside braces' : `unexpected ${label.kind === 'string' ? `string ${label.text}` : `"${label.text}"`} in label matching, expected label`);
        const op = this.next();
        if (!['=', '!=', '=~', '!~'].includes(op.text) || op.kind !== 'op') throw this.error(op.at, `unexpected ${op.kind === 'end' ? 'end of input' : `"${op.text}"`} in label matching, expected label matching operator`);
        const value = this.next();
        if (value.kind !== 'string') throw this.error(value.at, `unexpected ${value.kind === 'end' ? 'end of input' : `"${value.text}"`} in label matching, expected string`);
        const matcher: Matcher = { label: label.text, op: op.text as Matcher['op'], value: unquote(value.text) };
        if (matcher.op === '=~' || matcher.op === '!~') {
          try {
            new RegExp(matcher.value);
          } catch {
            throw this.error(value.at, `error parsing regexp: invalid regular expression: \`${matcher.value}\``);
          }
        }
        if (matcher.label === '__name__' && name !== undefined) throw this.error(label.at, `metric name must not be set twice: "${name}" or "${matcher.value}"`);
        matchers.push(matcher);
        if (this.peek().text === ',') this.next();
        else if (this.peek().text !== '}') throw this.unexpected('label matching', '"," or "}"');
      }
      this.next();
    }
    const empty = (m: Matcher): boolean => (m.op === '=' || m.op === '=~') && matches(m, '');
    if (matchers.every(empty)) throw this.error(start.at, 'vector selector must contain at least one non-empty matcher');
    return { kind: 'selector', ...(name !== undefined ? { name } : {}), matchers, offset: 0, at: start.at };
  }

  private checkBinary(node: Node & { kind: 'binary' }): Node {
    const left = typeOf(node.lhs);
    const right = typeOf(node.rhs);
    const at = node.lhs.at;
    if ((left !== 'scalar' && left !== 'vector') || (right !== 'scalar' && right !== 'vector')) throw this.error(at, 'binary expression must contain only scalar and instant vector types');
    if (COMPARISONS.has(node.op) && left === 'scalar' && right === 'scalar' && !node.bool) throw this.error(at, 'comparisons between scalars must use BOOL modifier');
    if (SET_OPERATORS.has(node.op) && (left === 'scalar' || right === 'scalar')) throw this.error(at, `set operator "${node.op}" not allowed in binary scalar expression`);
    if (node.matching && (left !== 'vector' || right !== 'vector')) throw this.error(at, 'vector matching only allowed between instant vectors');
    return node;
  }
}

/** Whether a matcher accepts a label's value (regular expressions are anchored, RE2-like). */
export function matches(matcher: Matcher, value: string): boolean {
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return anchored(matcher.value).test(value);
    case '!~':
      return !anchored(matcher.value).test(value);
  }
}

const REGEXPS = new Map<string, RegExp>();
function anchored(source: string): RegExp {
  let regexp = REGEXPS.get(source);
  if (!regexp) {
    regexp = new RegExp(`^(?:${source})$`, 's');
    if (REGEXPS.size > 500) REGEXPS.clear();
    REGEXPS.set(source, regexp);
  }
  return regexp;
}

/** Parses a PromQL expression; throws a PromQLError with Prometheus' message. */
export function parse(input: string): Node {
  return new Parser(input).parse();
}
