/**
 * A small cluster for the kubelet's tests: a store, a runtime with the kubelet, nodes with
 * a podCIDR and an InternalIP, and Pods bound by hand (the scheduler is another piece).
 */
import { ManualClock, formatTimestamp } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { ControllerRuntime } from '../../../simulator/src/controllers/runtime';
import type { Controller } from '../../../simulator/src/controllers/types';
import { createKubelet } from '../../../simulator/src/kubelet/kubelet';

export const PODS = kindInfo('v1', 'Pod')!;
export const NODES = kindInfo('v1', 'Node')!;
export const EVENTS = kindInfo('v1', 'Event')!;
export const CONFIGMAPS = kindInfo('v1', 'ConfigMap')!;
export const SECRETS = kindInfo('v1', 'Secret')!;

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: unknown[];
  envFrom?: unknown[];
  ports?: { containerPort: number; name?: string }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: Record<string, unknown>;
  livenessProbe?: Record<string, unknown>;
  startupProbe?: Record<string, unknown>;
  imagePullPolicy?: string;
  restartPolicy?: string;
}

export interface PodOptions {
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  initContainers?: Container[];
  terminationGracePeriodSeconds?: number;
  node?: string | null;
  namespace?: string;
  labels?: Record<string, string>;
}

export class Harness {
  readonly clock = new ManualClock(Date.UTC(2024, 0, 1));
  readonly store: ObjectStore;
  readonly runtime: ControllerRuntime;
  readonly start: number;

  constructor(options: { seed?: number; nodes?: number; graceful?: boolean; controllers?: Controller[] } = {}) {
    this.store = new ObjectStore({ clock: this.clock, random: createRandom(options.seed ?? 7), gracefulPodDeletion: options.graceful ?? true });
    this.runtime = new ControllerRuntime(this.store, this.clock, options.controllers ?? [createKubelet()]);
    for (let i = 1; i <= (options.nodes ?? 1); i++) this.store.create(node(`node-${i}`, i));
    this.start = this.clock.now();
  }

  /** Creates a Pod and binds it to a node, as the scheduler would. */
  pod(name: string, containers: Container[], options: PodOptions = {}): KubeObject {
    const spec: Record<string, unknown> = { containers, restartPolicy: options.restartPolicy ?? 'Always' };
    if (options.initContainers) spec.initContainers = options.initContainers;
    if (options.terminationGracePeriodSeconds !== undefined) spec.terminationGracePeriodSeconds = options.terminationGracePeriodSeconds;
    const namespace = options.namespace ?? 'default';
    this.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: options.labels ?? { app: name } }, spec });
    if (options.node !== null) this.store.bindPod(namespace, name, options.node ?? 'node-1');
    return this.get(name, namespace);
  }

  get(name: string, namespace = 'default'): KubeObject {
    return this.store.get(PODS, namespace, name);
  }

  find(name: string, namespace = 'default'): KubeObject | undefined {
    return this.store.find(PODS, namespace, name);
  }

  settle(maxSimulatedMs = 60_000): void {
    this.runtime.runUntilSettled({ maxSimulatedMs });
  }

  advance(ms: number): void {
    this.runtime.advance(ms);
  }

  /** Moves time until `predicate` holds (or fails after `limitMs`). */
  until(predicate: () => boolean, limitMs = 600_000, stepMs = 100): number {
    const from = this.clock.now();
    const holds = () => {
      try {
        return predicate();
      } catch {
        return false; // not there yet (no status, no container status)
      }
    };
    this.runtime.advance(0);
    while (!holds()) {
      if (this.clock.now() - from > limitMs) throw new Error(`condition not met within ${limitMs} ms`);
      this.runtime.advance(stepMs);
    }
    return this.clock.now() - from;
  }

  /** `Reason: message` of the Pod's events, oldest first, with counts when repeated. */
  events(name: string, namespace = 'default'): string[] {
    return this.store
      .list(EVENTS, { namespace })
      .filter((event) => (event.involvedObject as { name?: string }).name === name)
      .map((event) => `${String(event.reason)}: ${String(event.message)}${Number(event.count) > 1 ? ` (x${String(event.count)})` : ''}`);
  }

  now(): string {
    return formatTimestamp(this.clock.now());
  }
}

export function node(name: string, index: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name } },
    spec: { podCIDR: `10.244.${index}.0/24`, podCIDRs: [`10.244.${index}.0/24`] },
    status: {
      addresses: [{ type: 'InternalIP', address: `172.18.0.${index + 1}` }, { type: 'Hostname', address: name }],
      capacity: { cpu: '4', memory: '8Gi', pods: '110' },
      allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
    },
  };
}

type Status = {
  phase?: string;
  podIP?: string;
  hostIP?: string;
  startTime?: string;
  qosClass?: string;
  conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[];
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
};
export type ContainerStatus = {
  name: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
  state: { waiting?: { reason: string; message?: string }; running?: { startedAt: string }; terminated?: { exitCode: number; reason: string; message?: string; startedAt: string; finishedAt: string } };
  lastState: { terminated?: { exitCode: number; reason: string; finishedAt: string } };
};

export const status = (pod: KubeObject): Status => (pod.status as Status | undefined) ?? {};
export const container = (pod: KubeObject, index = 0): ContainerStatus => status(pod).containerStatuses![index]!;
export const condition = (pod: KubeObject, type: string) => status(pod).conditions?.find((c) => c.type === type);

/** The word `kubectl get pods` puts in STATUS for the first container, enough for these tests. */
export function reason(pod: KubeObject, index = 0): string {
  const state = container(pod, index).state;
  return state.waiting?.reason ?? state.terminated?.reason ?? (state.running ? 'Running' : '?');
}
