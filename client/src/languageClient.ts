import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The documents the language server looks at: every YAML file, on disk or not. */
export const DOCUMENT_SELECTOR = [
  { language: 'yaml', scheme: 'file' },
  { language: 'yaml', scheme: 'untitled' },
];

/**
 * Creates the client of dist/server.js, the same server other editors start
 * with `node dist/server.js --stdio`; VS Code talks to it over Node IPC.
 */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    // Hovers link to the chapter's walkthrough with a command: URI; only that command is trusted.
    markdown: { isTrusted: { enabledCommands: ['workbench.action.openWalkthrough'] }, supportHtml: false },
    // The server reads atelierKubernetes.* settings (rules on/off, severities).
    synchronize: { configurationSection: 'atelierKubernetes' },
  };
  return new LanguageClient('atelierKubernetes', vscode.l10n.t('Atelier Kubernetes — serveur de langage'), serverOptions, clientOptions);
}
