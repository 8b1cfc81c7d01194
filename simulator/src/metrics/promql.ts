/**
 * The PromQL of the simulated Prometheus (v2.54 semantics): selectors with matchers and
 * offsets, range vectors, binary operators with vector matching (on, ignoring,
 * group_left, group_right, bool), set operators, aggregations with by/without, topk,
 * quantile..., and the usual functions (rate, irate, increase, *_over_time, abs, round,
 * clamp, sort, absent...). Parser, evaluator and functions live in promql/.
 *
 * Not supported, refused with a parse error: subqueries (`x[5m:1m]`), `@` modifiers,
 * native histograms and histogram_quantile, label_replace and label_join.
 */
import { PromQLError, sortLabels, type Labels, type Point, type SampleSource, type Value } from './promql/ast';
import { byLabels, evaluate, keepsOrder } from './promql/evaluate';
import { matches, parse, typeOf } from './promql/parser';

export { PromQLError, type SampleSource } from './promql/ast';

/** One series at one moment: its labels (`__name__` included for raw series) and its value. */
export interface Series {
  labels: Record<string, string>;
  value: number;
}

/** What an instant query gives, in the shape of the query API's `data`. */
export type InstantResult =
  | { resultType: 'vector'; result: Series[] }
  | { resultType: 'matrix'; result: { labels: Labels; points: Point[] }[] }
  | { resultType: 'scalar' | 'string'; result: number | string };

/** Labels sorted by name, as labels.Labels keeps them (`__name__` first). */
function sorted(value: Value, keepOrder: boolean): InstantResult {
  switch (value.type) {
    case 'vector': {
      const result = value.samples.map((one) => ({ labels: sortLabels(one.labels), value: one.value }));
      return { resultType: 'vector', result: keepOrder ? result : byLabels(result) };
    }
    case 'matrix':
      return { resultType: 'matrix', result: byLabels(value.series.map((one) => ({ labels: sortLabels(one.labels), points: one.points }))) };
    default:
      return { resultType: value.type, result: value.value };
  }
}

/** Evaluates `query` at `t` (epoch ms) over `source`; throws a PromQLError with Prometheus' message. */
export function instantQuery(query: string, source: SampleSource, t: number): InstantResult {
  const node = parse(query);
  return sorted(evaluate(node, source, t), keepsOrder(node));
}

/**
 * Evaluates `query` at start, start + step, ... up to end (epoch ms), as /api/v1/query_range
 * does: a matrix whose series gather the values of every step they had one, sorted by labels.
 */
export function rangeQuery(query: string, source: SampleSource, start: number, end: number, step: number): { labels: Labels; points: Point[] }[] {
  const node = parse(query);
  const type = typeOf(node);
  if (type !== 'scalar' && type !== 'vector') throw new PromQLError(`invalid expression type "${type === 'matrix' ? 'range vector' : type}" for range query, must be Scalar or instant Vector`);
  const series = new Map<string, { labels: Labels; points: Point[] }>();
  for (let t = start; t <= end; t += step) {
    const value = evaluate(node, source, t);
    const samples = value.type === 'scalar' ? [{ labels: {}, value: value.value }] : value.type === 'vector' ? value.samples : [];
    for (const sample of samples) {
      const labels = sortLabels(sample.labels);
      const key = JSON.stringify(labels);
      const one = series.get(key) ?? { labels, points: [] };
      one.points.push({ t, v: sample.value });
      series.set(key, one);
    }
  }
  return byLabels([...series.values()]);
}

/** A series selector alone (`/federate`'s match[]), as a filter; throws PromQLError. */
export function parseSelector(text: string): (labels: Record<string, string>) => boolean {
  const node = parse(text);
  if (node.kind !== 'selector') throw new PromQLError(`1:1: parse error: expected a vector selector, got ${JSON.stringify(text)}`);
  return (labels) => node.matchers.every((matcher) => matches(matcher, labels[matcher.label] ?? ''));
}
