/**
 * `kubectl run NAME --image=IMAGE [--port] [--labels] [--env]... [--restart] [--command]
 * [-- ARGS...]` (kubectl v1.30's run.go and generate/versioned/run.go, the Pod
 * generator): creates one Pod labelled `run=NAME` and prints `pod/NAME created`. Attaching
 * (`-i`, `-t`, `--attach`, `--rm`) needs a TTY and a running container's streams, which
 * the simulated cluster does not have: refused before anything is created.
 */
import { kindInfo } from '../../api/catalog';
import type { KubeObject } from '../../store/store';
import { printObject } from '../output';
import { resultLine } from '../results';
import { dryRunOf, DRY_RUN_FLAG } from './apply';
import type { Command, CommandContext } from './context';
import { KubectlError, UsageError } from './errors';
import { OUTPUT_FLAG } from './get';
import type { FlagSpec } from './parse';

const PODS = kindInfo('v1', 'Pod')!;

const FLAGS: readonly FlagSpec[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: 'image', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'env', type: 'stringArray' },
  { name: 'restart', type: 'string' },
  { name: 'command', type: 'bool' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'attach', type: 'bool' },
  { name: 'rm', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'annotations', type: 'stringArray' },
  { name: 'pod-running-timeout', type: 'duration' },
  { name: 'save-config', type: 'bool' },
  { name: 'field-manager', type: 'string' },
];

/** Mirrors generate.ParseLabels: `k=v,k2=v2`, each pair with exactly one `=`. */
function parseLabels(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const parts = pair.split('=');
    if (parts.length !== 2 || parts[0] === '') throw new KubectlError(`unexpected label spec: ${pair}`, 'Les étiquettes s’écrivent clé=valeur, séparées par des virgules : --labels=app=web,tier=front.');
    labels[parts[0]!] = parts[1]!;
  }
  return labels;
}

/** Mirrors parseEnvs: `NAME=value` (the value may hold `=`), NAME a C identifier-like name. */
function parseEnvs(envs: readonly string[]): { name: string; value: string }[] {
  return envs.map((env) => {
    const equals = env.indexOf('=');
    const name = equals < 0 ? '' : env.slice(0, equals);
    if (equals < 0 || !/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) {
      throw new KubectlError(`invalid env: ${env}`, 'Une variable d’environnement s’écrit --env=NOM=valeur (une option --env par variable).');
    }
    return { name, value: env.slice(equals + 1) };
  });
}

/** Mirrors getRestartPolicy: Always by default; anything else than the three is a usage error. */
function restartPolicy(value: string): string {
  if (value === '') return 'Always';
  if (value === 'Always' || value === 'OnFailure' || value === 'Never') return value;
  throw new UsageError(`invalid restart policy: ${value}`, '--restart accepte Always (par défaut), OnFailure ou Never.');
}

/** The Pod the generator builds (keys in the order kubectl's YAML prints them). */
function buildPod(context: CommandContext, name: string, image: string, rest: string[]): KubeObject {
  const { flags } = context;
  const labelSpec = flags.string('labels');
  const labels = labelSpec === '' ? { run: name } : parseLabels(labelSpec);
  const container: Record<string, unknown> = {};
  if (rest.length > 0) container[flags.bool('command') ? 'command' : 'args'] = rest;
  const env = parseEnvs(flags.list('env'));
  if (env.length > 0) container.env = env;
  container.image = image;
  const pullPolicy = flags.string('image-pull-policy');
  if (pullPolicy !== '') container.imagePullPolicy = pullPolicy;
  container.name = name;
  const port = flags.string('port');
  if (port !== '') {
    // The port flag is a string that run.go reads with strconv.Atoi.
    if (!/^[+-]?\d+$/.test(port)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`, 'Le port est un nombre : --port=80.');
    container.ports = [{ containerPort: Number(port) }];
  }
  container.resources = {};
  const annotations: Record<string, string> = {};
  for (const annotation of flags.list('annotations')) {
    const equals = annotation.indexOf('=');
    if (equals <= 0) throw new KubectlError(`invalid annotation format: ${annotation}`, "Une annotation s'écrit clé=valeur.");
    annotations[annotation.slice(0, equals)] = annotation.slice(equals + 1);
  }
  const metadata: Record<string, unknown> = Object.keys(annotations).length > 0 ? { annotations, labels, name } : { labels, name };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restartPolicy(flags.string('restart')) },
    status: {},
  };
}

function runRun(context: CommandContext): void {
  const { flags, args, out } = context;
  // cobra checks the required flag before the command runs.
  const image = flags.string('image');
  if (image === '') throw new KubectlError('required flag(s) "image" not set', 'Il faut une image : « kubectl run web --image=nginx ».');
  if (args.length === 0 || context.argsLenAtDash === 0) throw new UsageError('NAME is required for run', 'Donne un nom au Pod : « kubectl run web --image=nginx ».');
  const attach = flags.bool('stdin') || flags.bool('tty') || flags.bool('attach');
  if (flags.bool('rm') && !attach) throw new UsageError('--rm should only be used for attached containers', '--rm supprime le Pod à la fin de la session : il ne va qu’avec -it (ou --attach).');
  if (attach) {
    throw new KubectlError(
      '"kubectl run" with -i, -t, --attach or --rm is not available in the simulated cluster: there is no terminal attached to its containers',
      'Le cluster simulé n’ouvre pas de session dans un conteneur (pas de TTY ici). Crée le Pod sans -it, puis regarde-le avec « kubectl logs » ou « kubectl exec NOM -- COMMANDE ».',
    );
  }
  const [name, ...rest] = args as [string, ...string[]];
  const dryRun = dryRunOf(context);
  const pod = buildPod(context, name, image, rest);
  const output = flags.string('output');
  let result = pod;
  if (dryRun !== 'client') {
    (pod.metadata as Record<string, unknown>).namespace = context.namespace;
    result = context.cluster.store.create(pod, { dryRun: dryRun === 'server' });
  }
  if (output === 'yaml' || output === 'json' || output === 'name') out.out(printObject(result, output));
  else out.out(resultLine(PODS, name, 'created', dryRun === 'none' ? undefined : dryRun));
}

export const RUN: Command = { summary: 'Run a particular image on the cluster', flags: FLAGS, run: runRun };
