/**
 * What every kubectl command receives and how it answers: the cluster, its parsed
 * arguments, the files the caller read for `-f`, and an Output collecting stdout, stderr
 * and the exit code the way a kubectl process would leave them.
 */
import type { Cluster } from '../../cluster';
import type { KindInfo } from '../../api/catalog';
import type { UserInfo } from '../../rbac/authorizer';
import { Flags, type FlagSpec } from './parse';

export interface KubectlIo {
  /**
   * The files `-f` may name, path -> text, read by the caller (the CLI reads the disk, the
   * extension its workspace). A folder is the set of paths under `folder/`.
   */
  files?: Readonly<Record<string, string>>;
  /**
   * After a command that changed the cluster, let the controllers run until nothing
   * changes, within this simulated time (default 60 s; false: leave it to the caller).
   */
  settle?: false | { maxSimulatedMs: number };
  /** The caller is a terminal (the editor's): `kubectl exec -t` gets its TTY. */
  terminal?: boolean;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The prefix of the French line that follows kubectl's own text on stderr. */
export const HINT_PREFIX = '💡 ';

/** stdout, stderr and the exit code, written as kubectl writes them. */
export class Output {
  stdout = '';
  stderr = '';
  exitCode = 0;

  out(text: string): void {
    this.stdout += text;
  }

  err(text: string): void {
    this.stderr += text;
  }

  /** A French explanation after kubectl's text: one `💡 ` line per line of `fr`. */
  hint(fr: string | undefined): void {
    if (!fr) return;
    for (const line of fr.split('\n')) if (line.trim() !== '') this.stderr += `${HINT_PREFIX}${line}\n`;
  }

  result(): KubectlResult {
    return { stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode };
  }
}

export interface CommandContext {
  /** The cluster as `user` sees it: for a non-administrator, every store request is authorized first. */
  cluster: Cluster;
  /** Who the command runs as: the administrator, or who `--as` / `--as-group` name. */
  user: UserInfo;
  /** Simulated epoch milliseconds when the command runs. */
  now: number;
  /** `kubectl create deployment`: what usage errors name. */
  path: string;
  /** Positional arguments (after the subcommand words). */
  args: string[];
  /** How many of `args` came before `--` (cobra's ArgsLenAtDash), -1 without it. */
  argsLenAtDash: number;
  /** KubectlIo.terminal. */
  terminal: boolean;
  flags: Flags;
  /** `-n`, else `default`. */
  namespace: string;
  /** True when `-n` was given (apply checks it against the manifests' namespaces). */
  namespaceGiven: boolean;
  files: Readonly<Record<string, string>>;
  out: Output;
}

export interface Command {
  /** One line for `kubectl help`-like listings. */
  summary: string;
  flags: readonly FlagSpec[];
  run(context: CommandContext): void;
}

/** A command with subcommands (`create`, `rollout`, `top`). */
export interface CommandGroup {
  summary: string;
  /** What kubectl prints (on stderr) for the bare group: its help, shortened. */
  help: string;
  subcommands: Readonly<Record<string, Command | CommandGroup>>;
  /** What runs when no subcommand is named (`kubectl create -f web.yaml`). */
  command?: Command;
  /** Other names of subcommands: `ns` -> `namespace`. */
  aliases?: Readonly<Record<string, string>>;
}

export const isGroup = (entry: Command | CommandGroup): entry is CommandGroup => 'subcommands' in entry;

/** A resource type and, optionally, the names asked for. */
export interface ResourceRequest {
  info: KindInfo;
  names: string[];
}

export { Flags };
