/**
 * PromQL functions (promql/functions.go, v2.54): their signatures, checked by the parser,
 * and what they compute. Range functions see the samples of each series in the window
 * [t − range, t] (v2's closed range); rate, increase and delta extrapolate as
 * extrapolatedRate does.
 */
import { dropName, type Labels, type Point, type Sample, type Value, type ValueType } from './ast';

export interface Signature {
  args: ValueType[];
  /** How many trailing arguments may be left out. */
  optional?: number;
  returns: ValueType;
}

type RangeFunction = (points: Point[], t: number, range: number) => number | undefined;

/** Mirrors extrapolatedRate: the increase between the first and last samples, extrapolated towards the window's ends. */
function extrapolatedRate(isCounter: boolean, isRate: boolean): RangeFunction {
  return (points, t, range) => {
    if (points.length < 2) return undefined;
    const first = points[0]!;
    const last = points[points.length - 1]!;
    let result = last.v - first.v;
    if (isCounter) {
      // A counter that went down was reset: what it had counted is added back.
      let previous = 0;
      for (const point of points) {
        if (point.v < previous) result += previous;
        previous = point.v;
      }
    }
    let durationToStart = (first.t - (t - range)) / 1000;
    let durationToEnd = (t - last.t) / 1000;
    const sampledInterval = (last.t - first.t) / 1000;
    const averageBetweenSamples = sampledInterval / (points.length - 1);
    const threshold = averageBetweenSamples * 1.1;
    if (durationToStart >= threshold) durationToStart = averageBetweenSamples / 2;
    if (isCounter && result > 0 && first.v >= 0) {
      // A counter does not go below zero: extrapolate no further than its zero point.
      const durationToZero = sampledInterval * (first.v / result);
      if (durationToZero < durationToStart) durationToStart = durationToZero;
    }
    if (durationToEnd >= threshold) durationToEnd = averageBetweenSamples / 2;
    let factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
    if (isRate) factor /= range / 1000;
    return result * factor;
  };
}

/** Mirrors instantValue: the last two samples, per second for irate. */
function instantRate(isRate: boolean): RangeFunction {
  return (points) => {
    if (points.length < 2) return undefined;
    const last = points[points.length - 1]!;
    const previous = points[points.length - 2]!;
    const value = isRate && last.v < previous.v ? last.v : last.v - previous.v;
    const interval = last.t - previous.t;
    if (interval === 0) return undefined;
    return isRate ? value / (interval / 1000) : value;
  };
}

const sum = (points: Point[]): number => points.reduce((total, point) => total + point.v, 0);
const variance = (points: Point[]): number => {
  const mean = sum(points) / points.length;
  return points.reduce((total, point) => total + (point.v - mean) ** 2, 0) / points.length;
};

const RANGE_FUNCTIONS: Record<string, RangeFunction> = {
  rate: extrapolatedRate(true, true),
  increase: extrapolatedRate(true, false),
  delta: extrapolatedRate(false, false),
  irate: instantRate(true),
  idelta: instantRate(false),
  avg_over_time: (points) => (points.length ? sum(points) / points.length : undefined),
  sum_over_time: (points) => (points.length ? sum(points) : undefined),
  min_over_time: (points) => (points.length ? Math.min(...points.map((p) => p.v)) : undefined),
  max_over_time: (points) => (points.length ? Math.max(...points.map((p) => p.v)) : undefined),
  count_over_time: (points) => (points.length ? points.length : undefined),
  last_over_time: (points) => points.at(-1)?.v,
  stddev_over_time: (points) => (points.length ? Math.sqrt(variance(points)) : undefined),
  stdvar_over_time: (points) => (points.length ? variance(points) : undefined),
  changes: (points) => (points.length ? points.slice(1).filter((p, i) => p.v !== points[i]!.v).length : undefined),
  resets: (points) => (points.length ? points.slice(1).filter((p, i) => p.v < points[i]!.v).length : undefined),
};

const MATH: Record<string, (value: number) => number> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  exp: Math.exp,
  sqrt: Math.sqrt,
  ln: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  sgn: Math.sign,
};

export const FUNCTIONS: Record<string, Signature> = {
  ...Object.fromEntries(Object.keys(RANGE_FUNCTIONS).map((name) => [name, { args: ['matrix'], returns: 'vector' } satisfies Signature])),
  ...Object.fromEntries(Object.keys(MATH).map((name) => [name, { args: ['vector'], returns: 'vector' } satisfies Signature])),
  round: { args: ['vector', 'scalar'], optional: 1, returns: 'vector' },
  clamp: { args: ['vector', 'scalar', 'scalar'], returns: 'vector' },
  clamp_min: { args: ['vector', 'scalar'], returns: 'vector' },
  clamp_max: { args: ['vector', 'scalar'], returns: 'vector' },
  sort: { args: ['vector'], returns: 'vector' },
  sort_desc: { args: ['vector'], returns: 'vector' },
  absent: { args: ['vector'], returns: 'vector' },
  absent_over_time: { args: ['matrix'], returns: 'vector' },
  scalar: { args: ['vector'], returns: 'scalar' },
  vector: { args: ['scalar'], returns: 'vector' },
  time: { args: [], returns: 'scalar' },
};

export interface CallContext {
  name: string;
  /** Evaluation time (epoch ms). */
  t: number;
  /** The range of a range-vector argument (ms). */
  range: number;
  /** The equality matchers of the argument's selector (absent() keeps their labels). */
  equalities: Labels;
}

const mapValues = (samples: Sample[], f: (value: number) => number): Value => ({ type: 'vector', samples: samples.map((s) => ({ labels: dropName(s.labels), value: f(s.value) })) });
const num = (value: Value | undefined): number => (value?.type === 'scalar' ? value.value : NaN);

/** Calls a function on its evaluated arguments. */
export function callFunction(context: CallContext, args: Value[]): Value {
  const { name, t } = context;
  const range = RANGE_FUNCTIONS[name];
  if (range) {
    if (args[0]?.type !== 'matrix') return { type: 'vector', samples: [] };
    const samples = args[0].series.flatMap((series) => {
      const value = range(series.points, t, context.range);
      // last_over_time keeps the metric name; every other function drops it.
      return value === undefined ? [] : [{ labels: name === 'last_over_time' ? series.labels : dropName(series.labels), value }];
    });
    return { type: 'vector', samples };
  }
  if (name === 'absent_over_time') {
    const present = args[0]?.type === 'matrix' && args[0].series.some((series) => series.points.length > 0);
    return { type: 'vector', samples: present ? [] : [{ labels: context.equalities, value: 1 }] };
  }
  if (name === 'time') return { type: 'scalar', value: t / 1000 };
  if (name === 'vector') return { type: 'vector', samples: [{ labels: {}, value: num(args[0]) }] };
  const samples = args[0]?.type === 'vector' ? args[0].samples : [];
  const math = MATH[name];
  if (math) return mapValues(samples, math);
  switch (name) {
    case 'round': {
      const toNearest = args.length > 1 ? num(args[1]) : 1;
      // Mirrors funcRound: math.Floor(v*(1/toNearest)+0.5) / (1/toNearest).
      const inverse = 1 / toNearest;
      return mapValues(samples, (value) => Math.floor(value * inverse + 0.5) / inverse);
    }
    case 'clamp': {
      const [min, max] = [num(args[1]), num(args[2])];
      if (max < min) return { type: 'vector', samples: [] };
      return mapValues(samples, (value) => Math.max(min, Math.min(max, value)));
    }
    case 'clamp_min':
      return mapValues(samples, (value) => Math.max(num(args[1]), value));
    case 'clamp_max':
      return mapValues(samples, (value) => Math.min(num(args[1]), value));
    case 'sort':
      return { type: 'vector', samples: [...samples].sort((a, b) => compareForSort(a.value, b.value)) };
    case 'sort_desc':
      return { type: 'vector', samples: [...samples].sort((a, b) => compareForSort(b.value, a.value)) };
    case 'absent':
      return { type: 'vector', samples: samples.length > 0 ? [] : [{ labels: context.equalities, value: 1 }] };
    case 'scalar':
      return { type: 'scalar', value: samples.length === 1 ? samples[0]!.value : NaN };
    default:
      throw new Error(`function ${name} has no implementation`);
  }
}

/** sort()'s order: NaN last. */
function compareForSort(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a - b;
}
