/**
 * Aggregation operators (promql/engine.go aggregation, v2.54): sum, avg, min, max, count,
 * group, stddev, stdvar, quantile, count_values, topk and bottomk, over groups made by
 * `by (...)` (only those labels) or `without (...)` (every label but those and the name).
 */
import { dropName, keyOf, type Labels, type Sample } from './ast';

export interface Grouping {
  without: boolean;
  labels: string[];
}

/** The labels that name a sample's group. */
function groupLabels(labels: Labels, grouping: Grouping | undefined): Labels {
  if (!grouping) return {};
  if (grouping.without) return Object.fromEntries(Object.entries(dropName(labels)).filter(([label]) => !grouping.labels.includes(label)));
  return Object.fromEntries(Object.entries(labels).filter(([label]) => grouping.labels.includes(label)));
}

/** Mirrors quantile(): linear interpolation between the closest ranks; < 0 is -Inf, > 1 is +Inf. */
export function quantile(q: number, values: number[]): number {
  if (values.length === 0 || Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const lower = Math.max(0, Math.floor(rank));
  const upper = Math.min(sorted.length - 1, lower + 1);
  const weight = rank - Math.floor(rank);
  return sorted[lower]! * (1 - weight) + sorted[upper]! * weight;
}

function reduce(op: string, values: number[], param: number): number {
  const total = values.reduce((a, b) => a + b, 0);
  const mean = total / values.length;
  switch (op) {
    case 'sum':
      return total;
    case 'avg':
      return mean;
    case 'count':
      return values.length;
    case 'group':
      return 1;
    // Go's min/max in the engine: NaN only when every value is NaN.
    case 'min':
      return values.filter((v) => !Number.isNaN(v)).reduce((a, b) => Math.min(a, b), values.every(Number.isNaN) ? NaN : Infinity);
    case 'max':
      return values.filter((v) => !Number.isNaN(v)).reduce((a, b) => Math.max(a, b), values.every(Number.isNaN) ? NaN : -Infinity);
    case 'stdvar':
      return values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
    case 'stddev':
      return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
    case 'quantile':
      return quantile(param, values);
    default:
      throw new Error(`aggregation ${op} has no implementation`);
  }
}

/**
 * Aggregates `samples`. `param` is topk/bottomk's k, quantile's φ, count_values' label.
 * topk and bottomk keep the samples they pick, whole labels and all, best first.
 */
export function aggregate(op: string, samples: Sample[], grouping: Grouping | undefined, param?: number | string): Sample[] {
  const groups = new Map<string, { labels: Labels; samples: Sample[] }>();
  for (const sample of samples) {
    const labels = groupLabels(sample.labels, grouping);
    const key = keyOf(labels);
    const group = groups.get(key) ?? { labels, samples: [] };
    group.samples.push(sample);
    groups.set(key, group);
  }
  const out: Sample[] = [];
  for (const group of groups.values()) {
    if (op === 'topk' || op === 'bottomk') {
      const k = Math.trunc(Number(param));
      if (!(k >= 1)) continue;
      const sign = op === 'topk' ? -1 : 1;
      // NaN loses to every number, as in the engine's heaps.
      const ordered = [...group.samples].sort((a, b) => (Number.isNaN(a.value) ? 1 : Number.isNaN(b.value) ? -1 : sign * (a.value - b.value)));
      out.push(...ordered.slice(0, k));
      continue;
    }
    if (op === 'count_values') {
      const counts = new Map<string, number>();
      for (const sample of group.samples) {
        const text = formatSampleValue(sample.value);
        counts.set(text, (counts.get(text) ?? 0) + 1);
      }
      for (const [text, count] of counts) out.push({ labels: { ...group.labels, [String(param)]: text }, value: count });
      continue;
    }
    out.push({ labels: group.labels, value: reduce(op, group.samples.map((s) => s.value), Number(param)) });
  }
  return out;
}

/** strconv.FormatFloat(v, 'f', -1, 64), as the query API writes sample values. */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  const shortest = String(value);
  if (!/e/.test(shortest)) return shortest;
  if (Math.abs(value) >= 1) return BigInt(value).toString();
  const [mantissa, exponent] = shortest.split('e') as [string, string];
  const digits = mantissa.replace('-', '').replace('.', '');
  return `${value < 0 ? '-' : ''}0.${'0'.repeat(-Number(exponent) - 1)}${digits}`;
}
