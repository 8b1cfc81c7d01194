import * as assert from 'node:assert/strict';
import { PrometheusHistory } from '../../../simulator/src/metrics/history';
import { instantQuery, PromQLError, rangeQuery, type Series } from '../../../simulator/src/metrics/promql';
import { queryApi } from '../../../simulator/src/metrics/queryApi';

/** 2024-01-01T00:00:00Z, on the 15 s scrape grid. */
const T = Date.UTC(2024, 0, 1);
const S = 15_000;

const phase = (namespace: string, pod: string, value: string): Series => ({ labels: { __name__: 'kube_pod_status_phase', namespace, pod, phase: value }, value: 1 });
const requests = (pod: string, cpu: number): Series => ({ labels: { __name__: 'kube_pod_container_resource_requests', namespace: 'default', pod, resource: 'cpu' }, value: cpu });
const cpu = (pod: string, value: number): Series => ({ labels: { __name__: 'container_cpu_usage_seconds_total', namespace: 'default', pod }, value });

/**
 * Ten minutes of scrapes (T .. T+600 s): pod a's CPU counter grows 3 s per scrape (0.2 core),
 * pod b's 0.75 s (0.05 core); pod c's counter starts at T+480 s (3, 6, ... 27).
 */
function history(): PrometheusHistory {
  const h = new PrometheusHistory(T - S);
  for (let k = 0; k <= 40; k++) {
    const samples = [
      phase('default', 'a', 'Running'),
      phase('default', 'b', 'Running'),
      phase('kube-system', 'c', 'Running'),
      phase('default', 'd', 'Pending'),
      requests('a', 0.5),
      requests('b', 0.25),
      cpu('a', 3 * k),
      cpu('b', 0.75 * k),
      ...(k >= 32 ? [cpu('c', 3 * (k - 31))] : []),
    ];
    h.record(T + k * S, samples);
  }
  return h;
}

const NOW = T + 600_000;
const vector = (query: string, at = NOW): [Record<string, string>, number][] => {
  const result = instantQuery(query, history(), at);
  if (result.resultType !== 'vector') assert.fail(`${query} gave a ${result.resultType}`);
  return result.result.map((one) => [one.labels, one.value]);
};
const scalar = (query: string): number => {
  const result = instantQuery(query, history(), NOW);
  assert.equal(result.resultType, 'scalar');
  return result.result as number;
};
const parseFailure = (query: string): string => {
  try {
    instantQuery(query, history(), NOW);
  } catch (error) {
    assert.ok(error instanceof PromQLError);
    return error.message;
  }
  assert.fail(`${query} was accepted`);
};

describe('PromQL: aggregations with grouping', () => {
  it('sum by (namespace) keeps only the grouping labels', () => {
    assert.deepEqual(vector('sum by (namespace) (kube_pod_status_phase{phase="Running"})'), [
      [{ namespace: 'default' }, 2],
      [{ namespace: 'kube-system' }, 1],
    ]);
  });

  it('takes the grouping after the parentheses too', () => {
    assert.deepEqual(vector('sum(kube_pod_status_phase) by (phase)'), [
      [{ phase: 'Pending' }, 1],
      [{ phase: 'Running' }, 3],
    ]);
  });

  it('avg, min, max and count over the whole vector give one sample without labels', () => {
    assert.deepEqual(vector('avg(kube_pod_container_resource_requests)'), [[{}, 0.375]]);
    assert.deepEqual(vector('min(kube_pod_container_resource_requests)'), [[{}, 0.25]]);
    assert.deepEqual(vector('max(kube_pod_container_resource_requests)'), [[{}, 0.5]]);
    assert.deepEqual(vector('count(kube_pod_status_phase)'), [[{}, 4]]);
  });

  it('without (...) drops those labels and the metric name', () => {
    assert.deepEqual(vector('count without (pod, phase) (kube_pod_status_phase)'), [
      [{ namespace: 'default' }, 3],
      [{ namespace: 'kube-system' }, 1],
    ]);
  });

  it('topk keeps the whole series, name included, largest first', () => {
    assert.deepEqual(vector('topk(1, kube_pod_container_resource_requests)'), [[{ __name__: 'kube_pod_container_resource_requests', namespace: 'default', pod: 'a', resource: 'cpu' }, 0.5]]);
    assert.deepEqual(
      vector('bottomk(2, container_cpu_usage_seconds_total)').map(([labels, value]) => [labels.pod, value]),
      [['c', 27], ['b', 30]],
    );
  });

  it('quantile interpolates between ranks', () => {
    assert.deepEqual(vector('quantile(0.5, container_cpu_usage_seconds_total)'), [[{}, 30]]);
  });
});

describe('PromQL: binary operators', () => {
  it('vector and scalar arithmetic drops the name; precedence and right-associative ^', () => {
    assert.deepEqual(vector('kube_pod_container_resource_requests{pod="a"} * 2 + 1'), [[{ namespace: 'default', pod: 'a', resource: 'cpu' }, 2]]);
    assert.equal(scalar('2 ^ 3 ^ 2'), 512);
    assert.equal(scalar('-2 ^ 2'), -4);
    assert.equal(scalar('7 % 4 - 10 / 4'), 0.5);
  });

  it('comparisons filter and keep the name; with bool they give 0 or 1 without it', () => {
    assert.deepEqual(vector('kube_pod_container_resource_requests > 0.3'), [[{ __name__: 'kube_pod_container_resource_requests', namespace: 'default', pod: 'a', resource: 'cpu' }, 0.5]]);
    assert.deepEqual(vector('0.3 < kube_pod_container_resource_requests').map(([, value]) => value), [0.5]);
    assert.deepEqual(vector('kube_pod_container_resource_requests > bool 0.3').map(([labels, value]) => [labels.__name__, labels.pod, value]), [[undefined, 'a', 1], [undefined, 'b', 0]]);
    assert.equal(scalar('1 < bool 2'), 1);
  });

  it('matches vectors one-to-one on their labels, on(...) or ignoring(...)', () => {
    assert.deepEqual(vector('sum(rate(container_cpu_usage_seconds_total[5m])) by (pod) / sum(kube_pod_container_resource_requests{resource="cpu"}) by (pod) * 100'), [
      [{ pod: 'a' }, 40],
      [{ pod: 'b' }, 20],
    ]);
    assert.deepEqual(vector('container_cpu_usage_seconds_total / on(pod) kube_pod_container_resource_requests'), [
      [{ pod: 'a' }, 240],
      [{ pod: 'b' }, 120],
    ]);
    assert.deepEqual(vector('container_cpu_usage_seconds_total - ignoring(resource) kube_pod_container_resource_requests'), [
      [{ namespace: 'default', pod: 'a' }, 119.5],
      [{ namespace: 'default', pod: 'b' }, 29.75],
    ]);
  });

  it('group_left copies the labels asked for from the one side', () => {
    assert.deepEqual(vector('kube_pod_container_resource_requests * on(pod) group_left(phase) kube_pod_status_phase'), [
      [{ namespace: 'default', phase: 'Running', pod: 'a', resource: 'cpu' }, 0.5],
      [{ namespace: 'default', phase: 'Running', pod: 'b', resource: 'cpu' }, 0.25],
    ]);
  });

  it('and, or, unless keep samples by their labels', () => {
    const pods = (query: string): string[] => vector(query).map(([labels]) => `${labels.__name__}/${labels.pod}`);
    assert.deepEqual(pods('container_cpu_usage_seconds_total and on(pod) kube_pod_container_resource_requests'), ['container_cpu_usage_seconds_total/a', 'container_cpu_usage_seconds_total/b']);
    assert.deepEqual(pods('container_cpu_usage_seconds_total unless on(pod) kube_pod_container_resource_requests'), ['container_cpu_usage_seconds_total/c']);
    assert.deepEqual(pods('kube_pod_container_resource_requests{pod="a"} or on(pod) container_cpu_usage_seconds_total'), ['container_cpu_usage_seconds_total/b', 'container_cpu_usage_seconds_total/c', 'kube_pod_container_resource_requests/a']);
  });

  it('refuses many-to-many matching as an execution error', () => {
    assert.throws(() => vector('kube_pod_status_phase / on(namespace) kube_pod_status_phase'), (error: PromQLError) => {
      assert.equal(error.type, 'execution');
      assert.match(error.message, /^found duplicate series for the match group \{namespace="default"\} on the right hand-side of the operation: \[.*\];many-to-many matching not allowed: matching labels must be unique on one side$/);
      return true;
    });
  });
});

describe('PromQL: range vectors over the scraped history', () => {
  it('rate, increase and irate of a steady counter', () => {
    assert.deepEqual(vector('rate(container_cpu_usage_seconds_total{pod=~"a|b"}[5m])'), [
      [{ namespace: 'default', pod: 'a' }, 0.2],
      [{ namespace: 'default', pod: 'b' }, 0.05],
    ]);
    assert.deepEqual(vector('increase(container_cpu_usage_seconds_total{pod="a"}[5m])'), [[{ namespace: 'default', pod: 'a' }, 60]]);
    assert.deepEqual(vector('irate(container_cpu_usage_seconds_total{pod="a"}[1m])'), [[{ namespace: 'default', pod: 'a' }, 0.2]]);
  });

  it('extrapolates to the window ends when the samples stop short of them', () => {
    // At T+605 s the window [T+305, T+605] holds T+315 .. T+600: 57 s of increase over 285 s,
    // 10 s and 5 s from its ends (under 1.1 × 15 s), extrapolated to the 300 s: 60.
    const [[, value]] = vector('increase(container_cpu_usage_seconds_total{pod="a"}[5m])', NOW + 5000) as [[Record<string, string>, number]];
    assert.ok(Math.abs(value - 60) < 1e-9, String(value));
  });

  it('extrapolates a young counter no further than its zero point, and half an interval otherwise', () => {
    // c: 3 .. 27 from T+480 to T+600: 24 over 120 s; start gap 180 s > 16.5 s so 7.5 s,
    // under the 15 s to its zero: 24 × 127.5 / 120 = 25.5, rate 25.5 / 300 = 0.085.
    assert.deepEqual(vector('increase(container_cpu_usage_seconds_total{pod="c"}[5m])'), [[{ namespace: 'default', pod: 'c' }, 25.5]]);
    const [[, rate]] = vector('rate(container_cpu_usage_seconds_total{pod="c"}[5m])') as [[Record<string, string>, number]];
    assert.ok(Math.abs(rate - 0.085) < 1e-12, String(rate));
  });

  it('counts a counter reset as a restart from zero', () => {
    const h = new PrometheusHistory(T - S);
    [10, 20, 30, 5, 15].forEach((value, k) => h.record(T + k * S, [cpu('a', value)]));
    // 15 − 10 + 30 (the reset) = 35 over 60 s, samples at both ends of [T, T+60].
    const result = instantQuery('increase(container_cpu_usage_seconds_total[1m])', h, T + 60_000);
    assert.deepEqual((result.result as Series[]).map((one) => one.value), [35]);
  });

  it('avg_over_time and max_over_time, which drop the name', () => {
    assert.deepEqual(vector('avg_over_time(container_cpu_usage_seconds_total{pod="c"}[1m])'), [[{ namespace: 'default', pod: 'c' }, 21]]);
    assert.deepEqual(vector('max_over_time(container_cpu_usage_seconds_total{pod="b"}[10m])'), [[{ namespace: 'default', pod: 'b' }, 30]]);
  });

  it('needs two samples for a rate', () => {
    assert.deepEqual(vector('rate(container_cpu_usage_seconds_total{pod="c"}[5m])', T + 480_000), []);
  });

  it('forgets a series at once after its stale marker, and after the lookback delta without one', () => {
    const h = new PrometheusHistory(T - S);
    h.record(T, [cpu('a', 1), cpu('b', 1)]);
    h.record(T + S, [cpu('a', 2)]);
    assert.deepEqual((instantQuery('container_cpu_usage_seconds_total', h, T + S).result as Series[]).map((one) => one.labels.pod), ['a']);
    assert.deepEqual((instantQuery('container_cpu_usage_seconds_total', h, T + S + 300_000).result as Series[]).map((one) => one.labels.pod), ['a']);
    assert.deepEqual(instantQuery('container_cpu_usage_seconds_total', h, T + S + 300_001).result, []);
  });

  it('an instant query of a range selector gives a matrix', () => {
    const result = instantQuery('container_cpu_usage_seconds_total{pod="c"}[30s]', history(), NOW);
    assert.equal(result.resultType, 'matrix');
    assert.deepEqual((result.result as { points: { t: number; v: number }[] }[])[0]!.points, [{ t: NOW - 30_000, v: 21 }, { t: NOW - 15_000, v: 24 }, { t: NOW, v: 27 }]);
  });
});

describe('PromQL: query_range and the API answers', () => {
  const reader = (h: PrometheusHistory) => ({ get: () => undefined, list: () => [], prometheus: h });
  const api = (path: string): { status: number; body: unknown } => {
    const answer = queryApi(reader(history()), NOW, path);
    return { status: answer.status, body: JSON.parse(answer.body) };
  };

  it('evaluates at each step into a matrix', () => {
    const series = rangeQuery('container_cpu_usage_seconds_total{pod="c"}', history(), T + 465_000, T + 510_000, 15_000);
    assert.deepEqual(series, [{ labels: { __name__: 'container_cpu_usage_seconds_total', namespace: 'default', pod: 'c' }, points: [{ t: T + 480_000, v: 3 }, { t: T + 495_000, v: 6 }, { t: T + 510_000, v: 9 }] }]);
  });

  it('answers /api/v1/query_range with the matrix JSON', () => {
    const start = (T + 570_000) / 1000;
    const { status, body } = api(`/api/v1/query_range?query=${encodeURIComponent('sum(rate(container_cpu_usage_seconds_total{pod=~"a|b"}[5m]))')}&start=${start}&end=${start + 30}&step=15s`);
    assert.equal(status, 200);
    assert.deepEqual(body, { status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: [[start, '0.25'], [start + 15, '0.25'], [start + 30, '0.25']] }] } });
  });

  it('answers a scalar with its value and the evaluation time', () => {
    assert.deepEqual(api(`/api/v1/query?query=1%2B1&time=${T / 1000}`).body, { status: 'success', data: { resultType: 'scalar', result: [T / 1000, '2'] } });
  });

  it('refuses bad parameters as Prometheus does', () => {
    assert.deepEqual(api('/api/v1/query_range?query=up&start=abc&end=1&step=15'), { status: 400, body: { status: 'error', errorType: 'bad_data', error: 'invalid parameter "start": cannot parse "abc" to a valid timestamp' } });
    assert.deepEqual(api('/api/v1/query_range?query=up&start=10&end=1&step=15').body, { status: 'error', errorType: 'bad_data', error: 'invalid parameter "end": end timestamp must not be before start time' });
    assert.deepEqual(api('/api/v1/query_range?query=up&start=1&end=10&step=0').body, { status: 'error', errorType: 'bad_data', error: 'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer' });
    assert.deepEqual(api('/api/v1/query_range?query=up%5B5m%5D&start=1&end=10&step=1').body, { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": invalid expression type "range vector" for range query, must be Scalar or instant Vector' });
    assert.deepEqual(api('/api/v1/query?query=').body, { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:1: parse error: no expression found in input' });
  });

  it('reports evaluation errors as execution errors (422)', () => {
    const { status, body } = api(`/api/v1/query?query=${encodeURIComponent('kube_pod_status_phase + on(namespace) kube_pod_status_phase')}`);
    assert.equal(status, 422);
    assert.equal((body as { errorType: string }).errorType, 'execution');
  });
});

describe('PromQL: parse errors', () => {
  it('words them as the Prometheus parser does, with the position', () => {
    assert.equal(parseFailure('rate(up)'), '1:6: parse error: expected type range vector in call to function "rate", got instant vector');
    assert.equal(parseFailure('sum(up'), '1:7: parse error: unclosed left parenthesis');
    assert.equal(parseFailure('up)'), "1:3: parse error: unexpected right parenthesis ')'");
    assert.equal(parseFailure('foo(up)'), '1:1: parse error: unknown function with name "foo"');
    assert.equal(parseFailure('1 > 2'), '1:1: parse error: comparisons between scalars must use BOOL modifier');
    assert.equal(parseFailure('up and 1'), '1:1: parse error: set operator "and" not allowed in binary scalar expression');
    assert.equal(parseFailure('up[5m] + 1'), '1:1: parse error: binary expression must contain only scalar and instant vector types');
    assert.equal(parseFailure('{job=""}'), '1:1: parse error: vector selector must contain at least one non-empty matcher');
    assert.equal(parseFailure('rate(up[5m], 1)'), '1:1: parse error: expected 1 argument(s) in call to "rate", got 2');
    assert.equal(parseFailure('sum(rate(up[5m])'), '1:17: parse error: unclosed left parenthesis');
    assert.equal(parseFailure('up + $'), "1:6: parse error: unexpected character: '$'");
  });
});
