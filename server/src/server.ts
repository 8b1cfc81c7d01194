import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverCapabilities } from './capabilities';
import { computeDiagnostics } from './features/diagnostics';

/**
 * Wires the language features to an LSP connection. This file only adapts
 * protocol events to the pure feature functions (STYLE.md, habit 1).
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);

  connection.onInitialize(() => serverCapabilities());

  const publish = (document: TextDocument): void => {
    void connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: computeDiagnostics(document),
    });
  };
  documents.onDidChangeContent((event) => publish(event.document));
  // A closed document keeps no stale problems in the client's list.
  documents.onDidClose((event) => {
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}
