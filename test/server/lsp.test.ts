import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  TextDocumentSyncKind,
} from 'vscode-languageserver-protocol';
import { distFile, PACKAGE_VERSION as version } from '../support/dist';
import { LspSession } from '../support/lspSession';

describe('server: dist/server.js over stdio', () => {
  let session: LspSession;

  beforeEach(() => {
    session = new LspSession();
  });

  afterEach(() => session.dispose());

  it('answers initialize with its name, version and capabilities', async () => {
    const result = await session.initialize();
    assert.deepEqual(result.serverInfo, { name: 'atelier-kubernetes', version });
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
    // Only what is really served is announced: the features come with their own issue.
    assert.equal(result.capabilities.hoverProvider, undefined);
    assert.equal(result.capabilities.completionProvider, undefined);
  });

  it('publishes diagnostics for each version of an open YAML document, and clears them on close', async () => {
    await session.handshake();
    const uri = 'file:///atelier/deployment.yaml';
    await session.open(uri, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
    const first = await session.diagnosticsFor(uri, (p) => p.version === 1);
    assert.deepEqual(first.diagnostics, []);

    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } }, text: 'api' }],
    });
    const second = await session.diagnosticsFor(uri, (p) => p.version === 2);
    assert.deepEqual(second.diagnostics, []);

    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const cleared = await session.diagnosticsFor(uri, (p) => p.version === undefined);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('exits with code 0 after shutdown and exit', async () => {
    await session.initialize();
    assert.equal(await session.close(), 0);
  });
});

describe('server: dist/server.js on the command line', () => {
  it('prints its version with --version', () => {
    const run = spawnSync(process.execPath, [distFile('server.js'), '--version'], { encoding: 'utf8' });
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${version}\n`);
  });

  it('explains itself in French and exits with 2 when started without a transport', () => {
    const run = spawnSync(process.execPath, [distFile('server.js')], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Usage : node dist\/server\.js --stdio/);
    assert.match(run.stderr, /lancé par un éditeur/);
  });
});
