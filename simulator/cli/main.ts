import { ATELIER_VERSION, KUBERNETES_VERSION } from '../src/version';
import { runCli } from './run';

/** Entry point of dist/cli.js, the `atelier` command. */
const result = runCli(process.argv.slice(2), { atelierVersion: ATELIER_VERSION, kubernetesVersion: KUBERNETES_VERSION });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
