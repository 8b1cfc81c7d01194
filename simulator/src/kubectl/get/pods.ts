/**
 * The pods table and its STATUS column, computed exactly as printPod does
 * (kubernetes pkg/printers/internalversion/printers.go, v1.30): init containers first
 * (`Init:0/2`, `Init:CrashLoopBackOff`), then the last container with a waiting or
 * terminated reason (`ContainerCreating`, `CrashLoopBackOff`, `Completed`, `Error`,
 * `OOMKilled`), then `Terminating` for a pod being deleted.
 */
import { since } from '../age';
import { arr, bool, meta, nameOf, num, obj, str, type Json } from '../fields';
import { type TableDefinition, wideColumn } from './types';

/** The node lifecycle controller's reason for pods on a lost node (util/node.NodeUnreachablePodReason). */
const NODE_UNREACHABLE_REASON = 'NodeLost';

function isRestartableInitContainer(container: Json | undefined): boolean {
  return str(container?.restartPolicy) === 'Always';
}

function conditionTrue(status: Json, type: string): boolean {
  return arr(status.conditions).some((c) => str(c.type) === type && str(c.status) === 'True');
}

function finishedAt(state: Json): number | undefined {
  const terminated = state.terminated;
  if (terminated === undefined || terminated === null) return undefined;
  const ms = Date.parse(str(obj(terminated).finishedAt));
  return Number.isNaN(ms) ? undefined : ms;
}

/** READY, STATUS, RESTARTS (`5 (2m ago)`) as printPod computes them. */
export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/** Mirrors printPod's READY / STATUS / RESTARTS computation. */
export function podSummary(pod: Json, now: number): PodSummary {
  const spec = obj(pod.spec);
  const status = obj(pod.status);
  const containers = arr(spec.containers);
  const initSpecs = arr(spec.initContainers);
  let restarts = 0;
  let restartableRestarts = 0;
  let totalContainers = containers.length;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastRestartableRestart: number | undefined;
  const later = (a: number | undefined, b: number | undefined): number | undefined =>
    b === undefined ? a : a === undefined || a < b ? b : a;

  const phase = str(status.phase);
  let reason = str(status.reason) !== '' ? str(status.reason) : phase;
  for (const condition of arr(status.conditions)) {
    if (str(condition.type) === 'PodScheduled' && str(condition.reason) === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initByName = new Map<string, Json>();
  for (const container of initSpecs) {
    initByName.set(str(container.name), container);
    if (isRestartableInitContainer(container)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = arr(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i]!;
    const state = obj(container.state);
    const lastState = obj(container.lastState);
    restarts += num(container.restartCount);
    lastRestart = later(lastRestart, finishedAt(lastState));
    const restartable = isRestartableInitContainer(initByName.get(str(container.name)));
    if (restartable) {
      restartableRestarts += num(container.restartCount);
      lastRestartableRestart = later(lastRestartableRestart, finishedAt(lastState));
    }
    const terminated = state.terminated === undefined || state.terminated === null ? undefined : obj(state.terminated);
    const waiting = state.waiting === undefined || state.waiting === null ? undefined : obj(state.waiting);
    if (terminated && num(terminated.exitCode) === 0) continue;
    if (restartable && bool(container.started)) {
      if (bool(container.ready)) readyContainers++;
      continue;
    }
    if (terminated) {
      if (str(terminated.reason) === '') {
        reason = num(terminated.signal) !== 0 ? `Init:Signal:${num(terminated.signal)}` : `Init:ExitCode:${num(terminated.exitCode)}`;
      } else {
        reason = `Init:${str(terminated.reason)}`;
      }
    } else if (waiting && str(waiting.reason) !== '' && str(waiting.reason) !== 'PodInitializing') {
      reason = `Init:${str(waiting.reason)}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status, 'Initialized')) {
    restarts = restartableRestarts;
    lastRestart = lastRestartableRestart;
    let hasRunning = false;
    const statuses = arr(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i]!;
      const state = obj(container.state);
      restarts += num(container.restartCount);
      lastRestart = later(lastRestart, finishedAt(obj(container.lastState)));
      const waiting = state.waiting === undefined || state.waiting === null ? undefined : obj(state.waiting);
      const terminated = state.terminated === undefined || state.terminated === null ? undefined : obj(state.terminated);
      if (waiting && str(waiting.reason) !== '') reason = str(waiting.reason);
      else if (terminated && str(terminated.reason) !== '') reason = str(terminated.reason);
      else if (terminated) {
        reason = num(terminated.signal) !== 0 ? `Signal:${num(terminated.signal)}` : `ExitCode:${num(terminated.exitCode)}`;
      } else if (bool(container.ready) && state.running !== undefined && state.running !== null) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // Mirrors printPod: a pod whose last container completed but another still runs is Running.
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(status, 'Ready') ? 'Running' : 'NotReady';
  }

  const deleting = meta(pod).deletionTimestamp !== undefined && meta(pod).deletionTimestamp !== null;
  if (deleting && str(status.reason) === NODE_UNREACHABLE_REASON) reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartText = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) restartText = `${restarts} (${since(new Date(lastRestart).toISOString(), now)} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartText };
}

export const PODS: TableDefinition = {
  columns: [
    { name: 'Name' }, { name: 'Ready' }, { name: 'Status' }, { name: 'Restarts' }, { name: 'Age' },
    wideColumn('IP'), wideColumn('Node'), wideColumn('Nominated Node'), wideColumn('Readiness Gates'),
  ],
  row(pod, { now, wide }) {
    const summary = podSummary(pod, now);
    const cells = [nameOf(pod), summary.ready, summary.status, summary.restarts, since(meta(pod).creationTimestamp, now)];
    if (!wide) return cells;
    const spec = obj(pod.spec);
    const status = obj(pod.status);
    const podIP = str(arr(status.podIPs)[0]?.ip) || '<none>';
    let gates = '<none>';
    const readinessGates = arr(spec.readinessGates);
    if (readinessGates.length > 0) {
      let trueConditions = 0;
      for (const gate of readinessGates) {
        const condition = arr(status.conditions).find((c) => str(c.type) === str(gate.conditionType));
        if (condition && str(condition.status) === 'True') trueConditions++;
      }
      gates = `${trueConditions}/${readinessGates.length}`;
    }
    return [...cells, podIP, str(spec.nodeName) || '<none>', str(status.nominatedNodeName) || '<none>', gates];
  },
};
