/**
 * The syntax tree of the PromQL the simulated Prometheus understands (Prometheus v2.54's
 * grammar: promql/parser/ast.go), and the types its expressions evaluate to.
 */

export type Labels = Record<string, string>;

export interface Matcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

/** How two vectors' samples are paired: `on(...)` / `ignoring(...)`, `group_left` / `group_right`. */
export interface VectorMatching {
  on: boolean;
  labels: string[];
  card: 'one-to-one' | 'many-to-one' | 'one-to-many' | 'many-to-many';
  /** The labels group_left(...) / group_right(...) copy from the "one" side. */
  include: string[];
}

export type ValueType = 'scalar' | 'vector' | 'matrix' | 'string';

export type Node =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'selector'; name?: string; matchers: Matcher[]; offset: number; at: number }
  | { kind: 'range'; selector: Node & { kind: 'selector' }; range: number; at: number }
  | { kind: 'paren'; expr: Node; at: number }
  | { kind: 'unary'; op: '-' | '+'; expr: Node; at: number }
  | { kind: 'binary'; op: string; lhs: Node; rhs: Node; bool: boolean; matching?: VectorMatching; at: number }
  | { kind: 'aggregate'; op: string; param?: Node; grouping?: { without: boolean; labels: string[] }; expr: Node; at: number }
  | { kind: 'call'; name: string; args: Node[]; at: number };

/** A sample of an instant vector. */
export interface Sample {
  labels: Labels;
  value: number;
}

/** A point of a series in a range vector (t in epoch ms). */
export interface Point {
  t: number;
  v: number;
}

export type Value =
  | { type: 'scalar'; value: number }
  | { type: 'string'; value: string }
  | { type: 'vector'; samples: Sample[] }
  | { type: 'matrix'; series: { labels: Labels; points: Point[] }[] };

/** Where the evaluator reads samples: the simulated Prometheus' history (history.ts). */
export interface SampleSource {
  /**
   * The series the matchers select, with their samples of time `from` to `to` (both
   * included, epoch ms), oldest first; a stale marker (a series gone from its target) is a
   * point whose `stale` is true.
   */
  select(matchers: readonly Matcher[], from: number, to: number): { labels: Labels; points: (Point & { stale?: boolean })[] }[];
}

/** A PromQL error, as the query API reports it: `bad_data` for parsing, `execution` for evaluation. */
export class PromQLError extends Error {
  constructor(
    message: string,
    readonly type: 'bad_data' | 'execution' = 'bad_data',
  ) {
    super(message);
  }
}

/** Go's labels.String(): `{a="b", c="d"}`, `__name__` included. */
export function formatLabels(labels: Labels): string {
  return `{${sortedEntries(labels)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(', ')}}`;
}

/** Label pairs sorted by name (byte order), as labels.Labels keeps them. */
export function sortedEntries(labels: Labels): [string, string][] {
  return Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The labels sorted by name, `__name__` first. */
export const sortLabels = (labels: Labels): Labels => Object.fromEntries(sortedEntries(labels));

/** A key for a label set (order-independent). */
export const keyOf = (labels: Labels): string => JSON.stringify(sortedEntries(labels));

/** The labels without the metric name. */
export function dropName(labels: Labels): Labels {
  const { __name__: _name, ...rest } = labels;
  return rest;
}
