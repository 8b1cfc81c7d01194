/**
 * A kubelet that starts over an existing cluster (a saved state loaded again) rebuilds
 * its runtime records from the Pods' status, as a restarted kubelet finds its containers
 * in containerd: running containers keep running from their startedAt, crash loops keep
 * their back-off, everything else starts its attempt again. The record becomes `sync.record`.
 */
import { isJsonObject, type JsonObject } from '../store/json';
import { BACKOFF_INITIAL_MS, BACKOFF_MAX_MS } from './backoff';
import { resumeProbes, type Sync } from './lifecycle';
import { pull } from './images';
import { processFor } from './machine';
import { planRun } from './plan';
import { parseReference } from './reference';
import { newContainer, type ContainerKind, type ContainerRecord, type PodRecord, type Terminated } from './state';
import { list, obj, text } from './util';


const time = (value: unknown): number | undefined => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? Date.parse(value) : undefined);

function terminated(value: unknown): Terminated | undefined {
  if (!isJsonObject(value)) return undefined;
  return {
    exitCode: Number(value.exitCode ?? 0),
    reason: text(value.reason),
    ...(typeof value.message === 'string' ? { message: value.message } : {}),
    startedAt: time(value.startedAt) ?? 0,
    finishedAt: time(value.finishedAt) ?? 0,
    containerID: text(value.containerID),
  };
}

/** The kind of each container of the Pod, in SyncPod's order. */
export function containerKinds(spec: JsonObject): { name: string; kind: ContainerKind }[] {
  return [
    ...list(spec.initContainers).map((c) => ({ name: String(c.name), kind: c.restartPolicy === 'Always' ? ('sidecar' as const) : ('init' as const) })),
    ...list(spec.containers).map((c) => ({ name: String(c.name), kind: 'regular' as const })),
  ];
}

/** One container's record from its status entry. */
function rebuildContainer(c: ContainerRecord, status: JsonObject, sync: Sync): void {
  const state = obj(status.state);
  c.restartCount = Number(status.restartCount ?? 0);
  c.created = c.restartCount + (typeof status.containerID === 'string' ? 1 : 0);
  if (typeof status.containerID === 'string') c.shown = { image: text(status.image), imageID: text(status.imageID), containerID: status.containerID };
  const last = terminated(obj(status.lastState).terminated);
  if (last) c.last = last;
  const running = obj(state.running);
  const startedAt = time(running.startedAt);
  if (startedAt !== undefined) {
    const spec = sync.spec(c);
    const parsed = parseReference(text(spec.image));
    const outcome = parsed.ok ? pull(parsed.reference, sync.localImages) : undefined;
    const env = sync.env(spec);
    if (outcome?.ok && env.ok) {
      const process = processFor({ pulled: outcome.pulled, pod: sync.pod, container: spec, env: env.env, serviceEnv: () => sync.serviceEnv(), podIP: sync.podIP() });
      const plan = planRun(process, startedAt, spec, `${sync.record.uid}:${c.name}:${c.created}`);
      c.instance = { containerID: c.shown?.containerID ?? '', startedAt, image: outcome.pulled.reference.normalized, imageID: outcome.pulled.imageID, env: env.env, plan, started: false, ready: false, probes: {} };
      c.step = 'running';
      resumeProbes(c, spec, sync.now, `${sync.record.uid}:${c.name}:${c.created}`, status.started === true);
      c.instance.ready = status.ready === true || c.instance.ready;
      return;
    }
  }
  const done = terminated(state.terminated);
  if (done) {
    c.terminated = done;
    c.step = 'exited';
    c.due = sync.now;
    return;
  }
  const waiting = obj(state.waiting);
  if (waiting.reason === 'CrashLoopBackOff' && c.last) {
    const durationMs = Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** Math.max(0, c.restartCount - 1));
    c.crashBackoff = { durationMs, lastUpdate: c.last.finishedAt };
    c.waiting = { reason: 'CrashLoopBackOff', ...(typeof waiting.message === 'string' ? { message: waiting.message } : {}) };
    c.step = 'crash-backoff';
    c.due = Math.max(sync.now, c.last.finishedAt + durationMs);
  }
}

/** A record for a Pod the kubelet finds already running (or half-started). */
export function rebuildRecord(pod: JsonObject, node: string, sync: Sync, sandboxDue: number): PodRecord {
  const status = obj(pod.status);
  const uid = text(obj(pod.metadata).uid);
  const record: PodRecord = {
    uid,
    node,
    admittedAt: time(status.startTime) ?? sync.now,
    sandboxDue,
    containers: containerKinds(obj(pod.spec)).map(({ name, kind }) => newContainer(name, kind, sync.now)),
    finished: status.phase === 'Succeeded' || status.phase === 'Failed',
  };
  if (typeof status.podIP === 'string' && status.podIP !== '') record.sandbox = { ip: status.podIP };
  sync.record = record;
  const statuses = [...list(status.initContainerStatuses), ...list(status.containerStatuses)];
  for (const c of record.containers) {
    const entry = statuses.find((s) => s.name === c.name);
    if (entry) rebuildContainer(c, entry, sync);
  }
  return record;
}
