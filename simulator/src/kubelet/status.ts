/**
 * The Pod status the kubelet writes, generated from its runtime records as
 * kubelet_pods.go generateAPIPodStatus does (v1.30): container statuses, the phase
 * (getPhase), the kubelet-owned conditions (PodReadyToStartContainers, Initialized,
 * Ready, ContainersReady, PodScheduled) with their lastTransitionTime kept while their
 * status does not change, host and pod IPs, startTime and the QoS class.
 */
import { formatTimestamp } from '../clock';
import { isJsonObject, type JsonObject } from '../store/json';
import type { ContainerRecord, PodRecord, Terminated } from './state';
import { list, obj, text } from './util';

let lastSecond = Number.NaN;
let lastText = '';

/** formatTimestamp, remembering the last second: a status names the same few seconds many times. */
function stamp(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = formatTimestamp(ms);
  }
  return lastText;
}

const KUBELET_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);

function terminatedState(t: Terminated): JsonObject {
  return {
    containerID: t.containerID,
    exitCode: t.exitCode,
    finishedAt: stamp(t.finishedAt),
    ...(t.message ? { message: t.message } : {}),
    reason: t.reason,
    startedAt: stamp(t.startedAt),
  };
}

/** One entry of status.containerStatuses (or initContainerStatuses). */
export function containerStatus(record: ContainerRecord, specImage: string, defaultWaiting: string): JsonObject {
  const instance = record.instance;
  let state: JsonObject;
  if ((record.step === 'running' || record.step === 'stopping') && instance) state = { running: { startedAt: stamp(instance.startedAt) } };
  else if (record.waiting) state = { waiting: record.waiting };
  else if (record.terminated) state = { terminated: terminatedState(record.terminated) };
  else state = { waiting: { reason: defaultWaiting } };
  const running = 'running' in state;
  const shown = record.shown;
  return {
    ...(shown ? { containerID: shown.containerID } : {}),
    image: shown?.image ?? specImage,
    imageID: shown?.imageID ?? '',
    lastState: record.last ? { terminated: terminatedState(record.last) } : {},
    name: record.name,
    ready: running && instance!.ready,
    restartCount: record.restartCount,
    started: running && instance!.started,
    state,
  };
}

interface Counted {
  status: JsonObject;
  kind: ContainerRecord['kind'];
}

/** Mirrors getPhase (v1.30), with podIsTerminal when the Pod is being deleted. */
export function podPhase(restartPolicy: string, statuses: Counted[], podIsTerminal: boolean, anyRegularStarted: boolean): string {
  let pendingInitialization = 0;
  let failedInitialization = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const { status, kind } of statuses) {
    const state = obj(status.state);
    const last = obj(status.lastState);
    if (kind === 'sidecar') continue;
    if (kind === 'init') {
      if (state.running) pendingInitialization++;
      else if (isJsonObject(state.terminated)) failedInitialization += state.terminated.exitCode !== 0 ? 1 : 0;
      else if (isJsonObject(last.terminated)) failedInitialization += last.terminated.exitCode !== 0 ? 1 : 0;
      else pendingInitialization++;
      continue;
    }
    if (state.running) running++;
    else if (isJsonObject(state.terminated)) {
      stopped++;
      if (state.terminated.exitCode === 0) succeeded++;
    } else if (isJsonObject(last.terminated)) stopped++;
    else waiting++;
  }
  if (failedInitialization > 0 && restartPolicy === 'Never') return 'Failed';
  if ((pendingInitialization > 0 && !anyRegularStarted) || waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return restartPolicy === 'Never' ? 'Failed' : 'Running';
  }
  return 'Pending';
}

/** Mirrors status.GenerateContainersReadyCondition / GeneratePodReadyCondition. */
function readiness(type: 'Ready' | 'ContainersReady', statuses: Counted[], phase: string, pod: JsonObject): JsonObject {
  if (phase === 'Succeeded' || phase === 'Failed') return { type, status: 'False', reason: 'PodCompleted' };
  const unready = statuses.filter(({ status, kind }) => (kind === 'regular' || kind === 'sidecar') && status.ready !== true).map(({ status }) => String(status.name));
  if (unready.length > 0) return { type, status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` };
  if (type === 'Ready') {
    const conditions = list(obj(pod.status).conditions);
    for (const gate of list(obj(pod.spec).readinessGates)) {
      const found = conditions.find((condition) => condition.type === gate.conditionType);
      if (!found) return { type, status: 'False', reason: 'ReadinessGatesNotReady', message: `corresponding condition of pod readiness gate "${String(gate.conditionType)}" does not exist.` };
      if (found.status !== 'True') return { type, status: 'False', reason: 'ReadinessGatesNotReady', message: `the status of pod readiness gate "${String(gate.conditionType)}" is not "True", but ${String(found.status)}` };
    }
  }
  return { type, status: 'True' };
}

/** The whole status for `pod` from its record at `now`. */
export function podStatus(pod: JsonObject, record: PodRecord, now: number, hostIP: string, deleting: boolean): JsonObject {
  const spec = obj(pod.spec);
  const old = obj(pod.status);
  const specOf = (kind: string, name: string) => list(spec[kind]).find((container) => container.name === name);
  const hasInit = list(spec.initContainers).length > 0;
  const anyRegularStarted = record.containers.some((c) => c.kind === 'regular' && c.created > 0);
  const counted: Counted[] = record.containers.map((c) => {
    const image = text(specOf(c.kind === 'regular' ? 'containers' : 'initContainers', c.name)?.image);
    const waiting = c.kind === 'regular' && hasInit && !anyRegularStarted ? 'PodInitializing' : c.kind === 'regular' ? 'ContainerCreating' : 'PodInitializing';
    return { status: containerStatus(c, image, waiting), kind: c.kind };
  });
  const phase = podPhase(text(spec.restartPolicy, 'Always'), counted, deleting, anyRegularStarted);
  const incomplete = counted.filter(({ kind, status }) => kind !== 'regular' && !(kind === 'sidecar' ? status.started === true : obj(obj(status.state).terminated).exitCode === 0)).map(({ status }) => String(status.name));
  const conditions: JsonObject[] = [
    { type: 'PodReadyToStartContainers', status: record.sandbox && !record.finished ? 'True' : 'False' },
    incomplete.length === 0 || phase === 'Succeeded'
      ? { type: 'Initialized', status: 'True' }
      : { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${incomplete.join(' ')}]` },
    readiness('Ready', counted, phase, pod),
    readiness('ContainersReady', counted, phase, pod),
    { type: 'PodScheduled', status: 'True' },
  ];
  const previous = list(old.conditions);
  const stamped = conditions.map((condition) => {
    // Mirrors the status manager's updateLastTransitionTime: kept while the status stays.
    const before = previous.find((p) => p.type === condition.type);
    const time = before && before.status === condition.status && typeof before.lastTransitionTime === 'string' ? before.lastTransitionTime : stamp(now);
    return { lastProbeTime: null, lastTransitionTime: time, ...condition };
  });
  const others = previous.filter((condition) => !KUBELET_CONDITIONS.has(String(condition.type)));
  const status: JsonObject = { ...old, phase, conditions: [...others, ...stamped] };
  if (hostIP !== '') {
    status.hostIP = hostIP;
    status.hostIPs = [{ ip: hostIP }];
  }
  if (record.sandbox) {
    status.podIP = record.sandbox.ip;
    status.podIPs = [{ ip: record.sandbox.ip }];
  }
  status.startTime = stamp(record.admittedAt);
  const init = counted.filter(({ kind }) => kind !== 'regular').map(({ status: s }) => s);
  if (init.length > 0) status.initContainerStatuses = init;
  status.containerStatuses = counted.filter(({ kind }) => kind === 'regular').map(({ status: s }) => s);
  return status;
}
