import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ATELIER_VERSION, KUBERNETES_VERSION } from '../src/version';
import { runCli, type CliResult } from './run';

/** Runs a sibling bundle of dist/ (dist/server.js) and hands back what it printed. */
function delegate(program: 'server', args: string[]): CliResult {
  const run = spawnSync(process.execPath, [join(__dirname, `${program}.js`), ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { stdout: run.stdout ?? '', stderr: run.stderr ?? String(run.error ?? ''), exitCode: run.status ?? 1 };
}

/** Entry point of dist/cli.js, the `atelier` command. */
const result = runCli(process.argv.slice(2), { atelierVersion: ATELIER_VERSION, kubernetesVersion: KUBERNETES_VERSION, delegate });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
