/**
 * `atelier serve [--port N] [--kubeconfig FILE] [--state FILE]`: the cluster of the state
 * file (.atelier/cluster.json, as `atelier kubectl` uses it) served over the Kubernetes
 * API, a kubeconfig written for it, simulated time running at ×1. The state is saved a
 * moment after each change and when the command stops (Ctrl+C). A new cluster starts at
 * the wall-clock time, so that the ages the real kubectl computes itself (describe's
 * events) read right.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ManualClock } from '../src/clock';
import { createCluster, loadCluster, type Cluster } from '../src/cluster';
import type { CliResult } from '../cli/run';
import { DEFAULT_SEED, openCluster, saveCluster, StateError, takeStateOption, type CliFileSystem, type ClusterFactory } from '../cli/state';
import { startFacade, type Facade } from './facade';
import { KubeconfigError } from './kubeconfig';

/** Where the kubeconfig goes unless `--kubeconfig FILE` says otherwise. */
export const DEFAULT_KUBECONFIG = '.atelier/kubeconfig';
/** Real milliseconds between a change and the save it causes (at most one save per delay while time runs). */
export const SAVE_DELAY_MS = 5000;

export interface ServeOptions {
  state: string;
  kubeconfig: string;
  /** 0: a free port. */
  port: number;
}

const usageError = (message: string): CliResult => ({ stdout: '', stderr: `atelier : ${message}\n`, exitCode: 2 });

/** The options of `atelier serve`, or the usage error. */
export function parseServeArgs(args: readonly string[]): ServeOptions | { error: string } {
  const state = takeStateOption(args);
  if ('error' in state) return state;
  const options: ServeOptions = { state: state.path, kubeconfig: DEFAULT_KUBECONFIG, port: 0 };
  const rest = state.rest;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    if (flag === '--port') {
      const text = value();
      const port = Number(text);
      if (text === undefined || !/^\d+$/.test(text) || port > 65535) return { error: `--port attend un numéro de port (0 à 65535), pas « ${text ?? ''} ».` };
      options.port = port;
    } else if (flag === '--kubeconfig') {
      const text = value();
      if (text === undefined || text === '') return { error: '--kubeconfig attend un chemin de fichier : --kubeconfig ~/.kube/config' };
      options.kubeconfig = text;
    } else {
      return { error: `option inconnue « ${arg} » : atelier serve [--port N] [--kubeconfig FICHIER] [--state FICHIER]` };
    }
  }
  return options;
}

/** A cluster for `serve`: the state file's, or a new one whose clock starts now (whole seconds). */
export function serveClusters(now: number): ClusterFactory {
  return {
    create: () => createCluster({ seed: DEFAULT_SEED, clock: new ManualClock(Math.floor(now / 1000) * 1000) }),
    load: (saved) => loadCluster(saved),
  };
}

export interface RunningServe {
  facade: Facade;
  cluster: Cluster;
  /** Saves the state now. */
  save(): void;
  /** Saves, stops serving. */
  stop(): Promise<void>;
}

export interface ServeDependencies {
  files: CliFileSystem;
  /** Writes the kubeconfig (node:fs, mode 0600: it holds a token). */
  writeKubeconfig(path: string, text: string): void;
  readKubeconfig(path: string): string | undefined;
  /** Wall-clock milliseconds. */
  now(): number;
}

/** Starts serving the state file's cluster and writes the kubeconfig. */
export async function serve(options: ServeOptions, deps: ServeDependencies): Promise<RunningServe> {
  const { cluster } = openCluster(deps.files, options.state, serveClusters(deps.now()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    saveCluster(deps.files, options.state, cluster);
  };
  const facade = await startFacade({
    cluster,
    port: options.port,
    onChange: () => {
      timer ??= setTimeout(save, SAVE_DELAY_MS);
    },
  });
  try {
    deps.writeKubeconfig(options.kubeconfig, facade.kubeconfig(deps.readKubeconfig(options.kubeconfig)));
  } catch (error) {
    await facade.close();
    throw error;
  }
  save();
  return {
    facade,
    cluster,
    save,
    async stop() {
      await facade.close();
      save();
    },
  };
}

/** node:fs for the kubeconfig. */
const NODE_KUBECONFIG: Pick<ServeDependencies, 'readKubeconfig' | 'writeKubeconfig'> = {
  readKubeconfig(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  writeKubeconfig(path, text) {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.tmp`;
    writeFileSync(temporary, text, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  },
};

function banner(running: RunningServe, options: ServeOptions): string {
  const kubeconfig = resolve(options.kubeconfig);
  return [
    `Cluster simulé servi sur ${running.facade.url} (API Kubernetes, HTTPS).`,
    `kubeconfig écrit dans ${options.kubeconfig} (contexte « atelier »). Dans un autre terminal :`,
    `  export KUBECONFIG=${kubeconfig}`,
    '  kubectl get nodes',
    `Le temps simulé avance comme le vrai. Ctrl+C arrête le serveur ; l'état est gardé dans ${options.state}.`,
    '',
  ].join('\n');
}

/**
 * `atelier serve`: checks the arguments now (usage errors are the result), then serves
 * until SIGINT or SIGTERM; the banner and later errors go straight to the terminal.
 */
export function runServeCli(args: readonly string[], info: { files?: CliFileSystem }): CliResult {
  const options = parseServeArgs(args);
  if ('error' in options) return usageError(options.error);
  const files = info.files;
  if (!files) return usageError('pas de système de fichiers ici (atelier serve sert le cluster de la ligne de commande).');
  serve(options, { files, ...NODE_KUBECONFIG, now: () => Date.now() }).then(
    (running) => {
      process.stdout.write(banner(running, options));
      const stop = (): void => {
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      const fr =
        error instanceof StateError || error instanceof KubeconfigError
          ? error.fr
          : (error as { code?: string }).code === 'EADDRINUSE'
            ? `Le port ${options.port} est déjà pris : choisis-en un autre avec --port, ou laisse l'atelier en trouver un libre (sans --port).`
            : "Le serveur n'a pas pu démarrer.";
      process.stderr.write(`error: ${(error as Error).message}\n💡 ${fr}\n`);
      process.exitCode = 1;
    },
  );
  return { stdout: '', stderr: '', exitCode: 0 };
}
