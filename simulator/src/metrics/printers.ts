/**
 * `kubectl top pod|node`'s tables (kubectl v1.30, pkg/cmd/top and pkg/metricsutil): CPU in
 * millicores (`12m`), memory in whole MiB (`24Mi`), node percentages of the allocatable
 * (integer division, as kubectl computes them), aligned by kubectl's tabwriter.
 */
import { TABLE_TABWRITER, alignTabs } from '../kubectl/tabwriter';
import type { NodeMetrics, PodMetrics } from './usage';

const MI = 1024 * 1024;

/** printValue for CPU: the MilliValue with `m`. */
export const cpuText = (millis: number): string => `${Math.round(millis)}m`;
/** printValue for memory: Value / 2^20 with `Mi`. */
export const memoryText = (bytes: number): string => `${Math.floor(bytes / MI)}Mi`;

export interface TopPodsOptions {
  /** -A: a NAMESPACE column first. */
  allNamespaces?: boolean;
  /** --containers: one row per container (POD, NAME). */
  containers?: boolean;
  noHeaders?: boolean;
  /** --sort-by cpu|memory (descending); the input order otherwise. */
  sortBy?: 'cpu' | 'memory';
  /** --sum: a last row with the totals. */
  sum?: boolean;
}

interface Row {
  cells: string[];
  cpu: number;
  memory: number;
}

function sortRows(rows: Row[], sortBy: 'cpu' | 'memory' | undefined): Row[] {
  if (sortBy === 'cpu') return [...rows].sort((a, b) => b.cpu - a.cpu);
  if (sortBy === 'memory') return [...rows].sort((a, b) => b.memory - a.memory);
  return rows;
}

/** Mirrors printValue: every cell, the last one included, ends with a tab (so the last column is padded too). */
const table = (lines: string[]): string => alignTabs(lines.map((line) => `${line}\t\n`).join(''), TABLE_TABWRITER);

/** `kubectl top pod`: `NAME  CPU(cores)  MEMORY(bytes)`. */
export function formatTopPods(pods: readonly PodMetrics[], options: TopPodsOptions = {}): string {
  const prefix = (pod: PodMetrics): string[] => (options.allNamespaces ? [pod.namespace] : []);
  const rows: Row[] = [];
  for (const pod of pods) {
    if (options.containers) {
      for (const c of pod.containers) rows.push({ cells: [...prefix(pod), pod.name, c.name], cpu: c.cpuMillis, memory: c.memoryBytes });
    } else {
      const cpu = pod.containers.reduce((sum, c) => sum + c.cpuMillis, 0);
      const memory = pod.containers.reduce((sum, c) => sum + c.memoryBytes, 0);
      rows.push({ cells: [...prefix(pod), pod.name], cpu, memory });
    }
  }
  const header = [...(options.allNamespaces ? ['NAMESPACE'] : []), ...(options.containers ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)'];
  const lines = options.noHeaders ? [] : [header.join('\t')];
  for (const row of sortRows(rows, options.sortBy)) lines.push([...row.cells, cpuText(row.cpu), memoryText(row.memory)].join('\t'));
  if (options.sum && rows.length > 0) {
    const blanks = header.length - 2;
    const cpu = rows.reduce((sum, row) => sum + row.cpu, 0);
    const memory = rows.reduce((sum, row) => sum + row.memory, 0);
    lines.push([...Array.from({ length: blanks }, () => ''), '________', '________'].join('\t'));
    lines.push([...Array.from({ length: blanks }, () => ''), cpuText(cpu), memoryText(memory)].join('\t'));
  }
  return table(lines);
}

export interface TopNodesOptions {
  noHeaders?: boolean;
  sortBy?: 'cpu' | 'memory';
  /** --show-capacity: percentages of the capacity instead of the allocatable. */
  showCapacity?: boolean;
}

/** `kubectl top node`: `NAME  CPU(cores)  CPU%  MEMORY(bytes)  MEMORY%`. */
export function formatTopNodes(nodes: readonly NodeMetrics[], options: TopNodesOptions = {}): string {
  const percent = (used: number, total: number): string => (total > 0 ? `${Math.floor((used * 100) / total)}%` : '<unknown>');
  const rows: Row[] = nodes.map((node) => {
    const cpuTotal = options.showCapacity ? node.capacityCpuMillis : node.allocatableCpuMillis;
    const memoryTotal = options.showCapacity ? node.capacityMemoryBytes : node.allocatableMemoryBytes;
    return {
      cells: [node.name, cpuText(node.cpuMillis), percent(node.cpuMillis, cpuTotal), memoryText(node.memoryBytes), percent(node.memoryBytes, memoryTotal)],
      cpu: node.cpuMillis,
      memory: node.memoryBytes,
    };
  });
  const lines = options.noHeaders ? [] : ['NAME\tCPU(cores)\tCPU%\tMEMORY(bytes)\tMEMORY%'];
  for (const row of sortRows(rows, options.sortBy)) lines.push(row.cells.join('\t'));
  return table(lines);
}
