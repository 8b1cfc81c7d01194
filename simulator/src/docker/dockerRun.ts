/**
 * `docker run [OPTIONS] IMAGE [COMMAND] [ARG...]`: pulls the image if it is not there
 * (`Unable to find image 'x:latest' locally`), creates the container (a generated name
 * like `eager_turing`, its ports published on the host), starts it. Detached (-d) it
 * prints the container's ID; attached it prints what the process writes and returns its
 * exit code once it ends. A server never ends: the simulator hands the prompt back after
 * its first lines, the container still running (as after detaching with Ctrl+P Ctrl+Q).
 */
import { hexDigits } from '../kubelet/hash';
import { parseReference } from '../kubelet/reference';
import type { DockerCommand } from './commands';
import { containerId, freeAddress, logLines, planOf, processOf, stateOf, type ContainerRecord, type PortBinding } from './containers';
import type { DockerEngine } from './engine';
import type { ParsedFlags } from './flags';
import { configOf } from './images';
import { generateName } from './names';
import { familiarWithTag, pullImage } from './pulling';
import { failed, type DockerResult } from './result';

/** A process that ends within this time is waited for; a longer one is left running. */
const ATTACH_HORIZON_MS = 10 * 60_000;
/** How long an attached server is watched before the prompt comes back. */
const ATTACHED_MS = 2000;

const runError = (message: string, code = 125, progress = ''): DockerResult => failed(`docker: ${message}\nSee 'docker run --help'.\n`, code, progress);

/** `-p` specs as nat.ParsePortSpec reads them: `8080:80`, `127.0.0.1:8080:80`, `80` (a random host port), `/udp`. */
export function parsePorts(specs: readonly string[], taken: (port: number) => boolean): PortBinding[] | string {
  const bindings: PortBinding[] = [];
  let next = 32768;
  for (const spec of specs) {
    const [main = '', protocol = 'tcp'] = spec.split('/');
    const parts = main.split(':');
    const container = parts.at(-1)!;
    const host = parts.length >= 2 ? parts.at(-2)! : '';
    const hostIp = parts.length >= 3 ? parts.slice(0, -2).join(':') : '0.0.0.0';
    if (!/^\d+$/.test(container) || Number(container) < 1 || Number(container) > 65535) return `invalid containerPort: ${container}`;
    if (host !== '' && (!/^\d+$/.test(host) || Number(host) > 65535)) return `invalid hostPort: ${host}`;
    if (protocol !== 'tcp' && protocol !== 'udp') return `invalid proto: ${protocol}`;
    let hostPort = Number(host);
    if (host === '' || hostPort === 0) {
      while (taken(next) || bindings.some((b) => b.host === next)) next++;
      hostPort = next++;
    }
    bindings.push({ hostIp: hostIp || '0.0.0.0', host: hostPort, container: Number(container), proto: protocol });
  }
  return bindings;
}

/** The host ports running containers hold. */
export function hostPortsInUse(engine: DockerEngine, now: number): Map<number, ContainerRecord> {
  const used = new Map<number, ContainerRecord>();
  for (const c of engine.containers) if (stateOf(engine, c, now).status === 'running') for (const b of c.ports) used.set(b.host, c);
  return used;
}

/** Starts a new run of `c` at `started`; a runc error when its command does not exist. */
export function startContainer(engine: DockerEngine, c: ContainerRecord, started: number): string | undefined {
  c.ip = freeAddress(engine);
  const process = processOf(engine, c);
  if (process?.startError) {
    delete c.ip;
    return process.startError.replace('failed to create containerd task', 'failed to create task for container');
  }
  c.runs.push({ started });
  return undefined;
}

function runContainer(engine: DockerEngine, flags: ParsedFlags): DockerResult {
  const now = engine.clock.now();
  const [image = '', ...cmd] = flags.args;
  const parsed = parseReference(image);
  if (!parsed.ok) return runError(parsed.error === 'invalid reference format' ? 'invalid reference format.' : `invalid reference format: repository name (${image.split(':')[0]}) must be lowercase.`);
  const reference = parsed.reference;
  let pulling = '';
  let record = engine.resolveImage(image);
  if (!record) {
    pulling += `Unable to find image '${familiarWithTag(reference)}' locally\n`;
    const pulled = pullImage(engine, reference);
    if (!pulled.ok) return runError(`Error response from daemon: ${pulled.error}.`, 125, pulling);
    pulling += pulled.progress;
    record = pulled.record;
    engine.changed();
  }
  const name = flags.strings.get('name');
  if (name !== undefined) {
    if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) return runError(`Error response from daemon: Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.`, 125, pulling);
    const other = engine.container(name.replace(/^\//, ''));
    if (other && other.name === name.replace(/^\//, '')) {
      return runError(`Error response from daemon: Conflict. The container name "/${other.name}" is already in use by container "${other.id}". You have to remove (or rename) that container to be able to reuse that name.`, 125, pulling);
    }
  }
  const used = hostPortsInUse(engine, now);
  const specs = [...(flags.lists.get('publish') ?? [])];
  if (flags.bools.has('publish-all')) for (const port of configOf(record).exposedPorts) specs.push(`${port.split('/')[0]}/${port.split('/')[1]}`);
  const ports = parsePorts(specs, (port) => used.has(port));
  if (typeof ports === 'string') return runError(`${ports}.`, 125, pulling);
  const env: Record<string, string> = {};
  for (const pair of flags.lists.get('env') ?? []) {
    const eq = pair.indexOf('=');
    if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const sequence = engine.next();
  const finalName = name?.replace(/^\//, '') ?? generateName(`docker-name:${sequence}`, (n) => engine.containers.some((c) => c.name === n));
  const entrypoint = flags.strings.get('entrypoint');
  const c: ContainerRecord = {
    id: containerId(sequence, finalName),
    name: finalName,
    image,
    imageId: record.id,
    reference: reference.normalized,
    ...(entrypoint !== undefined ? { entrypoint: entrypoint === '' ? [] : [entrypoint] } : {}),
    ...(cmd.length > 0 ? { cmd } : {}),
    env,
    ports,
    created: now,
    runs: [],
    ...(flags.bools.has('rm') ? { autoRemove: true } : {}),
  };
  engine.containers.push(c);
  engine.changed();
  const clash = ports.find((binding) => used.has(binding.host));
  if (clash) {
    return runError(`Error response from daemon: driver failed programming external connectivity on endpoint ${c.name} (${hexDigits(`endpoint:${c.id}`)}): Bind for ${clash.hostIp}:${clash.host} failed: port is already allocated.`, 125, pulling);
  }
  const startError = startContainer(engine, c, now);
  if (startError) return runError(`Error response from daemon: ${startError}.`, /executable file not found|no such file/.test(startError) ? 127 : 126, pulling);
  engine.changed();
  if (flags.bools.has('detach')) return { stdout: `${c.id}\n`, stderr: '', exitCode: 0, ...(pulling ? { progress: pulling } : {}) };
  return attach(engine, c, now, pulling, flags.bools.has('interactive') && flags.bools.has('tty'));
}

/** An attached run: the process's output until it ends (its start moved back so that it ends now), or its first lines. */
function attach(engine: DockerEngine, c: ContainerRecord, now: number, pulling: string, interactive: boolean): DockerResult {
  const run = c.runs.at(-1)!;
  const plan = planOf(engine, c, run);
  const ends = plan?.exit && plan.exit.at - run.started <= ATTACH_HORIZON_MS ? plan.exit.at - run.started : undefined;
  // The command waited for the process: it started that long ago (a server: a moment ago).
  const started = now - (ends ?? ATTACHED_MS);
  c.created = started;
  c.runs[c.runs.length - 1] = { started };
  const stdout = logLines(engine, c, now).map((line) => `${line.text}\n`).join('');
  const state = stateOf(engine, c, now);
  if (state.status === 'exited') {
    if (c.autoRemove) engine.removeContainer(c);
    engine.changed();
    const hint = interactive ? 'Les shells interactifs ne sont pas simulés : donne la commande à lancer, par exemple « docker run --rm alpine ls / » ou « docker exec NOM ls / ».' : undefined;
    return { stdout, stderr: '', exitCode: state.code, ...(pulling ? { progress: pulling } : {}), ...(hint ? { hint } : {}) };
  }
  engine.changed();
  return {
    stdout,
    stderr: '',
    exitCode: 0,
    ...(pulling ? { progress: pulling } : {}),
    hint: `Le conteneur ${c.name} tourne toujours : un vrai docker run resterait attaché à sa sortie (Ctrl+C l'arrêterait). Lance-le plutôt avec -d, puis « docker logs ${c.name} » et « docker stop ${c.name} ».`,
  };
}

const RUN_FLAGS: DockerCommand['flags'] = [
  { name: 'detach', short: 'd', type: 'bool', help: 'Run container in background and print container ID' },
  { name: 'env', short: 'e', type: 'list', help: 'Set environment variables' },
  { name: 'entrypoint', type: 'string', help: 'Overwrite the default ENTRYPOINT of the image' },
  { name: 'interactive', short: 'i', type: 'bool', help: 'Keep STDIN open even if not attached' },
  { name: 'name', type: 'string', help: 'Assign a name to the container' },
  { name: 'publish', short: 'p', type: 'list', help: "Publish a container's port(s) to the host" },
  { name: 'publish-all', short: 'P', type: 'bool', help: 'Publish all exposed ports to random ports' },
  { name: 'rm', type: 'bool', help: 'Automatically remove the container and its associated anonymous volumes when it exits' },
  { name: 'tty', short: 't', type: 'bool', help: 'Allocate a pseudo-TTY' },
];

export const RUN_COMMAND: DockerCommand = {
  usage: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  summary: 'Create and run a new container from an image',
  flags: RUN_FLAGS,
  interspersed: false,
  args: { min: 1 },
  run: (engine, flags) => runContainer(engine, flags),
};
