/**
 * A small part of PromQL, enough for the monitoring chapter's instant queries: a vector
 * selector (`kube_pod_status_phase{namespace="default",phase=~"Pending|Failed"}`), the
 * aggregations sum, count, avg, min and max (with `by (...)` or `without (...)`, before or
 * after the parentheses), and rate, irate and increase over a range (`[5m]`).
 *
 * Approximations, said here: the simulated Prometheus keeps no history, so a range function
 * compares the series computed from the current state at now and at now − range (a counter
 * that grows from a container's start, as cAdvisor's CPU does, gives its current rate; a
 * counter kept in an object, as restarts are, gives 0). No extrapolation, no binary
 * operators, no offsets: those are refused with a parse error.
 */

/** One series: its labels (`__name__` included for raw series) and its value. */
export interface Series {
  labels: Record<string, string>;
  value: number;
}

type Matcher = { label: string; op: '=' | '!=' | '=~' | '!~'; value: string };
type Node =
  | { kind: 'selector'; matchers: Matcher[]; range?: number }
  | { kind: 'aggregate'; op: string; grouping?: { without: boolean; labels: string[] }; expr: Node }
  | { kind: 'function'; name: string; expr: Node };

export class PromQLError extends Error {}

const AGGREGATIONS = new Set(['sum', 'count', 'avg', 'min', 'max']);
const RANGE_FUNCTIONS = new Set(['rate', 'irate', 'increase']);
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };
const TOKEN = /\s*(?:(\d+(?:ms|[smhdwy])|\d+(?:\.\d+)?(?![a-zA-Z_:]))|([a-zA-Z_:][a-zA-Z0-9_:]*)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(=~|!~|!=|==|>=|<=|=|[<>+\-*/%^]|[(){}[\],]))/y;

interface Token {
  text: string;
  kind: 'duration' | 'number' | 'name' | 'string' | 'punct';
  at: number;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < input.length) {
    if (/^\s*$/.test(input.slice(position))) break;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(input);
    if (!match) throw new PromQLError(`1:${position + 1}: parse error: unexpected character: '${input.slice(position).trim()[0] ?? ''}'`);
    const text = match[1] ?? match[2] ?? match[3] ?? match[4]!;
    const kind = match[1] ? (/\d$/.test(match[1]) ? 'number' : 'duration') : match[2] ? 'name' : match[3] ? 'string' : 'punct';
    tokens.push({ text, kind, at: match.index + match[0].length - text.length + 1 });
    position = TOKEN.lastIndex;
  }
  return tokens;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(expected?: string): Token {
    const token = this.tokens[this.index++];
    if (!token) throw new PromQLError(`1:${(this.tokens.at(-1)?.at ?? 0) + 1}: parse error: unexpected end of input`);
    if (expected !== undefined && token.text !== expected) throw new PromQLError(`1:${token.at}: parse error: unexpected "${token.text}", expected "${expected}"`);
    return token;
  }

  parse(): Node {
    const node = this.expression();
    const rest = this.peek();
    if (rest) throw new PromQLError(`1:${rest.at}: parse error: unsupported in the simulated Prometheus (no binary operators): "${rest.text}"`);
    return node;
  }

  private grouping(): { without: boolean; labels: string[] } | undefined {
    const token = this.peek();
    if (token?.kind !== 'name' || (token.text !== 'by' && token.text !== 'without')) return undefined;
    this.next();
    this.next('(');
    const labels: string[] = [];
    while (this.peek()?.text !== ')') {
      labels.push(this.next().text);
      if (this.peek()?.text === ',') this.next();
    }
    this.next(')');
    return { without: token.text === 'without', labels };
  }

  private expression(): Node {
    const token = this.peek();
    if (token?.kind === 'name' && AGGREGATIONS.has(token.text) && ['(', 'by', 'without'].includes(this.tokens[this.index + 1]?.text ?? '')) {
      this.next();
      let grouping = this.grouping();
      this.next('(');
      const expr = this.expression();
      this.next(')');
      grouping ??= this.grouping();
      return { kind: 'aggregate', op: token.text, ...(grouping ? { grouping } : {}), expr };
    }
    if (token?.kind === 'name' && RANGE_FUNCTIONS.has(token.text) && this.tokens[this.index + 1]?.text === '(') {
      this.next();
      this.next('(');
      const expr = this.selector();
      this.next(')');
      if (expr.range === undefined) throw new PromQLError(`1:${token.at}: parse error: expected type range vector in call to function "${token.text}", got instant vector`);
      return { kind: 'function', name: token.text, expr };
    }
    return this.selector();
  }

  private selector(): Node & { kind: 'selector' } {
    const matchers: Matcher[] = [];
    const first = this.peek();
    if (first?.kind === 'name') {
      this.next();
      matchers.push({ label: '__name__', op: '=', value: first.text });
    }
    if (this.peek()?.text === '{') {
      this.next();
      while (this.peek()?.text !== '}') {
        const label = this.next();
        const op = this.next();
        const value = this.next();
        if (label.kind !== 'name' || !['=', '!=', '=~', '!~'].includes(op.text) || value.kind !== 'string') throw new PromQLError(`1:${label.at}: parse error: unexpected "${label.text}" in label matching`);
        matchers.push({ label: label.text, op: op.text as Matcher['op'], value: JSON.parse(value.text.startsWith("'") ? `"${value.text.slice(1, -1)}"` : value.text) as string });
        if (this.peek()?.text === ',') this.next();
      }
      this.next('}');
    }
    if (matchers.length === 0) throw new PromQLError(`1:${first?.at ?? 1}: parse error: unexpected ${first ? `"${first.text}"` : 'end of input'}`);
    if (!matchers.some((m) => !((m.op === '=' || m.op === '=~') && new RegExp(`^(?:${m.value})$`).test('')))) {
      throw new PromQLError('vector selector must contain at least one non-empty matcher');
    }
    if (this.peek()?.text !== '[') return { kind: 'selector', matchers };
    this.next();
    const duration = this.next();
    this.next(']');
    const match = /^(\d+)(ms|[smhdwy])$/.exec(duration.text);
    if (!match) throw new PromQLError(`1:${duration.at}: parse error: bad duration "${duration.text}"`);
    return { kind: 'selector', matchers, range: Number(match[1]) * UNITS[match[2]!]! };
  }
}

const matches = (matcher: Matcher, labels: Record<string, string>): boolean => {
  const value = labels[matcher.label] ?? '';
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return new RegExp(`^(?:${matcher.value})$`).test(value);
    case '!~':
      return !new RegExp(`^(?:${matcher.value})$`).test(value);
  }
};

const keyOf = (labels: Record<string, string>): string => JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

const withoutName = (labels: Record<string, string>): Record<string, string> => {
  const { __name__: _name, ...rest } = labels;
  return rest;
};

function select(node: Node & { kind: 'selector' }, series: readonly Series[]): Series[] {
  return series.filter((one) => node.matchers.every((matcher) => matches(matcher, one.labels)));
}

function evaluate(node: Node, at: (ms: number) => readonly Series[], now: number): Series[] {
  if (node.kind === 'selector') {
    if (node.range !== undefined) throw new PromQLError('invalid expression type "range vector" for range query, must be Scalar or instant Vector');
    return select(node, at(now));
  }
  if (node.kind === 'function') {
    const selector = node.expr as Node & { kind: 'selector' };
    const range = selector.range!;
    // The first sample in the window: at its start, or later for a series born within it.
    const starts = [1, 0.75, 0.5, 0.25].map((fraction) => {
      const time = now - Math.round(range * fraction);
      return { time, values: new Map(select(selector, at(time)).map((one) => [keyOf(one.labels), one.value])) };
    });
    return select(selector, at(now)).flatMap((one) => {
      const key = keyOf(one.labels);
      const start = starts.find((candidate) => candidate.values.has(key));
      if (!start) return [];
      const first = start.values.get(key)!;
      // A counter that went down was reset: what it counted since is its whole value.
      const delta = one.value >= first ? one.value - first : one.value;
      const perSecond = delta / ((now - start.time) / 1000);
      // increase() is extrapolated to the whole range, as Prometheus does.
      return [{ labels: withoutName(one.labels), value: node.name === 'increase' ? perSecond * (range / 1000) : perSecond }];
    });
  }
  const groups = new Map<string, { labels: Record<string, string>; values: number[] }>();
  for (const one of evaluate(node.expr, at, now)) {
    const source = withoutName(one.labels);
    const labels = !node.grouping
      ? {}
      : Object.fromEntries(Object.entries(source).filter(([label]) => node.grouping!.labels.includes(label) !== node.grouping!.without));
    const key = keyOf(labels);
    const group = groups.get(key) ?? { labels, values: [] };
    group.values.push(one.value);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ labels, values }) => {
    const sum = values.reduce((a, b) => a + b, 0);
    const value = { sum, count: values.length, avg: sum / values.length, min: Math.min(...values), max: Math.max(...values) }[node.op as 'sum'] ?? sum;
    return { labels, value };
  });
}

/**
 * Evaluates `query` at `now` over the series `at(ms)` gives for a moment; throws a
 * PromQLError (Prometheus' `bad_data` message) for what does not parse or is not supported.
 */
export function instantQuery(query: string, at: (ms: number) => readonly Series[], now: number): Series[] {
  const node = new Parser(tokenize(query)).parse();
  // Labels sorted by name, as labels.Labels keeps them (`__name__` first).
  const sorted = evaluate(node, at, now).map((one) => ({ ...one, labels: Object.fromEntries(Object.entries(one.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) }));
  return sorted.sort((a, b) => (keyOf(a.labels) < keyOf(b.labels) ? -1 : keyOf(a.labels) > keyOf(b.labels) ? 1 : 0));
}

/** A series selector alone (`/federate`'s match[]), as matchers; throws PromQLError. */
export function parseSelector(text: string): (labels: Record<string, string>) => boolean {
  const node = new Parser(tokenize(text)).parse();
  if (node.kind !== 'selector' || node.range !== undefined) throw new PromQLError(`1:1: parse error: expected a vector selector, got ${JSON.stringify(text)}`);
  return (labels) => node.matchers.every((matcher) => matches(matcher, labels));
}
