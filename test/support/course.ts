/**
 * Runs a walkthrough step's script as a learner would in the `atelier` CLI: files applied
 * with `kubectl apply -f`, terminal lines (`kubectl …`, `docker …`), then simulated time.
 * The cluster lives in memory (the CLI's state file, never written to disk); the chapter's
 * files are read from its folder, as the terminal reads them from the learner's workspace.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, type CliResult } from '../../simulator/cli/run';
import { openCluster, type CliFileSystem } from '../../simulator/cli/state';
import type { Cluster } from '../../simulator/src/cluster';
import { splitWords } from '../../client/src/terminal/words';
import type { Script } from '../../client/src/walkthroughs/chapter';

const STATE = '/atelier-course-state/cluster.json';

/** A file system: the state file in memory, everything else read from `folder`. */
function courseFiles(folder: string): CliFileSystem {
  const memory = new Map<string, string>();
  const resolve = (p: string): string => path.resolve(folder, p);
  return {
    readFile(p) {
      if (memory.has(p)) return memory.get(p);
      try {
        return statSync(resolve(p)).isFile() ? readFileSync(resolve(p), 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    readDir(p) {
      try {
        return readdirSync(resolve(p), { withFileTypes: true })
          .map((entry) => ({ name: entry.name, directory: entry.isDirectory() }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch {
        return undefined;
      }
    },
    writeFileAtomic(p, text) {
      memory.set(p, text);
    },
  };
}

export interface CourseRun {
  cluster: Cluster;
  /** Each command run and what it printed, for failure messages. */
  log: { line: string; result: CliResult }[];
}

/** One run: call `script` as often as needed, then `finish`. */
export class CourseSession {
  private readonly files: CliFileSystem;
  readonly log: CourseRun['log'] = [];

  constructor(folder: string) {
    this.files = courseFiles(folder);
  }

  private cli(line: string, args: string[]): CliResult {
    const result = runCli([args[0]!, '--state', STATE, ...args.slice(1)], { atelierVersion: 'test', kubernetesVersion: 'v1.30.0', files: this.files });
    this.log.push({ line, result });
    return result;
  }

  /** Runs the script; returns the commands that failed (exit code not 0). */
  run(script: Script | undefined): string[] {
    const failed: string[] = [];
    const step = (line: string, args: string[]): void => {
      if (this.cli(line, args).exitCode !== 0) failed.push(line);
    };
    for (const file of script?.files ?? []) step(`kubectl apply -f ${file}`, ['kubectl', 'apply', '-f', file]);
    for (const line of script?.commands ?? []) {
      const words = splitWords(line).words.map((word) => word.text);
      step(line, words);
    }
    step(`advance ${script?.advance ?? 30}s`, ['advance', `${script?.advance ?? 30}s`]);
    return failed;
  }

  /** The cluster as the CLI left it. */
  cluster(): Cluster {
    return openCluster(this.files, STATE).cluster;
  }

  /** What was run and printed, for an assertion message. */
  transcript(): string {
    return this.log.map(({ line, result }) => `$ ${line}\n${result.stdout}${result.stderr}`).join('');
  }
}
