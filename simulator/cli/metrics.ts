/**
 * `atelier metrics [--state FILE]`: the cluster's metrics in the Prometheus text format, as
 * a scrape of kube-state-metrics followed by one of the kubelets' cAdvisor endpoint would
 * give them now (the monitoring chapter's metric names). Reads the state; writes it only
 * when it had to create it.
 */
import { HINT_PREFIX } from '../src/kubectl/commands/context';
import { prometheusSnapshot } from '../src/metrics/index';
import type { ClusterCliInfo } from './kubectl';
import type { CliResult } from './run';
import { DEFAULT_CLUSTERS, openCluster, saveCluster, StateError, takeStateOption } from './state';

const usageError = (message: string): CliResult => ({ stdout: '', stderr: `atelier : ${message}\n`, exitCode: 2 });

export function runMetricsCli(args: readonly string[], info: ClusterCliInfo): CliResult {
  const fs = info.files;
  if (!fs) return usageError('pas de système de fichiers ici (le cluster persistant est celui de la ligne de commande).');
  const option = takeStateOption(args);
  if ('error' in option) return usageError(option.error);
  if (option.rest.length > 0) return usageError(`metrics ne prend pas d'argument (reçu « ${option.rest.join(' ')} ») : « atelier metrics » affiche toutes les métriques du cluster.`);
  try {
    const { cluster, created } = openCluster(fs, option.path, info.clusters ?? DEFAULT_CLUSTERS);
    if (created) saveCluster(fs, option.path, cluster);
    return { stdout: prometheusSnapshot(cluster.store, cluster.clock.now()), stderr: '', exitCode: 0 };
  } catch (error) {
    if (error instanceof StateError) return { stdout: '', stderr: `error: ${error.message}\n${HINT_PREFIX}${error.fr}\n`, exitCode: 1 };
    throw error;
  }
}
