/**
 * `kubectl scale TYPE NAME --replicas=N` (or `TYPE/NAME`, `-f`, `-l`): sets spec.replicas
 * through the scale subresource of Deployments, ReplicaSets, StatefulSets and
 * ReplicationControllers, and prints `deployment.apps/web scaled` (kubectl v1.30's
 * scale.go), with its `--current-replicas` precondition.
 */
import { nameOf, namespaceOf } from '../fields';
import type { Command, CommandContext, ResourceRequest } from './context';
import { KubectlError, throwAll } from './errors';
import { FILENAME_FLAGS, SELECTOR_FLAG, fetch, requestsFromFiles } from './get';
import type { FlagSpec } from './parse';
import { parseResourceArgs } from './resources';
import { kindWithGroup } from '../results';
import { dryRunOf, dryRunSuffix, DRY_RUN_FLAG } from './apply';

const FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  SELECTOR_FLAG,
  DRY_RUN_FLAG,
  { name: 'replicas', type: 'int' },
  { name: 'current-replicas', type: 'int' },
  { name: 'all', type: 'bool' },
  { name: 'resource-version', type: 'string' },
  { name: 'timeout', type: 'duration' },
  { name: 'output', short: 'o', type: 'string' },
];

/** The kinds with a `scale` subresource among those the simulator serves. */
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

function runScale(context: CommandContext): void {
  const { flags, args, out } = context;
  if (!flags.has('replicas')) throw new KubectlError('required flag(s) "replicas" not set', 'Dis combien de réplicas tu veux : « kubectl scale deployment web --replicas=3 ».');
  const replicas = flags.int('replicas', -1);
  const errors: unknown[] = [];
  let requests: ResourceRequest[];
  if (flags.list('filename').length > 0) requests = requestsFromFiles(context, errors);
  else if (args.length > 0) requests = parseResourceArgs(args, 'scale').requests;
  else throw new KubectlError(NO_RESOURCES, 'Dis à kubectl quoi mettre à l’échelle : « kubectl scale deployment web --replicas=3 ».');
  if (replicas < 0) {
    throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0', 'Le nombre de réplicas est un entier positif ou nul (0 arrête tous les Pods sans supprimer le Deployment).');
  }
  const named = requests.some((request) => request.names.length > 0);
  if (!named && !flags.bool('all') && flags.string('selector') === '') {
    throw new KubectlError('resource(s) were provided, but no name was specified', `Donne un nom : « kubectl scale ${args[0] ?? 'deployment'} NOM --replicas=${replicas} ».`);
  }
  const dryRun = dryRunOf(context);
  const current = flags.int('current-replicas', -1);
  for (const { info, objects } of fetch(context, requests, context.namespace, errors)) {
    for (const object of objects) {
      const name = nameOf(object);
      if (!SCALABLE.has(info.kind)) {
        errors.push(new KubectlError(`${kindWithGroup(info)}/${name} is not scalable`, `Seuls les Deployments, ReplicaSets, StatefulSets et ReplicationControllers ont un nombre de réplicas.`));
        continue;
      }
      const spec = (object.spec ?? {}) as Record<string, unknown>;
      const actual = typeof spec.replicas === 'number' ? spec.replicas : 1;
      if (current >= 0 && current !== actual) {
        // Mirrors PreconditionError: `Expected replicas to be 2, was 3`.
        errors.push(new KubectlError(`Expected replicas to be ${current}, was ${actual}`, `--current-replicas=${current} ne correspond pas : ${name} a ${actual} réplica(s) en ce moment.`));
        continue;
      }
      try {
        if (dryRun !== 'client') context.cluster.store.patch(info, namespaceOf(object), name, { spec: { replicas } }, { dryRun: dryRun === 'server' });
        out.out(flags.string('output') === 'name' ? `${kindWithGroup(info)}/${name}\n` : `${kindWithGroup(info)}/${name} scaled${dryRunSuffix(dryRun)}\n`);
      } catch (error) {
        errors.push(error);
      }
    }
  }
  throwAll(errors);
}

export const SCALE: Command = { summary: 'Set a new size for a deployment, replica set, or replication controller', flags: FLAGS, run: runScale };
