/**
 * One scheduling cycle for one Pod (kube-scheduler `schedulePod`, v1.30), as a pure function
 * of the Pod and the cached Nodes: PreFilter, Filter over as many Nodes as the scheduler
 * would look at, Score, and on failure the FitError with DefaultPreemption's verdict.
 */
import { requiredNodeNames } from './affinity';
import type { NodeInfo } from './cache';
import { runFilters, type FilterStatus, type PodInfo } from './filters';
import { NO_NODES_AVAILABLE, REASONS, fitErrorMessage, preemptionMessage } from './messages';
import { selectHost } from './score';

export type CycleResult =
  | { outcome: 'scheduled'; node: string; processed: number }
  /** No Node fits: reason Unschedulable, with FitError's message. */
  | { outcome: 'unschedulable'; message: string; processed: number }
  /** The scheduler could not even try (no Node at all): reason SchedulerError. */
  | { outcome: 'error'; message: string; processed: number };

// Mirrors minFeasibleNodesToFind and minFeasibleNodesPercentageToFind.
const MIN_FEASIBLE_NODES = 100;
const MIN_FEASIBLE_PERCENTAGE = 5;

/**
 * Mirrors numFeasibleNodesToFind with the default percentageOfNodesToScore (adaptive): all
 * Nodes below 100, then 50% minus 1% per 125 Nodes (420 of 1,000), never under 100.
 */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES) return numAllNodes;
  const percentage = Math.max(MIN_FEASIBLE_PERCENTAGE, 50 - Math.floor(numAllNodes / 125));
  return Math.max(MIN_FEASIBLE_NODES, Math.floor((numAllNodes * percentage) / 100));
}

const unresolvable = (reason: string): FilterStatus => ({ code: 'UnschedulableAndUnresolvable', plugin: 'NodeAffinity', reasons: [reason] });

/**
 * Mirrors DefaultPreemption's PostFilter when it finds no candidate. Every Pod of the
 * simulator has the same priority (no PriorityClass admission), so a Node that preemption
 * could help has no victim to offer.
 */
function postFilter(pod: PodInfo, statuses: readonly FilterStatus[]): string {
  if (pod.preemptionPolicy === 'Never') return `preemption: ${REASONS.preemptionNever}`;
  const verdicts = statuses.map((status) => [status.code === 'UnschedulableAndUnresolvable' ? REASONS.preemptionNotHelpful : REASONS.noVictims]);
  return preemptionMessage(statuses.length, verdicts);
}

/**
 * Schedules `pod` on `nodes` (sorted by name), starting the search at `start` as the real
 * scheduler rotates nextStartNodeIndex. `processed` says how far the search went.
 */
export function schedulePod(pod: PodInfo, nodes: readonly NodeInfo[], start = 0): CycleResult {
  if (nodes.length === 0) return { outcome: 'error', message: NO_NODES_AVAILABLE, processed: 0 };
  const statuses: FilterStatus[] = [];

  // PreFilter: NodeAffinity may name the only Nodes worth looking at.
  const names = requiredNodeNames(pod.placement);
  if (names?.size === 0) {
    const status = unresolvable(REASONS.affinityConflict);
    const all = nodes.map(() => status);
    const message = fitErrorMessage({ numAllNodes: nodes.length, reasons: [], preFilterMsg: REASONS.affinityConflict, postFilterMsg: postFilter(pod, all) });
    return { outcome: 'unschedulable', message, processed: 0 };
  }
  let candidates = nodes;
  if (names) {
    candidates = nodes.filter((node) => names.has(node.name));
    for (const node of nodes) if (!names.has(node.name)) statuses.push(unresolvable(REASONS.filteredByPreFilter));
  }

  // Filter, from the rotating start, until enough feasible Nodes are found.
  const wanted = numFeasibleNodesToFind(candidates.length);
  const feasible: NodeInfo[] = [];
  let processed = 0;
  for (let i = 0; i < candidates.length && feasible.length < wanted; i++) {
    const node = candidates[(start + i) % candidates.length]!;
    processed++;
    const status = runFilters(pod, node);
    if (status) statuses.push(status);
    else feasible.push(node);
  }
  if (feasible.length > 0) return { outcome: 'scheduled', node: selectHost(pod, feasible), processed };

  const message = fitErrorMessage({
    numAllNodes: nodes.length,
    reasons: statuses.map((status) => status.reasons),
    postFilterMsg: postFilter(pod, statuses),
  });
  return { outcome: 'unschedulable', message, processed };
}
