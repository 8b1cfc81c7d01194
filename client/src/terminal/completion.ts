/**
 * Tab completion for the kubectl terminal: the commands the simulated cluster runs (and
 * the terminal's own words), sub-commands (`create deployment`, `rollout undo`), flags,
 * resource types (plural, singular and short names), object names read from the cluster
 * (in the namespace of `-n`), `TYPE/NAME`, and the values of `-n` and `-o`; and for a
 * `docker` line, docker's commands, flags, containers and images. Pure: the store and the
 * Docker engine are read, never written.
 */
import { KINDS, findResource, type KindInfo } from '../../../simulator/src/api/catalog';
import { isGroup, type Command, type CommandGroup } from '../../../simulator/src/kubectl/commands/context';
import { GLOBAL_FLAGS, type FlagSpec } from '../../../simulator/src/kubectl/commands/parse';
import { COMMANDS } from '../../../simulator/src/kubectl/commands/table';
import type { ObjectStore } from '../../../simulator/src/store/store';
import { DOCKER_COMMANDS, managementSubcommands, resolveCommand } from '../../../simulator/src/docker/commands';
import type { DockerEngine } from '../../../simulator/src/docker/engine';
import { IMAGE_NAMES } from '../../../simulator/src/kubelet/images';
import { familiarName, parseReference } from '../../../simulator/src/kubelet/reference';
import { EDIT_FLAGS } from './edit';
import type { Completion } from './lineEditor';
import { quoteWord, splitWords } from './words';

/** Words the terminal understands besides kubectl's commands. */
export const TERMINAL_WORDS = ['help', 'clear', 'exit'] as const;

/** kubectl commands the terminal runs itself (the simulator's table does not have them). */
export const TERMINAL_COMMANDS: Readonly<Record<string, readonly FlagSpec[]>> = {
  exec: [
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'container', short: 'c', type: 'string' },
    { name: 'quiet', short: 'q', type: 'bool' },
  ],
  'port-forward': [{ name: 'address', type: 'stringSlice' }],
  edit: EDIT_FLAGS,
};

const NAMESPACES = findResource('namespaces')!;
const PODS = findResource('pods')!;
const NODES = findResource('nodes')!;

/** What each command takes as arguments. */
type Arguments = { type: 'resources'; kinds?: readonly string[] } | { type: 'pods' } | { type: 'nodes' } | { type: 'kinds' } | { type: 'names'; info: KindInfo };

const SCALABLE = ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'];
const ROLLABLE = ['Deployment', 'DaemonSet', 'StatefulSet'];

function argumentsOf(path: readonly string[]): Arguments | undefined {
  const [command, sub] = path;
  switch (command) {
    case 'get':
    case 'describe':
    case 'delete':
    case 'label':
    case 'annotate':
    case 'patch':
    case 'edit':
    case 'wait':
      return { type: 'resources' };
    case 'expose':
      return { type: 'resources', kinds: ['Deployment', 'ReplicaSet', 'ReplicationController', 'Pod', 'Service'] };
    case 'scale':
      return { type: 'resources', kinds: SCALABLE };
    case 'rollout':
      return sub ? { type: 'resources', kinds: ROLLABLE } : undefined;
    case 'set':
      return sub ? { type: 'resources', kinds: ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Pod', 'Job', 'CronJob'] } : undefined;
    case 'explain':
      return { type: 'kinds' };
    case 'logs':
    case 'exec':
    case 'port-forward':
      return { type: 'pods' };
    case 'cordon':
    case 'uncordon':
    case 'drain':
      return { type: 'nodes' };
    case 'top':
      return sub === 'pod' ? { type: 'names', info: PODS } : sub === 'node' ? { type: 'names', info: NODES } : undefined;
    default:
      return undefined;
  }
}

/** Every word that names a resource type, plural first (what `kubectl get <Tab>` offers). */
function typeWords(kinds?: readonly string[]): string[] {
  const infos = KINDS.filter((info) => info.preferred && (!kinds || kinds.includes(info.kind)));
  return [...new Set([...infos.map((info) => info.resource), ...infos.flatMap((info) => [info.singular, ...info.shortNames])])];
}

interface Parsed {
  /** The command words: `['create', 'deployment']`. */
  path: string[];
  entry?: Command | CommandGroup;
  /** Positional arguments after the command words. */
  positionals: string[];
  namespace: string;
  allNamespaces: boolean;
  /** The flag whose value the current word is (`-n`, `--output`). */
  valueFor?: FlagSpec;
  flags: readonly FlagSpec[];
}

const takesValue = (spec: FlagSpec): boolean => spec.type !== 'bool' && spec.optional === undefined;

function flagsOf(entry: Command | CommandGroup | undefined, path: readonly string[]): readonly FlagSpec[] {
  const own = path[0] !== undefined && Object.hasOwn(TERMINAL_COMMANDS, path[0]) ? TERMINAL_COMMANDS[path[0]]! : [];
  const command = entry && (isGroup(entry) ? entry.command : entry);
  return [...own, ...(command?.flags ?? []), ...GLOBAL_FLAGS];
}

/** Walks the words before the current one as kubectl's command finder would. */
function parse(words: readonly string[]): Parsed {
  const parsed: Parsed = { path: [], positionals: [], namespace: 'default', allNamespaces: false, flags: GLOBAL_FLAGS };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    parsed.flags = flagsOf(parsed.entry, parsed.path);
    if (word.startsWith('-') && word.length > 1) {
      const long = /^--([^=]+)(=(.*))?$/.exec(word);
      const spec = long ? parsed.flags.find((f) => f.name === long[1]) : parsed.flags.find((f) => f.short === word.slice(-1) && word.length === 2);
      const inline = long?.[2] !== undefined;
      let value = long?.[3];
      if (spec && takesValue(spec) && !inline) {
        if (i + 1 < words.length) value = words[++i]!;
        else parsed.valueFor = spec;
      }
      if (spec?.name === 'namespace' && value !== undefined) parsed.namespace = value;
      if (/^-[a-zA-Z]*A[a-zA-Z]*$/.test(word) || word === '--all-namespaces') parsed.allNamespaces = true;
      continue;
    }
    if (parsed.path.length === 0) {
      parsed.path.push(word);
      parsed.entry = Object.hasOwn(COMMANDS, word) ? COMMANDS[word] : undefined;
      continue;
    }
    const entry = parsed.entry;
    if (entry && isGroup(entry) && parsed.positionals.length === 0) {
      const name = entry.aliases?.[word] ?? word;
      if (Object.hasOwn(entry.subcommands, name)) {
        parsed.path.push(name);
        parsed.entry = entry.subcommands[name];
        continue;
      }
    }
    parsed.positionals.push(word);
  }
  parsed.flags = flagsOf(parsed.entry, parsed.path);
  return parsed;
}

function names(store: ObjectStore, info: KindInfo, parsed: Parsed): string[] {
  const namespace = info.namespaced && !parsed.allNamespaces ? parsed.namespace : undefined;
  return store
    .list(info, namespace === undefined ? {} : { namespace })
    .map((object) => (object.metadata as { name?: unknown } | undefined)?.name)
    .filter((name): name is string => typeof name === 'string' && name !== '')
    .sort();
}

/** `deploy/we` -> `deploy/web`: the names of the type before the slash. */
function slashed(store: ObjectStore, word: string, parsed: Parsed): string[] {
  const slash = word.indexOf('/');
  const type = word.slice(0, slash);
  const info = findResource(type);
  return info ? names(store, info, parsed).map((name) => `${type}/${name}`) : [];
}

function candidatesFor(store: ObjectStore, parsed: Parsed, word: string, first: boolean): string[] {
  if (parsed.valueFor) {
    if (parsed.valueFor.name === 'namespace') return names(store, NAMESPACES, parsed);
    if (parsed.valueFor.name === 'output') return ['yaml', 'json', 'wide', 'name', 'jsonpath='];
    return [];
  }
  if (word.startsWith('-')) return [...new Set(parsed.flags.map((flag) => `--${flag.name}${takesValue(flag) ? '=' : ''}`))];
  if (parsed.path.length === 0) return [...(first ? ['kubectl', 'docker'] : []), ...TERMINAL_WORDS, ...Object.keys(COMMANDS), ...Object.keys(TERMINAL_COMMANDS)];
  const entry = parsed.entry;
  if (entry && isGroup(entry) && parsed.positionals.length === 0 && parsed.path.length === 1) return Object.keys(entry.subcommands);
  const wanted = argumentsOf(parsed.path);
  if (!wanted) return [];
  const position = parsed.positionals.length;
  switch (wanted.type) {
    case 'kinds':
      return position === 0 ? typeWords() : [];
    case 'nodes':
      return names(store, NODES, parsed);
    case 'names':
      return names(store, wanted.info, parsed);
    case 'pods':
      if (position > 0) return [];
      return word.includes('/') ? slashed(store, word, parsed) : names(store, PODS, parsed);
    case 'resources': {
      if (word.includes('/')) return slashed(store, word, parsed);
      if (position === 0) return typeWords(wanted.kinds);
      const type = parsed.positionals[0]!;
      if (type.includes('/') || type.includes(',')) return [];
      const info = findResource(type);
      return info ? names(store, info, parsed).filter((name) => !parsed.positionals.includes(name)) : [];
    }
  }
}

/** Completes the word before the cursor of a kubectl command line. */
export function completeKubectl(store: ObjectStore, before: string): Completion | undefined {
  const split = splitWords(before);
  if (split.open) return undefined;
  const words = split.words.map((w) => w.text);
  const current = split.trailingBlank ? { text: '', start: before.length } : { text: words.pop()!, start: split.words[split.words.length - 1]!.start };
  const first = words.length === 0;
  if (words[0] === 'kubectl' || words[0] === 'k') words.shift();
  const parsed = parse(words);
  const all = candidatesFor(store, parsed, current.text, first);
  const candidates = [...new Set(all.filter((candidate) => candidate.startsWith(current.text)))].map(quoteWord);
  return { start: current.start, candidates };
}

/** Commands whose arguments are containers, images, or images to pull (the catalogue's too). */
const CONTAINER_ARGS = new Set(['start', 'stop', 'restart', 'kill', 'rm', 'logs', 'exec']);
const IMAGE_ARGS = new Set(['rmi', 'tag']);
const PULLABLE_ARGS = new Set(['run', 'pull']);

/** `nginx:1.27`, `monimage:1.0`: the engine's images as docker names them. */
function localImages(engine: DockerEngine): string[] {
  return engine.images.flatMap((image) =>
    image.tags.map((tag) => {
      const parsed = parseReference(tag);
      return parsed.ok ? `${familiarName(parsed.reference)}:${parsed.reference.tag}` : tag;
    }),
  );
}

/** Completes the word before the cursor of a `docker ...` line. */
export function completeDocker(engine: DockerEngine, before: string): Completion | undefined {
  const split = splitWords(before);
  if (split.open) return undefined;
  const words = split.words.map((w) => w.text).slice(1);
  const current = split.trailingBlank ? { text: '', start: before.length } : { text: words.pop() ?? '', start: split.words[split.words.length - 1]!.start };
  const done = (all: readonly string[]): Completion => ({ start: current.start, candidates: [...new Set(all.filter((c) => c.startsWith(current.text)))].sort().map(quoteWord) });
  if (words.length === 0) return done(DOCKER_COMMANDS);
  if (words.length === 1 && managementSubcommands(words[0]!).length > 0) return done(managementSubcommands(words[0]!));
  const resolved = resolveCommand(words);
  if (!resolved) return done([]);
  const { name, command, rest } = resolved;
  if (current.text.startsWith('-')) return done(command.flags.map((flag) => `--${flag.name}`));
  const last = rest.at(-1);
  const previous = last === undefined ? undefined : command.flags.find((flag) => last === `--${flag.name}` || (flag.short !== undefined && last === `-${flag.short}`));
  if (previous && previous.type !== 'bool') return done([]);
  // The first argument: flags before it, and their values, are skipped.
  const positional = rest.filter((word, i) => !word.startsWith('-') && !command.flags.some((flag) => flag.type !== 'bool' && (rest[i - 1] === `--${flag.name}` || rest[i - 1] === `-${flag.short}`)));
  if (positional.length > 0 && !CONTAINER_ARGS.has(name) && !IMAGE_ARGS.has(name)) return done([]);
  if (positional.length > 0 && (name === 'logs' || name === 'exec' || name === 'tag')) return done([]);
  if (CONTAINER_ARGS.has(name)) return done(engine.containers.map((c) => c.name));
  if (IMAGE_ARGS.has(name)) return done(localImages(engine));
  if (PULLABLE_ARGS.has(name)) return done([...localImages(engine), ...IMAGE_NAMES]);
  return done([]);
}
