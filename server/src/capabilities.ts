import { CodeActionKind, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import { ATELIER_VERSION } from '../../simulator/src/version';

/** The server's name, as announced in `initialize` (serverInfo). */
export const SERVER_NAME = 'atelier-kubernetes';

/**
 * What the server announces in its `initialize` answer. It announces only what
 * it really serves: each feature adds its capability when it lands.
 */
export function serverCapabilities(): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: {
        openClose: true,
        change: TextDocumentSyncKind.Incremental,
      },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      completionProvider: { triggerCharacters: [' ', ':'] },
      documentSymbolProvider: { label: 'Kubernetes' },
      foldingRangeProvider: true,
    },
    serverInfo: { name: SERVER_NAME, version: ATELIER_VERSION },
  };
}
