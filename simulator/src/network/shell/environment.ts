/**
 * The environment of a process `kubectl exec` starts, in the order a real container's
 * `env` prints it. Mirrors containerd's CRI plugin (WithDefaultPathEnv, then HOSTNAME, then
 * the image's ENV, then the kubelet's variables, each replacing an earlier one in place),
 * containerd's exec (`TERM=xterm` with -t) and runc (HOME from /etc/passwd when unset,
 * last). The kubelet hands its variables over from a Go map, in no fixed order: here the
 * container's env and envFrom come in their declared order, then the Service variables,
 * which never replace a variable the container declares (kubelet's makeEnvironmentVariables).
 */
import type { RunningContainer } from '../containers';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** `container`'s environment for an exec, with the Service variables `services` and a terminal or not. */
export function execEnv(container: Pick<RunningContainer, 'env' | 'hostname'>, services: Readonly<Record<string, string>>, tty: boolean): Record<string, string> {
  const env: Record<string, string> = { PATH: DEFAULT_PATH, HOSTNAME: container.hostname };
  for (const [key, value] of Object.entries(container.env)) {
    // A shell's main process already got the Service variables: they come after the container's own.
    if (services[key] === value) continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(services)) env[key] ??= value;
  if (tty) env.TERM = 'xterm';
  env.HOME ??= '/root';
  return env;
}
