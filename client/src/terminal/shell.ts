/**
 * `kubectl exec` into a simulated container: a shell over the container's files (the
 * image's, the kubelet's, and the Pod's volumes: a mounted ConfigMap or Secret shows its
 * keys as files) and its environment (env with valueFrom resolved, envFrom, the Service
 * variables). Lines run in the simulator's own shell (kubelet/shell.ts: echo, cat, env,
 * grep, pipes, loops...), with a few more programs added here: ls, cd, pwd, ps, id,
 * mkdir, curl, wget and nslookup, which reach other Pods through the simulated network
 * (network.ts). The files a line writes are kept for the next line. Pure: the cluster is
 * read at the time of each line, never written.
 */
import type { Cluster } from '../../../simulator/src/cluster';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { serviceEnv } from '../../../simulator/src/kubelet/config';
import { readerOf, type StateReader } from '../../../simulator/src/kubelet/replay';
import { resolvable, runProcess, type Machine, type ProgramResult } from '../../../simulator/src/kubelet/shell';
import { isJsonObject, type JsonObject } from '../../../simulator/src/store/json';
import type { Completion } from './lineEditor';
import { lookup, runningContainers, type RunningContainer } from './network';
import { normalizePath, parentOf } from './podFiles';
import { curl, wget } from './shellHttp';
import { quoteWord, splitWords } from './words';

const PODS = kindInfo('v1', 'Pod')!;
/** How much simulated time one line may take (`sleep 5` is fine, `sleep 3600` stops there). */
const LINE_BUDGET_MS = 10 * 60_000;

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
const list = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const base = (path: string | undefined): string => (path ?? '').split('/').pop() ?? '';

export interface ExecTarget {
  namespace: string;
  pod: string;
  /** The container (`-c`); the default one otherwise. */
  container?: string;
  /** `-t`: a terminal (TERM is set). */
  tty?: boolean;
}

export type Opened = { ok: true; shell: ExecShell; notice: string } | { ok: false; error: string; exitCode: number };

export interface LineResult {
  output: string;
  /** The shell ended (`exit`, or the container went away) with this code. */
  exit?: number;
  /** `clear`. */
  clear?: boolean;
}

/**
 * Opens a session in a running container, with kubectl's own errors when it cannot
 * (`pods "x" not found`, `cannot exec into a container in a completed pod`...).
 */
export function openExec(cluster: () => Cluster, target: ExecTarget): Opened {
  const store = cluster().store;
  const pod = store.find(PODS, target.namespace, target.pod);
  if (!pod) return { ok: false, error: `Error from server (NotFound): pods ${JSON.stringify(target.pod)} not found`, exitCode: 1 };
  const phase = text(obj(pod.status).phase);
  if (phase === 'Succeeded' || phase === 'Failed') return { ok: false, error: `error: cannot exec into a container in a completed pod; current phase is ${phase}`, exitCode: 1 };
  const containers = list(obj(pod.spec).containers).map((c) => text(c.name));
  let notice = '';
  let name = target.container;
  if (name === undefined) {
    const annotated = text(obj(obj(pod.metadata).annotations)['kubectl.kubernetes.io/default-container']);
    name = containers.includes(annotated) ? annotated : containers[0]!;
    if (containers.length > 1) notice = `Defaulted container ${JSON.stringify(name)} out of: ${containers.join(', ')}\n`;
  }
  const all = [...list(obj(pod.spec).initContainers).map((c) => text(c.name)), ...containers];
  if (!all.includes(name)) return { ok: false, error: `error: unable to upgrade connection: container not found (${JSON.stringify(name)})`, exitCode: 1 };
  const running = runningContainers(readerOf(store), pod).find((c) => c.name === name);
  if (!running) return { ok: false, error: `error: unable to upgrade connection: container not found (${JSON.stringify(name)})`, exitCode: 1 };
  return { ok: true, shell: new ExecShell(cluster, target.namespace, target.pod, running, target.tty === true), notice };
}

export class ExecShell {
  private readonly files: Map<string, string>;
  private readonly directories: Set<string>;
  private cwd = '/';
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

  constructor(
    private readonly cluster: () => Cluster,
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
    const { PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...own } = container.env;
    this.env = { PATH, HOSTNAME: container.hostname, ...own, ...serviceEnv(readerOf(store), namespace, links), ...(tty ? { TERM: 'xterm' } : {}), HOME: '/root' };
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

  /** True when `argv` can start in this container (`sh` needs an image with a shell). */
  canRun(argv: readonly string[]): boolean {
    return resolvable(this.machine, [...argv]);
  }

  /** The shell's prompt: bash's `root@web:/# `, dash's `# `, busybox's `/ # `. */
  prompt(): string {
    if (this.shellName === 'bash') return `root@${this.container.hostname}:${this.cwd === '/root' ? '~' : this.cwd}# `;
    return this.machine.flavor === 'busybox' ? `${this.cwd} # ` : '# ';
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

  /** `kubectl exec POD -- COMMAND...`: the command's output and exit code. */
  runCommand(argv: readonly string[]): { output: string; code: number } {
    const gone = this.gone();
    if (gone) return { output: gone.output, code: gone.exit ?? 1 };
    if (!this.canRun(argv)) {
      const name = argv[0] ?? '';
      const why = name.includes('/') ? `stat ${name}: no such file or directory` : `exec: "${name}": executable file not found in $PATH`;
      return { output: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: ${why}: unknown\n`, code: 126 };
    }
    return this.run([...argv]);
  }

  /** Paths of the container for the word before the cursor (and commands for the first word). */
  complete(before: string): Completion | undefined {
    const split = splitWords(before);
    if (split.open) return undefined;
    const word = split.trailingBlank ? '' : split.words[split.words.length - 1]!.text;
    const start = split.trailingBlank ? before.length : split.words[split.words.length - 1]!.start;
    const slash = word.lastIndexOf('/');
    const folder = slash === -1 ? this.cwd : normalizePath(word.slice(0, slash + 1) || '/', this.cwd);
    const prefix = word.slice(0, slash + 1);
    const entries = this.entries(folder).map((entry) => `${prefix}${entry.name}${entry.directory ? '/' : ''}`);
    const commands = split.words.length === (split.trailingBlank ? 0 : 1) && slash === -1 ? ['ls', 'cat', 'cd', 'env', 'ps', 'curl', 'wget', 'hostname', 'exit'] : [];
    return { start, candidates: [...commands, ...entries].filter((c) => c.startsWith(word) && !c.slice(prefix.length).startsWith('.')).map(quoteWord) };
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
    if (this.cwd === '/') return view;
    for (const [path, content] of this.files) {
      if (!path.startsWith(`${this.cwd}/`)) continue;
      const relative = path.slice(this.cwd.length + 1);
      view.set(relative, content);
      view.set(`./${relative}`, content);
    }
    return view;
  }

  /** What a line wrote, removed or changed, back into the container's files. */
  private keep(view: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): void {
    const absolute = (path: string): string => normalizePath(path, this.cwd);
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

  /** The entries of a folder: sub-folders and files directly in it. */
  private entries(folder: string): { name: string; directory: boolean }[] {
    const prefix = folder === '/' ? '/' : `${folder}/`;
    const out = new Map<string, boolean>();
    for (const dir of this.directories) if (dir !== folder && dir.startsWith(prefix) && !dir.slice(prefix.length).includes('/')) out.set(dir.slice(prefix.length), true);
    for (const file of this.files.keys()) if (file.startsWith(prefix) && !file.slice(prefix.length).includes('/')) out.set(file.slice(prefix.length), false);
    return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, directory]) => ({ name, directory }));
  }

  /** The programs this shell adds to the simulator's utilities. */
  private program(argv: string[]): ProgramResult | undefined {
    const [name, ...args] = [base(argv[0]), ...argv.slice(1)];
    const gnu = this.machine.flavor !== 'busybox';
    switch (name) {
      case 'ls':
        return this.ls(args, gnu);
      case 'cd': {
        const target = normalizePath(args[0] ?? '/root', this.cwd);
        if (!this.directories.has(target)) {
          const why = this.files.has(target) ? 'Not a directory' : 'No such file or directory';
          return { code: gnu ? 2 : 1, stderr: [this.shellName === 'bash' ? `bash: cd: ${args[0]}: ${why}` : gnu ? `sh: 1: cd: can't cd to ${args[0]}` : `sh: cd: can't cd to ${args[0]}: ${why}`] };
        }
        this.cwd = target;
        return { code: 0 };
      }
      case 'pwd':
        return { code: 0, stdout: [this.cwd] };
      case 'mkdir':
        for (const path of args.filter((arg) => !arg.startsWith('-'))) this.directories.add(normalizePath(path, this.cwd));
        return { code: 0 };
      case 'id':
      case 'whoami':
        return { code: 0, stdout: [name === 'id' ? 'uid=0(root) gid=0(root) groups=0(root)' : 'root'] };
      case 'ps':
        return { code: 0, stdout: this.ps(args, gnu) };
      case 'nslookup':
        return this.nslookup(args[args.length - 1] ?? '');
      case 'curl':
      case 'wget': {
        const pod = this.cluster().store.find(PODS, this.namespace, this.pod);
        const context = { reader: this.reader(), now: this.cluster().clock.now(), from: { ...(pod ? { pod } : {}), namespace: this.namespace }, pick: (count: number) => this.requests++ % count };
        return name === 'curl' ? curl(args, context) : wget(args, context, (path, content) => this.files.set(normalizePath(path, this.cwd), content));
      }
      default:
        return undefined;
    }
  }

  private ls(args: string[], gnu: boolean): ProgramResult {
    const flags = args.filter((arg) => /^-[a-zA-Z1]+$/.test(arg)).join('');
    const long = flags.includes('l');
    const all = flags.includes('a');
    const paths = args.filter((arg) => !/^-[a-zA-Z1]+$/.test(arg));
    const stdout: string[] = [];
    const stderr: string[] = [];
    const when = new Date(this.cluster().clock.now());
    const stamp = `${when.toUTCString().slice(8, 11)} ${String(when.getUTCDate()).padStart(2)} ${when.toISOString().slice(11, 16)}`;
    const line = (entry: string, directory: boolean, path: string): string => {
      if (!long) return entry;
      const size = directory ? 4096 : new TextEncoder().encode(this.files.get(path) ?? '').length;
      return `${directory ? 'drwxr-xr-x' : '-rw-r--r--'} ${directory ? 2 : 1} root root ${String(size).padStart(5)} ${stamp} ${entry}`;
    };
    const targets = paths.length === 0 ? ['.'] : paths;
    targets.forEach((path, index) => {
      const target = normalizePath(path, this.cwd);
      if (this.files.has(target)) {
        stdout.push(line(path, false, target));
        return;
      }
      if (!this.directories.has(target)) {
        stderr.push(gnu ? `ls: cannot access '${path}': No such file or directory` : `ls: ${path}: No such file or directory`);
        return;
      }
      const entries = this.entries(target).filter((entry) => all || !entry.name.startsWith('.'));
      const shown = [...(all ? [{ name: '.', directory: true }, { name: '..', directory: true }] : []), ...entries];
      if (targets.length > 1) stdout.push(`${index > 0 ? '\n' : ''}${path}:`);
      if (long) stdout.push(`total ${entries.length * 4}`, ...shown.map((entry) => line(entry.name, entry.directory, normalizePath(entry.name, target))));
      else if (shown.length > 0) stdout.push(flags.includes('1') ? shown.map((e) => e.name).join('\n') : shown.map((e) => e.name).join('  '));
    });
    return { code: stderr.length > 0 ? (gnu ? 2 : 1) : 0, stdout, stderr };
  }

  private ps(args: string[], gnu: boolean): string[] {
    const main = this.container.argv;
    const processes: [number, string][] =
      base(main[0]) === 'nginx'
        ? [[1, `nginx: master process ${main.join(' ')}`], [29, 'nginx: worker process'], [30, 'nginx: worker process']]
        : [[1, main.join(' ')]];
    if (this.shellPid > 0) processes.push([this.shellPid, this.shellName]);
    processes.push([this.runPid, `ps${args.length > 0 ? ` ${args.join(' ')}` : ''}`]);
    const tty = (pid: number): string => (pid === this.shellPid || pid === this.runPid ? 'pts/0   ' : '?       ');
    if (!gnu) return ['PID   USER     TIME  COMMAND', ...processes.map(([pid, command]) => `${String(pid).padStart(5)} root      0:00 ${command}`)];
    const full = args.some((arg) => /^-?[a-z]*[ef]|aux|ax/.test(arg));
    // procps shows only the terminal's processes without options; all of them here, so that PID 1 shows.
    if (!full) return ['    PID TTY          TIME CMD', ...processes.map(([pid, command]) => `${String(pid).padStart(7)} ${tty(pid)} 00:00:00 ${command.split(' ')[0]!.replace(/:$/, '')}`)];
    return ['UID          PID    PPID  C STIME TTY          TIME CMD', ...processes.map(([pid, command]) => `root     ${String(pid).padStart(7)} ${String(pid === this.runPid && this.shellPid > 0 ? this.shellPid : pid === 1 ? 0 : 1).padStart(7)}  0 00:00 ${tty(pid)} 00:00:00 ${command}`)];
  }

  private nslookup(host: string): ProgramResult {
    const header = ['Server:\t\t10.96.0.10', 'Address:\t10.96.0.10#53', ''];
    if (host === '') return { code: 1, stderr: ['Usage: nslookup HOST'] };
    const found = lookup(this.reader(), host, this.namespace);
    if (!found) return { code: 1, stdout: header, stderr: [`** server can't find ${host}.${this.namespace}.svc.cluster.local: NXDOMAIN`, ''] };
    return { code: 0, stdout: [...header, ...found.addresses.flatMap((address) => [`Name:\t${found.name}`, `Address: ${address}`]), ''] };
  }
}
