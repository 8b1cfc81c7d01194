/** Latency samples, their median and p95, and the side-by-side table `npm run bench` prints. */

export interface Stats {
  runs: number;
  median: number;
  p95: number;
}

/** Median and p95 (nearest rank: the 19th of 20 samples) of samples in milliseconds. */
export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
  return { runs: sorted.length, median, p95 };
}

/** One line of the table. A side is a string when it has no figure (why, in a few words). */
export interface Row {
  metric: string;
  ours: Stats | string;
  theirs: Stats | string;
}

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1)) + ' ms';

/** Ours / theirs on medians: below 0.5 means at least twice as fast. */
export function ratio(row: Row): number | undefined {
  return typeof row.ours === 'string' || typeof row.theirs === 'string' || row.theirs.median <= 0 ? undefined : row.ours.median / row.theirs.median;
}

/** ` (20 runs)`, or ` (20/5 runs)` when the sides differ. */
function runsLabel(row: Row): string {
  const [ours, theirs] = [row.ours, row.theirs].map((side) => (typeof side === 'string' ? undefined : side.runs));
  if (ours === undefined || theirs === undefined || ours === theirs) return ours ?? theirs ? ` (${ours ?? theirs} runs)` : '';
  return ` (${ours}/${theirs} runs)`;
}

/** A Markdown table: metric | ours median | ours p95 | yaml-ls median | yaml-ls p95 | ratio. */
export function formatTable(rows: readonly Row[]): string {
  const cells = (side: Stats | string): [string, string] => (typeof side === 'string' ? [side, ''] : [ms(side.median), ms(side.p95)]);
  const lines = [
    ['metric', 'ours median', 'ours p95', 'yaml-ls median', 'yaml-ls p95', 'ratio (ours/theirs)'],
    ...rows.map((row) => {
      const r = ratio(row);
      return [`${row.metric}${runsLabel(row)}`, ...cells(row.ours), ...cells(row.theirs), r === undefined ? 'n/a' : `${r.toFixed(2)}×`];
    }),
  ];
  const widths = lines[0]!.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  const render = (line: string[]) => `| ${line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  return [render(lines[0]!), `|${widths.map((w, column) => (column === 0 ? ':' : '-') + '-'.repeat(w) + (column === 0 ? '-' : ':')).join('|')}|`, ...lines.slice(1).map(render)].join('\n');
}
