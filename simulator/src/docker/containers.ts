/**
 * What a docker container does, computed from its record and the time as the kubelet
 * computes a Pod's containers (kubelet/machine.ts, plan.ts, shell.ts): the image's
 * ENTRYPOINT and CMD (or what `docker run` replaced), its programs (nginx serves on 80,
 * `alpine echo hi` prints and exits), its logs, its status (`Up 2 minutes`,
 * `Exited (0) 5 seconds ago`). Each start is a run; the logs are all the runs' lines.
 */
import type { JsonObject } from '../store/json';
import { hexDigits } from '../kubelet/hash';
import { processFor, type ProcessSpec } from '../kubelet/machine';
import type { LogLine } from '../kubelet/model';
import { planRun, stopOutcome, type Plan } from '../kubelet/plan';
import { parseReference } from '../kubelet/reference';
import { runProcess } from '../kubelet/shell';
import type { DockerEngine } from './engine';
import { catalogueOf, imageInfoOf } from './images';

export interface PortBinding {
  hostIp: string;
  host: number;
  container: number;
  proto: 'tcp' | 'udp';
}

export interface RunRecord {
  /** Epoch ms. */
  started: number;
  /** `docker stop`/`kill`/`rm -f`: when and with what code the process ended. */
  stopped?: { at: number; code: number };
}

export interface ContainerRecord {
  /** 64 hex digits. */
  id: string;
  name: string;
  /** The image as `docker run` was given it (`nginx`, `monimage:1.0`): the IMAGE column. */
  image: string;
  imageId: string;
  /** The normalized reference (`docker.io/library/nginx:latest`). */
  reference: string;
  /** `--entrypoint`: replaces the image's ENTRYPOINT (and its CMD). */
  entrypoint?: string[];
  /** The words after IMAGE: replace the image's CMD. */
  cmd?: string[];
  /** `-e K=V`. */
  env: Record<string, string>;
  ports: PortBinding[];
  created: number;
  /** Starts, oldest first; none before the first start. */
  runs: RunRecord[];
  /** `--rm`: removed once it exits. */
  autoRemove?: boolean;
  /** 172.17.0.N on the default bridge, while running. */
  ip?: string;
}

export type ContainerState =
  | { status: 'created' }
  | { status: 'running'; startedAt: number }
  | { status: 'exited'; code: number; finishedAt: number; startedAt: number };

/** The stop timeout of `docker stop` (SIGTERM, then SIGKILL 10 seconds later). */
export const STOP_TIMEOUT_MS = 10_000;

/** The process the container's runs start, from its image and what `docker run` set. */
export function processOf(engine: DockerEngine, c: ContainerRecord): ProcessSpec | undefined {
  const record = engine.images.find((image) => image.id === c.imageId);
  const parsed = parseReference(c.reference);
  if (!record || !parsed.ok) return undefined;
  const image = record.config || record.root !== parsed.reference.normalized ? imageInfoOf(record, parsed.reference) : catalogueOf(record.root)?.info;
  if (!image) return undefined;
  const container: JsonObject = {
    name: c.name,
    ...(c.entrypoint ? { command: c.entrypoint, args: c.cmd ?? [] } : c.cmd ? { args: c.cmd } : {}),
  };
  const pod: JsonObject = { metadata: { name: c.name, namespace: 'default' }, spec: { hostname: c.id.slice(0, 12), automountServiceAccountToken: false } };
  return processFor({ pulled: { image, reference: parsed.reference, sizeBytes: record.size, imageID: record.id }, pod, container, env: c.env, serviceEnv: () => ({}), podIP: c.ip ?? '' });
}

const PLANS = new WeakMap<RunRecord, Plan | undefined>();

/** The plan of one run (memoised: a run's plan never changes). */
export function planOf(engine: DockerEngine, c: ContainerRecord, run: RunRecord): Plan | undefined {
  if (!PLANS.has(run)) {
    const process = processOf(engine, c);
    PLANS.set(run, process && !process.startError ? planRun(process, run.started, {}, `docker:${c.id}:${run.started}`) : undefined);
  }
  return PLANS.get(run);
}

/** Where the run ended, if it did by `now`: stopped, or its process exited by itself. */
function runEnd(engine: DockerEngine, c: ContainerRecord, run: RunRecord, now: number): { at: number; code: number } | undefined {
  const plan = planOf(engine, c, run);
  const own = plan === undefined ? { at: run.started, code: 127 } : plan.exit && plan.exit.at <= now ? plan.exit : undefined;
  if (run.stopped && (!own || run.stopped.at < own.at)) return run.stopped;
  return own;
}

/** The container's state at `now`. */
export function stateOf(engine: DockerEngine, c: ContainerRecord, now: number): ContainerState {
  const run = c.runs.at(-1);
  if (!run) return { status: 'created' };
  const end = runEnd(engine, c, run, now);
  return end ? { status: 'exited', code: end.code, finishedAt: end.at, startedAt: run.started } : { status: 'running', startedAt: run.started };
}

/** `docker stop`: SIGTERM, then SIGKILL after the timeout; the outcome as the container's process meets it. */
export function stopRun(engine: DockerEngine, c: ContainerRecord, now: number, signal: 'TERM' | 'KILL'): void {
  const run = c.runs.at(-1);
  if (!run || stateOf(engine, c, now).status !== 'running') return;
  const plan = planOf(engine, c, run);
  if (signal === 'KILL' || !plan) run.stopped = { at: now, code: 137 };
  // The command waits for the stop: the container is stopped when it returns.
  else run.stopped = { at: now, code: stopOutcome(plan, now, STOP_TIMEOUT_MS, `docker:${c.id}:${run.started}`).code };
  delete c.ip;
}

/** The lines each run wrote, oldest first, up to `now` (docker keeps the logs of every run). */
export function logLines(engine: DockerEngine, c: ContainerRecord, now: number): LogLine[] {
  const out: LogLine[] = [];
  for (const run of c.runs) {
    const process = processOf(engine, c);
    if (!process || process.startError) continue;
    const until = Math.min(now, runEnd(engine, c, run, now)?.at ?? now);
    const result = runProcess(process.argv, process.machine, { start: run.started, until, keepLast: 10_000 });
    out.push(...result.lines.filter((line) => line.at <= until));
    if (result.daemon) out.push(...result.daemon.daemon.lines(result.daemon.at, result.daemon.at, until));
  }
  return out;
}

/** The command as `docker ps` shows it: the path, then the arguments (those with a space in single quotes). */
export function commandText(engine: DockerEngine, c: ContainerRecord): string {
  const record = engine.images.find((image) => image.id === c.imageId);
  const parsed = parseReference(c.reference);
  const image = record && parsed.ok ? imageInfoOf(record, parsed.reference) : undefined;
  const argv = c.entrypoint ? [...c.entrypoint, ...(c.cmd ?? [])] : [...(image?.entrypoint ?? []), ...(c.cmd ?? image?.cmd ?? [])];
  const [path = '', ...args] = argv;
  return args.length === 0 ? path : `${path} ${args.map((arg) => (arg.includes(' ') ? `'${arg}'` : arg)).join(' ')}`;
}

/** A new container ID, tied to the engine's sequence. */
export const containerId = (sequence: number, name: string): string => hexDigits(`docker-container:${sequence}:${name}`);

/** The first free address of the default bridge (172.17.0.1 is the host's). */
export function freeAddress(engine: DockerEngine): string {
  const used = new Set(engine.containers.map((c) => c.ip).filter((ip) => ip !== undefined));
  for (let n = 2; ; n++) if (!used.has(`172.17.0.${n}`)) return `172.17.0.${n}`;
}

/**
 * The container seen as a Pod with one running container, for the simulator's network
 * code (what a server answers on a port is the same for a Pod and a docker container).
 */
export function containerAsPod(c: ContainerRecord, startedAt: number): JsonObject {
  const env = Object.entries(c.env).map(([name, value]) => ({ name, value }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: c.name, namespace: 'default', uid: c.id },
    spec: {
      hostname: c.id.slice(0, 12),
      enableServiceLinks: false,
      automountServiceAccountToken: false,
      containers: [{ name: c.name, image: c.reference, ...(c.entrypoint ? { command: c.entrypoint, args: c.cmd ?? [] } : c.cmd ? { args: c.cmd } : {}), ...(env.length > 0 ? { env } : {}) }],
    },
    status: {
      phase: 'Running',
      podIP: c.ip ?? '',
      containerStatuses: [{ name: c.name, image: c.reference, ready: true, restartCount: 0, state: { running: { startedAt: new Date(startedAt).toISOString() } } }],
    },
  };
}
