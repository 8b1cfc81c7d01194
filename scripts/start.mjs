// `npm start`: builds and packages the extension, installs the pinned code-server into
// .code-server/ when it is not there yet, installs the .vsix into it, prepares the course
// workspace (.atelier-workspace/) and serves the Atelier at http://127.0.0.1:PORT.
//   npm start -- --port 8080     a given port (or PORT=8080 npm start); default 8080 if free
//   npm start -- --desktop       the desktop VS Code found on the PATH instead (code, codium...)
//   npm start -- --no-build      reuse atelier-kubernetes.vsix as it is
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CODE_SERVER_DIR, ensureCodeServer, freePort, installExtension, startCodeServer, writeUserSettings } from './codeServer.mjs';
import { ROOT } from './system.mjs';
import { prepareWorkspace } from './workspace.mjs';

const VSIX = path.join(ROOT, 'atelier-kubernetes.vsix');
const WORKSPACE = path.join(ROOT, '.atelier-workspace');
const USER_DATA = path.join(CODE_SERVER_DIR, 'user-data');
const EXTENSIONS = path.join(CODE_SERVER_DIR, 'extensions');
const LOG = path.join(CODE_SERVER_DIR, 'code-server.log');

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const shell = process.platform === 'win32';
const run = (command, commandArgs) => spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit', shell });

if (!args.includes('--no-build') && run('npm', ['run', 'package']).status !== 0) {
  console.error("\nÉchec de la construction de l'extension : lis les erreurs ci-dessus.");
  process.exit(1);
}
if (!existsSync(VSIX)) {
  console.error(`${VSIX} est absent : lance npm start sans --no-build.`);
  process.exit(1);
}

if (args.includes('--desktop')) startDesktop();
else await startInBrowser();

/** The desktop way: install the .vsix into the VS Code on the PATH and open the workspace there. */
function startDesktop() {
  const editor = ['code', 'code-insiders', 'codium'].find((name) => spawnSync(name, ['--version'], { stdio: 'ignore', shell }).status === 0);
  if (!editor) {
    console.log(`
Extension prête : ${VSIX}
Aucun VS Code trouvé dans le PATH (commandes code, code-insiders, codium).
Pour l'installer : dans VS Code, palette de commandes > « Extensions: Install from VSIX... »,
puis choisis ce fichier ; ou, en ligne de commande : code --install-extension ${path.basename(VSIX)}`);
    process.exit(0);
  }
  if (run(editor, ['--install-extension', VSIX, '--force']).status !== 0) process.exit(1);
  prepareWorkspace(WORKSPACE);
  run(editor, [WORKSPACE]);
  console.log(`\nAtelier Kubernetes est installé dans ${editor}. Ouvre la vue « Atelier Kubernetes » dans la barre d'activité.`);
}

/** The default: a code-server of this folder, opened in the browser. */
async function startInBrowser() {
  if (!ensureCodeServer()) process.exit(1);
  console.log('\n=== Installation de atelier-kubernetes.vsix dans code-server');
  if (!installExtension(VSIX, { userDataDir: USER_DATA, extensionsDir: EXTENSIONS })) process.exit(1);
  // First start only: the workspace's README opens, and the repository around the workspace
  // is not offered to Git.
  writeUserSettings(USER_DATA, {
    'workbench.startupEditor': 'readme',
    'git.openRepositoryInParentFolders': 'never',
    'telemetry.telemetryLevel': 'off',
  });
  const copied = prepareWorkspace(WORKSPACE);
  console.log(`=== Espace de travail : ${path.relative(ROOT, WORKSPACE)}/ (${copied} nouvel(s) exercice(s) copié(s))`);

  const wanted = Number(option('--port') ?? process.env.PORT ?? 8080);
  const port = await freePort(wanted);
  if (port !== wanted) console.log(`=== Le port ${wanted} est pris : code-server prend le port ${port}.`);
  const log = openSync(LOG, 'w');
  let server;
  try {
    server = await startCodeServer({ port, userDataDir: USER_DATA, extensionsDir: EXTENSIONS, folder: WORKSPACE, output: log });
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}. Son journal (${path.relative(ROOT, LOG)}) :\n`);
    console.error(readFileSync(LOG, 'utf8').split('\n').slice(-30).join('\n'));
    process.exit(1);
  }
  closeSync(log);
  console.log(`
L'Atelier Kubernetes est prêt : ouvre ${server.url} dans ton navigateur.
(Journal de code-server : ${path.relative(ROOT, LOG)} ; Ctrl+C pour arrêter.)`);

  let stopping = false;
  const stop = () => {
    stopping = true;
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  server.child.once('exit', (code) => {
    if (stopping) return;
    console.error(`\ncode-server s'est arrêté (code ${code}) : voir ${path.relative(ROOT, LOG)}.`);
    process.exit(code ?? 1);
  });
}
