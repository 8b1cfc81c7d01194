import { performance } from 'node:perf_hooks';

/** What a benchmark reports: milliseconds, over `runs` runs. */
export interface Measure {
  name: string;
  runs: number;
  median: number;
  min: number;
  max: number;
}

/**
 * Times `body` `runs` times, after `warmup` untimed runs. The median is what
 * to compare between runs: this machine is shared and noisy.
 */
export async function measure(name: string, runs: number, body: () => Promise<unknown>, warmup = 2): Promise<Measure> {
  for (let i = 0; i < warmup; i++) await body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  const median = times.length % 2 ? times[middle]! : (times[middle - 1]! + times[middle]!) / 2;
  return { name, runs, median, min: times[0]!, max: times[times.length - 1]! };
}

/** One line per measure, aligned, in milliseconds. */
export function formatMeasures(measures: Measure[]): string {
  const width = Math.max(...measures.map((m) => m.name.length));
  const ms = (n: number) => `${n.toFixed(2).padStart(9)} ms`;
  return measures
    .map((m) => `${m.name.padEnd(width)}  median ${ms(m.median)}  min ${ms(m.min)}  max ${ms(m.max)}  (${m.runs} runs)`)
    .join('\n');
}
