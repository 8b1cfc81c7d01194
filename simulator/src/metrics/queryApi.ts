/**
 * Prometheus' HTTP query API (web/api/v1/api.go, v2.54): `/api/v1/query?query=&time=` and
 * `/api/v1/query_range?query=&start=&end=&step=`, their JSON and their errors
 * (`bad_data`, 400, for what does not parse; `execution`, 422, for what fails to evaluate).
 */
import type { StateReader } from '../kubelet/replay';
import { PrometheusHistory } from './history';
import { instantQuery, PromQLError, rangeQuery, type SampleSource } from './promql';
import { formatSampleValue } from './promql/aggregate';
import type { Point } from './promql/ast';
import { durationMs } from './promql/lexer';
import { scrapeAt } from './scraper';

export interface MetricsAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** The query string parameters of a path (`?query=up&time=1`), decoded; repeated ones in order. */
export function parameters(path: string): [string, string][] {
  const query = path.includes('?') ? path.slice(path.indexOf('?') + 1) : '';
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const [key, value = ''] = part.split('=') as [string, string?];
      const decode = (s: string): string => {
        try {
          return decodeURIComponent(s.replace(/\+/g, ' '));
        } catch {
          return s;
        }
      };
      return [decode(key), decode(value)];
    });
}

const json = (status: number, body: unknown): MetricsAnswer => ({ status, contentType: 'application/json', body: JSON.stringify(body) });
const failure = (status: number, errorType: string, error: string): MetricsAnswer => json(status, { status: 'error', errorType, error });

class ParameterError extends Error {}

/** Mirrors parseTime: Unix seconds (fractions allowed) or RFC 3339; epoch ms. */
function parseTime(name: string, text: string): number {
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(text) && !Number.isNaN(Date.parse(text))) return Date.parse(text);
  throw new ParameterError(`invalid parameter "${name}": cannot parse "${text}" to a valid timestamp`);
}

/** Mirrors parseDuration: seconds (fractions allowed) or a Prometheus duration; ms. */
function parseDuration(name: string, text: string): number {
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const ms = durationMs(text);
  if (ms === undefined) throw new ParameterError(`invalid parameter "${name}": cannot parse "${text}" to a valid duration`);
  return ms;
}

const seconds = (t: number): number => t / 1000;
const pair = (t: number, value: number | string): [number, string] => [seconds(t), typeof value === 'number' ? formatSampleValue(value) : value];
const valuesOf = (points: Point[]): [number, string][] => points.map((point) => pair(point.t, point.v));

/** The history to read: the cluster's, scraped up to now; a single scrape of now for a reader without one. */
function sourceOf(reader: StateReader, now: number): SampleSource {
  if (reader.prometheus) {
    reader.prometheus.scrapeUntil(now, scrapeAt(reader));
    return reader.prometheus;
  }
  const once = new PrometheusHistory(now);
  const samples = scrapeAt(reader)(now);
  if (samples) once.record(now, samples);
  return once;
}

/** GET /api/v1/query and /api/v1/query_range. */
export function queryApi(reader: StateReader, now: number, path: string): MetricsAnswer {
  const params = new Map(parameters(path));
  const range = path.split('?')[0] === '/api/v1/query_range';
  const query = params.get('query') ?? '';
  try {
    if (query.trim() === '') throw new ParameterError('invalid parameter "query": 1:1: parse error: no expression found in input');
    if (!range) {
      const time = params.has('time') ? parseTime('time', params.get('time')!) : now;
      const data = instantQuery(query, sourceOf(reader, now), time);
      const result =
        data.resultType === 'vector'
          ? data.result.map((one) => ({ metric: one.labels, value: pair(time, one.value) }))
          : data.resultType === 'matrix'
            ? data.result.map((one) => ({ metric: one.labels, values: valuesOf(one.points) }))
            : pair(time, data.result);
      return json(200, { status: 'success', data: { resultType: data.resultType, result } });
    }
    const start = parseTime('start', params.get('start') ?? '');
    const end = parseTime('end', params.get('end') ?? '');
    if (end < start) throw new ParameterError('invalid parameter "end": end timestamp must not be before start time');
    const step = parseDuration('step', params.get('step') ?? '');
    if (step <= 0) throw new ParameterError('invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer');
    if ((end - start) / step > 11_000) throw new ParameterError('exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)');
    const series = rangeQuery(query, sourceOf(reader, now), start, end, step);
    return json(200, { status: 'success', data: { resultType: 'matrix', result: series.map((one) => ({ metric: one.labels, values: valuesOf(one.points) })) } });
  } catch (error) {
    if (error instanceof ParameterError) return failure(400, 'bad_data', error.message);
    if (error instanceof PromQLError) return error.type === 'bad_data' ? failure(400, 'bad_data', `invalid parameter "query": ${error.message}`) : failure(422, 'execution', error.message);
    throw error;
  }
}
