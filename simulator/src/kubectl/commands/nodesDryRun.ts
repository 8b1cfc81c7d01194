/**
 * `kubectl cordon|uncordon|drain --dry-run=client|server`, as kubectl v1.30 runs them
 * (k8s.io/kubectl/pkg/cmd/drain/drain.go, k8s.io/kubectl/pkg/drain/drain.go), through the
 * same runner as a real drain (scheduler/drain.ts):
 * - every line kubectl prints through its printer carries the strategy's suffix
 *   (cmdutil.PrintFlagsWithDryRunStrategy): `node/worker-1 cordoned (dry run)`, and also
 *   `node/worker-1 already cordoned (server dry run)`, `node/worker-1 drained (dry run)`;
 * - client: nothing is sent but the reads (the Node, the Pods on it); drain lists the Pods
 *   it would evict, `evicting pod default/web-x (dry run)`, after the same filters, warnings
 *   and refusals as a real drain;
 * - server: the cordon is a patch with dryRun=All, each eviction an Eviction with dryRun=All:
 *   the API server still checks permissions and PodDisruptionBudgets (a refused eviction is
 *   retried every 5 s until --timeout, as in a real drain) but stores nothing, and kubectl
 *   does not wait for the Pods to go. With --disable-eviction, the deletions are dry-run
 *   DELETEs that print nothing, after which kubectl v1.30 waits for the Pods to be gone as
 *   after real ones (kubernetes/kubectl#1830, fixed after v1.35): they never go, so it
 *   waits until --timeout, or for ever.
 */
import { drain, type DrainOptions, type DrainResult } from '../../scheduler/drain';
import { cordonNode, type CordonLine } from '../../scheduler/nodeops';
import type { ObjectStore } from '../../store/store';
import { dryRunSuffix } from './apply';

export type DryRunStrategy = 'client' | 'server';

/** The dry-run requests drain makes: an Eviction (as the user may make it), a DELETE, and simulated time passing while it retries. */
export interface DryRunDrainHooks {
  evict: (namespace: string, name: string, gracePeriodSeconds?: number) => void;
  remove: (namespace: string, name: string, gracePeriodSeconds?: number) => void;
  advance: (ms: number) => void;
}

/** What a dry-run drain printed, as a real drain's result. */
export interface DryRunDrainResult extends DrainResult {
  /** The French explanation, when the generic ones of a failed drain do not fit. */
  hint?: string;
}

const DELETE_DRY_RUN_HINT =
  "Avec --dry-run=server et --disable-eviction, kubectl v1.30 supprime les Pods « pour de faux », puis attend qu'ils disparaissent, ce qui n'arrive jamais (un bogue de kubectl, corrigé dans une version plus récente). Sans --timeout, il attendrait indéfiniment : essaie --dry-run=client, ou --dry-run=server sans --disable-eviction.";

/**
 * RunCordonOrUncordon for one Node in a dry run: its line, or (server) the error of the
 * dry-run patch, which kubectl prints as `error: unable to cordon node "worker-1": ...`
 * before going on with the next Node (the command still succeeds), with its French
 * explanation.
 */
export function cordonDryRun(store: ObjectStore, name: string, desired: boolean, dryRun: DryRunStrategy): CordonLine {
  return cordonNode(store, name, desired, dryRun, dryRunSuffix(dryRun));
}

/** RunDrain in a dry run, with the French explanation of kubectl v1.30's endless wait after dry-run DELETEs. */
export function drainDryRun(store: ObjectStore, names: readonly string[], dryRun: DryRunStrategy, options: DrainOptions, hooks: DryRunDrainHooks): DryRunDrainResult {
  const result = drain(store, names, options, hooks, { strategy: dryRun, suffix: dryRunSuffix(dryRun) });
  if (!options.disableEviction || dryRun !== 'server' || result.drained) return result;
  const stuck = result.stopped || result.errors.includes('error: context deadline exceeded') || result.errors.includes('context deadline exceeded');
  return stuck ? { ...result, hint: DELETE_DRY_RUN_HINT } : result;
}
