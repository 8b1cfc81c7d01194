/**
 * `atelier docker ARGS`: the simulated Docker engine of the cluster kept in the state file
 * (`--state FILE`, default `.atelier/cluster.json`), so that `atelier kubectl` Pods can run
 * the images `atelier docker build` made. `docker build DIR` reads DIR from the disk here,
 * through the CLI's file system; the engine itself reads nothing.
 */
import { HINT_PREFIX } from '../src/kubectl/commands/context';
import type { BuildContext } from '../src/docker/context';
import { runDocker } from '../src/docker/commands';
import type { ClusterCliInfo } from './kubectl';
import type { CliResult } from './run';
import { DEFAULT_CLUSTERS, openCluster, saveCluster, StateError, takeStateOption, type CliFileSystem } from './state';

/** The current folder as a build context ('' is the folder itself). */
function diskContext(fs: CliFileSystem): BuildContext {
  const path = (relative: string) => (relative === '' ? '.' : relative);
  return { readFile: (relative) => fs.readFile(path(relative)), readDir: (relative) => fs.readDir(path(relative)) };
}

/** `atelier docker [--state FILE] ARGS`. */
export function runDockerCli(args: readonly string[], info: ClusterCliInfo): CliResult {
  const fs = info.files;
  if (!fs) return { stdout: '', stderr: 'atelier : pas de système de fichiers ici (le cluster persistant est celui de la ligne de commande).\n', exitCode: 2 };
  const option = takeStateOption(args);
  if ('error' in option) return { stdout: '', stderr: `atelier : ${option.error}\n`, exitCode: 2 };
  try {
    const { cluster, created } = openCluster(fs, option.path, info.clusters ?? DEFAULT_CLUSTERS);
    let changed = false;
    const unwatch = cluster.docker.watch(() => (changed = true));
    const result = runDocker(cluster.docker, option.rest, { files: diskContext(fs) });
    unwatch();
    if (created || changed) saveCluster(fs, option.path, cluster);
    const hint = result.hint ? `${HINT_PREFIX}${result.hint}\n` : '';
    return { stdout: result.stdout, stderr: `${result.progress ?? ''}${result.stderr}${hint}`, exitCode: result.exitCode };
  } catch (error) {
    if (error instanceof StateError) return { stdout: '', stderr: `error: ${error.message}\n${HINT_PREFIX}${error.fr}\n`, exitCode: 1 };
    throw error;
  }
}
