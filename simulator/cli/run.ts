import { closest, distance } from 'fastest-levenshtein';
import { runDockerCli } from './docker';
import { runAdvanceCli, runKubectlCli, runLoadCli, type ClusterCliInfo } from './kubectl';
import { runMetricsCli } from './metrics';
import { runServeCli } from '../serve/command';

/**
 * The `atelier` command line, as a pure function of its arguments so that it
 * can be tested without spawning a process. Subcommands live in one table;
 * the simulator issues add theirs (apply, get, serve...).
 */
export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface CliInfo extends ClusterCliInfo {
  atelierVersion: string;
  kubernetesVersion: string;
  /**
   * Runs another bundled program (`server` is dist/server.js) with these arguments: the
   * entry point spawns it; tests pass a stand-in. `atelier lint` runs the language server's
   * checks this way, so the simulator's CLI never imports the server's code.
   */
  delegate?: (program: 'server', args: string[]) => CliResult;
}

interface Subcommand {
  summary: string;
  run(args: string[], info: CliInfo): CliResult;
}

const ok = (stdout: string): CliResult => ({ stdout, stderr: '', exitCode: 0 });

const SUBCOMMANDS: Record<string, Subcommand> = {
  advance: {
    summary: 'fait passer le temps simulé du cluster (30s, 5m, 1h30m)',
    run: runAdvanceCli,
  },
  docker: {
    summary: 'docker simulé (build, images, run, ps, logs...) : ses images servent aussi aux Pods du cluster',
    run: runDockerCli,
  },
  help: {
    summary: 'affiche cette aide',
    run: () => ok(usage()),
  },
  kubectl: {
    summary: 'kubectl contre le cluster simulé, gardé dans .atelier/cluster.json (--state FICHIER)',
    run: runKubectlCli,
  },
  load: {
    summary: 'met une charge CPU sur une charge de travail (deployment/web 80%), pour voir un HPA réagir',
    run: runLoadCli,
  },
  lint: {
    summary: 'vérifie des manifestes (fichiers ou dossiers), comme le fait l’éditeur',
    run: (args, info) =>
      info.delegate ? info.delegate('server', ['lint', ...args]) : { stdout: '', stderr: 'atelier lint : indisponible ici.\n', exitCode: 2 },
  },
  metrics: {
    summary: 'affiche les métriques du cluster au format Prometheus (kube-state-metrics et cAdvisor)',
    run: runMetricsCli,
  },
  serve: {
    summary: 'sert le cluster simulé par l’API Kubernetes, pour le vrai kubectl (--port N, --kubeconfig FICHIER)',
    run: runServeCli,
  },
  version: {
    summary: "affiche la version de l'Atelier et celle de l'API Kubernetes simulée",
    run: (_args, info) => ok(`atelier ${info.atelierVersion}\nAPI Kubernetes simulée : ${info.kubernetesVersion}\n`),
  },
};

/** Aliases in the GNU style, so that `atelier --help` works as people expect. */
const ALIASES: Record<string, string> = { '-h': 'help', '--help': 'help', '-v': 'version', '--version': 'version' };

function usage(): string {
  const width = Math.max(...Object.keys(SUBCOMMANDS).map((name) => name.length));
  const lines = Object.entries(SUBCOMMANDS).map(([name, cmd]) => `  ${name.padEnd(width)}  ${cmd.summary}`);
  return ['Atelier Kubernetes : le cluster simulé en ligne de commande', '', 'Usage : atelier <commande> [options]', '', 'Commandes :', ...lines, ''].join('\n');
}

/** Runs `atelier ARGS`. An unknown command is a usage error (exit code 2), as in most CLIs. */
export function runCli(args: string[], info: CliInfo): CliResult {
  const [first, ...rest] = args;
  if (first === undefined) return ok(usage());
  const name = ALIASES[first] ?? first;
  const subcommand = SUBCOMMANDS[name];
  if (subcommand) return subcommand.run(rest, info);
  const guess = nearest(name, Object.keys(SUBCOMMANDS));
  const hint = guess ? `Voulais-tu dire « atelier ${guess} » ?\n` : '';
  return {
    stdout: '',
    stderr: `atelier : commande inconnue « ${first} ».\n${hint}Lance « atelier help » pour la liste des commandes.\n`,
    exitCode: 2,
  };
}

/** The candidate nearest to `word`, if it is near enough to be a typo. */
function nearest(word: string, candidates: string[]): string | undefined {
  const guess = closest(word, candidates);
  // One edit is a typo in a short word; longer words may have two or more (`hepl`, `verison`).
  const tolerance = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  return distance(word, guess) <= tolerance ? guess : undefined;
}
