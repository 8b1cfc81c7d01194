/**
 * `kubectl logs POD [-c CONTAINER]`, `kubectl logs TYPE/NAME` (one of its pods),
 * `kubectl logs -l SELECTOR` (each matching pod, the last 10 lines by default), with
 * `--previous`, `--tail`, `--since`, `--timestamps`, `--all-containers` and `--prefix`
 * (kubectl v1.30's cmd/logs). The lines themselves are the kubelet's (kubelet/logs.ts),
 * replayed from the Pod's status; `-f` prints what there is and returns.
 */
import { kindInfo, type KindInfo } from '../../api/catalog';
import { notFound } from '../../api/errors';
import { logLines, readerOf } from '../../kubelet/logs';
import { formatLabelSelector } from '../../store/selectors';
import type { KubeObject } from '../../store/store';
import { arr, at, meta, nameOf, obj, str } from '../fields';
import type { Command, CommandContext } from './context';
import { KubectlError, throwAll, UsageError } from './errors';
import type { FlagSpec } from './parse';
import { resolveType } from './resources';

const PODS = kindInfo('v1', 'Pod')!;

const FLAGS: readonly FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'tail', type: 'int' },
  { name: 'since', type: 'duration' },
  { name: 'timestamps', type: 'bool' },
  { name: 'all-containers', type: 'bool' },
  { name: 'prefix', type: 'bool' },
  { name: 'max-log-requests', type: 'int' },
  { name: 'ignore-errors', type: 'bool' },
  { name: 'limit-bytes', type: 'int' },
  { name: 'pod-running-timeout', type: 'duration' },
];

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** podcmd.AllContainerNames: `init (init), web, sidecar`. */
function allContainerNames(pod: KubeObject): string {
  const spec = obj(pod.spec);
  return [...arr(spec.initContainers).map((c) => `${str(c.name)} (init)`), ...arr(spec.containers).map((c) => str(c.name))].join(', ');
}

/** Mirrors podcmd.FindOrDefaultContainerByName: the annotated default, else the first container (said on stderr). */
function defaultContainer(context: CommandContext, pod: KubeObject): string {
  const spec = obj(pod.spec);
  const containers = arr(spec.containers);
  const annotated = str(obj(meta(pod).annotations)['kubectl.kubernetes.io/default-container']);
  if (annotated !== '' && containers.some((c) => str(c.name) === annotated)) return annotated;
  const first = str(containers[0]?.name);
  if (containers.length > 1 || arr(spec.initContainers).length > 0) context.out.err(`Defaulted container ${JSON.stringify(first)} out of: ${allContainerNames(pod)}\n`);
  return first;
}

/** Mirrors podutils.ByLogging: ready, running, scheduled pods first, then the oldest. */
function rank(pod: KubeObject): [number, number, number, string] {
  const status = obj(pod.status);
  const ready = arr(status.conditions).some((c) => str(c.type) === 'Ready' && str(c.status) === 'True') ? 0 : 1;
  const running = str(status.phase) === 'Running' ? 0 : 1;
  return [ready, running, Date.parse(str(meta(pod).creationTimestamp)) || 0, nameOf(pod)];
}

function byLogging(a: KubeObject, b: KubeObject): number {
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return (ra[i] as number) - (rb[i] as number);
  return ra[3] < rb[3] ? -1 : ra[3] > rb[3] ? 1 : 0;
}

/** The pods `TYPE/NAME` stands for: the pod itself, or the pods its selector selects. */
function podsOf(context: CommandContext, info: KindInfo, name: string): KubeObject[] {
  const { store } = context.cluster;
  const object = store.find(info, context.namespace, name);
  if (!object) throw notFound(info, name);
  if (info.kind === 'Pod') return [object];
  const selector = at(object, 'spec.selector');
  if (selector === undefined) throw new KubectlError(`cannot get the logs from ${info.resource}.${info.group}: selector for ${info.resource} not implemented`, 'kubectl logs lit les journaux d’un Pod, ou d’un objet qui a des Pods (Deployment, ReplicaSet, Job...).');
  const labelSelector = info.kind === 'Service' || info.kind === 'ReplicationController' ? formatLabelSelector({ matchLabels: selector }) : formatLabelSelector(selector);
  return store.list(PODS, { namespace: context.namespace, labelSelector }).sort(byLogging);
}

/** `--timestamps`: RFC 3339 with nanoseconds, as the container runtime stamps each line. */
const stamp = (at: number): string => new Date(at).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');

function printPod(context: CommandContext, pod: KubeObject, options: { tail?: number; container?: string }, errors: unknown[]): void {
  const { flags, out } = context;
  const spec = obj(pod.spec);
  const chosen = options.container ?? (flags.string('container') || undefined);
  const containers = flags.bool('all-containers') ? [...arr(spec.initContainers), ...arr(spec.containers)].map((c) => str(c.name)) : [chosen ?? defaultContainer(context, pod)];
  const reader = readerOf(context.cluster.store);
  const since = flags.has('since') ? context.now - flags.int('since', 0) : undefined;
  for (const container of containers) {
    try {
      let lines = logLines(reader, pod, { container, previous: flags.bool('previous'), now: context.now });
      if (since !== undefined) lines = lines.filter((line) => line.at >= since);
      if (options.tail !== undefined && options.tail >= 0) lines = lines.slice(Math.max(0, lines.length - options.tail));
      const prefix = flags.bool('prefix') ? `[pod/${nameOf(pod)}/${container}] ` : '';
      for (const line of lines) out.out(`${prefix}${flags.bool('timestamps') ? `${stamp(line.at)} ` : ''}${line.text}\n`);
    } catch (error) {
      errors.push(error);
    }
  }
}

function runLogs(context: CommandContext): void {
  const { flags, args } = context;
  const selector = flags.string('selector');
  const errors: unknown[] = [];
  if (selector !== '') {
    if (args.length > 0) throw new KubectlError('only a selector (-l) or a POD name is allowed', 'Choisis : un nom de Pod, ou un sélecteur -l, pas les deux.');
    const pods = context.cluster.store.list(PODS, { namespace: context.namespace, labelSelector: selector });
    if (pods.length === 0) {
      context.out.err(`No resources found in ${context.namespace} namespace.\n`);
      return;
    }
    // Mirrors logs.go: with a selector, the default tail is 10 lines.
    for (const pod of pods) printPod(context, pod, { tail: flags.int('tail', 10) }, errors);
    throwAll(errors);
    return;
  }
  if (args.length === 0 || args.length > 2) throw new UsageError(USAGE, 'Donne le nom du Pod : « kubectl logs web-7d4b9-xk2pq » (kubectl get pods les liste), ou « kubectl logs deployment/web ».');
  const [target, container] = args as [string, string | undefined];
  if (container !== undefined) {
    if (flags.string('container') !== '') throw new KubectlError(`only one of -c or an inline [CONTAINER] arg is allowed`, 'Le conteneur se donne une seule fois : « -c nom ».');
  }
  const slash = target.indexOf('/');
  const info = slash >= 0 ? resolveType(target.slice(0, slash)) : PODS;
  const name = slash >= 0 ? target.slice(slash + 1) : target;
  const pods = podsOf(context, info, name);
  if (pods.length === 0) throw new KubectlError(`timed out waiting for the condition`, `Aucun Pod ne correspond à ${target} pour l'instant.`);
  if (pods.length > 1 && info.kind !== 'Pod') context.out.err(`Found ${pods.length} pods, using pod/${nameOf(pods[0]!)}\n`);
  const tail = flags.has('tail') && flags.int('tail', -1) >= 0 ? flags.int('tail', -1) : undefined;
  printPod(context, pods[0]!, { ...(tail === undefined ? {} : { tail }), ...(container === undefined ? {} : { container }) }, errors);
  throwAll(errors);
}

export const LOGS: Command = { summary: 'Print the logs for a container in a pod', flags: FLAGS, run: runLogs };
