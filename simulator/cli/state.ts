/**
 * The persisted cluster of `atelier kubectl` and `atelier advance`: a state file holding
 * the cluster's snapshot (ClusterSnapshot: the simulated time and every object), read
 * before a command and written back after it, atomically (FILE.tmp then a rename) so that
 * an interrupted command never leaves half a file. Save then load is lossless.
 *
 * No file system here: the entry point (main.ts) passes one in, tests an in-memory one.
 */
import { createCluster, loadCluster, type Cluster, type ClusterSnapshot } from '../src/cluster';
import { defaultNodes } from '../src/scheduler/nodes';

/** Where the cluster lives unless `--state FILE` says otherwise (relative to the current folder). */
export const DEFAULT_STATE_FILE = '.atelier/cluster.json';

/** The seed of a new cluster: every learner starts from the same one. */
export const DEFAULT_SEED = 1;

/** What the CLI needs of a file system (node:fs in main.ts, a Map in tests). */
export interface CliFileSystem {
  /** The text of a file, or undefined when there is no such file. */
  readFile(path: string): string | undefined;
  /** The entries of a folder, or undefined when `path` is not a folder. */
  readDir(path: string): { name: string; directory: boolean }[] | undefined;
  /** Standard input, for `kubectl apply -f -` (absent: no standard input to read). */
  readStdin?(): string;
  /** Writes FILE.tmp then renames it over FILE, creating the folders on the way. */
  writeFileAtomic(path: string, text: string): void;
}

/** How clusters are made and rebuilt (tests may pass other controllers). */
export interface ClusterFactory {
  create(): Cluster;
  load(saved: ClusterSnapshot): Cluster;
}

/** A new cluster: a control plane and two workers, the default controllers, seed 1. */
export const DEFAULT_CLUSTERS: ClusterFactory = {
  create: () => createCluster({ seed: DEFAULT_SEED, nodes: defaultNodes() }),
  load: (saved) => loadCluster(saved),
};

/** A state file that cannot be read back, with a French explanation. */
export class StateError extends Error {
  constructor(
    message: string,
    readonly fr: string,
  ) {
    super(message);
    this.name = 'StateError';
  }
}

/** The state file's text: the snapshot as compact JSON, one line, newline-terminated. */
export function serializeCluster(cluster: Cluster): string {
  return `${JSON.stringify(cluster.save())}\n`;
}

/** The cluster a state file's text describes. */
export function deserializeCluster(text: string, path: string, clusters: ClusterFactory = DEFAULT_CLUSTERS): Cluster {
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch (error) {
    throw new StateError(
      `${path}: not a cluster state file (${(error as Error).message})`,
      `Le fichier d'état « ${path} » est illisible (JSON abîmé). Supprime-le pour repartir d'un cluster neuf, ou passe un autre fichier avec --state.`,
    );
  }
  try {
    return clusters.load(saved as ClusterSnapshot);
  } catch (error) {
    throw new StateError(
      `${path}: ${(error as Error).message}`,
      `Le fichier « ${path} » n'est pas un état de cluster de l'atelier (ou vient d'une version incompatible). Supprime-le pour repartir d'un cluster neuf.`,
    );
  }
}

/** The persisted cluster, or a new one when the file does not exist yet (`created`). */
export function openCluster(fs: CliFileSystem, path: string, clusters: ClusterFactory = DEFAULT_CLUSTERS): { cluster: Cluster; created: boolean } {
  const text = fs.readFile(path);
  if (text === undefined) return { cluster: clusters.create(), created: true };
  return { cluster: deserializeCluster(text, path, clusters), created: false };
}

/** Writes the cluster back (atomically). */
export function saveCluster(fs: CliFileSystem, path: string, cluster: Cluster): void {
  fs.writeFileAtomic(path, serializeCluster(cluster));
}

/**
 * Removes `--state FILE` / `--state=FILE` from the arguments (before a `--`): the
 * atelier's own option, which kubectl does not have.
 */
export function takeStateOption(args: readonly string[]): { path: string; rest: string[] } | { error: string } {
  const rest: string[] = [];
  let path = DEFAULT_STATE_FILE;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg === '--state') {
      const value = args[i + 1];
      if (value === undefined || value === '') return { error: '--state attend un chemin de fichier : --state .atelier/cluster.json' };
      path = value;
      i++;
    } else if (arg.startsWith('--state=')) {
      path = arg.slice('--state='.length);
      if (path === '') return { error: '--state attend un chemin de fichier : --state=.atelier/cluster.json' };
    } else {
      rest.push(arg);
    }
  }
  return { path, rest };
}
