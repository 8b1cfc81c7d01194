/**
 * `kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS
 * [--cpu-percent=CPU] [--name NAME]` (pkg/cmd/autoscale): checks --max and --min first,
 * then, for each Deployment, ReplicaSet, StatefulSet or ReplicationController named,
 * creates an autoscaling/v2 HorizontalPodAutoscaler named like it (controllers/hpa/autoscale.ts
 * builds it) and prints `horizontalpodautoscaler.autoscaling/web autoscaled`. A kind
 * without a scale subresource is refused as kubectl refuses it.
 */
import { kindInfo } from '../../api/catalog';
import { autoscaleError, autoscaleObject } from '../../controllers/hpa';
import { nameOf, namespaceOf } from '../fields';
import { printObject } from '../output';
import { resultLine } from '../results';
import { dryRunOf, DRY_RUN_FLAG } from './apply';
import type { Command, CommandContext, ResourceRequest } from './context';
import { KubectlError, throwAll } from './errors';
import { FILENAME_FLAGS, OUTPUT_FLAG, fetch, requestsFromFiles } from './get';
import type { FlagSpec } from './parse';
import { parseResourceArgs } from './resources';

const HPAS = kindInfo('autoscaling/v2', 'HorizontalPodAutoscaler')!;

const FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: 'min', type: 'int' },
  { name: 'max', type: 'int' },
  { name: 'cpu-percent', type: 'int' },
  { name: 'name', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'record', type: 'bool' },
  { name: 'field-manager', type: 'string' },
];

/** The kinds the discovery scale resolver finds a scale subresource for. */
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

function runAutoscale(context: CommandContext): void {
  const { flags, args, out } = context;
  // cobra's MarkFlagRequired, before anything else.
  if (!flags.has('max')) throw new KubectlError('required flag(s) "max" not set', 'Dis jusqu’où monter : « kubectl autoscale deployment web --min=2 --max=10 --cpu-percent=80 ».');
  const max = flags.int('max', -1);
  const min = flags.int('min', -1);
  // Mirrors AutoscaleOptions.Validate, before any request.
  const invalid = autoscaleError({ target: { apiVersion: '', kind: '', name: '' }, max, min });
  if (invalid) throw new KubectlError(invalid, '--max (obligatoire, au moins 1) fixe le nombre maximal de réplicas ; --min, s’il est donné, ne peut pas le dépasser.');
  const errors: unknown[] = [];
  let requests: ResourceRequest[];
  if (flags.list('filename').length > 0) requests = requestsFromFiles(context, errors);
  else if (args.length > 0) requests = parseResourceArgs(args, 'autoscale').requests;
  else throw new KubectlError(NO_RESOURCES, 'Dis à kubectl quoi mettre à l’échelle automatiquement : « kubectl autoscale deployment web --min=2 --max=10 --cpu-percent=80 ».');
  if (!requests.some((request) => request.names.length > 0) && flags.list('filename').length === 0) {
    throw new KubectlError('resource(s) were provided, but no name was specified', `Donne un nom : « kubectl autoscale ${args[0] ?? 'deployment'} NOM --max=10 ».`);
  }
  const dryRun = dryRunOf(context);
  const output = flags.string('output');
  let count = 0;
  for (const { info, objects } of fetch(context, requests, context.namespace, errors)) {
    for (const object of objects) {
      if (!SCALABLE.has(info.kind)) {
        const resource = `${info.group}/${info.version}, Resource=${info.resource}`;
        errors.push(new KubectlError(`cannot autoscale a ${info.kind}: could not find scale subresource for ${resource} in discovery information`, `Seuls les Deployments, ReplicaSets, StatefulSets et ReplicationControllers ont un nombre de réplicas qu'un HorizontalPodAutoscaler peut régler.`));
        continue;
      }
      const target = { apiVersion: info.apiVersion, kind: info.kind, name: nameOf(object) };
      const hpa = autoscaleObject({ target, max, min, cpuPercent: flags.int('cpu-percent', -1), name: flags.string('name') });
      try {
        let shown = hpa;
        if (dryRun !== 'client') {
          (hpa.metadata as Record<string, unknown>).namespace = namespaceOf(object) || context.namespace;
          shown = context.cluster.store.create(hpa, { dryRun: dryRun === 'server' });
        }
        count++;
        if (output === 'yaml' || output === 'json' || output === 'name') out.out(printObject(shown, output));
        else out.out(resultLine(HPAS, nameOf(shown), dryRun === 'client' ? 'created' : 'autoscaled', dryRun === 'none' ? undefined : dryRun));
      } catch (error) {
        errors.push(error);
      }
    }
  }
  if (count === 0 && errors.length === 0) errors.push(new KubectlError('no objects passed to autoscale'));
  throwAll(errors);
}

export const AUTOSCALE: Command = { summary: 'Auto-scale a deployment, replica set, stateful set, or replication controller', flags: FLAGS, run: runAutoscale };
