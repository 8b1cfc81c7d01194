// `npm start`: builds and packages the extension, then installs it into the
// VS Code found on the PATH (code, code-insiders or codium) and opens this
// folder in it. Without one, it says how to install the .vsix by hand.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vsix = path.join(root, 'atelier-kubernetes.vsix');
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });

if (run('npm', ['run', 'package']).status !== 0) {
  console.error("\nÉchec de la construction de l'extension : lis les erreurs ci-dessus.");
  process.exit(1);
}

const editor = ['code', 'code-insiders', 'codium'].find(
  (name) => spawnSync(name, ['--version'], { stdio: 'ignore', shell: process.platform === 'win32' }).status === 0,
);
if (!editor) {
  console.log(`
Extension prête : ${vsix}
Aucun VS Code trouvé dans le PATH (commandes code, code-insiders, codium).
Pour l'installer : dans VS Code, palette de commandes > « Extensions: Install from VSIX... »,
puis choisis ce fichier ; ou, en ligne de commande : code --install-extension ${path.basename(vsix)}`);
  process.exit(0);
}
if (run(editor, ['--install-extension', vsix, '--force']).status !== 0) process.exit(1);
run(editor, [root]);
console.log(`\nAtelier Kubernetes est installé dans ${editor}. Ouvre la vue « Atelier Kubernetes » dans la barre d'activité.`);
