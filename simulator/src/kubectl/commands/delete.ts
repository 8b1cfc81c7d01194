/**
 * `kubectl delete`: `-f FILE|DIR`, `TYPE NAME...`, `TYPE/NAME`, `TYPE -l SELECTOR`,
 * `TYPE --all`; `deployment.apps "web" deleted` for each (kubectl v1.30's delete.go), the
 * dependents following by the propagation policy (`--cascade`), NotFound errors after.
 */
import { nameOf, namespaceOf } from '../fields';
import type { DeleteOptions, PropagationPolicy } from '../../store/store';
import type { Command, CommandContext, ResourceRequest } from './context';
import { dryRunOf, dryRunSuffix, DRY_RUN_FLAG } from './apply';
import { KubectlError, throwAll } from './errors';
import { FILENAME_FLAGS, OUTPUT_FLAG, SELECTOR_FLAG, fetch, requestsFromFiles } from './get';
import type { FlagSpec } from './parse';
import { parseResourceArgs } from './resources';
import { kindWithGroup } from '../results';

const FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  SELECTOR_FLAG,
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'field-selector', type: 'string' },
  { name: 'grace-period', type: 'int' },
  { name: 'now', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'cascade', type: 'string', optional: 'background' },
  { name: 'wait', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'timeout', type: 'duration' },
];

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** Mirrors GetCascadingStrategy (`--cascade=true|false` are the deprecated spellings). */
function propagationOf(context: CommandContext): PropagationPolicy {
  const cascade = context.flags.string('cascade', 'background');
  switch (cascade) {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
    default:
      throw new KubectlError(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`, '--cascade accepte background (par défaut), foreground ou orphan.');
  }
}

/** Mirrors delete's grace period handling: --now is 1 s, --force with 0 deletes at once. */
function gracePeriodOf(context: CommandContext): number | undefined {
  const { flags } = context;
  let grace = flags.int('grace-period', -1);
  if (flags.bool('now')) {
    if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together', "Choisis --now ou --grace-period, pas les deux.");
    grace = 1;
  }
  if (flags.bool('force') && grace === -1) grace = 0;
  if (grace === 0 && !flags.bool('force')) grace = 1;
  if (grace === 0) {
    context.out.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  }
  return grace >= 0 ? grace : undefined;
}

function runDelete(context: CommandContext): void {
  const { flags, args, out } = context;
  const errors: unknown[] = [];
  const all = flags.bool('all');
  const selector = flags.string('selector');
  if (all && selector !== '') throw new KubectlError("setting 'all' parameter but found a non empty selector. ", 'Choisis --all ou -l, pas les deux.');
  let requests: ResourceRequest[];
  if (flags.list('filename').length > 0) {
    requests = requestsFromFiles(context, errors);
  } else {
    if (args.length === 0) throw new KubectlError(NO_RESOURCES, 'Dis à kubectl quoi supprimer : « kubectl delete deployment web », « kubectl delete -f web.yaml » ou « kubectl delete pods -l app=web ».');
    requests = parseResourceArgs(args, 'delete').requests;
    const named = requests.some((request) => request.names.length > 0);
    if (named && (all || selector !== '')) throw new KubectlError('name cannot be provided when a selector is specified', 'Choisis : des noms, ou -l / --all, mais pas les deux.');
    if (!named && !all && selector === '' && flags.string('field-selector') === '') {
      throw new KubectlError('resource(s) were provided, but no name was specified', `Donne un nom (kubectl delete ${args[0]} NOM), un sélecteur (-l app=web) ou --all pour tout supprimer.`);
    }
  }
  const dryRun = dryRunOf(context);
  const options: DeleteOptions = { propagationPolicy: propagationOf(context), dryRun: dryRun !== 'none' };
  const grace = gracePeriodOf(context);
  if (grace !== undefined) options.gracePeriodSeconds = grace;
  const found = fetch(context, requests, flags.bool('all-namespaces') ? '' : context.namespace, errors);
  let deleted = 0;
  for (const { info, objects } of found) {
    for (const object of objects) {
      const name = nameOf(object);
      try {
        if (dryRun !== 'client') context.cluster.store.delete(info, namespaceOf(object), name, options);
        deleted++;
        if (flags.string('output') === 'name') out.out(`${kindWithGroup(info)}/${name}\n`);
        else out.out(`${kindWithGroup(info)} ${JSON.stringify(name)} deleted${dryRunSuffix(dryRun)}\n`);
      } catch (error) {
        errors.push(error);
      }
    }
  }
  // Mirrors DeleteResult: this one goes to stdout.
  if (deleted === 0 && errors.length === 0) out.out('No resources found\n');
  throwAll(errors);
}

export const DELETE: Command = {
  summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: FLAGS,
  run: runDelete,
};
