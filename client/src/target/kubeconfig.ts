/**
 * The learner's kubeconfig, read the way kubectl reads it: the files of KUBECONFIG
 * (separated by `:`, `;` on Windows), else ~/.kube/config. When several files are given,
 * the first to name a cluster, a user or a context wins, and so does the first
 * current-context (clientcmd's loading rules); missing files are skipped. No `vscode`
 * here: the commands adapt this. Loaded with client-node, on first use (connection.ts).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { kubeconfigPaths, KubeconfigProblem, type ContextInfo } from './kubeconfigFiles';

// What needs no client-node lives in kubeconfigFiles.ts; re-exported for the callers of this module.
export { kubeconfigPaths, KubeconfigProblem, type ContextInfo };

/** The loaded kubeconfig: its files, its merged configuration. */
export interface LoadedKubeconfig {
  /** The files read, in order ([] when there is none: no context then). */
  files: string[];
  config: KubeConfig;
}

/** Adds the entries not named yet: the first file to name one wins. */
function firstWins<T extends { name: string }>(into: T[], from: readonly T[] | undefined): void {
  for (const entry of from ?? []) if (!into.some((known) => known.name === entry.name)) into.push(entry);
}

/** Reads and merges the kubeconfig files that exist; throws KubeconfigProblem for one that cannot be read. */
export function loadKubeconfig(paths: readonly string[] = kubeconfigPaths()): LoadedKubeconfig {
  const files = paths.filter((file) => existsSync(file));
  const clusters: Cluster[] = [];
  const users: User[] = [];
  const contexts: Context[] = [];
  let currentContext = '';
  for (const file of files) {
    const one = new KubeConfig();
    try {
      one.loadFromFile(file);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new KubeconfigProblem(`error loading config file "${file}": ${reason}`, `Le kubeconfig ${file} ne se lit pas (YAML invalide, ou entrée incomplète) : corrige-le, ou retire-le de KUBECONFIG.`);
    }
    firstWins(clusters, one.getClusters());
    firstWins(users, one.getUsers());
    firstWins(contexts, one.getContexts());
    if (currentContext === '') currentContext = one.getCurrentContext() ?? '';
  }
  const config = new KubeConfig();
  config.loadFromOptions({ clusters, users, contexts, currentContext });
  return { files, config };
}

/** Every context, in the files' order. */
export function listContexts(config: KubeConfig): ContextInfo[] {
  return config.getContexts().map((context) => ({
    name: context.name,
    cluster: context.cluster,
    user: context.user,
    server: config.getCluster(context.cluster)?.server ?? '',
    ...(context.namespace ? { namespace: context.namespace } : {}),
  }));
}

/** A configuration whose current context is `name` (the loaded one is left as it is). */
export function configFor(loaded: LoadedKubeconfig, name: string): KubeConfig {
  const context = loaded.config.getContextObject(name);
  if (!context) {
    const where = loaded.files.length === 0 ? kubeconfigPaths().join(path.delimiter) : loaded.files.join(path.delimiter);
    throw new KubeconfigProblem(`error: no context exists with the name: "${name}"`, `Aucun contexte « ${name} » dans le kubeconfig (${where}) : choisis-en un autre avec « Choisir le cluster cible ».`);
  }
  if (!loaded.config.getCluster(context.cluster)) {
    throw new KubeconfigProblem(`error: cluster "${context.cluster}" of context "${name}" not found`, `Le contexte « ${name} » nomme un cluster « ${context.cluster} » que le kubeconfig ne décrit pas.`);
  }
  const config = new KubeConfig();
  config.loadFromOptions({ clusters: loaded.config.getClusters(), users: loaded.config.getUsers(), contexts: loaded.config.getContexts(), currentContext: name });
  return config;
}
