/**
 * From a container spec and its pulled image to the process the runtime starts: argv as
 * containerd builds it (command replaces ENTRYPOINT, args replace CMD, `$(VAR)` expanded
 * by the kubelet), the image's entrypoint script unwrapped, and the machine it runs on
 * (shell flavour, environment, the files the kubelet mounts: /etc/hosts, resolv.conf,
 * the service account).
 */
import { TOKEN_MOUNT_PATH } from '../admission/tokenvolume';
import { CLUSTER_CA_CERTIFICATE } from '../controllers/serviceaccount';
import type { JsonObject } from '../store/json';
import { expandReferences } from './config';
import { runsAlpine, versionOf, type PulledImage } from './images';
import type { Machine } from './model';
import { resolvable } from './shell';
import { list, obj, text } from './util';

export interface ProcessSpec {
  argv: string[];
  machine: Machine;
  /** Set when argv[0] is not in the image: runc's StartError message. */
  startError?: string;
}

export interface ProcessOptions {
  pulled: PulledImage;
  pod: JsonObject;
  container: JsonObject;
  /** The container's declared environment (config.ts). */
  env: Record<string, string>;
  /** Service links and KUBERNETES_*: computed only for shells, which can show them. */
  serviceEnv: () => Record<string, string>;
  podIP: string;
}

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map(String) : undefined);

/** The hostname a Pod's containers see: spec.hostname, else the Pod's name (at most 63 characters). */
export function podHostname(pod: JsonObject): string {
  const spec = obj(pod.spec);
  return (typeof spec.hostname === 'string' && spec.hostname !== '' ? spec.hostname : text(obj(pod.metadata).name)).slice(0, 63);
}

/** What the kubelet mounts into every container, from a few facts about the Pod. */
interface Mounts {
  hostname: string;
  namespace: string;
  podIP: string;
  serviceAccount: boolean;
}

function mountedFiles({ hostname, namespace, podIP, serviceAccount }: Mounts): Record<string, string> {
  const files: Record<string, string> = {
    '/etc/hostname': `${hostname}\n`,
    '/etc/hosts': `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${podIP}\t${hostname}\n`,
    '/etc/resolv.conf': `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
  };
  if (serviceAccount) {
    files[`${TOKEN_MOUNT_PATH}/namespace`] = namespace;
    files[`${TOKEN_MOUNT_PATH}/token`] = 'eyJhbGciOiJSUzI1NiIsImtpZCI6InNpbXVsYXRlZCJ9.e30.c2ltdWxhdGVk';
    files[`${TOKEN_MOUNT_PATH}/ca.crt`] = CLUSTER_CA_CERTIFICATE;
  }
  return files;
}

/**
 * Whether the container mounts the ServiceAccount admission plugin's token volume (a
 * projected volume with a serviceAccountToken source) at its path: then token, ca.crt and
 * namespace are there, as the kubelet's projected volume plugin writes them.
 */
function mountsServiceAccountToken(pod: JsonObject, container: JsonObject): boolean {
  const mount = list(container.volumeMounts).find((m) => m.mountPath === TOKEN_MOUNT_PATH);
  if (!mount) return false;
  const volume = list(obj(pod.spec).volumes).find((v) => v.name === mount.name);
  return list(obj(volume?.projected).sources).some((source) => source.serviceAccountToken !== undefined);
}

/** Builds the process the container runtime starts for `container`. */
export function processFor(options: ProcessOptions): ProcessSpec {
  const { pulled, container } = options;
  const { image, reference } = pulled;
  // The image's ENV first (a Dockerfile's ENV), the container's own env over it.
  const env = image.env ? { ...image.env, ...options.env } : options.env;
  // The kubelet expands $(VAR) from the container's declared env only, not the image's.
  const command = strings(container.command)?.map((word) => expandReferences(word, options.env));
  const args = strings(container.args)?.map((word) => expandReferences(word, options.env));
  let argv = command ? [...command, ...(args ?? [])] : [...image.entrypoint, ...(args ?? image.cmd)];
  let wrapped = false;
  const wrapper = image.wrapper;
  if (wrapper && (argv[0] ?? '').split('/').pop() === wrapper.script) {
    // Mirrors the images' docker-entrypoint.sh: setup, then `exec "$@"`, with the program
    // put first when "$1" is a flag (or, for node and redis, not a command).
    wrapped = true;
    argv = argv.slice(1);
    if (argv[0] === undefined) argv = [wrapper.program];
    else if (argv[0].startsWith('-')) argv = [wrapper.program, ...argv];
  }
  const alpine = runsAlpine(image, reference.tag);
  const context = { env, hostname: podHostname(options.pod), podIP: options.podIP, version: versionOf(image, reference.tag), alpine, wrapped };
  const shellLike = ['sh', 'bash', 'ash', 'env', 'printenv'].includes((argv[0] ?? '').split('/').pop() ?? '');
  // Only small facts are kept: a running container must not hold the whole Pod.
  const mounts: Mounts = { hostname: context.hostname, namespace: text(obj(options.pod.metadata).namespace, 'default'), podIP: options.podIP, serviceAccount: mountsServiceAccountToken(options.pod, container) };
  let files: Record<string, string> | undefined;
  let last: { key: string; result: ReturnType<Machine['program']> } | undefined;
  const machine: Machine = {
    flavor: image.flavor === undefined ? undefined : alpine ? 'busybox' : image.flavor,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...(shellLike ? options.serviceEnv() : {}), ...env },
    hostname: context.hostname,
    // Built when something reads them (a shell, an exec probe), not for every server started.
    get files() {
      return (files ??= { ...image.files, ...mountedFiles(mounts) });
    },
    program: (words) => {
      // Programs are pure: the same words give the same result (the last one is remembered).
      const key = words.join('\u0000');
      if (last?.key !== key) last = { key, result: image.program?.(words, context) };
      return last.result;
    },
  };
  if (wrapper?.prependFiles && argv[0] !== undefined && !resolvable(machine, argv)) argv = [wrapper.program, ...argv];
  if (argv.length === 0) return { argv, machine, startError: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: no command specified: unknown' };
  if (!resolvable(machine, argv)) {
    const name = argv[0]!;
    const why = name.includes('/') ? `exec: "${name}": stat ${name}: no such file or directory` : `exec: "${name}": executable file not found in $PATH`;
    return { argv, machine, startError: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${why}: unknown` };
  }
  return { argv, machine };
}
