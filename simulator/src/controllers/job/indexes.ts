/**
 * Completion indexes of Indexed Jobs (pkg/controller/job/indexed_job_utils.go): the
 * `status.completedIndexes` text (`0-2,4,6-7`), the indexes still to run, and which active
 * Pods go first when there are too many (out of range or duplicated indexes).
 */
import type { JsonObject } from '../../store/json';
import { podsToDelete } from '../deployment/pods';
import { completionIndex } from './pods';

/**
 * Mirrors parseIndexesFromString: the indexes below `completions` that the text lists;
 * whatever does not parse is skipped.
 */
export function parseIndexes(text: unknown, completions: number): Set<number> {
  const out = new Set<number>();
  if (typeof text !== 'string' || text === '') return out;
  for (const part of text.split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) continue;
    const first = Number(match[1]);
    const last = Math.min(match[2] === undefined ? first : Number(match[2]), completions - 1);
    for (let index = first; index <= last; index++) out.add(index);
  }
  return out;
}

/** Mirrors orderedIntervals.String: sorted, consecutive indexes joined as `a-b`. */
export function formatIndexes(indexes: ReadonlySet<number>): string {
  const sorted = [...indexes].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * Mirrors firstPendingIndexes: the lowest indexes below `completions` that neither
 * succeeded nor have an active Pod (nor, when only failed Pods are replaced, a terminating one).
 */
export function firstPendingIndexes(count: number, completions: number, nonPending: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let index = 0; index < completions && out.length < count; index++) if (!nonPending.has(index)) out.push(index);
  return out;
}

/**
 * Mirrors activePodsForRemoval: for an Indexed Job, Pods with an invalid, out-of-range or
 * duplicated index go first (one Pod per index is kept); then, to reach `atLeast`, the
 * least useful active Pods (ActivePods order).
 */
export function activePodsForRemoval(active: readonly JsonObject[], atLeast: number, indexed: boolean, completions: number, now: number): JsonObject[] {
  const remove: JsonObject[] = [];
  let left: JsonObject[] = [...active];
  if (indexed) {
    left = [];
    const byIndex = new Map<number, JsonObject[]>();
    for (const pod of active) {
      const index = completionIndex(pod);
      if (index < 0 || index >= completions) remove.push(pod);
      else byIndex.set(index, [...(byIndex.get(index) ?? []), pod]);
    }
    for (const index of [...byIndex.keys()].sort((a, b) => a - b)) {
      const pods = byIndex.get(index)!;
      // The best Pod of the index stays: the others are the first to delete.
      const doomed = podsToDelete(pods, [], pods.length - 1, now);
      remove.push(...doomed);
      left.push(...pods.filter((pod) => !doomed.includes(pod)));
    }
  }
  if (remove.length < atLeast) remove.push(...podsToDelete(left, [], atLeast - remove.length, now));
  return remove;
}
