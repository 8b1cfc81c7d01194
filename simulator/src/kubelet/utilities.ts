/**
 * The shell utilities a simulated container offers: busybox applets (busybox, alpine) or
 * coreutils (debian, ubuntu), with their own error texts (`cat: can't open 'x': No such
 * file or directory` against `cat: x: No such file or directory`). Network tools are
 * accepted and do nothing visible: the cluster's network is not simulated from inside.
 */
import { formatDate, type Scope } from './expand';
import type { ShellFlavor } from './model';

/** Where a command's output goes: the log, a capture (command substitution), or nowhere. */
export interface Io {
  out: 'log' | 'null' | string[];
  err?: 'log' | 'null' | string[];
  /** What a pipe feeds in (stdin); absent: nothing. */
  input?: string[];
}

/** What the utilities need from the running shell. */
export interface UtilityShell extends Scope {
  readonly hostname: string;
  write(io: Io, text: string, error?: boolean): void;
  sleep(ms: number): void;
  forever(): never;
  file(path: string): string | undefined;
  setFile(path: string, content: string | undefined): void;
  trap(): void;
  exit(code: number): never;
  loop(kind: 'break' | 'continue'): never;
  run(argv: string[], io: Io): void;
}

export const UTILITIES = new Set(['echo', 'printf', 'sleep', 'touch', 'rm', 'cat', 'mkdir', 'ls', 'true', 'false', ':', 'exit', 'date', 'hostname', 'env', 'printenv', 'seq', 'test', '[', 'export', 'cd', 'pwd', 'trap', 'wait', 'tail', 'whoami', 'uname', 'sh', 'bash', 'wget', 'curl', 'nslookup', 'nc', 'ping', 'set', 'break', 'continue', 'kill', 'grep', 'head', 'wc', 'sort', 'uniq']);

/** The shell utilities (busybox applets, or coreutils on debian and ubuntu). */
export function utility(shell: UtilityShell, name: string, args: string[], io: Io, flavor: ShellFlavor): void {
  const gnu = flavor !== 'busybox';
  switch (name) {
    case 'echo': {
      const noNewline = args[0] === '-n';
      shell.write(io, (noNewline ? args.slice(1) : args).join(' ').replace(/\\n/g, '\n'));
      return;
    }
    case 'printf': {
      const [format = '', ...values] = args;
      let index = 0;
      const text = format.replace(/%[sd]/g, () => values[index++] ?? '').replace(/\\n/g, '\n');
      for (const line of text.replace(/\n$/, '').split('\n')) shell.write(io, line);
      return;
    }
    case 'sleep':
      if (args[0] === 'infinity' || args[0] === 'inf') shell.forever();
      shell.sleep(args.reduce((total, arg) => total + duration(arg), 0));
      return;
    case 'tail':
      if (args.includes('-f') || args.includes('-F')) shell.forever();
      return filter(shell, name, args, io, gnu);
    case 'touch':
      for (const path of args) if (shell.file(path) === undefined) shell.setFile(path, '');
      return;
    case 'rm':
      for (const path of args.filter((arg) => !arg.startsWith('-'))) shell.setFile(path, undefined);
      return;
    case 'grep':
    case 'head':
    case 'wc':
    case 'sort':
    case 'uniq':
      return filter(shell, name, args, io, gnu);
    case 'cat':
      if (args.every((arg) => arg.startsWith('-'))) for (const line of io.input ?? []) shell.write(io, line);
      for (const path of args.filter((arg) => !arg.startsWith('-'))) {
        const content = shell.file(path);
        if (content === undefined) {
          shell.write(io, gnu ? `cat: ${path}: No such file or directory` : `cat: can't open '${path}': No such file or directory`, true);
          shell.status = 1;
        } else for (const line of content.replace(/\n$/, '').split('\n').filter((line, _i, all) => all.length > 1 || line !== '')) shell.write(io, line);
      }
      return;
    case 'test':
    case '[':
      shell.status = test(shell, name === '[' ? args.slice(0, -1) : args) ? 0 : 1;
      return;
    case 'false':
      shell.status = 1;
      return;
    case 'exit':
      shell.exit(args[0] === undefined ? shell.status : Number.parseInt(args[0], 10) & 255 || 0);
      return;
    case 'break':
    case 'continue':
      shell.loop(name);
      return;
    case 'date':
      shell.write(io, formatDate(shell.now, gnu));
      return;
    case 'hostname':
      shell.write(io, shell.hostname);
      return;
    case 'whoami':
      shell.write(io, 'root');
      return;
    case 'uname':
      shell.write(io, 'Linux');
      return;
    case 'pwd':
      shell.write(io, '/');
      return;
    case 'env':
    case 'printenv': {
      const names = args.length > 0 ? args : Object.keys(shell.vars);
      for (const key of names) if (shell.vars[key] !== undefined) shell.write(io, args.length > 0 ? shell.vars[key] : `${key}=${shell.vars[key]}`);
      // coreutils and busybox: exit status 1 when a variable asked for is not set.
      if (args.some((key) => shell.vars[key] === undefined)) shell.status = 1;
      return;
    }
    case 'seq': {
      const [first, last] = args.length === 1 ? [1, Number(args[0])] : [Number(args[0]), Number(args[1])];
      for (let i = first; i <= last && i - first < 100_000; i++) shell.write(io, String(i));
      return;
    }
    case 'trap':
      if (args.slice(1).some((signal) => /^(SIG)?(TERM|INT)$|^15$/.test(signal))) shell.trap();
      return;
    case 'sh':
    case 'bash':
    case 'ash':
      shell.run([name, ...args], io);
      return;
    default:
      // mkdir, ls, cd, export, wait, set, kill, and the network tools: nothing to show here.
      return;
  }
}

/** `sleep` arguments: seconds, or with an s/m/h/d suffix. */
function duration(arg: string): number {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!match) return 0;
  const factor = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(match[1]) * factor);
}

/** `test` / `[`: files, strings and integer comparisons. */
function test(shell: UtilityShell, args: string[]): boolean {
  if (args[0] === '!') return !test(shell, args.slice(1));
  if (args.length === 1) return args[0] !== '';
  if (args.length === 2) {
    const [op, value = ''] = args;
    if (op === '-f' || op === '-e' || op === '-s') return shell.file(value) !== undefined && (op !== '-s' || shell.file(value) !== '');
    if (op === '-d') return value === '/' || value === '/tmp';
    if (op === '-z') return value === '';
    if (op === '-n') return value !== '';
    return false;
  }
  const [left = '', op, right = ''] = args;
  const numbers = [Number.parseInt(left, 10), Number.parseInt(right, 10)] as const;
  switch (op) {
    case '=':
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '-eq':
      return numbers[0] === numbers[1];
    case '-ne':
      return numbers[0] !== numbers[1];
    case '-lt':
      return numbers[0] < numbers[1];
    case '-le':
      return numbers[0] <= numbers[1];
    case '-gt':
      return numbers[0] > numbers[1];
    case '-ge':
      return numbers[0] >= numbers[1];
    default:
      return false;
  }
}

/** The text filters, over the named files or the piped input: grep, head, tail, wc -l, sort, uniq. */
function filter(shell: UtilityShell, name: string, args: string[], io: Io, gnu: boolean): void {
  const flags = args.filter((arg) => /^-[a-zA-Z0-9]+$/.test(arg));
  const words = args.filter((arg) => !flags.includes(arg));
  const count = Number(/^-n$/.test(flags[0] ?? '') ? words.shift() : (/^-(\d+)$/.exec(flags[0] ?? '')?.[1] ?? 10));
  const pattern = name === 'grep' ? (words.shift() ?? '') : '';
  let lines = io.input ?? [];
  if (words.length > 0) {
    lines = [];
    for (const path of words) {
      const content = shell.file(path);
      if (content === undefined) {
        shell.write(io, gnu ? `${name}: ${path}: No such file or directory` : `${name}: ${path}: No such file or directory`, true);
        shell.status = 2;
        return;
      }
      lines.push(...content.replace(/\n$/, '').split('\n'));
    }
  }
  let out: string[];
  switch (name) {
    case 'grep': {
      const insensitive = flags.some((flag) => flag.includes('i'));
      const invert = flags.some((flag) => flag.includes('v'));
      let expression: RegExp;
      try {
        expression = new RegExp(pattern, insensitive ? 'i' : '');
      } catch {
        expression = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), insensitive ? 'i' : '');
      }
      const matches = lines.filter((line) => expression.test(line) !== invert);
      shell.status = matches.length > 0 ? 0 : 1;
      if (flags.some((flag) => flag.includes('q'))) return;
      out = flags.some((flag) => flag.includes('c')) ? [String(matches.length)] : matches;
      break;
    }
    case 'head':
      out = lines.slice(0, count);
      break;
    case 'tail':
      out = lines.slice(Math.max(0, lines.length - count));
      break;
    case 'wc':
      out = [flags.includes('-l') ? String(lines.length) : `${lines.length} ${lines.join(' ').split(/\s+/).filter(Boolean).length} ${lines.join('\n').length + lines.length}`];
      break;
    case 'sort':
      out = [...lines].sort();
      break;
    default:
      out = lines.filter((line, index) => index === 0 || line !== lines[index - 1]);
  }
  for (const line of out) shell.write(io, line);
}
