/**
 * The simulated Prometheus' time series database: what it scraped, every scrape interval
 * (15 s, Prometheus' default scrape_interval) on the simulated clock, kept for an hour per
 * series (a bounded ring: older samples are dropped). A series gone from a scrape gets a
 * stale marker, as Prometheus writes one, so instant queries stop seeing it at once.
 *
 * Scrapes happen when simulated time moves (ManualClock.onAdvance): every scrape time
 * passed over is scraped with the cluster's state of that moment, since state only changes
 * between clock moves. Scrapes are on the grid of multiples of 15 s, the times cAdvisor's
 * samples carry (usage.ts), and only while a prom/prometheus container runs: a Prometheus
 * installed late knows nothing of before. The history is not saved with the cluster: after
 * loading a state file, it starts again empty (as a Prometheus without persistent storage).
 */
import type { Labels, Matcher, Point, SampleSource } from './promql/ast';
import { keyOf } from './promql/ast';
import { matches } from './promql/parser';

export const SCRAPE_INTERVAL_MS = 15_000;
export const RETENTION_MS = 60 * 60_000;

interface Stored {
  labels: Labels;
  points: (Point & { stale?: boolean })[];
}

export class PrometheusHistory implements SampleSource {
  private readonly series = new Map<string, Stored>();
  /** The keys present in the last scrape (those get a stale marker when they go). */
  private live = new Set<string>();
  /** The last scrape time dealt with (scraped, or skipped while Prometheus did not run). */
  private done: number;

  /** @param since the simulated time the history starts at: the first scrape is the next grid time after it. */
  constructor(since: number) {
    this.done = since;
  }

  /**
   * Scrapes every grid time in (last one done, `until`] with `scrape`, which gives the
   * series at a time, or undefined when Prometheus does not run then.
   */
  scrapeUntil(until: number, scrape: (t: number) => readonly { labels: Labels; value: number }[] | undefined): void {
    for (let t = (Math.floor(this.done / SCRAPE_INTERVAL_MS) + 1) * SCRAPE_INTERVAL_MS; t <= until; t += SCRAPE_INTERVAL_MS) {
      const samples = scrape(t);
      if (samples) this.record(t, samples);
      else this.live = new Set();
      this.done = t;
    }
    this.done = Math.max(this.done, Math.floor(until / SCRAPE_INTERVAL_MS) * SCRAPE_INTERVAL_MS);
  }

  /** Appends one scrape's samples at `t`, stale markers for the series that went, and drops what is past retention. */
  record(t: number, samples: readonly { labels: Labels; value: number }[]): void {
    const now = new Set<string>();
    for (const sample of samples) {
      const key = keyOf(sample.labels);
      if (now.has(key)) continue;
      now.add(key);
      let stored = this.series.get(key);
      if (!stored) this.series.set(key, (stored = { labels: sample.labels, points: [] }));
      stored.points.push({ t, v: sample.value });
    }
    for (const key of this.live) if (!now.has(key)) this.series.get(key)?.points.push({ t, v: NaN, stale: true });
    this.live = now;
    for (const [key, stored] of this.series) {
      const keep = stored.points.findIndex((point) => point.t > t - RETENTION_MS);
      if (keep === -1) this.series.delete(key);
      else if (keep > 0) stored.points.splice(0, keep);
    }
  }

  select(matchers: readonly Matcher[], from: number, to: number): Stored[] {
    const out: Stored[] = [];
    for (const stored of this.series.values()) {
      if (!matchers.every((matcher) => matches(matcher, stored.labels[matcher.label] ?? ''))) continue;
      const points = stored.points.filter((point) => point.t >= from && point.t <= to);
      if (points.length > 0) out.push({ labels: stored.labels, points });
    }
    return out;
  }
}
