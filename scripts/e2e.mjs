// `npm run test:e2e`: builds and packages the extension, installs what the end-to-end tests
// need (Chromium and the pinned code-server, as `npm start` does), then runs test/e2e/*.e2e.ts
// with mocha. Arguments after `--` go to mocha (e.g. `npm run test:e2e -- --grep survol`).
//   --no-build   reuse atelier-kubernetes.vsix as it is (.ci/run packages it just before)
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ensureCodeServer } from './codeServer.mjs';
import { ROOT, ensureSystemPackages } from './system.mjs';

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const mochaArgs = args.filter((arg) => arg !== '--no-build');
const run = (command, commandArgs) => spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });

if (build && run('npm', ['run', 'package']).status !== 0) {
  console.error("\nÉchec de la construction de l'extension : lis les erreurs ci-dessus.");
  process.exit(1);
}
if (!ensureSystemPackages(['chromium'], 'pour les tests de bout en bout (Playwright le pilote)')) process.exit(1);
if (!ensureCodeServer()) process.exit(1);

const mocha = path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const result = run(process.execPath, [mocha, '--config', path.join('test', 'e2e', '.mocharc.json'), ...mochaArgs]);
process.exit(result.status ?? 1);
