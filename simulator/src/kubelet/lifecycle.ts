/**
 * The transitions of a container's lifecycle, as the kubelet's SyncPod carries them out
 * (kuberuntime_manager.go, kuberuntime_container.go, images/image_manager.go): ensure the
 * image (pull, or `already present`), build the config (env), create, start; stop with the
 * grace period; restart under the restart policy with the crash back-off. Each transition
 * updates the runtime record and records the kubelet's events, with their v1.30 texts.
 */
import type { JsonObject } from '../store/json';
import { backoffEnds, goDuration, nextBackoff } from './backoff';
import type { EnvResult } from './config';
import { between, hexDigits } from './hash';
import { pull, type PulledImage } from './images';
import type { LocalImages } from './localImages';
import { processFor, type ProcessSpec } from './machine';
import { exitReason, planRun, stopOutcome } from './plan';
import { probeOf, probeTiming, type ProbeKind } from './probes';
import { parseReference } from './reference';
import type { ContainerRecord, Instance, PodRecord } from './state';
import { text } from './util';

/** What a transition may read and do while the kubelet syncs one Pod. */
export interface Sync {
  now: number;
  pod: JsonObject;
  record: PodRecord;
  deleting: boolean;
  restartPolicy: string;
  /** `web-7d4b9-xk2pq_default(uid)`: format.Pod, as kubelet messages name a Pod. */
  podRef: string;
  spec(container: ContainerRecord): JsonObject;
  event(type: 'Normal' | 'Warning', reason: string, message: string): void;
  imagePresent(normalized: string): boolean;
  /** Images the nodes hold without a registry (built with `docker build`), if any. */
  localImages?: LocalImages;
  /** Queues a pull on the node (pulls are serialised): when it ends, and how long the pull itself took. */
  schedulePull(pulled: PulledImage | undefined, normalized: string, key: string): { doneAt: number; pullMs: number };
  imagePulled(pulled: PulledImage): void;
  env(container: JsonObject): EnvResult;
  serviceEnv(): Record<string, string>;
  podIP(): string;
  /** The grace period to stop with, in ms. */
  graceMs(container: ContainerRecord, probe?: JsonObject): number;
}

/** The process of a running instance, rebuilt from its image and environment. */
export function instanceProcess(c: ContainerRecord, instance: Instance, sync: Sync): ProcessSpec {
  const parsed = parseReference(instance.image);
  const outcome = parsed.ok ? pull(parsed.reference, sync.localImages) : undefined;
  if (!outcome?.ok) return { argv: [], machine: { flavor: undefined, env: {}, hostname: '', files: {}, program: () => undefined } };
  return processFor({ pulled: outcome.pulled, pod: sync.pod, container: sync.spec(c), env: instance.env, serviceEnv: () => sync.serviceEnv(), podIP: sync.podIP() });
}

/** The jitter key of a container's current attempt. */
export const keyOf = (sync: Sync, c: ContainerRecord): string => `${sync.record.uid}:${c.name}:${c.created}`;

function enter(c: ContainerRecord, step: ContainerRecord['step'], sync: Sync, due?: number): void {
  c.step = step;
  c.since = sync.now;
  if (due === undefined) delete c.due;
  else c.due = due;
}

/**
 * A start failed with a reason the status shows as waiting; the container that ran before
 * (if any) moves to lastState, as convertToAPIContainerStatuses does with the reason cache.
 */
function showWaiting(c: ContainerRecord, waiting: { reason: string; message?: string }): void {
  if (c.terminated) {
    c.last = c.terminated;
    delete c.terminated;
  }
  c.waiting = waiting;
}

function block(c: ContainerRecord, sync: Sync, reason: string, message: string): void {
  showWaiting(c, { reason, message });
  enter(c, 'blocked', sync, sync.now + 10_000);
}

/** EnsureImageExists, then create and start: the start of a (re)start attempt. */
export function startAttempt(c: ContainerRecord, sync: Sync): void {
  const spec = sync.spec(c);
  const image = text(spec.image);
  const parsed = parseReference(image);
  if (!parsed.ok) {
    const message = `Failed to apply default image tag "${image}": couldn't parse image reference "${image}": ${parsed.error}`;
    sync.event('Warning', 'InspectFailed', message);
    sync.event('Warning', 'Failed', 'Error: InvalidImageName');
    return block(c, sync, 'InvalidImageName', message);
  }
  const ref = parsed.reference;
  const policy = text(spec.imagePullPolicy, ref.tag === 'latest' ? 'Always' : 'IfNotPresent');
  const local = sync.localImages?.find(ref);
  const present = local !== undefined || sync.imagePresent(ref.normalized);
  if (present && policy !== 'Always') {
    sync.event('Normal', 'Pulled', `Container image "${image}" already present on machine`);
    const outcome = pull(ref, sync.localImages);
    if (outcome.ok) return createAndStart(c, sync, outcome.pulled);
  }
  if (policy === 'Never' && !present) {
    const message = `Container image "${image}" is not present with pull policy of Never`;
    sync.event('Warning', 'ErrImageNeverPull', message);
    sync.event('Warning', 'Failed', 'Error: ErrImageNeverPull');
    return block(c, sync, 'ErrImageNeverPull', message);
  }
  sync.event('Normal', 'Pulling', `Pulling image "${image}"`);
  // A pull asks the registry: an image only built locally is not there (pull access denied).
  const outcome = pull(ref);
  const { doneAt, pullMs } = sync.schedulePull(outcome.ok ? outcome.pulled : undefined, ref.normalized, keyOf(sync, c));
  // The status keeps what it showed (ContainerCreating, CrashLoopBackOff, the last exit) while pulling.
  c.pull = { startedAt: sync.now, doneAt, outcome, pullMs };
  enter(c, 'pulling', sync, doneAt);
}

/** The pull ended: Pulled and on to the start, or ErrImagePull. */
export function finishPull(c: ContainerRecord, sync: Sync): void {
  const pulling = c.pull!;
  delete c.pull;
  const image = text(sync.spec(c).image);
  if (!pulling.outcome.ok) {
    sync.event('Warning', 'Failed', `Failed to pull image "${image}": ${pulling.outcome.error}`);
    sync.event('Warning', 'Failed', 'Error: ErrImagePull');
    c.pullBackoff = nextBackoff(c.pullBackoff, sync.now);
    showWaiting(c, { reason: 'ErrImagePull', message: pulling.outcome.error });
    return enter(c, 'pull-failed', sync, sync.now + 1000);
  }
  const pulled = pulling.outcome.pulled;
  sync.event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(pulling.pullMs)} (${goDuration(pulling.doneAt - pulling.startedAt)} including waiting). Image size: ${pulled.sizeBytes} bytes.`);
  sync.imagePulled(pulled);
  delete c.pullBackoff;
  createAndStart(c, sync, pulled);
}

/** ErrImagePull turns into ImagePullBackOff until the pull back-off ends. */
export function pullBackoff(c: ContainerRecord, sync: Sync): void {
  const image = text(sync.spec(c).image);
  sync.event('Normal', 'BackOff', `Back-off pulling image "${image}"`);
  sync.event('Warning', 'Failed', 'Error: ImagePullBackOff');
  c.waiting = { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` };
  enter(c, 'pull-backoff', sync, c.pullBackoff!.lastUpdate + c.pullBackoff!.durationMs);
}

/** generateContainerConfig, CreateContainer, StartContainer. */
function createAndStart(c: ContainerRecord, sync: Sync, pulled: PulledImage): void {
  const spec = sync.spec(c);
  const env = sync.env(spec);
  if (!env.ok) {
    sync.event('Warning', 'Failed', `Error: ${env.message}`);
    return block(c, sync, 'CreateContainerConfigError', env.message);
  }
  const process = processFor({ pulled, pod: sync.pod, container: spec, env: env.env, serviceEnv: () => sync.serviceEnv(), podIP: sync.podIP() });
  if (c.created > 0) c.restartCount++;
  c.created++;
  const containerID = `containerd://${hexDigits(`container:${keyOf(sync, c)}`)}`;
  c.shown = { image: pulled.reference.normalized, imageID: pulled.imageID, containerID };
  delete c.waiting;
  if (c.terminated) {
    c.last = c.terminated;
    delete c.terminated;
  }
  sync.event('Normal', 'Created', `Created container ${c.name}`);
  if (process.startError) {
    sync.event('Warning', 'Failed', `Error: ${process.startError}`);
    delete c.instance;
    // Mirrors containerd: a container that never started reports the zero start time.
    c.terminated = { exitCode: 128, reason: 'StartError', message: process.startError, startedAt: 0, finishedAt: sync.now, containerID };
    return enter(c, 'exited', sync, sync.now + 1000);
  }
  sync.event('Normal', 'Started', `Started container ${c.name}`);
  const plan = planRun(process, sync.now, spec, keyOf(sync, c));
  const startup = probeOf(spec, 'startup');
  c.instance = { containerID, startedAt: sync.now, image: pulled.reference.normalized, imageID: pulled.imageID, env: env.env, plan, started: !startup, ready: false, probes: {} };
  if (startup) scheduleProbe(c, spec, 'startup', sync.now, keyOf(sync, c));
  else afterStartup(c, spec, sync.now, keyOf(sync, c));
  enter(c, 'running', sync);
}

/**
 * The first tick: initialDelaySeconds after the start, and never before the prober's worker
 * notices the container (its next sync or tick, a second or so), as the real first probe
 * does not race the process it probes.
 */
function scheduleProbe(c: ContainerRecord, spec: JsonObject, kind: ProbeKind, from: number, key: string): void {
  const probe = probeOf(spec, kind);
  if (!probe) return;
  const noticed = c.instance!.startedAt + between(`${key}:${kind}`, 500, 1500);
  c.instance!.probes[kind] = { next: Math.max(from, c.instance!.startedAt + probeTiming(probe).initialDelayMs, noticed), successes: 0, failures: 0 };
}

/** Once started: liveness and readiness probes begin; without a readiness probe, the container is ready. */
export function afterStartup(c: ContainerRecord, spec: JsonObject, now: number, key: string): void {
  const instance = c.instance!;
  instance.started = true;
  delete instance.probes.startup;
  scheduleProbe(c, spec, 'liveness', now, key);
  scheduleProbe(c, spec, 'readiness', now, key);
  if (!probeOf(spec, 'readiness')) instance.ready = true;
}

/** Probes of a container found running (a rebuilt kubelet): from the startup probe if it had not passed. */
export function resumeProbes(c: ContainerRecord, spec: JsonObject, now: number, key: string, started: boolean): void {
  if (started || !probeOf(spec, 'startup')) afterStartup(c, spec, now, key);
  else scheduleProbe(c, spec, 'startup', now, key);
}

/** KillContainer: the Killing event, then the stop runs its course within the grace period. */
export function stop(c: ContainerRecord, sync: Sync, message: string, probe?: JsonObject): void {
  const instance = c.instance!;
  sync.event('Normal', 'Killing', message);
  // Still running until it exits: it keeps its readiness (Endpoints drop a deleted Pod anyway).
  instance.probes = {};
  instance.stop = stopOutcome(instance.plan, sync.now, sync.graceMs(c, probe), keyOf(sync, c));
  enter(c, 'stopping', sync, instance.stop.at);
}

/** The process ended (by itself, killed, or stopped). */
export function exited(c: ContainerRecord, sync: Sync, code: number, reason?: string): void {
  const instance = c.instance!;
  instance.ready = false;
  instance.probes = {};
  c.terminated = { exitCode: code, reason: reason ?? exitReason(code), startedAt: instance.startedAt, finishedAt: sync.now, containerID: instance.containerID };
  delete c.waiting;
  enter(c, sync.deleting ? 'done' : 'exited', sync, sync.now + 1000);
}

/** Whether the restart policy restarts this container after it exited with `code`. */
function restarts(c: ContainerRecord, sync: Sync, code: number): boolean {
  if (c.kind === 'sidecar') return true;
  if (sync.restartPolicy === 'Never') return false;
  return c.kind === 'init' ? code !== 0 : sync.restartPolicy === 'Always' || code !== 0;
}

/** The next sync after an exit: restart now, wait out the crash back-off, or stay terminated. */
export function afterExit(c: ContainerRecord, sync: Sync): void {
  const terminated = c.terminated!;
  if (!restarts(c, sync, terminated.exitCode)) return enter(c, 'done', sync);
  const ends = backoffEnds(c.crashBackoff, terminated.finishedAt, sync.now);
  if (ends === undefined) {
    c.crashBackoff = nextBackoff(c.crashBackoff, sync.now);
    return startAttempt(c, sync);
  }
  // Mirrors kuberuntime_manager doBackOff: the event, and the waiting message with the back-off.
  sync.event('Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${sync.podRef}`);
  c.last = terminated;
  delete c.terminated;
  c.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(c.crashBackoff!.durationMs)} restarting failed container=${c.name} pod=${sync.podRef}` };
  enter(c, 'crash-backoff', sync, ends);
}

/** The crash back-off is over: next back-off, and start again. */
export function restartAfterBackoff(c: ContainerRecord, sync: Sync): void {
  c.crashBackoff = nextBackoff(c.crashBackoff, sync.now);
  startAttempt(c, sync);
}

/** Nothing will run any more for this container (the Pod is being deleted or is finished). */
export function abandon(c: ContainerRecord, sync: Sync): void {
  delete c.pull;
  enter(c, 'done', sync);
}

/** The container's spec asks for another image than the one running. */
export function specChanged(c: ContainerRecord, sync: Sync): boolean {
  const instance = c.instance;
  if (!instance) return false;
  const parsed = parseReference(text(sync.spec(c).image));
  return !parsed.ok || parsed.reference.normalized !== instance.image;
}
