/**
 * `kubectl ARGS` against a simulated cluster, as a pure function: find the command the
 * way cobra does (global flags may come first: `kubectl -n dev get pods`), parse its
 * flags the way pflag does, run it, and print what kubectl prints, errors included
 * (`error: unknown command "gt" for "kubectl"` and cobra's `Did you mean this?`). After
 * a command that changed the cluster, the controllers run until it settles (bounded in
 * simulated time), so that `apply` then `get pods` shows the Pods running.
 */
import { distance } from 'fastest-levenshtein';
import type { Cluster } from '../../cluster';
import { COMMANDS, KUBECTL_COMMANDS, kubectlHelp } from './table';
import { isGroup, Output, type Command, type CommandGroup, type KubectlIo, type KubectlResult } from './context';
import { clusterAs, identityOf } from './authorization';
import { writeError } from './errors';
import { Flags, GLOBAL_FLAGS, parseFlags, wordPositions } from './parse';

export type { KubectlIo, KubectlResult } from './context';
export { HINT_PREFIX } from './context';
export { parseDuration } from './parse';
export { KubectlError } from './errors';

/**
 * The local paths a command line will read (`-f`, `--filename`, `--from-file`,
 * `--from-env-file`; `-R` for folders' subfolders), so that a caller can read them into
 * `io.files` before calling runKubectl. Lenient: flag errors are runKubectl's to report.
 */
export function fileArguments(args: readonly string[]): { paths: string[]; recursive: boolean } {
  const paths: string[] = [];
  let recursive = false;
  const add = (flag: string, value: string): void => {
    for (const item of value.split(',')) {
      if (item === '') continue;
      // --from-file=key=path: the path is after the key.
      paths.push(flag === 'filename' ? item : item.slice(item.indexOf('=') + 1));
    }
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (arg === '-R' || arg === '--recursive' || arg === '--recursive=true') recursive = true;
    const long = /^--(filename|from-file|from-env-file|cert|key)(?:=(.*))?$/.exec(arg);
    if (long) {
      const value = long[2] ?? args[++i];
      // `create secret tls --cert=FILE --key=FILE`: one whole path each.
      if (value !== undefined && (long[1] === 'cert' || long[1] === 'key')) paths.push(value);
      else if (value !== undefined) add(long[1] === 'filename' ? 'filename' : 'from-file', value);
      continue;
    }
    const short = /^-([A-Za-z]*)f(=?)(.*)$/.exec(arg);
    if (short && !arg.startsWith('--')) {
      const value = short[3] !== '' ? short[3]! : args[++i];
      if (value !== undefined) add('filename', value);
      if (short[1]!.includes('R')) recursive = true;
    } else if (/^-[A-Za-z]*R[A-Za-z]*$/.test(arg)) {
      recursive = true;
    }
  }
  return { paths, recursive };
}

/** Simulated time a command lets the cluster take to settle (`kubectl apply` then `get`). */
export const SETTLE_MS = 60_000;

/**
 * Mirrors cobra's SuggestionsFor: commands within two edits (case-insensitive) or that
 * start with what was typed, in kubectl's order.
 */
export function suggestCommands(typed: string): string[] {
  const lower = typed.toLowerCase();
  return KUBECTL_COMMANDS.filter((name) => distance(lower, name) <= 2 || name.startsWith(lower));
}

function unknownCommand(out: Output, word: string, args: readonly string[]): void {
  out.exitCode = 1;
  if (KUBECTL_COMMANDS.includes(word)) {
    out.err(`error: "kubectl ${word}" is not available in the simulated cluster\n`);
    out.hint(`« kubectl ${word} » existe bien, mais le cluster simulé ne l'exécute pas (encore) : « kubectl » seul liste les commandes disponibles ici.`);
    return;
  }
  if (args[0]?.startsWith('-')) {
    // Mirrors kubectl's plugin handler: a word it does not know, after flags, is taken for a plugin.
    out.err(`Error: flags cannot be placed before plugin name: ${args[0]}\n`);
  } else {
    const suggestions = suggestCommands(word);
    out.err(`error: unknown command ${JSON.stringify(word)} for "kubectl"\n`);
    if (suggestions.length > 0) out.err(`\nDid you mean this?\n${suggestions.map((name) => `\t${name}\n`).join('')}`);
  }
  const lower = word.toLowerCase();
  const best = suggestCommands(word)
    .filter((name) => Object.hasOwn(COMMANDS, name))
    .sort((a, b) => distance(lower, a) - distance(lower, b))[0];
  if (word === 'kubectl') out.hint('« kubectl » est écrit deux fois : la commande vient juste après (kubectl get pods).');
  else if (best) out.hint(`Commande inconnue : voulais-tu dire « kubectl ${best} » ?`);
  else out.hint('Commande inconnue : « kubectl » seul liste les commandes que le cluster simulé comprend.');
}

interface Found {
  entry: Command | CommandGroup;
  path: string[];
  /** The arguments without the command words. */
  rest: string[];
}

/** kubectl's words (`create`, `deployment`) down to the command that runs. */
function findCommand(args: readonly string[]): Found | { unknown: string } | undefined {
  const positions = wordPositions(args, GLOBAL_FLAGS);
  const first = positions[0] === undefined ? undefined : args[positions[0]]!;
  if (first === undefined) return undefined;
  const top = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!top) return { unknown: first };
  let entry: Command | CommandGroup = top;
  const path = [first];
  let used = 1;
  while (isGroup(entry) && used < positions.length) {
    const word = args[positions[used]!]!;
    const name = entry.aliases?.[word] ?? word;
    const next = Object.hasOwn(entry.subcommands, name) ? entry.subcommands[name] : undefined;
    if (!next) break;
    entry = next;
    path.push(name);
    used++;
  }
  const consumed = new Set(positions.slice(0, used));
  return { entry, path, rest: args.filter((_arg, index) => !consumed.has(index)) };
}

function runGroup(group: CommandGroup, path: string, rest: readonly string[], out: Output): void {
  const words = wordPositions(rest, GLOBAL_FLAGS).map((index) => rest[index]!);
  out.exitCode = 1;
  if (words.length === 0) {
    out.err(group.help);
    return;
  }
  out.err(`error: unknown command ${JSON.stringify(words.join(' '))}\nSee 'kubectl ${path} -h' for help and examples\n`);
  out.hint(`Sous-commandes de « kubectl ${path} » : ${Object.keys(group.subcommands).join(', ')}.`);
}

/**
 * Runs `kubectl ARGS` (without the word `kubectl`) against the cluster. Pure: the files
 * `-f` may read come in `io.files`; nothing is read or written elsewhere.
 */
export function runKubectl(cluster: Cluster, args: readonly string[], io: KubectlIo = {}): KubectlResult {
  const out = new Output();
  const found = findCommand(args);
  if (found === undefined) {
    out.out(kubectlHelp());
    return out.result();
  }
  if ('unknown' in found) {
    unknownCommand(out, found.unknown, args);
    return out.result();
  }
  const path = found.path.join(' ');
  if (isGroup(found.entry) && !found.entry.command) {
    runGroup(found.entry, path, found.rest, out);
    return out.result();
  }
  const command = isGroup(found.entry) ? found.entry.command! : found.entry;
  const revision = cluster.store.resourceVersion();
  try {
    // A command's own flag shadows a global one of the same name (`create rolebinding --user`), as in cobra.
    const own = new Set(command.flags.map((flag) => flag.name));
    const parsed = parseFlags(found.rest, [...command.flags, ...GLOBAL_FLAGS.filter((flag) => !own.has(flag.name))]);
    const flags = new Flags(parsed.values);
    const namespace = flags.string('namespace');
    const user = identityOf(flags);
    command.run({
      cluster: clusterAs(cluster, user),
      user,
      now: cluster.clock.now(),
      path,
      args: parsed.positionals,
      argsLenAtDash: parsed.argsLenAtDash,
      terminal: io.terminal === true,
      flags,
      namespace: namespace === '' ? 'default' : namespace,
      namespaceGiven: namespace !== '',
      files: io.files ?? {},
      out,
    });
  } catch (error) {
    writeError(out, error, path);
  }
  if (io.settle !== false && cluster.store.resourceVersion() !== revision) cluster.settle({ maxSimulatedMs: io.settle?.maxSimulatedMs ?? SETTLE_MS });
  return out.result();
}

