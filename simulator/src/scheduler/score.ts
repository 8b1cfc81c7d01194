/**
 * The Score plugins of the default profile that the simulator models, with their v1.30
 * weights: TaintToleration (3, PreferNoSchedule taints), NodeAffinity (2, preferred terms),
 * NodeResourcesFit (1, LeastAllocated on cpu and memory) and NodeResourcesBalancedAllocation
 * (1). Scores are integers in [0, 100] per plugin, normalised like upstream, then weighted
 * and summed. Ties go to the first Node by name (upstream picks one at random: a seeded
 * cluster must not).
 */
import { termMatches, toleratesAny, type Toleration } from './affinity';
import type { NodeInfo } from './cache';
import type { PodInfo } from './filters';

export const MAX_NODE_SCORE = 100;

const WEIGHTS = { taintToleration: 3, nodeAffinity: 2, leastAllocated: 1, balancedAllocation: 1 };

/**
 * Mirrors leastResourceScorer with the default resources (cpu and memory, weight 1 each):
 * the share left free once the Pod is placed, counting 100m / 200Mi for containers that
 * request nothing.
 */
export function leastAllocatedScore(pod: PodInfo, node: NodeInfo): number {
  let score = 0;
  let weights = 0;
  const cpu = node.allocatable.get('cpu') ?? 0;
  if (cpu > 0) {
    score += leastRequested(node.nonZeroCpu + pod.nonZeroCpu, cpu);
    weights++;
  }
  const memory = node.allocatable.get('memory') ?? 0;
  if (memory > 0) {
    score += leastRequested(node.nonZeroMemory + pod.nonZeroMemory, memory);
    weights++;
  }
  return weights === 0 ? 0 : Math.floor(score / weights);
}

/** Mirrors leastRequestedScore. */
function leastRequested(requested: number, capacity: number): number {
  return requested > capacity ? 0 : Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/**
 * Mirrors balancedResourceScorer: Nodes whose cpu and memory would be used in the same
 * proportion score higher (actual requests, no defaults).
 */
export function balancedAllocationScore(pod: PodInfo, node: NodeInfo): number {
  const cpu = node.allocatable.get('cpu') ?? 0;
  const memory = node.allocatable.get('memory') ?? 0;
  // With one resource (or none) there is nothing to balance: std = 0.
  if (cpu === 0 || memory === 0) return MAX_NODE_SCORE;
  const std = Math.abs((fraction(pod, node, 'cpu', cpu) - fraction(pod, node, 'memory', memory)) / 2);
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** The share of a resource the Node's Pods and this one request, at most 1. */
function fraction(pod: PodInfo, node: NodeInfo, name: string, capacity: number): number {
  return Math.min(1, ((node.requested.get(name) ?? 0) + (pod.requests.get(name) ?? 0)) / capacity);
}

/** Mirrors TaintToleration's Score: untolerated PreferNoSchedule taints, fewer is better. */
function preferNoScheduleCount(relevant: readonly Toleration[], node: NodeInfo): number {
  let count = 0;
  for (const taint of node.taints) if (taint.effect === 'PreferNoSchedule' && !toleratesAny(relevant, taint)) count++;
  return count;
}

/** Mirrors NodeAffinity's Score: the weights of the preferred terms the Node matches. */
function preferredAffinity(pod: PodInfo, node: NodeInfo): number {
  let sum = 0;
  for (const { weight, term } of pod.placement.preferred) if (termMatches(term, node)) sum += weight;
  return sum;
}

/** Mirrors helper.DefaultNormalizeScore. */
function normalize(scores: number[], reverse: boolean): number[] {
  let max = 0;
  for (const score of scores) if (score > max) max = score;
  for (let i = 0; i < scores.length; i++) {
    const scaled = max === 0 ? 0 : Math.floor((MAX_NODE_SCORE * scores[i]!) / max);
    scores[i] = reverse ? MAX_NODE_SCORE - scaled : scaled;
  }
  return scores;
}

export interface NodeScore {
  name: string;
  score: number;
}

/** Every feasible Node's total score, in the order given. */
export function scoreNodes(pod: PodInfo, nodes: readonly NodeInfo[]): NodeScore[] {
  // Only tolerations that could apply to PreferNoSchedule count (getAllTolerationPreferNoSchedule).
  const relevant = pod.placement.tolerations.filter((t) => t.effect === '' || t.effect === 'PreferNoSchedule');
  const taintCounts: number[] = [];
  const affinitySums: number[] = [];
  for (const node of nodes) {
    taintCounts.push(node.taints.length === 0 ? 0 : preferNoScheduleCount(relevant, node));
    affinitySums.push(pod.placement.preferred.length === 0 ? 0 : preferredAffinity(pod, node));
  }
  const taints = normalize(taintCounts, true);
  const affinity = normalize(affinitySums, false);
  const scores: NodeScore[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const score =
      WEIGHTS.taintToleration * taints[i]! +
      WEIGHTS.nodeAffinity * affinity[i]! +
      WEIGHTS.leastAllocated * leastAllocatedScore(pod, node) +
      WEIGHTS.balancedAllocation * balancedAllocationScore(pod, node);
    scores.push({ name: node.name, score });
  }
  return scores;
}

/**
 * Mirrors prioritizeNodes + selectHost: a single feasible Node is taken without scoring;
 * otherwise the best score wins, the first by name among equals.
 */
export function selectHost(pod: PodInfo, feasible: readonly NodeInfo[]): string {
  if (feasible.length === 1) return feasible[0]!.name;
  let best: NodeScore | undefined;
  for (const candidate of scoreNodes(pod, feasible)) {
    if (!best || candidate.score > best.score || (candidate.score === best.score && candidate.name < best.name)) best = candidate;
  }
  return best!.name;
}
