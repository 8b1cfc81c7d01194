/**
 * The container lifecycle as a stage table, after kwok's pod stages
 * (kustomize/stage/pod/general): each stage has a selector (the container's step and the
 * Pod's world), a delay (when it fires) and the next state (lifecycle.ts). For each
 * container the first stage whose selector matches applies once its delay is over; the
 * kubelet looks again after every transition, until nothing is due: the delay left tells
 * when to come back (requeueAfter).
 */
import { abandon, afterExit, exited, finishPull, pullBackoff, restartAfterBackoff, specChanged, startAttempt, stop, type Sync } from './lifecycle';
import { nextProbeTick, probeTick } from './probing';
import type { ContainerRecord } from './state';

export interface Stage {
  name: string;
  /** Whether the stage applies to this container now. */
  selector(c: ContainerRecord, sync: Sync): boolean;
  /** When it fires: the step's start plus the stage's delay (absolute simulated ms). */
  due(c: ContainerRecord, sync: Sync): number;
  /** Moves the container to its next state (and records the events). */
  next(c: ContainerRecord, sync: Sync): void;
}

const at = (c: ContainerRecord): number => c.due ?? c.since;
const now = (_c: ContainerRecord, sync: Sync): number => sync.now;

/** Init containers run one after the other; regular containers start once they all completed. */
function initialized(c: ContainerRecord): boolean {
  return c.kind === 'sidecar' ? c.instance?.started === true : c.step === 'done' && c.terminated?.exitCode === 0;
}

/** Mirrors SyncPod's order: the sandbox, then each init container, then the containers in spec order. */
function myTurn(c: ContainerRecord, sync: Sync): boolean {
  if (!sync.record.sandbox) return false;
  const all = sync.record.containers;
  const index = all.indexOf(c);
  if (c.kind !== 'regular') return all.slice(0, index).every(initialized);
  if (!all.filter((other) => other.kind !== 'regular').every(initialized)) return false;
  const previous = all[index - 1];
  return !previous || previous.kind !== 'regular' || (previous.step !== 'waiting' && previous.step !== 'pulling');
}

export const STAGES: readonly Stage[] = [
  {
    name: 'deleted-before-running',
    selector: (c, sync) => sync.deleting && !['running', 'stopping', 'done'].includes(c.step),
    due: now,
    next: abandon,
  },
  {
    name: 'kill-on-delete',
    selector: (c, sync) => sync.deleting && c.step === 'running',
    due: now,
    next: (c, sync) => stop(c, sync, `Stopping container ${c.name}`),
  },
  {
    name: 'definition-changed',
    selector: (c, sync) => c.step === 'running' && specChanged(c, sync),
    due: now,
    next: (c, sync) => stop(c, sync, `Container ${c.name} definition changed, will be restarted`),
  },
  { name: 'start', selector: (c, sync) => c.step === 'waiting' && myTurn(c, sync), due: now, next: startAttempt },
  { name: 'pulled', selector: (c) => c.step === 'pulling', due: at, next: finishPull },
  { name: 'image-pull-backoff', selector: (c) => c.step === 'pull-failed', due: at, next: pullBackoff },
  { name: 'pull-again', selector: (c) => c.step === 'pull-backoff', due: at, next: startAttempt },
  { name: 'retry-start', selector: (c) => c.step === 'blocked', due: at, next: startAttempt },
  {
    // Whichever comes first: the process ends by itself, or a probe is due.
    name: 'running',
    selector: (c) => c.step === 'running' && (c.instance?.plan.exit !== undefined || nextProbeTick(c) !== undefined),
    due: (c) => Math.min(c.instance!.plan.exit?.at ?? Infinity, nextProbeTick(c) ?? Infinity),
    next: (c, sync) => {
      const exit = c.instance!.plan.exit;
      if (exit && exit.at <= (nextProbeTick(c) ?? Infinity)) exited(c, sync, exit.code, exit.reason);
      else probeTick(c, sync);
    },
  },
  { name: 'stopped', selector: (c) => c.step === 'stopping', due: (c) => c.instance!.stop!.at, next: (c, sync) => exited(c, sync, c.instance!.stop!.code) },
  { name: 'restart-policy', selector: (c) => c.step === 'exited', due: at, next: afterExit },
  { name: 'crash-loop-back-off-over', selector: (c) => c.step === 'crash-backoff', due: at, next: restartAfterBackoff },
];

/** Safety net against a stage that would keep matching without moving anything. */
const MAX_TRANSITIONS = 1000;

/**
 * Applies every stage due by `sync.now`, container by container; returns when the next
 * stage will be due (undefined when nothing is waiting for time to pass).
 */
export function runStages(containers: ContainerRecord[], sync: Sync): number | undefined {
  let next: number | undefined;
  for (let transitions = 0; transitions < MAX_TRANSITIONS; transitions++) {
    let fired = false;
    next = undefined;
    for (const c of containers) {
      const stage = STAGES.find((candidate) => candidate.selector(c, sync));
      if (!stage) continue;
      const due = stage.due(c, sync);
      if (due <= sync.now) {
        stage.next(c, sync);
        fired = true;
      } else if (next === undefined || due < next) next = due;
    }
    if (!fired) return next;
  }
  return next;
}
