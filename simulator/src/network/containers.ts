/**
 * The containers of a Pod as they are now, rebuilt from the Pod's status (kubelet/replay):
 * what each one runs, its environment, its programs, and its files. A container's files
 * are the image's and the kubelet's, what its own process wrote since it started, the
 * Pod's volumes mounted (podFiles.ts), and in a shared emptyDir (or hostPath, or PVC) what
 * the Pod's other containers wrote there: an init container that prepares nginx's folder,
 * a sidecar that appends to a log. Used by the network (what a server serves) and by the
 * exec shell. Pure: read from the store at `now`.
 */
import { findImage, versionOf, type ImageInfo } from '../kubelet/images';
import type { Plan } from '../kubelet/plan';
import { parseReference } from '../kubelet/reference';
import { replay, type Replayed, type StateReader } from '../kubelet/replay';
import { runProcess, type Machine } from '../kubelet/shell';
import { list, obj, text } from '../kubelet/util';
import { isJsonObject, type JsonObject } from '../store/json';
import { normalizePath, podFiles, type PodFiles } from './podFiles';

/** A container that runs now, and what the simulator says it runs. */
export interface RunningContainer {
  name: string;
  image: ImageInfo | undefined;
  /** The program version its tag stands for (`1.27.3`). */
  version: string;
  plan: Plan;
  argv: string[];
  env: Record<string, string>;
  hostname: string;
  /** Its shell, if the image has one. */
  flavor: Machine['flavor'];
  /** The image's own programs (`nginx -v`). */
  program: Machine['program'];
  /** The container's files, volumes mounted (built on demand). */
  files(): PodFiles;
}

/** One instance of a container, as the status tells it: when it started, until when it ran. */
interface Instance {
  name: string;
  spec: JsonObject;
  replayed: Replayed;
  startedAt: number;
  /** When it ended (a terminated init container), else undefined. */
  finishedAt?: number;
}

/** The instances the Pod's status shows running, or done (init containers), in start order. */
function instances(reader: StateReader, pod: JsonObject, running: boolean): Instance[] {
  const specs = [...list(obj(pod.spec).initContainers), ...list(obj(pod.spec).containers)];
  const out: Instance[] = [];
  for (const status of [...list(obj(pod.status).initContainerStatuses), ...list(obj(pod.status).containerStatuses)]) {
    const state = obj(status.state);
    const current = isJsonObject(state.running) ? state.running : running ? undefined : isJsonObject(state.terminated) ? state.terminated : undefined;
    const spec = specs.find((c) => c.name === status.name);
    if (!current || typeof current.startedAt !== 'string' || !spec) continue;
    const startedAt = Date.parse(current.startedAt);
    const replayed = replay(reader, pod, text(status.name), text(status.image), startedAt, Number(status.restartCount ?? 0));
    if (!replayed) continue;
    const finishedAt = typeof current.finishedAt === 'string' ? Date.parse(current.finishedAt) : undefined;
    out.push({ name: text(status.name), spec, replayed, startedAt, ...(finishedAt === undefined ? {} : { finishedAt }) });
  }
  return out.sort((a, b) => a.startedAt - b.startedAt);
}

/** The files of an instance once its process ran until `now` (or its end), absolute paths. */
function filesAt(instance: Instance, now: number): Map<string, string> {
  const { argv, machine } = instance.replayed.process;
  // The status keeps whole seconds: a container that ended did so before the next one.
  const until = instance.finishedAt === undefined ? now : Math.min(now, instance.finishedAt + 999);
  if (until <= instance.startedAt) return new Map(Object.entries(machine.files));
  const run = runProcess(argv, machine, { start: instance.startedAt, until, keepLast: 1 });
  return new Map([...run.files].map(([path, content]) => [normalizePath(path), content]));
}

/** What the instance's process wrote (created or changed), not what its image had. */
function writtenBy(instance: Instance, now: number): Map<string, string> {
  const initial = instance.replayed.process.machine.files;
  return new Map([...filesAt(instance, now)].filter(([path, content]) => initial[path] !== content));
}

/** Volumes whose content the containers write and share: emptyDir, hostPath, persistentVolumeClaim. */
const isWritable = (volume: JsonObject | undefined): boolean => !!volume && (isJsonObject(volume.emptyDir) || isJsonObject(volume.hostPath) || isJsonObject(volume.persistentVolumeClaim));

/**
 * What the containers wrote in each shared volume, relative to the volume's root: each
 * instance's files under its mount of the volume, later writers last.
 */
function sharedVolumes(pod: JsonObject, all: Instance[], now: number): Map<string, Record<string, string>> {
  const volumes = new Map(list(obj(pod.spec).volumes).map((volume) => [text(volume.name), volume]));
  const shared = new Map<string, Record<string, string>>();
  for (const instance of all) {
    const mounts = list(instance.spec.volumeMounts).filter((mount) => isWritable(volumes.get(text(mount.name))) && text(mount.subPath) === '');
    if (mounts.length === 0) continue;
    const files = writtenBy(instance, now);
    for (const mount of mounts) {
      const root = normalizePath(text(mount.mountPath));
      const content = shared.get(text(mount.name)) ?? {};
      for (const [path, value] of files) if (path.startsWith(`${root}/`)) content[path.slice(root.length + 1)] = value;
      shared.set(text(mount.name), content);
    }
  }
  return shared;
}

/**
 * The containers of the Pod that run now (none before the kubelet started them). With
 * `now`, their files include what the processes wrote until then.
 */
export function runningContainers(reader: StateReader, pod: JsonObject, now?: number): RunningContainer[] {
  const out: RunningContainer[] = [];
  let shared: Map<string, Record<string, string>> | undefined;
  const volumeFiles = (name: string): Record<string, string> | undefined => {
    if (now === undefined) return undefined;
    shared ??= sharedVolumes(pod, instances(reader, pod, false), now);
    return shared.get(name);
  };
  for (const instance of instances(reader, pod, true)) {
    const status = [...list(obj(pod.status).initContainerStatuses), ...list(obj(pod.status).containerStatuses)].find((s) => s.name === instance.name)!;
    const parsed = parseReference(text(status.image));
    // A locally built image (docker build) first: it runs its base's programs.
    const image = findImage(text(status.image), reader.images);
    const { machine, argv } = instance.replayed.process;
    let files: PodFiles | undefined;
    out.push({
      name: instance.name,
      image,
      version: image && parsed.ok ? versionOf(image, parsed.reference.tag) : '',
      plan: instance.replayed.plan,
      argv,
      env: machine.env,
      hostname: machine.hostname,
      flavor: machine.flavor,
      program: (args) => machine.program(args),
      files: () => (files ??= podFiles(reader, pod, instance.spec, now === undefined ? machine.files : Object.fromEntries(filesAt(instance, now)), volumeFiles)),
    });
  }
  return out;
}
