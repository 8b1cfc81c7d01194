/**
 * `kubectl cordon`, `uncordon` and `drain` (the node operations live with the scheduler,
 * scheduler/nodeops.ts); here their arguments, kubectl's usage errors, and the simulated
 * time drain lets pass while it retries evictions and waits for the Pods to be gone.
 */
import { nameOf } from '../fields';
import { kindInfo } from '../../api/catalog';
import { cordon, drain, uncordon, UNBOUNDED_DRAIN_MS, type CordonResult } from '../../scheduler/nodeops';
import { evictPod } from '../../admission/eviction';
import { authorize } from '../../rbac/authorizer';
import { forbidden } from '../../rbac/messages';
import { serverStore } from './authorization';
import type { ObjectStore } from '../../store/store';
import type { Command, CommandContext } from './context';
import { throwAll, UsageError } from './errors';
import type { FlagSpec } from './parse';

const NODES = kindInfo('v1', 'Node')!;
const SELECTOR: FlagSpec = { name: 'selector', short: 'l', type: 'string' };
const DRY_RUN: FlagSpec = { name: 'dry-run', type: 'string', optional: 'unchanged' };

/** The node names: the arguments, or the nodes `-l` selects. */
function nodeNames(context: CommandContext, verb: string): string[] {
  const selector = context.flags.string('selector');
  if (context.args.length === 0 && selector === '') throw new UsageError(`USAGE: ${verb} NODE [flags]`, `Donne le nom du nœud : « kubectl ${verb} worker-1 » (kubectl get nodes les liste).`);
  if (selector === '') return context.args;
  const nodes = context.cluster.store.list(NODES, { labelSelector: selector });
  return nodes.map((node) => nameOf(node));
}

function cordonCommand(verb: 'cordon' | 'uncordon', act: (store: ObjectStore, name: string) => CordonResult): Command {
  return {
    summary: verb === 'cordon' ? 'Mark node as unschedulable' : 'Mark node as schedulable',
    flags: [SELECTOR, DRY_RUN],
    run(context) {
      const errors: unknown[] = [];
      for (const name of nodeNames(context, verb)) {
        try {
          context.out.out(`${act(context.cluster.store, name).message}\n`);
        } catch (error) {
          errors.push(error);
        }
      }
      throwAll(errors);
    },
  };
}

export const CORDON = cordonCommand('cordon', cordon);
export const UNCORDON = cordonCommand('uncordon', uncordon);

/**
 * The Eviction request as the user may make it: `create pods/eviction` is authorized, then
 * the API server evicts with its own rights (it reads and updates the budget itself).
 */
function evictAs(context: CommandContext): (namespace: string, name: string, gracePeriodSeconds?: number) => void {
  const store = context.cluster.store;
  const server = serverStore(store);
  return (namespace, name, gracePeriodSeconds) => {
    if (server !== store) {
      const request = { verb: 'create', apiGroup: '', resource: 'pods', subresource: 'eviction', namespace, name };
      const decision = authorize(server, context.user, request);
      if (!decision.allowed) throw forbidden(context.user, request, decision.reason);
    }
    evictPod(server, namespace, name, gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds });
  };
}

export const DRAIN: Command = {
  summary: 'Drain node in preparation for maintenance',
  flags: [
    SELECTOR, DRY_RUN, { name: 'ignore-daemonsets', type: 'bool' }, { name: 'delete-emptydir-data', type: 'bool' }, { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int' }, { name: 'timeout', type: 'duration' }, { name: 'disable-eviction', type: 'bool' },
  ],
  run(context) {
    for (const name of nodeNames(context, 'drain')) {
      const result = drain(
        context.cluster.store,
        name,
        {
          ignoreDaemonSets: context.flags.bool('ignore-daemonsets'),
          deleteEmptyDirData: context.flags.bool('delete-emptydir-data'),
          force: context.flags.bool('force'),
          timeoutMs: context.flags.int('timeout', 0),
          disableEviction: context.flags.bool('disable-eviction'),
          gracePeriodSeconds: context.flags.int('grace-period', -1),
        },
        { advance: (ms) => void context.cluster.advance(ms), evict: evictAs(context) },
      );
      for (const line of result.output) context.out.out(`${line}\n`);
      for (const line of result.errors) context.out.err(`${line}\n`);
      if (result.stopped) {
        context.out.exitCode = 1;
        context.out.hint(
          `Sans --timeout, kubectl drain réessaierait indéfiniment toutes les 5 s : le cluster simulé arrête d'attendre après ${UNBOUNDED_DRAIN_MS / 60_000} minutes. Un PodDisruptionBudget bloque sans doute l'éviction (kubectl get pdb) : il faut que d'autres Pods soient prêts ailleurs, ou relâcher le budget.`,
        );
      } else if (!result.drained) {
        context.out.exitCode = 1;
        const blocked = result.errors.some((line) => line.includes('disruption budget') || line.includes('global timeout'));
        context.out.hint(
          blocked
            ? "Le PodDisruptionBudget n'a pas permis d'évincer tous les Pods dans le délai (--timeout) : regarde ALLOWED DISRUPTIONS avec kubectl get pdb."
            : "Certains Pods ne peuvent pas partir tels quels : lis la raison ci-dessus (--ignore-daemonsets, --delete-emptydir-data ou --force selon le cas).",
        );
      }
    }
  },
};
