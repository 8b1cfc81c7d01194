/**
 * The kubectl terminal's brain: a line (with or without the word `kubectl`) runs as
 * `atelier kubectl` runs it (runKubectl, the files of `-f` read from the workspace first);
 * `exec` opens a shell in a container (`exit` comes back to kubectl), `port-forward`
 * starts a real forward; `docker ...` runs the cluster's simulated Docker engine (the files
 * of `docker build` read first, the ports of `docker run -p` served on the computer);
 * `help` (in French), `clear` and `exit` are the terminal's own.
 * After a change the cluster runs what is due now only, as when a file is applied: simulated
 * time does the rest, and the views hear of the change through the cluster's watch.
 */
import type * as vscode from 'vscode';
import type { Cluster } from '../../../simulator/src/cluster';
import { runDocker } from '../../../simulator/src/docker/commands';
import type { BuildContext } from '../../../simulator/src/docker/context';
import { fileArguments, HINT_PREFIX, runKubectl } from '../../../simulator/src/kubectl/commands/index';
import { FlagError, Flags, GLOBAL_FLAGS, parseFlags, wordPositions, type ParsedArgs } from '../../../simulator/src/kubectl/commands/parse';
import type { KindInfo } from '../../../simulator/src/api/catalog';
import { interactiveExec } from '../../../simulator/src/kubectl/commands/exec';
import type { ExecShell } from '../../../simulator/src/network/shell/execShell';
import { parseTarget } from '../../../simulator/src/network/targets';
import { completeDocker, completeKubectl, TERMINAL_COMMANDS } from './completion';
import { startEdit } from './edit';
import type { Completion } from './lineEditor';
import { colorErrors, terminated, type SessionOutput, type TerminalSession } from './session';
import { completeInShell } from './shellCompletion';
import { splitWords } from './words';

type L10n = Pick<typeof vscode.l10n, 't'>;

/** A port-forward the terminal asks for. */
export interface ForwardRequest {
  namespace: string;
  info: KindInfo;
  name: string;
  ports: { local: number; remote: number }[];
}

/**
 * Where `kubectl edit` opens its file, as `git commit` uses `code --wait`: VS Code in the
 * extension (kubectlTerminal.ts), a stand-in in the tests.
 */
export interface EditHost {
  /** A new file for one edit, named like kubectl's (`kubectl-edit-123.yaml`), outside the workspace: its path. */
  create(extension: '.yaml' | '.json'): Promise<string>;
  /**
   * Writes `text` to the file and shows it; resolves with the file's text once its tab is
   * closed, or with undefined when `abandon` fires first (the tab is closed then).
   */
  open(path: string, text: string, abandon: AbortSignal): Promise<string | undefined>;
  /** Deletes the file of an edit that needs no copy. */
  remove(path: string): Promise<void>;
}

export interface KubectlSessionOptions {
  /** The cluster now (reset and import replace it). */
  cluster: () => Cluster;
  l10n: L10n;
  /** Reads the files `-f` names (relative to the workspace); without it, `-f` finds nothing. */
  readFiles?: (args: readonly string[]) => Promise<Record<string, string>>;
  /** Starts port-forwards; returns kubectl's `Forwarding from ...` lines, or throws with kubectl's error. */
  forward?: (request: ForwardRequest) => Promise<string>;
  /** Reads the workspace files `docker ARGS` needs (a build's context), if any. */
  dockerFiles?: (args: readonly string[]) => Promise<BuildContext | undefined>;
  /** Serves the ports running containers publish (`docker run -p`); returns French notices. */
  publishDocker?: () => Promise<string[]>;
  /** Opens `kubectl edit`'s file; without it, edit is not available. */
  editor?: EditHost;
}

const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export const KUBECTL_PROMPT = 'kubectl> ';

export class KubectlSession implements TerminalSession {
  private shell: ExecShell | undefined;
  /** Ends the edit waiting for its tab (Ctrl+C), while there is one. */
  private abandonEdit: (() => void) | undefined;
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
    if (this.shell) return completeInShell(this.shell, before);
    return /^\s*docker\s/.test(before) ? completeDocker(this.options.cluster().docker, before) : completeKubectl(this.options.cluster().store, before);
  }

  endOfInput(): SessionOutput {
    if (!this.shell) return { text: '', close: true };
    this.shell = undefined;
    return { text: 'exit\n' };
  }

  /** Ctrl+C while a command runs: abandons the edit waiting for its tab. False when there is none. */
  interrupt(): boolean {
    if (!this.abandonEdit) return false;
    this.abandonEdit();
    return true;
  }

  /** Runs a line; `print` shows what a long command says before it ends (`kubectl edit` waiting for its tab). */
  async run(line: string, print?: (text: string) => void): Promise<SessionOutput> {
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
          return this.docker(words.slice(1));
      }
    }
    const command = words[wordPositions(words, GLOBAL_FLAGS)[0] ?? -1];
    if (command === 'exec') return this.exec(words);
    if (command === 'port-forward' && this.options.forward) return this.portForward(words);
    if (command === 'edit' && this.options.editor) return this.edit(words, this.options.editor, print);
    const needsFiles = fileArguments(words).paths.length > 0;
    const files = needsFiles && this.options.readFiles ? await this.options.readFiles(words) : {};
    const result = runKubectl(this.options.cluster(), words, { files, settle: { maxSimulatedMs: 0 } });
    return { text: result.stdout + colorErrors(result.stderr) };
  }

  /** `docker ARGS`: docker's progress, output and errors, its French hint, the ports opened or closed. */
  private async docker(args: string[]): Promise<SessionOutput> {
    const files = this.options.dockerFiles ? await this.options.dockerFiles(args) : undefined;
    const result = runDocker(this.options.cluster().docker, args, files ? { files } : {});
    const notices = this.options.publishDocker ? await this.options.publishDocker() : [];
    const hints = [...(result.hint ? [result.hint] : []), ...notices].map((text) => `${HINT_PREFIX}${text}\n`).join('');
    return { text: (result.progress ?? '') + result.stdout + colorErrors(result.stderr + hints) };
  }

  private runInShell(line: string): SessionOutput {
    const result = this.shell!.runLine(line);
    if (result.exit === undefined) return { text: result.output, ...(result.clear ? { clear: true } : {}) };
    this.shell = undefined;
    return { text: result.output + (result.exit === 137 ? '' : colorErrors(terminated(result.exit))) };
  }

  /**
   * `kubectl exec -it POD -- sh` opens the container's shell in this terminal (`exit` comes
   * back to kubectl); any other exec runs as `atelier kubectl exec` runs it, with a TTY.
   */
  private exec(words: string[]): SessionOutput {
    const interactive = interactiveExec(this.options.cluster, words);
    if (interactive) {
      this.shell = interactive.shell;
      return { text: colorErrors(interactive.notice) };
    }
    const result = runKubectl(this.options.cluster(), words, { terminal: true, settle: { maxSimulatedMs: 0 } });
    return { text: result.stdout + colorErrors(result.stderr) };
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

  /**
   * `kubectl edit TYPE/NAME`: the object opens in a tab; closing the tab (saved) sends the
   * change, or reopens the file with kubectl's error comments, until the edit ends.
   * Real kubectl prints nothing while its editor runs; the terminal says what to do.
   */
  private async edit(words: string[], editor: EditHost, print?: (text: string) => void): Promise<SessionOutput> {
    const { l10n } = this.options;
    const started = startEdit(this.options.cluster(), words);
    if ('result' in started) return { text: started.result.stdout + colorErrors(started.result.stderr) };
    const { edit } = started;
    let said = '';
    const say = print ?? ((text: string): void => void (said += text));
    const abandon = new AbortController();
    this.abandonEdit = () => abandon.abort();
    try {
      const path = await editor.create(edit.extension);
      let text = edit.text;
      let waiting = l10n.t("Modifie l'objet dans l'onglet ouvert, enregistre puis ferme l'onglet (Ctrl+W) pour l'appliquer.");
      for (;;) {
        say(`${DIM}${waiting}${RESET}\n`);
        const saved = await editor.open(path, text, abandon.signal);
        if (saved === undefined) {
          await editor.remove(path);
          return { text: `${said}^C\n${DIM}${l10n.t("Modification abandonnée : rien n'a été envoyé au cluster.")}${RESET}\n` };
        }
        const step = edit.finish(saved, path);
        if (step.kind === 'done') {
          if (!step.keepFile) await editor.remove(path);
          return { text: said + step.stdout + colorErrors(step.stderr) };
        }
        say(step.stdout + colorErrors(step.stderr));
        text = step.text;
        waiting = l10n.t("Le fichier est rouvert avec les erreurs en commentaire en haut : corrige, enregistre puis ferme l'onglet (le fermer sans rien changer abandonne).");
      }
    } finally {
      this.abandonEdit = undefined;
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
      '  kubectl edit deployment/web',
      '',
      l10n.t('Il comprend aussi docker, simulé (ses images servent ensuite aux Pods) :'),
      '  docker build -t monimage:1.0 .',
      '  docker run -d -p 8080:80 --name web monimage:1.0',
      '  docker ps',
      '',
      l10n.t('Les chemins de -f et de docker build sont relatifs au dossier ouvert dans VS Code. « kubectl » seul liste les commandes connues.'),
      l10n.t("Touches : Tab complète (commandes, types, noms), ↑ ↓ parcourent l'historique, Ctrl+C abandonne la ligne, Ctrl+L efface l'écran."),
      l10n.t('Mots du terminal : help (cette aide), clear (effacer), exit (fermer).'),
      '',
    ].join('\n');
  }
}
