/**
 * The scheduler's texts, word for word as kube-scheduler v1.30 writes them in the
 * FailedScheduling event and the PodScheduled condition (framework.FitError), and in the
 * Scheduled event. Learners will read the very same lines on real clusters, so they stay
 * in English; `explainFailedScheduling` gives the French reading beside them.
 */

/** The reasons the filters give for one Node (each plugin's ErrReason). */
export const REASONS = {
  unschedulable: 'node(s) were unschedulable',
  untoleratedTaint: (key: string, value: string): string => `node(s) had untolerated taint {${key}: ${value}}`,
  nodeAffinity: "node(s) didn't match Pod's node affinity/selector",
  nodePorts: "node(s) didn't have free ports for the requested pod ports",
  tooManyPods: 'Too many pods',
  insufficient: (resource: string): string => `Insufficient ${resource}`,
  /** Nodes left out by NodeAffinity's PreFilter (`matchFields: metadata.name In [...]`). */
  filteredByPreFilter: 'node is filtered out by the prefilter result',
  /** NodeAffinity's PreFilter when the required terms name no Node in common. */
  affinityConflict: 'pod affinity terms conflict',
  preemptionNotHelpful: 'Preemption is not helpful for scheduling',
  noVictims: 'No preemption victims found for incoming pod',
  preemptionNever: 'not eligible due to preemptionPolicy=Never.',
} as const;

/** ErrNoNodesAvailable: a cluster without any Node (reason SchedulerError, not Unschedulable). */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** What a scheduling attempt learned, as framework.Diagnosis holds it. */
export interface Diagnosis {
  numAllNodes: number;
  /** Per Node, the reasons it was rejected for. */
  reasons: readonly (readonly string[])[];
  /** A PreFilter rejection (then the per-Node reasons are not listed). */
  preFilterMsg?: string;
  /** What PostFilter (preemption) said, already prefixed with `preemption: `. */
  postFilterMsg?: string;
}

/** Go's sort.Strings: byte order. */
const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Mirrors FitError.Error(): `0/3 nodes are available: ` then each reason with the number of
 * Nodes that gave it, as `count reason` strings sorted as text (so `10 ...` sorts before
 * `2 ...`), then the preemption part.
 */
export function fitErrorMessage(diagnosis: Diagnosis): string {
  let message = `0/${diagnosis.numAllNodes} nodes are available:`;
  if (diagnosis.preFilterMsg) {
    message += ` ${diagnosis.preFilterMsg}.`;
  } else {
    const histogram = new Map<string, number>();
    for (const reasons of diagnosis.reasons) for (const reason of reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
    const sorted = [...histogram].map(([reason, count]) => `${count} ${reason}`).sort(byBytes);
    if (sorted.length > 0) message += ` ${sorted.join(', ')}.`;
  }
  // Since v1.28 the preemption part is appended as is: it brings its own final period.
  if (diagnosis.postFilterMsg) message += ` ${diagnosis.postFilterMsg}`;
  return message;
}

/** DefaultPreemption's PostFilter message: its own FitError over the Nodes, prefixed. */
export function preemptionMessage(numAllNodes: number, reasons: readonly (readonly string[])[]): string {
  return `preemption: ${fitErrorMessage({ numAllNodes, reasons })}`;
}

/** The Scheduled event, from the binding cycle. */
export function scheduledMessage(namespace: string, name: string, node: string): string {
  return `Successfully assigned ${namespace}/${name} to ${node}`;
}

/** Mirrors truncateMessage: events carry at most 1024 characters (validation.NoteLengthLimit). */
export function truncateMessage(message: string): string {
  const max = 1024;
  return message.length <= max ? message : `${message.slice(0, max - 4)} ...`;
}

const PLURAL = (count: number, one: string, many: string): string => `${count} ${count > 1 ? many : one}`;

/** One reason in French, for the given number of Nodes. */
function explainReason(count: number, reason: string): string {
  const nodes = PLURAL(count, 'nœud', 'nœuds');
  const taint = /^node\(s\) had untolerated taint \{(.*)\}$/.exec(reason);
  if (taint) return `${nodes} : taint {${taint[1]}} que le Pod ne tolère pas (il faudrait une toleration)`;
  const insufficient = /^Insufficient (.+)$/.exec(reason);
  if (insufficient) {
    return `${nodes} : pas assez de ${insufficient[1]} libre pour les requests du Pod (on compte les requests des Pods déjà placés, pas la consommation réelle)`;
  }
  const known: Record<string, string> = {
    [REASONS.unschedulable]: 'nœud cordonné (kubectl cordon : spec.unschedulable), il ne reçoit plus de nouveaux Pods',
    [REASONS.nodeAffinity]: 'ses labels ne correspondent pas au nodeSelector ou à la nodeAffinity obligatoire du Pod',
    [REASONS.nodePorts]: 'le hostPort demandé y est déjà pris',
    [REASONS.tooManyPods]: 'il a déjà son nombre maximal de Pods (allocatable pods)',
    [REASONS.filteredByPreFilter]: 'écarté d’emblée : la nodeAffinity du Pod nomme d’autres nœuds (metadata.name)',
    [REASONS.preemptionNotHelpful]: 'évincer des Pods moins prioritaires ne changerait rien',
    [REASONS.noVictims]: 'aucun Pod de priorité plus basse à évincer pour faire de la place',
  };
  return `${nodes} : ${known[reason] ?? reason}`;
}

/**
 * The French reading of a FailedScheduling message, one line per part, to show beside the
 * original (never instead of it).
 */
export function explainFailedScheduling(message: string): string[] {
  if (message === NO_NODES_AVAILABLE) return ['Le cluster n’a aucun nœud : le Pod attend qu’un nœud rejoigne le cluster.'];
  const match = /^0\/(\d+) nodes are available: (.*?)\.(?: preemption: (.*))?$/.exec(message);
  if (!match) return [];
  const lines = [`Aucun des ${match[1]} nœuds ne peut accueillir ce Pod ; le scheduler réessaiera dès que le cluster change.`];
  const parts = (list: string): string[] =>
    list.split(', ').map((part) => {
      const counted = /^(\d+) (.*)$/.exec(part);
      return counted ? explainReason(Number(counted[1]), counted[2]!) : part;
    });
  lines.push(...parts(match[2]!));
  const preemption = match[3] ? /^0\/\d+ nodes are available: (.*)\.$/.exec(match[3]) : null;
  if (preemption) lines.push(`Préemption : ${parts(preemption[1]!).join(' ; ')}.`);
  else if (match[3]) lines.push(`Préemption : ${match[3]}`);
  return lines;
}
