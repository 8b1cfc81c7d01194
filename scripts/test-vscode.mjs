// `npm run test:vscode`: the smoke tests of test/e2e/vscode/ inside a desktop VS Code that
// @vscode/test-electron downloads (network needed: update.code.visualstudio.com), with the
// extension loaded from this folder. Where VS Code cannot be downloaded, `npm run test:e2e`
// drives the pinned code-server instead.
//   ATELIER_VSCODE_VERSION=1.100.3 npm run test:vscode    another VS Code than the latest stable
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { ROOT } from './system.mjs';

const version = process.env.ATELIER_VSCODE_VERSION ?? 'stable';

if (spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);

let vscodeExecutablePath;
try {
  vscodeExecutablePath = await downloadAndUnzipVSCode({ version, timeout: 30_000 });
} catch (error) {
  console.error(`
npm run test:vscode n'a pas pu télécharger VS Code ${version} (${error instanceof Error ? error.message : String(error)}).
Ces tests lancent un VS Code de bureau téléchargé depuis update.code.visualstudio.com : il
faut un accès à Internet. Sans lui, lance les tests de bout en bout dans code-server :
npm run test:e2e`);
  process.exit(1);
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn("Pas d'écran (DISPLAY) : VS Code risque de ne pas démarrer. Sur un serveur : xvfb-run -a npm run test:vscode");
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'atelier-vscode-'));
mkdirSync(path.join(scratch, 'workspace'));
let code = 0;
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'test', 'e2e', 'vscode', 'index.cjs'),
    launchArgs: [path.join(scratch, 'workspace'), '--disable-extensions', '--user-data-dir', path.join(scratch, 'user-data'), '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`\nLes tests dans VS Code ont échoué : ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
