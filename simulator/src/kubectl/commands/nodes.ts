/**
 * `kubectl cordon`, `uncordon` and `drain` (the node operations live with the scheduler,
 * scheduler/nodeops.ts; their dry runs in nodesDryRun.ts); here their arguments, kubectl's
 * usage errors, and the simulated time drain lets pass while it retries evictions and waits
 * for the Pods to be gone.
 */
import { nameOf } from '../fields';
import { kindInfo } from '../../api/catalog';
import { drain, UNBOUNDED_DRAIN_MS, type DrainOptions, type DrainResult } from '../../scheduler/drain';
import { cordonNode } from '../../scheduler/nodeops';
import { evictPod } from '../../admission/eviction';
import { authorize } from '../../rbac/authorizer';
import { forbidden } from '../../rbac/messages';
import { dryRunOf, DRY_RUN_FLAG } from './apply';
import { serverStore } from './authorization';
import type { Command, CommandContext } from './context';
import { UsageError } from './errors';
import { cordonDryRun, drainDryRun } from './nodesDryRun';
import type { FlagSpec } from './parse';

const NODES = kindInfo('v1', 'Node')!;
const PODS = kindInfo('v1', 'Pod')!;
const SELECTOR: FlagSpec = { name: 'selector', short: 'l', type: 'string' };

/** The node names: the arguments, or the nodes `-l` selects. */
function nodeNames(context: CommandContext, verb: string): string[] {
  const selector = context.flags.string('selector');
  if (context.args.length === 0 && selector === '') throw new UsageError(`USAGE: ${verb} NODE [flags]`, `Donne le nom du nœud : « kubectl ${verb} worker-1 » (kubectl get nodes les liste).`);
  if (selector === '') return context.args;
  const nodes = context.cluster.store.list(NODES, { labelSelector: selector });
  return nodes.map((node) => nameOf(node));
}

/**
 * RunCordonOrUncordon: one line per Node; a refused patch (RBAC) is printed `error: unable to
 * cordon node "worker-1": ...` and the command goes on, and succeeds, as kubectl does. Only
 * reading a Node can fail the command.
 */
function cordonCommand(verb: 'cordon' | 'uncordon'): Command {
  return {
    summary: verb === 'cordon' ? 'Mark node as unschedulable' : 'Mark node as schedulable',
    flags: [SELECTOR, DRY_RUN_FLAG],
    run(context) {
      // Mirrors kubectl's Complete: the --dry-run value is checked before any Node is read.
      const dryRun = dryRunOf(context);
      const names = nodeNames(context, verb);
      // Complete reads every Node first: an unknown one stops the command before any change.
      for (const name of names) context.cluster.store.get(NODES, '', name);
      for (const name of names) {
        const result = dryRun === 'none' ? cordonNode(context.cluster.store, name, verb === 'cordon') : cordonDryRun(context.cluster.store, name, verb === 'cordon', dryRun);
        if (result.line) context.out.out(`${result.line}\n`);
        if (result.error) context.out.err(`${result.error}\n`);
        context.out.hint(result.fr);
      }
    },
  };
}

export const CORDON = cordonCommand('cordon');
export const UNCORDON = cordonCommand('uncordon');

/**
 * The Eviction request as the user may make it: `create pods/eviction` is authorized, then
 * the API server evicts with its own rights (it reads and updates the budget itself).
 */
function evictAs(context: CommandContext, dryRun = false): (namespace: string, name: string, gracePeriodSeconds?: number) => void {
  const store = context.cluster.store;
  const server = serverStore(store);
  return (namespace, name, gracePeriodSeconds) => {
    if (server !== store) {
      const request = { verb: 'create', apiGroup: '', resource: 'pods', subresource: 'eviction', namespace, name };
      const decision = authorize(server, context.user, request);
      if (!decision.allowed) throw forbidden(context.user, request, decision.reason);
    }
    evictPod(server, namespace, name, { ...(dryRun ? { dryRun } : {}), ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }) });
  };
}

/** The French explanation of a drain that failed, from kubectl's errors. */
function failureHint(errors: readonly string[]): string {
  if (errors.some((line) => line.includes('disruption budget') || line.includes('global timeout'))) {
    return "Le PodDisruptionBudget n'a pas permis d'évincer tous les Pods dans le délai (--timeout) : regarde ALLOWED DISRUPTIONS avec kubectl get pdb.";
  }
  if (errors.some((line) => / is forbidden: User "[^"]*" cannot /.test(line))) {
    return "Le serveur a refusé une requête faute de droits (RBAC), comme il le ferait pour de vrai : lis le verbe et la ressource ci-dessus (create pods/eviction pour évincer). « kubectl auth can-i --list » montre ce qui est permis.";
  }
  return "Certains Pods ne peuvent pas partir tels quels : lis la raison ci-dessus (--ignore-daemonsets, --delete-emptydir-data ou --force selon le cas).";
}

/** kubectl's output of a drain, then its exit code and, when it failed, a French hint (the result's own, if it has one). */
function report(context: CommandContext, result: DrainResult & { hint?: string }): void {
  for (const line of result.output) context.out.out(`${line}\n`);
  for (const line of result.errors) context.out.err(`${line}\n`);
  for (const hint of result.hints ?? []) context.out.hint(hint);
  if (result.drained) return;
  context.out.exitCode = 1;
  if (result.hint !== undefined) {
    context.out.hint(result.hint);
  } else if (result.stopped) {
    context.out.hint(
      `Sans --timeout, kubectl drain réessaierait indéfiniment toutes les 5 s : le cluster simulé arrête d'attendre après ${UNBOUNDED_DRAIN_MS / 60_000} minutes. Un PodDisruptionBudget bloque sans doute l'éviction (kubectl get pdb) : il faut que d'autres Pods soient prêts ailleurs, ou relâcher le budget.`,
    );
  } else {
    context.out.hint(failureHint(result.errors));
  }
}

export const DRAIN: Command = {
  summary: 'Drain node in preparation for maintenance',
  flags: [
    SELECTOR, DRY_RUN_FLAG, { name: 'ignore-daemonsets', type: 'bool' }, { name: 'delete-emptydir-data', type: 'bool' }, { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int' }, { name: 'timeout', type: 'duration' }, { name: 'disable-eviction', type: 'bool' },
  ],
  run(context) {
    const dryRun = dryRunOf(context);
    const names = nodeNames(context, 'drain');
    const options: DrainOptions = {
      ignoreDaemonSets: context.flags.bool('ignore-daemonsets'),
      deleteEmptyDirData: context.flags.bool('delete-emptydir-data'),
      force: context.flags.bool('force'),
      timeoutMs: context.flags.int('timeout', 0),
      disableEviction: context.flags.bool('disable-eviction'),
      gracePeriodSeconds: context.flags.int('grace-period', -1),
    };
    const advance = (ms: number): void => void context.cluster.advance(ms);
    if (dryRun !== 'none') {
      const remove = (namespace: string, name: string, gracePeriodSeconds?: number): void =>
        void context.cluster.store.delete(PODS, namespace, name, { dryRun: true, ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }) });
      report(context, drainDryRun(context.cluster.store, names, dryRun, options, { evict: evictAs(context, true), remove, advance }));
      return;
    }
    report(context, drain(context.cluster.store, names, options, { advance, evict: evictAs(context) }));
  },
};
