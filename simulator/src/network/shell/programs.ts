/**
 * Programs the exec shell adds to the simulator's utilities (ls and cat have their own
 * files): ps (procps' and busybox's columns) and nslookup (busybox's answer, NXDOMAIN,
 * and the time-out when an egress NetworkPolicy leaves the Pod without DNS).
 */
import type { ProgramResult } from '../../kubelet/shell';
import type { StateReader } from '../../kubelet/replay';
import type { JsonObject } from '../../store/json';
import { canResolve, DNS_SERVER, lookup } from '../dns';

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
