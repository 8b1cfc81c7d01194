/**
 * The interpreter behind runProcess (shell.ts): it walks the parsed script in simulated
 * time, writing log lines, keeping the container's files, and stopping at the horizon.
 */
import { parseScript, ShellSyntaxError, type AndOr, type Command, type List } from './shparse';
import { isConstant, isPure } from './shloop';
import { expandWords, type Scope } from './expand';
import { UTILITIES, utility, type Io, type UtilityShell } from './utilities';
import type { LogLine, Machine, ProgramResult, Run, RunOptions } from './model';

const STEP_BUDGET = 200_000;

/** Control flow of the simulated shell (thrown, caught in runProcess and the loops). */
export class Halt extends Error {}
export class ExitSignal extends Error {
  constructor(readonly code: number) {
    super('exit');
  }
}
class LoopSignal extends Error {
  constructor(readonly kind: 'break' | 'continue') {
    super(kind);
  }
}

export class Interpreter implements Scope, UtilityShell {
  status = 0;
  now: number;
  readonly vars: Record<string, string>;
  private readonly lines: LogLine[] = [];
  private readonly files: Map<string, string>;
  private steps = 0;
  private outcome: Pick<Run, 'exit' | 'daemon' | 'busySince'> = {};
  private trapsTerm = false;
  private lastFileChange = 0;
  private readonly keepLast: number;

  constructor(
    private readonly machine: Machine,
    private readonly options: RunOptions,
  ) {
    this.now = options.start;
    this.vars = { ...machine.env, HOSTNAME: machine.env.HOSTNAME ?? machine.hostname, HOME: machine.env.HOME ?? '/root' };
    this.files = new Map(Object.entries(machine.files));
    this.keepLast = options.keepLast ?? 5000;
  }

  get hostname(): string {
    return this.machine.hostname;
  }

  finish(code: number): void {
    if (!this.outcome.daemon && !this.outcome.busySince) this.outcome.exit = { at: this.now, code };
  }

  result(): Run {
    return { lines: this.lines, ...this.outcome, files: this.files, trapsTerm: this.trapsTerm, lastFileChange: this.lastFileChange };
  }

  /** Command substitution: runs `script` and returns what it printed. */
  capture(script: string): string {
    const out: string[] = [];
    this.list(this.parse(script, { out }), { out });
    return out.join('\n');
  }

  private parse(script: string, io: Io): List {
    try {
      return parseScript(script);
    } catch (error) {
      if (!(error instanceof ShellSyntaxError)) throw error;
      this.write(io, this.prefix() + error.message, true);
      throw new ExitSignal(2);
    }
  }

  private prefix(): string {
    return this.machine.flavor === 'bash' ? 'bash: line 1: ' : this.machine.flavor === 'dash' ? 'sh: 1: ' : 'sh: ';
  }

  private tick(): void {
    if (++this.steps > STEP_BUDGET || this.now > this.options.until) throw new Halt();
  }

  write(io: Io, text: string, error = false): void {
    const target = error ? (io.err ?? 'log') : io.out;
    if (target === 'null') return;
    if (Array.isArray(target)) {
      target.push(text);
      return;
    }
    this.lines.push({ at: this.now, text });
    if (this.lines.length > this.keepLast * 2) this.lines.splice(0, this.lines.length - this.keepLast);
  }

  /** Runs a process by argv (exec form, no word expansion). */
  exec(argv: string[], io: Io): void {
    const name = (argv[0] ?? '').split('/').pop() ?? '';
    if ((name === 'sh' || name === 'bash' || name === 'ash') && this.machine.flavor) {
      const flag = argv.findIndex((arg, index) => index > 0 && /^-[a-z]*c[a-z]*$/.test(arg));
      // Without -c and without a terminal, a shell reads an empty stdin and exits 0.
      if (flag === -1) return;
      this.list(this.parse(argv[flag + 1] ?? '', io), io);
      return;
    }
    this.simple(argv, io);
  }

  list(list: List, io: Io): void {
    for (const item of list) this.andOr(item, io);
  }

  private andOr(item: AndOr, io: Io): void {
    this.pipeline(item.first, io);
    for (const { op, pipeline } of item.rest) {
      if ((op === '&&') === (this.status === 0)) this.pipeline(pipeline, io);
    }
  }

  private pipeline(pipeline: AndOr['first'], io: Io): void {
    // Each command's output is the next one's input (sequentially: simulated time is shared).
    let input = io.input;
    pipeline.commands.forEach((command, index) => {
      const out: string[] = [];
      this.command(command, index === pipeline.commands.length - 1 ? { ...io, input } : { out, err: io.err, input });
      input = out;
    });
    if (pipeline.negate) this.status = this.status === 0 ? 1 : 0;
  }

  private command(command: Command, io: Io): void {
    this.tick();
    switch (command.type) {
      case 'simple': {
        for (const [name, value] of command.assignments) this.vars[name] = expandWords([value], this, false).join(' ');
        if (command.words.length === 0) return;
        const argv = expandWords(command.words, this, true);
        let target: Io = io;
        for (const redirect of command.redirects) {
          if (redirect.op === '>&') target = redirect.fd === 2 ? { ...target, err: target.out } : { ...target, out: target.err ?? 'log' };
          else {
            const path = expandWords([redirect.target], this, false).join(' ');
            if (['/dev/stdout', '/dev/stderr', '/proc/1/fd/1', '/proc/1/fd/2'].includes(path)) continue;
            if (path === '/dev/null') target = redirect.fd === 1 ? { ...target, out: 'null' } : { ...target, err: 'null' };
            else if (redirect.fd === 1) {
              const sink: string[] = [];
              if (redirect.op === '>' || !this.files.has(path)) this.setFile(path, '');
              target = { ...target, out: sink };
              this.simple(argv, target);
              this.setFile(path, (this.files.get(path) ?? '') + sink.map((line) => `${line}\n`).join(''));
              return;
            }
          }
        }
        this.simple(argv, target);
        return;
      }
      case 'group':
        this.list(command.body, io);
        return;
      case 'if': {
        for (const branch of command.branches) {
          this.list(branch.condition, io);
          if (this.status === 0) return this.list(branch.body, io);
        }
        this.status = 0;
        if (command.otherwise) this.list(command.otherwise, io);
        return;
      }
      case 'for': {
        const items = command.items ? expandWords(command.items, this, true) : [];
        for (const item of items) {
          this.vars[command.variable] = item;
          if (this.loopBody(command.body, io) === 'break') break;
        }
        return;
      }
      case 'while':
        this.whileLoop(command, io);
        return;
    }
  }

  private loopBody(body: List, io: Io): 'break' | undefined {
    try {
      this.list(body, io);
    } catch (signal) {
      if (!(signal instanceof LoopSignal)) throw signal;
      if (signal.kind === 'break') return 'break';
    }
    return undefined;
  }

  private whileLoop(command: Extract<Command, { type: 'while' }>, io: Io): void {
    const forever = isConstant(command.condition, command.until ? 'false' : 'true') && isPure(command.body);
    for (;;) {
      this.list(command.condition, io);
      if ((this.status === 0) === command.until) break;
      const before = this.now;
      const linesBefore = this.lines.length;
      if (this.loopBody(command.body, io) === 'break') break;
      const period = this.now - before;
      if (!forever) continue;
      if (period === 0) {
        // A loop that never sleeps: it burns a CPU and floods the log, for ever.
        this.outcome.busySince = this.now;
        throw new Halt();
      }
      // Same body, same duration: skip whole iterations whose lines nobody will read.
      const perIteration = Math.max(1, this.lines.length - linesBefore);
      const remaining = Math.floor((this.options.until - this.now) / period);
      const skip = remaining - Math.ceil(this.keepLast / perIteration) - 1;
      if (skip > 0) this.now += skip * period;
    }
    this.status = 0;
  }

  /** A simple command, after expansion. */
  private simple(argv: string[], io: Io): void {
    const [name = '', ...args] = argv;
    const base = name.split('/').pop() ?? name;
    const own = this.machine.program(argv);
    if (own) return this.program(own, io);
    if (!this.machine.flavor || !(UTILITIES.has(base) || base === 'ash')) {
      this.write(io, this.machine.flavor === 'bash' ? `bash: line 1: ${name}: command not found` : `${this.prefix()}${name}: not found`, true);
      this.status = 127;
      return;
    }
    this.status = 0;
    utility(this, base, args, io, this.machine.flavor);
  }

  private program(result: ProgramResult, io: Io): void {
    if ('daemon' in result) {
      this.outcome.daemon = { at: this.now, daemon: result.daemon };
      throw new Halt();
    }
    for (const line of result.stdout ?? []) this.write(io, typeof line === 'string' ? line : line(this.now));
    for (const line of result.stderr ?? []) this.write(io, typeof line === 'string' ? line : line(this.now), true);
    this.now += result.durationMs ?? 0;
    this.status = result.code;
  }

  sleep(ms: number): void {
    if (this.now + ms > this.options.until) {
      this.now = this.options.until + 1;
      throw new Halt();
    }
    this.now += ms;
  }

  file(path: string): string | undefined {
    return this.files.get(path);
  }

  setFile(path: string, content: string | undefined): void {
    this.lastFileChange = this.now;
    if (content === undefined) this.files.delete(path);
    else this.files.set(path, content);
  }

  trap(): void {
    this.trapsTerm = true;
  }

  exit(code: number): never {
    throw new ExitSignal(code);
  }

  loop(kind: 'break' | 'continue'): never {
    throw new LoopSignal(kind);
  }

  forever(): never {
    this.now = this.options.until + 1;
    throw new Halt();
  }

  run(argv: string[], io: Io): void {
    this.exec(argv, io);
  }
}
