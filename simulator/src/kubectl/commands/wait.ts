/**
 * `kubectl wait (TYPE/NAME... | TYPE -l SEL | TYPE --all | -f FILE) --for=delete|
 * condition=C[=V]|jsonpath=EXPR[=V] [--timeout=30s]` (kubectl v1.30's wait.go). The
 * simulator has no timers: waiting is letting simulated time pass, from one controller
 * deadline to the next (the instant something can change), until the condition holds or
 * the timeout is spent; the real kubectl's watch would see the change at that very
 * instant. Each object in turn prints `deployment.apps/web condition met` (for
 * `--for=delete` too); errors are gathered and printed after, as the real kubectl (v1.35
 * binary) does: `timed out waiting for the condition on deployments/web`,
 * `deployments.apps "x" not found`. An object already gone is skipped by `--for=delete`.
 */
import type { KindInfo } from '../../api/catalog';
import { notFound } from '../../api/errors';
import type { KubeObject } from '../../store/store';
import { nameOf } from '../fields';
import { printObject } from '../output';
import { kindWithGroup } from '../results';
import type { Command, CommandContext, ResourceRequest } from './context';
import { KubectlError, throwAll } from './errors';
import { FILENAME_FLAGS, OUTPUT_FLAG, SELECTOR_FLAG, fetch, requestsFromFiles } from './get';
import type { FlagSpec } from './parse';
import { parseResourceArgs } from './resources';
import { waitTarget, type ObjectCheck } from './waitFor';

const FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  SELECTOR_FLAG,
  OUTPUT_FLAG,
  { name: 'for', type: 'string' },
  { name: 'timeout', type: 'duration' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'field-selector', type: 'string' },
  { name: 'local', type: 'bool' },
];

/** The default --timeout, and what a negative one means (168h). */
const DEFAULT_TIMEOUT_MS = 30_000;
const WEEK_MS = 168 * 3_600_000;

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

interface Target {
  info: KindInfo;
  namespace: string;
  name: string;
}

/**
 * Lets simulated time pass until `done()` or `deadline`: the ready work first, then a jump
 * to the next controller deadline (nothing changes in between), never past `deadline`.
 */
export function passTimeUntil(context: CommandContext, deadline: number, done: () => boolean): boolean {
  const { cluster } = context;
  for (;;) {
    if (done()) return true;
    const now = cluster.clock.now();
    if (now >= deadline) return false;
    cluster.advance(0);
    if (done()) return true;
    const due = cluster.runtime.nextDue();
    cluster.advance(Math.min(deadline - now, Math.max(1, (due ?? deadline) - now)));
  }
}

/** The objects the arguments name, in kubectl's visiting order (lists are read once, at the start). */
function targetsOf(context: CommandContext, errors: unknown[]): Target[] {
  const { flags, args } = context;
  const all = flags.bool('all');
  const selector = flags.string('selector');
  let requests: ResourceRequest[];
  if (flags.list('filename').length > 0) {
    requests = requestsFromFiles(context, errors);
  } else {
    if (args.length === 0) throw new KubectlError(NO_RESOURCES, 'Dis quoi attendre : « kubectl wait --for=condition=Available deployment/web » ou « kubectl wait --for=condition=Ready pod -l app=web ».');
    requests = parseResourceArgs(args, 'wait').requests;
    const named = requests.some((request) => request.names.length > 0);
    if (!named && !all && selector === '' && flags.string('field-selector') === '') {
      throw new KubectlError('resource(s) were provided, but no name was specified', `Donne un nom (${args[0]}/NOM), un sélecteur (-l app=web) ou --all.`);
    }
  }
  const namespace = flags.bool('all-namespaces') ? '' : context.namespace;
  const targets: Target[] = [];
  for (const { info, names } of requests) {
    const ns = info.namespaced ? namespace : '';
    if (names.length > 0) {
      for (const name of names) targets.push({ info, namespace: ns, name });
      continue;
    }
    for (const found of fetch(context, [{ info, names: [] }], ns, errors)) {
      for (const object of found.objects) targets.push({ info, namespace: info.namespaced ? String((object.metadata as { namespace?: string }).namespace ?? '') : '', name: nameOf(object) });
    }
  }
  return targets;
}

const timedOut = (target: Target): KubectlError =>
  new KubectlError(
    `timed out waiting for the condition on ${target.info.resource}/${target.name}`,
    `Le délai (--timeout, 30s par défaut) est passé avant que la condition soit remplie : regarde « kubectl describe ${target.info.resource}/${target.name} » (événements, conditions) ou allonge --timeout.`,
  );

const notMet = (target: Target): KubectlError =>
  new KubectlError(`condition not met for ${target.info.resource}/${target.name}`, 'Avec --timeout=0, kubectl regarde une seule fois : la condition n’est pas remplie maintenant.');

/** Waits for one object; returns the object to print, or throws what kubectl reports for it. */
function waitOne(context: CommandContext, target: Target, check: ObjectCheck | undefined, deadline: number, once: boolean): KubeObject | undefined {
  const store = context.cluster.store;
  const current = (): KubeObject | undefined => store.find(target.info, target.namespace, target.name);
  const first = current();
  if (!first) {
    // Mirrors RunWait: --for=delete ignores NotFound (the object is skipped, nothing printed).
    if (!check) return undefined;
    throw notFound(target.info, target.name);
  }
  if (!check) {
    if (once) throw notMet(target);
    if (!passTimeUntil(context, deadline, () => current() === undefined)) throw timedOut(target);
    return first;
  }
  let last = first;
  const met = (): boolean => {
    const object = current();
    // A watch that sees the object go keeps waiting (isConditionMet returns false on Deleted).
    if (!object) return false;
    last = object;
    return check(object);
  };
  if (once) {
    if (!met()) throw notMet(target);
    return last;
  }
  if (!passTimeUntil(context, deadline, met)) throw timedOut(target);
  return last;
}

function runWait(context: CommandContext): void {
  const { flags, out } = context;
  const target = waitTarget(flags.string('for'));
  const output = flags.string('output');
  if (output !== '' && output !== 'name' && output !== 'yaml' && output !== 'json') {
    throw new KubectlError(`output format ${JSON.stringify(output)} is not supported by the simulated cluster`, 'Le cluster simulé imprime ici -o name, -o yaml ou -o json.');
  }
  const timeout = flags.int('timeout', DEFAULT_TIMEOUT_MS);
  const effective = timeout < 0 ? WEEK_MS : timeout;
  const deadline = context.cluster.clock.now() + effective;
  const errors: unknown[] = [];
  const targets = targetsOf(context, errors);
  const check = target.kind === 'check' ? target.check : undefined;
  let visited = 0;
  for (const item of targets) {
    try {
      const object = waitOne(context, item, check, deadline, effective === 0);
      if (!object) continue;
      visited++;
      if (output === 'yaml' || output === 'json') out.out(printObject(object, output));
      else out.out(`${kindWithGroup(item.info)}/${item.name}${output === 'name' ? '' : ' condition met'}\n`);
    } catch (error) {
      visited++;
      errors.push(error);
    }
  }
  if (visited === 0 && errors.length === 0 && target.kind !== 'delete') {
    throw new KubectlError('no matching resources found', 'Aucun objet ne correspond : vérifie le type, le sélecteur (-l) et le namespace (-n).');
  }
  throwAll(errors);
}

export const WAIT: Command = { summary: 'Experimental: Wait for a specific condition on one or many resources', flags: FLAGS, run: runWait };
