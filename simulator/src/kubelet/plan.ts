/**
 * What a started container will do, decided when it starts: when its process exits by
 * itself (a one-shot command, a server refusing its configuration, the OOM killer when
 * the memory limit is below what the program needs), what it listens on, and how it
 * reacts to being stopped. A pure function of the process, the start time and the limits.
 */
import { parseQuantity, integerValue } from '../api/quantity';
import { isJsonObject, type JsonObject } from '../store/json';
import { between } from './hash';
import type { ProcessSpec } from './machine';
import type { Daemon } from './model';
import { runProcess } from './shell';

/** How far ahead a start looks for the process's own exit. */
export const PLAN_HORIZON_MS = 30 * 24 * 3_600_000;
/** A shell, sleep or echo: what `kubectl top` shows for them. */
const SHELL_MEMORY_BYTES = 450 * 1024;

export type TerminationReason = 'Completed' | 'Error' | 'OOMKilled' | 'StartError';

export interface Plan {
  startedAt: number;
  /** The process's own end (undefined: it runs until stopped). */
  exit?: { at: number; code: number; reason: TerminationReason };
  /** The server that took over the process at `at`: only what probes and stops need (no logs, no closures over the Pod). */
  daemon?: { at: number } & Pick<Daemon, 'ports' | 'readyAfterMs' | 'termExitCode' | 'http'>;
  busySince?: number;
  trapsTerm: boolean;
  /** Files stop changing after this time (exec probes that read files are stable from then). */
  lastFileChange: number;
  /** Steady usage once started. */
  cpuMillis: number;
  memoryBytes: number;
}

/** `Completed` for 0, else `Error`: what containerd reports for a process that exited. */
export const exitReason = (code: number): TerminationReason => (code === 0 ? 'Completed' : 'Error');

/** The container's memory limit in bytes, if any. */
export function memoryLimit(container: JsonObject): number | undefined {
  const resources = isJsonObject(container.resources) ? container.resources : {};
  const limit = isJsonObject(resources.limits) ? resources.limits.memory : undefined;
  if (typeof limit !== 'string' && typeof limit !== 'number') return undefined;
  const parsed = parseQuantity(limit);
  return parsed.ok ? Number(integerValue(parsed.quantity)) : undefined;
}

/** Plans a run of `process` started at `startedAt`; `key` seeds the small timing jitter. */
export function planRun(process: ProcessSpec, startedAt: number, container: JsonObject, key: string): Plan {
  const run = runProcess(process.argv, process.machine, { start: startedAt, until: startedAt + PLAN_HORIZON_MS, keepLast: 1 });
  const daemon = run.daemon;
  const memoryBytes = daemon ? daemon.daemon.memoryBytes : SHELL_MEMORY_BYTES;
  const cpuMillis = run.busySince !== undefined ? 1000 : (daemon?.daemon.cpuMillis ?? 0);
  let exit: Plan['exit'];
  if (run.exit) exit = { at: run.exit.at, code: run.exit.code, reason: exitReason(run.exit.code) };
  else if (daemon?.daemon.exit) exit = { at: daemon.at + daemon.daemon.exit.afterMs, code: daemon.daemon.exit.code, reason: exitReason(daemon.daemon.exit.code) };
  const limit = memoryLimit(container);
  if (limit !== undefined && memoryBytes > limit) {
    // The kernel's OOM killer, while the program grows towards what it needs (cgroup v2,
    // memory.oom.group: the whole container goes, exit 137).
    const growing = daemon ? Math.max(50, Math.min(daemon.daemon.readyAfterMs, 3000) * 0.6) : 100;
    const at = (daemon?.at ?? startedAt) + Math.round(growing) + between(`${key}:oom`, 0, 80);
    if (!exit || at < exit.at) exit = { at, code: 137, reason: 'OOMKilled' };
  }
  return {
    startedAt,
    ...(exit ? { exit } : {}),
    ...(daemon ? { daemon: { at: daemon.at, ports: daemon.daemon.ports, readyAfterMs: daemon.daemon.readyAfterMs, termExitCode: daemon.daemon.termExitCode, http: daemon.daemon.http } } : {}),
    ...(run.busySince !== undefined ? { busySince: run.busySince } : {}),
    trapsTerm: run.trapsTerm,
    lastFileChange: run.lastFileChange,
    cpuMillis,
    memoryBytes,
  };
}

/**
 * How a running container stops when the kubelet stops it at `at` with `graceMs`: a program
 * that handles the image's stop signal exits promptly with its code; PID 1 without a
 * handler (a shell, sleep, node, python) ignores SIGTERM and is killed at the end of the
 * grace period (exit 137).
 */
export function stopOutcome(plan: Plan, at: number, graceMs: number, key: string): { at: number; code: number } {
  const prompt = between(`${key}:stop`, 80, 450);
  const daemon = plan.daemon && plan.daemon.at <= at ? plan.daemon : undefined;
  if (daemon?.termExitCode !== undefined && prompt < graceMs) return { at: at + prompt, code: daemon.termExitCode };
  if (!daemon && plan.trapsTerm && prompt < graceMs) return { at: at + prompt, code: 0 };
  return { at: at + graceMs, code: 137 };
}
