/**
 * `kubectl rollout status|history|undo|restart|pause|resume` for Deployments (kubectl
 * v1.30's cmd/rollout). The operations are the Deployment controller's package
 * (controllers/deployment/rollout.ts); this file parses the arguments and prints as
 * kubectl does. `rollout status` watches: it lets simulated time pass until the rollout
 * is done (or `--timeout`), printing each new state, like kubectl's watch loop.
 */
import { nameOf, namespaceOf } from '../fields';
import { rolloutHistory, rolloutHistoryDetail, rolloutPause, rolloutRestart, rolloutResume, rolloutStatus, rolloutUndo } from '../../controllers/deployment/rollout';
import { describePodTemplate } from '../describe/containers';
import { DescribeWriter } from '../describe/writer';
import { DESCRIBE_TABWRITER, alignTabs } from '../tabwriter';
import type { Command, CommandContext, CommandGroup } from './context';
import { KubectlError, throwAll } from './errors';
import { FILENAME_FLAGS, SELECTOR_FLAG, fetch, requestsFromFiles } from './get';
import type { FlagSpec } from './parse';
import { parseResourceArgs } from './resources';
import { kindWithGroup } from '../results';

type Target = { name: string; namespace: string; ref: string };

/** The objects named (TYPE NAME, TYPE/NAME, -f, -l), each checked to be a Deployment. */
function targets(context: CommandContext, verb: string, noun: string): { found: Target[]; errors: unknown[] } {
  const { flags, args } = context;
  const errors: unknown[] = [];
  const requests = flags.list('filename').length > 0 ? requestsFromFiles(context, errors) : parseResourceArgs(args, `rollout ${verb}`).requests;
  if (requests.length === 0) throw new KubectlError('required resource not specified', `Dis quel déploiement : « kubectl rollout ${verb} deployment/web ».`);
  if (requests.every((request) => request.names.length === 0) && flags.string('selector') === '') {
    throw new KubectlError('resource(s) were provided, but no name was specified', `Donne un nom : « kubectl rollout ${verb} deployment/web ».`);
  }
  const out: Target[] = [];
  for (const { info, objects } of fetch(context, requests, context.namespace, errors)) {
    for (const object of objects) {
      const name = nameOf(object);
      if (info.kind !== 'Deployment') {
        const simulatedLater = info.kind === 'DaemonSet' || info.kind === 'StatefulSet';
        errors.push(
          new KubectlError(
            simulatedLater ? `no ${noun} has been implemented for ${JSON.stringify(info.kind)} in the simulated cluster` : `no ${noun} has been implemented for ${JSON.stringify(info.kind)}`,
            simulatedLater ? `Le cluster simulé ne gère les rollouts que des Deployments pour l'instant.` : `kubectl rollout ne s'applique qu'aux Deployments, DaemonSets et StatefulSets.`,
          ),
        );
        continue;
      }
      out.push({ name, namespace: namespaceOf(object), ref: `${kindWithGroup(info)}/${name}` });
    }
  }
  if (out.length === 0) throwAll(errors);
  return { found: out, errors };
}

const RESOURCE_FLAGS: readonly FlagSpec[] = [...FILENAME_FLAGS, SELECTOR_FLAG];

const HISTORY: Command = {
  summary: 'View rollout history',
  flags: [...RESOURCE_FLAGS, { name: 'revision', type: 'int' }, { name: 'output', short: 'o', type: 'string' }],
  run(context) {
    const revision = context.flags.int('revision', 0);
    const { found, errors } = targets(context, 'history', 'history viewer');
    for (const { name, namespace, ref } of found) {
      if (revision > 0) {
        const template = rolloutHistoryDetail(context.cluster.store, namespace, name, revision);
        const w = new DescribeWriter();
        describePodTemplate(w, template);
        context.out.out(`${ref} with revision #${revision}\n${w.toString()}\n`);
        continue;
      }
      const history = rolloutHistory(context.cluster.store, namespace, name);
      // Mirrors the name printer with the history as its "operation": `deployment.apps/web ` then the table.
      const table = history.length === 0 ? 'No rollout history found.' : alignTabs(['REVISION\tCHANGE-CAUSE\n', ...history.map((entry) => `${entry.revision}\t${entry.changeCause ?? '<none>'}\n`)].join(''), DESCRIBE_TABWRITER);
      context.out.out(`${ref} \n${table}\n`);
    }
    throwAll(errors);
  },
};

const UNDO: Command = {
  summary: 'Undo a previous rollout',
  flags: [...RESOURCE_FLAGS, { name: 'to-revision', type: 'int' }, { name: 'dry-run', type: 'string', optional: 'unchanged' }],
  run(context) {
    const { found, errors } = targets(context, 'undo', 'rollbacker');
    for (const { name, namespace, ref } of found) {
      const result = rolloutUndo(context.cluster.store, namespace, name, context.flags.int('to-revision', 0));
      context.out.out(`${ref} ${result.message}\n`);
    }
    throwAll(errors);
  },
};

function simpleVerb(verb: string, done: string, act: (context: CommandContext, namespace: string, name: string) => void): Command {
  return {
    summary: `${verb} a resource`,
    flags: RESOURCE_FLAGS,
    run(context) {
      const { found, errors } = targets(context, verb, verb === 'restart' ? 'restarter' : verb === 'pause' ? 'pauser' : 'resumer');
      for (const { name, namespace, ref } of found) {
        act(context, namespace, name);
        context.out.out(`${ref} ${done}\n`);
      }
      throwAll(errors);
    },
  };
}

/** Simulated time `rollout status` waits at most when no --timeout is given. */
const STATUS_WAIT_MS = 15 * 60_000;
const STATUS_STEP_MS = 1_000;

const STATUS: Command = {
  summary: 'Show the status of the rollout',
  flags: [...RESOURCE_FLAGS, { name: 'watch', short: 'w', type: 'bool' }, { name: 'timeout', type: 'duration' }, { name: 'revision', type: 'int' }],
  run(context) {
    const { cluster, flags, out } = context;
    const watch = flags.bool('watch', true);
    const timeout = flags.has('timeout') && flags.int('timeout', 0) > 0 ? flags.int('timeout', 0) : STATUS_WAIT_MS;
    const { found, errors } = targets(context, 'status', 'status viewer');
    for (const { name, namespace } of found) {
      const deadline = cluster.clock.now() + timeout;
      let last = '';
      for (;;) {
        const status = rolloutStatus(cluster.store, namespace, name, flags.int('revision', 0));
        if (status.message !== last) out.out(`${status.message}\n`);
        last = status.message;
        if (status.done || !watch) break;
        if (cluster.clock.now() >= deadline) throw new KubectlError('timed out waiting for the condition', `Le déploiement n'a pas fini dans le temps donné : regarde les Pods (kubectl get pods, kubectl describe pod) pour savoir ce qui bloque.`);
        cluster.advance(Math.min(STATUS_STEP_MS, deadline - cluster.clock.now()));
      }
    }
    throwAll(errors);
  },
};

export const ROLLOUT: CommandGroup = {
  summary: 'Manage the rollout of a resource',
  help:
    'Manage the rollout of one or many resources.\n\n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets\n\n' +
    'Available Commands:\n  history       View rollout history\n  pause         Mark the provided resource as paused\n  restart       Restart a resource\n' +
    '  resume        Resume a paused resource\n  status        Show the status of the rollout\n  undo          Undo a previous rollout\n\n' +
    'Usage:\n  kubectl rollout SUBCOMMAND [options]\n\nUse "kubectl rollout <command> --help" for more information about a given command.\n',
  subcommands: {
    history: HISTORY,
    pause: simpleVerb('pause', 'paused', (c, ns, name) => rolloutPause(c.cluster.store, ns, name)),
    restart: simpleVerb('restart', 'restarted', (c, ns, name) => rolloutRestart(c.cluster.store, ns, name, c.now)),
    resume: simpleVerb('resume', 'resumed', (c, ns, name) => rolloutResume(c.cluster.store, ns, name)),
    status: STATUS,
    undo: UNDO,
  },
};

