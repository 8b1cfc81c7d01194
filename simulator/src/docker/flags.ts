/**
 * The docker CLI's flag parsing (spf13/pflag, as cobra sets it up for docker): long
 * `--name value` / `--name=value`, short `-p 8080:80` / `-p8080:80`, grouped booleans
 * `-it` (the last of a group may take a value: `-dp 8080:80`), `--` ending the flags. For
 * `run` and `exec` the flags stop at the first argument (the image, the container), so
 * that the command's own flags are left to it. Errors carry pflag's texts.
 */

export interface FlagSpec {
  name: string;
  short?: string;
  /** bool: a switch; string: one value (the last wins); list: repeatable. */
  type: 'bool' | 'string' | 'list';
  /** The help line (docker's own description). */
  help: string;
  /** The value's placeholder in the help (`string`, `list`). */
  value?: string;
}

export interface ParsedFlags {
  bools: Set<string>;
  strings: Map<string, string>;
  lists: Map<string, string[]>;
  args: string[];
}

export class FlagError extends Error {}

/** Parses `words` against `specs`; `interspersed` false: flags end at the first argument. */
export function parseFlags(words: readonly string[], specs: readonly FlagSpec[], interspersed: boolean): ParsedFlags {
  const parsed: ParsedFlags = { bools: new Set(), strings: new Map(), lists: new Map(), args: [] };
  const set = (spec: FlagSpec, value: string | undefined) => {
    if (spec.type === 'bool') {
      if (value === undefined || value === 'true') parsed.bools.add(spec.name);
      else if (value === 'false') parsed.bools.delete(spec.name);
      else throw new FlagError(`invalid argument "${value}" for "--${spec.name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
    } else if (spec.type === 'string') parsed.strings.set(spec.name, value!);
    else parsed.lists.set(spec.name, [...(parsed.lists.get(spec.name) ?? []), value!]);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') {
      parsed.args.push(...words.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      if (!interspersed) {
        parsed.args.push(...words.slice(i));
        break;
      }
      parsed.args.push(word);
      continue;
    }
    if (word.startsWith('--')) {
      const [name, inline] = word.slice(2).split(/=(.*)/s) as [string, string | undefined];
      const spec = specs.find((s) => s.name === name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (spec.type === 'bool' || inline !== undefined) set(spec, inline);
      else if (i + 1 < words.length) set(spec, words[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    const letters = word.slice(1);
    for (let k = 0; k < letters.length; k++) {
      const letter = letters[k]!;
      const spec = specs.find((s) => s.short === letter);
      if (!spec) throw new FlagError(`unknown shorthand flag: '${letter}' in ${word}`);
      if (spec.type === 'bool') {
        set(spec, undefined);
        continue;
      }
      const rest = letters.slice(k + 1).replace(/^=/, '');
      if (rest !== '') set(spec, rest);
      else if (i + 1 < words.length) set(spec, words[++i]);
      else throw new FlagError(`flag needs an argument: '${letter}' in -${letter}`);
      break;
    }
  }
  return parsed;
}

/** The `Options:` block of a command's help, as cobra prints it. */
export function optionsHelp(specs: readonly FlagSpec[]): string {
  const left = specs.map((spec) => `${spec.short ? `-${spec.short}, ` : '    '}--${spec.name}${spec.type === 'bool' ? '' : ` ${spec.value ?? (spec.type === 'list' ? 'list' : 'string')}`}`);
  const width = Math.max(...left.map((text) => text.length));
  return specs.map((spec, i) => `  ${left[i]!.padEnd(width)}   ${spec.help}`).join('\n');
}
