/**
 * Smoke tests inside a real VS Code (`npm run test:vscode`, @vscode/test-electron): the
 * extension activates, registers every command it contributes, and applies a file.
 * The workspace is a fresh temporary folder (scripts/test-vscode.mjs).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEPLOYMENT } from '../support/manifests';

const EXTENSION_ID = 'atelier-kubernetes.atelier-kubernetes';

interface Contributes {
  contributes: { commands: { command: string }[] };
}

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not loaded`);
  return found;
}

describe('Atelier Kubernetes dans VS Code', function () {
  it("s'active", async function () {
    await extension().activate();
    assert.equal(extension().isActive, true);
  });

  it('enregistre toutes les commandes qu’il déclare', async function () {
    await extension().activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const declared = (extension().packageJSON as Contributes).contributes.commands.map((c) => c.command);
    assert.ok(declared.length > 0);
    assert.deepEqual(declared.filter((command) => !registered.has(command)), []);
  });

  it('applique un fichier au cluster simulé', async function () {
    await extension().activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is not open');
    const file = vscode.Uri.joinPath(folder.uri, 'deployment.yaml');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(DEPLOYMENT));
    await vscode.window.showTextDocument(file);
    const report = await vscode.commands.executeCommand<{ results: { text: string }[] } | undefined>('atelierKubernetes.applyFile');
    assert.deepEqual(report?.results.map((result) => result.text), ['deployment.apps/web created']);
    const described = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('atelierKubernetes.describe', file);
    assert.match(described?.document.getText() ?? '', /^Name:\s+web$/m);
  });
});
