/**
 * `kubectl label` and `kubectl annotate` (kubectl v1.30's label.go and annotate.go):
 * `key=value` sets, `key-` removes, an existing key changes only with `--overwrite`;
 * `pod/web labeled` (or `not labeled`, `unlabeled`), `pod/web annotated`.
 */
import { nameOf, namespaceOf } from '../fields';
import { isValidLabelValue } from '../../api/validation/rules/formats';
import { deepEqual, isJsonObject } from '../../store/json';
import type { Command, CommandContext, ResourceRequest } from './context';
import { KubectlError, throwAll } from './errors';
import { FILENAME_FLAGS, SELECTOR_FLAG, fetch, requestsFromFiles } from './get';
import type { FlagSpec } from './parse';
import { parseResourceArgs } from './resources';
import { kindWithGroup } from '../results';

const FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  SELECTOR_FLAG,
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'resource-version', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', optional: 'unchanged' },
];

interface Changes {
  set: [string, string][];
  remove: string[];
}

/** Mirrors GetResourcesAndPairs + parseLabels: `k=v` and `k-` arguments are changes. */
function splitArgs(args: readonly string[], labels: boolean): { resources: string[]; changes: Changes } {
  const resources: string[] = [];
  const changes: Changes = { set: [], remove: [] };
  for (const arg of args) {
    if (arg.includes('=')) {
      const equals = arg.indexOf('=');
      const key = arg.slice(0, equals);
      const value = arg.slice(equals + 1);
      if (labels) {
        if (value.includes('=')) throw new KubectlError(`invalid label spec: ${arg}`, "Une étiquette s'écrit clé=valeur, avec un seul « = ».");
        const problems = isValidLabelValue(value);
        if (problems.length > 0) throw new KubectlError(`invalid label value: ${JSON.stringify(arg)}: ${problems.join(';')}`, "Une valeur d'étiquette : 63 caractères au plus, lettres, chiffres, « - », « _ », « . », commençant et finissant par une lettre ou un chiffre.");
      } else if (key === '') {
        throw new KubectlError(`invalid annotation format: ${arg}`, "Une annotation s'écrit clé=valeur.");
      }
      changes.set.push([key, value]);
    } else if (arg.endsWith('-') && resources.length > 0) {
      changes.remove.push(arg.slice(0, -1));
    } else {
      resources.push(arg);
    }
  }
  return { resources, changes };
}

function run(context: CommandContext, labels: boolean): void {
  const { flags, out } = context;
  const field = labels ? 'labels' : 'annotations';
  const { resources, changes } = splitArgs(context.args, labels);
  const errors: unknown[] = [];
  let requests: ResourceRequest[];
  if (flags.list('filename').length > 0) requests = requestsFromFiles(context, errors);
  else if (resources.length > 0) requests = parseResourceArgs(resources, labels ? 'label' : 'annotate').requests;
  else throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>', `Par exemple : « kubectl ${labels ? 'label pod web env=prod' : 'annotate deployment web note=ok'} ».`);
  if (changes.set.length === 0 && changes.remove.length === 0 && !flags.bool('list')) {
    throw new KubectlError(`at least one ${labels ? 'label' : 'annotation'} update is required`, `Indique quoi changer : clé=valeur pour ajouter, clé- pour retirer.`);
  }
  if (requests.every((request) => request.names.length === 0) && !flags.bool('all') && flags.string('selector') === '') {
    throw new KubectlError('resource(s) were provided, but no name was specified', 'Donne un nom, un sélecteur -l, ou --all.');
  }
  for (const { info, objects } of fetch(context, requests, flags.bool('all-namespaces') ? '' : context.namespace, errors)) {
    for (const object of objects) {
      const meta = object.metadata as Record<string, unknown>;
      const name = nameOf(object);
      const current = isJsonObject(meta[field]) ? (meta[field] as Record<string, string>) : {};
      if (flags.bool('list')) {
        out.out(`Listing ${field} for ${kindWithGroup(info)}/${name}:\n${Object.entries(current).map(([k, v]) => ` ${k}=${v}\n`).join('')}`);
        continue;
      }
      const conflicts = changes.set.filter(([key, value]) => key in current && current[key] !== value).map(([key]) => `'${key}' already has a value (${current[key]})`);
      if (conflicts.length > 0 && !flags.bool('overwrite')) {
        errors.push(
          new KubectlError(
            labels ? `${conflicts[0]}, and --overwrite is false` : `--overwrite is false but found the following declared annotation(s): ${conflicts.join(', ')}`,
            `La clé existe déjà avec une autre valeur : ajoute --overwrite pour la remplacer.`,
          ),
        );
        continue;
      }
      const next: Record<string, string> = { ...current };
      for (const [key, value] of changes.set) next[key] = value;
      for (const key of changes.remove) delete next[key];
      let message = labels ? 'not labeled' : 'annotated';
      if (!deepEqual(next, current)) {
        const patch: Record<string, string | null> = {};
        for (const [key, value] of changes.set) patch[key] = value;
        for (const key of changes.remove) if (key in current) patch[key] = null;
        context.cluster.store.patch(info, namespaceOf(object), name, { metadata: { [field]: patch } });
        // Mirrors updateDataChangeMsg: a smaller object without --overwrite reads "unlabeled".
        if (labels) message = !flags.bool('overwrite') && Object.keys(next).length < Object.keys(current).length ? 'unlabeled' : 'labeled';
      }
      out.out(`${kindWithGroup(info)}/${name} ${message}\n`);
    }
  }
  throwAll(errors);
}

export const LABEL: Command = { summary: 'Update the labels on a resource', flags: FLAGS, run: (context) => run(context, true) };
export const ANNOTATE: Command = { summary: 'Update the annotations on a resource', flags: FLAGS, run: (context) => run(context, false) };
