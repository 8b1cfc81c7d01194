/**
 * `kubectl taint nodes NAME|--all|-l SEL KEY[=VALUE]:EFFECT... KEY[:EFFECT]-...
 * [--overwrite]` (kubectl taint.go and its taints helpers, ParseTaints and
 * ReorganizeTaints): adds and removes taints on Nodes, and prints `node/NAME tainted`,
 * `untainted` or `modified`. The scheduler and the taint-eviction controller read the
 * taints written here. Texts as the real kubectl prints them (v1.35 binary; no dry-run
 * suffix, as taint.go's printer adds none).
 */
import { kindInfo } from '../../api/catalog';
import { isQualifiedName, isValidLabelValue } from '../../api/validation/rules/formats';
import { deepEqual } from '../../store/json';
import { arr, nameOf, obj, type Json } from '../fields';
import { printObject } from '../output';
import { dryRunOf, DRY_RUN_FLAG } from './apply';
import type { Command, CommandContext } from './context';
import { ErrorList, KubectlError, throwAll, UsageError } from './errors';
import { OUTPUT_FLAG, fetch } from './get';
import type { FlagSpec } from './parse';

const NODES = kindInfo('v1', 'Node')!;

const FLAGS: readonly FlagSpec[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'validate', type: 'string', optional: 'strict' },
  { name: 'field-manager', type: 'string' },
];

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

interface Taint {
  key: string;
  value?: string;
  effect?: string;
}

const SPEC_FR = 'Une souillure (taint) s’écrit clé=valeur:Effet (ou clé:Effet), l’effet étant NoSchedule, PreferNoSchedule ou NoExecute ; clé:Effet- (ou clé-) la retire.';

/** Taint.ToString: `key=value:Effect`, `key:Effect`, `key=value`, `key`. */
function taintText(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}${taint.effect ? `:${taint.effect}` : ''}`;
}

/** Mirrors parseTaint: `key[=value][:effect]`, the key a qualified name, the value a label value. */
function parseTaint(spec: string, removal: boolean): Taint {
  const parts = spec.split(':');
  if (parts.length > 2) throw new UsageError(`invalid taint spec: ${spec}`, SPEC_FR);
  const effect = parts[1];
  if (effect !== undefined && !EFFECTS.includes(effect)) throw new UsageError(`invalid taint effect: ${effect}, unsupported taint effect`, 'L’effet d’une souillure est NoSchedule, PreferNoSchedule ou NoExecute (majuscules comprises).');
  let key = parts[0]!;
  let value: string | undefined;
  // Without an effect, the whole spec is the key (so `foo=bar` fails as a key, as kubectl says).
  if (effect !== undefined || removal) {
    const kv = key.split('=');
    if (kv.length > 2) throw new UsageError(`invalid taint spec: ${spec}`, SPEC_FR);
    [key, value] = [kv[0]!, kv[1]];
    const problems = value === undefined ? [] : isValidLabelValue(value);
    if (problems.length > 0) throw new UsageError(`invalid taint spec: ${spec}, ${problems.join('; ')}`, SPEC_FR);
  }
  const problems = isQualifiedName(key);
  if (problems.length > 0) throw new UsageError(`invalid taint spec: ${spec}, ${problems.join('; ')}`, SPEC_FR);
  if (!removal && effect === undefined) throw new UsageError(`invalid taint spec: ${spec}`, SPEC_FR);
  return { key, ...(value ? { value } : {}), ...(effect ? { effect } : {}) };
}

/** Mirrors ParseTaints: additions and removals (`-` suffix), no duplicate key and effect. */
function parseTaints(specs: readonly string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      remove.push(parseTaint(spec.slice(0, -1), true));
      continue;
    }
    const taint = parseTaint(spec, false);
    if (add.some((other) => other.key === taint.key && other.effect === taint.effect)) {
      // Go's %v of a Taint: {Key Value Effect TimeAdded}.
      throw new UsageError(`duplicated taints with the same key and effect: {${taint.key} ${taint.value ?? ''} ${taint.effect!} <nil>}`, 'La même clé avec le même effet est donnée deux fois.');
    }
    add.push(taint);
  }
  return { add, remove };
}

/** Mirrors ReorganizeTaints: the new taints first, then the old ones they do not replace. */
function reorganize(old: readonly Json[], add: readonly Taint[], remove: readonly Taint[], overwrite: boolean): { operation: string; taints: Json[] } {
  const taints: Json[] = add.map((taint) => ({ ...taint }));
  for (const existing of old) if (!taints.some((taint) => taint.key === existing.key && taint.effect === existing.effect)) taints.push(existing);
  const added = old.length !== taints.length;
  const errors: KubectlError[] = [];
  let deleted = false;
  for (const target of remove) {
    const before = taints.length;
    for (let i = taints.length - 1; i >= 0; i--) if (taints[i]!.key === target.key && (!target.effect || taints[i]!.effect === target.effect)) taints.splice(i, 1);
    deleted = taints.length !== before;
    if (!deleted) errors.push(new KubectlError(`taint ${JSON.stringify(taintText(target))} not found`, 'Cette souillure n’est pas sur le nœud : « kubectl describe node NOM » montre ses Taints.'));
  }
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new ErrorList(errors);
  return { operation: (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted', taints };
}

function runTaint(context: CommandContext): void {
  const { flags, out } = context;
  const resources: string[] = [];
  const specs: string[] = [];
  for (const arg of context.args) {
    const isTaint = arg.includes('=') || arg.includes(':') || arg.endsWith('-');
    if (isTaint) specs.push(arg);
    else if (specs.length > 0) throw new KubectlError(`all resources must be specified before taint changes: ${arg}`, 'Écris d’abord le nœud, puis les souillures : « kubectl taint nodes worker-1 clé=valeur:NoSchedule ».');
    else resources.push(arg);
  }
  if (resources.length < 1) throw new KubectlError('one or more resources must be specified as <resource> <name>', 'Par exemple : « kubectl taint nodes worker-1 dedie=gpu:NoSchedule ».');
  if (specs.length < 1) throw new KubectlError('at least one taint update is required', 'Indique la souillure : clé=valeur:Effet pour l’ajouter, clé:Effet- pour la retirer.');
  const { add, remove } = parseTaints(specs);
  const type = resources[0]!.toLowerCase();
  if (type !== 'node' && type !== 'nodes' && type !== 'no') throw new KubectlError(`invalid resource type ${resources[0]!}, only node types are supported`, 'Seuls les nœuds (nodes) portent des souillures ; les Pods, eux, ont des tolérances.');
  const conflicts = add.filter((a) => remove.some((r) => r.key === a.key && (!r.effect || r.effect === a.effect))).map((a) => `${a.key}=${remove.find((r) => r.key === a.key)!.effect ?? ''}`);
  if (conflicts.length > 0) throw new KubectlError(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`, 'Une même souillure ne peut pas être ajoutée et retirée dans la même commande.');
  const all = flags.bool('all');
  const selector = flags.string('selector');
  if (all && selector !== '') throw new KubectlError("setting 'all' parameter with a non empty selector is prohibited.", 'Choisis --all ou -l, pas les deux.');
  if (!all && selector === '' && resources.length < 2) throw new KubectlError("at least one resource name must be specified since 'all' parameter is not set", 'Nomme le nœud (kubectl get nodes les liste), ou utilise --all.');
  const dryRun = dryRunOf(context);
  const errors: unknown[] = [];
  const names = all || selector !== '' ? [] : resources.slice(1);
  for (const { objects } of fetch(context, [{ info: NODES, names }], '', errors)) {
    for (const node of objects) {
      try {
        const old = arr(obj(node.spec).taints);
        if (!flags.bool('overwrite')) {
          const existing = add.flatMap((taint) => old.filter((o) => o.key === taint.key && o.effect === taint.effect).map(() => taint.key));
          if (existing.length > 0) throw new KubectlError(`node ${nameOf(node)} already has ${existing.join(',')} taint(s) with same effect(s) and --overwrite is false`, 'Cette clé a déjà une souillure avec cet effet : ajoute --overwrite pour la remplacer.');
        }
        const { operation, taints } = reorganize(old, add, remove, flags.bool('overwrite'));
        let result: Json = { ...node, spec: { ...obj(node.spec), taints } };
        if (dryRun !== 'client' && !deepEqual(old, taints)) {
          result = context.cluster.store.patch(NODES, '', nameOf(node), { spec: { taints: taints.length > 0 ? taints : null } }, { dryRun: dryRun === 'server' });
        }
        const output = flags.string('output');
        if (output === 'yaml' || output === 'json' || output === 'name') out.out(printObject(result, output));
        else out.out(`node/${nameOf(node)} ${operation}\n`);
      } catch (error) {
        errors.push(error);
      }
    }
  }
  throwAll(errors);
}

export const TAINT: Command = { summary: 'Update the taints on one or more nodes', flags: FLAGS, run: runTaint };
