// The entry point of `npm run test:vscode` inside VS Code's extension host
// (@vscode/test-electron's extensionTestsPath): mocha runs the *.vscode.ts files of this
// folder, compiled on the fly by tsx, with the real `vscode` API at hand.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

exports.run = async function run() {
  require('tsx/cjs');
  const Mocha = require('mocha');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: true });
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.vscode.ts')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed inside VS Code`)) : resolve()));
  });
};
