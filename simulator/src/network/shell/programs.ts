/**
 * Programs the exec shell adds to the simulator's utilities, over the container's files
 * and the cluster: ls (GNU coreutils' and busybox's texts), ps (procps' and busybox's
 * columns) and nslookup (busybox's answer, NXDOMAIN, and the time-out when an egress
 * NetworkPolicy leaves the Pod without DNS).
 */
import { byteLength } from '../../api/validation/rules/formats';
import type { ProgramResult } from '../../kubelet/shell';
import type { StateReader } from '../../kubelet/replay';
import type { JsonObject } from '../../store/json';
import { canResolve, DNS_SERVER, lookup } from '../dns';
import { normalizePath } from '../podFiles';

/** What ls reads of the container's files. */
export interface ShellFiles {
  cwd: string;
  files: ReadonlyMap<string, string>;
  directories: ReadonlySet<string>;
  entries(folder: string): { name: string; directory: boolean }[];
}

const FLAGS = /^-[a-zA-Z1]+$/;

/** `ls [-1al] [PATH...]`; `now` stamps `-l`. */
export function ls(fs: ShellFiles, args: readonly string[], gnu: boolean, now: number): ProgramResult {
  const flags = args.filter((arg) => FLAGS.test(arg)).join('');
  const long = flags.includes('l');
  const all = flags.includes('a');
  const paths = args.filter((arg) => !FLAGS.test(arg));
  const stdout: string[] = [];
  const stderr: string[] = [];
  const when = new Date(now);
  const stamp = `${when.toUTCString().slice(8, 11)} ${String(when.getUTCDate()).padStart(2)} ${when.toISOString().slice(11, 16)}`;
  const line = (entry: string, directory: boolean, path: string): string => {
    if (!long) return entry;
    const size = directory ? 4096 : byteLength(fs.files.get(path) ?? '');
    return `${directory ? 'drwxr-xr-x' : '-rw-r--r--'} ${directory ? 2 : 1} root root ${String(size).padStart(5)} ${stamp} ${entry}`;
  };
  const targets = paths.length === 0 ? ['.'] : paths;
  targets.forEach((path, index) => {
    const target = normalizePath(path, fs.cwd);
    if (fs.files.has(target)) {
      stdout.push(line(path, false, target));
      return;
    }
    if (!fs.directories.has(target)) {
      stderr.push(gnu ? `ls: cannot access '${path}': No such file or directory` : `ls: ${path}: No such file or directory`);
      return;
    }
    const entries = fs.entries(target).filter((entry) => all || !entry.name.startsWith('.'));
    const shown = [...(all ? [{ name: '.', directory: true }, { name: '..', directory: true }] : []), ...entries];
    if (targets.length > 1) stdout.push(`${index > 0 ? '\n' : ''}${path}:`);
    if (long) stdout.push(`total ${entries.length * 4}`, ...shown.map((entry) => line(entry.name, entry.directory, normalizePath(entry.name, target))));
    else if (shown.length > 0) stdout.push(flags.includes('1') ? shown.map((e) => e.name).join('\n') : shown.map((e) => e.name).join('  '));
  });
  return { code: stderr.length > 0 ? (gnu ? 2 : 1) : 0, stdout, stderr };
}

/** The processes ps shows: the container's main one as PID 1, the shell, ps itself. */
export interface ProcessTable {
  main: readonly string[];
  shellPid: number;
  shellName: string;
  runPid: number;
}

const base = (path: string | undefined): string => (path ?? '').split('/').pop() ?? '';

/** `ps [-ef|aux]`. */
export function ps(table: ProcessTable, args: readonly string[], gnu: boolean): string[] {
  const { main, shellPid, shellName, runPid } = table;
  const processes: [number, string][] =
    base(main[0]) === 'nginx'
      ? [[1, `nginx: master process ${main.join(' ')}`], [29, 'nginx: worker process'], [30, 'nginx: worker process']]
      : [[1, main.join(' ')]];
  if (shellPid > 0) processes.push([shellPid, shellName]);
  processes.push([runPid, `ps${args.length > 0 ? ` ${args.join(' ')}` : ''}`]);
  const tty = (pid: number): string => (pid === shellPid || pid === runPid ? 'pts/0   ' : '?       ');
  if (!gnu) return ['PID   USER     TIME  COMMAND', ...processes.map(([pid, command]) => `${String(pid).padStart(5)} root      0:00 ${command}`)];
  const full = args.some((arg) => /^-?[a-z]*[ef]|aux|ax/.test(arg));
  // procps shows only the terminal's processes without options; all of them here, so that PID 1 shows.
  if (!full) return ['    PID TTY          TIME CMD', ...processes.map(([pid, command]) => `${String(pid).padStart(7)} ${tty(pid)} 00:00:00 ${command.split(' ')[0]!.replace(/:$/, '')}`)];
  return ['UID          PID    PPID  C STIME TTY          TIME CMD', ...processes.map(([pid, command]) => `root     ${String(pid).padStart(7)} ${String(pid === runPid && shellPid > 0 ? shellPid : pid === 1 ? 0 : 1).padStart(7)}  0 00:00 ${tty(pid)} 00:00:00 ${command}`)];
}

/** busybox `nslookup HOST` from a Pod of `namespace`. */
export function nslookup(reader: StateReader, pod: JsonObject | undefined, namespace: string, host: string): ProgramResult {
  if (host === '') return { code: 1, stderr: ['Usage: nslookup HOST'] };
  // Five seconds per try, two tries, then the resolver gives up.
  if (!canResolve(reader, pod)) return { code: 1, stdout: [';; connection timed out; no servers could be reached', ''], durationMs: 10_000 };
  const header = [`Server:\t\t${DNS_SERVER}`, `Address:\t${DNS_SERVER}#53`, ''];
  const found = lookup(reader, host, namespace);
  if (!found) return { code: 1, stdout: header, stderr: [`** server can't find ${host}.${namespace}.svc.cluster.local: NXDOMAIN`, ''] };
  return { code: 0, stdout: [...header, ...found.addresses.flatMap((address) => [`Name:\t${found.name}`, `Address: ${address}`]), ''] };
}
