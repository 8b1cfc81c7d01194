/**
 * A whole simulated cluster: the API server's store, the controllers, the scheduler and
 * the kubelets, on a simulated clock and a seeded random source. createCluster() is the
 * simulator's entry point: the extension, the CLI and the tests all build one here.
 */
import { ManualClock } from './clock';
import { createRandom, type Random } from './random';
import { apply, type ApplyResult } from './store/apply';
import { restore, snapshot, type StoreSnapshot } from './store/snapshot';
import { ObjectStore, type KubeObject } from './store/store';
import { kindInfo, type KindInfo } from './api/catalog';
import { defaultNodes } from './scheduler/nodes';
import { bootstrapPolicy } from './rbac/bootstrap';
import { defaultStorageClass } from './controllers/storageclass';
import { defaultControllers } from './controllers/index';
import { installAdmission } from './admission/index';
import { ServiceAllocations, allocateServiceAddresses, releaseServiceAddresses, systemServices } from './controllers/service';
import { ControllerRuntime, type SettleOptions, type SettleResult } from './controllers/runtime';
import type { Controller } from './controllers/types';
import { DockerEngine, type DockerSnapshot } from './docker/engine';
import { Kubelet } from './kubelet/kubelet';
import { attachLocalImages } from './kubelet/localImages';
import { attachPrometheus } from './metrics/scraper';

export interface ClusterOptions {
  /** Seed of every random choice (uids, names, IPs): same seed, same cluster. */
  seed?: number;
  clock?: ManualClock;
  /** Controllers to run (default: the full set). */
  controllers?: Controller[];
  /** Nodes to create at start (default: a control-plane node and two workers). */
  nodes?: KubeObject[];
}

/** What save() returns and load() takes: plain JSON, lossless. */
export interface ClusterSnapshot {
  format: 'atelier-kubernetes/cluster-v1';
  now: number;
  store: StoreSnapshot;
  /** The Docker engine's images and containers (absent while it was never used). */
  docker?: DockerSnapshot;
}

const SERVICES = kindInfo('v1', 'Service')!;
const isService = (info: KindInfo): boolean => info.kind === 'Service' && info.group === '';

/**
 * Plugs the Service REST storage's allocators (cluster IPs, node ports) into the store's
 * writes; their state is derived from the stored Services, so it survives save and load.
 */
function installServiceAllocation(store: ObjectStore): void {
  let allocations = ServiceAllocations.fromServices(store.list(SERVICES));
  store.hooks = {
    beforeCreate: (info, object, options) =>
      isService(info) ? allocateServiceAddresses(object, allocations, store.random, { dryRun: options.dryRun }) : object,
    beforeUpdate: (info, object, old, options) =>
      isService(info) ? allocateServiceAddresses(object, allocations, store.random, { old, dryRun: options.dryRun }) : object,
    afterFailedUpdate: (info) => {
      if (isService(info)) allocations = ServiceAllocations.fromServices(store.list(SERVICES));
    },
  };
  store.watch(
    (event) => {
      if (event.type === 'DELETED') releaseServiceAddresses(event.object, allocations);
    },
    { info: SERVICES },
  );
}

export class Cluster {
  readonly runtime: ControllerRuntime;
  /** The simulated Docker engine of chapter 1: the images it builds are on the nodes too. */
  readonly docker: DockerEngine;

  constructor(
    readonly store: ObjectStore,
    readonly clock: ManualClock,
    controllers: Controller[],
    docker?: DockerSnapshot,
  ) {
    this.runtime = new ControllerRuntime(store, clock, controllers);
    this.docker = new DockerEngine(clock, docker);
    // The engine shares its image store with the nodes (as Docker Desktop's Kubernetes does).
    attachLocalImages(store, this.docker);
    for (const controller of controllers) if (controller instanceof Kubelet) controller.localImages = this.docker;
    // The simulated Prometheus scrapes on the simulated clock (metrics/scraper.ts).
    attachPrometheus(store, clock);
  }

  /** kubectl apply of one object; the caller settles when it has applied everything. */
  apply(manifest: KubeObject, options: { namespace?: string } = {}): ApplyResult {
    return apply(this.store, manifest, options);
  }

  /** Lets controllers run until nothing changes (bounded in simulated time). */
  settle(options?: SettleOptions): SettleResult {
    return this.runtime.runUntilSettled(options);
  }

  /** Lets `ms` of simulated time pass. */
  advance(ms: number): SettleResult {
    return this.runtime.advance(ms);
  }

  /** The cluster as plain JSON (for the state file). */
  save(): ClusterSnapshot {
    return { format: 'atelier-kubernetes/cluster-v1', now: this.clock.now(), store: snapshot(this.store), ...(this.docker.empty ? {} : { docker: this.docker.save() }) };
  }
}

/** The InternalIP of the first control-plane node (the API server's endpoint). */
function controlPlaneIP(nodes: readonly KubeObject[]): string {
  for (const node of nodes) {
    const labels = ((node.metadata ?? {}) as { labels?: Record<string, string> }).labels ?? {};
    if (!('node-role.kubernetes.io/control-plane' in labels)) continue;
    const addresses = ((node.status ?? {}) as { addresses?: { type?: string; address?: string }[] }).addresses ?? [];
    const internal = addresses.find((address) => address.type === 'InternalIP')?.address;
    if (internal) return internal;
  }
  return '172.18.0.2';
}

/** Builds a cluster: initial namespaces, system objects and nodes, then settles it. */
export function createCluster(options: ClusterOptions = {}): Cluster {
  const clock = options.clock ?? new ManualClock();
  const random: Random = createRandom(options.seed ?? 1);
  // Pods are deleted gracefully (Terminating, then the kubelet stops the containers).
  const store = new ObjectStore({ clock, random, gracefulPodDeletion: true });
  installServiceAllocation(store);
  // LimitRanger, DefaultTolerationSeconds, DefaultStorageClass and ResourceQuota.
  installAdmission(store);
  const cluster = new Cluster(store, clock, options.controllers ?? defaultControllers());
  const nodes = options.nodes ?? defaultNodes(undefined, { now: clock.now() });
  for (const node of nodes) store.create(node);
  // The API server's bootstrap RBAC policy: cluster-admin, admin, edit, view and their bindings.
  for (const object of bootstrapPolicy()) store.create(object);
  // kind's default StorageClass, with its simulated local-path provisioner.
  store.create(defaultStorageClass());
  // The API server's own Services: default/kubernetes and kube-system/kube-dns.
  for (const object of systemServices({ controlPlaneIP: controlPlaneIP(nodes) })) store.create(object);
  // The initial namespaces were created with the store, before the controllers watched.
  cluster.runtime.resyncAll();
  cluster.settle();
  return cluster;
}

/** Rebuilds a cluster saved with save(); its controllers look at everything again. */
export function loadCluster(saved: ClusterSnapshot, options: { controllers?: Controller[] } = {}): Cluster {
  if (saved.format !== 'atelier-kubernetes/cluster-v1') throw new Error(`unknown cluster state format: ${String(saved.format)}`);
  const clock = new ManualClock(saved.now);
  const store = restore(saved.store, { clock, gracefulPodDeletion: true });
  installServiceAllocation(store);
  installAdmission(store);
  const cluster = new Cluster(store, clock, options.controllers ?? defaultControllers(), saved.docker);
  cluster.runtime.resyncAll();
  return cluster;
}
