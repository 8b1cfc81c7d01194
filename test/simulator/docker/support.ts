/**
 * A cluster with its Docker engine, and `docker ...` lines run against it as the CLI runs
 * them (the build context from an in-memory folder).
 */
import { createCluster, type Cluster } from '../../../simulator/src/cluster';
import { runDocker, type DockerResult } from '../../../simulator/src/docker/commands';
import { contextFromFiles } from '../../../simulator/src/docker/context';
import { defaultNodes } from '../../../simulator/src/scheduler/nodes';

/** The chapter's example: nginx serving its own page. */
export const NGINX_APP: Record<string, string> = {
  'app/Dockerfile': 'FROM nginx:1.27\nCOPY index.html /usr/share/nginx/html/\nEXPOSE 80\n',
  'app/index.html': '<h1>Bonjour</h1>\n',
};

export interface DockerSession {
  cluster: Cluster;
  /** Runs one line (`docker build -t x app`); the whole result. */
  run(line: string): DockerResult;
  /** What the line printed, progress and errors included, as a terminal shows it. */
  text(line: string): string;
  /** Lets simulated time pass. */
  advance(ms: number): void;
}

export function dockerSession(files: Record<string, string> = NGINX_APP, cluster: Cluster = createCluster({ seed: 1, nodes: defaultNodes() })): DockerSession {
  const context = contextFromFiles(files);
  const run = (line: string): DockerResult => {
    // Words as a shell splits them (quotes kept together, then removed).
    const words = [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
    return runDocker(cluster.docker, words[0] === 'docker' ? words.slice(1) : words, { files: context });
  };
  return {
    cluster,
    run,
    text: (line) => {
      const result = run(line);
      return `${result.progress ?? ''}${result.stdout}${result.stderr}`;
    },
    advance: (ms) => void cluster.advance(ms),
  };
}
