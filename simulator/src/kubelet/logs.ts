/**
 * `kubectl logs`: what a container wrote, computed from the Pod's status and the time
 * (the kubelet's validateContainerLogStatus picks the instance: the running one, the one
 * that just exited, or with `previous` the one before). Errors are the API server's and
 * the kubelet's texts (`previous terminated container "web" in pod "web" not found`).
 */
import { StatusError } from '../api/errors';
import { isJsonObject, type JsonObject } from '../store/json';
import type { LogLine } from './model';
import { replay, type StateReader } from './replay';

export { readerOf } from './replay';
import { runProcess } from './shell';
import { list, obj, text } from './util';

export interface LogOptions {
  /** The container; may be left out when the Pod has only one. */
  container?: string;
  /** The previous instance (`kubectl logs --previous`). */
  previous?: boolean;
  /** Only the last lines (`--tail`). */
  tail?: number;
  /** Prefix each line with its RFC 3339 time (`--timestamps`). */
  timestamps?: boolean;
  /** Simulated now (epoch ms). */
  now: number;
}

const time = (value: unknown): number => (typeof value === 'string' ? Date.parse(value) : Number.NaN);

function badRequest(message: string, fr: string): StatusError {
  return new StatusError('BadRequest', 400, message, fr);
}

/** Which instance to read: its start, end (if over) and image, or the reason there is none. */
function pickInstance(pod: JsonObject, name: string, previous: boolean): { image: string; startedAt: number; finishedAt?: number; restartCount: number } | undefined {
  const status = obj(pod.status);
  const podName = text(obj(pod.metadata).name);
  const entry = [...list(status.initContainerStatuses), ...list(status.containerStatuses)].find((s) => s.name === name);
  const waitingError = (why: string) => badRequest(`container "${name}" in pod "${podName}" is waiting to start: ${why}`, `Le conteneur « ${name} » n'a pas encore démarré (${why}) : il n'a rien écrit pour l'instant.`);
  if (!entry) throw waitingError('ContainerCreating');
  const state = obj(entry.state);
  const last = obj(obj(entry.lastState).terminated);
  const restartCount = Number(entry.restartCount ?? 0);
  const image = text(entry.image);
  if (previous) {
    if (typeof last.containerID !== 'string' || last.containerID === '') {
      throw badRequest(`previous terminated container "${name}" in pod "${podName}" not found`, `Le conteneur « ${name} » n'a pas encore redémarré : il n'y a pas d'exécution précédente à afficher (enlève --previous).`);
    }
    return last.reason === 'StartError' ? undefined : { image, startedAt: time(last.startedAt), finishedAt: time(last.finishedAt), restartCount: restartCount - 1 };
  }
  if (isJsonObject(state.running)) return { image, startedAt: time(state.running.startedAt), restartCount };
  // Mirrors validateContainerLogStatus: the container that just ended, or the last one that ran.
  const ended: (JsonObject & { restarts: number }) | undefined =
    isJsonObject(state.terminated) && state.terminated.containerID ? { ...state.terminated, restarts: restartCount } : last.containerID ? { ...last, restarts: restartCount - 1 } : undefined;
  if (ended) {
    if (ended.reason === 'StartError') return undefined;
    return { image, startedAt: time(ended.startedAt), finishedAt: time(ended.finishedAt), restartCount: ended.restarts };
  }
  const reason = text(obj(state.waiting).reason);
  if (reason === 'ErrImagePull') throw waitingError("image can't be pulled");
  if (reason === 'ImagePullBackOff') throw waitingError('trying and failing to pull image');
  throw waitingError(reason || 'ContainerCreating');
}

/** The container's log lines. Throws a BadRequest StatusError when there is nothing to read. */
export function containerLogs(reader: StateReader, pod: JsonObject, options: LogOptions): string[] {
  return logLines(reader, pod, options).map((line) => (options.timestamps ? `${new Date(line.at).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} ${line.text}` : line.text));
}

/** The container's log lines with their times. */
export function logLines(reader: StateReader, pod: JsonObject, options: LogOptions): LogLine[] {
  const spec = obj(pod.spec);
  const podName = text(obj(pod.metadata).name);
  const names = list(spec.containers).map((c) => String(c.name));
  const inits = list(spec.initContainers).map((c) => String(c.name));
  let name = options.container;
  if (name === undefined) {
    if (names.length !== 1) {
      const choice = `a container name must be specified for pod ${podName}, choose one of: [${names.join(' ')}]${inits.length > 0 ? ` or one of the init containers: [${inits.join(' ')}]` : ''}`;
      throw badRequest(choice, 'Ce pod a plusieurs conteneurs : précise lequel avec -c <nom>.');
    }
    name = names[0]!;
  }
  if (!names.includes(name) && !inits.includes(name)) {
    throw badRequest(`container ${name} is not valid for pod ${podName}`, `Le pod « ${podName} » n'a pas de conteneur « ${name} » : vérifie le nom avec kubectl describe pod.`);
  }
  const instance = pickInstance(pod, name, options.previous === true);
  if (!instance || Number.isNaN(instance.startedAt)) return [];
  const replayed = replay(reader, pod, name, instance.image, instance.startedAt, instance.restartCount);
  if (!replayed) return [];
  // The status keeps whole seconds: an instance that ended ran until the end of its last second.
  const until = Math.min(options.now, instance.finishedAt === undefined ? Infinity : instance.finishedAt + 999);
  const keep = options.tail !== undefined && options.tail >= 0 ? options.tail : 10_000;
  const run = runProcess(replayed.process.argv, replayed.process.machine, { start: instance.startedAt, until, keepLast: keep });
  const lines = run.lines.filter((line) => line.at <= until);
  const daemon = run.daemon;
  if (daemon) {
    lines.push(...daemon.daemon.lines(daemon.at, daemon.at, until));
    const exit = daemon.daemon.exit;
    if (exit?.text && daemon.at + exit.afterMs <= until) lines.push({ at: daemon.at + exit.afterMs, text: exit.text });
  }
  return options.tail !== undefined && options.tail >= 0 ? lines.slice(Math.max(0, lines.length - options.tail)) : lines;
}
