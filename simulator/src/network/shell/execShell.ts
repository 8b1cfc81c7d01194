/**
 * `kubectl exec` into a simulated container: a shell over the container's files (the
 * image's, the kubelet's, what its processes wrote, and the Pod's volumes: a mounted
 * ConfigMap or Secret shows its keys as files) and its environment (env with valueFrom
 * resolved, envFrom, the Service variables). Lines run in the simulator's own shell
 * (kubelet/shell.ts: echo, cat, env, grep, pipes, loops...), with a few more programs
 * added here: ls, cd, pwd, ps, id, mkdir, curl, wget and nslookup, which reach other Pods
 * through the simulated network. The files a line writes are kept for the next line.
 * Pure: the cluster is read at the time of each line, never written.
 */
import type { Cluster } from '../../cluster';
import { kindInfo } from '../../api/catalog';
import { serviceEnv } from '../../kubelet/config';
import { hexDigits } from '../../kubelet/hash';
import { readerOf, type StateReader } from '../../kubelet/replay';
import { resolvable, runProcess, type Machine, type ProgramResult } from '../../kubelet/shell';
import { list, obj, text } from '../../kubelet/util';
import { runningContainers, type RunningContainer } from '../containers';
import { normalizePath, parentOf } from '../podFiles';
import { defaultContainer } from '../targets';
import { curl, wget } from './http';
import { catToTerminal } from './cat';
import { execEnv } from './environment';
import { ls, type ShellFiles } from './ls';
import { nslookup, ps } from './programs';

const PODS = kindInfo('v1', 'Pod')!;
/** How much simulated time one line may take (`sleep 5` is fine, `sleep 3600` stops there). */
const LINE_BUDGET_MS = 10 * 60_000;

const base = (path: string | undefined): string => (path ?? '').split('/').pop() ?? '';

/** The commands offered first when completing the first word of a line. */
export const SHELL_COMMANDS: readonly string[] = ['ls', 'cat', 'cd', 'env', 'ps', 'curl', 'wget', 'hostname', 'exit'];

/** What the shell reads of the cluster: its store and its clock, at each line (a reset replaces the cluster). */
export type ClusterView = Pick<Cluster, 'store' | 'clock'>;

export interface ExecTarget {
  namespace: string;
  pod: string;
  /** The container (`-c`); the default one otherwise. */
  container?: string;
  /** `-t`: a terminal (TERM is set). */
  tty?: boolean;
  /** `-q`: no `Defaulted container` notice. */
  quiet?: boolean;
}

/** Why a session could not open. */
export type ExecRefusal = 'pod-not-found' | 'completed' | 'invalid-container' | 'no-host' | 'not-running';

export type Opened = { ok: true; shell: ExecShell; notice: string } | { ok: false; error: string; exitCode: number; notice: string; reason: ExecRefusal };

export interface LineResult {
  output: string;
  /** The shell ended (`exit`, or the container went away) with this code. */
  exit?: number;
  /** `clear`. */
  clear?: boolean;
}

/** A command's end: its output (stdout and stderr as a terminal shows them) and code, or kubectl's error when it could not start. */
export type CommandResult = { output: string; code: number } | { error: string };

/**
 * Opens a session in a running container, with the errors kubectl prints when it cannot:
 * its own (`cannot exec into a container in a completed pod`), the API server's
 * (`pods "x" not found`, `container x is not valid for pod web`, `pod web does not have a
 * host assigned`) and the kubelet's (`unable to upgrade connection: container not found`).
 */
export function openExec(cluster: () => ClusterView, target: ExecTarget): Opened {
  const store = cluster().store;
  const pod = store.find(PODS, target.namespace, target.pod);
  const fail = (reason: ExecRefusal, error: string, notice = ''): Opened => ({ ok: false, error, exitCode: 1, notice, reason });
  if (!pod) return fail('pod-not-found', `Error from server (NotFound): pods ${JSON.stringify(target.pod)} not found`);
  const phase = text(obj(pod.status).phase);
  if (phase === 'Succeeded' || phase === 'Failed') return fail('completed', `error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  const chosen = target.container === undefined ? defaultContainer(pod, target.quiet) : { name: target.container, notice: '' };
  const spec = obj(pod.spec);
  const all = [...list(spec.initContainers), ...list(spec.containers), ...list(spec.ephemeralContainers)].map((c) => text(c.name));
  // Mirrors the API server's streamLocation, then the kubelet's GetExec.
  if (!all.includes(chosen.name)) return fail('invalid-container', `Error from server (BadRequest): container ${chosen.name} is not valid for pod ${target.pod}`, chosen.notice);
  if (text(spec.nodeName) === '') return fail('no-host', `Error from server (BadRequest): pod ${target.pod} does not have a host assigned`, chosen.notice);
  const running = runningContainers(readerOf(store), pod, cluster().clock.now()).find((c) => c.name === chosen.name);
  if (!running) return fail('not-running', `error: unable to upgrade connection: container not found (${JSON.stringify(chosen.name)})`, chosen.notice);
  return { ok: true, shell: new ExecShell(cluster, target.namespace, target.pod, running, target.tty === true), notice: chosen.notice };
}

export class ExecShell implements ShellFiles {
  readonly files: Map<string, string>;
  readonly directories: Set<string>;
  private current = '/';
  private readonly env: Record<string, string>;
  private readonly machine: Machine;
  /** kube-proxy's choices among endpoints, in turn. */
  private requests = 0;
  private nextPid: number;
  /** The interactive shell's PID (0 for a one-shot command), and the current command's. */
  private shellPid = 0;
  private runPid = 0;
  /** The shell asked for (`sh`, `bash`), for the prompt. */
  private shellName = 'sh';
  /** `-t`: stdout is a terminal (ls prints columns). */
  private readonly tty: boolean;

  constructor(
    private readonly cluster: () => ClusterView,
    readonly namespace: string,
    readonly pod: string,
    private readonly container: RunningContainer,
    tty: boolean,
  ) {
    const { files, directories } = container.files();
    this.files = new Map(files);
    this.directories = new Set(directories);
    const store = cluster().store;
    const podObject = store.get(PODS, namespace, pod);
    const links = obj(podObject.spec).enableServiceLinks !== false;
    this.env = execEnv(container, serviceEnv(readerOf(store), namespace, links), tty);
    this.tty = tty;
    this.nextPid = 7 + (container.argv.length % 5);
    const flavor = container.flavor;
    this.machine = {
      flavor,
      env: this.env,
      hostname: container.hostname,
      files: {},
      program: (argv) => (flavor ? this.program(argv) : undefined) ?? container.program(argv),
    };
  }

  /** The shell's current folder. */
  get cwd(): string {
    return this.current;
  }

  /** The container's name. */
  get containerName(): string {
    return this.container.name;
  }

  /** True when `argv` can start in this container (`sh` needs an image with a shell). */
  canRun(argv: readonly string[]): boolean {
    return resolvable(this.machine, [...argv]);
  }

  /** The shell's prompt: bash's `root@web:/# `, dash's `# `, busybox's `/ # `. */
  prompt(): string {
    if (this.shellName === 'bash') return `root@${this.container.hostname}:${this.current === '/root' ? '~' : this.current}# `;
    return this.machine.flavor === 'busybox' ? `${this.current} # ` : '# ';
  }

  /** Starts the interactive shell (`kubectl exec -it POD -- bash`). */
  enter(argv: readonly string[]): void {
    this.shellName = base(argv[0]) === 'bash' ? 'bash' : 'sh';
    this.shellPid = this.nextPid++;
  }

  /** One line typed at the prompt. */
  runLine(line: string): LineResult {
    const gone = this.gone();
    if (gone) return gone;
    const trimmed = line.trim();
    if (trimmed === '') return { output: '' };
    const exit = /^exit(?:\s+(\d+))?\s*;?$/.exec(trimmed);
    if (exit) return { output: '', exit: exit[1] === undefined ? 0 : Number(exit[1]) & 255 };
    if (trimmed === 'clear') return { output: '', clear: true };
    return { output: this.run([this.shellName, '-c', line]).output };
  }

  /**
   * `kubectl exec POD -- COMMAND...`: the command's output and exit code, or, for a
   * program the image does not have, containerd's error as kubectl prints it.
   */
  runCommand(argv: readonly string[]): CommandResult {
    const gone = this.gone();
    if (gone) return { output: gone.output, code: gone.exit ?? 1 };
    if (!this.canRun(argv)) {
      const name = argv[0] ?? '';
      const why = name.includes('/') ? `exec: "${name}": stat ${name}: no such file or directory` : `exec: "${name}": executable file not found in $PATH`;
      const id = hexDigits(`${this.namespace}/${this.pod}/${this.container.name}:${this.cluster().clock.now()}:${argv.join(' ')}`);
      return { error: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec ${JSON.stringify(id)}: OCI runtime exec failed: exec failed: unable to start container process: ${why}: unknown` };
    }
    return this.run([...argv]);
  }

  /** The entries of a folder: sub-folders and files directly in it, sorted. */
  entries(folder: string): { name: string; directory: boolean }[] {
    const prefix = folder === '/' ? '/' : `${folder}/`;
    const out = new Map<string, boolean>();
    for (const dir of this.directories) if (dir !== folder && dir.startsWith(prefix) && !dir.slice(prefix.length).includes('/')) out.set(dir.slice(prefix.length), true);
    for (const file of this.files.keys()) if (file.startsWith(prefix) && !file.slice(prefix.length).includes('/')) out.set(file.slice(prefix.length), false);
    return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, directory]) => ({ name, directory }));
  }

  /** The container is no longer there (deleted, restarted, cluster reset): the session ends as kubectl's does. */
  private gone(): LineResult | undefined {
    const pod = this.cluster().store.find(PODS, this.namespace, this.pod);
    const running = pod && runningContainers(this.reader(), pod).find((c) => c.name === this.container.name && c.plan.startedAt === this.container.plan.startedAt);
    return running ? undefined : { output: 'command terminated with exit code 137\n', exit: 137 };
  }

  private reader(): StateReader {
    return readerOf(this.cluster().store);
  }

  /** Runs argv as a process of the container, the files it changed kept. */
  private run(argv: string[]): { output: string; code: number } {
    const exact = this.machine.flavor ? catToTerminal(this, argv, this.machine.flavor !== 'busybox') : undefined;
    if (exact) return exact;
    const now = this.cluster().clock.now();
    const view = this.view();
    this.machine.files = Object.fromEntries(view);
    this.runPid = this.nextPid++;
    const run = runProcess(argv, this.machine, { start: now, until: now + LINE_BUDGET_MS });
    this.keep(view, run.files);
    const lines = run.lines.map((line) => line.text);
    return { output: lines.length === 0 ? '' : `${lines.join('\n')}\n`, code: run.exit?.code ?? 0 };
  }

  /** The files as the line sees them: absolute paths, and those under the current folder by their relative path too. */
  private view(): Map<string, string> {
    const view = new Map(this.files);
    if (this.current === '/') return view;
    for (const [path, content] of this.files) {
      if (!path.startsWith(`${this.current}/`)) continue;
      const relative = path.slice(this.current.length + 1);
      view.set(relative, content);
      view.set(`./${relative}`, content);
    }
    return view;
  }

  /** What a line wrote, removed or changed, back into the container's files. */
  private keep(view: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): void {
    const absolute = (path: string): string => normalizePath(path, this.current);
    const seen = new Set<string>();
    for (const [path, content] of view) {
      const target = absolute(path);
      if (!after.has(path)) {
        this.files.delete(target);
        seen.add(target);
      } else if (after.get(path) !== content) {
        this.files.set(target, after.get(path)!);
        seen.add(target);
      }
    }
    for (const [path, content] of after) {
      if (view.has(path) || seen.has(absolute(path))) continue;
      const target = absolute(path);
      this.files.set(target, content);
      for (let dir = parentOf(target); !this.directories.has(dir); dir = parentOf(dir)) this.directories.add(dir);
    }
  }

  /** The programs this shell adds to the simulator's utilities. */
  private program(argv: string[]): ProgramResult | undefined {
    const [name, ...args] = [base(argv[0]), ...argv.slice(1)];
    const gnu = this.machine.flavor !== 'busybox';
    switch (name) {
      case 'ls':
        return ls(this, args, { gnu, tty: this.tty, now: this.cluster().clock.now() });
      case 'cd': {
        const target = normalizePath(args[0] ?? '/root', this.current);
        if (!this.directories.has(target)) {
          const why = this.files.has(target) ? 'Not a directory' : 'No such file or directory';
          return { code: gnu ? 2 : 1, stderr: [this.shellName === 'bash' ? `bash: cd: ${args[0]}: ${why}` : gnu ? `sh: 1: cd: can't cd to ${args[0]}` : `sh: cd: can't cd to ${args[0]}: ${why}`] };
        }
        this.current = target;
        return { code: 0 };
      }
      case 'pwd':
        return { code: 0, stdout: [this.current] };
      case 'mkdir':
        for (const path of args.filter((arg) => !arg.startsWith('-'))) this.directories.add(normalizePath(path, this.current));
        return { code: 0 };
      case 'id':
      case 'whoami':
        return { code: 0, stdout: [name === 'id' ? 'uid=0(root) gid=0(root) groups=0(root)' : 'root'] };
      case 'ps':
        return { code: 0, stdout: ps({ main: this.container.argv, shellPid: this.shellPid, shellName: this.shellName, runPid: this.runPid }, args, gnu) };
      case 'nslookup':
        return nslookup(this.reader(), this.podObject(), this.namespace, args[args.length - 1] ?? '');
      case 'curl':
      case 'wget': {
        const pod = this.podObject();
        const context = { reader: this.reader(), now: this.cluster().clock.now(), from: { ...(pod ? { pod } : {}), namespace: this.namespace }, pick: (count: number) => this.requests++ % count };
        return name === 'curl' ? curl(args, context) : wget(args, context, (path, content) => this.files.set(normalizePath(path, this.current), content));
      }
      default:
        return undefined;
    }
  }

  private podObject() {
    return this.cluster().store.find(PODS, this.namespace, this.pod);
  }
}
