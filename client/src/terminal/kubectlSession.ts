/**
 * The kubectl terminal's brain: a line (with or without the word `kubectl`) runs as
 * `atelier kubectl` runs it (runKubectl, the files of `-f` read from the workspace first);
 * `exec` opens a shell in a container (`exit` comes back to kubectl), `port-forward`
 * starts a real forward; `help` (in French), `clear` and `exit` are the terminal's own.
 * After a change the cluster runs what is due now only, as when a file is applied: simulated
 * time does the rest, and the views hear of the change through the cluster's watch.
 */
import type * as vscode from 'vscode';
import type { Cluster } from '../../../simulator/src/cluster';
import { fileArguments, HINT_PREFIX, runKubectl } from '../../../simulator/src/kubectl/commands/index';
import { FlagError, Flags, GLOBAL_FLAGS, parseFlags, wordPositions, type ParsedArgs } from '../../../simulator/src/kubectl/commands/parse';
import type { KindInfo } from '../../../simulator/src/api/catalog';
import { completeKubectl, TERMINAL_COMMANDS } from './completion';
import type { Completion } from './lineEditor';
import { colorErrors, terminated, type SessionOutput, type TerminalSession } from './session';
import { openExec, type ExecShell } from './shell';
import { attachablePod, parseTarget } from './targets';
import { splitWords } from './words';

type L10n = Pick<typeof vscode.l10n, 't'>;

/** A port-forward the terminal asks for. */
export interface ForwardRequest {
  namespace: string;
  info: KindInfo;
  name: string;
  ports: { local: number; remote: number }[];
}

export interface KubectlSessionOptions {
  /** The cluster now (reset and import replace it). */
  cluster: () => Cluster;
  l10n: L10n;
  /** Reads the files `-f` names (relative to the workspace); without it, `-f` finds nothing. */
  readFiles?: (args: readonly string[]) => Promise<Record<string, string>>;
  /** Starts port-forwards; returns kubectl's `Forwarding from ...` lines, or throws with kubectl's error. */
  forward?: (request: ForwardRequest) => Promise<string>;
}

export const KUBECTL_PROMPT = 'kubectl> ';

const SHELLS = /^(\/bin\/|\/usr\/bin\/)?(sh|bash|ash|dash)$/;

export class KubectlSession implements TerminalSession {
  private shell: ExecShell | undefined;
  readonly banner: string;

  constructor(private readonly options: KubectlSessionOptions) {
    const { l10n } = options;
    this.banner = `${l10n.t("Terminal kubectl du cluster simulé. Tape « help » pour l'aide, Tab pour compléter, ↑ ↓ pour l'historique.")}\n`;
  }

  /** True while a container's shell runs in the terminal. */
  get inShell(): boolean {
    return this.shell !== undefined;
  }

  prompt(): string {
    return this.shell ? this.shell.prompt() : KUBECTL_PROMPT;
  }

  complete(before: string): Completion | undefined {
    return this.shell ? this.shell.complete(before) : completeKubectl(this.options.cluster().store, before);
  }

  endOfInput(): SessionOutput {
    if (!this.shell) return { text: '', close: true };
    this.shell = undefined;
    return { text: 'exit\n' };
  }

  async run(line: string): Promise<SessionOutput> {
    if (this.shell) return this.runInShell(line);
    const { l10n } = this.options;
    const split = splitWords(line);
    if (split.open) return { text: colorErrors(`${l10n.t("Guillemet {0} non fermé : la commande n'a pas été lancée.", split.open)}\n`) };
    let words = split.words.map((word) => word.text);
    if (words.length === 0) return { text: '' };
    if (words[0] === 'kubectl' || words[0] === 'k') words = words.slice(1);
    else {
      switch (words[0]) {
        case 'exit':
        case 'quit':
          return { text: '', close: true };
        case 'clear':
        case 'cls':
          return { text: '', clear: true };
        case 'help':
        case 'aide':
          return { text: this.help() };
        case 'docker':
          return { text: colorErrors(`${l10n.t('Les commandes docker ne sont pas encore disponibles dans ce terminal : il parle au cluster simulé avec kubectl.')}\n`) };
      }
    }
    const command = words[wordPositions(words, GLOBAL_FLAGS)[0] ?? -1];
    if (command === 'exec') return this.exec(words);
    if (command === 'port-forward' && this.options.forward) return this.portForward(words);
    const needsFiles = fileArguments(words).paths.length > 0;
    const files = needsFiles && this.options.readFiles ? await this.options.readFiles(words) : {};
    const result = runKubectl(this.options.cluster(), words, { files, settle: { maxSimulatedMs: 0 } });
    return { text: result.stdout + colorErrors(result.stderr) };
  }

  private runInShell(line: string): SessionOutput {
    const result = this.shell!.runLine(line);
    if (result.exit === undefined) return { text: result.output, ...(result.clear ? { clear: true } : {}) };
    this.shell = undefined;
    return { text: result.output + (result.exit === 137 ? '' : colorErrors(terminated(result.exit))) };
  }

  /** `kubectl exec [-it] (POD | TYPE/NAME) [-c CONTAINER] -- COMMAND [ARGS...]`. */
  private exec(words: string[]): SessionOutput {
    const dash = words.indexOf('--');
    const before = dash === -1 ? words : words.slice(0, dash);
    const argv = dash === -1 ? [] : words.slice(dash + 1);
    let parsed: ParsedArgs;
    try {
      parsed = parseFlags(before, [...TERMINAL_COMMANDS.exec!, ...GLOBAL_FLAGS]);
    } catch (error) {
      if (!(error instanceof FlagError)) throw error;
      return { text: colorErrors(`error: ${error.message}\nSee 'kubectl exec --help' for usage.\n`) };
    }
    const flags = new Flags(parsed.values);
    const positionals = parsed.positionals.slice(1);
    const usage = "error: expected 'exec (POD | TYPE/NAME) COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD or TYPE/NAME is a required argument for the exec command\nSee 'kubectl exec -h' for help and examples\n";
    if (positionals.length === 0) return { text: colorErrors(usage) };
    if (dash === -1 && positionals.length > 1) return { text: colorErrors("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n") };
    if (argv.length === 0) return { text: colorErrors('error: you must specify at least one command for the container\n') };
    const namespace = flags.string('namespace') || 'default';
    const target = parseTarget(positionals[0]!);
    if (!target.ok) return { text: colorErrors(`${target.error}\n`) };
    const pod = attachablePod(this.options.cluster().store, namespace, target.value.info, target.value.name);
    if (!pod.ok) return { text: colorErrors(`${pod.error}\n`) };
    const opened = openExec(this.options.cluster, {
      namespace,
      pod: String((pod.value.metadata as { name?: unknown }).name),
      ...(flags.has('container') ? { container: flags.string('container') } : {}),
      tty: flags.bool('tty'),
    });
    if (!opened.ok) return { text: colorErrors(`${opened.error}\n`) };
    const notice = colorErrors(opened.notice);
    const interactive = flags.bool('stdin') && SHELLS.test(argv[0]!) && !argv.slice(1).some((arg) => /^-[a-z]*c/.test(arg));
    if (interactive && opened.shell.canRun(argv)) {
      opened.shell.enter(argv);
      this.shell = opened.shell;
      return { text: notice };
    }
    const result = opened.shell.runCommand(argv);
    return { text: notice + (result.code === 126 ? colorErrors(result.output) : result.output) + colorErrors(terminated(result.code)) };
  }

  /** `kubectl port-forward TYPE/NAME [LOCAL:]REMOTE...`: a real forward, which keeps running after the command returns. */
  private async portForward(words: string[]): Promise<SessionOutput> {
    let parsed: ParsedArgs;
    try {
      parsed = parseFlags(words, [...TERMINAL_COMMANDS['port-forward']!, ...GLOBAL_FLAGS]);
    } catch (error) {
      if (!(error instanceof FlagError)) throw error;
      return { text: colorErrors(`error: ${error.message}\nSee 'kubectl port-forward --help' for usage.\n`) };
    }
    const [, resource, ...specs] = parsed.positionals;
    if (resource === undefined || specs.length === 0) return { text: colorErrors('error: TYPE/NAME and list of ports are required for port-forward\nSee \'kubectl port-forward -h\' for help and examples\n') };
    const target = parseTarget(resource);
    if (!target.ok) return { text: colorErrors(`${target.error}\n`) };
    const ports: { local: number; remote: number }[] = [];
    for (const spec of specs) {
      const match = /^(\d*)(?::(\d+))?$/.exec(spec);
      const remote = Number(match?.[2] ?? match?.[1]);
      const local = match?.[2] === undefined ? remote : match[1] === '' ? 0 : Number(match[1]);
      if (!match || !Number.isInteger(remote) || remote < 1 || remote > 65535 || local > 65535) return { text: colorErrors(`error: Error parsing remote port '${spec}'\n`) };
      ports.push({ local, remote });
    }
    const namespace = new Flags(parsed.values).string('namespace') || 'default';
    try {
      const lines = await this.options.forward!({ namespace, info: target.value.info, name: target.value.name, ports });
      return { text: `${lines}${colorErrors(`${HINT_PREFIX}${this.options.l10n.t("La redirection reste active pendant que tu continues : la commande « Arrêter une redirection de port » (ou l'entrée de la barre d'état) l'arrête.")}\n`)}` };
    } catch (error) {
      return { text: colorErrors(`${error instanceof Error ? error.message : String(error)}\n`) };
    }
  }

  private help(): string {
    const { l10n } = this.options;
    return [
      l10n.t("Ce terminal envoie tes commandes kubectl au cluster simulé de l'Atelier (le mot « kubectl » est facultatif) :"),
      '  kubectl get pods',
      '  kubectl create deployment web --image=nginx:1.27 --replicas=2',
      '  kubectl apply -f web.yaml',
      '  kubectl describe deployment web',
      '  kubectl logs deployment/web',
      '  kubectl exec -it deployment/web -- sh',
      '  kubectl port-forward deployment/web 8080:80',
      '',
      l10n.t('Les chemins de -f sont relatifs au dossier ouvert dans VS Code. « kubectl » seul liste les commandes connues.'),
      l10n.t("Touches : Tab complète (commandes, types, noms), ↑ ↓ parcourent l'historique, Ctrl+C abandonne la ligne, Ctrl+L efface l'écran."),
      l10n.t('Mots du terminal : help (cette aide), clear (effacer), exit (fermer).'),
      '',
    ].join('\n');
  }
}
