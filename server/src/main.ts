import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ATELIER_VERSION } from '../../simulator/src/version';
import { runLint } from './lintCommand';
import { startServer } from './server';

/**
 * Entry point of dist/server.js. The transport comes from the command line, as
 * every LSP client passes it: `--stdio`, `--node-ipc`, `--socket=PORT` or
 * `--pipe=NAME`.
 */
const args = process.argv.slice(2);
const lint = args[0] === 'lint';
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const help = args.includes('--help');

if (lint) {
  const result = runLint(args.slice(1));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
} else if (args.includes('--version')) {
  process.stdout.write(`${ATELIER_VERSION}\n`);
} else if (help || !args.some((a) => transports.some((t) => a.startsWith(t)))) {
  const out = help ? process.stdout : process.stderr;
  out.write(
    [
      'Serveur de langage Atelier Kubernetes (LSP)',
      '',
      'Usage : node dist/server.js --stdio',
      '        node dist/server.js lint FICHIER…|DOSSIER   (comme « atelier lint »)',
      '',
      'Options de transport : --stdio, --node-ipc, --socket=PORT, --pipe=NOM',
      'Autres options : --version, --help',
      '',
      "Ce programme est lancé par un éditeur (VS Code, Neovim, Emacs...) qui lui parle en JSON-RPC ;",
      'il ne sert à rien de le lancer seul dans un terminal.',
      '',
    ].join('\n'),
  );
  if (!help) process.exitCode = 2;
} else {
  startServer(createConnection(ProposedFeatures.all));
}
