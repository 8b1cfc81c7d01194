/**
 * The kubelet's model of what runs inside a container: the machine an image provides
 * (its shell, files and programs), the daemons (servers) it can start, and what a run
 * produced. Plain data and pure functions, shared by the shell, the image catalogue, the
 * stages, the probes, the logs and the usage.
 */

export interface LogLine {
  /** Epoch milliseconds. */
  at: number;
  text: string;
}

/** Which shell and utilities the image has: busybox (busybox, alpine), dash + GNU (debian), bash + GNU (ubuntu). */
export type ShellFlavor = 'busybox' | 'dash' | 'bash';

/** A process that runs until it is stopped: a server, or `stress`. */
export interface Daemon {
  /** Its log lines between two epoch times, started at `start`. */
  lines: (start: number, from: number, until: number) => LogLine[];
  /** Ports it listens on, from `start + readyAfterMs`. */
  ports: number[];
  readyAfterMs: number;
  cpuMillis: number;
  memoryBytes: number;
  /** Exit code when stopped with SIGTERM; undefined: it ignores SIGTERM (killed at the grace period, 137). */
  termExitCode: number | undefined;
  /** It ends by itself `afterMs` after its start (`stress --timeout`), with this code and last line. */
  exit?: { afterMs: number; code: number; text?: string };
  /** What an HTTP GET on `path` answers (status code), or 'eof' for a server that does not speak HTTP. */
  http: (path: string) => number | 'eof';
}

/** A line a program prints: fixed, or made from the time it is printed. */
export type Text = string | ((at: number) => string);

/** What an image program did: exited (with output), or became a daemon. */
export type ProgramResult = { code: number; stdout?: Text[]; stderr?: Text[]; durationMs?: number } | { daemon: Daemon };

export interface Machine {
  flavor: ShellFlavor | undefined;
  env: Record<string, string>;
  hostname: string;
  /** Files present when the container starts (path -> content). */
  files: Record<string, string>;
  /** The image's own programs; undefined when `argv[0]` is not one of them. */
  program: (argv: string[]) => ProgramResult | undefined;
}

export interface Run {
  /** The last lines written, oldest first. */
  lines: LogLine[];
  exit?: { at: number; code: number };
  /** A daemon took over the process at `at` (it runs until stopped or it crashes). */
  daemon?: { at: number; daemon: Daemon };
  /** Looping without sleeping: a full CPU from then on. */
  busySince?: number;
  files: Map<string, string>;
  /** `trap ... TERM`: the script exits promptly on SIGTERM. */
  trapsTerm: boolean;
  /** When a file was last created, written or removed (exec probes look at files). */
  lastFileChange: number;
}

/** How far to simulate a run. */
export interface RunOptions {
  start: number;
  until: number;
  /** Lines to keep (the most recent); default 5000. */
  keepLast?: number;
}
