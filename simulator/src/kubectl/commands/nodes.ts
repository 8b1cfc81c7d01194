/**
 * `kubectl cordon`, `uncordon` and `drain` (the node operations live with the scheduler,
 * scheduler/nodeops.ts); here their arguments and kubectl's usage errors.
 */
import { nameOf } from '../fields';
import { kindInfo } from '../../api/catalog';
import { cordon, drain, uncordon, type CordonResult } from '../../scheduler/nodeops';
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

export const DRAIN: Command = {
  summary: 'Drain node in preparation for maintenance',
  flags: [SELECTOR, DRY_RUN, { name: 'ignore-daemonsets', type: 'bool' }, { name: 'delete-emptydir-data', type: 'bool' }, { name: 'force', type: 'bool' }, { name: 'grace-period', type: 'int' }, { name: 'timeout', type: 'duration' }],
  run(context) {
    for (const name of nodeNames(context, 'drain')) {
      const result = drain(context.cluster.store, name, {
        ignoreDaemonSets: context.flags.bool('ignore-daemonsets'),
        deleteEmptyDirData: context.flags.bool('delete-emptydir-data'),
        force: context.flags.bool('force'),
      });
      for (const line of result.output) context.out.out(`${line}\n`);
      for (const line of result.errors) context.out.err(`${line}\n`);
      if (!result.drained) {
        context.out.exitCode = 1;
        context.out.hint("Certains Pods ne peuvent pas partir tels quels : lis la raison ci-dessus (--ignore-daemonsets, --delete-emptydir-data ou --force selon le cas).");
      }
    }
  },
};
