/**
 * Binary operators (promql/engine.go VectorBinop, VectorscalarBinop, VectorAnd/Or/Unless,
 * v2.54): arithmetic `+ - * / % ^ atan2`, comparisons (filters, or 0/1 with `bool`) and
 * the set operators, with one-to-one, many-to-one and one-to-many matching.
 */
import { dropName, formatLabels, keyOf, PromQLError, type Labels, type Sample, type VectorMatching } from './ast';
import { COMPARISONS } from './parser';

/** The operator on two values: its result and, for a comparison, whether it holds. */
function apply(op: string, lhs: number, rhs: number): { value: number; keep: boolean } {
  switch (op) {
    case '+':
      return { value: lhs + rhs, keep: true };
    case '-':
      return { value: lhs - rhs, keep: true };
    case '*':
      return { value: lhs * rhs, keep: true };
    case '/':
      return { value: lhs / rhs, keep: true };
    case '%':
      return { value: lhs % rhs, keep: true };
    case '^':
      return { value: Math.pow(lhs, rhs), keep: true };
    case 'atan2':
      return { value: Math.atan2(lhs, rhs), keep: true };
    case '==':
      return { value: lhs, keep: lhs === rhs };
    case '!=':
      return { value: lhs, keep: lhs !== rhs };
    case '>':
      return { value: lhs, keep: lhs > rhs };
    case '<':
      return { value: lhs, keep: lhs < rhs };
    case '>=':
      return { value: lhs, keep: lhs >= rhs };
    case '<=':
      return { value: lhs, keep: lhs <= rhs };
    default:
      throw new Error(`operator ${op} has no implementation`);
  }
}

/** Comparisons keep the metric name (unless `bool`); arithmetic drops it. */
const dropsName = (op: string): boolean => !COMPARISONS.has(op);

/** scalar OP scalar (comparisons need `bool`, checked by the parser). */
export function scalarBinary(op: string, lhs: number, rhs: number, bool: boolean): number {
  const { value, keep } = apply(op, lhs, rhs);
  return bool ? (keep ? 1 : 0) : value;
}

/** vector OP scalar, or scalar OP vector (`swapped`): a comparison keeps the vector's own value. */
export function vectorScalar(op: string, samples: Sample[], scalar: number, swapped: boolean, bool: boolean): Sample[] {
  return samples.flatMap((sample) => {
    const [lhs, rhs] = swapped ? [scalar, sample.value] : [sample.value, scalar];
    let { value, keep } = apply(op, lhs, rhs);
    if (COMPARISONS.has(op) && swapped) value = rhs;
    if (bool) {
      value = keep ? 1 : 0;
      keep = true;
    }
    if (!keep) return [];
    return [{ labels: dropsName(op) || bool ? dropName(sample.labels) : sample.labels, value }];
  });
}

/** The labels two samples are matched on: the `on` ones, or all but the `ignoring` ones and the name. */
function matchLabels(labels: Labels, matching: VectorMatching): Labels {
  if (matching.on) return Object.fromEntries(Object.entries(labels).filter(([label]) => matching.labels.includes(label)));
  return Object.fromEntries(Object.entries(dropName(labels)).filter(([label]) => !matching.labels.includes(label)));
}

const signature = (labels: Labels, matching: VectorMatching): string => keyOf(matchLabels(labels, matching));

/** Mirrors resultMetric: the "many" side's labels, trimmed for one-to-one matching, with group_x's labels from the "one" side. */
function resultLabels(lhs: Labels, rhs: Labels, op: string, matching: VectorMatching, bool: boolean): Labels {
  let labels = dropsName(op) || bool ? dropName(lhs) : { ...lhs };
  if (matching.card === 'one-to-one') {
    labels = Object.fromEntries(Object.entries(labels).filter(([label]) => matching.labels.includes(label) === matching.on));
  }
  for (const label of matching.include) {
    if (rhs[label]) labels[label] = rhs[label];
    else delete labels[label];
  }
  return labels;
}

/** vector OP vector for arithmetic and comparisons. */
export function vectorBinary(op: string, lhsIn: Sample[], rhsIn: Sample[], matching: VectorMatching, bool: boolean): Sample[] {
  if (lhsIn.length === 0 || rhsIn.length === 0) return [];
  // For one-to-many the sides are swapped (the right is the "many" side), and swapped back for the values.
  const swap = matching.card === 'one-to-many';
  const [lhs, rhs] = swap ? [rhsIn, lhsIn] : [lhsIn, rhsIn];
  const right = new Map<string, Sample>();
  for (const sample of rhs) {
    const key = signature(sample.labels, matching);
    const duplicate = right.get(key);
    if (duplicate) {
      throw new PromQLError(
        `found duplicate series for the match group ${formatLabels(matchLabels(sample.labels, matching))} on the ${swap ? 'left' : 'right'} hand-side of the operation: [${formatLabels(sample.labels)}, ${formatLabels(duplicate.labels)}];many-to-many matching not allowed: matching labels must be unique on one side`,
        'execution',
      );
    }
    right.set(key, sample);
  }
  const matched = new Map<string, Set<string>>();
  const out: Sample[] = [];
  for (const sample of lhs) {
    const key = signature(sample.labels, matching);
    const other = right.get(key);
    if (!other) continue;
    const [l, r] = swap ? [other.value, sample.value] : [sample.value, other.value];
    let { value, keep } = apply(op, l, r);
    if (bool) {
      value = keep ? 1 : 0;
      keep = true;
    }
    if (!keep) continue;
    const labels = resultLabels(sample.labels, other.labels, op, matching, bool);
    const inserted = matched.get(key);
    if (matching.card === 'one-to-one') {
      if (inserted) throw new PromQLError('multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)', 'execution');
      matched.set(key, new Set());
    } else {
      const set = inserted ?? new Set<string>();
      if (set.has(keyOf(labels))) throw new PromQLError('multiple matches for labels: grouping labels must ensure unique matches', 'execution');
      set.add(keyOf(labels));
      matched.set(key, set);
    }
    out.push({ labels, value });
  }
  return out;
}

/** `and`, `or`, `unless`: which samples of each side are kept, by their signatures. */
export function setOperation(op: string, lhs: Sample[], rhs: Sample[], matching: VectorMatching): Sample[] {
  const keys = (samples: Sample[]): Set<string> => new Set(samples.map((sample) => signature(sample.labels, matching)));
  switch (op) {
    case 'and': {
      const right = keys(rhs);
      return lhs.filter((sample) => right.has(signature(sample.labels, matching)));
    }
    case 'unless': {
      const right = keys(rhs);
      return lhs.filter((sample) => !right.has(signature(sample.labels, matching)));
    }
    default: {
      const left = keys(lhs);
      return [...lhs, ...rhs.filter((sample) => !left.has(signature(sample.labels, matching)))];
    }
  }
}
