/**
 * The container commands: `docker run` (dockerRun.ts), `ps [-a]` with docker's columns,
 * `stop`, `start`, `restart`, `kill`, `rm [-f]`, `logs [-f] [-n N] [-t]` and a minimal
 * `exec`, with the daemon's errors (`Error response from daemon: No such container: x`).
 */
import { resolvable, runProcess } from '../kubelet/shell';
import type { DockerCommand } from './commands';
import { commandText, logLines, processOf, stateOf, stopRun, type ContainerRecord } from './containers';
import { hostPortsInUse, RUN_COMMAND, startContainer } from './dockerRun';
import type { DockerEngine } from './engine';
import type { ParsedFlags } from './flags';
import { configOf } from './images';
import { dockerTable, ellipsis, goQuote, humanDuration } from './format';
import type { DockerResult } from './result';

const noSuch = (name: string) => `Error response from daemon: No such container: ${name}\n`;

/** Removes the `--rm` containers that have exited by now (dockerd removes them as they exit). */
export function reap(engine: DockerEngine, now: number): void {
  for (const c of [...engine.containers]) if (c.autoRemove && stateOf(engine, c, now).status === 'exited') engine.removeContainer(c);
}

/** Applies `action` to each container named; prints each name as given, or the error. */
function each(engine: DockerEngine, names: readonly string[], action: (c: ContainerRecord, name: string) => string | undefined): DockerResult {
  let stdout = '';
  let stderr = '';
  for (const name of names) {
    const c = engine.container(name);
    const error = c ? action(c, name) : noSuch(name);
    if (error === undefined) stdout += `${name}\n`;
    else stderr += error;
  }
  engine.changed();
  return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
}

/** `0.0.0.0:8080->80/tcp, 443/tcp`: published ports, then the other exposed ones, in port order. */
function portsColumn(engine: DockerEngine, c: ContainerRecord): string {
  const record = engine.images.find((image) => image.id === c.imageId);
  const exposed = new Set(record ? configOf(record).exposedPorts : []);
  for (const binding of c.ports) exposed.add(`${binding.container}/${binding.proto}`);
  const sorted = [...exposed].sort((a, b) => Number(a.split('/')[0]) - Number(b.split('/')[0]) || a.localeCompare(b));
  return sorted
    .flatMap((port) => {
      const bound = c.ports.filter((b) => `${b.container}/${b.proto}` === port);
      return bound.length === 0 ? [port] : bound.map((b) => `${b.hostIp}:${b.host}->${port}`);
    })
    .join(', ');
}

function status(engine: DockerEngine, c: ContainerRecord, now: number): string {
  const state = stateOf(engine, c, now);
  if (state.status === 'created') return 'Created';
  if (state.status === 'running') return `Up ${humanDuration(now - state.startedAt)}`;
  return `Exited (${state.code}) ${humanDuration(now - state.finishedAt)} ago`;
}

function ps(engine: DockerEngine, flags: ParsedFlags): DockerResult {
  const now = engine.clock.now();
  const all = flags.bools.has('all');
  const truncate = !flags.bools.has('no-trunc');
  const shown = engine.containers.filter((c) => all || stateOf(engine, c, now).status === 'running').sort((a, b) => b.created - a.created);
  if (flags.bools.has('quiet')) return { stdout: shown.map((c) => `${truncate ? c.id.slice(0, 12) : c.id}\n`).join(''), stderr: '', exitCode: 0 };
  const rows = shown.map((c) => {
    const running = stateOf(engine, c, now).status === 'running';
    const command = commandText(engine, c);
    return [truncate ? c.id.slice(0, 12) : c.id, c.image, goQuote(truncate ? ellipsis(command, 20) : command), `${humanDuration(now - c.created)} ago`, status(engine, c, now), running ? portsColumn(engine, c) : '', c.name];
  });
  return { stdout: dockerTable(['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'], rows), stderr: '', exitCode: 0 };
}

function start(engine: DockerEngine, c: ContainerRecord, now: number): string | undefined {
  if (stateOf(engine, c, now).status === 'running') return undefined;
  const used = hostPortsInUse(engine, now);
  const clash = c.ports.find((binding) => used.has(binding.host));
  if (clash) return `Error response from daemon: driver failed programming external connectivity on endpoint ${c.name}: Bind for ${clash.hostIp}:${clash.host} failed: port is already allocated\nError: failed to start containers: ${c.name}\n`;
  const error = startContainer(engine, c, now);
  return error ? `Error response from daemon: ${error}\nError: failed to start containers: ${c.name}\n` : undefined;
}

function logs(engine: DockerEngine, flags: ParsedFlags): DockerResult {
  const name = flags.args[0]!;
  const c = engine.container(name);
  if (!c) return { stdout: '', stderr: noSuch(name), exitCode: 1 };
  const now = engine.clock.now();
  let lines = logLines(engine, c, now);
  const tail = flags.strings.get('tail');
  if (tail !== undefined && tail !== 'all' && /^\d+$/.test(tail)) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
  const stamp = (at: number) => `${new Date(at).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} `;
  const stdout = lines.map((line) => `${flags.bools.has('timestamps') ? stamp(line.at) : ''}${line.text}\n`).join('');
  const follow = flags.bools.has('follow') && stateOf(engine, c, now).status === 'running';
  return { stdout, stderr: '', exitCode: 0, ...(follow ? { hint: 'docker logs -f suivrait la suite en direct : ici la commande rend la main, relance-la pour voir les nouvelles lignes.' } : {}) };
}

function exec(engine: DockerEngine, flags: ParsedFlags): DockerResult {
  const [name = '', ...argv] = flags.args;
  const c = engine.container(name);
  if (!c) return { stdout: '', stderr: noSuch(name), exitCode: 1 };
  const now = engine.clock.now();
  if (stateOf(engine, c, now).status !== 'running') return { stdout: '', stderr: `Error response from daemon: container ${c.id} is not running\n`, exitCode: 1 };
  const process = processOf(engine, c);
  if (!process) return { stdout: '', stderr: `Error response from daemon: No such image: ${c.image}\n`, exitCode: 1 };
  const { machine } = process;
  if (!resolvable(machine, argv)) {
    const why = argv[0]!.includes('/') ? `exec: "${argv[0]}": stat ${argv[0]}: no such file or directory` : `exec: "${argv[0]}": executable file not found in $PATH`;
    return { stdout: '', stderr: `OCI runtime exec failed: exec failed: unable to start container process: ${why}: unknown\n`, exitCode: 127 };
  }
  const interactive = flags.bools.has('interactive') && /^(\/bin\/)?(sh|bash|ash)$/.test(argv[0]!) && argv.length === 1;
  const run = runProcess(argv, machine, { start: now, until: now + 60_000, keepLast: 5000 });
  const stdout = run.lines.map((line) => `${line.text}\n`).join('');
  const hint = interactive ? `Les shells interactifs ne sont pas simulés dans docker exec : lance une commande à la fois, par exemple « docker exec ${c.name} ls / ».` : undefined;
  return { stdout, stderr: '', exitCode: run.exit?.code ?? 0, ...(hint ? { hint } : {}) };
}

const nowOf = (engine: DockerEngine): number => engine.clock.now();

export const CONTAINER_COMMANDS: Record<string, DockerCommand> = {
  run: RUN_COMMAND,
  ps: {
    usage: 'docker ps [OPTIONS]',
    summary: 'List containers',
    flags: [
      { name: 'all', short: 'a', type: 'bool', help: 'Show all containers (default shows just running)' },
      { name: 'no-trunc', type: 'bool', help: "Don't truncate output" },
      { name: 'quiet', short: 'q', type: 'bool', help: 'Only display container IDs' },
    ],
    args: { max: 0 },
    run: (engine, flags) => (reap(engine, nowOf(engine)), ps(engine, flags)),
  },
  stop: {
    usage: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Stop one or more running containers',
    flags: [{ name: 'time', short: 't', type: 'string', value: 'int', help: 'Seconds to wait before killing the container' }],
    args: { min: 1 },
    run: (engine, flags) => each(engine, flags.args, (c) => (stopRun(engine, c, nowOf(engine), 'TERM'), reap(engine, nowOf(engine)), undefined)),
  },
  kill: {
    usage: 'docker kill [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Kill one or more running containers',
    flags: [],
    args: { min: 1 },
    run: (engine, flags) =>
      each(engine, flags.args, (c) => {
        if (stateOf(engine, c, nowOf(engine)).status !== 'running') return `Error response from daemon: cannot kill container: ${c.name}: container ${c.id} is not running\n`;
        stopRun(engine, c, nowOf(engine), 'KILL');
        reap(engine, nowOf(engine));
        return undefined;
      }),
  },
  start: {
    usage: 'docker start [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Start one or more stopped containers',
    flags: [
      { name: 'attach', short: 'a', type: 'bool', help: 'Attach STDOUT/STDERR and forward signals' },
      { name: 'interactive', short: 'i', type: 'bool', help: "Attach container's STDIN" },
    ],
    args: { min: 1 },
    run: (engine, flags) => each(engine, flags.args, (c) => start(engine, c, nowOf(engine))),
  },
  restart: {
    usage: 'docker restart [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Restart one or more containers',
    flags: [{ name: 'time', short: 't', type: 'string', value: 'int', help: 'Seconds to wait before killing the container' }],
    args: { min: 1 },
    run: (engine, flags) => each(engine, flags.args, (c) => (stopRun(engine, c, nowOf(engine), 'TERM'), start(engine, c, nowOf(engine)))),
  },
  rm: {
    usage: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Remove one or more containers',
    flags: [{ name: 'force', short: 'f', type: 'bool', help: 'Force the removal of a running container (uses SIGKILL)' }],
    args: { min: 1 },
    run: (engine, flags) =>
      each(engine, flags.args, (c) => {
        if (stateOf(engine, c, nowOf(engine)).status === 'running') {
          if (!flags.bools.has('force')) return `Error response from daemon: cannot remove container "/${c.name}": container is running: stop the container before removing or force remove\n`;
          stopRun(engine, c, nowOf(engine), 'KILL');
        }
        engine.removeContainer(c);
        return undefined;
      }),
  },
  logs: {
    usage: 'docker logs [OPTIONS] CONTAINER',
    summary: 'Fetch the logs of a container',
    flags: [
      { name: 'follow', short: 'f', type: 'bool', help: 'Follow log output' },
      { name: 'tail', short: 'n', type: 'string', help: 'Number of lines to show from the end of the logs (default "all")' },
      { name: 'timestamps', short: 't', type: 'bool', help: 'Show timestamps' },
    ],
    args: { min: 1, max: 1 },
    run: (engine, flags) => logs(engine, flags),
  },
  exec: {
    usage: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]',
    summary: 'Execute a command in a running container',
    flags: [
      { name: 'detach', short: 'd', type: 'bool', help: 'Detached mode: run command in the background' },
      { name: 'env', short: 'e', type: 'list', help: 'Set environment variables' },
      { name: 'interactive', short: 'i', type: 'bool', help: 'Keep STDIN open even if not attached' },
      { name: 'tty', short: 't', type: 'bool', help: 'Allocate a pseudo-TTY' },
    ],
    interspersed: false,
    args: { min: 2 },
    run: (engine, flags) => exec(engine, flags),
  },
};
