/**
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] [-q] -- COMMAND [ARGS...]`
 * (kubectl v1.30's cmd/exec): the command runs in the simulated container's shell
 * (network/shell) and its output is printed; kubectl ends with the command's exit code
 * (`command terminated with exit code 2` on stderr). Errors are kubectl's, the API
 * server's and the kubelet's own texts: `pods "x" not found`, `cannot exec into a
 * container in a completed pod`, `container x is not valid for pod web`, `unable to
 * upgrade connection: container not found ("web")`, containerd's `OCI runtime exec
 * failed` for a program the image lacks. No input reaches a command here: an interactive
 * shell opens in the editor's kubectl terminal (interactiveExec below).
 */
import type { Cluster } from '../../cluster';
import { authorize, type UserInfo } from '../../rbac/authorizer';
import { forbidden } from '../../rbac/messages';
import { openExec, type ClusterView, type ExecRefusal, type ExecShell } from '../../network/shell/execShell';
import { attachablePod, parseTarget } from '../../network/targets';
import { clusterAs, identityOf, serverStore } from './authorization';
import type { Command, CommandContext } from './context';
import { KubectlError, UsageError } from './errors';
import { Flags, GLOBAL_FLAGS, parseFlags, type FlagSpec } from './parse';

const FLAGS: readonly FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'pod-running-timeout', type: 'duration' },
];

/** A shell that reads its commands from standard input: `sh`, `/bin/bash`, without `-c` or a script. */
const SHELL = /^(\/bin\/|\/usr\/bin\/)?(sh|bash|ash|dash)$/;
const readsInput = (argv: readonly string[]): boolean => SHELL.test(argv[0] ?? '') && argv.slice(1).every((arg) => arg.startsWith('-') && !/^-[a-z]*c/.test(arg));

/** A line kubectl prints as is (`Error from server ...`) or after `error: `. */
function failure(text: string, fr: string): KubectlError {
  return text.startsWith('error: ') ? new KubectlError(text.slice('error: '.length), fr) : new KubectlError(text, fr, true);
}

/** The French line after each refusal. */
function refusalFr(reason: ExecRefusal, pod: string): string {
  switch (reason) {
    case 'pod-not-found':
      return `Le Pod ${pod} n'existe plus : « kubectl get pods » liste ceux qui existent.`;
    case 'completed':
      return 'Ce Pod a fini (ses conteneurs sont arrêtés) : on ne peut exécuter une commande que dans un conteneur qui tourne.';
    case 'invalid-container':
      return `Ce Pod n'a pas de conteneur de ce nom : « kubectl get pod ${pod} -o jsonpath='{.spec.containers[*].name}' » liste les siens.`;
    case 'no-host':
      return `Le Pod n'est encore placé sur aucun nœud (Pending) : « kubectl describe pod ${pod} » dit pourquoi.`;
    case 'not-running':
      return `Ce conteneur ne tourne pas (pas encore démarré, ou arrêté) : « kubectl get pod ${pod} » montre son état.`;
  }
}

interface Request {
  /** The cluster as the user sees it (authorized reads). */
  cluster: Cluster;
  user: UserInfo;
  namespace: string;
  flags: Flags;
  /** The positionals after `exec`, and where `--` was among them. */
  args: readonly string[];
  argsLenAtDash: number;
  /** What the shell reads afterwards: the cluster itself (the container's view needs no permission). */
  session: () => ClusterView;
}

type Opening = { notice: string } & ({ shell: ExecShell; command: string[] } | { error: KubectlError });

/**
 * Complete, Validate and Run of ExecOptions up to the stream: the shell opened and the
 * command, or the error (after the `Defaulted container` notice, when one was chosen).
 */
function open(request: Request): Opening {
  const { args, argsLenAtDash, flags, cluster, namespace } = request;
  const resource = args.length > 0 && argsLenAtDash !== 0 ? args[0] : undefined;
  if (argsLenAtDash === -1 && args.length > 1) {
    throw new UsageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', 'Le nom du Pod, puis « -- », puis la commande : « kubectl exec web -- ls / ».');
  }
  const command = argsLenAtDash > -1 ? args.slice(argsLenAtDash) : [];
  if (resource === undefined) throw new KubectlError('pod, type/name or --filename must be specified', 'Donne le Pod où lancer la commande : « kubectl exec web-7d4b9-xk2pq -- ls / » ou « kubectl exec deploy/web -- ls / ».');
  if (command.length === 0) throw new KubectlError('you must specify at least one command for the container', 'La commande vient après « -- » : « kubectl exec web -- cat /etc/hostname ».');
  const target = parseTarget(resource);
  if (!target.ok) throw failure(target.error, 'Ce type de ressource est inconnu : « pod/NOM », « deploy/NOM » ou « svc/NOM ».');
  const pod = attachablePod(cluster.store, namespace, target.value.info, target.value.name);
  if (!pod.ok) throw failure(pod.error, `Rien à ce nom ici : « kubectl get pods${namespace === 'default' ? '' : ` -n ${namespace}`} » liste les Pods qui existent.`);
  const name = String((pod.value.metadata as { name?: unknown }).name);
  // The API server authorizes the exec subresource: `create` on `pods/exec`.
  const attributes = { verb: 'create', apiGroup: '', resource: 'pods', subresource: 'exec', namespace, name };
  const decision = authorize(serverStore(cluster.store), request.user, attributes);
  if (!decision.allowed) throw forbidden(request.user, attributes, decision.reason);
  const opened = openExec(request.session, { namespace, pod: name, ...(flags.has('container') ? { container: flags.string('container') } : {}), tty: flags.bool('tty'), quiet: flags.bool('quiet') });
  if (!opened.ok) return { notice: opened.notice, error: failure(opened.error, refusalFr(opened.reason, name)) };
  return { notice: opened.notice, shell: opened.shell, command };
}

const sessionOf = (cluster: Cluster): (() => ClusterView) => {
  const view = { store: serverStore(cluster.store), clock: cluster.clock };
  return () => view;
};

function runExec(context: CommandContext): void {
  const { out, flags } = context;
  const opened = open({ ...context, session: sessionOf(context.cluster) });
  out.err(opened.notice);
  if ('error' in opened) throw opened.error;
  const { shell, command } = opened;
  if (flags.bool('stdin') && flags.bool('tty') && !context.terminal && !flags.bool('quiet')) out.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  if (readsInput(command) && shell.canRun(command)) {
    // No standard input here: the shell reads end-of-file and exits.
    out.hint(
      context.terminal
        ? 'Sans -i, le shell ne reçoit pas ce que tu tapes et s’arrête aussitôt : « kubectl exec -it web -- sh » ouvre un shell interactif.'
        : 'Ici, la commande ne reçoit aucune saisie : le shell interactif s’ouvre dans le terminal kubectl de l’Atelier. Sinon, donne la commande après « -- » : « kubectl exec web -- ls / ».',
    );
    return;
  }
  const result = shell.runCommand(command);
  if ('error' in result) throw new KubectlError(result.error, `« ${command[0]} » n'existe pas dans l'image de ce conteneur : les images minimales n'ont souvent ni bash ni curl (essaie sh).`);
  out.out(result.output);
  if (result.code !== 0) {
    out.err(`command terminated with exit code ${result.code}\n`);
    out.exitCode = result.code;
  }
}

export const EXEC: Command = { summary: 'Execute a command in a container', flags: FLAGS, run: runExec };

/**
 * For the editor's kubectl terminal: the shell `kubectl exec -i POD -- sh` opens there
 * (it reads the lines typed next), or undefined when the line is anything else, errors
 * included, which runKubectl then runs and reports as kubectl does.
 */
export function interactiveExec(cluster: () => Cluster, words: readonly string[]): { shell: ExecShell; notice: string } | undefined {
  try {
    const parsed = parseFlags(words, [...FLAGS, ...GLOBAL_FLAGS]);
    if (parsed.positionals[0] !== 'exec' || parsed.argsLenAtDash < 1) return undefined;
    const flags = new Flags(parsed.values);
    const command = parsed.positionals.slice(parsed.argsLenAtDash);
    if (!flags.bool('stdin') || !readsInput(command)) return undefined;
    const user = identityOf(flags);
    const opened = open({
      cluster: clusterAs(cluster(), user),
      user,
      namespace: flags.string('namespace') || 'default',
      flags,
      args: parsed.positionals.slice(1),
      argsLenAtDash: parsed.argsLenAtDash - 1,
      // The session reads the cluster anew at each line (a reset replaces it).
      session: cluster,
    });
    if ('error' in opened || !opened.shell.canRun(command)) return undefined;
    opened.shell.enter(command);
    return { shell: opened.shell, notice: opened.notice };
  } catch {
    return undefined;
  }
}
