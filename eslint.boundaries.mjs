// Import boundaries between the layers (STYLE.md: the arrows go one way).
//   client -> simulator, client -> server only over LSP (never by import)
//   server -> simulator (the shared API knowledge), never vscode nor client
//   simulator -> nothing of ours; its src/ is pure: no vscode, no Node.js I/O
// Kept apart from eslint.config.mjs so that test/lint can check the rules themselves.
import { builtinModules } from 'node:module';

const layer = (name) => ({
  group: [`**/${name}/**`, `**/${name}`],
  message: `Import interdit : les couches ne se croisent pas dans ce sens (voir ../shared/STYLE.md, « the arrows go one way »).`,
});
const vscodeApi = {
  name: 'vscode',
  message: "Import interdit : seul client/ parle à l'API de VS Code ; le serveur et le simulateur servent aussi hors de VS Code.",
};
const nodeIo = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)].map((name) => ({
  name,
  message: "Import interdit : simulator/src est une bibliothèque pure (pas d'horloge, pas d'E/S) ; l'E/S vit dans simulator/cli ou le client.",
}));

/** @type {import('eslint').Linter.Config[]} */
export default [
  {
    name: 'atelier/boundaries/simulator-src',
    files: ['simulator/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [vscodeApi, ...nodeIo], patterns: [layer('client'), layer('server'), layer('cli')] }],
      'no-restricted-globals': [
        'error',
        ...['setTimeout', 'setInterval', 'setImmediate', 'process', 'require', 'fetch'].map((name) => ({
          name,
          message: "Interdit dans le simulateur : le temps et les E/S sont injectés (Clock, Random), voir STYLE.md, habitude 5.",
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Interdit dans le simulateur : utilise le Random à graine (simulator/src/random.ts).' },
        { object: 'Date', property: 'now', message: "Interdit dans le simulateur : utilise l'horloge injectée (Clock)." },
      ],
    },
  },
  {
    name: 'atelier/boundaries/simulator-cli',
    // The CLI and the REST facade (`atelier serve`): Node.js I/O around the pure simulator.
    files: ['simulator/cli/**/*.ts', 'simulator/serve/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [vscodeApi], patterns: [layer('client'), layer('server')] }],
    },
  },
  {
    name: 'atelier/boundaries/server',
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [vscodeApi], patterns: [layer('client')] }],
    },
  },
  {
    name: 'atelier/boundaries/client',
    files: ['client/**/*.ts'],
    rules: {
      // The client reaches the server over LSP only (vscode-languageclient), never by import.
      'no-restricted-imports': ['error', { patterns: [layer('server')] }],
    },
  },
];
