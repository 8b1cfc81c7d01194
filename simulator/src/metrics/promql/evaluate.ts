/**
 * Evaluates a parsed expression at one instant (promql/engine.go, v2.54 semantics): an
 * instant selector takes each series' latest sample within the lookback delta (5 minutes),
 * none after a stale marker; a range selector takes the samples of [t − range, t].
 */
import { keyOf, PromQLError, type Labels, type Node, type Sample, type SampleSource, type Value, type VectorMatching } from './ast';
import { aggregate } from './aggregate';
import { scalarBinary, setOperation, vectorBinary, vectorScalar } from './binary';
import { callFunction } from './functions';
import { SET_OPERATORS } from './parser';

/** Prometheus' default --query.lookback-delta. */
export const LOOKBACK_DELTA_MS = 5 * 60_000;

const ONE_TO_ONE: VectorMatching = { on: false, labels: [], card: 'one-to-one', include: [] };
const MANY_TO_MANY: VectorMatching = { on: false, labels: [], card: 'many-to-many', include: [] };

/** Refuses a vector with two samples of the same labels, as the engine does after a function drops the names. */
function unique(samples: Sample[]): Sample[] {
  const seen = new Set<string>();
  for (const sample of samples) {
    const key = keyOf(sample.labels);
    if (seen.has(key)) throw new PromQLError('vector cannot contain metrics with the same labelset', 'execution');
    seen.add(key);
  }
  return samples;
}

const vectorOf = (value: Value): Sample[] => (value.type === 'vector' ? value.samples : []);
const scalarOf = (value: Value): number => (value.type === 'scalar' ? value.value : NaN);

/** The equality matchers of a selector, without the name: the labels absent() gives its sample. */
function equalities(node: Node | undefined): Labels {
  const selector = node?.kind === 'range' ? node.selector : node?.kind === 'selector' ? node : undefined;
  if (!selector) return {};
  const labels: Labels = {};
  const seen = new Set<string>();
  for (const matcher of selector.matchers) {
    if (matcher.label === '__name__') continue;
    if (matcher.op === '=' && !seen.has(matcher.label)) labels[matcher.label] = matcher.value;
    else delete labels[matcher.label];
    seen.add(matcher.label);
  }
  return labels;
}

/** The value of `node` at `t` (epoch ms), reading samples from `source`. */
export function evaluate(node: Node, source: SampleSource, t: number): Value {
  switch (node.kind) {
    case 'number':
      return { type: 'scalar', value: node.value };
    case 'string':
      return { type: 'string', value: node.value };
    case 'paren':
      return evaluate(node.expr, source, t);
    case 'selector': {
      const at = t - node.offset;
      const samples = source.select(node.matchers, at - LOOKBACK_DELTA_MS, at).flatMap((series) => {
        const last = series.points.at(-1);
        return last && !last.stale ? [{ labels: series.labels, value: last.v }] : [];
      });
      return { type: 'vector', samples };
    }
    case 'range': {
      const at = t - node.selector.offset;
      const series = source
        .select(node.selector.matchers, at - node.range, at)
        .map((one) => ({ labels: one.labels, points: one.points.filter((point) => !point.stale).map(({ t: time, v }) => ({ t: time, v })) }))
        .filter((one) => one.points.length > 0);
      return { type: 'matrix', series };
    }
    case 'unary': {
      const value = evaluate(node.expr, source, t);
      if (node.op === '+') return value;
      if (value.type === 'scalar') return { type: 'scalar', value: -value.value };
      return { type: 'vector', samples: unique(vectorScalar('*', vectorOf(value), -1, false, false)) };
    }
    case 'binary': {
      const lhs = evaluate(node.lhs, source, t);
      const rhs = evaluate(node.rhs, source, t);
      if (lhs.type === 'scalar' && rhs.type === 'scalar') return { type: 'scalar', value: scalarBinary(node.op, lhs.value, rhs.value, node.bool) };
      if (lhs.type === 'scalar') return { type: 'vector', samples: vectorScalar(node.op, vectorOf(rhs), lhs.value, true, node.bool) };
      if (rhs.type === 'scalar') return { type: 'vector', samples: vectorScalar(node.op, vectorOf(lhs), rhs.value, false, node.bool) };
      if (SET_OPERATORS.has(node.op)) return { type: 'vector', samples: setOperation(node.op, vectorOf(lhs), vectorOf(rhs), node.matching ?? MANY_TO_MANY) };
      return { type: 'vector', samples: vectorBinary(node.op, vectorOf(lhs), vectorOf(rhs), node.matching ?? ONE_TO_ONE, node.bool) };
    }
    case 'aggregate': {
      const param = node.param ? evaluate(node.param, source, t) : undefined;
      const samples = vectorOf(evaluate(node.expr, source, t));
      if (node.op === 'count_values' && param?.type === 'string' && !/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(param.value)) throw new PromQLError(`invalid label name "${param.value}"`, 'execution');
      const value = param?.type === 'string' ? param.value : param ? scalarOf(param) : undefined;
      return { type: 'vector', samples: aggregate(node.op, samples, node.grouping, value) };
    }
    case 'call': {
      const args = node.args.map((arg) => evaluate(arg, source, t));
      const rangeArg = node.args.find((arg) => arg.kind === 'range');
      const range = rangeArg?.kind === 'range' ? rangeArg.range : 0;
      const value = callFunction({ name: node.name, t, range, equalities: equalities(node.args[0]) }, args);
      return value.type === 'vector' ? { type: 'vector', samples: unique(value.samples) } : value;
    }
  }
}

/** Whether the result keeps the order its operator gave (sort, topk...) rather than being sorted by labels. */
export function keepsOrder(node: Node): boolean {
  if (node.kind === 'paren') return keepsOrder(node.expr);
  return (node.kind === 'call' && (node.name === 'sort' || node.name === 'sort_desc')) || (node.kind === 'aggregate' && (node.op === 'topk' || node.op === 'bottomk'));
}

/** Orders samples by their label sets, as the engine's sorted series are. */
export function byLabels<T extends { labels: Labels }>(items: T[]): T[] {
  return items.map((item) => ({ item, key: keyOf(item.labels) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ item }) => item);
}
