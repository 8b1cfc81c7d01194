/**
 * `atelier kubectl ARGS` and `atelier advance DURATION`: kubectl against the cluster
 * persisted in a state file (`--state FILE`, default `.atelier/cluster.json`). Each
 * command loads the cluster, acts, lets it settle (runKubectl does, after a change), and
 * writes it back atomically when something changed. `advance` moves simulated time.
 * Pure: the file system comes in through CliInfo.
 */
import { fileArguments, parseDuration, runKubectl } from '../src/kubectl/commands/index';
import { HINT_PREFIX } from '../src/kubectl/commands/context';
import { formatTimestamp } from '../src/clock';
import { StatusError } from '../src/api/errors';
import { setLoad } from '../src/metrics/load';
import type { CliResult } from './run';
import { DEFAULT_CLUSTERS, openCluster, saveCluster, StateError, takeStateOption, type CliFileSystem, type ClusterFactory } from './state';

/** What these subcommands need of CliInfo. */
export interface ClusterCliInfo {
  /** The file system (node:fs in main.ts). */
  files?: CliFileSystem;
  /** How clusters are made (tests may pass other controllers). */
  clusters?: ClusterFactory;
}

const usageError = (message: string): CliResult => ({ stdout: '', stderr: `atelier : ${message}\n`, exitCode: 2 });

const unavailable = (): CliResult => usageError('pas de système de fichiers ici (le cluster persistant est celui de la ligne de commande).');

/**
 * The files `-f` and `--from-file` name, read from disk: a file as is, a folder's files
 * (its subfolders too with -R), keyed by the path as written plus the file's name.
 */
function readArguments(fs: CliFileSystem, args: readonly string[]): Record<string, string> {
  const { paths, recursive } = fileArguments(args);
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const entry of fs.readDir(folder) ?? []) {
      const path = `${folder.replace(/\/+$/, '')}/${entry.name}`;
      if (entry.directory) {
        if (recursive) walk(path);
        continue;
      }
      const text = fs.readFile(path);
      if (text !== undefined) files[path] = text;
    }
  };
  for (const path of paths) {
    if (path === '-') {
      if (fs.readStdin) files['-'] = fs.readStdin();
      continue;
    }
    const text = fs.readFile(path);
    if (text !== undefined) files[path] = text;
    else walk(path);
  }
  return files;
}

function failure(error: unknown): CliResult {
  if (error instanceof StateError) return { stdout: '', stderr: `error: ${error.message}\n${HINT_PREFIX}${error.fr}\n`, exitCode: 1 };
  throw error;
}

/** `atelier kubectl [--state FILE] ARGS`. */
export function runKubectlCli(args: readonly string[], info: ClusterCliInfo): CliResult {
  const fs = info.files;
  if (!fs) return unavailable();
  const option = takeStateOption(args);
  if ('error' in option) return usageError(option.error);
  try {
    const { cluster, created } = openCluster(fs, option.path, info.clusters ?? DEFAULT_CLUSTERS);
    const revision = cluster.store.resourceVersion();
    const now = cluster.clock.now();
    const result = runKubectl(cluster, option.rest, { files: readArguments(fs, option.rest) });
    if (created || cluster.store.resourceVersion() !== revision || cluster.clock.now() !== now) saveCluster(fs, option.path, cluster);
    return result;
  } catch (error) {
    return failure(error);
  }
}

/** `atelier advance [--state FILE] DURATION`: lets simulated time pass (`30s`, `5m`, `1h30m`). */
export function runAdvanceCli(args: readonly string[], info: ClusterCliInfo): CliResult {
  const fs = info.files;
  if (!fs) return unavailable();
  const option = takeStateOption(args);
  if ('error' in option) return usageError(option.error);
  if (option.rest.length !== 1) return usageError('advance attend une durée, par exemple « atelier advance 30s » ou « atelier advance 5m ».');
  const text = option.rest[0]!;
  let ms: number;
  try {
    ms = parseDuration(text);
  } catch (error) {
    return usageError(`durée invalide « ${text} » (${(error as Error).message}) : écris par exemple 30s, 5m ou 1h30m.`);
  }
  if (ms < 0) return usageError(`le temps ne recule pas : « ${text} » est négatif.`);
  try {
    const { cluster } = openCluster(fs, option.path, info.clusters ?? DEFAULT_CLUSTERS);
    cluster.advance(Math.round(ms));
    saveCluster(fs, option.path, cluster);
    return { stdout: `Temps simulé avancé de ${text} : il est maintenant ${formatTimestamp(cluster.clock.now())}.\n`, stderr: '', exitCode: 0 };
  } catch (error) {
    return failure(error);
  }
}

/**
 * `atelier load [--state FILE] [-n NS] KIND/NAME PERCENT%`: puts a CPU load (a percentage
 * of the Pods' CPU request) on a workload, so that an HorizontalPodAutoscaler has
 * something to react to; `0%` removes it. Then the cluster settles, like after kubectl.
 */
export function runLoadCli(args: readonly string[], info: ClusterCliInfo): CliResult {
  const fs = info.files;
  if (!fs) return unavailable();
  const option = takeStateOption(args);
  if ('error' in option) return usageError(option.error);
  const rest = [...option.rest];
  let namespace = 'default';
  const flag = rest.findIndex((arg) => arg === '-n' || arg === '--namespace');
  if (flag !== -1) {
    namespace = rest[flag + 1] ?? '';
    rest.splice(flag, 2);
  }
  const [target, percent] = rest;
  const match = /^(\d+(?:\.\d+)?)%?$/.exec(percent ?? '');
  if (rest.length !== 2 || !target?.includes('/') || !match || namespace === '') {
    return usageError('load attend une charge en pourcentage de la request CPU, par exemple « atelier load deployment/web 80% » (0% l’enlève).');
  }
  const [kind, name] = target.split('/') as [string, string];
  try {
    const { cluster } = openCluster(fs, option.path, info.clusters ?? DEFAULT_CLUSTERS);
    setLoad(cluster.store, { kind, namespace, name }, Number(match[1]));
    cluster.settle({ maxSimulatedMs: 60_000 });
    saveCluster(fs, option.path, cluster);
    const what = Number(match[1]) === 0 ? 'plus aucune charge' : `une charge de ${match[1]} % de la request CPU`;
    return { stdout: `${target} : ${what}. Observe l'autoscaler avec « atelier kubectl get hpa » puis « atelier advance 1m ».\n`, stderr: '', exitCode: 0 };
  } catch (error) {
    if (error instanceof StatusError) return { stdout: '', stderr: `Error from server (${error.reason}): ${error.message}\n${HINT_PREFIX}${error.fr}\n`, exitCode: 1 };
    return failure(error);
  }
}
