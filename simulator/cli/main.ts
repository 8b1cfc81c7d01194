import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ATELIER_VERSION, KUBERNETES_VERSION } from '../src/version';
import { runCli, type CliResult } from './run';
import type { CliFileSystem } from './state';

/** Runs a sibling bundle of dist/ (dist/server.js) and hands back what it printed. */
function delegate(program: 'server', args: string[]): CliResult {
  const run = spawnSync(process.execPath, [join(__dirname, `${program}.js`), ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { stdout: run.stdout ?? '', stderr: run.stderr ?? String(run.error ?? ''), exitCode: run.status ?? 1 };
}

/** The disk, for the persisted cluster and the manifests `-f` names (paths relative to the current folder). */
const files: CliFileSystem = {
  readFile(path) {
    try {
      return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  },
  readDir(path) {
    try {
      return readdirSync(path, { withFileTypes: true })
        .map((entry) => ({ name: entry.name, directory: entry.isDirectory() }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return undefined;
    }
  },
  readStdin() {
    try {
      return readFileSync(0, 'utf8');
    } catch {
      return '';
    }
  },
  writeFileAtomic(path, text) {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.tmp`;
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, path);
  },
};

/** Entry point of dist/cli.js, the `atelier` command. */
const result = runCli(process.argv.slice(2), { atelierVersion: ATELIER_VERSION, kubernetesVersion: KUBERNETES_VERSION, delegate, files });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
