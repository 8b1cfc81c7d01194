import * as assert from 'node:assert/strict';
import { CodeActionRequest, DidOpenTextDocumentNotification, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { LspSession } from '../../support/lspSession';

describe('server: Dockerfiles over stdio (dist/server.js)', () => {
  let session: LspSession;

  beforeEach(() => {
    session = new LspSession();
  });

  afterEach(() => session.dispose());

  const uri = 'file:///atelier/app/Dockerfile';
  const text = ['FROM nginx', 'RUN apt-get update && apt-get install curl', 'CMD ["nginx", "-g", "daemon off;"]', ''].join('\n');

  it('routes a dockerfile document to the Dockerfile features: diagnostics, hover, quick fixes', async () => {
    await session.handshake();
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });

    const published = await session.diagnosticsFor(uri, (p) => p.version === 1);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['dockerfile-image-latest', 0],
        ['dockerfile-apt-get-yes', 1],
      ],
    );
    // No YAML diagnostic: the text was not read as a manifest.
    assert.ok(published.diagnostics.every((d) => String(d.code).startsWith('dockerfile-')));

    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 1 } });
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /^\*\*CMD\*\* — La commande par défaut du conteneur\./);

    const yes = published.diagnostics.find((d) => d.code === 'dockerfile-apt-get-yes')!;
    const actions = await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: yes.range, context: { diagnostics: [yes] } });
    assert.deepEqual(
      actions?.map((a) => ('edit' in a ? a.edit?.changes?.[uri] : undefined)),
      [[{ range: { start: { line: 1, character: 37 }, end: { line: 1, character: 37 } }, newText: ' -y' }]],
    );
  });

  it('recognises a Dockerfile by its name when the client says plaintext', async () => {
    await session.handshake();
    const named = 'file:///atelier/app/api.dockerfile';
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: named, languageId: 'plaintext', version: 1, text: 'RUN echo hi\n' } });
    const published = await session.diagnosticsFor(named, (p) => p.version === 1);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['dockerfile-no-from']);
  });
});
