/**
 * What the kubelet's container runtime knows about each Pod it runs: the sandbox (and its
 * IP), and for each container its lifecycle step, its current and previous instances, its
 * back-offs and its probe counters. The API status is generated from this (status.ts),
 * as the real kubelet generates it from the CRI's view. Plain data, held in memory like
 * containerd's own state; a fresh kubelet rebuilds it from the Pods' status (rebuild.ts).
 */
import type { BackoffEntry } from './backoff';
import type { PullOutcome } from './images';
import type { Plan } from './plan';
import type { ProbeKind } from './probes';

/**
 * A container's lifecycle step. `blocked` is a start the kubelet retries on its next sync
 * (CreateContainerConfigError, ErrImageNeverPull, InvalidImageName); `done` is final.
 */
export type Step = 'waiting' | 'pulling' | 'pull-failed' | 'pull-backoff' | 'blocked' | 'running' | 'stopping' | 'exited' | 'crash-backoff' | 'done';

export type ContainerKind = 'init' | 'sidecar' | 'regular';

export interface Terminated {
  exitCode: number;
  /** Completed, Error, OOMKilled, StartError (a TerminationReason), or a reason read back from a saved status. */
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
}

export interface ProbeCursor {
  /** The next tick. */
  next: number;
  successes: number;
  failures: number;
}

/** A created container (running, being stopped, or the last one that ran). */
export interface Instance {
  containerID: string;
  startedAt: number;
  /** `docker.io/library/nginx:1.27`, as containerd reports it. */
  image: string;
  imageID: string;
  env: Record<string, string>;
  plan: Plan;
  /** The startup probe succeeded (or there is none). */
  started: boolean;
  ready: boolean;
  probes: Partial<Record<ProbeKind, ProbeCursor>>;
  /** Being stopped: when it ends and with which code. */
  stop?: { at: number; code: number };
}

export interface ContainerRecord {
  name: string;
  kind: ContainerKind;
  step: Step;
  /** When the step began. */
  since: number;
  /** When the step's wait ends (a pull, a back-off, a retry). */
  due?: number;
  restartCount: number;
  /** Containers created so far (restartCount is one less). */
  created: number;
  /** The latest created container, as the status names it even after it exited. */
  shown?: { image: string; imageID: string; containerID: string };
  /** Shown while waiting. */
  waiting?: { reason: string; message?: string };
  pull?: { startedAt: number; doneAt: number; outcome: PullOutcome; pullMs: number };
  pullBackoff?: BackoffEntry;
  crashBackoff?: BackoffEntry;
  /** The latest instance: running, stopping, or the one that exited. */
  instance?: Instance;
  /** state.terminated, while exited or done. */
  terminated?: Terminated;
  /** lastState.terminated. */
  last?: Terminated;
}

export interface PodRecord {
  uid: string;
  node: string;
  /** When the kubelet admitted the Pod: status.startTime. */
  admittedAt: number;
  sandbox?: { ip: string };
  /** When the sandbox (network) will be ready, or the next attempt after a failure. */
  sandboxDue: number;
  /** The volume manager's back-off while a configMap or secret volume does not mount (volumes.ts). */
  mountRetry?: { failures: number; next: number };
  containers: ContainerRecord[];
  /** Terminal phase reached: nothing more will run. */
  finished: boolean;
  /** A hash of the status the last sync wrote and the spec it read, to skip the echo of its own writes. */
  synced?: { status: number; spec: unknown; due: number | undefined; seen?: unknown };
}

/** A fresh record for a container the kubelet has not started yet. */
export function newContainer(name: string, kind: ContainerKind, now: number): ContainerRecord {
  return { name, kind, step: 'waiting', since: now, restartCount: 0, created: 0 };
}
