/**
 * What runs behind a terminal of the Atelier: a session takes the lines the line editor
 * hands over and says what to print, whether to clear the screen or to close. The kubectl
 * terminal is one (kubectlSession.ts), a `kubectl exec` shell another (ExecSession below).
 * No `vscode` here: the Pseudoterminal adapter (kubectlTerminal.ts) drives them.
 */
import { HINT_PREFIX } from '../../../simulator/src/kubectl/commands/context';
import type { ExecShell } from '../../../simulator/src/network/shell/execShell';
import type { Completion } from './lineEditor';
import { completeInShell } from './shellCompletion';

export interface SessionOutput {
  /** What to print; lines end with `\n` (the adapter writes `\r\n`). */
  text: string;
  /** Close the terminal after printing. */
  close?: boolean;
  /** Clear the screen first. */
  clear?: boolean;
}

export interface TerminalSession {
  /** Printed when the terminal opens. */
  readonly banner: string;
  prompt(): string;
  run(line: string): SessionOutput | Promise<SessionOutput>;
  complete?(before: string): Completion | undefined;
  /** Ctrl+D on an empty line. */
  endOfInput(): SessionOutput;
}

const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

/** stderr in red, and kubectl's French hints (`💡 ...`) in yellow. */
export function colorErrors(stderr: string): string {
  if (stderr === '') return '';
  const lines = stderr.replace(/\n$/, '').split('\n');
  return `${lines.map((line) => (line.startsWith(HINT_PREFIX) ? `${YELLOW}${line}${RESET}` : line === '' ? line : `${RED}${line}${RESET}`)).join('\n')}\n`;
}

/** `command terminated with exit code N`, as kubectl exec says it when the command failed. */
export const terminated = (code: number): string => (code === 0 ? '' : `command terminated with exit code ${code}\n`);

/** A terminal on a shell in a container (the "Ouvrir un shell" command): `exit` closes it. */
export class ExecSession implements TerminalSession {
  constructor(
    private readonly shell: ExecShell,
    readonly banner: string,
  ) {}

  prompt(): string {
    return this.shell.prompt();
  }

  run(line: string): SessionOutput {
    const result = this.shell.runLine(line);
    if (result.exit === undefined) return { text: result.output, ...(result.clear ? { clear: true } : {}) };
    return { text: result.output + (result.exit === 137 ? '' : colorErrors(terminated(result.exit))), close: true };
  }

  complete(before: string): Completion | undefined {
    return completeInShell(this.shell, before);
  }

  endOfInput(): SessionOutput {
    return { text: 'exit\n', close: true };
  }
}
