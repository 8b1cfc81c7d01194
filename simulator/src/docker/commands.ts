/**
 * `docker ARGS` against the simulated engine, with the docker CLI's texts (Docker 27,
 * BuildKit builds): one table of commands, `docker --help`, `docker COMMAND --help`, the
 * usage errors (`"docker stop" requires at least 1 argument.`) and unknown commands
 * (`docker: 'foo' is not a docker command.`). Management forms work too (`docker container
 * ls`, `docker image build`). Pure: files come through DockerIo, time from the engine.
 */
import type { BuildContext } from './context';
import type { DockerEngine } from './engine';
import { CONTAINER_COMMANDS } from './containerCommands';
import { FlagError, optionsHelp, parseFlags, type FlagSpec, type ParsedFlags } from './flags';
import { IMAGE_COMMANDS } from './imageCommands';
import { done, failed, type DockerResult } from './result';

export type { DockerResult } from './result';

/** What the docker commands may read besides the engine. */
export interface DockerIo {
  /** The current folder's files: `docker build DIR` reads DIR (and -f) there. */
  files?: BuildContext;
}

export interface DockerCommand {
  /** `docker stop [OPTIONS] CONTAINER [CONTAINER...]` (after `Usage:  `). */
  usage: string;
  summary: string;
  flags: FlagSpec[];
  /** run and exec: flags end at the first argument. */
  interspersed?: boolean;
  args?: { min?: number; max?: number };
  /** The command name in messages when it is not `docker NAME` (`docker buildx build`). */
  displayName?: string;
  run(engine: DockerEngine, flags: ParsedFlags, io: DockerIo): DockerResult;
}

export const DOCKER_VERSION = '27.3.1';
const DOCKER_BUILD = 'ce12230';

const COMMANDS: Record<string, DockerCommand> = { ...CONTAINER_COMMANDS, ...IMAGE_COMMANDS };

/** `docker container ls`, `docker image build`...: the management forms of the commands above. */
const MANAGEMENT: Record<string, Record<string, string>> = {
  container: { ls: 'ps', list: 'ps', ps: 'ps', run: 'run', start: 'start', stop: 'stop', restart: 'restart', kill: 'kill', rm: 'rm', remove: 'rm', logs: 'logs', exec: 'exec' },
  image: { ls: 'images', list: 'images', build: 'build', rm: 'rmi', remove: 'rmi', tag: 'tag', pull: 'pull' },
  builder: { build: 'build' },
  buildx: { build: 'build', b: 'build' },
};

/** The sub-commands docker knows, for completion. */
export const DOCKER_COMMANDS: readonly string[] = [...Object.keys(COMMANDS), ...Object.keys(MANAGEMENT), 'version', 'help'].sort();

const COMMON = ['run', 'exec', 'ps', 'build', 'pull', 'images', 'version'];
const COMMON_SUMMARIES: Record<string, string> = { build: 'Build an image from a Dockerfile', version: 'Show the Docker version information' };

function mainHelp(): string {
  const width = 12;
  const line = (name: string, summary: string) => `  ${name.padEnd(width)}${summary}`;
  const others = Object.keys(COMMANDS).filter((name) => !COMMON.includes(name)).sort();
  return [
    'Usage:  docker [OPTIONS] COMMAND',
    '',
    'A self-sufficient runtime for containers',
    '',
    'Common Commands:',
    ...COMMON.map((name) => line(name, COMMON_SUMMARIES[name] ?? COMMANDS[name]!.summary)),
    '',
    'Management Commands:',
    line('builder', 'Manage builds'),
    line('buildx*', 'Docker Buildx'),
    line('container', 'Manage containers'),
    line('image', 'Manage images'),
    '',
    'Commands:',
    ...others.map((name) => line(name, COMMANDS[name]!.summary)),
    '',
    "Run 'docker COMMAND --help' for more information on a command.",
    '',
  ].join('\n');
}

const nameOf = (name: string, command: DockerCommand): string => command.displayName ?? `docker ${name}`;

function commandHelp(command: DockerCommand): string {
  return `\nUsage:  ${command.usage}\n\n${command.summary}\n${command.flags.length > 0 ? `\nOptions:\n${optionsHelp(command.flags)}\n` : ''}`;
}

function usageError(name: string, command: DockerCommand, message: string): DockerResult {
  const display = nameOf(name, command);
  const prefix = command.displayName ? 'ERROR: ' : '';
  return failed(`${prefix}${message}\nSee '${display} --help'.\n\nUsage:  ${command.usage}\n\n${command.summary}\n`);
}

function version(): string {
  return [
    'Client:',
    ` Version:           ${DOCKER_VERSION}`,
    ' API version:       1.47',
    ' Go version:        go1.22.7',
    ` Git commit:        ${DOCKER_BUILD}`,
    ' Built:             Fri Sep 20 11:40:59 2024',
    ' OS/Arch:           linux/amd64',
    ' Context:           default',
    '',
    'Server: Docker Engine - Community (simulé par Atelier Kubernetes)',
    ' Engine:',
    `  Version:          ${DOCKER_VERSION}`,
    '  API version:      1.47 (minimum version 1.24)',
    '  Go version:       go1.22.7',
    '  OS/Arch:          linux/amd64',
    '',
  ].join('\n');
}

/** The command a docker line runs (`container ls` is `ps`), and the words after it. */
export function resolveCommand(args: readonly string[]): { name: string; command: DockerCommand; rest: string[] } | undefined {
  const [first = '', ...rest] = args;
  const management = MANAGEMENT[first];
  const name = management ? management[rest[0] ?? ''] : first;
  const command = name === undefined ? undefined : COMMANDS[name];
  return name !== undefined && command ? { name, command, rest: management ? rest.slice(1) : rest } : undefined;
}

/** The sub-commands of a management command (`docker image <Tab>`). */
export const managementSubcommands = (name: string): string[] => Object.keys(MANAGEMENT[name] ?? {});

/**
 * What `docker build ARGS` will read: its context folder and -f's file (relative to the
 * current folder), for callers that must load files before the engine runs.
 */
export function buildInputs(args: readonly string[]): { context: string; file?: string } | undefined {
  const resolved = resolveCommand(args);
  if (resolved?.name !== 'build') return undefined;
  try {
    const parsed = parseFlags(resolved.rest, resolved.command.flags, true);
    const file = parsed.strings.get('file');
    return parsed.args.length === 1 ? { context: parsed.args[0]!, ...(file !== undefined ? { file } : {}) } : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `docker ARGS` (without the word docker). */
export function runDocker(engine: DockerEngine, args: readonly string[], io: DockerIo = {}): DockerResult {
  let [first, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && rest[0] !== undefined) return runDocker(engine, [rest[0], '--help'], io);
    return done(mainHelp());
  }
  if (first === '--version' || first === '-v') return done(`Docker version ${DOCKER_VERSION}, build ${DOCKER_BUILD}\n`);
  if (first === 'version') return done(version());
  if (first.startsWith('-')) return failed(`unknown flag: ${first}\nSee 'docker --help'.\n`, 125);
  const management = MANAGEMENT[first];
  if (management && (rest[0] === undefined || rest[0] === '--help' || rest[0] === '-h')) {
    const width = Math.max(...Object.keys(management).map((n) => n.length)) + 2;
    return done(`\nUsage:  docker ${first} COMMAND\n\nManage ${first === 'image' ? 'images' : first === 'container' ? 'containers' : 'builds'}\n\nCommands:\n${Object.entries(management).map(([n, target]) => `  ${n.padEnd(width)}${COMMANDS[target]!.summary}`).join('\n')}\n\nRun 'docker ${first} COMMAND --help' for more information on a command.\n`);
  }
  const resolved = resolveCommand(args);
  if (!resolved) return failed(`docker: '${management ? `${first} ${rest[0]}` : first}' is not a docker command.\nSee 'docker --help'\n`);
  const { command } = resolved;
  first = resolved.name;
  rest = resolved.rest;
  if (rest.includes('--help') && (command.interspersed !== false || rest.indexOf('--help') === 0)) return done(commandHelp(command));
  let parsed: ParsedFlags;
  try {
    parsed = parseFlags(rest, [...command.flags, { name: 'help', type: 'bool', help: 'Print usage' }], command.interspersed !== false);
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    return failed(`${command.displayName ? 'ERROR: ' : ''}${error.message}\nSee '${nameOf(first, command)} --help'.\n`, first === 'run' ? 125 : 1);
  }
  const { min = 0, max = Infinity } = command.args ?? {};
  const count = parsed.args.length;
  if (count < min || count > max) {
    const requirement = max === 0 ? 'accepts no arguments' : min === max ? `requires exactly ${min} argument${min === 1 ? '' : 's'}` : count < min ? `requires at least ${min} argument${min === 1 ? '' : 's'}` : `requires at most ${max} argument${max === 1 ? '' : 's'}`;
    return usageError(first, command, `"${nameOf(first, command)}" ${requirement}.`);
  }
  return command.run(engine, parsed, io);
}
