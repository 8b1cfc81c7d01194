/**
 * kubectl's command-line syntax, as spf13/pflag parses it (v1.0.5, what kubectl v1.30
 * vendors): `--name=value`, `--name value`, boolean `--name` / `--name=false`, shorthands
 * `-n ns`, `-nns`, `-n=ns`, combined boolean shorthands `-Aw` (a shorthand that takes a
 * value swallows the rest: `-ojson`), `--` ending the flags, flags anywhere among the
 * arguments. Errors carry pflag's own texts (`unknown flag: --foo`,
 * `flag needs an argument: 'n' in -n`, `invalid argument "x" for "-r, --replicas" flag: ...`).
 */

export type FlagType = 'string' | 'bool' | 'int' | 'duration' | 'stringArray' | 'stringSlice';

export interface FlagSpec {
  /** The long name, without dashes: `namespace`. */
  name: string;
  /** The one-letter shorthand, without the dash: `n`. */
  short?: string;
  type: FlagType;
  /** pflag's NoOptDefVal: the value of `--name` given alone (`--dry-run` -> `unchanged`). */
  optional?: string;
}

export type FlagValue = string | boolean | number | string[];

export interface ParsedArgs {
  /** Arguments that are not flags, in order (everything after `--` included). */
  positionals: string[];
  /** Values of the flags given, by long name (repeatable flags accumulate). */
  values: Map<string, FlagValue>;
  /** cobra's ArgsLenAtDash: how many positionals came before `--`, -1 without it. */
  argsLenAtDash: number;
}

/** A syntax error pflag reports; kubectl prints it with `See 'kubectl X --help' for usage.` */
export class FlagError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlagError';
  }
}

/** The flags every kubectl command accepts (`kubectl options`), the ones that matter here. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  // Accepted and ignored: there is one simulated cluster and one kubeconfig user.
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'warnings-as-errors', type: 'bool' },
  { name: 'match-server-version', type: 'bool' },
  // Impersonation: who the requests run as (authorization.ts).
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'stringArray' },
  { name: 'as-uid', type: 'string' },
];

/** strconv.ParseBool. */
function parseBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** strconv.ParseInt(text, 0, 64)'s verdict: the number, or its error text. */
function parseInteger(text: string): number | string {
  if (/^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[1-9][0-9_]*)$/.test(text)) {
    const sign = text.startsWith('-') ? -1 : 1;
    const body = text.replace(/^[+-]/, '').replace(/_/g, '');
    let value: number;
    if (/^0[xX]/.test(body)) value = parseInt(body.slice(2), 16);
    else if (/^0[bB]/.test(body)) value = parseInt(body.slice(2), 2);
    else if (/^0[oO]/.test(body)) value = parseInt(body.slice(2), 8);
    else if (body.length > 1 && body.startsWith('0')) value = parseInt(body.slice(1), 8);
    else value = parseInt(body, 10);
    if (!Number.isSafeInteger(value)) return `strconv.ParseInt: parsing ${JSON.stringify(text)}: value out of range`;
    return sign * value;
  }
  return `strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`;
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Go's time.ParseDuration, in milliseconds: `30s`, `5m`, `1h30m`, `1.5h`, `0`. Throws
 * Go's error text (`time: invalid duration "x"`, `time: missing unit in duration "5"`,
 * `time: unknown unit "d" in duration "5d"`).
 */
export function parseDuration(text: string): number {
  const quoted = JSON.stringify(text);
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw new Error(`time: invalid duration ${quoted}`);
  let total = 0;
  while (rest !== '') {
    const number = /^(\d*)(\.\d*)?/.exec(rest)!;
    if (number[0] === '' || number[0] === '.') throw new Error(`time: invalid duration ${quoted}`);
    rest = rest.slice(number[0].length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === '') throw new Error(`time: missing unit in duration ${quoted}`);
    const factor = UNITS[unit];
    if (factor === undefined) throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    rest = rest.slice(unit.length);
    total += Number(number[0]) * factor;
  }
  return sign * total;
}

/** How pflag names a flag in an "invalid argument" error: `-r, --replicas` or `--to-revision`. */
function flagLabel(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function setValue(values: Map<string, FlagValue>, spec: FlagSpec, text: string): void {
  const fail = (detail: string): never => {
    throw new FlagError(`invalid argument ${JSON.stringify(text)} for ${JSON.stringify(flagLabel(spec))} flag: ${detail}`);
  };
  switch (spec.type) {
    case 'string':
      values.set(spec.name, text);
      return;
    case 'bool': {
      const value = parseBool(text);
      if (value === undefined) fail(`strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`);
      values.set(spec.name, value!);
      return;
    }
    case 'int': {
      const value = parseInteger(text);
      if (typeof value === 'string') fail(value);
      values.set(spec.name, value);
      return;
    }
    case 'duration': {
      try {
        values.set(spec.name, parseDuration(text));
      } catch (error) {
        fail((error as Error).message);
      }
      return;
    }
    case 'stringArray':
    case 'stringSlice': {
      const previous = values.get(spec.name);
      // A stringSlice reads its value as one CSV record: `-f a.yaml,b.yaml`.
      const items = spec.type === 'stringSlice' ? (text === '' ? [] : text.split(',')) : [text];
      values.set(spec.name, [...(Array.isArray(previous) ? previous : []), ...items]);
      return;
    }
  }
}

/** Parses `args` against `specs` (the command's flags and the global ones). */
export function parseFlags(args: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const byShort = new Map(specs.filter((spec) => spec.short).map((spec) => [spec.short!, spec]));
  const values = new Map<string, FlagValue>();
  const positionals: string[] = [];
  let argsLenAtDash = -1;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      argsLenAtDash = positionals.length;
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.length < 2 || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg.startsWith('--')) {
      const body = arg.slice(2);
      if (body.startsWith('-') || body.startsWith('=')) throw new FlagError(`bad flag syntax: ${arg}`);
      const equals = body.indexOf('=');
      const name = equals >= 0 ? body.slice(0, equals) : body;
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (equals >= 0) setValue(values, spec, body.slice(equals + 1));
      else if (spec.type === 'bool') setValue(values, spec, 'true');
      else if (spec.optional !== undefined) setValue(values, spec, spec.optional);
      else if (i + 1 < args.length) setValue(values, spec, args[++i]!);
      else throw new FlagError(`flag needs an argument: ${arg}`);
      continue;
    }
    // Shorthands: each letter a flag until one takes a value.
    let shorthands = arg.slice(1);
    while (shorthands.length > 0) {
      const letter = shorthands[0]!;
      const spec = byShort.get(letter);
      if (!spec) throw new FlagError(`unknown shorthand flag: '${letter}' in ${arg}`);
      if (shorthands.length > 2 && shorthands[1] === '=') {
        setValue(values, spec, shorthands.slice(2));
        shorthands = '';
      } else if (spec.type === 'bool' || spec.optional !== undefined) {
        setValue(values, spec, spec.type === 'bool' ? 'true' : spec.optional!);
        shorthands = shorthands.slice(1);
      } else if (shorthands.length > 1) {
        setValue(values, spec, shorthands.slice(1));
        shorthands = '';
      } else if (i + 1 < args.length) {
        setValue(values, spec, args[++i]!);
        shorthands = '';
      } else {
        throw new FlagError(`flag needs an argument: '${letter}' in ${arg}`);
      }
    }
  }
  return { positionals, values, argsLenAtDash };
}

/**
 * Positions of the arguments that are not flags, without parsing values: what cobra's
 * Find walks to pick a subcommand (`kubectl -n dev create deployment web`). A flag of
 * `specs` known to take a value swallows the next argument unless written `--x=v`.
 */
export function wordPositions(args: readonly string[], specs: readonly FlagSpec[]): number[] {
  const takesValue = new Set<string>();
  for (const spec of specs) {
    if (spec.type === 'bool' || spec.optional !== undefined) continue;
    takesValue.add(`--${spec.name}`);
    if (spec.short) takesValue.add(`-${spec.short}`);
  }
  const positions: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (arg.startsWith('-') && arg.length > 1) {
      if (!arg.includes('=') && takesValue.has(arg)) i++;
      continue;
    }
    positions.push(i);
  }
  return positions;
}

/** Typed reads of parsed values. */
export class Flags {
  constructor(private readonly values: Map<string, FlagValue>) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  string(name: string, fallback = ''): string {
    const value = this.values.get(name);
    return typeof value === 'string' ? value : fallback;
  }

  bool(name: string, fallback = false): boolean {
    const value = this.values.get(name);
    return typeof value === 'boolean' ? value : fallback;
  }

  int(name: string, fallback: number): number {
    const value = this.values.get(name);
    return typeof value === 'number' ? value : fallback;
  }

  list(name: string): string[] {
    const value = this.values.get(name);
    return Array.isArray(value) ? value : [];
  }
}
