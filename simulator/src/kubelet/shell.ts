/**
 * Runs a container's main process in simulated time: the shell utilities a `busybox`,
 * `alpine` or `ubuntu` container offers (`sleep`, `echo`, `touch`, `cat`, `date`, loops...)
 * and, through the Machine, the image's own programs (a server that runs until stopped).
 * The result up to a horizon is a pure function of the program, the machine and the
 * start time: logs, exit, probes and usage are all computed from it, never stored.
 */
import { UTILITIES } from './utilities';
import { ExitSignal, Halt, Interpreter } from './interpreter';
import type { Machine, Run, RunOptions } from './model';

export type { Daemon, LogLine, Machine, ProgramResult, Run, RunOptions, ShellFlavor } from './model';

/** True when `argv[0]` exists in the image: one of its programs, or a shell utility in a shell image. */
export function resolvable(machine: Machine, argv: string[]): boolean {
  if (machine.program(argv) !== undefined) return true;
  const name = (argv[0] ?? '').split('/').pop() ?? '';
  if (!machine.flavor) return false;
  return name === 'bash' ? machine.flavor === 'bash' : UTILITIES.has(name) || name === 'ash';
}

/** Simulates `argv` as a container's PID 1 from `start` until `until` (or its exit). */
export function runProcess(argv: string[], machine: Machine, options: RunOptions): Run {
  const own = machine.program(argv);
  if (own && 'daemon' in own) {
    // The image's server as PID 1, no shell involved: nothing to interpret.
    return {
      lines: [],
      daemon: { at: options.start, daemon: own.daemon },
      trapsTerm: false,
      lastFileChange: 0,
      get files() {
        return new Map(Object.entries(machine.files));
      },
    };
  }
  const interpreter = new Interpreter(machine, options);
  try {
    interpreter.exec(argv, { out: 'log' });
    interpreter.finish(interpreter.status);
  } catch (signal) {
    if (signal instanceof ExitSignal) interpreter.finish(signal.code);
    else if (!(signal instanceof Halt)) throw signal;
  }
  return interpreter.result();
}
