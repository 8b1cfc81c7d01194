/**
 * Building blocks for the image programs: a daemon (a server that runs until stopped)
 * with its startup log, and the timestamp formats each upstream program prints.
 */
import type { Daemon, LogLine, ProgramResult } from './model';

/** What an image program knows when it starts. */
export interface ProgramContext {
  env: Record<string, string>;
  hostname: string;
  podIP: string;
  /** The program version the tag stands for: `1.27.3`. */
  version: string;
  /** The tag asks for an alpine variant. */
  alpine: boolean;
  /** Started through the image's entrypoint script (which prints its own lines). */
  wrapped: boolean;
}

/** A log line at `offsetMs` after the start: fixed text or text of the time. */
export type BannerLine = [offsetMs: number, text: string | ((at: number) => string)];

export interface DaemonOptions {
  ports: number[];
  readyAfterMs: number;
  cpuMillis: number;
  memoryMi: number;
  /** Exit code on the image's stop signal; undefined when PID 1 ignores it (killed at the grace period). */
  termExitCode: number | undefined;
  http?: (path: string) => number | 'eof';
  /** The startup lines; a function when they are many, so that a running daemon does not hold them. */
  banner: BannerLine[] | (() => BannerLine[]);
  exit?: { afterMs: number; code: number; text?: string };
}

/** A server that does not speak HTTP (a database): the client reads EOF. Module-level, so it holds nothing. */
const NOT_HTTP = (): 'eof' => 'eof';
/** A server that answers 200 on every path (whoami, http-echo). */
export const ALWAYS_OK = (): number => 200;

export function daemon(options: DaemonOptions): { daemon: Daemon } {
  return {
    daemon: {
      ports: options.ports,
      readyAfterMs: options.readyAfterMs,
      cpuMillis: options.cpuMillis,
      memoryBytes: Math.round(options.memoryMi * 1024 * 1024),
      termExitCode: options.termExitCode,
      http: options.http ?? NOT_HTTP,
      ...(options.exit ? { exit: options.exit } : {}),
      lines: (start, from, until) => banner(start, typeof options.banner === 'function' ? options.banner() : options.banner).filter((line) => line.at >= from && line.at <= until),
    },
  };
}

/** Lines of a program that printed (on stderr) and exited. */
export function exited(code: number, lines: string[], durationMs = 50): ProgramResult {
  return { code, stderr: lines, durationMs };
}

export function banner(start: number, lines: BannerLine[]): LogLine[] {
  return lines.map(([offset, text]) => ({ at: start + offset, text: typeof text === 'string' ? text : text(start + offset) }));
}

/** An HTTP server that serves `paths` (200) and answers 404 elsewhere. */
export function serves(...paths: string[]): (path: string) => number {
  return (path) => (paths.includes(path.split('?')[0]!) ? 200 : 404);
}

/** `-flag value`, `--flag value`, `-flag=value` or `--flag=value`. */
export function flag(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!.replace(/^--?/, '');
    if (!args[i]!.startsWith('-')) continue;
    if (arg === name) return args[i + 1] ?? '';
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1).replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

const iso = (at: number) => new Date(at).toISOString();
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export const time = {
  /** Go's log package and nginx: `2024/01/01 00:00:07`. */
  slashes: (at: number) => iso(at).slice(0, 19).replace(/-/g, '/').replace('T', ' '),
  /** redis: `01 Jan 2024 00:00:07.123`. */
  redis: (at: number) => {
    const d = new Date(at);
    return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]!} ${d.getUTCFullYear()} ${iso(at).slice(11, 23)}`;
  },
  /** PostgreSQL: `2024-01-01 00:00:07.123 UTC`. */
  postgres: (at: number) => `${iso(at).slice(0, 23).replace('T', ' ')} UTC`,
  /** RFC 3339 with milliseconds: `2024-01-01T00:00:07.123Z`. */
  iso,
  /** RFC 3339 with microseconds: `2024-01-01T00:00:07.123000Z`. */
  micros: (at: number) => `${iso(at).slice(0, 23)}000Z`,
  /** Apache: `Mon Jan 01 00:00:07.123000 2024`. */
  apache: (at: number) => {
    const d = new Date(at);
    return `${DAYS[d.getUTCDay()]!} ${MONTHS[d.getUTCMonth()]!} ${pad(d.getUTCDate())} ${iso(at).slice(11, 23)}000 ${d.getUTCFullYear()}`;
  },
  /** Seconds with an offset: `2024-01-01 00:00:07+00:00`. */
  offset: (at: number) => `${iso(at).slice(0, 19).replace('T', ' ')}+00:00`,
};
